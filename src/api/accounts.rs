//! `/api/v1/auth/*`, `/api/v1/me*` and `/api/v1/admin/users*`.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::accounts::model::Role;
use crate::accounts::service::{self, AdminChanges, LoggedIn, UserFilter};
use crate::accounts::validate::{ProfilePatch, Registration};
use crate::api::dto::{AdminUserDto, MeDto, Page, UserDto};
use crate::api::json::Json;
use crate::api::openapi::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, RateLimited, Unauthorized,
};
use crate::auth::{Admin, ApiUser, Moderator};
use crate::error::{AppError, FieldErrors, Problem};
use crate::ratelimit::{self, client_ip};
use crate::state::AppState;

/// `{"user": …}`: the account concerned, as its owner sees it.
#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub user: MeDto,
}

/// A session: the bearer token, when it expires, and the account.
#[derive(Serialize, ToSchema)]
pub struct LoginOut {
    pub token: String,
    #[schema(format = DateTime)]
    pub expires_at: Option<String>,
    pub user: MeDto,
}

impl From<&LoggedIn> for LoginOut {
    fn from(li: &LoggedIn) -> Self {
        LoginOut {
            token: li.token.clone(),
            expires_at: chrono::DateTime::from_timestamp(li.expires_at, 0)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            user: MeDto::from(&li.user),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "wanjiru@example.org", "password": "a quiet harbour at dawn 42", "display_name": "Wanjiru Kamau", "stakeholder_group": "civil_society", "organization": "Open Data Kenya", "country": "KE"}))]
pub struct RegisterBody {
    #[schema(format = Email)]
    email: String,
    /// 10 to 1024 characters, not easily guessed.
    password: String,
    display_name: String,
    #[schema(schema_with = crate::api::openapi::stakeholder_group)]
    stakeholder_group: String,
    organization: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `KE`.
    country: Option<String>,
}

/// Registers an account and sends it a verification email.
#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    operation_id = "register",
    tag = "accounts",
    request_body = RegisterBody,
    responses(
        (status = 201, description = "The new account", body = UserOut),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
    )
)]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(b): Json<RegisterBody>,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(
        ratelimit::REGISTER,
        &client_ip(&req, state.config.trusted_proxy),
    )?;
    let reg = Registration::parse(
        &b.email,
        &b.password,
        &b.display_name,
        &b.stakeholder_group,
        b.organization.as_deref(),
        b.country.as_deref(),
    )?;
    // The language of the request (Accept-Language): the account's emails from now on.
    let reg = Registration {
        language: crate::i18n::current(),
        ..reg
    };
    let user = service::register(&state, reg).await?;
    Ok(HttpResponse::Created().json(UserOut {
        user: MeDto::from(&user),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    /// The token from the verification email's link.
    token: String,
}

/// Confirms an email address with the token the verification email carried.
#[utoipa::path(
    post,
    path = "/api/v1/auth/verify-email",
    operation_id = "verify_email",
    tag = "accounts",
    request_body = TokenBody,
    responses(
        (status = 200, description = "The account, its address now verified", body = UserOut),
        (status = 400, response = BadRequest),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn verify_email(
    state: web::Data<AppState>,
    Json(b): Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let user = service::verify_email(&state, b.token).await?;
    Ok(HttpResponse::Ok().json(UserOut {
        user: MeDto::from(&user),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "wanjiru@example.org", "password": "a quiet harbour at dawn 42"}))]
pub struct LoginBody {
    #[schema(format = Email)]
    email: String,
    password: String,
    /// The one-time code (or a recovery code) of accounts with a second factor.
    totp: Option<String>,
}

/// Signs in: a bearer token for the API. A wrong email or password are answered alike;
/// accounts with a second factor also need `totp`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    operation_id = "login",
    tag = "accounts",
    request_body = LoginBody,
    responses(
        (status = 200, description = "Signed in", body = LoginOut),
        (status = 400, response = BadRequest),
        (status = 401, description = "A wrong email or password, or a missing or wrong second-factor code (`type` ends in `mfa_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
    )
)]
pub async fn login(
    state: web::Data<AppState>,
    Json(b): Json<LoginBody>,
) -> Result<HttpResponse, AppError> {
    let li = service::login(&state, b.email, b.password, b.totp).await?;
    Ok(HttpResponse::Ok().json(LoginOut::from(&li)))
}

/// Signs out everywhere: every token of the account stops working.
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    operation_id = "logout",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Every token of the account is revoked"),
        (status = 401, response = Unauthorized),
    )
)]
pub async fn logout(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    service::sign_out_everywhere(&state, user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "wanjiru@example.org"}))]
pub struct ResetBody {
    /// Any text is accepted: the answer does not tell whether an account has it.
    email: String,
}

