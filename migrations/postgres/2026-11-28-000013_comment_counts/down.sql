DROP TRIGGER comment_counts_follow ON comments;
DROP FUNCTION comment_counts_follow();
DROP TABLE comment_counts;
