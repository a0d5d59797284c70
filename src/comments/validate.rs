//! The validating constructors for new comments and edits, shared by the API and the
//! forms: every static rule (lengths, kinds, what an amendment needs) lives here.

use crate::comments::model::{ATTRIBUTIONS, KINDS};
use crate::error::{AppError, FieldErrors};

pub const MAX_BODY: usize = 10_000;

pub struct NewComment {
    pub paragraph_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub body: String,
    pub proposed_text: Option<String>,
    pub attribution: String,
    /// The language it is written in; the draft's when the author does not say.
    pub language: Option<crate::i18n::Lang>,
}

fn check_body(errors: &mut FieldErrors, field: &str, text: &str) {
    if text.trim().is_empty() {
        errors.add(field, "must not be empty");
    } else if text.chars().count() > MAX_BODY {
        errors.add(field, format!("must be at most {MAX_BODY} characters"));
    }
    if text.contains('\0') {
        errors.add(field, "must not contain NUL characters");
    }
}

impl NewComment {
    pub fn parse(
        paragraph_id: Option<i64>,
        parent_id: Option<i64>,
        kind: Option<&str>,
        body: &str,
        proposed_text: Option<&str>,
        attribution: Option<&str>,
    ) -> Result<NewComment, AppError> {
        let mut errors = FieldErrors::new();
        let kind = kind.unwrap_or("comment");
        if !KINDS.contains(&kind) {
            errors.add("kind", "must be comment or amendment");
        }
        let attribution = attribution.unwrap_or("name");
        if !ATTRIBUTIONS.contains(&attribution) {
            errors.add("attribution", "must be name, organization or group");
        }
        check_body(&mut errors, "body", body);
        let proposed = proposed_text.filter(|p| !p.is_empty());
        if kind == "amendment" {
            match proposed {
                None => errors.add(
                    "proposed_text",
                    "is required for an amendment: the full text you propose for the paragraph",
                ),
                Some(p) => check_body(&mut errors, "proposed_text", p),
            }
            if paragraph_id.is_none() {
                errors.add("paragraph_id", "is required for an amendment");
            }
            if parent_id.is_some() {
                errors.add("parent_id", "must be empty: an amendment cannot be a reply");
            }
        } else if proposed.is_some() {
            errors.add("proposed_text", "is only for amendments");
        }
        errors.into_result()?;
        Ok(NewComment {
            paragraph_id,
            parent_id,
            kind: kind.to_string(),
            body: body.to_string(),
            proposed_text: proposed.map(str::to_string),
            attribution: attribution.to_string(),
            language: None,
        })
    }

    /// The same, written in `language` (a code of the six; `None` or empty: not said).
    pub fn in_language(mut self, language: Option<&str>) -> Result<NewComment, AppError> {
        if let Some(code) = language.map(str::trim).filter(|c| !c.is_empty()) {
            let mut errors = FieldErrors::new();
            self.language =
                crate::drafts::translations::check_language(&mut errors, "language", code);
            errors.into_result()?;
        }
        Ok(self)
    }
}

/// A validated edit; at least one field is present.
pub struct CommentEdit {
    pub body: Option<String>,
    pub proposed_text: Option<String>,
}

impl CommentEdit {
    pub fn parse(body: Option<&str>, proposed_text: Option<&str>) -> Result<CommentEdit, AppError> {
        let mut errors = FieldErrors::new();
        if let Some(b) = body {
            check_body(&mut errors, "body", b);
        }
        if let Some(p) = proposed_text {
            check_body(&mut errors, "proposed_text", p);
        }
        if body.is_none() && proposed_text.is_none() {
            errors.add("body", "is required");
        }
        errors.into_result()?;
        Ok(CommentEdit {
            body: body.map(str::to_string),
            proposed_text: proposed_text.map(str::to_string),
        })
    }
}
