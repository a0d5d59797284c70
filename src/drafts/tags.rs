//! Paragraph tags after import: WSIS Action Lines (`C1`…`C11`) and SDGs (`SDG1`…`SDG17`),
//! their names, validation of the admin's edits and of `?tag=` filters, and storage.

use std::collections::BTreeMap;

use diesel::prelude::*;

use crate::db::schema::{comments, paragraphs};
use crate::db::Conn;
use crate::db::Db;
use crate::drafts::{is_valid_tag, Paragraph};
use crate::error::{AppError, FieldErrors};
use crate::i18n::t;

/// The eleven WSIS Action Lines, in order.
pub const ACTION_LINES: [&str; 11] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11",
];

/// At most this many tags on one paragraph (there are only 28 tags).
pub const MAX_TAGS: usize = 28;

/// `c5`, ` C5 `, `sdg09` → `C5`, `C5`, `SDG9`; `None` for anything that is not a tag.
/// The same spelling the Markdown import accepts.
pub fn normalise(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let letters = raw.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = &raw[letters..];
    if letters == 0 || digits.is_empty() || digits.len() > 3 {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    let tag = format!("{}{number}", raw[..letters].to_ascii_uppercase());
    is_valid_tag(&tag).then_some(tag)
}

/// A validated, normalised, de-duplicated list of tags, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagsInput(pub Vec<String>);

impl TagsInput {
    /// From the API's `tags` array. Every unknown tag is named in one 422 on `tags`.
    pub fn parse<S: AsRef<str>>(raw: Option<&[S]>) -> Result<TagsInput, AppError> {
        let Some(raw) = raw else {
            return Err(FieldErrors::single(
                "tags",
                "is required: a list such as [\"C5\", \"SDG9\"]",
            ));
        };
        let mut tags: Vec<String> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        for r in raw {
            match normalise(r.as_ref()) {
                Some(tag) if !tags.contains(&tag) => tags.push(tag),
                Some(_) => {}
                None => unknown.push(r.as_ref().trim().chars().take(20).collect()),
            }
        }
        if !unknown.is_empty() {
            return Err(FieldErrors::single(
                "tags",
                format!(
                    "has unknown tags ({}); tags must be C1–C11 or SDG1–SDG17",
                    unknown.join(", ")
                ),
            ));
        }
        if tags.len() > MAX_TAGS {
            return Err(FieldErrors::single(
                "tags",
                format!("must hold at most {MAX_TAGS} tags"),
            ));
        }
        Ok(TagsInput(tags))
    }

    /// From a form's text field: tags separated by spaces or commas.
    pub fn parse_text(raw: &str) -> Result<TagsInput, AppError> {
        let words: Vec<&str> = raw
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        TagsInput::parse(Some(words.as_slice()))
    }

    /// As stored in `paragraphs.tags`: space-separated.
    pub fn stored(&self) -> String {
        self.0.join(" ")
    }
}

/// A `?tag=` filter: `None` when absent or empty, a 422 naming `tag` when not a tag.
pub fn parse_filter(raw: Option<&str>) -> Result<Option<String>, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(r) => normalise(r)
            .map(Some)
            .ok_or_else(|| FieldErrors::single("tag", "must be a tag: C1–C11 or SDG1–SDG17")),
    }
}

/// Whether a paragraph carries `tag` (normalised).
pub fn carries(p: &Paragraph, tag: &str) -> bool {
    p.tag_list().contains(&tag)
}

/// The ids of the paragraphs of `draft` that carry `tag`, in one query. `LIKE` narrows
/// the rows; the exact check keeps `C1` from matching `C11`.
pub fn tagged_ids(conn: &mut Conn, draft: i64, tag: &str) -> QueryResult<Vec<i64>> {
    let rows: Vec<(i64, String)> = paragraphs::table
        .filter(paragraphs::draft_id.eq(draft))
        .filter(paragraphs::tags.like(format!("%{tag}%")))
        .select((paragraphs::id, paragraphs::tags))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, tags)| tags.split_whitespace().any(|t| t == tag))
        .map(|(id, _)| id)
        .collect())
}

/// Paragraph `paragraph` of draft `draft`; 404 when it is not one of its paragraphs.
pub fn paragraph_of(conn: &mut Conn, draft: i64, paragraph: i64) -> Result<Paragraph, AppError> {
    Ok(paragraphs::table
        .find(paragraph)
        .filter(paragraphs::draft_id.eq(draft))
        .select(Paragraph::as_select())
        .first(conn)?)
}

