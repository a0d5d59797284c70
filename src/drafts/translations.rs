//! Language versions of a draft: the same paragraphs in another of the six UN languages.
//!
//! A version is aligned to the original paragraph by paragraph, by number and label, and
//! its rows point at the original's paragraphs: comments, counts, lineage and
//! dispositions belong to the paragraph, so they are the same in every version. A draft
//! whose paragraphs do not line up is refused whole (422, one message per paragraph that
//! does not line up), and nothing is stored. docs/database.md has the tables.

use std::collections::HashMap;

use chrono::Utc;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{draft_translations as dt, drafts, paragraph_translations as pt};
use crate::db::{Conn, Db};
use crate::drafts::markdown::{parse_draft, ParsedParagraph};
use crate::drafts::service::{find, paragraphs_of, MAX_TITLE};
use crate::drafts::Paragraph;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Lang;

/// At most this many paragraphs that do not line up are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// A language code of the six, exactly as the API writes it (`fr`, not `fr-CA`).
pub fn language(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == code)
}

/// The six codes, for the message of a field that names a language.
pub fn language_codes() -> String {
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    codes.join(", ")
}

/// Checks a language field: one of the six codes.
pub fn check_language(errors: &mut FieldErrors, field: &str, code: &str) -> Option<Lang> {
    let found = language(code);
    if found.is_none() {
        errors.add(field, format!("must be one of {}", language_codes()));
    }
    found
}

/// A validated language version, before it is aligned with its draft.
pub struct TranslationInput {
    pub language: Lang,
    /// The draft's title in that language; the original's when not given.
    pub title: Option<String>,
    pub text: String,
}

impl TranslationInput {
    pub fn parse(
        language: &str,
        title: Option<&str>,
        text: &str,
    ) -> Result<TranslationInput, AppError> {
        let mut errors = FieldErrors::new();
        let lang = check_language(&mut errors, "language", language.trim());
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        if let Some(t) = title {
            if t.chars().count() > MAX_TITLE {
                errors.add("title", format!("must be at most {MAX_TITLE} characters"));
            }
            crate::input::check(&mut errors, "title", t);
        }
        if text.trim().is_empty() {
            errors.add("text", "is empty: the draft has no paragraphs");
        }
        crate::input::check(&mut errors, "text", text);
        errors.into_result()?;
        Ok(TranslationInput {
            language: lang.unwrap_or_default(),
            title: title.map(str::to_string),
            text: text.to_string(),
        })
    }
}

/// A language version as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Translation {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    #[schema(schema_with = crate::vocabulary::language)]
    pub language: String,
    pub title: String,
    #[schema(format = DateTime)]
    pub created_at: String,
}

type Row = (i64, i64, String, String, chrono::NaiveDateTime);

fn out((id, draft_id, language, title, at): Row) -> Translation {
    Translation {
        id,
        draft_id,
        language,
        title,
        created_at: crate::clock::rfc3339(at),
    }
}

/// The language versions of a draft, in the UN order of their languages.
pub fn of_draft(conn: &mut Conn, draft: i64) -> QueryResult<Vec<Translation>> {
    let rows: Vec<Row> = dt::table
        .filter(dt::draft_id.eq(draft))
        .select((
            dt::id,
            dt::draft_id,
            dt::language,
            dt::title,
            dt::created_at,
        ))
        .load(conn)?;
    let mut list: Vec<Translation> = rows.into_iter().map(out).collect();
    list.sort_by_key(|t| language(&t.language).map(|l| l as u8));
    Ok(list)
}

/// One version's text of each paragraph: paragraph id → (section, text).
pub type Texts = HashMap<i64, (Option<String>, String)>;

/// The version of `draft` in `language`, with its title and texts; None when there is none.
pub fn version(
    conn: &mut Conn,
    draft: i64,
    language: &str,
) -> QueryResult<Option<(String, Texts)>> {
    let found: Option<(i64, String)> = dt::table
        .filter(dt::draft_id.eq(draft))
        .filter(dt::language.eq(language))
        .select((dt::id, dt::title))
        .first(conn)
        .optional()?;
    let Some((id, title)) = found else {
        return Ok(None);
    };
    let rows: Vec<(i64, Option<String>, String)> = pt::table
        .filter(pt::translation_id.eq(id))
        .select((pt::paragraph_id, pt::section, pt::text))
        .load(conn)?;
    let texts = rows.into_iter().map(|(p, s, t)| (p, (s, t))).collect();
    Ok(Some((title, texts)))
}

