//! JSON: the consultation and draft, then every paragraph in order with its threads
//! (comments with nested `replies`), then the general comments. Written piece by piece:
//! only one page of threads is in memory at a time.

use std::io::Write;

use serde::Serialize;

use crate::clock::rfc3339;
use crate::db::Db;
use crate::drafts::Paragraph;
use crate::export::{source, ExportError, Plan};

#[derive(Serialize)]
struct ConsultationOut<'a> {
    #[serde(with = "crate::ids::as_string")]
    id: i64,
    title: &'a str,
    summary: &'a str,
    status: &'static str,
    opens_at: String,
    closes_at: String,
    moderation: &'a str,
}

#[derive(Serialize)]
struct DraftOut<'a> {
    #[serde(with = "crate::ids::as_string")]
    id: i64,
    #[serde(with = "crate::ids::as_string")]
    consultation_id: i64,
    title: &'a str,
    version_label: &'a str,
    #[serde(with = "crate::ids::opt_string")]
    previous_draft_id: Option<i64>,
    /// The language the draft is written in.
    original_language: &'a str,
    /// The language of `title` and the paragraphs' texts in this file.
    language: &'a str,
}

/// What the file holds, so that a reader need not guess from the URL it came from.
#[derive(Serialize)]
struct ScopeOut {
    status: &'static str,
    stakeholder_group: Option<&'static str>,
}

#[derive(Serialize)]
struct ParagraphHead<'a> {
    #[serde(with = "crate::ids::as_string")]
    id: i64,
    number: i32,
    label: &'a str,
    section: Option<&'a str>,
    text: &'a str,
}

pub fn write<W: Write>(db: &Db, plan: &Plan, mut out: W) -> Result<(), ExportError> {
    let c = &plan.consultation;
    let d = &plan.draft;
    out.write_all(b"{\"consultation\":")?;
    serde_json::to_writer(
        &mut out,
        &ConsultationOut {
            id: c.id,
            title: &c.title,
            summary: &c.summary,
            status: c.status().as_str(),
            opens_at: rfc3339(c.opens_at),
            closes_at: rfc3339(c.closes_at),
            moderation: &c.moderation,
        },
    )?;
    out.write_all(b",\"draft\":")?;
    serde_json::to_writer(
        &mut out,
        &DraftOut {
            id: d.id,
            consultation_id: d.consultation_id,
            title: &d.title,
            version_label: &d.version_label,
            previous_draft_id: d.previous_draft_id,
            original_language: &d.language,
            language: &plan.text_language,
        },
    )?;
    out.write_all(b",\"generated_at\":")?;
    serde_json::to_writer(&mut out, &plan.generated_rfc3339())?;
    out.write_all(b",\"scope\":")?;
    serde_json::to_writer(
        &mut out,
        &ScopeOut {
            status: if plan.scope.all_statuses {
                "all"
            } else {
                "published"
            },
            stakeholder_group: plan.scope.group.map(|g| g.as_str()),
        },
    )?;
    out.write_all(b",\"paragraphs\":[")?;
    for (i, p) in plan.paragraphs.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        paragraph(db, plan, p, &mut out)?;
    }
    out.write_all(b"],\"general_comments\":")?;
    threads(db, plan, None, &mut out)?;
    out.write_all(b"}")?;
    out.flush()?;
    Ok(())
}

/// `{"id","number","label","section","text","comments":[…]}`
fn paragraph<W: Write>(
    db: &Db,
    plan: &Plan,
    p: &Paragraph,
    out: &mut W,
) -> Result<(), ExportError> {
    let head = serde_json::to_string(&ParagraphHead {
        id: p.id,
        number: p.number,
        label: &p.label,
        section: p.section.as_deref(),
        text: &p.text,
    })?;
    // Reopen the object to append the comments array after the head's fields.
    out.write_all(head.strip_suffix('}').unwrap_or(&head).as_bytes())?;
    out.write_all(b",\"comments\":")?;
    threads(db, plan, Some(p.id), out)?;
    out.write_all(b"}")?;
    Ok(())
}

/// The threads of a paragraph (or the general ones) as a JSON array, a page at a time.
fn threads<W: Write>(
    db: &Db,
    plan: &Plan,
    paragraph: Option<i64>,
    out: &mut W,
) -> Result<(), ExportError> {
    out.write_all(b"[")?;
    let mut first = true;
    // Paragraphs nobody commented on need no query.
    if plan.counts.contains_key(&paragraph) {
        source::each_thread_page(db, &plan.scope, paragraph, None, |nodes| {
            for n in &nodes {
                if !first {
                    out.write_all(b",")?;
                }
                first = false;
                serde_json::to_writer(&mut *out, n)?;
            }
            Ok(())
        })?;
    }
    out.write_all(b"]")?;
    Ok(())
}