/// The answer to a reset request: the same whether or not the account exists.
#[derive(Serialize, ToSchema)]
pub struct ResetAccepted {
    #[schema(value_type = String, example = "accepted")]
    pub status: &'static str,
    #[schema(value_type = String)]
    pub detail: &'static str,
}

/// Sends a password reset link to the address, if an account has it.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset",
    operation_id = "password_reset",
    tag = "accounts",
    request_body = ResetBody,
    responses(
        (status = 202, description = "Accepted (whether or not the account exists)", body = ResetAccepted),
        (status = 400, response = BadRequest),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
    )
)]
pub async fn password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(b): Json<ResetBody>,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(
        ratelimit::PASSWORD_RESET,
        &client_ip(&req, state.config.trusted_proxy),
    )?;
    service::request_password_reset(&state, b.email).await?;
    Ok(HttpResponse::Accepted().json(ResetAccepted {
        status: "accepted",
        detail: "If an account exists for this address, a reset link has been sent to it.",
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetConfirmBody {
    /// The token from the reset email's link (works once, for one hour).
    token: String,
    /// The new password.
    password: String,
}

/// Sets a new password with the token of a reset email; earlier tokens stop working.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset/confirm",
    operation_id = "password_reset_confirm",
    tag = "accounts",
    request_body = ResetConfirmBody,
    responses(
        (status = 200, description = "The password is changed", body = UserOut),
        (status = 400, response = BadRequest),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn password_reset_confirm(
    state: web::Data<AppState>,
    Json(b): Json<ResetConfirmBody>,
) -> Result<HttpResponse, AppError> {
    let user = service::confirm_password_reset(&state, b.token, b.password).await?;
    Ok(HttpResponse::Ok().json(UserOut {
        user: MeDto::from(&user),
    }))
}

/// The caller's own account.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "get_me",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's account", body = MeDto),
        (status = 401, response = Unauthorized),
    )
)]
pub async fn me(ApiUser(user): ApiUser) -> HttpResponse {
    HttpResponse::Ok().json(MeDto::from(&user))
}

/// Everything Plenary holds about the caller's account, as a file to keep: profile,
/// comments with their earlier versions, flags raised, drafts followed, emails sent.
#[utoipa::path(
    get,
    path = "/api/v1/me/export",
    operation_id = "export_my_data",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account's data, as an attachment",
         body = crate::accounts::personal_data::PersonalData),
        (status = 401, response = Unauthorized),
    )
)]
pub async fn export_my_data(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let id = user.id;
    let data = state
        .db
        .run(move |conn| crate::accounts::personal_data::export(conn, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            crate::accounts::personal_data::attachment(id),
        ))
        .json(data))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"password": "correct horse battery staple", "code": "123456"}))]
pub struct DeleteMeBody {
    /// The account's password, asked again.
    password: String,
    /// A one-time code or a recovery code; required when two-factor authentication is on.
    code: Option<String>,
}

