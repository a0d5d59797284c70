//! `POST /api/v1/drafts/{id}/follow` and `DELETE …/follow`.

use actix_web::{web, HttpResponse};

use crate::api::openapi::{NotFound, Unauthorized};
use crate::auth::ApiUser;
use crate::error::AppError;
use crate::notifications::follows;
use crate::state::AppState;

/// Follows a draft: notifications of its new comments, as the account's
/// `notification_mode` says.
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{id}/follow",
    operation_id = "follow_draft",
    tag = "drafts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 204, description = "Followed"),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    )
)]
pub async fn follow(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    follows::set(&state.db, user.id, path.into_inner(), true).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Stops following a draft.
#[utoipa::path(
    delete,
    path = "/api/v1/drafts/{id}/follow",
    operation_id = "unfollow_draft",
    tag = "drafts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 204, description = "Not followed"),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    )
)]
pub async fn unfollow(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    follows::set(&state.db, user.id, path.into_inner(), false).await?;
    Ok(HttpResponse::NoContent().finish())
}
