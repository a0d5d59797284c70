//! `/api/v1/consultations*`: list, create, read, change, and import a draft.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::drafts::DraftDto;
use crate::api::dto::{rfc3339, Page};
use crate::api::json::{Import, Json};
use crate::api::openapi::{
    BadRequest, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthorized,
};
use crate::api::{cursor_decode, parse_limit};
use crate::auth::Admin;
use crate::consultations::service::{self, ConsultationInput, DraftSummary};
use crate::consultations::Consultation;
use crate::drafts::service::{self as drafts, DraftInput};
use crate::error::AppError;
use crate::state::AppState;

/// A consultation; `drafts` only in answers about one consultation, not in lists.
#[derive(Serialize, ToSchema)]
pub struct ConsultationDto {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub title: String,
    pub summary: String,
    #[schema(schema_with = crate::api::openapi::consultation_status)]
    pub status: &'static str,
    #[schema(format = DateTime)]
    pub opens_at: String,
    #[schema(format = DateTime)]
    pub closes_at: String,
    /// `pre`: comments wait for a moderator; `post`: published at once.
    #[schema(schema_with = crate::api::openapi::moderation_mode)]
    pub moderation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drafts: Option<Vec<DraftRef>>,
}

#[derive(Serialize, ToSchema)]
pub struct DraftRef {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub title: String,
    pub version_label: String,
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub previous_draft_id: Option<i64>,
}

