//! `/api/v1/drafts/{id}/translations`: the language versions of a draft.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::json::Json;
use crate::api::openapi::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthorized,
};
use crate::auth::Admin;
use crate::drafts::service as drafts;
use crate::drafts::translations::{self, Translation, TranslationInput};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"language": "fr", "title": "Document final", "text": "# Préambule\n\nPP1. Rappelant la phase de Genève,\n\n# Dispositif\n\n1. S'engage en faveur de la connectivité ;\n"}))]
pub struct TranslationBody {
    /// One of `ar`, `zh`, `en`, `fr`, `ru`, `es`, other than the draft's own.
    #[schema(schema_with = crate::vocabulary::language)]
    language: String,
    /// The draft's title in that language; the original's if absent.
    title: Option<String>,
    /// Markdown with the same paragraphs, numbers and labels as the original.
    text: String,
}

/// Adds a language version to a draft (admins; bodies up to 2 MiB). Every paragraph
/// must line up with the original's, by number and label; otherwise nothing is stored
/// and the 422 lists each paragraph that does not.
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{id}/translations",
    operation_id = "create_translation",
    tag = "drafts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The original draft")),
    request_body = TranslationBody,
    responses(
        (status = 201, description = "The new language version", body = Translation),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    _admin: Admin,
    path: web::Path<i64>,
    Json(b): Json<TranslationBody>,
) -> Result<HttpResponse, AppError> {
    let input = TranslationInput::parse(&b.language, b.title.as_deref(), &b.text)?;
    let t = translations::create(&state.db, path.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(t))
}

/// The language versions of a draft (the draft's own language is its `language`).
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/translations",
    operation_id = "list_translations",
    tag = "drafts",
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 200, description = "Its language versions", body = Vec<Translation>),
        (status = 404, response = NotFound),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let list = state
        .db
        .run(move |conn| {
            drafts::find(conn, id)?;
            Ok(translations::of_draft(conn, id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}
