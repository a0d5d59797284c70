//! Event rows: written inside the transaction of the change they describe, so that a
//! notification exists exactly when its cause does. The worker fans them out later, so
//! a comment on a draft with thousands of followers is still answered at once.

use chrono::Utc;
use diesel::prelude::*;

use crate::db::schema::events;
use crate::db::Conn;

pub const COMMENT_PUBLISHED: &str = "comment_published";
pub const COMMENT_QUEUED: &str = "comment_queued";
pub const DECISION: &str = "moderation_decision";
pub const REVISION: &str = "revision_published";

#[derive(Default)]
pub struct Event<'a> {
    pub kind: &'a str,
    pub comment_id: Option<i64>,
    pub draft_id: Option<i64>,
    pub actor_id: Option<i64>,
    /// For decisions: the action (approve, hide, reject).
    pub detail: Option<&'a str>,
    pub reason: Option<&'a str>,
}

pub fn emit(conn: &mut Conn, e: Event) -> QueryResult<()> {
    diesel::insert_into(events::table)
        .values((
            events::id.eq(crate::ids::new_id()),
            events::kind.eq(e.kind),
            events::comment_id.eq(e.comment_id),
            events::draft_id.eq(e.draft_id),
            events::actor_id.eq(e.actor_id),
            events::detail.eq(e.detail),
            events::reason.eq(e.reason),
            events::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn comment_published(
    conn: &mut Conn,
    comment_id: i64,
    draft_id: i64,
    actor: i64,
) -> QueryResult<()> {
    emit(
        conn,
        Event {
            kind: COMMENT_PUBLISHED,
            comment_id: Some(comment_id),
            draft_id: Some(draft_id),
            actor_id: Some(actor),
            ..Default::default()
        },
    )
}

pub fn comment_queued(conn: &mut Conn, comment_id: i64, draft_id: i64) -> QueryResult<()> {
    emit(
        conn,
        Event {
            kind: COMMENT_QUEUED,
            comment_id: Some(comment_id),
            draft_id: Some(draft_id),
            ..Default::default()
        },
    )
}
