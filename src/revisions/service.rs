//! Publishing a revision with its paragraph lineage, the concordance between versions,
//! the ancestors of a paragraph with the input they received, and dispositions.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::model::User;
use crate::accounts::service::audit;
use crate::comments::model::{Comment, DISPOSITIONS};
use crate::db::schema::{comments, drafts, follows, paragraph_links, paragraphs};
use crate::db::Conn;
use crate::drafts::markdown::{parse_draft, ParsedParagraph};
use crate::drafts::service::{self as draft_service, DraftInput};
use crate::drafts::{Draft, Paragraph};
use crate::error::{AppError, FieldErrors};
use crate::revisions::matching::{self, Matching};

/// The longest explanation of a disposition, in characters.
pub const MAX_EXPLANATION: usize = 5000;

/// A revision to publish. `links`, when given, replaces the proposed lineage: for a new
/// paragraph number, the ids of the earlier paragraphs it came from.
pub struct RevisionInput {
    pub title: Option<String>,
    pub version_label: String,
    pub text: String,
    pub links: Option<BTreeMap<i32, Vec<i64>>>,
}

/// The proposed lineage, for the review page and for publishing.
pub struct Proposal {
    pub draft: Draft,
    pub old: Vec<Paragraph>,
    pub new: Vec<ParsedParagraph>,
    pub matching: Matching,
}

fn latest_check(conn: &mut Conn, draft: &Draft) -> Result<(), AppError> {
    let newer: i64 = drafts::table
        .filter(drafts::previous_draft_id.eq(draft.id))
        .count()
        .get_result(conn)?;
    if newer > 0 {
        return Err(AppError::conflict(
            "This draft already has a revision: revise the latest version.",
        ));
    }
    Ok(())
}

pub fn propose(conn: &mut Conn, draft_id: i64, text: &str) -> Result<Proposal, AppError> {
    let draft = draft_service::find(conn, draft_id)?;
    latest_check(conn, &draft)?;
    if text.trim().is_empty() {
        return Err(FieldErrors::single(
            "text",
            "is empty: the revision has no paragraphs",
        ));
    }
    if text.contains('\0') {
        return Err(FieldErrors::single("text", crate::input::NUL_MESSAGE));
    }
    let new = parse_draft(text).map_err(|e| FieldErrors::single("text", e.0))?;
    let old = draft_service::paragraphs_of(conn, draft_id)?;
    let old_texts: Vec<&str> = old.iter().map(|p| p.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|p| p.text.as_str()).collect();
    let matching = matching::propose(&old_texts, &new_texts);
    Ok(Proposal {
        draft,
        old,
        new,
        matching,
    })
}

