//! Drafts (one version of one document) and their numbered paragraphs: import from
//! Markdown, reading with per-group comment counts, and statistics.

pub mod docx;
pub mod markdown;
pub mod service;
pub mod tags;
pub mod translations;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{drafts, paragraphs};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = drafts)]
pub struct Draft {
    pub id: i64,
    pub consultation_id: i64,
    pub title: String,
    pub version_label: String,
    pub previous_draft_id: Option<i64>,
    pub read_only: bool,
    pub created_at: NaiveDateTime,
    /// The language the draft is written in: a code of [`crate::i18n::Lang`].
    pub language: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = paragraphs)]
pub struct Paragraph {
    pub id: i64,
    pub draft_id: i64,
    pub number: i32,
    pub label: String,
    pub section: Option<String>,
    pub text: String,
    pub tags: String,
}

impl Paragraph {
    pub fn tag_list(&self) -> Vec<&str> {
        self.tags.split_whitespace().collect()
    }
}

/// The valid paragraph tags: WSIS Action Lines C1–C11 and SDG1–SDG17.
pub fn is_valid_tag(tag: &str) -> bool {
    let num = |s: &str, max: u32| {
        s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n)) && !s.starts_with('0')
    };
    match (tag.strip_prefix("SDG"), tag.strip_prefix('C')) {
        (Some(n), _) => num(n, 17),
        (None, Some(n)) => num(n, 11),
        _ => false,
    }
}
