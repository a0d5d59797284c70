//! Field errors and problem details in the reader's language.
//!
//! The services say what is wrong in English, where they find it
//! (`errors.add("title", "is required")`), and the API answers with those sentences as
//! they are: they are part of its contract, and a client matches on them. A page shows
//! them to a person, in the page's language: [`message`] finds the sentence in
//! [`MESSAGES`] and returns the catalogue's `msg-…` text. A sentence with variable parts
//! is written with `{name}` where they go (`must be at most {n} characters`); the parts
//! become Fluent variables (`{ $n }`), numbers as numbers, so plurals follow the
//! language. A sentence the table lacks is shown in English rather than not at all; a
//! test keeps the table complete (`every_sentence_of_the_services_is_in_the_table`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::FluentValue;

use super::{current, t_in, tr_in, Lang};

/// (the English sentence as the code writes it, the id of its message).
pub(super) const MESSAGES: &[(&str, &str)] = &[
    // Any field.
    ("is required", "msg-required"),
    ("must not be empty", "msg-not-empty"),
    ("must be at most {n} characters", "msg-at-most-chars"),
    ("must be at least {n} characters", "msg-at-least-chars"),
    ("is too long", "msg-too-long"),
    (
        "must not contain the NUL character (U+0000)",
        "msg-no-nul",
    ),
    ("must not contain NUL characters", "msg-no-nul-chars"),
    ("must not contain control characters", "msg-no-control"),
    ("must be an id", "msg-id"),
    ("must be one of {values}", "msg-one-of"),
    (
        "refers to something that does not exist",
        "msg-refers-to-nothing",
    ),
    ("is missing", "msg-missing"),
    // Accounts.
    ("must be an email address", "msg-email"),
    (
        "An account with this email address already exists.",
        "msg-email-taken",
    ),
    (
        "is too easy to guess: avoid common words, names, dates and patterns; a few unrelated words make a good password",
        "msg-password-weak",
    ),
    ("is not correct", "msg-not-correct"),
    (
        "is not the current code of your authenticator app",
        "msg-totp-wrong",
    ),
    (
        "was already used: wait for the next code of your authenticator app",
        "msg-totp-used",
    ),
    (
        "is required: two-factor authentication is on",
        "msg-code-required",
    ),
    ("is not valid or has expired", "msg-token-expired"),
    (
        "is not valid, was already used, or has expired",
        "msg-token-used",
    ),
    (
        "must be a two-letter ISO 3166-1 code such as KE or BR",
        "msg-country",
    ),
    (
        "must be one of government, private_sector, civil_society, academia, technical_community, international_organization",
        "msg-group-one-of",
    ),
    ("is not a stakeholder group", "msg-not-group"),
    (
        "must be one of immediate, daily_digest, off",
        "msg-notification-mode",
    ),
    ("must be participant, moderator or admin", "msg-role"),
    ("Start the set-up first.", "msg-mfa-setup-first"),
    ("Two-factor authentication is already on.", "msg-mfa-already-on"),
    ("This account is suspended.", "msg-suspended"),
    (
        "Confirm your email address before taking part: follow the link in the email we sent you.",
        "msg-confirm-email",
    ),
    (
        "Delete your own account from My account, where your password is asked again.",
        "msg-delete-own",
    ),
    (
        "This is the only administrator account: make another account an administrator first.",
        "msg-last-admin",
    ),
    (
        "You may not suspend yourself or change your own role.",
        "msg-not-yourself",
    ),
    (
        "Moderators may suspend participants only.",
        "msg-moderators-suspend",
    ),
    (
        "Only administrators may change roles or verify affiliations.",
        "msg-admins-roles",
    ),
    (
        "Moderators and administrators must turn on two-factor authentication first (My account).",
        "msg-staff-mfa",
    ),
    ("Only administrators may do this.", "msg-admins-only"),
    ("Only moderators may do this.", "msg-moderators-only"),
    // Consultations.
    ("must be after opens_at", "msg-after-opens"),
    (
        "must be an RFC 3339 time such as 2026-01-31T17:00:00Z",
        "msg-rfc3339",
    ),
    ("must be pre or post", "msg-moderation-mode"),
    // Language versions of a draft.
    (
        "paragraph {number} is labelled {original} in the original and {translation} in the translation",
        "msg-trans-label",
    ),
    (
        "paragraph {number} ({label}) of the original is missing from the translation",
        "msg-trans-missing",
    ),
    (
        "paragraph {number} ({label}) of the translation is not in the original",
        "msg-trans-extra",
    ),
    ("and {n} more paragraphs do not line up", "msg-trans-more"),
    (
        "is a language version of draft {of}: add language versions to the original draft",
        "msg-trans-of-translation",
    ),
    (
        "The draft is written in {code}: it is the original, not a language version.",
        "msg-trans-original",
    ),
    (
        "The draft already has a version in {code}.",
        "msg-trans-exists",
    ),
    // Drafts and their import.
    (
        "is empty: the draft has no paragraphs",
        "msg-draft-empty",
    ),
    (
        "the draft has no paragraphs: the input is empty",
        "msg-import-empty",
    ),
    (
        "the draft contains a NUL byte (line {line}); save it as plain UTF-8 text",
        "msg-import-nul",
    ),
    (
        "raw HTML is not allowed (line {line}); write the text as Markdown instead",
        "msg-import-html",
    ),
    (
        "lists or block quotes are nested more than {max} levels deep (line {line})",
        "msg-import-nesting",
    ),
    (
        "the draft has more than {max} paragraphs (paragraph {number} starts at line {line}); split it into several drafts",
        "msg-import-too-many",
    ),
    (
        "paragraph {number} (line {line}) has an unknown tag \"{tag}\"; tags must be C1–C11 or SDG1–SDG17",
        "msg-import-unknown-tag",
    ),
    (
        "paragraph {number} (line {line}) has tags but no text; put the tag block at the end of the paragraph it belongs to",
        "msg-import-tags-alone",
    ),
    (
        "paragraph {number} (line {line}) is too long: {chars} characters, the limit is {max}",
        "msg-import-paragraph-long",
    ),
    // Word drafts and uploads.
    (
        "must not be sent with text: send the draft as Markdown or as a Word file",
        "msg-docx-with-text",
    ),
    ("must be UTF-8 text", "msg-utf8"),
    (
        "The multipart/form-data body could not be read: {error}.",
        "msg-multipart-invalid",
    ),
    ("The form has more than {n} parts.", "msg-multipart-parts"),
    (
        "This form must be sent as multipart/form-data.",
        "msg-form-type-multipart",
    ),
    ("is not a valid Word file ({detail})", "msg-docx-invalid"),
    (
        "expands past {n} MiB: it is not a draft the importer can read",
        "msg-docx-bomb",
    ),
    ("is larger than {n} MiB", "msg-docx-too-large"),
    (
        "is not a Word file (.docx): it is not a zip package",
        "msg-docx-not-zip",
    ),
    (
        "is not a Word file (.docx): it has no word/document.xml",
        "msg-docx-no-document",
    ),
    (
        "the file has Word comments: they are not imported",
        "msg-docx-comments",
    ),
    (
        "a table after paragraph {number} is not imported: write it as paragraphs",
        "msg-docx-table",
    ),
    (
        "an image or object in paragraph {number} is not imported",
        "msg-docx-image",
    ),
    (
        "the file has tracked changes ({n}): they are imported as if accepted (insertions kept, deletions left out); accept or reject them in Word to be sure",
        "msg-docx-changes",
    ),
    // Tags.
    (
        "is required: a list such as [\"C5\", \"SDG9\"]",
        "msg-tags-required",
    ),
    (
        "has unknown tags ({tags}); tags must be C1–C11 or SDG1–SDG17",
        "msg-tags-unknown",
    ),
    ("must hold at most {n} tags", "msg-tags-at-most"),
    ("must be a tag: C1–C11 or SDG1–SDG17", "msg-tag"),
    // Comments.
    ("must be comment or amendment", "msg-kind"),
    ("must be name, organization or group", "msg-attribution"),
    ("is required for an amendment", "msg-amendment-paragraph"),
    (
        "is required for an amendment: the full text you propose for the paragraph",
        "msg-amendment-text",
    ),
    (
        "must be empty: an amendment cannot be a reply",
        "msg-amendment-reply",
    ),
    ("is only for amendments", "msg-only-amendments"),
    ("is not a paragraph of this draft", "msg-not-paragraph"),
    ("is not a comment of this draft", "msg-not-comment"),
    (
        "cannot be replied to: it is not published",
        "msg-reply-unpublished",
    ),
    (
        "must be the paragraph of the comment you reply to",
        "msg-reply-paragraph",
    ),
    (
        "The consultation is not open: comments can be written, edited and withdrawn only while it is open.",
        "msg-consultation-closed",
    ),
    (
        "This version of the draft has been superseded by a revision; comment on the latest version.",
        "msg-superseded",
    ),
    ("Only the author may change a comment.", "msg-author-only"),
    (
        "This comment can no longer be edited.",
        "msg-no-longer-editable",
    ),
    (
        "Only moderators may list comments of every status.",
        "msg-moderators-list",
    ),
    // Moderation.
    (
        "must be spam, abusive, off_topic or other",
        "msg-flag-reason",
    ),
    (
        "must be approve, hide, reject or restore",
        "msg-moderation-action",
    ),
    (
        "is required to hide or reject a comment: the author will read it",
        "msg-moderation-reason",
    ),
    (
        "Only published comments can be flagged.",
        "msg-flag-unpublished",
    ),
    ("You cannot flag your own comment.", "msg-flag-own"),
    (
        "You have already flagged this comment.",
        "msg-flag-twice",
    ),
    (
        "A {status} comment cannot be {action}.",
        "msg-moderation-transition",
    ),
    // Revisions.
    (
        "This draft already has a revision: revise the latest version.",
        "msg-revise-latest",
    ),
    (
        "is empty: the revision has no paragraphs",
        "msg-revision-empty",
    ),
    (
        "the revision has no paragraph {number}",
        "msg-revision-no-paragraph",
    ),
    (
        "paragraph {number} is not a paragraph of the draft being revised",
        "msg-revision-not-earlier",
    ),
    (
        "¶ {token} is not a paragraph number of the earlier version",
        "msg-revision-not-number",
    ),
    (
        "must be incorporated, partly_incorporated, not_incorporated or noted",
        "msg-disposition",
    ),
    (
        "is a reply: dispositions answer top-level comments and amendments",
        "msg-disposition-reply",
    ),
    (
        "Only moderators may record dispositions.",
        "msg-moderators-dispositions",
    ),
    // Export.
    (
        "is required: csv, json, xlsx, html, docx or pdf",
        "msg-format-required",
    ),
    ("must be csv, json, xlsx, html, docx or pdf", "msg-format"),
    ("must be published or all", "msg-export-status"),
    (
        "Only moderators may export comments of every status.",
        "msg-moderators-export",
    ),
    // Forms, and the details of problems.
    (
        "This form must be sent as application/x-www-form-urlencoded.",
        "msg-form-type",
    ),
    ("cannot read the form: {error}", "msg-form-unreadable"),
    ("The form could not be read: {error}.", "msg-form-invalid"),
    ("This already exists.", "msg-exists"),
    (
        "Sign in, or send a valid bearer token.",
        "msg-unauthorized",
    ),
    (
        "Enter the one-time code from your authenticator app (field totp), or a recovery code.",
        "msg-mfa-required",
    ),
    (
        "This form was sent from another site. Go back to Plenary and try again.",
        "msg-cross-site",
    ),
    (
        "There is nothing here, or you may not see it.",
        "msg-not-found",
    ),
    (
        "The request body is larger than this endpoint accepts.",
        "msg-too-large",
    ),
    ("Some fields are invalid; see errors.", "msg-invalid-fields"),
    (
        "Too many attempts; try again in {n} seconds.",
        "msg-rate-limited",
    ),
    (
        "The service is temporarily unavailable.",
        "msg-unavailable",
    ),
    ("An unexpected error occurred.", "msg-internal"),
];

