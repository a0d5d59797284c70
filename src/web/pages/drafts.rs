//! The reading page of a draft, the thread page of each paragraph (and of the general
//! comments), and the form handlers that write, edit and withdraw comments.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::{Group, User};
use crate::auth::session::{CsrfToken, PageUser};
use crate::comments::model::Viewer;
use crate::comments::service::{self as comments, Previews};
use crate::comments::validate::{CommentEdit, NewComment};
use crate::consultations::Status;
use crate::drafts::service::{self as drafts, DraftView};
use crate::drafts::Paragraph;
use crate::error::AppError;
use crate::i18n::{self, t, tr};
use crate::reads;
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{notice, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::pages::comments::{
    amendment_form, language_badge, new_comment_form, paragraphs, thread, CommentFormState,
    ThreadCtx,
};
use crate::web::pages::consultations::{date, status_badge};
use crate::web::{html_response, ok, PageResult};

const PREVIEWS_PER_PARAGRAPH: i64 = 3;
const THREADS_PER_PAGE: i64 = 200;

fn can_write(state: &AppState, user: Option<&User>, view: &DraftView) -> bool {
    user.is_some_and(|u| !u.suspended && (u.email_verified || !state.config.require_verified_email))
        && view.consultation.is_open()
        && !view.draft.read_only
}

/// The consultation's state, said once at the top of draft pages.
fn state_notice(view: &DraftView, user: Option<&User>, state: &AppState, back: &str) -> Markup {
    html! {
        @if view.draft.read_only {
            (notice(&Notice::Info(t("draft-read_only"))))
        } @else {
            @match view.consultation.status() {
                Status::Closed => (notice(&Notice::Info(t("draft-closed")))),
                Status::Upcoming => (notice(&Notice::Info(t("draft-upcoming")))),
                Status::Open => {
                    @if user.is_none() {
                        p { a href={ "/login?next=" (back) } { (t("draft-sign_in_to_comment")) } }
                    } @else if user.is_some_and(|u| !u.email_verified) && state.config.require_verified_email {
                        (notice(&Notice::Info(t("me-unverified"))))
                    }
                }
            }
        }
    }
}

fn group_counts(counts: Option<&std::collections::BTreeMap<String, i64>>) -> Markup {
    html! {
        @if let Some(c) = counts.filter(|c| !c.is_empty()) {
            ul class="counts" aria-label=(t("draft-by_group")) {
                @for g in Group::ALL {
                    @if let Some(n) = c.get(g.as_str()) {
                        li { span class={ "badge group-" (g.as_str()) } { (i18n::group(g.as_str())) ": " (n) } }
                    }
                }
            }
        }
    }
}

/// The text without the label it starts with ("PP5. Acknowledging…" under the number
/// PP5): the number column shows the label once. Other texts are shown whole.
pub fn text_without_label<'a>(text: &'a str, label: &str) -> &'a str {
    let Some(rest) = text.strip_prefix(label) else {
        return text;
    };
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
    if !label.is_empty() && rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        text
    }
}

