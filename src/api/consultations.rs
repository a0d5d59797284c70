//! `/api/v1/consultations*`: list, create, read, change, and import a draft.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::api::dto::{rfc3339, Page};
use crate::api::json::Json;
use crate::api::{cursor_decode, cursor_encode, parse_limit};
use crate::auth::Admin;
use crate::consultations::service::{self, ConsultationInput, DraftSummary};
use crate::consultations::Consultation;
use crate::drafts::service::{self as drafts, DraftInput};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize)]
pub struct ConsultationDto {
    #[serde(with = "crate::ids::as_string")]
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub status: &'static str,
    pub opens_at: String,
    pub closes_at: String,
    pub moderation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drafts: Option<Vec<DraftRef>>,
}

#[derive(Serialize)]
pub struct DraftRef {
    #[serde(with = "crate::ids::as_string")]
    pub id: i64,
    pub title: String,
    pub version_label: String,
    #[serde(with = "crate::ids::opt_string")]
    pub previous_draft_id: Option<i64>,
}

impl ConsultationDto {
    pub fn new(c: &Consultation, drafts: Option<&[DraftSummary]>) -> Self {
        ConsultationDto {
            id: c.id,
            title: c.title.clone(),
            summary: c.summary.clone(),
            status: c.status().as_str(),
            opens_at: rfc3339(c.opens_at),
            closes_at: rfc3339(c.closes_at),
            moderation: c.moderation.clone(),
            drafts: drafts.map(|ds| {
                ds.iter()
                    .map(|d| DraftRef {
                        id: d.id,
                        title: d.title.clone(),
                        version_label: d.version_label.clone(),
                        previous_draft_id: d.previous_draft_id,
                    })
                    .collect()
            }),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    limit: Option<String>,
    cursor: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let after = cursor_decode(q.cursor.as_deref())?;
    let mut items = service::list(&state, after, limit + 1).await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|c| cursor_encode(c.id))
    } else {
        None
    };
    Ok(HttpResponse::Ok().json(Page {
        items: items
            .iter()
            .map(|c| ConsultationDto::new(c, None))
            .collect(),
        next_cursor,
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationBody {
    title: Option<String>,
    summary: Option<String>,
    opens_at: Option<String>,
    closes_at: Option<String>,
    moderation: Option<String>,
}

impl ConsultationBody {
    fn parse(&self, creating: bool) -> Result<ConsultationInput, AppError> {
        ConsultationInput::parse(
            creating,
            self.title.as_deref(),
            self.summary.as_deref(),
            self.opens_at.as_deref(),
            self.closes_at.as_deref(),
            self.moderation.as_deref(),
        )
    }
}

pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    Json(b): Json<ConsultationBody>,
) -> Result<HttpResponse, AppError> {
    let c = service::create(&state, admin.id, b.parse(true)?).await?;
    Ok(HttpResponse::Created().json(ConsultationDto::new(&c, Some(&[]))))
}

pub async fn get(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (c, ds) = service::get(&state, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ConsultationDto::new(&c, Some(&ds))))
}

pub async fn update(
    state: web::Data<AppState>,
    _admin: Admin,
    path: web::Path<i64>,
    Json(b): Json<ConsultationBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    service::update(&state, id, b.parse(false)?).await?;
    let (c, ds) = service::get(&state, id).await?;
    Ok(HttpResponse::Ok().json(ConsultationDto::new(&c, Some(&ds))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftBody {
    title: String,
    version_label: String,
    text: String,
}

pub async fn create_draft(
    state: web::Data<AppState>,
    _admin: Admin,
    path: web::Path<i64>,
    Json(b): Json<DraftBody>,
) -> Result<HttpResponse, AppError> {
    let input = DraftInput::parse(&b.title, &b.version_label, &b.text)?;
    let draft = drafts::create(&state, path.into_inner(), input).await?;
    let view = drafts::get_view(&state, draft.id).await?;
    Ok(HttpResponse::Created().json(crate::api::drafts::DraftDto::new(&view)))
}
