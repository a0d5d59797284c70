//! The account rules, each in one place and one transaction, with the emails they cause
//! written to the outbox inside that transaction.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::accounts::model::{NewUser, ProfileChanges, Role, User};
use crate::accounts::validate::{ProfilePatch, Registration};
use crate::auth::session::random_token;
use crate::db::schema::{account_tokens, users};
use crate::db::Conn;
use crate::error::AppError;
use crate::services::Services;

mod admin;
mod deletion;
mod passwords;
mod registration;
mod second_factor;
mod sign_in;

pub use admin::{admin_update, audit, list_users, AdminChanges, UserFilter};
pub use deletion::{admin_delete_account, delete_own_account};
pub use passwords::{
    change_password, confirm_password_reset, request_password_reset, sign_out_everywhere,
};
pub use registration::{register, verify_email, verify_token_is_valid};
pub use second_factor::{mfa_disable, mfa_enable, mfa_setup};
pub use sign_in::{login, login_second_step, LoggedIn};

pub const VERIFY: &str = "verify_email";
pub const RESET: &str = "password_reset";
const MAX_LOGIN_FAILURES: i64 = 10;
const LOGIN_WINDOW_MINUTES: i64 = 15;

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// Account tokens are stored as SHA-256 digests: a leaked table opens no account.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What `login_failures` stores for an address: a SHA-256 keyed with the signing key,
/// so that the table counts tries per address without holding any address.
pub fn failure_key(secret: &[u8], email: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"plenary login failures\0");
    h.update(secret);
    h.update(b"\0");
    h.update(email.trim().to_lowercase().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn find_user(conn: &mut Conn, id: i64) -> Result<User, AppError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)?)
}

fn by_email(conn: &mut Conn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email_lower.eq(email.trim().to_lowercase()))
        .filter(users::deleted_at.is_null())
        .select(User::as_select())
        .first(conn)
        .optional()
}

fn new_account_token(
    conn: &mut Conn,
    user_id: i64,
    purpose: &str,
    valid: Duration,
) -> QueryResult<String> {
    let token = random_token();
    let now = now();
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::id.eq(crate::ids::new_id()),
            account_tokens::user_id.eq(user_id),
            account_tokens::purpose.eq(purpose),
            account_tokens::token_hash.eq(digest(&token)),
            account_tokens::expires_at.eq(now + valid),
            account_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The (token id, user id) of a valid, unused token of `purpose`.
fn valid_token(conn: &mut Conn, token: &str, purpose: &str) -> QueryResult<Option<(i64, i64)>> {
    account_tokens::table
        .filter(account_tokens::token_hash.eq(digest(token)))
        .filter(account_tokens::purpose.eq(purpose))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now()))
        .select((account_tokens::id, account_tokens::user_id))
        .first(conn)
        .optional()
}

/// Marks a valid, unused token of `purpose` as used and returns its user id.
fn consume_token(conn: &mut Conn, token: &str, purpose: &str) -> Result<Option<i64>, AppError> {
    let now = now();
    let Some((token_id, user_id)) = valid_token(conn, token, purpose)? else {
        return Ok(None);
    };
    // The `used_at IS NULL` condition makes a racing second use match nothing.
    let n = diesel::update(
        account_tokens::table
            .filter(account_tokens::id.eq(token_id))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok((n == 1).then_some(user_id))
}

/// Inserts a new account (used by registration, the command line and the demo).
pub fn insert_user(
    conn: &mut Conn,
    reg: &Registration,
    password_hash: String,
    role: Role,
    email_verified: bool,
) -> Result<User, AppError> {
    if by_email(conn, &reg.email)?.is_some() {
        return Err(AppError::conflict(
            "An account with this email address already exists.",
        ));
    }
    let id = crate::ids::new_id();
    diesel::insert_into(users::table)
        .values(NewUser {
            id,
            email: reg.email.clone(),
            email_lower: reg.email.to_lowercase(),
            password_hash,
            display_name: reg.display_name.clone(),
            stakeholder_group: reg.group.as_str().into(),
            organization: reg.organization.clone(),
            country: reg.country.clone(),
            role: role.as_str().into(),
            affiliation_verified: false,
            email_verified,
            suspended: false,
            notification_mode: "immediate".into(),
            preferred_language: reg.language.code().into(),
            token_version: 0,
            created_at: now(),
        })
        .execute(conn)
        .map_err(|e| match AppError::from(e) {
            // Two registrations racing for one address: the unique index decides.
            AppError::Conflict(_) => {
                AppError::conflict("An account with this email address already exists.")
            }
            other => other,
        })?;
    find_user(conn, id)
}

pub async fn update_profile(
    state: &Services,
    id: i64,
    patch: ProfilePatch,
) -> Result<User, AppError> {
    state
        .db
        .run(move |conn| {
            let changes = ProfileChanges {
                display_name: patch.display_name,
                organization: patch.organization,
                country: patch.country,
                notification_mode: patch.notification_mode,
                preferred_language: patch.preferred_language,
            };
            if changes.display_name.is_some()
                || changes.organization.is_some()
                || changes.country.is_some()
                || changes.notification_mode.is_some()
                || changes.preferred_language.is_some()
            {
                diesel::update(users::table.find(id))
                    .set(&changes)
                    .execute(conn)?;
            }
            find_user(conn, id)
        })
        .await
}

pub async fn user_by_email(state: &Services, email: String) -> Result<Option<User>, AppError> {
    state.db.run(move |conn| Ok(by_email(conn, &email)?)).await
}

pub async fn get_user(state: &Services, id: i64) -> Result<User, AppError> {
    state.db.run(move |conn| find_user(conn, id)).await
}
