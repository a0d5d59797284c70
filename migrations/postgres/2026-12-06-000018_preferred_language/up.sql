-- The language an account reads Plenary in (issue 16): its pages after it signs in and
-- every email it is sent. One of the six UN languages: ar, zh, en, fr, ru, es.
ALTER TABLE users ADD COLUMN preferred_language TEXT NOT NULL DEFAULT 'en';
