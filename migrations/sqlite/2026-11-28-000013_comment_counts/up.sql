-- Published comments counted per draft, paragraph and stakeholder group, kept up to date
-- by triggers in the same transaction as the change to the comment, so that the reading
-- page and GET /api/v1/drafts/{id} read at most paragraphs x 6 rows by key instead of
-- counting every published comment of the draft on every request (docs/performance.md).
-- paragraph_key is the paragraph's id, or 0 for comments on the draft as a whole (ids
-- are positive), because a primary key cannot hold NULL.
CREATE TABLE comment_counts (
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    paragraph_key BIGINT NOT NULL,
    author_group TEXT NOT NULL,
    published BIGINT NOT NULL,
    PRIMARY KEY (draft_id, paragraph_key, author_group)
);

INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published)
SELECT draft_id, COALESCE(paragraph_id, 0), author_group, COUNT(*)
FROM comments WHERE status = 'published'
GROUP BY draft_id, COALESCE(paragraph_id, 0), author_group;

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
