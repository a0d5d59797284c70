//! The account rules, each in one place and one transaction, with the emails they cause
//! written to the outbox inside that transaction.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::accounts::model::{NewUser, ProfileChanges, Role, User};
use crate::accounts::validate::{ProfilePatch, Registration};
use crate::accounts::{erasure, security_events};
use crate::auth::password;
use crate::auth::security_log::{AccountChange, SecondFactor, SecurityEvent, Subject};
use crate::auth::session::random_token;
use crate::db::schema::{account_tokens, audit_log, login_failures, recovery_codes, users};
use crate::db::Conn;
use crate::error::{AppError, FieldErrors};
use crate::mail::{outbox, templates};
use crate::services::Services;

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

pub async fn register(state: &Services, reg: Registration) -> Result<User, AppError> {
    let hash = password::hash(reg.password.clone()).await?;
    let base = state.config.base_url.clone();
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let user = insert_user(conn, &reg, hash, Role::Participant, false)?;
                let token = new_account_token(conn, user.id, VERIFY, Duration::days(7))?;
                outbox::enqueue(conn, &templates::verify_email(&user.email, &base, &token))?;
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

fn issue(state: &Services, user: User) -> Result<LoggedIn, AppError> {
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

/// Accepts TOTP time step `step` for account `id` only if it is later than the last
/// step accepted (RFC 6238 §5.2), so that no one-time code works twice. One conditional
/// UPDATE: of two requests racing with the same code, only one changes the row.
fn claim_totp_step(conn: &mut Conn, id: i64, step: i64) -> QueryResult<bool> {
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
async fn check_second_factor(
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
                outbox::enqueue(conn, &templates::password_reset(&user.email, &base, &token))?;
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
            };
            if changes.display_name.is_some()
                || changes.organization.is_some()
                || changes.country.is_some()
                || changes.notification_mode.is_some()
            {
                diesel::update(users::table.find(id))
                    .set(&changes)
                    .execute(conn)?;
            }
            find_user(conn, id)
        })
        .await
}

pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<String>,
    pub group: Option<String>,
    pub after: Option<i64>,
    pub limit: i64,
}

pub async fn list_users(state: &Services, f: UserFilter) -> Result<Vec<User>, AppError> {
    state
        .db
        .run(move |conn| {
            let mut q = users::table
                .filter(users::deleted_at.is_null())
                .select(User::as_select())
                .order(users::id.asc())
                .into_boxed();
            if let Some(text) = f.q.filter(|s| !s.trim().is_empty()) {
                let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
                q = q.filter(
                    users::email_lower
                        .like(pattern.clone())
                        .or(users::display_name.like(pattern.clone()))
                        .or(users::organization.like(pattern)),
                );
            }
            if let Some(r) = f.role {
                q = q.filter(users::role.eq(r));
            }
            if let Some(g) = f.group {
                q = q.filter(users::stakeholder_group.eq(g));
            }
            if let Some(a) = f.after {
                q = q.filter(users::id.gt(a));
            }
            Ok(q.limit(f.limit).load(conn)?)
        })
        .await
}

/// Changes an admin may make to an account; moderators may only (un)suspend participants.
#[derive(Default)]
pub struct AdminChanges {
    pub role: Option<Role>,
    pub affiliation_verified: Option<bool>,
    pub suspended: Option<bool>,
    pub reason: Option<String>,
}

pub fn audit(
    conn: &mut Conn,
    actor: i64,
    action: &str,
    target_type: &str,
    target_id: i64,
    reason: Option<&str>,
) -> QueryResult<usize> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(crate::ids::new_id()),
            audit_log::actor_id.eq(actor),
            audit_log::action.eq(action),
            audit_log::target_type.eq(target_type),
            audit_log::target_id.eq(target_id),
            audit_log::reason.eq(reason),
            audit_log::at.eq(now()),
        ))
        .execute(conn)
}

pub async fn admin_update(
    state: &Services,
    actor: &User,
    target: i64,
    ch: AdminChanges,
) -> Result<User, AppError> {
    let actor_id = actor.id;
    let actor = actor.clone();
    let (user, changes) = state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let mut changes = Vec::new();
                let user = find_user(conn, target)?;
                if user.deleted_at.is_some() {
                    return Err(AppError::NotFound);
                }
                if !actor.is_admin() {
                    if ch.role.is_some() || ch.affiliation_verified.is_some() {
                        return Err(AppError::forbidden(
                            "Only administrators may change roles or verify affiliations.",
                        ));
                    }
                    if user.role() != Role::Participant {
                        return Err(AppError::forbidden(
                            "Moderators may suspend participants only.",
                        ));
                    }
                }
                if user.id == actor.id
                    && (ch.suspended == Some(true) || ch.role.is_some_and(|r| r != user.role()))
                {
                    return Err(AppError::forbidden(
                        "You may not suspend yourself or change your own role.",
                    ));
                }
                let reason = ch.reason.as_deref();
                if let Some(role) = ch.role.filter(|r| *r != user.role()) {
                    diesel::update(users::table.find(target))
                        .set((
                            users::role.eq(role.as_str()),
                            users::token_version.eq(users::token_version + 1),
                        ))
                        .execute(conn)?;
                    audit(
                        conn,
                        actor.id,
                        &format!("role_{}", role.as_str()),
                        "user",
                        target,
                        reason,
                    )?;
                    changes.push(AccountChange::Role {
                        from: user.role.clone(),
                        to: role.as_str().into(),
                    });
                }
                if let Some(v) = ch
                    .affiliation_verified
                    .filter(|v| *v != user.affiliation_verified)
                {
                    diesel::update(users::table.find(target))
                        .set(users::affiliation_verified.eq(v))
                        .execute(conn)?;
                    let action = if v {
                        "verify_affiliation"
                    } else {
                        "unverify_affiliation"
                    };
                    audit(conn, actor.id, action, "user", target, reason)?;
                    changes.push(AccountChange::AffiliationVerified(v));
                }
                if let Some(s) = ch.suspended.filter(|s| *s != user.suspended) {
                    diesel::update(users::table.find(target))
                        .set((
                            users::suspended.eq(s),
                            users::token_version.eq(users::token_version + 1),
                        ))
                        .execute(conn)?;
                    audit(
                        conn,
                        actor.id,
                        if s { "suspend" } else { "unsuspend" },
                        "user",
                        target,
                        reason,
                    )?;
                    changes.push(AccountChange::Suspended(s));
                }
                Ok((find_user(conn, target)?, changes))
            })
        })
        .await?;
    // Logged once the transaction has committed, so only changes that happened appear.
    for change in changes {
        security_events::log(
            &state.db,
            SecurityEvent::AccountChanged {
                actor: actor_id,
                target,
                change,
            },
        )
        .await;
    }
    Ok(user)
}

pub async fn user_by_email(state: &Services, email: String) -> Result<Option<User>, AppError> {
    state.db.run(move |conn| Ok(by_email(conn, &email)?)).await
}

pub async fn get_user(state: &Services, id: i64) -> Result<User, AppError> {
    state.db.run(move |conn| find_user(conn, id)).await
}

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
