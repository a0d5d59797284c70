//! Paragraph tags on the pages: the secretariat's tag editor for a draft, and the
//! reading page's "Show paragraphs tagged …" filter with links to the dashboard.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::session::{CsrfToken, PageUser};
use crate::drafts::service as drafts;
use crate::drafts::tags::{self, TagsInput};
use crate::drafts::Paragraph;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, tr};
use crate::state::AppState;
use crate::web::components::{csrf_field, notice, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::pages::admin::{check_csrf, require_admin};
use crate::web::{html_response, redirect, PageResult};

/// The reading page's query string.
#[derive(Debug, Default, Deserialize)]
pub struct ReadingQuery {
    pub tag: Option<String>,
}

impl ReadingQuery {
    /// The tag to filter on, and whether an unknown one was asked for (it filters
    /// nothing; the page says so).
    pub fn tag(&self) -> (Option<String>, bool) {
        match tags::parse_filter(self.tag.as_deref()) {
            Ok(tag) => (tag, false),
            Err(_) => (None, true),
        }
    }
}

/// `C5 — Building confidence and security in the use of ICTs`.
pub fn tag_title(tag: &str) -> String {
    match tags::name(tag) {
        Some(name) => format!("{tag} — {name}"),
        None => tag.to_string(),
    }
}

/// The tags used in a draft, Action Lines first, in natural order.
pub fn tags_in_use(paragraphs: &[Paragraph]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for p in paragraphs {
        for tag in p.tag_list() {
            if !all.iter().any(|t| t == tag) {
                all.push(tag.to_string());
            }
        }
    }
    all.sort_by_key(|t| tags::order(t));
    all
}

/// Above the paragraphs of the reading page: the dashboard link, the tag editor link for
/// admins, and the tag filter with what it shows.
pub fn reading_tools(
    draft_id: i64,
    paragraphs: &[Paragraph],
    selected: Option<&str>,
    rejected: bool,
    shown: usize,
    admin: bool,
) -> Markup {
    let in_use = tags_in_use(paragraphs);
    let base = format!("/drafts/{draft_id}");
    html! {
        nav class="draft-tools" aria-label=(t("tags-tools")) {
            ul class="inline-list" {
                li { a href={ (base) "/dashboard" } { (t("dash-link")) } }
                @if admin { li { a href={ "/admin/drafts/" (draft_id) "/tags" } { (t("tags-edit_link")) } } }
            }
        }
        @if rejected { (notice(&Notice::Error(t("tags-filter-unknown")))) }
        @if !in_use.is_empty() {
            form class="tag-filter" method="get" action=(base) role="search" {
                div class="field" {
                    label for="tag-filter" { (t("tags-filter-label")) }
                    select id="tag-filter" name="tag" {
                        option value="" { (t("tags-filter-all")) }
                        @for tag in &in_use {
                            option value=(tag) selected[selected == Some(tag.as_str())] { (tag_title(tag)) }
                        }
                    }
                }
                button type="submit" class="button secondary" { (t("tags-filter-submit")) }
            }
            @if let Some(tag) = selected {
                p class="tag-filter-status" role="status" {
                    (tr("tags-filter-showing", &[("n", shown.into()), ("total", paragraphs.len().into())]))
                    " " span class="tag" { (tag) } " "
                    a href=(base) { (t("tags-filter-clear")) }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct EditorQuery {
    saved: Option<i64>,
}

/// What the editor shows again after a failed save: the paragraph, its text, the errors.
struct Rejected {
    paragraph: i64,
    value: String,
    errors: FieldErrors,
}

async fn editor_page(
    state: &AppState,
    ctx: &Ctx<'_>,
    draft_id: i64,
    saved: Option<i64>,
    rejected: Option<Rejected>,
) -> PageResult {
    let view = drafts::get_view(&state.db, draft_id).await?;
    let status = if rejected.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let saved_label = saved.and_then(|s| view.paragraphs.iter().find(|p| p.id == s));
    let title = format!(
        "{} — {} {}",
        t("tags-title"),
        view.draft.title,
        view.draft.version_label
    );
    let body = html! {
        p { a href={ "/drafts/" (draft_id) } { (crate::web::components::back_arrow()) (view.draft.title) " — " (view.draft.version_label) } }
        h1 { (t("tags-title")) " " small class="muted" { (view.draft.title) " — " (view.draft.version_label) } }
        p class="hint" { (t("tags-hint")) }
        @if let Some(p) = saved_label { (notice(&Notice::Success(&tr("tags-saved", &[("label", p.label.as_str().into())])))) }
        @if rejected.is_some() { (notice(&Notice::Error(t("form-errors")))) }
        details class="tag-reference" {
            summary { (t("tags-reference")) }
            ul {
                @for tag in tags::ACTION_LINES { li { (tag_title(tag)) } }
                @for n in 1..=17 { li { (tag_title(&format!("SDG{n}"))) } }
            }
        }
        ol class="tag-editor" {
            @for p in &view.paragraphs {
                @let mine = rejected.as_ref().filter(|r| r.paragraph == p.id);
                @let id = format!("tags-{}", p.id);
                @let err_id = format!("{id}-error");
                @let msgs = mine.and_then(|r| r.errors.get("tags"));
                li id={ "p-" (p.number) } class="paragraph" {
                    span class="para-number" { (p.label) }
                    p class="para-text" dir="auto" {
                        @let excerpt: String = p.text.chars().take(240).collect();
                        (excerpt) @if p.text.chars().count() > 240 { "…" }
                    }
                    form class="inline" method="post" action={ "/admin/drafts/" (draft_id) "/tags/" (p.id) } {
                        (csrf_field(ctx.csrf))
                        label for=(id) { (tr("tags-field", &[("label", p.label.as_str().into())])) }
                        @if let Some(ms) = msgs { p class="field-error" id=(err_id) { @for m in ms { (crate::i18n::message(m)) " " } } }
                        " "
                        input id=(id) type="text" name="tags" size="30"
                            value=(mine.map_or(p.tags.as_str(), |r| r.value.as_str()))
                            aria-invalid=[msgs.map(|_| "true")] aria-describedby=[msgs.map(|_| err_id.as_str())];
                        " "
                        button type="submit" class="button secondary" { (t("tags-save")) }
                    }
                }
            }
        }
    };
    Ok(html_response(status, page(ctx, &title, body)))
}

pub async fn editor(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    q: web::Query<EditorQuery>,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    editor_page(&state, &ctx, path.into_inner(), q.saved, None).await
}

#[derive(Deserialize)]
pub struct TagsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    tags: String,
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<(i64, i64)>,
    form: crate::web::Form<TagsForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    let (draft_id, paragraph_id) = path.into_inner();
    let f = form.into_inner();
    // The paragraph must belong to the draft in the path.
    let number = state
        .db
        .run(move |conn| Ok(tags::paragraph_of(conn, draft_id, paragraph_id)?.number))
        .await?;
    match TagsInput::parse_text(&f.tags) {
        Ok(input) => {
            tags::update(&state.db, paragraph_id, input).await?;
            Ok(redirect(&format!(
                "/admin/drafts/{draft_id}/tags?saved={paragraph_id}#p-{number}"
            )))
        }
        Err(AppError::Validation(errors)) => {
            let ctx = Ctx {
                user: Some(&admin),
                csrf: &csrf.0,
                path: req.path(),
            };
            let rejected = Rejected {
                paragraph: paragraph_id,
                value: f.tags,
                errors,
            };
            editor_page(&state, &ctx, draft_id, None, Some(rejected)).await
        }
        Err(e) => Err(e.into()),
    }
}
