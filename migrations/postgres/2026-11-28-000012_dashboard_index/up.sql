-- The participation dashboard (src/dashboard/service.rs) groups a draft's published
-- comments by paragraph, group and kind, by country, by author and by day. This index
-- holds every column those queries read, so each one scans the draft's entries of the
-- index alone, never the comments' rows (their bodies): the dashboard of a draft with
-- 100,000 comments stays fast.
CREATE INDEX comments_dashboard ON comments
    (draft_id, status, author_group, paragraph_id, kind, author_country, author_id, created_at);
