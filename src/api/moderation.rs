//! `/api/v1/comments/{id}/flags`, `/comments/{id}/moderation`, `/comments/{id}/history`,
//! `/moderation/queue` and `/moderation/log`.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::api::dto::{rfc3339, Page};
use crate::api::json::Json;
use crate::api::{cursor_decode, cursor_encode, parse_limit};
use crate::auth::{ApiUser, Moderator};
use crate::comments::model::Viewer;
use crate::comments::service as comments;
use crate::error::{AppError, FieldErrors};
use crate::moderation::service::{self, NewFlag};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagBody {
    reason: String,
    note: Option<String>,
}

pub async fn flag(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    Json(b): Json<FlagBody>,
) -> Result<HttpResponse, AppError> {
    let f = NewFlag::parse(&b.reason, b.note.as_deref())?;
    let hidden = service::flag(&state, &user, path.into_inner(), f).await?;
    Ok(HttpResponse::Created()
        .json(serde_json::json!({ "flagged": true, "comment_hidden": hidden })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    action: String,
    reason: Option<String>,
}

pub async fn decide(
    state: web::Data<AppState>,
    Moderator(m): Moderator,
    path: web::Path<i64>,
    Json(b): Json<DecisionBody>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(service::moderate(&state, &m, path.into_inner(), b.action, b.reason).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    limit: Option<String>,
    cursor: Option<String>,
}

fn page_params(q: &PageQuery) -> Result<(i64, Option<i64>), AppError> {
    let mut errors = FieldErrors::new();
    let limit = parse_limit(q.limit.as_deref()).unwrap_or_else(|_| {
        errors.add("limit", "must be between 1 and 200");
        50
    });
    let cursor = cursor_decode(q.cursor.as_deref()).unwrap_or_else(|_| {
        errors.add("cursor", "is not a cursor this server issued");
        None
    });
    errors.into_result()?;
    Ok((limit, cursor))
}

pub async fn queue(
    state: web::Data<AppState>,
    Moderator(m): Moderator,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (limit, after) = page_params(&q)?;
    let viewer = Viewer::of(Some(&m));
    let mut items = state
        .db
        .run(move |conn| service::queue(conn, viewer, after, limit + 1))
        .await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|i| cursor_encode(i.comment.id))
    } else {
        None
    };
    Ok(HttpResponse::Ok().json(Page { items, next_cursor }))
}

pub async fn log(
    state: web::Data<AppState>,
    _m: Moderator,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (limit, before) = page_params(&q)?;
    let mut items = state
        .db
        .run(move |conn| Ok(service::log(conn, before, limit + 1)?))
        .await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|i| cursor_encode(i.id))
    } else {
        None
    };
    Ok(HttpResponse::Ok().json(Page { items, next_cursor }))
}

#[derive(Serialize)]
struct EditOut {
    body: String,
    proposed_text: Option<String>,
    replaced_at: String,
}

pub async fn history(
    state: web::Data<AppState>,
    _m: Moderator,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let edits = state
        .db
        .run(move |conn| {
            comments::find(conn, id)?;
            Ok(comments::history(conn, id)?)
        })
        .await?;
    let items: Vec<EditOut> = edits
        .into_iter()
        .map(|e| EditOut {
            body: e.body,
            proposed_text: e.proposed_text,
            replaced_at: rfc3339(e.edited_at),
        })
        .collect();
    Ok(HttpResponse::Ok().json(Page {
        items,
        next_cursor: None,
    }))
}
