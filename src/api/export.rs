//! `GET /api/v1/drafts/{id}/export`: the consolidated input of a draft as a streamed
//! file (SPEC §6). Anyone gets published comments; `?status=all` needs a moderator.

use actix_web::{web, HttpResponse};

use crate::auth::MaybeApiUser;
use crate::error::AppError;
use crate::export::{self, stream, Query, Request};
use crate::state::AppState;

pub async fn export(
    state: web::Data<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    path: web::Path<i64>,
    q: web::Query<Query>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(
        crate::ratelimit::EXPORT,
        &crate::api::accounts::client_ip(&req),
    )?;
    let request = Request::parse(path.into_inner(), &q)?;
    request.authorize(user.as_ref())?;
    let plan = state
        .db
        .run(move |conn| export::plan(conn, &request))
        .await?;
    Ok(stream::response(state.db.clone(), plan))
}
