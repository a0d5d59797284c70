//! One integration test binary: the real server, a fresh database per test (SQLite by
#![allow(clippy::unwrap_used, clippy::expect_used)]
//! default, PostgreSQL when PLENARY_TEST_DATABASE_URL is set) and a real SMTP server.

mod accounts;
mod helpers;
mod schema;