impl ConsultationDto {
    pub fn new(c: &Consultation, drafts: Option<&[DraftSummary]>) -> Self {
        ConsultationDto {
            id: c.id,
            title: c.title.clone(),
            summary: c.summary.clone(),
            status: c.status().as_str(),
            opens_at: rfc3339(c.opens_at),
            closes_at: rfc3339(c.closes_at),
            moderation: c.moderation.clone(),
            drafts: drafts.map(|ds| {
                ds.iter()
                    .map(|d| DraftRef {
                        id: d.id,
                        title: d.title.clone(),
                        version_label: d.version_label.clone(),
                        previous_draft_id: d.previous_draft_id,
                    })
                    .collect()
            }),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    #[param(schema_with = crate::api::openapi::limit)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// Every consultation, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/consultations",
    operation_id = "list_consultations",
    tag = "consultations",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of consultations", body = Page<ConsultationDto>),
        (status = 422, response = Invalid),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let after = cursor_decode(q.cursor.as_deref())?;
    let items: Vec<ConsultationDto> = service::list(&state.db, after, limit + 1)
        .await?
        .iter()
        .map(|c| ConsultationDto::new(c, None))
        .collect();
    Ok(HttpResponse::Ok().json(Page::from_overfetch(items, limit, |c| c.id)))
}

/// A new consultation (`title` required), or the fields to change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "WSIS+20 Review", "summary": "Comment on the outcome document, paragraph by paragraph.", "moderation": "post"}))]
pub struct ConsultationBody {
    /// At most 300 characters; required when creating.
    title: Option<String>,
    /// At most 5000 characters.
    summary: Option<String>,
    /// RFC 3339 (`2026-01-31T17:00:00Z`; `2026-01-31T17:00` is read as UTC); now if
    /// absent or empty when creating.
    opens_at: Option<String>,
    /// The same, after `opens_at`; 60 days after it if absent or empty when creating.
    closes_at: Option<String>,
    #[schema(schema_with = crate::api::openapi::opt_moderation_mode)]
    moderation: Option<String>,
}

impl ConsultationBody {
    fn parse(&self, creating: bool) -> Result<ConsultationInput, AppError> {
        ConsultationInput::parse(
            creating,
            self.title.as_deref(),
            self.summary.as_deref(),
            self.opens_at.as_deref(),
            self.closes_at.as_deref(),
            self.moderation.as_deref(),
        )
    }
}

/// Opens a new consultation (admins).
#[utoipa::path(
    post,
    path = "/api/v1/consultations",
    operation_id = "create_consultation",
    tag = "consultations",
    security(("bearer" = [])),
    request_body = ConsultationBody,
    responses(
        (status = 201, description = "The new consultation", body = ConsultationDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    Json(b): Json<ConsultationBody>,
) -> Result<HttpResponse, AppError> {
    let c = service::create(&state.db, admin.id, b.parse(true)?).await?;
    Ok(HttpResponse::Created().json(ConsultationDto::new(&c, Some(&[]))))
}

/// One consultation with its drafts.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{id}",
    operation_id = "get_consultation",
    tag = "consultations",
    params(("id" = crate::ids::Id, Path, description = "The consultation")),
    responses(
        (status = 200, description = "The consultation and its drafts", body = ConsultationDto),
        (status = 404, response = NotFound),
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (c, ds) = service::get(&state.db, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ConsultationDto::new(&c, Some(&ds))))
}

/// Changes a consultation (admins); absent fields stay as they are.
#[utoipa::path(
    patch,
    path = "/api/v1/consultations/{id}",
    operation_id = "update_consultation",
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The consultation")),
    request_body = ConsultationBody,
    responses(
        (status = 200, description = "The changed consultation and its drafts", body = ConsultationDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    _admin: Admin,
    path: web::Path<i64>,
    Json(b): Json<ConsultationBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    service::update(&state.db, id, b.parse(false)?).await?;
    let (c, ds) = service::get(&state.db, id).await?;
    Ok(HttpResponse::Ok().json(ConsultationDto::new(&c, Some(&ds))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Outcome document", "version_label": "Zero draft", "text": "# Preamble\n\nPP1. Recalling the Geneva phase,\n\n# Operative part\n\n1. Commits to connectivity;\n"}))]
pub struct DraftBody {
    title: String,
    /// E.g. `Zero draft`, `Rev.1`.
    version_label: String,
    /// Markdown: headings make sections, numbered or lettered blocks make paragraphs.
    /// Required unless `docx` is sent.
    text: Option<String>,
    /// A Word file (.docx, at most 10 MiB), base64: headings start sections, every other
    /// paragraph is a paragraph, Word's numbering gives the labels. Instead of `text`.
    docx: Option<String>,
    /// The language it is written in: `en` if absent.
    #[schema(schema_with = crate::vocabulary::opt_language)]
    language: Option<String>,
}

/// [`DraftBody`] as a `multipart/form-data` form, with the Word file as a file part.
#[derive(ToSchema)]
#[allow(dead_code)] // Describes the form for the OpenAPI document; `DraftBody` reads it.
pub struct DraftUpload {
    title: String,
    version_label: String,
    /// The Word file (.docx, at most 10 MiB).
    #[schema(value_type = String, format = Binary)]
    docx: Vec<u8>,
    #[schema(schema_with = crate::vocabulary::opt_language)]
    language: Option<String>,
}

/// Imports a draft into a consultation (admins): Markdown or a Word file, as JSON (up
/// to 14 MiB) or as a `multipart/form-data` form with the file in the part `docx`.
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{id}/drafts",
    operation_id = "create_draft",
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The consultation")),
    request_body(content(
        (DraftBody = "application/json"),
        (DraftUpload = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "The new draft with its paragraphs", body = DraftDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn create_draft(
    state: web::Data<AppState>,
    _admin: Admin,
    path: web::Path<i64>,
    Import(b): Import<DraftBody>,
) -> Result<HttpResponse, AppError> {
    let (text, warnings) = crate::api::import_text(b.text, b.docx.as_deref())?;
    let input =
        DraftInput::parse(&b.title, &b.version_label, &text)?.in_language(b.language.as_deref())?;
    let draft = drafts::create(&state.db, path.into_inner(), input).await?;
    let view = drafts::get_view(&state.db, draft.id).await?;
    let mut dto = DraftDto::new(&view);
    dto.import_warnings = warnings;
    Ok(HttpResponse::Created().json(dto))
}
