//! `GET /api/v1/drafts/{id}/export`: the consolidated input of a draft as a streamed
//! file (SPEC §6). Anyone gets published comments; `?status=all` needs a moderator.

use actix_web::{web, HttpResponse};

use crate::api::openapi::{Forbidden, Invalid, NotFound, RateLimited, Unauthorized, Unavailable};
use crate::auth::MaybeApiUser;
use crate::download;
use crate::error::AppError;
use crate::export::{self, Query, Request};
use crate::state::AppState;

/// The consolidated input of a draft as a file (SPEC §6): published comments, or every
/// status for moderators (`status=all`).
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/export",
    operation_id = "export_draft",
    tag = "drafts",
    security((), ("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft"), Query),
    responses(
        (status = 200, description = "The file, streamed, as an attachment", content(
            (String = "text/csv"),
            (Object = "application/json"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/html"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (Vec<u8> = "application/pdf"),
        )),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
        (status = 503, response = Unavailable),
    )
)]
pub async fn export(
    state: web::Data<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    path: web::Path<i64>,
    q: web::Query<Query>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(
        crate::ratelimit::EXPORT,
        &crate::ratelimit::client_ip(&req, state.config.trusted_proxy),
    )?;
    let request = Request::parse(path.into_inner(), &q)?;
    request.authorize(user.as_ref())?;
    let plan = state
        .db
        .run(move |conn| export::plan(conn, &request))
        .await?;
    Ok(download::response(state.db.clone(), plan))
}
