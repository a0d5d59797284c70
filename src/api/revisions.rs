//! `POST /api/v1/drafts/{id}/revisions`, `GET /drafts/{id}/concordance` and
//! `PUT /comments/{id}/disposition`.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::drafts::DraftDto;
use crate::api::json::{Import, Json};
use crate::api::openapi::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthorized,
};
use crate::auth::{Admin, Moderator};
use crate::comments::view::CommentOut;
use crate::error::AppError;
use crate::revisions::service::{self, ConcordanceItem, RevisionInput};
use crate::state::AppState;

/// For one paragraph number of the revision, the earlier paragraphs it came from.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    to_number: i32,
    /// Empty: a new paragraph.
    #[schema(value_type = Vec<crate::ids::Id>)]
    from_paragraph_ids: Vec<crate::api::revisions::Id>,
}

/// An id given as a JSON string or number.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Id(#[serde(with = "crate::ids::as_string")] i64);

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"version_label": "Rev.1", "text": "# Preamble\n\nPP1. Recalling the Geneva and Tunis phases,\n\n# Operative part\n\n1. Commits to meaningful connectivity;\n"}))]
pub struct RevisionBody {
    /// The earlier version's title if absent.
    title: Option<String>,
    version_label: String,
    /// Markdown, as for a new draft; required unless `docx` is sent.
    text: Option<String>,
    /// A Word file (.docx, at most 10 MiB), base64, instead of `text`.
    docx: Option<String>,
    /// Corrections to the proposed lineage: for a paragraph number of the revision, the
    /// earlier paragraphs it came from (an empty list: a new paragraph).
    links: Option<Vec<LinkBody>>,
}

/// [`RevisionBody`] as a `multipart/form-data` form, with the Word file as a file part
/// (lineage corrections, `links`, are sent as JSON).
#[derive(ToSchema)]
#[allow(dead_code)] // Describes the form for the OpenAPI document; `RevisionBody` reads it.
pub struct RevisionUpload {
    title: Option<String>,
    version_label: String,
    /// The Word file (.docx, at most 10 MiB).
    #[schema(value_type = String, format = Binary)]
    docx: Vec<u8>,
}

/// Publishes a revision of a draft (admins): a new draft linked to this one paragraph by
/// paragraph; this one becomes read-only. Markdown or a Word file, as JSON (up to
/// 14 MiB) or as a `multipart/form-data` form with the file in the part `docx`.
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{id}/revisions",
    operation_id = "create_revision",
    tag = "drafts",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft to revise")),
    request_body(content(
        (RevisionBody = "application/json"),
        (RevisionUpload = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "The new draft, `previous_draft_id` set", body = DraftDto),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<i64>,
    Import(b): Import<RevisionBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (text, warnings) = crate::api::import_text(b.text, b.docx.as_deref())?;
    let input = RevisionInput {
        title: b.title,
        version_label: b.version_label,
        text,
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
    let view = crate::drafts::service::get_view(&state.db, draft.id).await?;
    let mut dto = DraftDto::new(&view);
    dto.import_warnings = warnings;
    Ok(HttpResponse::Created().json(dto))
}

/// How a draft's paragraphs relate to its previous version's.
#[derive(Serialize, ToSchema)]
pub struct Concordance {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    /// `null` for a first version (and then no items).
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub previous_draft_id: Option<i64>,
    pub items: Vec<ConcordanceItem>,
}

/// The concordance table of a draft against its previous version.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/concordance",
    operation_id = "draft_concordance",
    tag = "drafts",
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 200, description = "The concordance", body = Concordance),
        (status = 404, response = NotFound),
    )
)]
pub async fn concordance(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (draft, prev, items) = state
        .db
        .run(move |conn| service::concordance(conn, id))
        .await?;
    Ok(HttpResponse::Ok().json(Concordance {
        draft_id: draft.id,
        previous_draft_id: prev.map(|p| p.id),
        items,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"disposition": "partly_incorporated", "explanation": "Funding is now in paragraph 25."}))]
pub struct DispositionBody {
    #[schema(schema_with = crate::api::openapi::disposition)]
    disposition: String,
    explanation: Option<String>,
}

/// The secretariat's answer to a top-level comment or amendment (moderators).
#[utoipa::path(
    put,
    path = "/api/v1/comments/{id}/disposition",
    operation_id = "set_disposition",
    tag = "moderation",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The comment")),
    request_body = DispositionBody,
    responses(
        (status = 200, description = "The comment with its disposition", body = CommentOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
    )
)]
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
