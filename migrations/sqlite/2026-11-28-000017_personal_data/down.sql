DELETE FROM login_failures;
ALTER TABLE login_failures RENAME COLUMN address_key TO email_lower;
DROP INDEX outbox_sent_at;
ALTER TABLE users DROP COLUMN deleted_at;
DROP TABLE security_events;
