//! Registering an account and confirming its address.

use chrono::Duration;
use diesel::prelude::*;

use super::{consume_token, find_user, insert_user, new_account_token, valid_token, VERIFY};
use crate::accounts::model::{Role, User};
use crate::accounts::security_events;
use crate::accounts::validate::Registration;
use crate::auth::password;
use crate::auth::security_log::SecurityEvent;
use crate::db::schema::users;
use crate::error::{AppError, FieldErrors};
use crate::mail::{outbox, templates};
use crate::services::Services;

pub async fn register(state: &Services, reg: Registration) -> Result<User, AppError> {
    let hash = password::hash(reg.password.clone()).await?;
    let base = state.config.base_url.clone();
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let user = insert_user(conn, &reg, hash, Role::Participant, false)?;
                let token = new_account_token(conn, user.id, VERIFY, Duration::days(7))?;
                let email = crate::i18n::in_lang(user.language(), || {
                    templates::verify_email(&user.email, &base, &token)
                });
                outbox::enqueue(conn, &email)?;
                Ok(user)
            })
        })
        .await
}

/// Whether `token` is a confirmation token that still works. Reads only: the page a
/// confirmation link opens changes nothing until its button is pressed.
pub async fn verify_token_is_valid(state: &Services, token: String) -> Result<bool, AppError> {
    state
        .db
        .run(move |conn| Ok(valid_token(conn, &token, VERIFY)?.is_some()))
        .await
}

pub async fn verify_email(state: &Services, token: String) -> Result<User, AppError> {
    let user = state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let id = consume_token(conn, &token, VERIFY)?
                    .ok_or_else(|| FieldErrors::single("token", "is not valid or has expired"))?;
                diesel::update(users::table.find(id))
                    .set(users::email_verified.eq(true))
                    .execute(conn)?;
                find_user(conn, id)
            })
        })
        .await?;
    security_events::log(&state.db, SecurityEvent::EmailVerified { account: user.id }).await;
    Ok(user)
}
