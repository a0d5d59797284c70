//! The HTML pages: thin adapters over the same services the API uses, rendered with
//! maud on the server and working without JavaScript.

pub mod charts;
pub mod components;
pub mod form;
pub mod language;
pub mod layout;
pub mod pages;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
use maud::{html, Markup};

use crate::error::AppError;
use crate::i18n::t;

pub use form::{Form, Upload};

/// An error on a page: the same statuses as the API, shown as an HTML page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(error = %self.0, "page failed");
        }
        let title = match status {
            StatusCode::NOT_FOUND => t("error-not_found"),
            StatusCode::FORBIDDEN => t("error-forbidden"),
            StatusCode::UNAUTHORIZED => t("error-unauthorized"),
            StatusCode::TOO_MANY_REQUESTS => t("error-rate_limited"),
            _ if status.is_server_error() => t("error-internal"),
            _ => t("error-title"),
        };
        let detail = if status.is_server_error() {
            String::new()
        } else {
            crate::i18n::message(&self.0.detail()).into_owned()
        };
        let ctx = layout::Ctx {
            user: None,
            csrf: "",
            path: "",
        };
        let fields = match &self.0 {
            AppError::Validation(errors) => errors.0.iter().collect(),
            _ => Vec::new(),
        };
        let body = html! {
            h1 { (title) }
            @if !detail.is_empty() { p { (detail) } }
            @if !fields.is_empty() {
                ul.errors {
                    @for (field, messages) in &fields {
                        // The label for the reader; the field's name for a script or a test.
                        @for m in messages.iter() {
                            li data-field=(field) {
                                (crate::i18n::field_label(field).unwrap_or(field)) ": " (crate::i18n::message(m))
                            }
                        }
                    }
                }
            }
            @if status == StatusCode::UNAUTHORIZED { p { a href="/login" { (t("nav-login")) } } }
            p { a href="/" { (t("nav-consultations")) } }
        };
        let mut res = HttpResponse::build(status);
        if let AppError::RateLimited { retry_after_secs } = &self.0 {
            res.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        res.content_type("text/html; charset=utf-8")
            .body(layout::page(&ctx, title, body).into_string())
    }
}

pub type PageResult = Result<HttpResponse, PageError>;

/// Refuses a form whose CSRF token does not match the visitor's cookie.
pub fn check_csrf(
    csrf: &crate::auth::session::CsrfToken,
    submitted: &str,
) -> Result<(), PageError> {
    if csrf.matches(submitted) {
        Ok(())
    } else {
        // Logged with the other refusals, in `startup::log_refusals`.
        Err(PageError(AppError::CsrfRefused(
            crate::auth::security_log::CsrfRefusal::Token,
        )))
    }
}

pub fn html_response(status: StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(markup.into_string())
}

pub fn ok(markup: Markup) -> HttpResponse {
    html_response(StatusCode::OK, markup)
}

pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .finish()
}

const STYLE: &str = include_str!("../../static/style.css");

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLE)
}

