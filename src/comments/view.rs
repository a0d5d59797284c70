//! What a viewer sees of a comment: the text only if they may read it (a placeholder
//! otherwise), and the author fields the chosen attribution allows. Used by the API's
//! JSON and by the pages, so both show exactly the same thing.

use serde::Serialize;

use crate::clock::rfc3339;
use crate::comments::model::{Comment, Viewer};

/// What the comment's attribution lets the viewer see of its author.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuthorOut {
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "crate::ids::opt_string"
    )]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[schema(schema_with = crate::vocabulary::stakeholder_group)]
    pub stakeholder_group: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub affiliation_verified: bool,
}

/// A comment as the viewer may see it: `body` and `proposed_text` are null when the
/// viewer may not read them (a hidden comment kept for the shape of its thread).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommentOut {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    /// `null`: on the draft as a whole.
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub paragraph_id: Option<i64>,
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub parent_id: Option<i64>,
    #[schema(schema_with = crate::vocabulary::comment_kind)]
    pub kind: String,
    pub body: Option<String>,
    pub proposed_text: Option<String>,
    #[schema(schema_with = crate::vocabulary::comment_status)]
    pub status: String,
    #[schema(schema_with = crate::vocabulary::attribution)]
    pub attribution: String,
    pub author: AuthorOut,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub edited_at: Option<String>,
    /// The secretariat's answer: incorporated, partly_incorporated, not_incorporated, noted.
    #[schema(schema_with = crate::vocabulary::opt_disposition)]
    pub disposition: Option<String>,
    pub disposition_explanation: Option<String>,
    /// The language it is written in, whichever language version it was written on.
    #[schema(schema_with = crate::vocabulary::language)]
    pub language: String,
    /// Whether the viewer wrote it (lets pages offer edit and withdraw).
    #[serde(skip)]
    #[schema(ignore)]
    pub mine: bool,
}

impl CommentOut {
    pub fn new(c: &Comment, display_name: &str, viewer: Viewer) -> CommentOut {
        let readable = c.readable_by(viewer);
        let mine = viewer.id == Some(c.author_id);
        // Moderators (and the author) see everything; others what attribution allows.
        let full = viewer.moderator || mine;
        let (show_name, show_org) = match c.attribution.as_str() {
            _ if full => (true, true),
            "name" => (true, true),
            "organization" => (false, true),
            _ => (false, false),
        };
        let org =
            (show_org && !c.author_organization.is_empty()).then(|| c.author_organization.clone());
        CommentOut {
            id: c.id,
            draft_id: c.draft_id,
            paragraph_id: c.paragraph_id,
            parent_id: c.parent_id,
            kind: c.kind.clone(),
            body: readable.then(|| c.body.clone()),
            proposed_text: if readable {
                c.proposed_text.clone()
            } else {
                None
            },
            status: c.status.clone(),
            attribution: c.attribution.clone(),
            author: AuthorOut {
                id: show_name.then_some(c.author_id),
                display_name: show_name.then(|| display_name.to_string()),
                organization: org,
                stakeholder_group: c.author_group.clone(),
                country: if show_org {
                    c.author_country.clone()
                } else {
                    None
                },
                affiliation_verified: c.author_verified,
            },
            created_at: rfc3339(c.created_at),
            edited_at: c.edited_at.map(rfc3339),
            disposition: c.disposition.clone(),
            disposition_explanation: c.disposition_explanation.clone(),
            language: c.language.clone(),
            mine,
        }
    }
}
