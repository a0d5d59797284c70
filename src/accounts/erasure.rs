//! "Delete my account" (issue 18), by the account holder or by an admin on request.
//!
//! The account's personal data is erased in one transaction; its row stays as a
//! tombstone, because the published comments of the consultation's record point to it:
//! they keep their text, kind, paragraph and the stakeholder group snapshotted when they
//! were written, and read "Former participant" from then on. What goes:
//! - on the account: email, name, organization, country, password hash, second factor,
//!   verification; every token stops working (token version moved on);
//! - on its comments: the organization, country and verification snapshots;
//! - rows that exist only for the account: follows, account tokens, recovery codes,
//!   login failures, digest items, moderator alerts, security events, and every email
//!   written to its address (sent or waiting);
//! - its name and organization in the bylines of the stored copies of emails and
//!   digest lines written to other people (replaced by "Former participant").
//!
//! What stays, and why (docs/security.md "Personal data"): the text of comments and of
//! their earlier versions (the record of input; an author who wants a comment gone
//! withdraws it first), flags it raised (moderation history, without its name), and
//! audit-log rows naming the tombstone's id.

use chrono::Utc;
use diesel::prelude::*;

use crate::accounts::model::{Role, User};
use crate::db::schema::{
    account_tokens, comments, digest_items, follows, login_failures, moderator_alerts, outbox,
    recovery_codes, security_events, users,
};
use crate::db::Conn;
use crate::error::AppError;

/// What an erased account's comments are signed with.
pub const FORMER_PARTICIPANT: &str = "Former participant";

diesel::define_sql_function! {
    /// SQL `REPLACE(text, from, to)`, the same on SQLite and PostgreSQL.
    fn replace(text: diesel::sql_types::Text, from: diesel::sql_types::Text, to: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    #[sql_name = "REPLACE"]
    fn replace_nullable(text: diesel::sql_types::Nullable<diesel::sql_types::Text>, from: diesel::sql_types::Text, to: diesel::sql_types::Text) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

/// Who asked for the erasure: recorded in the audit log when it was an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requester {
    Holder,
    Admin(i64),
}

/// Erases account `id` (see the module comment). 404 for an account that does not
/// exist or is already erased; 409 for the last administrator, who would leave the
/// platform without anyone able to run it.
///
/// `secret` is the signing key, which `login_failures` rows are keyed with.
pub fn erase(conn: &mut Conn, id: i64, by: Requester, secret: &[u8]) -> Result<(), AppError> {
    crate::db::transaction(conn, |conn| {
        let user: User = users::table
            .find(id)
            .filter(users::deleted_at.is_null())
            .select(User::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        if user.role() == Role::Admin {
            let admins: i64 = users::table
                .filter(users::role.eq(Role::Admin.as_str()))
                .filter(users::deleted_at.is_null())
                .count()
                .get_result(conn)?;
            if admins <= 1 {
                return Err(AppError::conflict(
                    "This is the only administrator account: make another account an administrator first.",
                ));
            }
        }
        let tombstone = format!("deleted:{id}");
        diesel::update(users::table.find(id))
            .set((
                users::email.eq(&tombstone),
                users::email_lower.eq(&tombstone),
                users::password_hash.eq(""),
                users::display_name.eq(FORMER_PARTICIPANT),
                users::organization.eq(""),
                users::country.eq(None::<String>),
                users::role.eq(Role::Participant.as_str()),
                users::affiliation_verified.eq(false),
                users::email_verified.eq(false),
                users::notification_mode.eq("off"),
                users::token_version.eq(users::token_version + 1),
                users::totp_secret.eq(None::<String>),
                users::totp_enabled.eq(false),
                users::deleted_at.eq(Some(Utc::now().naive_utc())),
            ))
            .execute(conn)?;
        // Comments signed with the organization now read "Former participant"; those
        // published anonymously stay anonymous.
        diesel::update(comments::table.filter(comments::author_id.eq(id)))
            .set((
                comments::author_organization.eq(""),
                comments::author_country.eq(None::<String>),
                comments::author_verified.eq(false),
            ))
            .execute(conn)?;
        diesel::update(
            comments::table
                .filter(comments::author_id.eq(id))
                .filter(comments::attribution.eq("organization")),
        )
        .set(comments::attribution.eq("name"))
        .execute(conn)?;
        diesel::delete(follows::table.filter(follows::user_id.eq(id))).execute(conn)?;
        diesel::delete(account_tokens::table.filter(account_tokens::user_id.eq(id)))
            .execute(conn)?;
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(id)))
            .execute(conn)?;
        diesel::delete(digest_items::table.filter(digest_items::user_id.eq(id))).execute(conn)?;
        diesel::delete(moderator_alerts::table.filter(moderator_alerts::user_id.eq(id)))
            .execute(conn)?;
        diesel::delete(security_events::table.filter(security_events::user_id.eq(id)))
            .execute(conn)?;
        let tries = crate::accounts::service::failure_key(secret, &user.email_lower);
        diesel::delete(login_failures::table.filter(login_failures::address_key.eq(tries)))
            .execute(conn)?;
        diesel::delete(outbox::table.filter(outbox::to_address.eq(&user.email))).execute(conn)?;
        forget_name(conn, &user.display_name, &user.organization)?;
        if let Requester::Admin(actor) = by {
            crate::accounts::service::audit(conn, actor, "account_deleted", "user", id, None)?;
        }
        Ok(())
    })
}

