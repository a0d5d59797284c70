-- A comment's notification fan-out to a draft's followers is written in chunks of
-- recipients, one transaction each, so that it never holds SQLite's one write lock for
-- long (docs/performance.md). The last recipient (user id) whose notice is written is
-- kept with the event in the same transaction as the chunk, so a worker that stops
-- half-way resumes after it and nobody hears of a comment twice.
ALTER TABLE events ADD COLUMN fanout_after BIGINT NOT NULL DEFAULT 0;
