//! The second factor: one-time codes (RFC 6238) and recovery codes, and turning it on and off.

use diesel::prelude::*;

use super::{digest, now};
use crate::accounts::model::User;
use crate::accounts::security_events;
use crate::auth::password;
use crate::auth::security_log::{SecondFactor, SecurityEvent};
use crate::db::schema::{recovery_codes, users};
use crate::db::Conn;
use crate::error::{AppError, FieldErrors};
use crate::services::Services;

/// Accepts TOTP time step `step` for account `id` only if it is later than the last
/// step accepted (RFC 6238 §5.2), so that no one-time code works twice. One conditional
/// UPDATE: of two requests racing with the same code, only one changes the row.
pub(super) fn claim_totp_step(conn: &mut Conn, id: i64, step: i64) -> QueryResult<bool> {
    let n = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::totp_last_step.lt(step)),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(n == 1)
}

/// A one-time code of a step not used before, or an unused recovery code (which is then
/// used up): which of the two passed, or `None`.
pub(super) async fn check_second_factor(
    state: &Services,
    user: &User,
    code: &str,
) -> Result<Option<SecondFactor>, AppError> {
    let id = user.id;
    let step = user
        .totp_secret
        .as_deref()
        .and_then(|secret| crate::auth::mfa::matching_step(secret, code));
    if let Some(step) = step {
        let fresh = state
            .db
            .run(move |conn| Ok(claim_totp_step(conn, id, step)?))
            .await?;
        if fresh {
            return Ok(Some(SecondFactor::Totp));
        }
        security_events::log(
            &state.db,
            SecurityEvent::SecondFactorFailed {
                account: id,
                replayed: true,
            },
        )
        .await;
        return Ok(None);
    }
    let hash = digest(&crate::auth::mfa::normalise_recovery(code));
    let used = state
        .db
        .run(move |conn| {
            let n = diesel::update(
                recovery_codes::table
                    .filter(recovery_codes::user_id.eq(id))
                    .filter(recovery_codes::code_hash.eq(hash))
                    .filter(recovery_codes::used_at.is_null()),
            )
            .set(recovery_codes::used_at.eq(Some(now())))
            .execute(conn)?;
            Ok(n == 1)
        })
        .await?;
    if used {
        security_events::log(&state.db, SecurityEvent::RecoveryCodeUsed { account: id }).await;
        Ok(Some(SecondFactor::RecoveryCode))
    } else {
        security_events::log(
            &state.db,
            SecurityEvent::SecondFactorFailed {
                account: id,
                replayed: false,
            },
        )
        .await;
        Ok(None)
    }
}

/// Enrolment, step 1: a new secret kept as pending until a code proves the app has it.
pub async fn mfa_setup(state: &Services, user: &User) -> Result<(String, String), AppError> {
    if user.totp_enabled {
        return Err(AppError::conflict(
            "Two-factor authentication is already on.",
        ));
    }
    let secret = crate::auth::mfa::new_secret();
    let url = crate::auth::mfa::otpauth_url(&secret, &user.email);
    let (id, s) = (user.id, secret.clone());
    state
        .db
        .run(move |conn| {
            // A new secret starts a new sequence of steps.
            diesel::update(users::table.find(id))
                .set((users::totp_secret.eq(Some(s)), users::totp_last_step.eq(0)))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    Ok((secret, url))
}

/// Enrolment, step 2: a correct code turns the factor on; returns the recovery codes,
/// shown once and stored hashed.
pub async fn mfa_enable(
    state: &Services,
    user: &User,
    code: &str,
) -> Result<Vec<String>, AppError> {
    if user.totp_enabled {
        return Err(AppError::conflict(
            "Two-factor authentication is already on.",
        ));
    }
    let Some(secret) = &user.totp_secret else {
        return Err(AppError::conflict("Start the set-up first."));
    };
    let Some(step) = crate::auth::mfa::matching_step(secret, code) else {
        return Err(FieldErrors::single(
            "code",
            "is not the current code of your authenticator app",
        ));
    };
    let codes = crate::auth::mfa::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| digest(c)).collect();
    let id = user.id;
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                if !claim_totp_step(conn, id, step)? {
                    return Err(FieldErrors::single(
                        "code",
                        "was already used: wait for the next code of your authenticator app",
                    ));
                }
                diesel::update(users::table.find(id))
                    .set(users::totp_enabled.eq(true))
                    .execute(conn)?;
                diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(id)))
                    .execute(conn)?;
                for h in hashes {
                    diesel::insert_into(recovery_codes::table)
                        .values((
                            recovery_codes::id.eq(crate::ids::new_id()),
                            recovery_codes::user_id.eq(id),
                            recovery_codes::code_hash.eq(h),
                        ))
                        .execute(conn)?;
                }
                Ok(())
            })
        })
        .await?;
    security_events::log(&state.db, SecurityEvent::MfaEnabled { account: id }).await;
    Ok(codes)
}

/// Turns the second factor off; needs the current password.
pub async fn mfa_disable(
    state: &Services,
    user: &User,
    password_in: String,
) -> Result<(), AppError> {
    if !password::verify(password_in, Some(user.password_hash.clone())).await? {
        return Err(FieldErrors::single("password", "is not correct"));
    }
    let id = user.id;
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                diesel::update(users::table.find(id))
                    .set((
                        users::totp_enabled.eq(false),
                        users::totp_secret.eq(None::<String>),
                    ))
                    .execute(conn)?;
                diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(id)))
                    .execute(conn)?;
                Ok(())
            })
        })
        .await?;
    security_events::log(&state.db, SecurityEvent::MfaDisabled { account: id }).await;
    Ok(())
}
