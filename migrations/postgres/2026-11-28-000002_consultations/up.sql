-- Consultations, drafts, paragraphs, comments with their edit history, flags, follows.
CREATE TABLE consultations (
    id BIGINT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    opens_at TIMESTAMP NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    moderation TEXT NOT NULL DEFAULT 'post',
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE drafts (
    id BIGINT PRIMARY KEY NOT NULL,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    title TEXT NOT NULL,
    version_label TEXT NOT NULL,
    previous_draft_id BIGINT REFERENCES drafts (id),
    read_only BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX drafts_consultation ON drafts (consultation_id, id);
CREATE INDEX drafts_previous ON drafts (previous_draft_id);

CREATE TABLE paragraphs (
    id BIGINT PRIMARY KEY NOT NULL,
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    section TEXT,
    text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    UNIQUE (draft_id, number)
);

CREATE TABLE comments (
    id BIGINT PRIMARY KEY NOT NULL,
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    paragraph_id BIGINT REFERENCES paragraphs (id),
    parent_id BIGINT REFERENCES comments (id),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    proposed_text TEXT,
    status TEXT NOT NULL,
    attribution TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id),
    author_group TEXT NOT NULL,
    author_organization TEXT NOT NULL,
    author_country TEXT,
    author_verified BOOLEAN NOT NULL,
    flag_count INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    edited_at TIMESTAMP
);
-- A page of a draft's comments, of one paragraph's, a thread's replies, an author's.
CREATE INDEX comments_draft ON comments (draft_id, id);
CREATE INDEX comments_paragraph ON comments (paragraph_id, id);
CREATE INDEX comments_parent ON comments (parent_id, id);
CREATE INDEX comments_author ON comments (author_id, id);
CREATE INDEX comments_status ON comments (status, id);

CREATE TABLE comment_edits (
    id BIGINT PRIMARY KEY NOT NULL,
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    body TEXT NOT NULL,
    proposed_text TEXT,
    edited_at TIMESTAMP NOT NULL
);
CREATE INDEX comment_edits_comment ON comment_edits (comment_id, id);

CREATE TABLE flags (
    id BIGINT PRIMARY KEY NOT NULL,
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    note TEXT,
    -- Set when a moderator decides on the comment; open flags put it in the queue.
    resolved BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (comment_id, user_id)
);
CREATE INDEX flags_open ON flags (resolved, comment_id);

CREATE TABLE follows (
    user_id BIGINT NOT NULL REFERENCES users (id),
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, draft_id)
);
CREATE INDEX follows_draft ON follows (draft_id, user_id);
