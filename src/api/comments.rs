//! `/api/v1/comments/{id}`: read, edit and withdraw one comment.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::json::Json;
use crate::api::openapi::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthorized,
};
use crate::auth::{ApiUser, MaybeApiUser};
use crate::comments::model::Viewer;
use crate::comments::service;
use crate::comments::validate::CommentEdit;
use crate::comments::view::CommentOut;
use crate::error::AppError;
use crate::state::AppState;

/// One comment. Hidden, rejected, withdrawn and pending ones only for moderators and
/// their author (404 for everyone else).
#[utoipa::path(
    get,
    path = "/api/v1/comments/{id}",
    operation_id = "get_comment",
    tag = "comments",
    security((), ("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    responses(
        (status = 200, description = "The comment", body = CommentOut),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(service::get(&state, Viewer::of(user.as_ref()), path.into_inner()).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "The draft should say how, and by whom, the review will be funded."}))]
pub struct EditBody {
    body: Option<String>,
    /// Amendments only.
    proposed_text: Option<String>,
}

/// The author edits their comment while the consultation is open; earlier versions
/// are kept for moderators.
#[utoipa::path(
    patch,
    path = "/api/v1/comments/{id}",
    operation_id = "edit_comment",
    tag = "comments",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    request_body = EditBody,
    responses(
        (status = 200, description = "The edited comment", body = CommentOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn edit(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    Json(b): Json<EditBody>,
) -> Result<HttpResponse, AppError> {
    let edit = CommentEdit::parse(b.body.as_deref(), b.proposed_text.as_deref())?;
    Ok(HttpResponse::Ok().json(service::edit(&state, &user, path.into_inner(), edit).await?))
}

/// The author withdraws their comment; replies stay.
#[utoipa::path(
    delete,
    path = "/api/v1/comments/{id}",
    operation_id = "withdraw_comment",
    tag = "comments",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn withdraw(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    service::withdraw(&state, &user, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
