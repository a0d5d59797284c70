-- Indexes found by the load benchmark (bench/, docs/performance.md, docs/database.md).
-- Each gives the planners (SQLite has no statistics unless ANALYZE runs) more equality
-- columns than comments_status (status, id), which they otherwise pick and then walk
-- every published comment of every draft.

-- Whether a hidden, rejected or withdrawn comment has a published reply (it then stays
-- as a placeholder in lists): one probe per such comment.
CREATE INDEX comments_parent_status ON comments (parent_id, status);

-- Published counts by paragraph and group (the reading page, GET /drafts/{id}, the
-- stats), read from the index alone, already in GROUP BY order.
CREATE INDEX comments_counts ON comments (draft_id, status, paragraph_id, author_group);

-- The first top-level published comments of each paragraph (the reading page's
-- previews): one short seek per paragraph. Partial, so replies and unpublished comments
-- cost it nothing, and id order within a paragraph is plain to both planners.
CREATE INDEX comments_heads ON comments (draft_id, paragraph_id, id)
    WHERE parent_id IS NULL AND status = 'published';