/// Puts a version's sections and texts into `paragraphs` (the original's, loaded for a
/// page or an export) and returns the original texts it replaced, by paragraph id.
pub fn apply(paragraphs: &mut [Paragraph], mut texts: Texts) -> HashMap<i64, String> {
    let mut originals = HashMap::new();
    for p in paragraphs {
        if let Some((section, text)) = texts.remove(&p.id) {
            p.section = section;
            originals.insert(p.id, std::mem::replace(&mut p.text, text));
        }
    }
    originals
}

/// The paragraphs of the translation that do not line up with the original's, one
/// sentence each (empty: they all do).
pub fn misaligned(original: &[Paragraph], translation: &[ParsedParagraph]) -> Vec<String> {
    let mut problems = Vec::new();
    for i in 0..original.len().max(translation.len()) {
        match (original.get(i), translation.get(i)) {
            (Some(o), Some(t)) if o.label != t.label => problems.push(format!(
                "paragraph {} is labelled {} in the original and {} in the translation",
                o.number, o.label, t.label
            )),
            (Some(o), None) => problems.push(format!(
                "paragraph {} ({}) of the original is missing from the translation",
                o.number, o.label
            )),
            (None, Some(t)) => problems.push(format!(
                "paragraph {} ({}) of the translation is not in the original",
                t.number, t.label
            )),
            _ => {}
        }
    }
    if problems.len() > MAX_LISTED {
        let more = problems.len() - MAX_LISTED;
        problems.truncate(MAX_LISTED);
        problems.push(format!("and {more} more paragraphs do not line up"));
    }
    problems
}

/// Aligns `input` with the paragraphs of `draft` and stores it, in one transaction:
/// nothing is stored unless every paragraph lines up.
pub fn add(conn: &mut Conn, draft: i64, input: &TranslationInput) -> Result<Translation, AppError> {
    let parsed = parse_draft(&input.text).map_err(|e| FieldErrors::single("text", e.0))?;
    crate::db::transaction(conn, |conn| {
        let original = match find(conn, draft) {
            Ok(d) => d,
            Err(AppError::NotFound) => {
                // A version's own id: versions are added to the original, not to another
                // version.
                let of: Option<i64> = dt::table
                    .find(draft)
                    .select(dt::draft_id)
                    .first(conn)
                    .optional()?;
                return Err(match of {
                    Some(of) => FieldErrors::single(
                        "translation_of",
                        format!(
                            "is a language version of draft {of}: add language versions to the original draft"
                        ),
                    ),
                    None => AppError::NotFound,
                });
            }
            Err(e) => return Err(e),
        };
        let code = input.language.code();
        if original.language == code {
            return Err(AppError::Conflict(format!(
                "The draft is written in {code}: it is the original, not a language version."
            )));
        }
        let exists: i64 = dt::table
            .filter(dt::draft_id.eq(draft))
            .filter(dt::language.eq(code))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            return Err(AppError::Conflict(format!(
                "The draft already has a version in {code}."
            )));
        }
        let paragraphs = paragraphs_of(conn, draft)?;
        let problems = misaligned(&paragraphs, &parsed);
        if !problems.is_empty() {
            let mut errors = FieldErrors::new();
            for p in problems {
                errors.add("text", p);
            }
            errors.into_result()?;
        }
        let id = crate::ids::new_id();
        let now = Utc::now().naive_utc();
        let title = input
            .title
            .clone()
            .unwrap_or_else(|| original.title.clone());
        diesel::insert_into(dt::table)
            .values((
                dt::id.eq(id),
                dt::draft_id.eq(draft),
                dt::language.eq(code),
                dt::title.eq(&title),
                dt::created_at.eq(now),
            ))
            .execute(conn)?;
        // One statement per paragraph, as the import of the draft itself: the
        // connection serves both backends, which rules out diesel's batch insert.
        for (o, t) in paragraphs.iter().zip(&parsed) {
            diesel::insert_into(pt::table)
                .values((
                    pt::translation_id.eq(id),
                    pt::paragraph_id.eq(o.id),
                    pt::section.eq(&t.section),
                    pt::text.eq(&t.text),
                ))
                .execute(conn)?;
        }
        Ok(out((id, draft, code.to_string(), title, now)))
    })
}