/// A sentence of the code, as a table entry: literal pieces and the names between them.
struct Template {
    id: &'static str,
    /// `literals.len() == names.len() + 1`.
    literals: Vec<&'static str>,
    names: Vec<&'static str>,
}

impl Template {
    fn parse(english: &'static str, id: &'static str) -> Template {
        let mut literals = Vec::new();
        let mut names = Vec::new();
        let mut rest = english;
        while let Some((before, after)) = rest.split_once('{') {
            let Some((name, tail)) = after.split_once('}') else {
                break;
            };
            literals.push(before);
            names.push(name);
            rest = tail;
        }
        literals.push(rest);
        Template {
            id,
            literals,
            names,
        }
    }

    /// The variable parts of `text`, when it is this sentence.
    fn capture<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let (first, rest) = self.literals.split_first()?;
        let mut text = text.strip_prefix(first)?;
        let mut parts = Vec::with_capacity(self.names.len());
        for (i, literal) in rest.iter().enumerate() {
            let last = i + 1 == rest.len();
            // `ends_with` first: the offset is then on a character boundary.
            let at = if last {
                text.ends_with(literal)
                    .then(|| text.len() - literal.len())?
            } else {
                text.find(literal)?
            };
            if at == 0 {
                return None;
            }
            parts.push(&text[..at]);
            text = &text[at + literal.len()..];
        }
        Some(parts)
    }
}

