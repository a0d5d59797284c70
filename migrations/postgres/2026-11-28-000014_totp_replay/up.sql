-- The time step of the last one-time code accepted for each account (RFC 6238 §5.2):
-- a code whose step is not later than this one is refused, so no code works twice.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
