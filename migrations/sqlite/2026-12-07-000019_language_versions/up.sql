-- Language versions of a draft (issue 17). A draft is written in one of the six UN
-- languages; a language version gives the same paragraphs in another, aligned by
-- paragraph: its rows point at the original's paragraphs, so a comment (which points at
-- the paragraph, never at a version) is under paragraph 12 whichever version is read.
-- Each comment says which language it was written in.
ALTER TABLE drafts ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE comments ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

CREATE TABLE draft_translations (
    id BIGINT PRIMARY KEY NOT NULL,
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (draft_id, language)
);

CREATE TABLE paragraph_translations (
    translation_id BIGINT NOT NULL REFERENCES draft_translations (id),
    paragraph_id BIGINT NOT NULL REFERENCES paragraphs (id),
    section TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (translation_id, paragraph_id)
);

-- What the anonymous read cache checks (migration 000016) moves with them too.
CREATE TRIGGER read_epoch_translations_insert AFTER INSERT ON draft_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_translations_update AFTER UPDATE ON draft_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_translations_delete AFTER DELETE ON draft_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraph_translations_insert AFTER INSERT ON paragraph_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraph_translations_update AFTER UPDATE ON paragraph_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER read_epoch_paragraph_translations_delete AFTER DELETE ON paragraph_translations
BEGIN UPDATE read_epoch SET n = n + 1 WHERE id = 1; END;
