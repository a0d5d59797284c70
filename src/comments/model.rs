//! Comments as stored, and their closed vocabularies.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::comments;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = comments)]
pub struct Comment {
    pub id: i64,
    pub draft_id: i64,
    pub paragraph_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub body: String,
    pub proposed_text: Option<String>,
    pub status: String,
    pub attribution: String,
    pub author_id: i64,
    pub author_group: String,
    pub author_organization: String,
    pub author_country: Option<String>,
    pub author_verified: bool,
    pub flag_count: i32,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
    pub disposition: Option<String>,
    pub disposition_explanation: Option<String>,
    pub disposition_at: Option<NaiveDateTime>,
    /// The language the comment is written in: a code of [`crate::i18n::Lang`].
    pub language: String,
}

pub const DISPOSITIONS: [&str; 4] = [
    "incorporated",
    "partly_incorporated",
    "not_incorporated",
    "noted",
];

pub const KINDS: [&str; 2] = ["comment", "amendment"];
pub const ATTRIBUTIONS: [&str; 3] = ["name", "organization", "group"];
pub const STATUSES: [&str; 5] = ["pending", "published", "hidden", "rejected", "withdrawn"];

/// Who is looking: decides which comments and which author fields are visible.
#[derive(Debug, Clone, Copy, Default)]
pub struct Viewer {
    pub id: Option<i64>,
    pub moderator: bool,
}

impl Viewer {
    pub fn anonymous() -> Viewer {
        Viewer::default()
    }

    pub fn of(user: Option<&crate::accounts::model::User>) -> Viewer {
        Viewer {
            id: user.map(|u| u.id),
            moderator: user.is_some_and(|u| u.is_moderator()),
        }
    }
}

impl Comment {
    pub fn is_published(&self) -> bool {
        self.status == "published"
    }

    /// Whether `viewer` may read this comment's text.
    pub fn readable_by(&self, viewer: Viewer) -> bool {
        self.is_published() || viewer.moderator || viewer.id == Some(self.author_id)
    }
}
