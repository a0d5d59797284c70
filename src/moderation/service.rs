//! The moderation rules. Every decision and its audit entry are written in one
//! transaction: a failure leaves neither.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::model::User;
use crate::accounts::service::audit;
use crate::clock::rfc3339;
use crate::comments::model::{Comment, Viewer};
use crate::comments::service::{check_may_write, find};
use crate::comments::view::CommentOut;
use crate::db::schema::{audit_log, comments, flags, paragraphs, users};
use crate::db::Conn;
use crate::error::{AppError, FieldErrors};
use crate::services::Services;

pub const REASONS: [&str; 4] = ["spam", "abusive", "off_topic", "other"];
pub const ACTIONS: [&str; 4] = ["approve", "hide", "reject", "restore"];
pub const MAX_NOTE: usize = 1000;

pub struct NewFlag {
    pub reason: String,
    pub note: Option<String>,
}

impl NewFlag {
    pub fn parse(reason: &str, note: Option<&str>) -> Result<NewFlag, AppError> {
        let mut errors = FieldErrors::new();
        if !REASONS.contains(&reason) {
            errors.add("reason", "must be spam, abusive, off_topic or other");
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > MAX_NOTE) {
            errors.add("note", format!("must be at most {MAX_NOTE} characters"));
        }
        errors.into_result()?;
        Ok(NewFlag {
            reason: reason.into(),
            note: note.map(str::to_string),
        })
    }
}

