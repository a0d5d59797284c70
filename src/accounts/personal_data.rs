//! "Download my data" (issue 18): everything Plenary holds about one account, as one
//! JSON document the account holder can keep. It names nobody else: comments are the
//! account's own, flags are the ones it raised, emails are the ones sent to its address.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{comment_edits, comments, flags, follows, outbox, security_events, users};
use crate::db::Conn;
use crate::error::AppError;

use crate::clock::rfc3339 as time;

/// The `Content-Disposition` of the file, the same from the API and the page.
pub fn attachment(user_id: i64) -> String {
    format!("attachment; filename=\"plenary-my-data-{user_id}.json\"")
}

/// The whole file.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonalData {
    pub exported_at: String,
    pub account: Account,
    pub comments: Vec<OwnComment>,
    pub flags: Vec<OwnFlag>,
    pub follows: Vec<Follow>,
    pub emails: Vec<Email>,
    /// Sign-ins, failed sign-ins and credential changes, for the retention period.
    pub security_events: Vec<OwnSecurityEvent>,
    /// What this file cannot hold, said plainly.
    pub not_included: Vec<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Account {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub email: String,
    pub email_verified: bool,
    pub display_name: String,
    pub stakeholder_group: String,
    pub organization: String,
    pub country: Option<String>,
    pub role: String,
    pub affiliation_verified: bool,
    pub suspended: bool,
    pub notification_mode: String,
    pub totp_enabled: bool,
    pub created_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OwnComment {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    #[schema(value_type = Option<String>)]
    pub paragraph_id: Option<String>,
    #[schema(value_type = Option<String>)]
    pub parent_id: Option<String>,
    pub kind: String,
    pub status: String,
    pub body: String,
    pub proposed_text: Option<String>,
    pub attribution: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    /// Earlier versions, oldest first.
    pub edits: Vec<Edit>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OwnSecurityEvent {
    /// A stable name: sign_in, sign_in_failed, password_changed, mfa_enabled, …
    pub kind: String,
    pub detail: String,
    pub at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Edit {
    pub body: String,
    pub proposed_text: Option<String>,
    pub replaced_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OwnFlag {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub comment_id: i64,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Follow {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    pub since: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Email {
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub created_at: String,
    pub sent_at: Option<String>,
}

/// id, draft, paragraph, parent, kind, status, body, proposed text, attribution,
/// created, edited.
type CommentRow = (
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

/// Reads the account's data in one transaction, so that the parts agree.
pub fn export(conn: &mut Conn, user_id: i64) -> Result<PersonalData, AppError> {
    crate::db::transaction(conn, |conn| {
        let u = users::table
            .find(user_id)
            .select(crate::accounts::model::User::as_select())
            .first(conn)?;
        let own: Vec<CommentRow> = comments::table
            .filter(comments::author_id.eq(user_id))
            .order(comments::id)
            .select((
                comments::id,
                comments::draft_id,
                comments::paragraph_id,
                comments::parent_id,
                comments::kind,
                comments::status,
                comments::body,
                comments::proposed_text,
                comments::attribution,
                comments::created_at,
                comments::edited_at,
            ))
            .load(conn)?;
        let edits: Vec<(i64, String, Option<String>, NaiveDateTime)> = comment_edits::table
            .inner_join(comments::table)
            .filter(comments::author_id.eq(user_id))
            .order((comment_edits::comment_id, comment_edits::edited_at))
            .select((
                comment_edits::comment_id,
                comment_edits::body,
                comment_edits::proposed_text,
                comment_edits::edited_at,
            ))
            .load(conn)?;
        let comments = own
            .into_iter()
            .map(|c| OwnComment {
                id: c.0,
                draft_id: c.1,
                paragraph_id: c.2.map(|p| p.to_string()),
                parent_id: c.3.map(|p| p.to_string()),
                kind: c.4,
                status: c.5,
                body: c.6,
                proposed_text: c.7,
                attribution: c.8,
                created_at: time(c.9),
                edited_at: c.10.map(time),
                edits: edits
                    .iter()
                    .filter(|e| e.0 == c.0)
                    .map(|e| Edit {
                        body: e.1.clone(),
                        proposed_text: e.2.clone(),
                        replaced_at: time(e.3),
                    })
                    .collect(),
            })
            .collect();
        let flags = flags::table
            .filter(flags::user_id.eq(user_id))
            .order(flags::id)
            .select((
                flags::comment_id,
                flags::reason,
                flags::note,
                flags::created_at,
            ))
            .load::<(i64, String, Option<String>, NaiveDateTime)>(conn)?
            .into_iter()
            .map(|f| OwnFlag {
                comment_id: f.0,
                reason: f.1,
                note: f.2,
                created_at: time(f.3),
            })
            .collect();
        let follows = follows::table
            .filter(follows::user_id.eq(user_id))
            .order(follows::draft_id)
            .select((follows::draft_id, follows::created_at))
            .load::<(i64, NaiveDateTime)>(conn)?
            .into_iter()
            .map(|f| Follow {
                draft_id: f.0,
                since: time(f.1),
            })
            .collect();
        let emails = outbox::table
            .filter(outbox::to_address.eq(&u.email))
            .order(outbox::id)
            .select((
                outbox::subject,
                outbox::body_text,
                outbox::status,
                outbox::created_at,
                outbox::sent_at,
            ))
            .load::<(String, String, String, NaiveDateTime, Option<NaiveDateTime>)>(conn)?
            .into_iter()
            .map(|e| Email {
                subject: e.0,
                body_text: e.1,
                status: e.2,
                created_at: time(e.3),
                sent_at: e.4.map(time),
            })
            .collect();
        let security_events = security_events::table
            .filter(security_events::user_id.eq(user_id))
            .order((security_events::at, security_events::id))
            .select((
                security_events::kind,
                security_events::detail,
                security_events::at,
            ))
            .load::<(String, String, NaiveDateTime)>(conn)?
            .into_iter()
            .map(|e| OwnSecurityEvent {
                kind: e.0,
                detail: e.1,
                at: time(e.2),
            })
            .collect();
        Ok(PersonalData {
            exported_at: time(chrono::Utc::now().naive_utc()),
            account: Account {
                id: u.id,
                email: u.email.clone(),
                email_verified: u.email_verified,
                display_name: u.display_name.clone(),
                stakeholder_group: u.stakeholder_group.clone(),
                organization: u.organization.clone(),
                country: u.country.clone(),
                role: u.role.clone(),
                affiliation_verified: u.affiliation_verified,
                suspended: u.suspended,
                notification_mode: u.notification_mode.clone(),
                totp_enabled: u.totp_enabled,
                created_at: time(u.created_at),
            },
            comments,
            flags,
            follows,
            emails,
            security_events,
            not_included: vec![
                "The password and the second-factor secret: kept only as a hash and a secret that prove it is you, never shown.".into(),
                "Refused requests (401/403 answers, rate limits): written to the server's process log with the network address, not to the database, and kept as long as the operator keeps that log.".into(),
            ],
        })
    })
}