pub async fn create(db: &Db, draft: i64, input: TranslationInput) -> Result<Translation, AppError> {
    db.write(move |conn| add(conn, draft, &input)).await
}

/// The draft a version id belongs to, for addresses that name a version.
pub fn draft_of(conn: &mut Conn, translation: i64) -> QueryResult<Option<(i64, String)>> {
    dt::table
        .find(translation)
        .select((dt::draft_id, dt::language))
        .first(conn)
        .optional()
}

/// Sets the language a draft is written in (the import's `language`).
pub fn set_language(conn: &mut Conn, draft: i64, language: Lang) -> QueryResult<usize> {
    diesel::update(drafts::table.find(draft))
        .set(drafts::language.eq(language.code()))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn original(labels: &[&str]) -> Vec<Paragraph> {
        labels
            .iter()
            .zip(1..)
            .map(|(label, number)| Paragraph {
                id: i64::from(number),
                draft_id: 1,
                number,
                label: label.to_string(),
                section: None,
                text: format!("{label} text"),
                tags: String::new(),
            })
            .collect()
    }

    #[test]
    fn paragraphs_line_up_by_position_and_label() {
        let en = original(&["PP1", "1", "(a)"]);
        let fr = parse_draft("PP1. Rappelant ;\n\n1. Décide ;\n\n(a) De ;\n").unwrap();
        assert!(misaligned(&en, &fr).is_empty());
        let relabelled = parse_draft("PP1. Rappelant ;\n\n2. Décide ;\n\n(a) De ;\n").unwrap();
        assert_eq!(
            misaligned(&en, &relabelled),
            ["paragraph 2 is labelled 1 in the original and 2 in the translation"]
        );
        let short = parse_draft("PP1. Rappelant ;\n\n1. Décide ;\n").unwrap();
        assert_eq!(
            misaligned(&en, &short),
            ["paragraph 3 ((a)) of the original is missing from the translation"]
        );
        let long = parse_draft("PP1. R ;\n\n1. D ;\n\n(a) De ;\n\n(b) Et ;\n").unwrap();
        assert_eq!(
            misaligned(&en, &long),
            ["paragraph 4 ((b)) of the translation is not in the original"]
        );
    }

    #[test]
    fn a_long_list_of_problems_is_cut_with_a_count() {
        let en = original(&["1"; 30]);
        let problems = misaligned(&en, &[]);
        assert_eq!(problems.len(), MAX_LISTED + 1);
        assert_eq!(
            problems[MAX_LISTED],
            "and 10 more paragraphs do not line up"
        );
    }

    #[test]
    fn a_language_is_one_of_the_six_codes_exactly() {
        assert_eq!(language("fr"), Some(Lang::Fr));
        assert_eq!(language("ar"), Some(Lang::Ar));
        for code in ["FR", "fr-CA", "de", "", " en"] {
            assert_eq!(language(code), None, "{code:?}");
        }
        assert_eq!(language_codes(), "ar, zh, en, fr, ru, es");
    }

    #[test]
    fn the_sentences_of_alignment_are_translated() {
        let en = original(&["PP1"]);
        let problems = misaligned(&en, &[]);
        let ar = crate::i18n::message_in(Lang::Ar, &problems[0]);
        assert!(ar.contains("غير موجودة في الترجمة"), "{ar}");
        let fr = crate::i18n::message_in(
            Lang::Fr,
            "is a language version of draft 12: add language versions to the original draft",
        );
        assert!(fr.contains("projet 12"), "{fr}");
    }
}
