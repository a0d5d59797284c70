//! Importing drafts, reading them with their paragraphs and per-group counts, and the
//! draft statistics. Counts include published comments only.

use std::collections::BTreeMap;

use chrono::Utc;
use diesel::prelude::*;

use crate::consultations::{service as consultations, Consultation};
use crate::db::schema::{comments, drafts, paragraphs};
use crate::db::Conn;
use crate::db::Db;
use crate::drafts::markdown::parse_draft;
use crate::drafts::{Draft, Paragraph};
use crate::error::{AppError, FieldErrors};

pub const MAX_TITLE: usize = 300;
pub const MAX_LABEL: usize = 100;

pub struct DraftInput {
    pub title: String,
    pub version_label: String,
    pub text: String,
    /// The language it is written in: English unless the importer says otherwise.
    pub language: crate::i18n::Lang,
}

impl DraftInput {
    pub fn parse(title: &str, version_label: &str, text: &str) -> Result<DraftInput, AppError> {
        let mut errors = FieldErrors::new();
        let title = title.trim();
        let label = version_label.trim();
        if title.is_empty() {
            errors.add("title", "is required");
        } else if title.chars().count() > MAX_TITLE {
            errors.add("title", format!("must be at most {MAX_TITLE} characters"));
        }
        if label.is_empty() {
            errors.add("version_label", "is required");
        } else if label.chars().count() > MAX_LABEL {
            errors.add(
                "version_label",
                format!("must be at most {MAX_LABEL} characters"),
            );
        }
        if text.trim().is_empty() {
            errors.add("text", "is empty: the draft has no paragraphs");
        }
        // Files from the command line have not passed an HTTP adapter's check.
        crate::input::check(&mut errors, "title", title);
        crate::input::check(&mut errors, "version_label", label);
        crate::input::check(&mut errors, "text", text);
        errors.into_result()?;
        Ok(DraftInput {
            title: title.into(),
            version_label: label.into(),
            text: text.into(),
            language: crate::i18n::Lang::En,
        })
    }

