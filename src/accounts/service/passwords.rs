//! Resetting and changing a password, and signing out everywhere (which is what a new
//! password also does).

use chrono::Duration;
use diesel::prelude::*;

use super::sign_in::{issue, LoggedIn};
use super::{by_email, consume_token, failure_key, find_user, new_account_token, RESET};
use crate::accounts::model::User;
use crate::accounts::security_events;
use crate::auth::password;
use crate::auth::security_log::{SecurityEvent, Subject};
use crate::db::schema::{login_failures, users};
use crate::db::Conn;
use crate::error::{AppError, FieldErrors};
use crate::mail::{outbox, templates};
use crate::services::Services;

/// Sends a reset link if the account exists; the caller answers 202 either way.
pub async fn request_password_reset(state: &Services, email: String) -> Result<(), AppError> {
    let base = state.config.base_url.clone();
    let address = Subject::address(state.keys.secret(), &email);
    let account = state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let Some(user) = by_email(conn, &email)? else {
                    return Ok(None);
                };
                let token = new_account_token(conn, user.id, RESET, Duration::hours(1))?;
                let email = crate::i18n::in_lang(user.language(), || {
                    templates::password_reset(&user.email, &base, &token)
                });
                outbox::enqueue(conn, &email)?;
                Ok(Some(user.id))
            })
        })
        .await?;
    let subject = account.map_or(address, Subject::Account);
    security_events::log(&state.db, SecurityEvent::PasswordResetRequested { subject }).await;
    Ok(())
}

pub async fn confirm_password_reset(
    state: &Services,
    token: String,
    new_password: String,
) -> Result<User, AppError> {
    if let Some(m) = password::check_new(&new_password, &[]) {
        return Err(FieldErrors::single("password", m));
    }
    let hash = password::hash(new_password).await?;
    let secret = state.keys.secret().to_vec();
    let user = state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let id = consume_token(conn, &token, RESET)?.ok_or_else(|| {
                    FieldErrors::single("token", "is not valid, was already used, or has expired")
                })?;
                set_password(conn, id, &hash)?;
                // Following the link proves the address too.
                diesel::update(users::table.find(id))
                    .set(users::email_verified.eq(true))
                    .execute(conn)?;
                let user = find_user(conn, id)?;
                diesel::delete(login_failures::table.filter(
                    login_failures::address_key.eq(failure_key(&secret, &user.email_lower)),
                ))
                .execute(conn)?;
                Ok(user)
            })
        })
        .await?;
    security_events::log(&state.db, SecurityEvent::PasswordReset { account: user.id }).await;
    Ok(user)
}

/// Stores a new hash and bumps the token version: every earlier token stops working.
fn set_password(conn: &mut Conn, id: i64, hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::token_version.eq(users::token_version + 1),
        ))
        .execute(conn)
}

pub async fn change_password(
    state: &Services,
    user: &User,
    current: String,
    new_password: String,
) -> Result<LoggedIn, AppError> {
    let mut errors = FieldErrors::new();
    if let Some(m) = password::check_new(&new_password, &[&user.email, &user.display_name]) {
        errors.add("new_password", m);
    }
    errors.into_result()?;
    if !password::verify(current, Some(user.password_hash.clone())).await? {
        return Err(FieldErrors::single("current_password", "is not correct"));
    }
    let hash = password::hash(new_password).await?;
    let id = user.id;
    let user = state
        .db
        .run(move |conn| {
            set_password(conn, id, &hash)?;
            find_user(conn, id)
        })
        .await?;
    security_events::log(&state.db, SecurityEvent::PasswordChanged { account: id }).await;
    issue(state, user)
}

/// "Sign out everywhere": every token of the account stops working.
pub async fn sign_out_everywhere(state: &Services, id: i64) -> Result<(), AppError> {
    state
        .db
        .run(move |conn| {
            diesel::update(users::table.find(id))
                .set(users::token_version.eq(users::token_version + 1))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    security_events::log(
        &state.db,
        SecurityEvent::SignedOutEverywhere { account: id },
    )
    .await;
    Ok(())
}
