-- What the anonymous read cache checks before it serves rendered bytes (src/reads.rs,
-- docs/performance.md): two counters that every change to what those pages show moves
-- forward, in the same transaction as the change.
--
-- 1. comment_counts.changes: every insert, update and delete of a comment adds one to
--    the row of its draft, paragraph and group (both rows when one of those changes),
--    whatever its status. The count of published comments is kept by the same triggers,
--    which replace those of migration 000013 (one row write per comment, not two).
--    A counter per (draft, paragraph, group) rather than per draft: on PostgreSQL every
--    comment already locks its counts row, and a single row per draft would make
--    concurrent comments on one draft wait for each other's commits.
-- 2. read_epoch: one number for the rarely changed rest (consultations, drafts,
--    paragraphs, revision links, display names).

ALTER TABLE comment_counts ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;

-- Rows for groups whose comments are not (or no longer) published, so the upserts below
-- find them; their counters start at 0 like the others.
INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
SELECT DISTINCT draft_id, COALESCE(paragraph_id, 0), author_group, 0, 0 FROM comments WHERE true
ON CONFLICT (draft_id, paragraph_key, author_group) DO NOTHING;

DROP TRIGGER comment_counts_insert;
DROP TRIGGER comment_counts_leave;
DROP TRIGGER comment_counts_enter;
DROP TRIGGER comment_counts_delete;

CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
    VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group,
            NEW.status = 'published', 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + excluded.published, changes = changes + 1;
END;

CREATE TRIGGER comment_counts_update AFTER UPDATE ON comments
BEGIN
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
    VALUES (OLD.draft_id, COALESCE(OLD.paragraph_id, 0), OLD.author_group,
            -(OLD.status = 'published'), 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + excluded.published, changes = changes + 1;
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
    VALUES (NEW.draft_id, COALESCE(NEW.paragraph_id, 0), NEW.author_group,
            NEW.status = 'published', 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + excluded.published, changes = changes + 1;
END;

CREATE TRIGGER comment_counts_delete AFTER DELETE ON comments
BEGIN
    INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
    VALUES (OLD.draft_id, COALESCE(OLD.paragraph_id, 0), OLD.author_group,
            -(OLD.status = 'published'), 1)
    ON CONFLICT (draft_id, paragraph_key, author_group)
    DO UPDATE SET published = published + excluded.published, changes = changes + 1;
END;

CREATE TABLE read_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO read_epoch (id, n) VALUES (1, 0);

CREATE TRIGGER read_epoch_consultations_insert AFTER INSERT ON consultations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_consultations_update AFTER UPDATE ON consultations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_consultations_delete AFTER DELETE ON consultations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_drafts_insert AFTER INSERT ON drafts
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_drafts_update AFTER UPDATE ON drafts
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_drafts_delete AFTER DELETE ON drafts
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraphs_insert AFTER INSERT ON paragraphs
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraphs_update AFTER UPDATE ON paragraphs
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraphs_delete AFTER DELETE ON paragraphs
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_links_insert AFTER INSERT ON paragraph_links
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_links_update AFTER UPDATE ON paragraph_links
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_links_delete AFTER DELETE ON paragraph_links
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_users_name AFTER UPDATE OF display_name ON users
WHEN OLD.display_name IS NOT NEW.display_name
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_users_delete AFTER DELETE ON users
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
