-- Notification events (written with the change that causes them, fanned out by the
-- worker), daily digest items, and the hourly limit of moderator alerts.
CREATE TABLE events (
    id BIGINT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    comment_id BIGINT,
    draft_id BIGINT,
    actor_id BIGINT,
    detail TEXT,
    reason TEXT,
    processed_at TIMESTAMP,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX events_due ON events (processed_at, id);

CREATE TABLE digest_items (
    id BIGINT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    consultation_title TEXT NOT NULL,
    draft_title TEXT NOT NULL,
    draft_id BIGINT NOT NULL,
    line TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX digest_items_unsent ON digest_items (sent_at, user_id, id);

CREATE TABLE moderator_alerts (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users (id),
    last_sent_at TIMESTAMP NOT NULL
);
