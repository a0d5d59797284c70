ALTER TABLE comments DROP COLUMN disposition_at;
ALTER TABLE comments DROP COLUMN disposition_explanation;
ALTER TABLE comments DROP COLUMN disposition;
DROP TABLE paragraph_links;
