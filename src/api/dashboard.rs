//! `GET /api/v1/drafts/{id}/dashboard`: the participation dashboard's figures as JSON,
//! the same the page draws (published comments only; anyone may read them).

use actix_web::{web, HttpResponse};

use crate::api::openapi::NotFound;
use crate::dashboard::service::{self, Dashboard};
use crate::error::AppError;
use crate::state::AppState;

/// The participation dashboard of a draft: who took part, where, on what, and the
/// balance between stakeholder groups.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/dashboard",
    operation_id = "draft_dashboard",
    tag = "drafts",
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 200, description = "The dashboard's figures", body = Dashboard),
        (status = 404, response = NotFound),
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(service::load(&state.db, path.into_inner()).await?))
}
