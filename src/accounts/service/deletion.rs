//! "Delete my account" and its admin counterpart; `accounts::erasure` does the erasing.

use super::second_factor::check_second_factor;
use crate::accounts::model::User;
use crate::accounts::{erasure, security_events};
use crate::auth::password;
use crate::auth::security_log::SecurityEvent;
use crate::error::{AppError, FieldErrors};
use crate::services::Services;

/// "Delete my account": asks for the password again, and for a one-time or recovery
/// code when the second factor is on, then erases the account (`accounts::erasure`).
pub async fn delete_own_account(
    state: &Services,
    user: &User,
    password_in: String,
    code: Option<String>,
) -> Result<(), AppError> {
    if !password::verify(password_in, Some(user.password_hash.clone())).await? {
        return Err(FieldErrors::single("password", "is not correct"));
    }
    if user.totp_enabled {
        let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
            return Err(FieldErrors::single(
                "code",
                "is required: two-factor authentication is on",
            ));
        };
        if check_second_factor(state, user, &code).await?.is_none() {
            return Err(FieldErrors::single("code", "is not correct"));
        }
    }
    let (id, secret) = (user.id, state.keys.secret().to_vec());
    state
        .db
        .run(move |conn| erasure::erase(conn, id, erasure::Requester::Holder, &secret))
        .await?;
    security_events::log(
        &state.db,
        SecurityEvent::AccountDeleted {
            account: id,
            actor: None,
        },
    )
    .await;
    Ok(())
}

/// An admin erases an account on its holder's request; the audit log records who did
/// it and when, and nothing of what was erased.
pub async fn admin_delete_account(
    state: &Services,
    actor: &User,
    target: i64,
) -> Result<(), AppError> {
    if actor.id == target {
        return Err(AppError::forbidden(
            "Delete your own account from My account, where your password is asked again.",
        ));
    }
    let (actor_id, secret) = (actor.id, state.keys.secret().to_vec());
    state
        .db
        .run(move |conn| erasure::erase(conn, target, erasure::Requester::Admin(actor_id), &secret))
        .await?;
    security_events::log(
        &state.db,
        SecurityEvent::AccountDeleted {
            account: target,
            actor: Some(actor_id),
        },
    )
    .await;
    Ok(())
}
