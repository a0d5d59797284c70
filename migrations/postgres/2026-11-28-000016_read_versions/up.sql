-- What the anonymous read cache checks before it serves rendered bytes (src/reads.rs,
-- docs/performance.md): two counters that every change to what those pages show moves
-- forward, in the same transaction as the change.
--
-- 1. comment_counts.changes: every insert, update and delete of a comment adds one to
--    the row of its draft, paragraph and group (both rows when one of those changes),
--    whatever its status, in the same row write as the published count of migration
--    000013. A counter per (draft, paragraph, group) rather than per draft: every
--    comment already locks its counts row, and a single row per draft would make
--    concurrent comments on one draft wait for each other's commits.
-- 2. read_epoch: one number for the rarely changed rest (consultations, drafts,
--    paragraphs, revision links, display names), moved once per statement.

ALTER TABLE comment_counts ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;

INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
SELECT DISTINCT draft_id, COALESCE(paragraph_id, 0), author_group, 0, 0 FROM comments
ON CONFLICT (draft_id, paragraph_key, author_group) DO NOTHING;

DROP TRIGGER comment_counts_follow ON comments;

CREATE OR REPLACE FUNCTION comment_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
        VALUES (OLD.draft_id, COALESCE(OLD.paragraph_id, 0), OLD.author_group,
                -(OLD.status = 'published')::int, 1)
        ON CONFLICT (draft_id, paragraph_key, author_group)
        DO UPDATE SET published = comment_counts.published + excluded.published,
                      changes = comment_counts.changes + 1;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
        VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group,
                (NEW.status = 'published')::int, 1)
        ON CONFLICT (draft_id, paragraph_key, author_group)
        DO UPDATE SET published = comment_counts.published + excluded.published,
                      changes = comment_counts.changes + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER comment_counts_follow
AFTER INSERT OR DELETE OR UPDATE ON comments
FOR EACH ROW EXECUTE FUNCTION comment_counts_follow();

CREATE TABLE read_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO read_epoch (id, n) VALUES (1, 0);

CREATE FUNCTION read_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE read_epoch SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER read_epoch_consultations AFTER INSERT OR UPDATE OR DELETE ON consultations
FOR EACH STATEMENT EXECUTE FUNCTION read_epoch_bump();
CREATE TRIGGER read_epoch_drafts AFTER INSERT OR UPDATE OR DELETE ON drafts
FOR EACH STATEMENT EXECUTE FUNCTION read_epoch_bump();
CREATE TRIGGER read_epoch_paragraphs AFTER INSERT OR UPDATE OR DELETE ON paragraphs
FOR EACH STATEMENT EXECUTE FUNCTION read_epoch_bump();
CREATE TRIGGER read_epoch_links AFTER INSERT OR UPDATE OR DELETE ON paragraph_links
FOR EACH STATEMENT EXECUTE FUNCTION read_epoch_bump();
CREATE TRIGGER read_epoch_users_name AFTER UPDATE OF display_name OR DELETE ON users
FOR EACH STATEMENT EXECUTE FUNCTION read_epoch_bump();
