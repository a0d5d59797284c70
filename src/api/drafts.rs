//! `/api/v1/drafts/*`: a draft with its paragraphs and counts, statistics, and the
//! draft's comments (list and create).

use std::collections::BTreeMap;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::accounts::model::Group;
use crate::api::dto::Page;
use crate::api::json::Json;
use crate::api::openapi::{
    self, BadRequest, Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, RateLimited,
    Unauthorized,
};
use crate::api::{cursor_decode, parse_limit};
use crate::auth::{ApiUser, MaybeApiUser};
use crate::comments::model::{Viewer, KINDS, STATUSES};
use crate::comments::service::{self as comments, CommentFilter, StatusFilter};
use crate::comments::validate::NewComment;
use crate::comments::view::CommentOut;
use crate::drafts::service::{self as drafts, DraftView};
use crate::error::{AppError, FieldErrors};
use crate::reads;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct ParagraphDto {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub number: i32,
    /// As printed in the draft, e.g. `PP3` or `12`.
    pub label: String,
    pub section: Option<String>,
    pub text: String,
    /// WSIS Action Lines `C1`…`C11` and `SDG1`…`SDG17`.
    pub tags: Vec<String>,
    /// Published comments on the paragraph.
    pub comment_count: i64,
    /// The same by stakeholder group.
    pub counts_by_group: BTreeMap<String, i64>,
}

/// A draft with its paragraphs and published comment counts.
#[derive(Serialize, ToSchema)]
pub struct DraftDto {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub consultation_id: i64,
    pub title: String,
    pub version_label: String,
    /// The version this one revises.
    #[serde(with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    pub previous_draft_id: Option<i64>,
    /// Superseded by a revision: no new comments.
    pub read_only: bool,
    pub general_comment_count: i64,
    /// The language the draft is written in.
    #[schema(schema_with = crate::vocabulary::language)]
    pub original_language: String,
    /// The language of `title` and the paragraphs' `section` and `text`: the one asked
    /// for with `?language=` if the draft has that version, else `original_language`.
    #[schema(schema_with = crate::vocabulary::language)]
    pub language: String,
    /// Every language the draft can be read in, its own first.
    pub languages: Vec<String>,
    pub paragraphs: Vec<ParagraphDto>,
    /// After an import from a Word file: what it held that a draft cannot (tables,
    /// images, comments, tracked changes). Absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub import_warnings: Vec<String>,
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
            original_language: v.draft.language.clone(),
            language: v.text_language.clone(),
            languages: v.languages.clone(),
            import_warnings: Vec::new(),
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

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DraftQuery {
    /// The language version to read (`ar`, `zh`, `en`, `fr`, `ru`, `es`); the original
    /// when absent or when the draft has no version in that language.
    #[param(schema_with = language_filter)]
    language: Option<String>,
}

fn language_filter() -> utoipa::openapi::schema::Object {
    openapi::or_empty(crate::vocabulary::language())
}

/// A language filter or choice: one of the six codes, or absent/empty.
fn parse_language(errors: &mut FieldErrors, raw: Option<String>) -> Option<String> {
    let code = raw.filter(|l| !l.is_empty())?;
    crate::drafts::translations::check_language(errors, "language", &code)?;
    Some(code)
}

/// A draft with its paragraphs and counts (published comments only).
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}",
    operation_id = "get_draft",
    tag = "drafts",
    params(("id" = crate::ids::Id, Path, description = "The draft"), DraftQuery),
    responses(
        (status = 200, description = "The draft, with an `ETag`", body = DraftDto),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<i64>,
    q: web::Query<DraftQuery>,
) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::new();
    let language = parse_language(&mut errors, q.into_inner().language);
    errors.into_result()?;
    // The same for every reader: kept and served again while nothing in it changed.
    let id = path.into_inner();
    let key = reads::Key::Draft {
        draft: id,
        language: language.clone(),
    };
    reads::serve(
        &state.db,
        &state.reads,
        &req,
        key,
        reads::Scope::Draft(id),
        move |conn| Ok(drafts::view(conn, id)?.in_language(conn, language.as_deref(), None)?),
        |view| reads::Rendered::json(&DraftDto::new(&view)),
    )
    .await
}

/// Published comments of a draft, counted by group, kind, country, paragraph, tag,
/// region and day.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/stats",
    operation_id = "draft_stats",
    tag = "drafts",
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    responses(
        (status = 200, description = "The statistics", body = StatsOut),
        (status = 404, response = NotFound),
    )
)]
pub async fn stats(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let base = drafts::stats(&state.db, id).await?;
    let dashboard = crate::dashboard::service::load(&state.db, id).await?;
    Ok(HttpResponse::Ok().json(StatsOut {
        base,
        more: crate::dashboard::service::StatsExtension::of(&dashboard),
    }))
}

