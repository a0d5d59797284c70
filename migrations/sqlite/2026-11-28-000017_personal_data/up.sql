-- Personal data rights (issue 18, docs/security.md "Personal data").
--
-- security_events: the account's own security history (sign-ins, failed sign-ins,
-- password and second-factor changes, staff changes to it), the same events the
-- process log gets under target plenary::security, kept here so that the account
-- holder can download them and so that the worker can purge them after
-- PLENARY_RETENTION_DAYS. No IP address is stored: the database holds none.
CREATE TABLE security_events (
    id BIGINT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX security_events_user ON security_events (user_id, at);
CREATE INDEX security_events_at ON security_events (at);

-- When the account was erased (its row stays as a tombstone that the comments of the
-- record point to: "Former participant"); NULL for a live account.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP;

-- The retention purge deletes delivered emails by age.
CREATE INDEX outbox_sent_at ON outbox (sent_at);

-- Failed sign-ins are counted per address without storing the address: the column
-- holds a keyed SHA-256 of it (accounts::service::failure_key). The rows are only a
-- 15-minute counter, so the ones written before are dropped rather than converted.
DELETE FROM login_failures;
ALTER TABLE login_failures RENAME COLUMN email_lower TO address_key;