/// Publishes a revision: the new draft, its lineage, the earlier version made
/// read-only, followers carried over, and the notification event, in one transaction.
pub fn publish(
    conn: &mut Conn,
    actor_id: Option<i64>,
    draft_id: i64,
    input: &RevisionInput,
) -> Result<Draft, AppError> {
    crate::db::transaction(conn, |conn| {
        let mut p = propose(conn, draft_id, &input.text)?;
        if let Some(links) = &input.links {
            let index: HashMap<i64, usize> =
                p.old.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
            let mut pairs = Vec::new();
            for (number, froms) in links {
                let Some(j) = p.new.iter().position(|n| n.number == *number) else {
                    return Err(FieldErrors::single(
                        "links",
                        format!("the revision has no paragraph {number}"),
                    ));
                };
                for f in froms {
                    let Some(&i) = index.get(f) else {
                        return Err(FieldErrors::single(
                            "links",
                            format!("paragraph {f} is not a paragraph of the draft being revised"),
                        ));
                    };
                    pairs.push((i, j));
                }
            }
            let old_texts: Vec<&str> = p.old.iter().map(|o| o.text.as_str()).collect();
            let new_texts: Vec<&str> = p.new.iter().map(|n| n.text.as_str()).collect();
            p.matching = matching::classify(&old_texts, &new_texts, &pairs);
        }
        let draft_input = DraftInput::parse(
            input.title.as_deref().unwrap_or(&p.draft.title),
            &input.version_label,
            &input.text,
        )?
        // A revision is written in the language of the version it revises.
        .in_language(Some(&p.draft.language))?;
        let new_draft =
            draft_service::import(conn, p.draft.consultation_id, &draft_input, Some(draft_id))?;
        let new_paragraphs = draft_service::paragraphs_of(conn, new_draft.id)?;
        for l in &p.matching.links {
            let (Some(from), Some(to)) = (p.old.get(l.from), new_paragraphs.get(l.to)) else {
                continue;
            };
            diesel::insert_into(paragraph_links::table)
                .values((
                    paragraph_links::id.eq(crate::ids::new_id()),
                    paragraph_links::from_paragraph_id.eq(from.id),
                    paragraph_links::to_paragraph_id.eq(to.id),
                    paragraph_links::change.eq(l.change.as_str()),
                ))
                .execute(conn)?;
        }
        diesel::update(drafts::table.find(draft_id))
            .set(drafts::read_only.eq(true))
            .execute(conn)?;
        let followers: Vec<i64> = follows::table
            .filter(follows::draft_id.eq(draft_id))
            .select(follows::user_id)
            .load(conn)?;
        for u in followers {
            crate::notifications::follows::follow(conn, u, new_draft.id)?;
        }
        crate::notifications::events::emit(
            conn,
            crate::notifications::events::Event {
                kind: crate::notifications::events::REVISION,
                draft_id: Some(new_draft.id),
                actor_id,
                ..Default::default()
            },
        )?;
        Ok(new_draft)
    })
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConcordanceItem {
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub from_paragraph_id: Option<i64>,
    pub from_label: Option<String>,
    pub from_number: Option<i32>,
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub to_paragraph_id: Option<i64>,
    pub to_label: Option<String>,
    pub to_number: Option<i32>,
    /// unchanged, edited, split, merged, moved, new or deleted.
    #[schema(schema_with = crate::vocabulary::concordance_change)]
    pub change: String,
}

/// The draft against its previous version: every link, every new and every deleted
/// paragraph, in the new version's order (deleted ones after the paragraph they
/// followed).
pub fn concordance(
    conn: &mut Conn,
    draft_id: i64,
) -> Result<(Draft, Option<Draft>, Vec<ConcordanceItem>), AppError> {
    let draft = draft_service::find(conn, draft_id)?;
    let Some(prev_id) = draft.previous_draft_id else {
        return Ok((draft, None, Vec::new()));
    };
    let prev = draft_service::find(conn, prev_id)?;
    let new_ps = draft_service::paragraphs_of(conn, draft_id)?;
    let old_ps = draft_service::paragraphs_of(conn, prev_id)?;
    let new_ids: Vec<i64> = new_ps.iter().map(|p| p.id).collect();
    let links: Vec<(i64, i64, String)> = paragraph_links::table
        .filter(paragraph_links::to_paragraph_id.eq_any(&new_ids))
        .select((
            paragraph_links::from_paragraph_id,
            paragraph_links::to_paragraph_id,
            paragraph_links::change,
        ))
        .load(conn)?;
    let old_by_id: HashMap<i64, &Paragraph> = old_ps.iter().map(|p| (p.id, p)).collect();
    let mut items = Vec::new();
    for n in &new_ps {
        let mut mine: Vec<&(i64, i64, String)> = links.iter().filter(|l| l.1 == n.id).collect();
        mine.sort_by_key(|l| old_by_id.get(&l.0).map(|o| o.number));
        if mine.is_empty() {
            items.push(ConcordanceItem {
                from_paragraph_id: None,
                from_label: None,
                from_number: None,
                to_paragraph_id: Some(n.id),
                to_label: Some(n.label.clone()),
                to_number: Some(n.number),
                change: "new".into(),
            });
        }
        for l in mine {
            let o = old_by_id.get(&l.0);
            items.push(ConcordanceItem {
                from_paragraph_id: Some(l.0),
                from_label: o.map(|o| o.label.clone()),
                from_number: o.map(|o| o.number),
                to_paragraph_id: Some(n.id),
                to_label: Some(n.label.clone()),
                to_number: Some(n.number),
                change: l.2.clone(),
            });
        }
    }
    for o in &old_ps {
        if !links.iter().any(|l| l.0 == o.id) {
            items.push(ConcordanceItem {
                from_paragraph_id: Some(o.id),
                from_label: Some(o.label.clone()),
                from_number: Some(o.number),
                to_paragraph_id: None,
                to_label: None,
                to_number: None,
                change: "deleted".into(),
            });
        }
    }
    Ok((draft, Some(prev), items))
}

/// An earlier paragraph a paragraph came from, with the input it received.
#[derive(Debug, Clone)]
pub struct Ancestor {
    pub paragraph: Paragraph,
    pub version_label: String,
    pub change: String,
    pub comment_count: i64,
    /// 1 for the previous version, 2 for the one before, …
    pub depth: u32,
}

/// The ancestors of each of `paragraph_ids`, through every earlier version.
pub fn ancestors(
    conn: &mut Conn,
    paragraph_ids: &[i64],
) -> QueryResult<HashMap<i64, Vec<Ancestor>>> {
    let mut out: HashMap<i64, Vec<Ancestor>> = HashMap::new();
    // frontier: (the paragraph we report for, a paragraph to look behind, depth)
    let mut frontier: Vec<(i64, i64, u32)> = paragraph_ids.iter().map(|&p| (p, p, 0)).collect();
    let mut labels: HashMap<i64, String> = HashMap::new();
    for _ in 0..20 {
        if frontier.is_empty() {
            break;
        }
        let targets: Vec<i64> = frontier.iter().map(|f| f.1).collect();
        let mut links: Vec<(i64, i64, String)> = Vec::new();
        for chunk in targets.chunks(500) {
            links.extend(
                paragraph_links::table
                    .filter(paragraph_links::to_paragraph_id.eq_any(chunk))
                    .select((
                        paragraph_links::from_paragraph_id,
                        paragraph_links::to_paragraph_id,
                        paragraph_links::change,
                    ))
                    .load::<(i64, i64, String)>(conn)?,
            );
        }
        if links.is_empty() {
            break;
        }
        let from_ids: Vec<i64> = links.iter().map(|l| l.0).collect();
        let ps: Vec<Paragraph> = paragraphs::table
            .filter(paragraphs::id.eq_any(&from_ids))
            .select(Paragraph::as_select())
            .load(conn)?;
        let by_id: HashMap<i64, Paragraph> = ps.into_iter().map(|p| (p.id, p)).collect();
        let draft_ids: Vec<i64> = by_id.values().map(|p| p.draft_id).collect();
        for (id, label) in drafts::table
            .filter(drafts::id.eq_any(&draft_ids))
            .select((drafts::id, drafts::version_label))
            .load::<(i64, String)>(conn)?
        {
            labels.insert(id, label);
        }
        let counts: HashMap<Option<i64>, i64> = comments::table
            .filter(comments::paragraph_id.eq_any(&from_ids))
            .filter(comments::status.eq("published"))
            .group_by(comments::paragraph_id)
            .select((comments::paragraph_id, diesel::dsl::count_star()))
            .load::<(Option<i64>, i64)>(conn)?
            .into_iter()
            .collect();
        let mut next = Vec::new();
        for (owner, target, depth) in &frontier {
            for l in links.iter().filter(|l| l.1 == *target) {
                let Some(p) = by_id.get(&l.0) else { continue };
                let list = out.entry(*owner).or_default();
                if list.iter().any(|a| a.paragraph.id == p.id) {
                    continue;
                }
                list.push(Ancestor {
                    version_label: labels.get(&p.draft_id).cloned().unwrap_or_default(),
                    change: l.2.clone(),
                    comment_count: counts.get(&Some(p.id)).copied().unwrap_or(0),
                    depth: depth + 1,
                    paragraph: p.clone(),
                });
                next.push((*owner, p.id, depth + 1));
            }
        }
        frontier = next;
    }
    Ok(out)
}

/// Records the secretariat's answer to a top-level comment or amendment.
pub fn set_disposition(
    conn: &mut Conn,
    moderator: &User,
    comment_id: i64,
    disposition: &str,
    explanation: Option<&str>,
) -> Result<Comment, AppError> {
    let mut errors = FieldErrors::new();
    if !DISPOSITIONS.contains(&disposition) {
        errors.add(
            "disposition",
            "must be incorporated, partly_incorporated, not_incorporated or noted",
        );
    }
    let explanation = explanation.map(str::trim).filter(|e| !e.is_empty());
    if explanation.is_some_and(|e| e.chars().count() > MAX_EXPLANATION) {
        errors.add(
            "explanation",
            format!("must be at most {MAX_EXPLANATION} characters"),
        );
    }
    errors.into_result()?;
    crate::db::transaction(conn, |conn| {
        let c = crate::comments::service::find(conn, comment_id)?;
        if c.parent_id.is_some() {
            return Err(FieldErrors::single(
                "comment",
                "is a reply: dispositions answer top-level comments and amendments",
            ));
        }
        diesel::update(comments::table.find(comment_id))
            .set((
                comments::disposition.eq(disposition),
                comments::disposition_explanation.eq(explanation),
                comments::disposition_at.eq(Some(Utc::now().naive_utc())),
            ))
            .execute(conn)?;
        audit(
            conn,
            moderator.id,
            &format!("disposition_{disposition}"),
            "comment",
            comment_id,
            explanation,
        )?;
        crate::comments::service::find(conn, comment_id)
    })
}

/// Published top-level input of a draft by stakeholder group and disposition
/// (`"none"` for input not yet answered).
pub fn dispositions_by_group(
    conn: &mut Conn,
    draft_id: i64,
) -> QueryResult<BTreeMap<String, BTreeMap<String, i64>>> {
    let rows: Vec<(String, Option<String>, i64)> = comments::table
        .filter(comments::draft_id.eq(draft_id))
        .filter(comments::status.eq("published"))
        .filter(comments::parent_id.is_null())
        .group_by((comments::author_group, comments::disposition))
        .select((
            comments::author_group,
            comments::disposition,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut out: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for (g, d, n) in rows {
        *out.entry(g)
            .or_default()
            .entry(d.unwrap_or_else(|| "none".into()))
            .or_default() += n;
    }
    Ok(out)
}

/// The versions of a document from the first to `draft_id`'s latest descendant.
pub fn versions(conn: &mut Conn, draft_id: i64) -> QueryResult<Vec<(i64, String)>> {
    let mut chain = Vec::new();
    let mut at = Some(draft_id);
    // Walk back to the first version.
    let mut first = draft_id;
    for _ in 0..100 {
        let Some(id) = at else { break };
        first = id;
        at = drafts::table
            .find(id)
            .select(drafts::previous_draft_id)
            .first::<Option<i64>>(conn)
            .optional()?
            .flatten();
    }
    let mut at = Some(first);
    for _ in 0..100 {
        let Some(id) = at else { break };
        let label: String = drafts::table
            .find(id)
            .select(drafts::version_label)
            .first(conn)?;
        chain.push((id, label));
        at = drafts::table
            .filter(drafts::previous_draft_id.eq(id))
            .select(drafts::id)
            .first::<i64>(conn)
            .optional()?;
    }
    Ok(chain)
}
