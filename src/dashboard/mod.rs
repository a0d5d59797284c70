//! The participation dashboard: who has been heard on which part of a draft, by
//! stakeholder group, paragraph, Action Line, country, UN region and day.
//!
//! `service` computes the figures with one grouped query per aggregate (published
//! comments only); `balance` is the rule that flags lopsided paragraphs; `regions` is the
//! bundled ISO 3166-1 → UN M49 table. The page is `web::pages::dashboard`.

pub mod balance;
pub mod regions;
pub mod service;
