//! The JSON API under `/api/v1`: thin adapters over the services. Every route is
//! listed here, in one place.

pub mod accounts;
pub mod dto;
pub mod json;

use actix_web::{error::QueryPayloadError, web, HttpRequest, HttpResponse};

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
        .route("/me/password", web::post().to(accounts::change_password))
        .route("/admin/users", web::get().to(accounts::list_users))
        .route("/admin/users/{id}", web::patch().to(accounts::update_user))
        .default_service(web::to(not_found));
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
