//! The JSON API under `/api/v1`: thin adapters over the services. Every route is
//! listed here, in one place.

pub mod accounts;
pub mod comments;
pub mod consultations;
pub mod dashboard;
pub mod drafts;
pub mod dto;
pub mod export;
pub mod follows;
pub mod json;
pub mod moderation;
pub mod openapi;
pub mod paragraphs;
pub mod revisions;
pub mod translations;

use actix_web::{error::QueryPayloadError, web, HttpRequest, HttpResponse};
use base64::Engine;

use crate::error::{AppError, FieldErrors};
use crate::state::AppState;

/// Query strings that do not parse name the offending parameter with a 422.
pub fn query_error(err: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    let msg = err.to_string();
    let field = msg
        .split('`')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_else(|| "query".to_string());
    let detail = if msg.contains("unknown field") {
        "is not a known parameter".to_string()
    } else {
        msg
    };
    FieldErrors::single(&field, detail).into()
}

/// Path ids that are not numbers are simply not found.
pub fn path_error(_: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    AppError::NotFound.into()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::QueryConfig::default().error_handler(query_error))
        .app_data(web::PathConfig::default().error_handler(path_error))
        .route("/auth/register", web::post().to(accounts::register))
        .route("/auth/verify-email", web::post().to(accounts::verify_email))
        .route("/auth/login", web::post().to(accounts::login))
        .route("/auth/logout", web::post().to(accounts::logout))
        .route(
            "/auth/password-reset",
            web::post().to(accounts::password_reset),
        )
        .route(
            "/auth/password-reset/confirm",
            web::post().to(accounts::password_reset_confirm),
        )
        .route("/me", web::get().to(accounts::me))
        .route("/me", web::patch().to(accounts::update_me))
        .route("/me", web::delete().to(accounts::delete_me))
        .route("/me/export", web::get().to(accounts::export_my_data))
        .route("/me/password", web::post().to(accounts::change_password))
        .route("/me/totp/setup", web::post().to(accounts::mfa_setup))
        .route("/me/totp/enable", web::post().to(accounts::mfa_enable))
        .route("/me/totp/disable", web::post().to(accounts::mfa_disable))
        .route("/admin/users", web::get().to(accounts::list_users))
        .route("/admin/users/{id}", web::patch().to(accounts::update_user))
        .route("/admin/users/{id}", web::delete().to(accounts::delete_user))
        .route("/consultations", web::get().to(consultations::list))
        .route("/consultations", web::post().to(consultations::create))
        .route("/consultations/{id}", web::get().to(consultations::get))
        .route(
            "/consultations/{id}",
            web::patch().to(consultations::update),
        )
        // Other methods on these two get the same 404 as everywhere else, not an empty 405.
        .service(
            web::resource("/consultations/{id}/drafts")
                .app_data(json::BodyLimit(json::IMPORT_LIMIT))
                .route(web::post().to(consultations::create_draft))
                .default_service(web::to(not_found)),
        )
        .route("/drafts/{id}", web::get().to(drafts::get))
        .route("/drafts/{id}/stats", web::get().to(drafts::stats))
        .service(
            web::resource("/drafts/{id}/translations")
                .app_data(json::BodyLimit(json::IMPORT_LIMIT))
                .route(web::get().to(translations::list))
                .route(web::post().to(translations::create))
                .default_service(web::to(not_found)),
        )
        .route("/drafts/{id}/dashboard", web::get().to(dashboard::get))
        .route("/paragraphs/{id}", web::patch().to(paragraphs::update))
        .route("/drafts/{id}/export", web::get().to(export::export))
        .service(
            web::resource("/drafts/{id}/revisions")
                .app_data(json::BodyLimit(json::IMPORT_LIMIT))
                .route(web::post().to(revisions::create))
                .default_service(web::to(not_found)),
        )
        .route(
            "/drafts/{id}/concordance",
            web::get().to(revisions::concordance),
        )
        .route(
            "/comments/{id}/disposition",
            web::put().to(revisions::disposition),
        )
        .route("/drafts/{id}/follow", web::post().to(follows::follow))
        .route("/drafts/{id}/follow", web::delete().to(follows::unfollow))
        .route(
            "/drafts/{id}/comments",
            web::get().to(drafts::list_comments),
        )
        .route(
            "/drafts/{id}/comments",
            web::post().to(drafts::create_comment),
        )
        .route("/comments/{id}", web::get().to(comments::get))
        .route("/comments/{id}", web::patch().to(comments::edit))
        .route("/comments/{id}", web::delete().to(comments::withdraw))
        .route("/comments/{id}/flags", web::post().to(moderation::flag))
        .route(
            "/comments/{id}/moderation",
            web::post().to(moderation::decide),
        )
        .route("/comments/{id}/history", web::get().to(moderation::history))
        .route("/moderation/queue", web::get().to(moderation::queue))
        .route("/moderation/log", web::get().to(moderation::log))
        .default_service(web::to(not_found));
}

/// Routes under `/api` outside `/api/v1`: the OpenAPI document of the routes above.
pub fn openapi_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/openapi.json", web::get().to(openapi::serve));
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let db = state.db.clone();
    let ok = web::block(move || db.ping()).await.unwrap_or(false);
    if ok {
        HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
    } else {
        HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "unavailable"}))
    }
}

/// `?limit=`: default 50, at most 200.
/// Taken as text, so that `?limit=many` is a 422 naming `limit`, not a parse failure.
pub fn parse_limit(limit: Option<&str>) -> Result<i64, AppError> {
    match limit.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(50),
        Some(n) => match n.parse::<i64>() {
            Ok(n) if (1..=200).contains(&n) => Ok(n),
            _ => Err(FieldErrors::single(
                "limit",
                "must be a number between 1 and 200",
            )),
        },
    }
}

/// Cursors are opaque to clients: the last id seen, encoded.
pub fn cursor_encode(id: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("after:{id}"))
}

pub fn cursor_decode(cursor: Option<&str>) -> Result<Option<i64>, AppError> {
    let Some(c) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("after:").and_then(|n| n.parse::<i64>().ok()))
        .map(Some)
        .ok_or_else(|| FieldErrors::single("cursor", "is not a cursor this server issued"))
}

/// The Markdown of an import body: `text`, or `docx` (a Word file, base64) turned into
/// Markdown with the warnings of what it could not carry. Exactly one of the two.
pub fn import_text(
    text: Option<String>,
    docx: Option<&str>,
) -> Result<(String, Vec<String>), AppError> {
    match (text, docx) {
        (Some(t), None) => Ok((t, Vec::new())),
        (None, None) => Err(FieldErrors::single(
            "text",
            "is required (or docx: a Word file, base64)",
        )),
        (text, Some(b64)) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|_| FieldErrors::single("docx", "must be base64 (RFC 4648)"))?;
            let converted = crate::drafts::docx::import(&bytes, text.is_some(), "docx")?;
            Ok((converted.markdown, converted.warnings))
        }
    }
}
