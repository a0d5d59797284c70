//! `/api/v1/comments/{id}`: read, edit and withdraw one comment.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::api::json::Json;
use crate::auth::{ApiUser, MaybeApiUser};
use crate::comments::model::Viewer;
use crate::comments::service;
use crate::comments::validate::CommentEdit;
use crate::error::AppError;
use crate::state::AppState;

pub async fn get(
    state: web::Data<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(service::get(&state, Viewer::of(user.as_ref()), path.into_inner()).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditBody {
    body: Option<String>,
    proposed_text: Option<String>,
}

pub async fn edit(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    Json(b): Json<EditBody>,
) -> Result<HttpResponse, AppError> {
    let edit = CommentEdit::parse(b.body.as_deref(), b.proposed_text.as_deref())?;
    Ok(HttpResponse::Ok().json(service::edit(&state, &user, path.into_inner(), edit).await?))
}

pub async fn withdraw(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    service::withdraw(&state, &user, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
