//! Creating, changing and listing consultations.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::consultations::Consultation;
use crate::db::schema::{consultations, drafts};
use crate::db::Db;
use crate::error::{AppError, FieldErrors};

pub const MAX_TITLE: usize = 300;
pub const MAX_SUMMARY: usize = 5000;

/// A validated consultation, from the API or the admin form.
pub struct ConsultationInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    pub moderation: Option<String>,
}

pub fn parse_time(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
) -> Option<NaiveDateTime> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    match DateTime::parse_from_rfc3339(raw) {
        Ok(t) => Some(t.with_timezone(&Utc).naive_utc()),
        // The admin form's datetime-local input has no offset: read it as UTC.
        Err(_) => match NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M") {
            Ok(t) => Some(t),
            Err(_) => {
                errors.add(
                    field,
                    "must be an RFC 3339 time such as 2026-01-31T17:00:00Z",
                );
                None
            }
        },
    }
}

impl ConsultationInput {
    /// Validates raw fields; `creating` makes the title required.
    pub fn parse(
        creating: bool,
        title: Option<&str>,
        summary: Option<&str>,
        opens_at: Option<&str>,
        closes_at: Option<&str>,
        moderation: Option<&str>,
    ) -> Result<ConsultationInput, AppError> {
        let mut errors = FieldErrors::new();
        let title = title.map(|t| t.trim().to_string());
        match &title {
            None if creating => errors.add("title", "is required"),
            Some(t) if t.is_empty() => errors.add("title", "is required"),
            Some(t) if t.chars().count() > MAX_TITLE => {
                errors.add("title", format!("must be at most {MAX_TITLE} characters"))
            }
            _ => {}
        }
        let summary = summary.map(|s| s.trim().to_string());
        if summary
            .as_ref()
            .is_some_and(|s| s.chars().count() > MAX_SUMMARY)
        {
            errors.add(
                "summary",
                format!("must be at most {MAX_SUMMARY} characters"),
            );
        }
        let opens = parse_time(&mut errors, "opens_at", opens_at);
        let closes = parse_time(&mut errors, "closes_at", closes_at);
        if let (Some(o), Some(c)) = (opens, closes) {
            if c <= o {
                errors.add("closes_at", "must be after opens_at");
            }
        }
        if let Some(m) = moderation {
            if m != "pre" && m != "post" {
                errors.add("moderation", "must be pre or post");
            }
        }
        errors.into_result()?;
        Ok(ConsultationInput {
            title,
            summary,
            opens_at: opens,
            closes_at: closes,
            moderation: moderation.map(str::to_string),
        })
    }
}

pub fn find(conn: &mut crate::db::Conn, id: i64) -> Result<Consultation, AppError> {
    Ok(consultations::table
        .find(id)
        .select(Consultation::as_select())
        .first(conn)?)
}

pub async fn create(
    db: &Db,
    actor: i64,
    input: ConsultationInput,
) -> Result<Consultation, AppError> {
    db.run(move |conn| {
        let now = Utc::now().naive_utc();
        let opens = input.opens_at.unwrap_or(now);
        let closes = input.closes_at.unwrap_or(opens + Duration::days(60));
        if closes <= opens {
            return Err(FieldErrors::single("closes_at", "must be after opens_at"));
        }
        let id = crate::ids::new_id();
        diesel::insert_into(consultations::table)
            .values((
                consultations::id.eq(id),
                consultations::title.eq(input.title.unwrap_or_default()),
                consultations::summary.eq(input.summary.unwrap_or_default()),
                consultations::opens_at.eq(opens),
                consultations::closes_at.eq(closes),
                consultations::moderation.eq(input.moderation.unwrap_or_else(|| "post".into())),
                consultations::created_by.eq(actor),
                consultations::created_at.eq(now),
            ))
            .execute(conn)?;
        find(conn, id)
    })
    .await
}

pub async fn update(db: &Db, id: i64, input: ConsultationInput) -> Result<Consultation, AppError> {
    db.run(move |conn| {
        crate::db::transaction(conn, |conn| {
            let current = find(conn, id)?;
            let opens = input.opens_at.unwrap_or(current.opens_at);
            let closes = input.closes_at.unwrap_or(current.closes_at);
            if closes <= opens {
                return Err(FieldErrors::single("closes_at", "must be after opens_at"));
            }
            diesel::update(consultations::table.find(id))
                .set((
                    consultations::title.eq(input.title.unwrap_or(current.title)),
                    consultations::summary.eq(input.summary.unwrap_or(current.summary)),
                    consultations::opens_at.eq(opens),
                    consultations::closes_at.eq(closes),
                    consultations::moderation.eq(input.moderation.unwrap_or(current.moderation)),
                ))
                .execute(conn)?;
            find(conn, id)
        })
    })
    .await
}

pub async fn get(db: &Db, id: i64) -> Result<(Consultation, Vec<DraftSummary>), AppError> {
    db.run(move |conn| {
        let c = find(conn, id)?;
        let d = drafts_of(conn, id)?;
        Ok((c, d))
    })
    .await
}

#[derive(Debug, Clone, Queryable)]
pub struct DraftSummary {
    pub id: i64,
    pub title: String,
    pub version_label: String,
    pub previous_draft_id: Option<i64>,
    pub read_only: bool,
}

pub fn drafts_of(conn: &mut crate::db::Conn, consultation: i64) -> QueryResult<Vec<DraftSummary>> {
    drafts::table
        .filter(drafts::consultation_id.eq(consultation))
        .order(drafts::id.asc())
        .select((
            drafts::id,
            drafts::title,
            drafts::version_label,
            drafts::previous_draft_id,
            drafts::read_only,
        ))
        .load(conn)
}

pub async fn list(db: &Db, after: Option<i64>, limit: i64) -> Result<Vec<Consultation>, AppError> {
    db.run(move |conn| {
        let mut q = consultations::table
            .select(Consultation::as_select())
            .order(consultations::id.asc())
            .limit(limit)
            .into_boxed();
        if let Some(a) = after {
            q = q.filter(consultations::id.gt(a));
        }
        Ok(q.load(conn)?)
    })
    .await
}