async fn not_found() -> PageResult {
    Err(PageError(AppError::NotFound))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    use pages::accounts as acc;
    cfg.app_data(
        web::PathConfig::default().error_handler(|_, _| PageError(AppError::NotFound).into()),
    )
    .route("/static/style.css", web::get().to(stylesheet))
    .route("/", web::get().to(pages::consultations::index))
    .route(
        "/consultations/{id}",
        web::get().to(pages::consultations::show),
    )
    .route("/admin", web::get().to(pages::admin::index))
    .route(
        "/admin/consultations",
        web::post().to(pages::admin::create_consultation),
    )
    .route(
        "/admin/consultations/{id}",
        web::get().to(pages::admin::show_consultation),
    )
    .route(
        "/admin/consultations/{id}",
        web::post().to(pages::admin::update_consultation),
    )
    .route(
        "/admin/consultations/{id}/drafts",
        web::post().to(pages::admin::import_draft),
    )
    .route("/admin/users", web::get().to(pages::admin::users))
    .route(
        "/admin/users/{id}",
        web::post().to(pages::admin::update_user),
    )
    .route(
        "/admin/users/{id}/delete",
        web::get().to(pages::privacy::admin_delete_form),
    )
    .route(
        "/admin/users/{id}/delete",
        web::post().to(pages::privacy::admin_delete),
    )
    .route(
        "/admin/emails/{id}/retry",
        web::post().to(pages::admin::retry_email),
    )
    .route(
        "/drafts/{id}/follow",
        web::post().to(pages::notifications::follow),
    )
    .route(
        "/unsubscribe",
        web::get().to(pages::notifications::unsubscribe_form),
    )
    .route(
        "/unsubscribe",
        web::post().to(pages::notifications::unsubscribe),
    )
    .route("/moderation", web::get().to(pages::moderation::queue))
    .route("/moderation/log", web::get().to(pages::moderation::log))
    .route(
        "/moderation/comments/{id}",
        web::post().to(pages::moderation::decide),
    )
    .route(
        "/moderation/users/{id}/suspend",
        web::post().to(pages::moderation::suspend),
    )
    .route(
        "/moderation/users/{id}/unsuspend",
        web::post().to(pages::moderation::unsuspend),
    )
    .route(
        "/comments/{id}/flag",
        web::post().to(pages::moderation::flag),
    )
    .route(
        "/drafts/{id}/concordance",
        web::get().to(pages::revisions::concordance),
    )
    .route(
        "/drafts/{id}/compare",
        web::get().to(pages::revisions::compare),
    )
    .route(
        "/comments/{id}/disposition",
        web::post().to(pages::revisions::record_disposition),
    )
    .route(
        "/admin/drafts/{id}/translations",
        web::get().to(pages::translations::show),
    )
    .route(
        "/admin/drafts/{id}/translations",
        web::post().to(pages::translations::add),
    )
    .route(
        "/admin/drafts/{id}/revise",
        web::get().to(pages::revisions::revise_form),
    )
    .route(
        "/admin/drafts/{id}/revise",
        web::post().to(pages::revisions::review),
    )
    .route(
        "/admin/drafts/{id}/revise/publish",
        web::post().to(pages::revisions::publish),
    )
    .route("/drafts/{id}", web::get().to(pages::drafts::show))
    .route(
        "/drafts/{id}/dashboard",
        web::get().to(pages::dashboard::show),
    )
    .route(
        "/admin/drafts/{id}/tags",
        web::get().to(pages::tags::editor),
    )
    .route(
        "/admin/drafts/{id}/tags/{pid}",
        web::post().to(pages::tags::save),
    )
    .route(
        "/drafts/{id}/export",
        web::get().to(pages::export::download),
    )
    .route(
        "/drafts/{id}/general",
        web::get().to(pages::drafts::general),
    )
    .route(
        "/drafts/{id}/paragraphs/{pid}",
        web::get().to(pages::drafts::paragraph),
    )
    .route(
        "/drafts/{id}/comments",
        web::post().to(pages::drafts::post_comment),
    )
    .route(
        "/comments/{id}/edit",
        web::post().to(pages::drafts::edit_comment),
    )
    .route(
        "/comments/{id}/withdraw",
        web::post().to(pages::drafts::withdraw_comment),
    )
    .route("/register", web::get().to(acc::register_form))
    .route("/register", web::post().to(acc::register))
    .route("/login", web::get().to(acc::login_form))
    .route("/login", web::post().to(acc::login))
    .route("/login/mfa", web::post().to(acc::login_mfa))
    .route("/me/totp/setup", web::post().to(acc::mfa_setup))
    .route("/me/totp/enable", web::post().to(acc::mfa_enable))
    .route("/me/totp/disable", web::post().to(acc::mfa_disable))
    .route("/logout", web::get().to(acc::logout_form))
    .route("/logout", web::post().to(acc::logout))
    .route("/verify-email", web::get().to(acc::verify_email))
    .route("/verify-email", web::post().to(acc::verify_email_confirm))
    .route("/password-reset", web::get().to(acc::reset_form))
    .route("/password-reset", web::post().to(acc::reset))
    .route(
        "/password-reset/confirm",
        web::post().to(acc::reset_confirm),
    )
    .route("/me", web::get().to(acc::me))
    .route("/me", web::post().to(acc::update_me))
    .route("/me/export", web::get().to(acc::export_my_data))
    .route("/me/delete", web::get().to(pages::privacy::delete_form))
    .route("/me/delete", web::post().to(pages::privacy::delete))
    .route("/me/deleted", web::get().to(pages::privacy::deleted))
    .route("/privacy", web::get().to(pages::privacy::notice_page))
    .route("/me/password", web::post().to(acc::change_password))
    .route(
        "/me/logout-everywhere",
        web::post().to(acc::logout_everywhere),
    )
    .default_service(web::to(not_found));
}
