//! `/api/v1/comments/{id}/flags`, `/comments/{id}/moderation`, `/comments/{id}/history`,
//! `/moderation/queue` and `/moderation/log`.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::dto::{rfc3339, Page};
use crate::api::json::Json;
use crate::api::openapi::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, RateLimited, Unauthorized,
};
use crate::api::{cursor_decode, parse_limit};
use crate::auth::{ApiUser, Moderator};
use crate::comments::model::Viewer;
use crate::comments::service as comments;
use crate::comments::view::CommentOut;
use crate::error::{AppError, FieldErrors};
use crate::moderation::service::{self, LogEntry, NewFlag, QueueItem};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "off_topic", "note": "About another consultation."}))]
pub struct FlagBody {
    #[schema(schema_with = crate::api::openapi::flag_reason)]
    reason: String,
    /// At most 1000 characters.
    note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Flagged {
    pub flagged: bool,
    /// Whether this flag reached the threshold that hides the comment until a
    /// moderator decides.
    pub comment_hidden: bool,
}

/// Flags a comment for the moderators (once per person; not one's own).
#[utoipa::path(
    post,
    path = "/api/v1/comments/{id}/flags",
    operation_id = "flag_comment",
    tag = "moderation",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    request_body = FlagBody,
    responses(
        (status = 201, description = "Flagged", body = Flagged),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
    )
)]
pub async fn flag(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    Json(b): Json<FlagBody>,
) -> Result<HttpResponse, AppError> {
    let f = NewFlag::parse(&b.reason, b.note.as_deref())?;
    let hidden = service::flag(&state, &user, path.into_inner(), f).await?;
    Ok(HttpResponse::Created().json(Flagged {
        flagged: true,
        comment_hidden: hidden,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"action": "approve"}))]
pub struct DecisionBody {
    #[schema(schema_with = crate::api::openapi::moderation_action)]
    action: String,
    /// Told to the author; required to hide or reject.
    reason: Option<String>,
}

/// A moderator's decision on a comment.
#[utoipa::path(
    post,
    path = "/api/v1/comments/{id}/moderation",
    operation_id = "moderate_comment",
    tag = "moderation",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    request_body = DecisionBody,
    responses(
        (status = 200, description = "The comment after the decision", body = CommentOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn decide(
    state: web::Data<AppState>,
    Moderator(m): Moderator,
    path: web::Path<i64>,
    Json(b): Json<DecisionBody>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(service::moderate(&state, &m, path.into_inner(), b.action, b.reason).await?))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[param(schema_with = crate::api::openapi::limit)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
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

/// Pending comments and comments with open flags, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/moderation/queue",
    operation_id = "moderation_queue",
    tag = "moderation",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "A page of the queue", body = Page<QueueItem>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    )
)]
pub async fn queue(
    state: web::Data<AppState>,
    Moderator(m): Moderator,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (limit, after) = page_params(&q)?;
    let viewer = Viewer::of(Some(&m));
    let items = state
        .db
        .run(move |conn| service::queue(conn, viewer, after, limit + 1))
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_overfetch(items, limit, |i| i.comment.id)))
}

/// The moderation and administration audit log, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/moderation/log",
    operation_id = "moderation_log",
    tag = "moderation",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "A page of the log", body = Page<LogEntry>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    )
)]
pub async fn log(
    state: web::Data<AppState>,
    _m: Moderator,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (limit, before) = page_params(&q)?;
    let items = state
        .db
        .run(move |conn| Ok(service::log(conn, before, limit + 1)?))
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_overfetch(items, limit, |i| i.id)))
}

/// An earlier version of a comment.
#[derive(Serialize, ToSchema)]
pub struct EditOut {
    body: String,
    proposed_text: Option<String>,
    /// When an edit replaced it.
    #[schema(format = DateTime)]
    replaced_at: String,
}

/// The earlier versions of a comment (moderators), oldest first; one page.
#[utoipa::path(
    get,
    path = "/api/v1/comments/{id}/history",
    operation_id = "comment_history",
    tag = "moderation",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    responses(
        (status = 200, description = "The earlier versions (`next_cursor` is always null)", body = Page<EditOut>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
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
