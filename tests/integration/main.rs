//! One integration test binary: the real server, a fresh database per test (SQLite by
//! default, PostgreSQL when PLENARY_TEST_DATABASE_URL is set) and a real SMTP server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod accounts;
mod comments;
mod dashboard;
mod documents;
mod durability;
mod export;
mod helpers;
mod languages;
mod layers;
mod moderation;
mod notifications;
mod openapi;
mod pages;
mod privacy;
mod reads;
mod revisions;
mod schema;
mod security;
mod translations;