/// Deletes the caller's account: its personal data is erased at once and every token
/// stops working. Published comments stay in the consultation's record, signed
/// "Former participant" with the stakeholder group they were written under.
#[utoipa::path(
    delete,
    path = "/api/v1/me",
    operation_id = "delete_me",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = DeleteMeBody,
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn delete_me(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<DeleteMeBody>,
) -> Result<HttpResponse, AppError> {
    service::delete_own_account(&state, &user, b.password, b.code).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An admin deletes an account on its holder's request, as `DELETE /me` does; the
/// audit log records `account_deleted` with the admin and the account id only.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/users/{id}",
    operation_id = "delete_user",
    tag = "accounts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The account")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn delete_user(
    state: web::Data<AppState>,
    Admin(actor): Admin,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    service::admin_delete_account(&state, &actor, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `country: null` clears the country; an absent field leaves it as it is.
fn double_option<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"notification_mode": "daily_digest", "country": "KE"}))]
pub struct MePatch {
    display_name: Option<String>,
    organization: Option<String>,
    /// ISO 3166-1 alpha-2; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    country: Option<Option<String>>,
    #[schema(schema_with = crate::api::openapi::opt_notification_mode)]
    notification_mode: Option<String>,
    /// The language of the account's pages and emails.
    #[schema(schema_with = crate::api::openapi::opt_language)]
    preferred_language: Option<String>,
}

