DROP TRIGGER read_epoch_users_name ON users;
DROP TRIGGER read_epoch_links ON paragraph_links;
DROP TRIGGER read_epoch_paragraphs ON paragraphs;
DROP TRIGGER read_epoch_drafts ON drafts;
DROP TRIGGER read_epoch_consultations ON consultations;
DROP FUNCTION read_epoch_bump();
DROP TABLE read_epoch;

DROP TRIGGER comment_counts_follow ON comments;

CREATE OR REPLACE FUNCTION comment_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
        UPDATE comment_counts SET published = published - 1
        WHERE draft_id = OLD.draft_id AND paragraph_key = COALESCE(OLD.paragraph_id, 0)
          AND author_group = OLD.author_group;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published)
        VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group, 1)
        ON CONFLICT (draft_id, paragraph_key, author_group)
        DO UPDATE SET published = comment_counts.published + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER comment_counts_follow
AFTER INSERT OR DELETE OR UPDATE OF status, draft_id, paragraph_id, author_group ON comments
FOR EACH ROW EXECUTE FUNCTION comment_counts_follow();

ALTER TABLE comment_counts DROP COLUMN changes;
