//! `/api/v1/auth/*`, `/api/v1/me*` and `/api/v1/admin/users*`.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::accounts::model::Role;
use crate::accounts::service::{self, AdminChanges, UserFilter};
use crate::accounts::validate::{ProfilePatch, Registration};
use crate::api::dto::{AdminUserDto, MeDto, Page, UserDto};
use crate::api::json::Json;
use crate::auth::{Admin, ApiUser, Moderator};
use crate::error::{AppError, FieldErrors};
use crate::ratelimit;
use crate::state::AppState;

/// The client's address: the TCP peer, or, when the peer is the configured trusted
/// proxy, the address that proxy appended last to `X-Forwarded-For`. A client-supplied
/// header is otherwise ignored, so nobody escapes a rate limit by inventing one.
pub fn client_ip(req: &HttpRequest) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .and_then(|s| s.config.trusted_proxy);
    if peer.is_some() && peer == trusted {
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
        if let Some(ip) = forwarded {
            return ip.to_string();
        }
    }
    peer.map(|ip| ip.to_string()).unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    email: String,
    password: String,
    display_name: String,
    stakeholder_group: String,
    organization: Option<String>,
    country: Option<String>,
}

pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(b): Json<RegisterBody>,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(ratelimit::REGISTER, &client_ip(&req))?;
    let reg = Registration::parse(
        &b.email,
        &b.password,
        &b.display_name,
        &b.stakeholder_group,
        b.organization.as_deref(),
        b.country.as_deref(),
    )?;
    let user = service::register(&state, reg).await?;
    Ok(HttpResponse::Created().json(json!({ "user": MeDto::from(&user) })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    token: String,
}

pub async fn verify_email(
    state: web::Data<AppState>,
    Json(b): Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let user = service::verify_email(&state, b.token).await?;
    Ok(HttpResponse::Ok().json(json!({ "user": MeDto::from(&user) })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
    /// The one-time code (or a recovery code) of accounts with a second factor.
    totp: Option<String>,
}

pub async fn login(
    state: web::Data<AppState>,
    Json(b): Json<LoginBody>,
) -> Result<HttpResponse, AppError> {
    let li = service::login(&state, b.email, b.password, b.totp).await?;
    Ok(HttpResponse::Ok().json(json!({
        "token": li.token,
        "expires_at": chrono::DateTime::from_timestamp(li.expires_at, 0).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "user": MeDto::from(&li.user),
    })))
}

pub async fn logout(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    service::sign_out_everywhere(&state, user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetBody {
    email: String,
}

pub async fn password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(b): Json<ResetBody>,
) -> Result<HttpResponse, AppError> {
    state
        .limiter
        .check(ratelimit::PASSWORD_RESET, &client_ip(&req))?;
    service::request_password_reset(&state, b.email).await?;
    Ok(HttpResponse::Accepted().json(json!({
        "status": "accepted",
        "detail": "If an account exists for this address, a reset link has been sent to it."
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetConfirmBody {
    token: String,
    password: String,
}

pub async fn password_reset_confirm(
    state: web::Data<AppState>,
    Json(b): Json<ResetConfirmBody>,
) -> Result<HttpResponse, AppError> {
    let user = service::confirm_password_reset(&state, b.token, b.password).await?;
    Ok(HttpResponse::Ok().json(json!({ "user": MeDto::from(&user) })))
}

pub async fn me(ApiUser(user): ApiUser) -> HttpResponse {
    HttpResponse::Ok().json(MeDto::from(&user))
}

/// `country: null` clears the country; an absent field leaves it as it is.
fn double_option<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MePatch {
    display_name: Option<String>,
    organization: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    country: Option<Option<String>>,
    notification_mode: Option<String>,
}

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
    )?;
    let user = service::update_profile(&state, user.id, patch).await?;
    Ok(HttpResponse::Ok().json(MeDto::from(&user)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<PasswordBody>,
) -> Result<HttpResponse, AppError> {
    let li = service::change_password(&state, &user, b.current_password, b.new_password).await?;
    Ok(HttpResponse::Ok().json(json!({
        "token": li.token,
        "expires_at": chrono::DateTime::from_timestamp(li.expires_at, 0).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "user": MeDto::from(&li.user),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserQuery {
    q: Option<String>,
    role: Option<String>,
    stakeholder_group: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

use crate::api::parse_limit;

/// SPEC §4: the account list is for admins (moderators suspend from the queue).
pub async fn list_users(
    state: web::Data<AppState>,
    Admin(actor): Admin,
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
    // Moderators see public fields only; email addresses are for admins.
    let items: Vec<serde_json::Value> = users
        .iter()
        .map(|u| {
            if actor.is_admin() {
                serde_json::to_value(AdminUserDto::from(u))
            } else {
                serde_json::to_value(UserDto::from(u))
            }
            .unwrap_or_default()
        })
        .collect();
    Ok(HttpResponse::Ok().json(Page { items, next_cursor }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminPatch {
    role: Option<String>,
    affiliation_verified: Option<bool>,
    suspended: Option<bool>,
    reason: Option<String>,
}

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

pub async fn mfa_setup(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let (secret, url) = service::mfa_setup(&state, &user).await?;
    Ok(HttpResponse::Ok().json(json!({ "secret": secret, "otpauth_url": url })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeBody {
    code: String,
}

pub async fn mfa_enable(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<CodeBody>,
) -> Result<HttpResponse, AppError> {
    let codes = service::mfa_enable(&state, &user, &b.code).await?;
    Ok(HttpResponse::Ok().json(json!({ "recovery_codes": codes })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisableBody {
    password: String,
}

pub async fn mfa_disable(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    Json(b): Json<DisableBody>,
) -> Result<HttpResponse, AppError> {
    service::mfa_disable(&state, &user, b.password).await?;
    Ok(HttpResponse::NoContent().finish())
}
