//! `/api/v1/drafts/*`: a draft with its paragraphs and counts, statistics, and the
//! draft's comments (list and create).

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::accounts::model::Group;
use crate::api::dto::Page;
use crate::api::json::Json;
use crate::api::{cursor_decode, cursor_encode, parse_limit};
use crate::auth::{ApiUser, MaybeApiUser};
use crate::comments::model::{Viewer, KINDS, STATUSES};
use crate::comments::service::{self as comments, CommentFilter, StatusFilter};
use crate::comments::validate::NewComment;
use crate::drafts::service::{self as drafts, DraftView};
use crate::error::{AppError, FieldErrors};
use crate::state::AppState;

#[derive(Serialize)]
pub struct ParagraphDto {
    #[serde(with = "crate::ids::as_string")]
    pub id: i64,
    pub number: i32,
    pub label: String,
    pub section: Option<String>,
    pub text: String,
    pub tags: Vec<String>,
    pub comment_count: i64,
    pub counts_by_group: BTreeMap<String, i64>,
}

#[derive(Serialize)]
pub struct DraftDto {
    #[serde(with = "crate::ids::as_string")]
    pub id: i64,
    #[serde(with = "crate::ids::as_string")]
    pub consultation_id: i64,
    pub title: String,
    pub version_label: String,
    #[serde(with = "crate::ids::opt_string")]
    pub previous_draft_id: Option<i64>,
    pub read_only: bool,
    pub general_comment_count: i64,
    pub paragraphs: Vec<ParagraphDto>,
}

impl DraftDto {
    pub fn new(v: &DraftView) -> DraftDto {
        let empty = BTreeMap::new();
        DraftDto {
            id: v.draft.id,
            consultation_id: v.draft.consultation_id,
            title: v.draft.title.clone(),
            version_label: v.draft.version_label.clone(),
            previous_draft_id: v.draft.previous_draft_id,
            read_only: v.draft.read_only,
            general_comment_count: v.counts.get(&None).map_or(0, |g| g.values().sum()),
            paragraphs: v
                .paragraphs
                .iter()
                .map(|p| {
                    let counts = v.counts.get(&Some(p.id)).unwrap_or(&empty);
                    ParagraphDto {
                        id: p.id,
                        number: p.number,
                        label: p.label.clone(),
                        section: p.section.clone(),
                        text: p.text.clone(),
                        tags: p.tag_list().into_iter().map(str::to_string).collect(),
                        comment_count: counts.values().sum(),
                        counts_by_group: counts.clone(),
                    }
                })
                .collect(),
        }
    }
}

pub async fn get(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let view = drafts::get_view(&state, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(DraftDto::new(&view)))
}

pub async fn stats(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let base = drafts::stats(&state, id).await?;
    let dashboard = crate::dashboard::service::load(&state, id).await?;
    Ok(HttpResponse::Ok().json(StatsOut {
        base,
        more: crate::dashboard::service::StatsExtension::of(&dashboard),
    }))
}

/// The statistics with the dashboard's `by_tag`, `by_region` and `by_day` beside them.
#[derive(Serialize)]
struct StatsOut {
    #[serde(flatten)]
    base: drafts::Stats,
    #[serde(flatten)]
    more: crate::dashboard::service::StatsExtension,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentQuery {
    paragraph_id: Option<String>,
    parent_id: Option<String>,
    stakeholder_group: Option<String>,
    kind: Option<String>,
    tag: Option<String>,
    status: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn parse_id(errors: &mut FieldErrors, field: &str, raw: Option<&str>) -> Option<i64> {
    let raw = raw.filter(|s| !s.is_empty())?;
    match raw.parse::<i64>() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.add(field, "must be an id");
            None
        }
    }
}

pub async fn list_comments(
    state: web::Data<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    path: web::Path<i64>,
    q: web::Query<CommentQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let viewer = Viewer::of(user.as_ref());
    let mut errors = FieldErrors::new();
    let mut f = CommentFilter::of_draft(path.into_inner());
    if q.paragraph_id.as_deref() == Some("general") {
        f.general = true;
    } else {
        f.paragraph_id = parse_id(&mut errors, "paragraph_id", q.paragraph_id.as_deref());
    }
    f.parent_id = parse_id(&mut errors, "parent_id", q.parent_id.as_deref());
    if let Some(g) = q.stakeholder_group.filter(|g| !g.is_empty()) {
        if Group::parse(&g).is_none() {
            errors.add("stakeholder_group", "is not a stakeholder group");
        }
        f.group = Some(g);
    }
    match crate::drafts::tags::parse_filter(q.tag.as_deref()) {
        Ok(tag) => f.tag = tag,
        Err(AppError::Validation(e)) => errors.0.extend(e.0),
        Err(e) => return Err(e),
    }
    if let Some(k) = q.kind.filter(|k| !k.is_empty()) {
        if !KINDS.contains(&k.as_str()) {
            errors.add("kind", "must be comment or amendment");
        }
        f.kind = Some(k);
    }
    f.status = match q.status.as_deref() {
        None | Some("") => StatusFilter::Visible,
        Some("all") => StatusFilter::All,
        Some(s) if STATUSES.contains(&s) => StatusFilter::Only(s.to_string()),
        Some(_) => {
            errors.add(
                "status",
                "must be pending, published, hidden, rejected, withdrawn or all",
            );
            StatusFilter::Visible
        }
    };
    match parse_limit(q.limit.as_deref()) {
        Ok(l) => f.limit = l + 1,
        Err(_) => errors.add("limit", "must be between 1 and 200"),
    }
    match cursor_decode(q.cursor.as_deref()) {
        Ok(a) => f.after = a,
        Err(_) => errors.add("cursor", "is not a cursor this server issued"),
    }
    errors.into_result()?;
    if f.status != StatusFilter::Visible && f.status != StatusFilter::Only("published".into()) {
        match user.as_ref() {
            None => return Err(AppError::Unauthorized),
            Some(u) if f.status == StatusFilter::All && !u.is_moderator() => {
                return Err(AppError::forbidden(
                    "Only moderators may list comments of every status.",
                ))
            }
            _ => {}
        }
    }
    let limit = f.limit - 1;
    let mut items = comments::list_async(&state, viewer, f).await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|c| cursor_encode(c.id))
    } else {
        None
    };
    Ok(HttpResponse::Ok().json(Page { items, next_cursor }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCommentBody {
    #[serde(default, with = "crate::ids::opt_string")]
    paragraph_id: Option<i64>,
    #[serde(default, with = "crate::ids::opt_string")]
    parent_id: Option<i64>,
    kind: Option<String>,
    body: String,
    proposed_text: Option<String>,
    attribution: Option<String>,
}

pub async fn create_comment(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    req: actix_web::HttpRequest,
    Json(b): Json<NewCommentBody>,
) -> Result<HttpResponse, AppError> {
    state.limiter.check(
        crate::ratelimit::COMMENT_IP,
        &crate::api::accounts::client_ip(&req),
    )?;
    let input = NewComment::parse(
        b.paragraph_id,
        b.parent_id,
        b.kind.as_deref(),
        &b.body,
        b.proposed_text.as_deref(),
        b.attribution.as_deref(),
    )?;
    let c = comments::create(&state, &user, path.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(c))
}
