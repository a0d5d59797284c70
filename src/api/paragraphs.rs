//! `PATCH /api/v1/paragraphs/{id}`: the secretariat tags a paragraph with WSIS Action
//! Lines and SDGs.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::api::drafts::ParagraphDto;
use crate::api::json::Json;
use crate::auth::Admin;
use crate::drafts::tags::{self, TagsInput};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagsBody {
    tags: Option<Vec<String>>,
}

/// The paragraph as `GET /drafts/{id}` shows it, with its draft.
#[derive(Serialize)]
pub struct ParagraphOut {
    #[serde(with = "crate::ids::as_string")]
    pub draft_id: i64,
    #[serde(flatten)]
    pub paragraph: ParagraphDto,
}

pub async fn update(
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<i64>,
    Json(b): Json<TagsBody>,
) -> Result<HttpResponse, AppError> {
    let input = TagsInput::parse(b.tags.as_deref())?;
    let (p, counts) = tags::update(&state, path.into_inner(), input).await?;
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
