DROP TRIGGER read_epoch_paragraph_translations ON paragraph_translations;
DROP TRIGGER read_epoch_translations ON draft_translations;
DROP TABLE paragraph_translations;
DROP TABLE draft_translations;
ALTER TABLE comments DROP COLUMN language;
ALTER TABLE drafts DROP COLUMN language;
