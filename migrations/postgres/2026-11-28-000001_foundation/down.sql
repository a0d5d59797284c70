DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE outbox;
DROP TABLE login_failures;
DROP TABLE account_tokens;
DROP TABLE users;
DROP TABLE settings;
