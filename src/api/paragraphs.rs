//! `PATCH /api/v1/paragraphs/{id}`: the secretariat tags a paragraph with WSIS Action
//! Lines and SDGs.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::drafts::ParagraphDto;
use crate::api::json::Json;
use crate::api::openapi::{
    BadRequest, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthorized,
};
use crate::auth::Admin;
use crate::drafts::tags::{self, TagsInput};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"tags": ["C2", "SDG9"]}))]
pub struct TagsBody {
    /// The paragraph's new tags: WSIS Action Lines `C1`…`C11`, `SDG1`…`SDG17`.
    tags: Option<Vec<String>>,
}

/// The paragraph as `GET /drafts/{id}` shows it, with its draft.
#[derive(Serialize, ToSchema)]
pub struct ParagraphOut {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    #[serde(flatten)]
    pub paragraph: ParagraphDto,
}

/// Tags a paragraph (admins).
#[utoipa::path(
    patch,
    path = "/api/v1/paragraphs/{id}",
    operation_id = "tag_paragraph",
    tag = "drafts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The paragraph")),
    request_body = TagsBody,
    responses(
        (status = 200, description = "The paragraph with its new tags", body = ParagraphOut),
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
    Admin(_): Admin,
    path: web::Path<i64>,
    Json(b): Json<TagsBody>,
) -> Result<HttpResponse, AppError> {
    let input = TagsInput::parse(b.tags.as_deref())?;
    let (p, counts) = tags::update(&state.db, path.into_inner(), input).await?;
    Ok(HttpResponse::Ok().json(ParagraphOut {
        draft_id: p.draft_id,
        paragraph: ParagraphDto {
            id: p.id,
            number: p.number,
            tags: p.tag_list().into_iter().map(str::to_string).collect(),
            label: p.label,
            section: p.section,
            text: p.text,
            comment_count: counts.values().sum(),
            counts_by_group: counts,
        },
    }))
}
