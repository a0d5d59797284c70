ALTER TABLE events DROP COLUMN fanout_after;