/// Replaces the tags of one paragraph; returns it with its published counts by group.
pub fn set(
    conn: &mut Conn,
    paragraph: i64,
    input: &TagsInput,
) -> Result<(Paragraph, BTreeMap<String, i64>), AppError> {
    let changed = diesel::update(paragraphs::table.find(paragraph))
        .set(paragraphs::tags.eq(input.stored()))
        .execute(conn)?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    let p = paragraphs::table
        .find(paragraph)
        .select(Paragraph::as_select())
        .first(conn)?;
    let counts: Vec<(String, i64)> = comments::table
        .filter(comments::paragraph_id.eq(paragraph))
        .filter(comments::status.eq("published"))
        .group_by(comments::author_group)
        .select((comments::author_group, diesel::dsl::count_star()))
        .load(conn)?;
    Ok((p, counts.into_iter().collect()))
}

pub async fn update(
    db: &Db,
    paragraph: i64,
    input: TagsInput,
) -> Result<(Paragraph, BTreeMap<String, i64>), AppError> {
    db.run(move |conn| set(conn, paragraph, &input)).await
}

/// The catalogue name of a tag: the Action Line's title, or the SDG's.
pub fn name(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "C1" => t("wsis-C1"),
        "C2" => t("wsis-C2"),
        "C3" => t("wsis-C3"),
        "C4" => t("wsis-C4"),
        "C5" => t("wsis-C5"),
        "C6" => t("wsis-C6"),
        "C7" => t("wsis-C7"),
        "C8" => t("wsis-C8"),
        "C9" => t("wsis-C9"),
        "C10" => t("wsis-C10"),
        "C11" => t("wsis-C11"),
        "SDG1" => t("sdg-1"),
        "SDG2" => t("sdg-2"),
        "SDG3" => t("sdg-3"),
        "SDG4" => t("sdg-4"),
        "SDG5" => t("sdg-5"),
        "SDG6" => t("sdg-6"),
        "SDG7" => t("sdg-7"),
        "SDG8" => t("sdg-8"),
        "SDG9" => t("sdg-9"),
        "SDG10" => t("sdg-10"),
        "SDG11" => t("sdg-11"),
        "SDG12" => t("sdg-12"),
        "SDG13" => t("sdg-13"),
        "SDG14" => t("sdg-14"),
        "SDG15" => t("sdg-15"),
        "SDG16" => t("sdg-16"),
        "SDG17" => t("sdg-17"),
        _ => return None,
    })
}

/// Sort key that puts `C2` before `C10` and Action Lines before SDGs.
pub fn order(tag: &str) -> (u8, u32) {
    let letters = tag.bytes().take_while(u8::is_ascii_alphabetic).count();
    let n = tag[letters..].parse().unwrap_or(0);
    (u8::from(&tag[..letters] != "C"), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_like_the_import_does() {
        assert_eq!(normalise("c5").as_deref(), Some("C5"));
        assert_eq!(normalise(" SDG9 ").as_deref(), Some("SDG9"));
        assert_eq!(normalise("sdg09").as_deref(), Some("SDG9"));
        assert_eq!(normalise("C11").as_deref(), Some("C11"));
        for bad in [
            "C12", "C0", "SDG18", "X1", "C", "5", "C-5", "C5a", "", "SDG 9",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    #[test]
    fn input_is_deduplicated_in_order_and_unknown_tags_are_named() {
        let ok = TagsInput::parse(Some(&["c5", "SDG9", "C5"][..])).ok();
        assert_eq!(ok, Some(TagsInput(vec!["C5".into(), "SDG9".into()])));
        let Err(AppError::Validation(e)) = TagsInput::parse(Some(&["C5", "C99", "hello"][..]))
        else {
            panic!("expected a validation error");
        };
        let msg = e.get("tags").map(|m| m.join(" ")).unwrap_or_default();
        assert!(msg.contains("C99") && msg.contains("hello"), "{msg}");
        assert!(TagsInput::parse::<&str>(None).is_err());
        assert_eq!(
            TagsInput::parse_text("C2, c5  sdg9").ok(),
            Some(TagsInput(vec!["C2".into(), "C5".into(), "SDG9".into()]))
        );
        assert_eq!(TagsInput::parse_text("  ").ok(), Some(TagsInput(vec![])));
    }

    #[test]
    fn every_tag_has_a_name_and_tags_sort_naturally() {
        for n in 1..=11 {
            assert!(name(&format!("C{n}")).is_some());
        }
        for n in 1..=17 {
            assert!(name(&format!("SDG{n}")).is_some());
        }
        let mut tags = vec!["SDG9", "C10", "C2", "SDG10", "C1"];
        tags.sort_by_key(|t| order(t));
        assert_eq!(tags, ["C1", "C2", "C10", "SDG9", "SDG10"]);
    }
}