/// Records a flag; hides the comment at once when enough distinct users flagged it.
/// Returns whether the comment is now hidden.
pub async fn flag(
    state: &Services,
    user: &User,
    comment_id: i64,
    f: NewFlag,
) -> Result<bool, AppError> {
    check_may_write(state, user)?;
    state
        .limiter
        .check(crate::ratelimit::FLAG, &user.id.to_string())?;
    let threshold = state.config.flag_threshold;
    let user = user.clone();
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let c = find(conn, comment_id)?;
                if !c.readable_by(Viewer::of(Some(&user))) {
                    return Err(AppError::NotFound);
                }
                if c.author_id == user.id {
                    return Err(AppError::forbidden("You cannot flag your own comment."));
                }
                if c.status != "published" {
                    return Err(AppError::conflict(
                        "Only published comments can be flagged.",
                    ));
                }
                let already: i64 = flags::table
                    .filter(flags::comment_id.eq(comment_id))
                    .filter(flags::user_id.eq(user.id))
                    .count()
                    .get_result(conn)?;
                if already > 0 {
                    return Err(AppError::conflict("You have already flagged this comment."));
                }
                diesel::insert_into(flags::table)
                    .values((
                        flags::id.eq(crate::ids::new_id()),
                        flags::comment_id.eq(comment_id),
                        flags::user_id.eq(user.id),
                        flags::reason.eq(&f.reason),
                        flags::note.eq(&f.note),
                        flags::resolved.eq(false),
                        flags::created_at.eq(Utc::now().naive_utc()),
                    ))
                    .execute(conn)
                    .map_err(|e| match AppError::from(e) {
                        AppError::Conflict(_) => {
                            AppError::conflict("You have already flagged this comment.")
                        }
                        other => other,
                    })?;
                let open: i64 = flags::table
                    .filter(flags::comment_id.eq(comment_id))
                    .filter(flags::resolved.eq(false))
                    .count()
                    .get_result(conn)?;
                diesel::update(comments::table.find(comment_id))
                    .set(comments::flag_count.eq(comments::flag_count + 1))
                    .execute(conn)?;
                if open >= threshold {
                    // Hidden until a moderator decides; the queue shows it as flagged.
                    let hidden = diesel::update(
                        comments::table
                            .find(comment_id)
                            .filter(comments::status.eq("published")),
                    )
                    .set(comments::status.eq("hidden"))
                    .execute(conn)?;
                    if hidden == 1 {
                        crate::notifications::events::comment_queued(conn, comment_id, c.draft_id)?;
                    }
                    return Ok(true);
                }
                Ok(false)
            })
        })
        .await
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FlagOut {
    #[schema(schema_with = crate::vocabulary::flag_reason)]
    pub reason: String,
    pub note: Option<String>,
    #[schema(format = DateTime)]
    pub at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParagraphRef {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub number: i32,
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QueueItem {
    pub comment: CommentOut,
    pub flags: Vec<FlagOut>,
    /// `pending` (awaiting pre-moderation) or `flagged`.
    #[schema(schema_with = crate::vocabulary::queue_why)]
    pub why: &'static str,
    pub paragraph: Option<ParagraphRef>,
    /// The author's other recent comments, newest first.
    pub author_recent: Vec<CommentOut>,
}

/// Pending comments and comments with open flags, oldest first.
pub fn queue(
    conn: &mut Conn,
    moderator: Viewer,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<QueueItem>, AppError> {
    let flagged = flags::table
        .filter(flags::resolved.eq(false))
        .select(flags::comment_id);
    let mut q = comments::table
        .inner_join(users::table)
        .filter(
            comments::status
                .eq("pending")
                .or(comments::id.eq_any(flagged).and(
                    // A withdrawn or rejected comment leaves nothing to decide.
                    comments::status.eq_any(["published", "hidden"]),
                )),
        )
        .select((Comment::as_select(), users::display_name))
        .order(comments::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(comments::id.gt(a));
    }
    let rows: Vec<(Comment, String)> = q.load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (c, name) in rows {
        let fl: Vec<(String, Option<String>, NaiveDateTime)> = flags::table
            .filter(flags::comment_id.eq(c.id))
            .filter(flags::resolved.eq(false))
            .order(flags::id.asc())
            .select((flags::reason, flags::note, flags::created_at))
            .load(conn)?;
        let paragraph = match c.paragraph_id {
            Some(pid) => paragraphs::table
                .find(pid)
                .select((
                    paragraphs::id,
                    paragraphs::number,
                    paragraphs::label,
                    paragraphs::text,
                ))
                .first::<(i64, i32, String, String)>(conn)
                .optional()?
                .map(|(id, number, label, text)| ParagraphRef {
                    id,
                    number,
                    label,
                    text,
                }),
            None => None,
        };
        let recent: Vec<Comment> = comments::table
            .filter(comments::author_id.eq(c.author_id))
            .filter(comments::id.ne(c.id))
            .order(comments::id.desc())
            .limit(5)
            .select(Comment::as_select())
            .load(conn)?;
        out.push(QueueItem {
            why: if c.status == "pending" {
                "pending"
            } else {
                "flagged"
            },
            flags: fl
                .into_iter()
                .map(|(reason, note, at)| FlagOut {
                    reason,
                    note,
                    at: rfc3339(at),
                })
                .collect(),
            paragraph,
            author_recent: recent
                .iter()
                .map(|r| CommentOut::new(r, &name, moderator))
                .collect(),
            comment: CommentOut::new(&c, &name, moderator),
        });
    }
    Ok(out)
}

/// The state change an action makes, or why it cannot.
fn transition(action: &str, c: &Comment, has_open_flags: bool) -> Result<&'static str, AppError> {
    let status = c.status.as_str();
    match (action, status) {
        ("approve", "pending") => Ok("published"),
        ("approve", "published") if has_open_flags => Ok("published"),
        ("hide", "pending" | "published") => Ok("hidden"),
        // Confirms a hide that participants' flags made.
        ("hide", "hidden") if has_open_flags => Ok("hidden"),
        ("reject", "pending" | "published" | "hidden") => Ok("rejected"),
        ("restore", "hidden" | "rejected") => Ok("published"),
        ("approve" | "hide" | "reject" | "restore", _) => Err(AppError::Conflict(format!(
            "A {status} comment cannot be {}.",
            match action {
                "approve" => "approved",
                "hide" => "hidden",
                "reject" => "rejected",
                _ => "restored",
            }
        ))),
        _ => Err(FieldErrors::single(
            "action",
            "must be approve, hide, reject or restore",
        )),
    }
}

pub fn check_decision(action: &str, reason: Option<&str>) -> Result<Option<String>, AppError> {
    let mut errors = FieldErrors::new();
    if !ACTIONS.contains(&action) {
        errors.add("action", "must be approve, hide, reject or restore");
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if matches!(action, "hide" | "reject") && reason.is_none() {
        errors.add(
            "reason",
            "is required to hide or reject a comment: the author will read it",
        );
    }
    if reason.is_some_and(|r| r.chars().count() > MAX_NOTE) {
        errors.add("reason", format!("must be at most {MAX_NOTE} characters"));
    }
    errors.into_result()?;
    Ok(reason.map(str::to_string))
}

/// Applies a moderator's decision and logs it, in one transaction. `extra` runs inside
/// the same transaction (the notification outbox uses it).
pub fn decide(
    conn: &mut Conn,
    moderator: &User,
    comment_id: i64,
    action: &str,
    reason: Option<&str>,
) -> Result<(Comment, Comment), AppError> {
    crate::db::transaction(conn, |conn| {
        let before = find(conn, comment_id)?;
        let open: i64 = flags::table
            .filter(flags::comment_id.eq(comment_id))
            .filter(flags::resolved.eq(false))
            .count()
            .get_result(conn)?;
        let next = transition(action, &before, open > 0)?;
        diesel::update(comments::table.find(comment_id))
            .set(comments::status.eq(next))
            .execute(conn)?;
        diesel::update(flags::table.filter(flags::comment_id.eq(comment_id)))
            .set(flags::resolved.eq(true))
            .execute(conn)?;
        audit(conn, moderator.id, action, "comment", comment_id, reason)?;
        // The author hears of the decision; a newly published comment reaches followers.
        if matches!(action, "approve" | "hide" | "reject")
            && !(action == "approve" && before.status == "published")
        {
            crate::notifications::events::emit(
                conn,
                crate::notifications::events::Event {
                    kind: crate::notifications::events::DECISION,
                    comment_id: Some(comment_id),
                    draft_id: Some(before.draft_id),
                    actor_id: Some(moderator.id),
                    detail: Some(action),
                    reason,
                },
            )?;
        }
        if action == "approve" && before.status == "pending" {
            crate::notifications::events::comment_published(
                conn,
                comment_id,
                before.draft_id,
                before.author_id,
            )?;
        }
        let after = find(conn, comment_id)?;
        Ok((before, after))
    })
}

pub async fn moderate(
    state: &Services,
    moderator: &User,
    comment_id: i64,
    action: String,
    reason: Option<String>,
) -> Result<CommentOut, AppError> {
    let reason = check_decision(&action, reason.as_deref())?;
    let m = moderator.clone();
    state
        .db
        .run(move |conn| {
            let (_, after) = decide(conn, &m, comment_id, &action, reason.as_deref())?;
            let name: String = users::table
                .find(after.author_id)
                .select(users::display_name)
                .first(conn)?;
            Ok(CommentOut::new(&after, &name, Viewer::of(Some(&m))))
        })
        .await
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActorOut {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LogEntry {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub actor: ActorOut,
    pub action: String,
    pub target_type: String,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub target_id: i64,
    pub reason: Option<String>,
    #[schema(format = DateTime)]
    pub at: String,
}

/// The audit log, newest first; `before` is the cursor (an id).
pub fn log(conn: &mut Conn, before: Option<i64>, limit: i64) -> QueryResult<Vec<LogEntry>> {
    let mut q = audit_log::table
        .inner_join(users::table)
        .select((
            audit_log::id,
            audit_log::actor_id,
            users::display_name,
            audit_log::action,
            audit_log::target_type,
            audit_log::target_id,
            audit_log::reason,
            audit_log::at,
        ))
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(audit_log::id.lt(b));
    }
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        i64,
        Option<String>,
        NaiveDateTime,
    );
    let rows: Vec<Row> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, actor_id, display_name, action, target_type, target_id, reason, at)| LogEntry {
                id,
                actor: ActorOut {
                    id: actor_id,
                    display_name,
                },
                action,
                target_type,
                target_id,
                reason,
                at: rfc3339(at),
            },
        )
        .collect())
}