struct Table {
    exact: HashMap<&'static str, &'static str>,
    templates: Vec<Template>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut templates = Vec::new();
    for &(english, id) in MESSAGES {
        if english.contains('{') {
            templates.push(Template::parse(english, id));
        } else {
            exact.insert(english, id);
        }
    }
    Table { exact, templates }
});

/// `english`, a sentence of the code, in the current language.
pub fn message(english: &str) -> Cow<'_, str> {
    message_in(current(), english)
}

/// [`message`] in a named language.
pub fn message_in(lang: Lang, english: &str) -> Cow<'_, str> {
    let table = &*TABLE;
    if let Some(id) = table.exact.get(english) {
        return Cow::Borrowed(t_in(lang, id));
    }
    for template in &table.templates {
        if let Some(parts) = template.capture(english) {
            let args: Vec<(&str, FluentValue<'_>)> = template
                .names
                .iter()
                .zip(parts)
                .map(|(name, part)| {
                    let value = match part.parse::<i64>() {
                        Ok(n) => FluentValue::from(n),
                        Err(_) => FluentValue::from(part),
                    };
                    (*name, value)
                })
                .collect();
            return Cow::Owned(tr_in(lang, template.id, &args));
        }
    }
    Cow::Borrowed(english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_become_the_readers_language() {
        assert_eq!(message_in(Lang::En, "is required"), "is required");
        assert_ne!(message_in(Lang::Fr, "is required"), "is required");
        let fr = message_in(Lang::Fr, "must be at most 200 characters");
        assert!(fr.contains("200") && !fr.contains("characters"), "{fr}");
        let ru = message_in(
            Lang::Ru,
            "paragraph 12 (line 40) is too long: 901 characters, the limit is 900",
        );
        assert!(
            ru.contains("12") && ru.contains("40") && ru.contains("901"),
            "{ru}"
        );
        let ar = message_in(Lang::Ar, "A published comment cannot be approved.");
        assert!(!ar.contains("comment"), "{ar}");
        // Text that ends in a letter of several bytes is not cut inside it.
        assert_eq!(
            message_in(Lang::Fr, "A published comment cannot be é"),
            "A published comment cannot be é"
        );
        // Not in the table: shown as it is, never lost.
        assert_eq!(message_in(Lang::Fr, "something new"), "something new");
    }

    #[test]
    fn english_is_the_sentence_itself() {
        for template in &TABLE.templates {
            let sample: Vec<String> = template.names.iter().map(|n| format!("<{n}>")).collect();
            let mut english = String::new();
            for (i, literal) in template.literals.iter().enumerate() {
                english.push_str(literal);
                if let Some(s) = sample.get(i) {
                    english.push_str(s);
                }
            }
            let back = message_in(Lang::En, &english);
            assert_eq!(back, english, "{}", template.id);
        }
        for (english, id) in &TABLE.exact {
            assert_eq!(t_in(Lang::En, id), *english, "{id}");
        }
    }

    #[test]
    fn every_message_has_one_sentence() {
        let mut ids: Vec<&str> = MESSAGES.iter().map(|(_, id)| *id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "an id is used twice");
        let en = super::super::message_ids(Lang::En);
        let mine: Vec<&&str> = en.iter().filter(|id| id.starts_with("msg-")).collect();
        assert_eq!(mine.len(), n, "locales/en holds msg- ids the table lacks");
    }

    /// `{MAX_TITLE}`, `{}` and `{n}` alike: the table names what the code computes.
    fn shape(sentence: &str) -> String {
        let mut out = String::new();
        let mut rest = sentence;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            out.push_str("{}");
            rest = after.split_once('}').map_or("", |(_, tail)| tail);
        }
        out.push_str(rest);
        out
    }

    /// The string literals of a piece of Rust, unescaped (`\"`, and `\` line breaks).
    fn literals(code: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('\n') => chars = chars.as_str().trim_start().chars(),
                        Some(escaped) => lit.push(escaped),
                        None => break,
                    },
                    c => lit.push(c),
                }
            }
            out.push(lit);
        }
        out
    }

    /// The arguments of every call to `callee` in `code`, up to the matching `)`.
    fn calls<'c>(code: &'c str, callee: &str) -> Vec<&'c str> {
        let mut out = Vec::new();
        for (at, _) in code.match_indices(callee) {
            let args = &code[at + callee.len()..];
            let (mut depth, mut quoted, mut escaped) = (1, false, false);
            for (i, c) in args.char_indices() {
                match (quoted, escaped, c) {
                    (true, true, _) => escaped = false,
                    (true, false, '\\') => escaped = true,
                    (_, false, '"') => quoted = !quoted,
                    (false, _, '(') => depth += 1,
                    (false, _, ')') => {
                        depth -= 1;
                        if depth == 0 {
                            out.push(&args[..i]);
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// A sentence has words and spaces; field names, ids, keys and separators do not.
    fn is_sentence(literal: &str) -> bool {
        literal.contains(' ') && literal.chars().filter(|c| c.is_alphabetic()).count() > 1
    }

    /// Every sentence a service or a page puts in a field error, a problem or an import
    /// error has its message: a new sentence without one fails here, not on a French page.
    /// The API's own sentences (`src/api/`) reach no page and stay out.
    #[test]
    fn every_sentence_of_the_services_is_in_the_table() {
        let known: std::collections::HashSet<String> =
            MESSAGES.iter().map(|(english, _)| shape(english)).collect();
        let callees = [
            "errors.add(",
            "FieldErrors::single(",
            "AppError::BadRequest(",
            "AppError::Conflict(",
            "AppError::Forbidden(",
            "AppError::forbidden(",
            "AppError::conflict(",
            "ImportError(",
            "DocxError(",
            "warnings.push(",
            "return Some(",
        ];
        let mut missing = Vec::new();
        let mut seen = 0;
        for (file, text) in super::super::tests::sources() {
            if file.contains("/src/api/") || file.contains("/src/i18n/") {
                continue;
            }
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for callee in callees {
                for args in calls(code, callee) {
                    for lit in literals(args).into_iter().filter(|l| is_sentence(l)) {
                        seen += 1;
                        if !known.contains(&shape(&lit)) {
                            missing.push(format!("{file}: {lit}"));
                        }
                    }
                }
            }
        }
        assert!(seen > 100, "the scan found only {seen} sentences");
        assert!(missing.is_empty(), "not in MESSAGES: {missing:#?}");
    }

    /// The details of problems, written in `AppError::detail`, are in the table too.
    #[test]
    fn problem_details_are_translated() {
        use crate::error::{AppError, CsrfRefusal};
        for e in [
            AppError::Unauthorized,
            AppError::MfaRequired,
            AppError::CsrfRefused(CsrfRefusal::CrossSite),
            AppError::NotFound,
            AppError::PayloadTooLarge,
            AppError::Validation(Default::default()),
            AppError::RateLimited {
                retry_after_secs: 30,
            },
            AppError::Unavailable(String::new()),
            AppError::Internal(String::new()),
        ] {
            let english = e.detail();
            assert_ne!(message_in(Lang::Fr, &english), english, "{e:?}");
        }
    }
}
