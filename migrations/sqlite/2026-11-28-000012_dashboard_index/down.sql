DROP INDEX comments_dashboard;
