//! Revisions: a new version of a draft whose paragraphs keep their lineage to the earlier
//! version, so that every comment stays findable; dispositions answer each input.

pub mod matching;
pub mod service;
