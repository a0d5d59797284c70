DROP TABLE moderator_alerts;
DROP TABLE digest_items;
DROP TABLE events;