fn paragraph_block(
    view: &DraftView,
    p: &Paragraph,
    previews: Option<&Vec<crate::comments::view::CommentOut>>,
    group: Option<&str>,
) -> Markup {
    let counts = view.counts.get(&Some(p.id));
    // Filtered by a stakeholder group: that group's count, and no previews.
    let total: i64 = match group {
        Some(g) => counts.and_then(|c| c.get(g)).copied().unwrap_or(0),
        None => counts.map_or(0, |c| c.values().sum()),
    };
    let previews = previews.filter(|_| group.is_none());
    let mut query: Vec<String> = group.map(|g| format!("group={g}")).into_iter().collect();
    query.extend(language_query(view));
    let href = format!(
        "/drafts/{}/paragraphs/{}{}{}",
        view.draft.id,
        p.id,
        if query.is_empty() { "" } else { "?" },
        query.join("&")
    );
    html! {
        article class="paragraph" id={ "p-" (p.number) } {
            span class="para-number" { a href=(href) aria-label={ (t("para-title")) " " (p.label) } { (p.label) } }
            (para_text(view, p))
            @if !p.tags.is_empty() {
                p class="para-tags" { @for tag in p.tag_list() { span class="tag" { (tag) } " " } }
            }
            (group_counts(counts))
            (crate::web::pages::revisions::earlier_input(view.ancestors.get(&p.id).map(Vec::as_slice).unwrap_or_default()))
            details class="thread" {
                summary {
                    @if total == 0 { (t("draft-no_comments")) } @else { (tr("draft-comments-count", &[("n", total.into())])) }
                }
                @if let Some(list) = previews {
                    ol class="comments" {
                        @for c in list {
                            li class="comment" {
                                article {
                                    header class="comment-meta" {
                                        @if let Some(n) = &c.author.display_name { strong { (n) } " " }
                                        span class={ "badge group-" (c.author.stakeholder_group) } { (i18n::group(&c.author.stakeholder_group)) }
                                        (language_badge(&c.language, &view.text_language, view.languages.len() > 1))
                                    }
                                    div class="comment-body" lang=(c.language) {
                                        @let body = c.body.as_deref().unwrap_or_default();
                                        @if body.chars().count() > 280 {
                                            p { (body.chars().take(280).collect::<String>()) "…" }
                                        } @else {
                                            (paragraphs(body))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p { a href=(href) { @if total == 0 { (t("draft-comment_here")) } @else { (t("draft-read_thread")) } } }
            }
        }
    }
}

/// `language=fr` for the links of a page that shows one of several language versions.
fn language_query(view: &DraftView) -> Option<String> {
    (view.languages.len() > 1).then(|| format!("language={}", view.text_language))
}

/// A paragraph's text in the language of the page, and beside it the same paragraph in
/// a second language when the reader asked for both.
fn para_text(view: &DraftView, p: &Paragraph) -> Markup {
    let own = html! {
        div class="para-text" lang=(view.text_language) { (paragraphs(text_without_label(&p.text, &p.label))) }
    };
    match &view.beside {
        Some((lang, texts)) => html! {
            div class="side-by-side" {
                (own)
                div class="para-text beside" lang=(lang) {
                    (paragraphs(text_without_label(texts.get(&p.id).map_or("", String::as_str), &p.label)))
                }
            }
        },
        None => own,
    }
}

fn native_name(code: &str) -> &'static str {
    crate::drafts::translations::language(code).map_or("", |l| l.native_name())
}

/// The language versions of a draft: a link to each, a form to read two side by side,
/// and a note when the reader's language has no version.
fn versions_nav(view: &DraftView, base: &str) -> Markup {
    html! {
        @if let Some(asked) = &view.missing {
            (notice(&Notice::Info(&tr("draft-fallback", &[("asked", native_name(asked).into()), ("original", native_name(&view.draft.language).into())]))))
        }
        @if view.languages.len() > 1 {
            nav class="language-versions" aria-label=(t("draft-versions")) {
                p {
                    (t("draft-read_in")) " "
                    @for (i, code) in view.languages.iter().enumerate() {
                        @if i > 0 { " · " }
                        @let name = native_name(code);
                        @if *code == view.text_language {
                            strong lang=(code) aria-current="page" { (name) }
                        } @else {
                            a href={ (base) "?language=" (code) } lang=(code) hreflang=(code) { (name) }
                        }
                        @if *code == view.draft.language { " " span class="muted" { "(" (t("draft-original")) ")" } }
                    }
                }
                form class="tag-filter" method="get" action=(base) {
                    input type="hidden" name="language" value=(view.text_language);
                    div class="field" {
                        label for="beside" { (t("draft-side_by_side")) }
                        select id="beside" name="beside" {
                            @for code in view.languages.iter().filter(|c| **c != view.text_language) {
                                option value=(code) lang=(code) selected[view.beside.as_ref().is_some_and(|(b, _)| b == code)] { (native_name(code)) }
                            }
                        }
                    }
                    button type="submit" class="button secondary" { (t("filter-apply")) }
                }
            }
        }
    }
}

fn follow_form(csrf: &str, draft: i64, following: bool) -> Markup {
    html! {
        section id="follow" class="notice" aria-label=(t("follow-title")) {
            p { @if following { (t("follow-following")) } @else { (t("follow-not_following")) } }
            form class="inline" method="post" action={ "/drafts/" (draft) "/follow" } {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="follow" value=(if following { "off" } else { "on" });
                button type="submit" class="button secondary" { @if following { (t("follow-off")) } @else { (t("follow-on")) } }
            }
        }
    }
}

/// The reading page's `?group=`, `?language=` and `?beside=`.
#[derive(Deserialize)]
pub struct GroupQuery {
    group: Option<String>,
    #[serde(flatten)]
    version: VersionQuery,
}

impl GroupQuery {
    /// The stakeholder group to filter on; anything else filters nothing.
    fn group(&self) -> Option<String> {
        self.group.clone().filter(|g| Group::parse(g).is_some())
    }
}

/// "Show input from: [group]" — a GET form, so it works without JavaScript.
fn group_filter(action: &str, current: Option<&str>, language: Option<&str>) -> Markup {
    html! {
        form class="inline group-filter" method="get" action=(action) {
            @if let Some(l) = language { input type="hidden" name="language" value=(l); }
            label for="group-filter" { (t("filter-group")) " " }
            select id="group-filter" name="group" {
                option value="" { (t("filter-all_groups")) }
                @for g in Group::ALL {
                    option value=(g.as_str()) selected[current == Some(g.as_str())] { (i18n::group(g.as_str())) }
                }
            }
            " " button type="submit" class="button secondary" { (t("filter-apply")) }
        }
    }
}

/// The reading page's filters, from its query string.
struct Filters {
    tag: Option<String>,
    unknown_tag: bool,
    group: Option<String>,
}

/// `?language=fr&beside=en`: the language version to read, and one to read beside it.
#[derive(Deserialize)]
pub struct VersionQuery {
    language: Option<String>,
    beside: Option<String>,
}

impl VersionQuery {
    /// The language asked for (one of the six; else the page's), and the one beside it.
    fn languages(&self) -> (String, Option<String>) {
        let valid = |l: &Option<String>| {
            l.as_deref()
                .and_then(crate::drafts::translations::language)
                .map(|l| l.code().to_string())
        };
        let language = valid(&self.language).unwrap_or_else(|| i18n::current().code().into());
        (language, valid(&self.beside))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    q: web::Query<crate::web::pages::tags::ReadingQuery>,
    gq: web::Query<GroupQuery>,
) -> PageResult {
    let id = path.into_inner();
    let (language, beside) = gq.version.languages();
    let (tag, unknown_tag) = q.tag();
    let filters = Filters {
        tag,
        unknown_tag,
        group: gq.group(),
    };
    let viewer = Viewer::of(user.as_ref());
    let Some(user) = user else {
        // Signed out: the same page for everyone, kept while nothing on it changes.
        let key = reads::Key::ReadingPage {
            draft: id,
            lang: i18n::current(),
            tag: filters.tag.clone(),
            unknown_tag: filters.unknown_tag,
            group: filters.group.clone(),
            language: language.clone(),
            beside: beside.clone(),
        };
        let reads = state.reads.clone();
        let load = move |conn: &mut crate::db::Conn| {
            let view =
                drafts::view(conn, id)?.in_language(conn, Some(&language), beside.as_deref())?;
            let rows = reads.preview_rows(conn, id, |conn| {
                comments::preview_rows(conn, id, PREVIEWS_PER_PARAGRAPH)
            })?;
            Ok((view, comments::previews_for(&rows, viewer)))
        };
        let render = |(view, previews): (DraftView, Previews)| {
            let now = chrono::Utc::now().naive_utc();
            // No token in a page that every signed-out reader gets: it has no form
            // that posts.
            let ctx = Ctx {
                user: None,
                csrf: "",
                path: req.path(),
            };
            let markup = reading_page(&ctx, &state, &view, &previews, None, &filters);
            Ok(reads::Rendered {
                content_type: "text/html; charset=utf-8",
                body: markup.into_string().into(),
                fresh_until: [view.consultation.opens_at, view.consultation.closes_at]
                    .into_iter()
                    .filter(|t| *t > now)
                    .min(),
            })
        };
        let scope = reads::Scope::ConsultationOf(id);
        return Ok(reads::serve(&state.db, &state.reads, &req, key, scope, load, render).await?);
    };
    let reads = state.reads.clone();
    let (view, previews, following) = state
        .db
        .run(move |conn| {
            let view =
                drafts::view(conn, id)?.in_language(conn, Some(&language), beside.as_deref())?;
            let rows = reads.preview_rows(conn, id, |conn| {
                comments::preview_rows(conn, id, PREVIEWS_PER_PARAGRAPH)
            })?;
            let previews = comments::previews_for(&rows, viewer);
            let following = crate::notifications::follows::is_following(conn, user.id, id)?;
            Ok((view, previews, following))
        })
        .await?;
    let ctx = Ctx {
        user: Some(&user),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(reading_page(
        &ctx,
        &state,
        &view,
        &previews,
        Some(following),
        &filters,
    )))
}

fn reading_page(
    ctx: &Ctx,
    state: &AppState,
    view: &DraftView,
    previews: &Previews,
    following: Option<bool>,
    filters: &Filters,
) -> Markup {
    let user = ctx.user;
    let (tag, group) = (filters.tag.as_deref(), filters.group.as_deref());
    let title = format!("{} — {}", view.draft.title, view.draft.version_label);
    // Group paragraphs into their sections, keeping document order.
    let mut sections: Vec<(Option<&str>, Vec<&Paragraph>)> = Vec::new();
    let tagged = |p: &&Paragraph| tag.is_none_or(|t| crate::drafts::tags::carries(p, t));
    for p in view.paragraphs.iter().filter(tagged) {
        match sections.last_mut() {
            Some((s, list)) if *s == p.section.as_deref() => list.push(p),
            _ => sections.push((p.section.as_deref(), vec![p])),
        }
    }
    let general_total: i64 = view.counts.get(&None).map_or(0, |c| c.values().sum());
    page(
        ctx,
        &title,
        html! {
            p class="muted" { a href={ "/consultations/" (view.consultation.id) } { (view.consultation.title) } }
            h1 { span lang=(view.text_language) { (view.draft.title) } " " small class="muted" { (view.draft.version_label) } }
            p { (status_badge(&view.consultation)) " " span class="muted" { (date(view.consultation.opens_at)) " – " (date(view.consultation.closes_at)) } }
            (state_notice(view, user, state, ctx.path))
            (crate::web::pages::revisions::draft_header(view.draft.id, view.draft.previous_draft_id, &view.versions))
            (versions_nav(view, &format!("/drafts/{}", view.draft.id)))
            (group_filter(&format!("/drafts/{}", view.draft.id), group, (view.languages.len() > 1).then_some(view.text_language.as_str())))
            @if user.is_some_and(|u| u.is_admin()) && !view.draft.read_only {
                p { a href={ "/admin/drafts/" (view.draft.id) "/revise" } { (t("rev-revise")) } " · " a href={ "/admin/drafts/" (view.draft.id) "/translations" } { (t("trans-title")) } }
            }
            @if let Some(f) = following {
                (follow_form(ctx.csrf, view.draft.id, f))
            }
            (crate::web::pages::tags::reading_tools(view.draft.id, &view.paragraphs, tag, filters.unknown_tag, sections.iter().map(|(_, l)| l.len()).sum(), user.is_some_and(|u| u.is_admin())))
            @if sections.len() > 1 {
                nav aria-labelledby="contents" {
                    h2 id="contents" { (t("draft-contents")) }
                    ol {
                        @for (s, list) in &sections {
                            @if let (Some(s), Some(first)) = (s, list.first()) {
                                li { a href={ "#p-" (first.number) } { (s) } }
                            }
                        }
                    }
                }
            }
            @for (s, list) in &sections {
                section class="draft-section" {
                    @if let Some(s) = s { h2 lang=(view.text_language) { (s) } }
                    @for p in list { (paragraph_block(view, p, previews.get(&Some(p.id)), group)) }
                }
            }
            section class="general-comments" aria-labelledby="general" {
                h2 id="general" { (t("draft-general")) }
                (group_counts(view.counts.get(&None)))
                p { a href={ "/drafts/" (view.draft.id) "/general" } { (t("draft-general-link")) " (" (general_total) ")" } }
            }
            (crate::web::pages::export::download_section(view.draft.id, user.is_some_and(|u| u.is_moderator()), &view.languages, &view.text_language))
        },
    )
}

#[derive(Deserialize)]
pub struct ThreadQuery {
    after: Option<i64>,
    posted: Option<String>,
    group: Option<String>,
    language: Option<String>,
}

/// The thread page of one paragraph, or of the general comments (`paragraph_id` None).
// The page is shown from three handlers with different form states; a struct for the
// arguments would only rename them.
#[allow(clippy::too_many_arguments)]
async fn thread_page(
    state: &AppState,
    req: &HttpRequest,
    user: Option<&User>,
    csrf: &str,
    draft_id: i64,
    paragraph_id: Option<i64>,
    q: &ThreadQuery,
    form: CommentFormState,
    status: StatusCode,
) -> PageResult {
    let viewer = Viewer::of(user);
    let after = q.after;
    let group = q.group.clone().filter(|g| Group::parse(g).is_some());
    let group_for_form = group.clone();
    let (language, _) = VersionQuery {
        language: q.language.clone(),
        beside: None,
    }
    .languages();
    let (view, threads) = state
        .db
        .run(move |conn| {
            let view = drafts::view(conn, draft_id)?.in_language(conn, Some(&language), None)?;
            if let Some(p) = paragraph_id {
                if !view.paragraphs.iter().any(|x| x.id == p) {
                    return Err(AppError::NotFound);
                }
            }
            let mut threads =
                comments::threads(conn, viewer, draft_id, paragraph_id, THREADS_PER_PAGE * 5)?;
            if let Some(g) = &group {
                // Threads opened by that group, with every reply kept for context.
                threads.retain(|t| &t.comment.author.stakeholder_group == g);
            }
            if let Some(a) = after {
                threads.retain(|t| t.comment.id > a);
            }
            Ok((view, threads))
        })
        .await?;
    let paragraph = paragraph_id.and_then(|p| view.paragraphs.iter().find(|x| x.id == p));
    let tctx = ThreadCtx {
        csrf,
        draft_id,
        can_write: can_write(state, user, &view),
        signed_in: user.is_some(),
        moderator: user.is_some_and(|u| u.is_moderator()),
        language: &view.text_language,
        multilingual: view.languages.len() > 1,
    };
    let more = threads.len() as i64 > THREADS_PER_PAGE;
    let shown = &threads[..threads.len().min(THREADS_PER_PAGE as usize)];
    let title = match paragraph {
        Some(p) => format!(
            "¶ {} — {} {}",
            p.label, view.draft.title, view.draft.version_label
        ),
        None => format!(
            "{} — {} {}",
            t("draft-general"),
            view.draft.title,
            view.draft.version_label
        ),
    };
    let ctx = Ctx {
        user,
        csrf,
        path: req.path(),
    };
    let posted = match q.posted.as_deref() {
        Some("published") => Some(Notice::Success(t("comment-posted"))),
        Some("pending") => Some(Notice::Success(t("comment-posted_pending"))),
        Some("flagged") => Some(Notice::Success(t("flag-done"))),
        _ => None,
    };
    let back = format!(
        "/drafts/{}{}{}",
        draft_id,
        language_query(&view)
            .map(|q| format!("?{q}"))
            .unwrap_or_default(),
        paragraph
            .map(|p| format!("#p-{}", p.number))
            .unwrap_or_default()
    );
    let body = html! {
        p { a href=(back) { (crate::web::components::back_arrow()) (t("para-back")) } }
        @match paragraph {
            Some(p) => {
                h1 { (t("para-title")) " " (p.label) " " small class="muted" lang=(view.text_language) { (view.draft.title) " — " (view.draft.version_label) } }
                @if let Some(s) = &p.section { p class="muted" lang=(view.text_language) { (s) } }
                (versions_nav(&view, req.path()))
                article class="paragraph" id={ "p-" (p.number) } {
                    span class="para-number" { (p.label) }
                    (para_text(&view, p))
                    @if !p.tags.is_empty() { p class="para-tags" { @for tag in p.tag_list() { span class="tag" { (tag) } " " } } }
                    (group_counts(view.counts.get(&Some(p.id))))
                }
                (crate::web::pages::revisions::lineage_section(view.original_text(p), view.ancestors.get(&p.id).map(Vec::as_slice).unwrap_or_default()))
            }
            None => {
                h1 { (t("draft-general")) " " small class="muted" { (view.draft.title) " — " (view.draft.version_label) } }
                (group_counts(view.counts.get(&None)))
            }
        }
        @if let Some(n) = &posted { (notice(n)) }
        @if !form.errors.is_empty() { (notice(&Notice::Error(t("form-errors")))) }
        (state_notice(&view, user, state, req.path()))
        section id="comments" aria-labelledby="thread-title" {
            h2 id="thread-title" { (t("para-thread")) }
            (group_filter(req.path(), group_for_form.as_deref(), language_query(&view).map(|_| view.text_language.as_str())))
            @if shown.is_empty() { p { (t("draft-no_comments")) } }
            ol class="comments" {
                @for th in shown { (thread(&tctx, th)) }
            }
            @if more {
                @if let Some(last) = shown.last() {
                    p { a href={ "?after=" (last.comment.id) "#comments" } { (t("para-more")) } }
                }
            }
        }
        @if tctx.can_write {
            (new_comment_form(&tctx, paragraph_id, &form))
            @if let Some(p) = paragraph { (amendment_form(&tctx, p.id, &p.text, &form)) }
        }
    };
    Ok(html_response(status, page(&ctx, &title, body)))
}

pub async fn paragraph(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<(i64, i64)>,
    q: web::Query<ThreadQuery>,
) -> PageResult {
    let (draft, para) = path.into_inner();
    thread_page(
        &state,
        &req,
        user.as_ref(),
        &csrf.0,
        draft,
        Some(para),
        &q,
        CommentFormState::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn general(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    q: web::Query<ThreadQuery>,
) -> PageResult {
    thread_page(
        &state,
        &req,
        user.as_ref(),
        &csrf.0,
        path.into_inner(),
        None,
        &q,
        CommentFormState::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    csrf: String,
    paragraph_id: Option<String>,
    parent_id: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    body: String,
    proposed_text: Option<String>,
    attribution: Option<String>,
    language: Option<String>,
}

fn form_id(raw: Option<&str>, field: &str) -> Result<Option<i64>, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| crate::error::FieldErrors::single(field, "must be an id")),
    }
}

pub async fn post_comment(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CommentForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let draft_id = path.into_inner();
    let Some(user) = user else {
        return Ok(crate::web::pages::accounts::login_redirect(&format!(
            "/drafts/{draft_id}"
        )));
    };
    let paragraph_id = form_id(f.paragraph_id.as_deref(), "paragraph_id")?;
    let parent_id = form_id(f.parent_id.as_deref(), "parent_id")?;
    let input = NewComment::parse(
        paragraph_id,
        parent_id,
        f.kind.as_deref(),
        &f.body,
        f.proposed_text
            .as_deref()
            .filter(|_| f.kind.as_deref() == Some("amendment")),
        f.attribution.as_deref(),
    )
    .and_then(|i| i.in_language(f.language.as_deref()));
    let result = match input {
        Ok(input) => {
            // Per address here, as in the API; per account in the service.
            let ip = crate::ratelimit::client_ip(&req, state.config.trusted_proxy);
            match state.limiter.check(crate::ratelimit::COMMENT_IP, &ip) {
                Ok(()) => comments::create(&state, &user, draft_id, input).await,
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(c) => {
            let target = match c.paragraph_id {
                Some(p) => format!(
                    "/drafts/{draft_id}/paragraphs/{p}?posted={}#c-{}",
                    c.status, c.id
                ),
                None => format!("/drafts/{draft_id}/general?posted={}#c-{}", c.status, c.id),
            };
            Ok(HttpResponse::SeeOther()
                .insert_header(("Location", target))
                .finish())
        }
        Err(AppError::Validation(errors)) => {
            // Show the page again with the text kept and the errors beside the fields.
            let state_form = CommentFormState {
                kind: f.kind.unwrap_or_else(|| "comment".into()),
                body: f.body,
                proposed_text: f.proposed_text.unwrap_or_default(),
                attribution: f.attribution.unwrap_or_default(),
                language: f.language.clone().unwrap_or_default(),
                errors,
            };
            let q = ThreadQuery {
                after: None,
                posted: None,
                group: None,
                language: f
                    .language
                    .filter(|l| crate::drafts::translations::language(l).is_some()),
            };
            let para = if parent_id.is_some() {
                // A reply's paragraph is its parent's.
                let pid = parent_id.unwrap_or_default();
                state
                    .db
                    .run(move |conn| {
                        Ok(comments::find(conn, pid).ok().and_then(|c| c.paragraph_id))
                    })
                    .await?
            } else {
                paragraph_id
            };
            thread_page(
                &state,
                &req,
                Some(&user),
                &csrf.0,
                draft_id,
                para,
                &q,
                state_form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(default)]
    csrf: String,
    body: Option<String>,
    proposed_text: Option<String>,
}

async fn back_to_comment(state: &AppState, id: i64) -> Result<String, AppError> {
    let c = state.db.run(move |conn| comments::find(conn, id)).await?;
    Ok(match c.paragraph_id {
        Some(p) => format!("/drafts/{}/paragraphs/{p}#c-{id}", c.draft_id),
        None => format!("/drafts/{}/general#c-{id}", c.draft_id),
    })
}

pub async fn edit_comment(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<EditForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let id = path.into_inner();
    let Some(user) = user else {
        return Ok(crate::web::pages::accounts::login_redirect("/"));
    };
    let edit = CommentEdit::parse(f.body.as_deref(), f.proposed_text.as_deref())?;
    comments::edit(&state, &user, id, edit).await?;
    let target = back_to_comment(&state, id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", target))
        .finish())
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

impl CsrfForm {
    pub fn csrf(&self) -> &str {
        &self.csrf
    }
}

pub async fn withdraw_comment(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CsrfForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let id = path.into_inner();
    let Some(user) = user else {
        return Ok(crate::web::pages::accounts::login_redirect("/"));
    };
    comments::withdraw(&state, &user, id).await?;
    let target = back_to_comment(&state, id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", target))
        .finish())
}