/// The statistics with the dashboard's `by_tag`, `by_region` and `by_day` beside them.
#[derive(Serialize, ToSchema)]
pub struct StatsOut {
    #[serde(flatten)]
    base: drafts::Stats,
    #[serde(flatten)]
    more: crate::dashboard::service::StatsExtension,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CommentQuery {
    /// A paragraph's id, or `general` for comments on the draft as a whole.
    #[param(pattern = "^(general|[+-]?[0-9]+)?$")]
    paragraph_id: Option<String>,
    /// Replies to this comment (an id).
    #[param(pattern = "^([+-]?[0-9]+)?$")]
    parent_id: Option<String>,
    #[param(schema_with = stakeholder_group_filter)]
    stakeholder_group: Option<String>,
    #[param(schema_with = comment_kind_filter)]
    kind: Option<String>,
    /// Comments on paragraphs with this tag, e.g. `C5` or `SDG9`.
    tag: Option<String>,
    /// Comments written in this language, on whichever language version.
    #[param(schema_with = language_filter)]
    language: Option<String>,
    /// Other than `published`: moderators, and authors for their own (`all`: moderators).
    #[param(schema_with = comment_status_filter)]
    status: Option<String>,
    #[param(schema_with = crate::api::openapi::limit)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

// Filters: an empty value is the same as an absent one.

/// A status, or `all`.
fn comment_status_filter() -> utoipa::openapi::schema::Object {
    openapi::or_empty(openapi::with(openapi::comment_status(), "all"))
}

fn stakeholder_group_filter() -> utoipa::openapi::schema::Object {
    openapi::or_empty(openapi::stakeholder_group())
}

fn comment_kind_filter() -> utoipa::openapi::schema::Object {
    openapi::or_empty(openapi::comment_kind())
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

/// The comments of a draft the caller may see, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{id}/comments",
    operation_id = "list_comments",
    tag = "comments",
    security((), ("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft"), CommentQuery),
    responses(
        (status = 200, description = "A page of comments (signed out: with an `ETag`)", body = Page<CommentOut>),
        (status = 304, description = "Signed out: unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    )
)]
pub async fn list_comments(
    state: web::Data<AppState>,
    req: HttpRequest,
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
    f.language = parse_language(&mut errors, q.language);
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
    if user.is_some() {
        let items = comments::list_async(&state, viewer, f).await?;
        return Ok(HttpResponse::Ok().json(Page::from_overfetch(items, limit, |c| c.id)));
    }
    // Signed out: the same page for everyone, kept while its comments do not change.
    let draft = f.draft_id;
    let scope = match (f.paragraph_id, f.general, &f.tag) {
        (Some(p), _, None) => reads::Scope::Paragraph { draft, key: p },
        (None, true, None) => reads::Scope::Paragraph { draft, key: 0 },
        _ => reads::Scope::Draft(draft),
    };
    let key = reads::Key::Comments {
        draft,
        query: req.query_string().to_string(),
    };
    reads::serve(
        &state.db,
        &state.reads,
        &req,
        key,
        scope,
        move |conn| {
            drafts::find(conn, draft)?;
            comments::list(conn, viewer, &f)
        },
        |items| reads::Rendered::json(&Page::from_overfetch(items, limit, |c| c.id)),
    )
    .await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "The draft should say how the review will be funded.", "attribution": "organization"}))]
pub struct NewCommentBody {
    /// The paragraph; absent for a comment on the draft as a whole.
    #[serde(default, with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    paragraph_id: Option<i64>,
    /// The comment this one replies to.
    #[serde(default, with = "crate::ids::opt_string")]
    #[schema(value_type = Option<crate::ids::Id>)]
    parent_id: Option<i64>,
    /// `comment` if absent; an `amendment` needs `proposed_text`.
    #[schema(schema_with = crate::api::openapi::opt_comment_kind)]
    kind: Option<String>,
    /// At most 10 000 characters.
    body: String,
    proposed_text: Option<String>,
    /// What others see of the author: `name` if absent.
    #[schema(schema_with = crate::api::openapi::opt_attribution)]
    attribution: Option<String>,
    /// The language the comment is written in: the draft's own if absent.
    #[schema(schema_with = crate::vocabulary::opt_language)]
    language: Option<String>,
}

/// Comments on a draft: published at once, or `pending` under pre-moderation.
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{id}/comments",
    operation_id = "create_comment",
    tag = "comments",
    security(("bearer" = [])),
    params(("id" = crate::ids::Id, Path, description = "The draft")),
    request_body = NewCommentBody,
    responses(
        (status = 201, description = "The new comment", body = CommentOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 422, response = Invalid),
        (status = 429, response = RateLimited),
    )
)]
pub async fn create_comment(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<i64>,
    req: HttpRequest,
    Json(b): Json<NewCommentBody>,
) -> Result<HttpResponse, AppError> {
    let input = NewComment::parse(
        b.paragraph_id,
        b.parent_id,
        b.kind.as_deref(),
        &b.body,
        b.proposed_text.as_deref(),
        b.attribution.as_deref(),
    )?
    .in_language(b.language.as_deref())?;
    // Per address: the HTTP side of the limit; per account: the service's.
    let ip = crate::ratelimit::client_ip(&req, state.config.trusted_proxy);
    state.limiter.check(crate::ratelimit::COMMENT_IP, &ip)?;
    let c = comments::create(&state, &user, path.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(c))
}
