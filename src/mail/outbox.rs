//! Outbox rows: `enqueue` is called inside the transaction of the event that causes an
//! email, so that an email exists exactly when its event does.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::outbox;
use crate::db::Conn;

/// An email to write into the outbox.
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// Set for notifications: the one-click unsubscribe URL (RFC 8058).
    pub unsubscribe_url: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewOutboxRow<'a> {
    id: i64,
    to_address: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: Option<&'a str>,
    unsubscribe_url: Option<&'a str>,
    status: &'a str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

pub fn enqueue(conn: &mut Conn, email: &Email) -> QueryResult<i64> {
    let now = Utc::now().naive_utc();
    let id = crate::ids::new_id();
    diesel::insert_into(outbox::table)
        .values(NewOutboxRow {
            id,
            to_address: &email.to,
            subject: &email.subject,
            body_text: &email.text,
            body_html: email.html.as_deref(),
            unsubscribe_url: email.unsubscribe_url.as_deref(),
            status: "pending",
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        })
        .execute(conn)?;
    Ok(id)
}

/// Failed emails, newest first, for the admin page.
pub fn failed(conn: &mut Conn, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    outbox::table
        .filter(outbox::status.eq("failed"))
        .order(outbox::id.desc())
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)
}

/// Puts a failed email back in the queue with a fresh set of attempts.
pub fn retry(conn: &mut Conn, id: i64) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq("failed")),
    )
    .set((
        outbox::status.eq("pending"),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(Utc::now().naive_utc()),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
}
