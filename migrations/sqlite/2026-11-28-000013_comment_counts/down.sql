DROP TRIGGER comment_counts_delete;
DROP TRIGGER comment_counts_enter;
DROP TRIGGER comment_counts_leave;
DROP TRIGGER comment_counts_insert;
DROP TABLE comment_counts;
