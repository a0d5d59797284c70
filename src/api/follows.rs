//! `POST /api/v1/drafts/{id}/follow` and `DELETE …/follow`.

use actix_web::{web, HttpResponse};

use crate::auth::ApiUser;
use crate::error::AppError;
use crate::notifications::follows;
use crate::state::AppState;

pub async fn follow(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    follows::set(&state, user.id, path.into_inner(), true).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn unfollow(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    follows::set(&state, user.id, path.into_inner(), false).await?;
    Ok(HttpResponse::NoContent().finish())
}
