DROP TABLE follows;
DROP TABLE flags;
DROP TABLE comment_edits;
DROP TABLE comments;
DROP TABLE paragraphs;
DROP TABLE drafts;
DROP TABLE consultations;
