DROP INDEX comments_heads;
DROP INDEX comments_counts;
DROP INDEX comments_parent_status;
