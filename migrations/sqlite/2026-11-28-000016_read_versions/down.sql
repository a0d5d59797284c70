DROP TRIGGER read_epoch_users_delete;
DROP TRIGGER read_epoch_users_name;
DROP TRIGGER read_epoch_links_delete;
DROP TRIGGER read_epoch_links_update;
DROP TRIGGER read_epoch_links_insert;
DROP TRIGGER read_epoch_paragraphs_delete;
DROP TRIGGER read_epoch_paragraphs_update;
DROP TRIGGER read_epoch_paragraphs_insert;
DROP TRIGGER read_epoch_drafts_delete;
DROP TRIGGER read_epoch_drafts_update;
DROP TRIGGER read_epoch_drafts_insert;
DROP TRIGGER read_epoch_consultations_delete;
DROP TRIGGER read_epoch_consultations_update;
DROP TRIGGER read_epoch_consultations_insert;
DROP TABLE read_epoch;

DROP TRIGGER comment_counts_delete;
DROP TRIGGER comment_counts_update;
DROP TRIGGER comment_counts_insert;

CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published)
    VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group, 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + 1;
END;

CREATE TRIGGER comment_counts_leave AFTER UPDATE OF status, draft_id, paragraph_id, author_group
ON comments
WHEN OLD.status = 'published'
BEGIN
    UPDATE comment_counts SET published = published - 1
    WHERE draft_id = OLD.draft_id AND paragraph_key = COALESCE(OLD.paragraph_id, 0)
      AND author_group = OLD.author_group;
END;

CREATE TRIGGER comment_counts_enter AFTER UPDATE OF status, draft_id, paragraph_id, author_group
ON comments
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published)
    VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group, 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + 1;
END;

CREATE TRIGGER comment_counts_delete AFTER DELETE ON comments
WHEN OLD.status = 'published'
BEGIN
    UPDATE comment_counts SET published = published - 1
    WHERE draft_id = OLD.draft_id AND paragraph_key = COALESCE(OLD.paragraph_id, 0)
      AND author_group = OLD.author_group;
END;

ALTER TABLE comment_counts DROP COLUMN changes;
