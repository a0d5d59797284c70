//! Comments on drafts and paragraphs: replies, amendments, attribution, edits with
//! history, withdrawal, and who may see what.

pub mod model;
pub mod service;
pub mod validate;
pub mod view;