    /// The same, written in `language` (a code of the six; `None` keeps English).
    pub fn in_language(mut self, language: Option<&str>) -> Result<DraftInput, AppError> {
        if let Some(code) = language {
            let mut errors = FieldErrors::new();
            let found = crate::drafts::translations::check_language(&mut errors, "language", code);
            errors.into_result()?;
            self.language = found.unwrap_or_default();
        }
        Ok(self)
    }
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Draft, AppError> {
    Ok(drafts::table
        .find(id)
        .select(Draft::as_select())
        .first(conn)?)
}

pub fn paragraphs_of(conn: &mut Conn, draft: i64) -> QueryResult<Vec<Paragraph>> {
    paragraphs::table
        .filter(paragraphs::draft_id.eq(draft))
        .order(paragraphs::number.asc())
        .select(Paragraph::as_select())
        .load(conn)
}

/// Parses the Markdown and stores the draft with its paragraphs, in one transaction.
pub fn import(
    conn: &mut Conn,
    consultation_id: i64,
    input: &DraftInput,
    previous: Option<i64>,
) -> Result<Draft, AppError> {
    let parsed = parse_draft(&input.text).map_err(|e| FieldErrors::single("text", e.0))?;
    crate::db::transaction(conn, |conn| {
        consultations::find(conn, consultation_id)?;
        let id = crate::ids::new_id();
        diesel::insert_into(drafts::table)
            .values((
                drafts::id.eq(id),
                drafts::consultation_id.eq(consultation_id),
                drafts::title.eq(&input.title),
                drafts::version_label.eq(&input.version_label),
                drafts::previous_draft_id.eq(previous),
                drafts::read_only.eq(false),
                drafts::created_at.eq(Utc::now().naive_utc()),
                drafts::language.eq(input.language.code()),
            ))
            .execute(conn)?;
        for p in &parsed {
            diesel::insert_into(paragraphs::table)
                .values((
                    paragraphs::id.eq(crate::ids::new_id()),
                    paragraphs::draft_id.eq(id),
                    paragraphs::number.eq(p.number),
                    paragraphs::label.eq(&p.label),
                    paragraphs::section.eq(&p.section),
                    paragraphs::text.eq(&p.text),
                    paragraphs::tags.eq(p.tags.join(" ")),
                ))
                .execute(conn)?;
        }
        find(conn, id)
    })
}

pub async fn create(db: &Db, consultation_id: i64, input: DraftInput) -> Result<Draft, AppError> {
    db.run(move |conn| import(conn, consultation_id, &input, None))
        .await
}

/// Published comment counts of a draft: paragraph (None = general) → group → n.
pub type Counts = BTreeMap<Option<i64>, BTreeMap<String, i64>>;

/// Read from `comment_counts`, which triggers keep in step with every change to a
/// comment (migration 000013): at most paragraphs × groups rows by key, whatever the
/// number of comments.
pub fn counts(conn: &mut Conn, draft: i64) -> QueryResult<Counts> {
    use crate::db::schema::comment_counts as cc;
    let rows: Vec<(i64, String, i64)> = cc::table
        .filter(cc::draft_id.eq(draft))
        .filter(cc::published.gt(0))
        .select((cc::paragraph_key, cc::author_group, cc::published))
        .load(conn)?;
    let mut out = Counts::new();
    for (p, g, n) in rows {
        let paragraph = (p != 0).then_some(p);
        out.entry(paragraph).or_default().insert(g, n);
    }
    Ok(out)
}

/// A draft with everything its reading view needs.
pub struct DraftView {
    pub draft: Draft,
    pub consultation: Consultation,
    pub paragraphs: Vec<Paragraph>,
    pub counts: Counts,
    /// For a revision: each paragraph's ancestors in earlier versions.
    pub ancestors: std::collections::HashMap<i64, Vec<crate::revisions::service::Ancestor>>,
    /// The versions of this document, first to latest (one entry when never revised).
    pub versions: Vec<(i64, String)>,
    /// The language of the title and paragraphs as loaded: the draft's own, or that of
    /// the language version asked for (see [`DraftView::in_language`]).
    pub text_language: String,
    /// The languages the draft can be read in: its own first, then its versions'.
    pub languages: Vec<String>,
    /// A language asked for that the draft has no version in: the original is shown.
    pub missing: Option<String>,
    /// A second language shown beside the first: its code and paragraph texts.
    pub beside: Option<(String, std::collections::HashMap<i64, String>)>,
    /// When the paragraphs hold a language version: the original's texts, which the
    /// revision diffs compare (earlier versions may have no version in that language).
    pub original_texts: std::collections::HashMap<i64, String>,
}

impl DraftView {
    /// The title and paragraphs in `language` when the draft has that version, else
    /// the original's with `missing` set; `beside` adds a second language's texts.
    pub fn in_language(
        mut self,
        conn: &mut Conn,
        language: Option<&str>,
        beside: Option<&str>,
    ) -> QueryResult<DraftView> {
        use crate::drafts::translations as tr;
        let own = self.draft.language.clone();
        let texts_of = |conn: &mut Conn, view: &DraftView, code: &str| -> QueryResult<_> {
            Ok(if code == own {
                Some((
                    view.draft.title.clone(),
                    view.paragraphs
                        .iter()
                        .map(|p| (p.id, (p.section.clone(), p.text.clone())))
                        .collect::<tr::Texts>(),
                ))
            } else {
                tr::version(conn, view.draft.id, code)?
            })
        };
        if let Some(b) = beside.filter(|b| Some(*b) != language && tr::language(b).is_some()) {
            if let Some((_, texts)) = texts_of(conn, &self, b)? {
                let texts = texts
                    .into_iter()
                    .map(|(id, (_, text))| (id, text))
                    .collect();
                self.beside = Some((b.to_string(), texts));
            }
        }
        let Some(code) = language.filter(|l| *l != own && tr::language(l).is_some()) else {
            return Ok(self);
        };
        match tr::version(conn, self.draft.id, code)? {
            Some((title, texts)) => {
                self.draft.title = title;
                self.original_texts = tr::apply(&mut self.paragraphs, texts);
                self.text_language = code.to_string();
            }
            None => self.missing = Some(code.to_string()),
        }
        Ok(self)
    }
}

impl DraftView {
    /// A paragraph's text in the draft's own language.
    pub fn original_text<'a>(&'a self, p: &'a Paragraph) -> &'a str {
        self.original_texts.get(&p.id).unwrap_or(&p.text)
    }
}

pub fn view(conn: &mut Conn, id: i64) -> Result<DraftView, AppError> {
    let draft = find(conn, id)?;
    let consultation = consultations::find(conn, draft.consultation_id)?;
    let paragraphs = paragraphs_of(conn, id)?;
    let counts = counts(conn, id)?;
    let ancestors = if draft.previous_draft_id.is_some() {
        let ids: Vec<i64> = paragraphs.iter().map(|p| p.id).collect();
        crate::revisions::service::ancestors(conn, &ids)?
    } else {
        Default::default()
    };
    let versions = if draft.previous_draft_id.is_some() || draft.read_only {
        crate::revisions::service::versions(conn, id)?
    } else {
        vec![(draft.id, draft.version_label.clone())]
    };
    let mut languages = vec![draft.language.clone()];
    languages.extend(
        crate::drafts::translations::of_draft(conn, id)?
            .into_iter()
            .map(|t| t.language),
    );
    Ok(DraftView {
        text_language: draft.language.clone(),
        languages,
        missing: None,
        beside: None,
        original_texts: Default::default(),
        draft,
        consultation,
        paragraphs,
        counts,
        ancestors,
        versions,
    })
}

pub async fn get_view(db: &Db, id: i64) -> Result<DraftView, AppError> {
    db.run(move |conn| view(conn, id)).await
}

#[derive(Debug, Default, serde::Serialize, utoipa::ToSchema)]
pub struct Stats {
    pub total: i64,
    pub by_group: BTreeMap<String, i64>,
    pub by_kind: BTreeMap<String, i64>,
    pub by_country: BTreeMap<String, i64>,
    pub by_paragraph: Vec<ParagraphStats>,
    /// Top-level input by stakeholder group and the secretariat's disposition.
    pub dispositions_by_group: BTreeMap<String, BTreeMap<String, i64>>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ParagraphStats {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub paragraph_id: i64,
    pub number: i32,
    pub label: String,
    pub by_group: BTreeMap<String, i64>,
}

pub async fn stats(db: &Db, id: i64) -> Result<Stats, AppError> {
    db.run(move |conn| {
        find(conn, id)?;
        let published = comments::table
            .filter(comments::draft_id.eq(id))
            .filter(comments::status.eq("published"));
        let mut s = Stats::default();
        let by_kind: Vec<(String, i64)> = published
            .group_by(comments::kind)
            .select((comments::kind, diesel::dsl::count_star()))
            .load(conn)?;
        let by_country: Vec<(Option<String>, i64)> = published
            .group_by(comments::author_country)
            .select((comments::author_country, diesel::dsl::count_star()))
            .load(conn)?;
        let counts = counts(conn, id)?;
        for groups in counts.values() {
            for (g, n) in groups {
                *s.by_group.entry(g.clone()).or_default() += n;
                s.total += n;
            }
        }
        s.by_kind = by_kind.into_iter().collect();
        s.dispositions_by_group = crate::revisions::service::dispositions_by_group(conn, id)?;
        s.by_country = by_country
            .into_iter()
            .map(|(c, n)| (c.unwrap_or_else(|| "unknown".into()), n))
            .collect();
        s.by_paragraph = paragraphs_of(conn, id)?
            .into_iter()
            .map(|p| ParagraphStats {
                by_group: counts.get(&Some(p.id)).cloned().unwrap_or_default(),
                paragraph_id: p.id,
                number: p.number,
                label: p.label,
            })
            .collect();
        Ok(s)
    })
    .await
}