/// Changes the caller's profile; absent fields stay as they are.
#[utoipa::path(
    patch,
    path = "/api/v1/me",
    operation_id = "update_me",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = MePatch,
    responses(
        (status = 200, description = "The changed account", body = MeDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn update_me(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<MePatch>,
) -> Result<HttpResponse, AppError> {
    let patch = ProfilePatch::parse(
        b.display_name.as_deref(),
        b.organization.as_deref(),
        b.country.as_ref().map(|c| c.as_deref()),
        b.notification_mode.as_deref(),
        b.preferred_language.as_deref(),
    )?;
    let user = service::update_profile(&state, user.id, patch).await?;
    Ok(HttpResponse::Ok().json(MeDto::from(&user)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: String,
    new_password: String,
}

/// Changes the caller's password. Every earlier token stops working; the answer
/// carries a new one.
#[utoipa::path(
    post,
    path = "/api/v1/me/password",
    operation_id = "change_password",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = PasswordBody,
    responses(
        (status = 200, description = "Changed; a new session", body = LoginOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn change_password(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<PasswordBody>,
) -> Result<HttpResponse, AppError> {
    let li = service::change_password(&state, &user, b.current_password, b.new_password).await?;
    Ok(HttpResponse::Ok().json(LoginOut::from(&li)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Part of a name, organization or email address.
    q: Option<String>,
    #[param(schema_with = crate::api::openapi::role)]
    role: Option<String>,
    #[param(schema_with = crate::api::openapi::stakeholder_group)]
    stakeholder_group: Option<String>,
    #[param(schema_with = crate::api::openapi::limit)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

use crate::api::parse_limit;

/// SPEC §4: the account list is for admins (moderators suspend from the queue).
#[utoipa::path(
    get,
    path = "/api/v1/admin/users",
    operation_id = "list_users",
    tag = "accounts",
    security(("bearer" = [])),
    params(UserQuery),
    responses(
        (status = 200, description = "Accounts, with their private fields", body = Page<MeDto>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    )
)]
pub async fn list_users(
    state: web::Data<AppState>,
    _admin: Admin,
    q: web::Query<UserQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let mut errors = FieldErrors::new();
    if q.role.as_deref().is_some_and(|r| Role::parse(r).is_none()) {
        errors.add("role", "must be participant, moderator or admin");
    }
    if q.stakeholder_group
        .as_deref()
        .is_some_and(|g| crate::accounts::model::Group::parse(g).is_none())
    {
        errors.add("stakeholder_group", "is not a stakeholder group");
    }
    let after = match q.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => match c.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                errors.add("cursor", "is not a cursor this server issued");
                None
            }
        },
    };
    let limit = match parse_limit(q.limit.as_deref()) {
        Ok(l) => l,
        Err(_) => {
            errors.add("limit", "must be between 1 and 200");
            50
        }
    };
    errors.into_result()?;
    let users = service::list_users(
        &state,
        UserFilter {
            q: q.q,
            role: q.role,
            group: q.stakeholder_group,
            after,
            limit: limit + 1,
        },
    )
    .await?;
    let more = users.len() as i64 > limit;
    let users: Vec<_> = users.into_iter().take(limit as usize).collect();
    let next_cursor = if more {
        users.last().map(|u| u.id.to_string())
    } else {
        None
    };
    // Only admins get here (the `Admin` extractor): private fields included.
    let items: Vec<AdminUserDto> = users.iter().map(AdminUserDto::from).collect();
    Ok(HttpResponse::Ok().json(Page { items, next_cursor }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"affiliation_verified": true}))]
pub struct AdminPatch {
    /// Admins only.
    #[schema(schema_with = crate::api::openapi::opt_role)]
    role: Option<String>,
    /// Admins only.
    affiliation_verified: Option<bool>,
    /// Admins; moderators for participants.
    suspended: Option<bool>,
    /// Kept in the audit log.
    reason: Option<String>,
}

/// Changes an account's role, verified affiliation or suspension. Admins may change
/// anything; moderators may only suspend and reinstate participants.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/users/{id}",
    operation_id = "update_user",
    tag = "accounts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The account")),
    request_body = AdminPatch,
    responses(
        (status = 200, description = "The changed account: with its private fields (`MeDto`) for admins, the public ones for moderators", body = UserDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn update_user(
    state: web::Data<AppState>,
    Moderator(actor): Moderator,
    path: web::Path<i64>,
    Json(b): Json<AdminPatch>,
) -> Result<HttpResponse, AppError> {
    let role = match b.role.as_deref() {
        None => None,
        Some(r) => Some(Role::parse(r).ok_or_else(|| {
            FieldErrors::single("role", "must be participant, moderator or admin")
        })?),
    };
    let user = service::admin_update(
        &state,
        &actor,
        path.into_inner(),
        AdminChanges {
            role,
            affiliation_verified: b.affiliation_verified,
            suspended: b.suspended,
            reason: b.reason,
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(if actor.is_admin() {
        serde_json::to_value(AdminUserDto::from(&user)).unwrap_or_default()
    } else {
        serde_json::to_value(UserDto::from(&user)).unwrap_or_default()
    }))
}

/// A new TOTP secret, for the authenticator app.
#[derive(Serialize, ToSchema)]
pub struct TotpSetup {
    /// Base32.
    pub secret: String,
    /// The same as an `otpauth://` URL (for a QR code).
    pub otpauth_url: String,
}

/// Starts setting up a second factor: a new secret, not yet in force.
#[utoipa::path(
    post,
    path = "/api/v1/me/totp/setup",
    operation_id = "totp_setup",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The secret to enter in an authenticator app", body = TotpSetup),
        (status = 401, response = Unauthorized),
        (status = 409, response = Conflict),
    )
)]
pub async fn mfa_setup(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let (secret, url) = service::mfa_setup(&state, &user).await?;
    Ok(HttpResponse::Ok().json(TotpSetup {
        secret,
        otpauth_url: url,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeBody {
    /// The current six-digit code of the authenticator app.
    code: String,
}

/// One-time recovery codes, shown once.
#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

/// Turns the second factor on with a code from the new secret.
#[utoipa::path(
    post,
    path = "/api/v1/me/totp/enable",
    operation_id = "totp_enable",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = CodeBody,
    responses(
        (status = 200, description = "On; the recovery codes", body = RecoveryCodes),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn mfa_enable(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<CodeBody>,
) -> Result<HttpResponse, AppError> {
    let codes = service::mfa_enable(&state, &user, &b.code).await?;
    Ok(HttpResponse::Ok().json(RecoveryCodes {
        recovery_codes: codes,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisableBody {
    /// The account's current password.
    password: String,
}

/// Turns the second factor off.
#[utoipa::path(
    post,
    path = "/api/v1/me/totp/disable",
    operation_id = "totp_disable",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = DisableBody,
    responses(
        (status = 204, description = "Off"),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn mfa_disable(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<DisableBody>,
) -> Result<HttpResponse, AppError> {
    service::mfa_disable(&state, &user, b.password).await?;
    Ok(HttpResponse::NoContent().finish())
}
