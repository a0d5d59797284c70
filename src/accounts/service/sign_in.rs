//! Signing in, in one step or two, and counting failed tries.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::second_factor::check_second_factor;
use super::{by_email, failure_key, get_user, now, LOGIN_WINDOW_MINUTES, MAX_LOGIN_FAILURES};
use crate::accounts::model::User;
use crate::accounts::security_events;
use crate::auth::password;
use crate::auth::security_log::{SecondFactor, SecurityEvent, Subject};
use crate::db::schema::login_failures;
use crate::error::{AppError, FieldErrors};
use crate::services::Services;

pub struct LoggedIn {
    pub token: String,
    pub expires_at: i64,
    pub user: User,
}

/// Checks a password. Unknown emails and wrong passwords take the same time and get the
/// same 401; a suspended account gets 403 only once its password was right.
pub async fn login(
    state: &Services,
    email: String,
    password_in: String,
    code: Option<String>,
) -> Result<LoggedIn, AppError> {
    let email_lower = email.trim().to_lowercase();
    // No account has a longer address, and the failure count is keyed on it (an index
    // entry PostgreSQL refuses past a few kilobytes): refused before any lookup.
    if email_lower.len() > crate::accounts::validate::MAX_EMAIL {
        return Err(FieldErrors::single(
            "email",
            format!(
                "must be at most {} characters",
                crate::accounts::validate::MAX_EMAIL
            ),
        ));
    }
    let rate_limits = state.config.rate_limits;
    let (key, lookup) = (
        failure_key(state.keys.secret(), &email_lower),
        email_lower.clone(),
    );
    let address = Subject::address(state.keys.secret(), &email_lower);
    let locked_out = address.clone();
    let user = state
        .db
        .run(move |conn| {
            if rate_limits {
                let since = now() - Duration::minutes(LOGIN_WINDOW_MINUTES);
                let failures: i64 = login_failures::table
                    .filter(login_failures::address_key.eq(&key))
                    .filter(login_failures::at.gt(since))
                    .count()
                    .get_result(conn)?;
                if failures >= MAX_LOGIN_FAILURES {
                    let oldest: Option<NaiveDateTime> = login_failures::table
                        .filter(login_failures::address_key.eq(&key))
                        .filter(login_failures::at.gt(since))
                        .select(diesel::dsl::min(login_failures::at))
                        .first(conn)?;
                    let wait = oldest
                        .map(|o| (o - since).num_seconds())
                        .unwrap_or(60)
                        .max(1);
                    let subject =
                        by_email(conn, &lookup)?.map_or(locked_out, |u| Subject::Account(u.id));
                    let event = SecurityEvent::SignInLocked { subject };
                    event.emit();
                    security_events::record(conn, &event)?;
                    return Err(AppError::RateLimited {
                        retry_after_secs: wait as u64,
                    });
                }
            }
            Ok(by_email(conn, &lookup)?)
        })
        .await?;
    let ok = password::verify(password_in, user.as_ref().map(|u| u.password_hash.clone())).await?;
    match (user, ok) {
        (Some(user), true) => {
            if user.suspended {
                security_events::log(
                    &state.db,
                    SecurityEvent::SignInRefusedSuspended { account: user.id },
                )
                .await;
                return Err(AppError::forbidden("This account is suspended."));
            }
            let mut second_factor = SecondFactor::None;
            if user.totp_enabled {
                let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
                    return Err(AppError::MfaRequired);
                };
                match check_second_factor(state, &user, &code).await? {
                    Some(passed) => second_factor = passed,
                    None => {
                        record_failure(state, email_lower).await?;
                        return Err(AppError::MfaRequired);
                    }
                }
            }
            security_events::log(
                &state.db,
                SecurityEvent::SignedIn {
                    account: user.id,
                    second_factor,
                },
            )
            .await;
            issue(state, user)
        }
        (user, _) => {
            record_failure(state, email_lower).await?;
            let subject = user.map_or(address, |u| Subject::Account(u.id));
            security_events::log(&state.db, SecurityEvent::SignInFailed { subject }).await;
            Err(AppError::Unauthorized)
        }
    }
}

pub(super) fn issue(state: &Services, user: User) -> Result<LoggedIn, AppError> {
    let (token, expires_at) = state
        .keys
        .issue(user.id, &user.role, user.token_version)
        .map_err(AppError::Internal)?;
    Ok(LoggedIn {
        token,
        expires_at,
        user,
    })
}

/// The second step of signing in on the pages: the short token from the first step
/// and a code.
pub async fn login_second_step(
    state: &Services,
    mfa_token: &str,
    code: &str,
) -> Result<LoggedIn, AppError> {
    let claims = state
        .keys
        .verify_mfa(mfa_token)
        .ok_or(AppError::Unauthorized)?;
    let id: i64 = claims.sub.parse().map_err(|_| AppError::Unauthorized)?;
    let user = get_user(state, id).await?;
    if user.suspended || user.token_version != claims.ver || !user.totp_enabled {
        return Err(AppError::Unauthorized);
    }
    // Codes are guessed here, not passwords: the same 10-per-15-minutes limit applies.
    if state.config.rate_limits {
        let key = failure_key(state.keys.secret(), &user.email_lower);
        let failures: i64 = state
            .db
            .run(move |conn| {
                let since = now() - Duration::minutes(LOGIN_WINDOW_MINUTES);
                Ok(login_failures::table
                    .filter(login_failures::address_key.eq(key))
                    .filter(login_failures::at.gt(since))
                    .count()
                    .get_result(conn)?)
            })
            .await?;
        if failures >= MAX_LOGIN_FAILURES {
            security_events::log(
                &state.db,
                SecurityEvent::SignInLocked {
                    subject: Subject::Account(user.id),
                },
            )
            .await;
            return Err(AppError::RateLimited {
                retry_after_secs: (LOGIN_WINDOW_MINUTES * 60) as u64,
            });
        }
    }
    let Some(second_factor) = check_second_factor(state, &user, code).await? else {
        record_failure(state, user.email_lower.clone()).await?;
        return Err(AppError::MfaRequired);
    };
    security_events::log(
        &state.db,
        SecurityEvent::SignedIn {
            account: user.id,
            second_factor,
        },
    )
    .await;
    issue(state, user)
}

async fn record_failure(state: &Services, email_lower: String) -> Result<(), AppError> {
    let key = failure_key(state.keys.secret(), &email_lower);
    state
        .db
        .run(move |conn| {
            diesel::insert_into(login_failures::table)
                .values((
                    login_failures::id.eq(crate::ids::new_id()),
                    login_failures::address_key.eq(key),
                    login_failures::at.eq(now()),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
}
