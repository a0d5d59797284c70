//! `GET /api/v1/drafts/{id}/dashboard`: the participation dashboard's figures as JSON,
//! the same the page draws (published comments only; anyone may read them).

use actix_web::{web, HttpResponse};

use crate::dashboard::service;
use crate::error::AppError;
use crate::state::AppState;

pub async fn get(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(service::load(&state, path.into_inner()).await?))
}
