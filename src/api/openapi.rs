//! The OpenAPI 3.1 document of the JSON API, served at `GET /api/openapi.json`: built
//! from each handler's `#[utoipa::path]` and the `ToSchema` derives of the DTOs.
//!
//! A route added to `api::routes` without an annotation here fails the `openapi`
//! integration test; `scripts/schemathesis.sh` checks the document against the server.

use actix_web::http::header;
use actix_web::HttpResponse;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::RefOr;
use utoipa::{Modify, OpenApi, ToResponse};

use crate::api;
use crate::error::{AppError, Problem};
pub use crate::vocabulary::*;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Plenary API",
        version = env!("CARGO_PKG_VERSION"),
        description = "The JSON API of Plenary (SPEC §4). Ids are JSON strings; times are \
            RFC 3339 UTC; errors are RFC 9457 `application/problem+json`; lists are \
            `{\"items\", \"next_cursor\"}` pages with `?limit=` (1–200, default 50) and \
            `?cursor=`. Send `Authorization: Bearer <token>` from `POST /api/v1/auth/login`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    paths(
        serve,
        api::accounts::register,
        api::accounts::verify_email,
        api::accounts::login,
        api::accounts::logout,
        api::accounts::password_reset,
        api::accounts::password_reset_confirm,
        api::accounts::me,
        api::accounts::export_my_data,
        api::accounts::update_me,
        api::accounts::delete_me,
        api::accounts::change_password,
        api::accounts::mfa_setup,
        api::accounts::mfa_enable,
        api::accounts::mfa_disable,
        api::accounts::list_users,
        api::accounts::update_user,
        api::accounts::delete_user,
        api::consultations::list,
        api::consultations::create,
        api::consultations::get,
        api::consultations::update,
        api::consultations::create_draft,
        api::drafts::get,
        api::drafts::stats,
        api::translations::create,
        api::translations::list,
        api::dashboard::get,
        api::paragraphs::update,
        api::export::export,
        api::revisions::create,
        api::revisions::concordance,
        api::revisions::disposition,
        api::follows::follow,
        api::follows::unfollow,
        api::drafts::list_comments,
        api::drafts::create_comment,
        api::comments::get,
        api::comments::edit,
        api::comments::withdraw,
        api::moderation::flag,
        api::moderation::decide,
        api::moderation::history,
        api::moderation::queue,
        api::moderation::log,
    ),
    components(responses(
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,
        PayloadTooLarge,
        Invalid,
        RateLimited,
        Unavailable
    )),
    modifiers(&Conventions),
    tags(
        (name = "accounts", description = "Registration, sign-in, the caller's account, administration of accounts"),
        (name = "consultations", description = "Consultations and their drafts"),
        (name = "drafts", description = "Drafts, paragraphs, statistics, revisions, export"),
        (name = "comments", description = "Comments, amendments and replies"),
        (name = "moderation", description = "Flags, decisions, the queue and the audit log"),
        (name = "meta", description = "This document"),
    )
)]
pub struct ApiDoc;

/// The document as JSON.
pub fn document() -> Result<String, AppError> {
    ApiDoc::openapi()
        .to_json()
        .map_err(|e| AppError::Internal(format!("cannot write the OpenAPI document: {e}")))
}

/// The OpenAPI document of this API. Public; the same for every caller, so caches may
/// keep it (unlike the answers under `/api/v1`, which are `no-store`).
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    responses(
        (status = 200, description = "This document (OpenAPI 3.1)", body = Object, content_type = "application/json"),
    )
)]
pub async fn serve() -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(document()?))
}

/// What every operation shares: the bearer scheme, and a 503 when the database does
/// not answer (a restart or failover; the client may retry).
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "The token of POST /api/v1/auth/login (HS256, 12 hours). Changing the \
                         password, a reset, suspension, a role change or POST /auth/logout \
                         revokes every earlier token.",
                    ))
                    .build(),
            ),
        );
        for (path, item) in doc.paths.paths.iter_mut() {
            if !path.starts_with("/api/v1/") {
                continue;
            }
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                op.responses.responses.insert(
                    "503".to_string(),
                    RefOr::Ref(utoipa::openapi::Ref::from_response_name("Unavailable")),
                );
            }
        }
    }
}

// ------------------------------------------------------------------------------------
// Error answers, one reusable response per status (all of them `Problem`s).

/// The body is not JSON, or was not sent as `Content-Type: application/json`.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct BadRequest(pub Problem<'static>);

/// No bearer token, or one that is invalid, expired or revoked.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("WWW-Authenticate" = String, description = "`Bearer`"))
)]
pub struct Unauthorized(pub Problem<'static>);

/// The caller may not do this (role, suspension, unverified email, not the author).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Forbidden(pub Problem<'static>);

/// Nothing here, or nothing the caller may see; also for ids that are not numbers.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct NotFound(pub Problem<'static>);

/// A conflict with the current state: a duplicate, a closed consultation, a superseded draft.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Conflict(pub Problem<'static>);

/// The body is larger than this endpoint accepts (64 KiB; 2 MiB for draft imports).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct PayloadTooLarge(pub Problem<'static>);

/// Invalid fields or parameters: `errors` names each with its messages.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Invalid(pub Problem<'static>);

/// Too many attempts; try again after `Retry-After` seconds.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct RateLimited(pub Problem<'static>);

/// The database does not answer (a restart or failover); the request may be retried.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Unavailable(pub Problem<'static>);

/// `?limit=`: how many items a page holds.
pub fn limit() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(r"^\s*\+?[0-9]*\s*$"))
        .description(Some(
            "A number from 1 to 200 (other numbers are refused with 422); 50 if absent or empty.",
        ))
        .examples([serde_json::json!("20")])
        .build()
}