/// Rewrites the stored copies of what others were sent (emails: subject, text, and HTML
/// with the text escaped as the templates escape it; digest lines) where they name the
/// account: its name becomes "Former participant", and its organization is taken out
/// of the bylines `notifications::fanout` writes ("Name (Organization, Group)" and
/// "Organization (Group)"). Elsewhere an organization's name is left alone: it is also
/// the name of an institution other people write about.
fn forget_name(conn: &mut Conn, name: &str, organization: &str) -> QueryResult<()> {
    let mut swaps: Vec<(String, String)> = Vec::new();
    if !name.is_empty() && name != FORMER_PARTICIPANT {
        swaps.push((name.to_string(), FORMER_PARTICIPANT.to_string()));
    }
    if !organization.is_empty() {
        swaps.push((format!("({organization}, "), "(".to_string()));
        swaps.push((
            format!("{organization} ("),
            format!("{FORMER_PARTICIPANT} ("),
        ));
    }
    for (from, to) in swaps {
        swap(conn, &from, &to)?;
    }
    Ok(())
}

/// One `REPLACE` of `from` by `to` over the stored copies, on the rows that hold it.
fn swap(conn: &mut Conn, from: &str, to: &str) -> QueryResult<()> {
    let escape = |s: &str| maud::html! { (s) }.into_string();
    let (html_from, html_to) = (escape(from), escape(to));
    let like = |s: &str| {
        let escaped = s
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    };
    let (pattern, html_pattern) = (like(from), like(&html_from));
    diesel::update(
        outbox::table.filter(
            outbox::subject
                .like(&pattern)
                .escape('\\')
                .or(outbox::body_text.like(&pattern).escape('\\'))
                .or(outbox::body_html.like(&html_pattern).escape('\\')),
        ),
    )
    .set((
        outbox::subject.eq(replace(outbox::subject, from, to)),
        outbox::body_text.eq(replace(outbox::body_text, from, to)),
        outbox::body_html.eq(replace_nullable(outbox::body_html, html_from, html_to)),
    ))
    .execute(conn)?;
    diesel::update(
        digest_items::table.filter(
            digest_items::line
                .like(&pattern)
                .escape('\\')
                .or(digest_items::excerpt.like(&pattern).escape('\\')),
        ),
    )
    .set((
        digest_items::line.eq(replace(digest_items::line, from, to)),
        digest_items::excerpt.eq(replace(digest_items::excerpt, from, to)),
    ))
    .execute(conn)?;
    Ok(())
}
