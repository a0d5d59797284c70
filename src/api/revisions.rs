//! `POST /api/v1/drafts/{id}/revisions`, `GET /drafts/{id}/concordance` and
//! `PUT /comments/{id}/disposition`.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::api::json::Json;
use crate::auth::{Admin, Moderator};
use crate::comments::view::CommentOut;
use crate::error::AppError;
use crate::revisions::service::{self, RevisionInput};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    to_number: i32,
    from_paragraph_ids: Vec<crate::api::revisions::Id>,
}

/// An id given as a JSON string or number.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Id(#[serde(with = "crate::ids::as_string")] i64);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevisionBody {
    title: Option<String>,
    version_label: String,
    text: String,
    /// Corrections to the proposed lineage: for a paragraph number of the revision, the
    /// earlier paragraphs it came from (an empty list: a new paragraph).
    links: Option<Vec<LinkBody>>,
}

pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<i64>,
    Json(b): Json<RevisionBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let input = RevisionInput {
        title: b.title,
        version_label: b.version_label,
        text: b.text,
        links: b.links.map(|ls| {
            let mut m = BTreeMap::new();
            for l in ls {
                m.insert(
                    l.to_number,
                    l.from_paragraph_ids
                        .into_iter()
                        .map(|i| i.0)
                        .collect::<Vec<_>>(),
                );
            }
            m
        }),
    };
    let draft = state
        .db
        .run(move |conn| service::publish(conn, Some(admin.id), id, &input))
        .await?;
    let view = crate::drafts::service::get_view(&state, draft.id).await?;
    Ok(HttpResponse::Created().json(crate::api::drafts::DraftDto::new(&view)))
}

pub async fn concordance(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (draft, prev, items) = state
        .db
        .run(move |conn| service::concordance(conn, id))
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "draft_id": draft.id.to_string(),
        "previous_draft_id": prev.map(|p| p.id.to_string()),
        "items": items,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DispositionBody {
    disposition: String,
    explanation: Option<String>,
}

pub async fn disposition(
    state: web::Data<AppState>,
    Moderator(m): Moderator,
    path: web::Path<i64>,
    Json(b): Json<DispositionBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let viewer = crate::comments::model::Viewer::of(Some(&m));
    let out = state
        .db
        .run(move |conn| {
            let c =
                service::set_disposition(conn, &m, id, &b.disposition, b.explanation.as_deref())?;
            let name: String = {
                use crate::db::schema::users;
                use diesel::prelude::*;
                users::table
                    .find(c.author_id)
                    .select(users::display_name)
                    .first(conn)?
            };
            Ok(CommentOut::new(&c, &name, viewer))
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}
