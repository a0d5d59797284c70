-- Paragraph lineage between versions, and the secretariat's answer to each input.
CREATE TABLE paragraph_links (
    id BIGINT PRIMARY KEY NOT NULL,
    from_paragraph_id BIGINT NOT NULL REFERENCES paragraphs (id),
    to_paragraph_id BIGINT NOT NULL REFERENCES paragraphs (id),
    change TEXT NOT NULL,
    UNIQUE (from_paragraph_id, to_paragraph_id)
);
CREATE INDEX paragraph_links_to ON paragraph_links (to_paragraph_id);

ALTER TABLE comments ADD COLUMN disposition TEXT;
ALTER TABLE comments ADD COLUMN disposition_explanation TEXT;
ALTER TABLE comments ADD COLUMN disposition_at TIMESTAMP;
