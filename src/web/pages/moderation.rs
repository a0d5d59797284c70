//! The moderators' pages: the review queue with its decisions, and the audit log; and
//! the participants' "report" form handler.

use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::User;
use crate::accounts::service::{self as accounts, AdminChanges};
use crate::auth::session::{CsrfToken, PageUser};
use crate::comments::model::Viewer;
use crate::comments::service as comments;
use crate::error::AppError;
use crate::i18n::{self, t};
use crate::moderation::service::{self as moderation, NewFlag, QueueItem};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, notice, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::pages::comments::paragraphs;
use crate::web::{ok, redirect, PageError, PageResult};

fn require_moderator(state: &AppState, user: Option<User>) -> Result<User, PageError> {
    let user = user
        .map(|u| crate::auth::staff_mfa_ok(state, &u).map(|_| u))
        .transpose()?;
    match user {
        None => Err(PageError(AppError::Unauthorized)),
        Some(u) if u.is_moderator() => Ok(u),
        Some(_) => Err(PageError(AppError::forbidden(t("error-moderators_only")))),
    }
}

/// "2026-11-19T03:05:17Z" as "2026-11-19 03:05 UTC" (the datetime attribute keeps it all).
fn short_time(at: &str) -> String {
    i18n::moment_of(at)
}

/// A flag's reason as the participant chose it, from the catalogue.
fn flag_reason(reason: &str) -> &'static str {
    match reason {
        "spam" => t("flag-spam"),
        "abusive" => t("flag-abusive"),
        "off_topic" => t("flag-off_topic"),
        _ => t("flag-other"),
    }
}

fn decision_form(ctx: &Ctx, item: &QueueItem) -> Markup {
    let c = &item.comment;
    let rid = format!("reason-{}", c.id);
    html! {
        form class="stack" method="post" action={ "/moderation/comments/" (c.id) } {
            (csrf_field(ctx.csrf))
            div class="field" {
                label for=(rid) { (t("mod-reason")) }
                input id=(rid) type="text" name="reason";
            }
            div class="comment-actions" {
                @if c.status == "pending" || item.why == "flagged" && c.status == "published" {
                    button type="submit" name="action" value="approve" { (t("mod-approve")) }
                }
                @if c.status == "pending" || c.status == "published" || item.why == "flagged" {
                    " " button type="submit" name="action" value="hide" class="button secondary" { (t("mod-hide")) }
                }
                @if c.status == "hidden" {
                    " " button type="submit" name="action" value="restore" { (t("mod-restore")) }
                }
                " " button type="submit" name="action" value="reject" class="button danger" { (t("mod-reject")) }
            }
        }
    }
}

pub async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    q: web::Query<DoneQuery>,
) -> PageResult {
    let m = require_moderator(&state, user)?;
    let viewer = Viewer::of(Some(&m));
    let (items, histories) = state
        .db
        .run(move |conn| {
            let items = moderation::queue(conn, viewer, None, 100)?;
            let mut histories = Vec::with_capacity(items.len());
            for i in &items {
                histories.push(comments::history(conn, i.comment.id)?);
            }
            Ok((items, histories))
        })
        .await?;
    let suspended: Vec<(i64, String, String)> = state
        .db
        .run(|conn| {
            use crate::db::schema::users;
            use diesel::prelude::*;
            Ok(users::table
                .filter(users::suspended.eq(true))
                .filter(users::role.eq("participant"))
                .order(users::id.asc())
                .limit(200)
                .select((users::id, users::display_name, users::stakeholder_group))
                .load(conn)?)
        })
        .await?;
    let ctx = Ctx {
        user: Some(&m),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("mod-title"),
        html! {
            h1 { (t("mod-title")) }
            p { a href="/moderation/log" { (t("mod-log")) } }
            @if q.done.is_some() { (notice(&Notice::Success(t("mod-done")))) }
            h2 { (t("mod-queue")) " (" (items.len()) ")" }
            @if !suspended.is_empty() {
                details class="suspended" {
                    summary { (t("mod-suspended")) " (" (suspended.len()) ")" }
                    ul {
                        @for (id, name, group) in &suspended {
                            li {
                                (name) " " span class={ "badge group-" (group) } { (i18n::group(group)) } " "
                                form class="inline" method="post" action={ "/moderation/users/" (id) "/unsuspend" } {
                                    (csrf_field(ctx.csrf))
                                    button type="submit" class="button secondary" { (t("mod-unsuspend")) " " span class="visually-hidden" { (name) } }
                                }
                            }
                        }
                    }
                }
            }
            @if items.is_empty() { p { (t("mod-queue-empty")) } }
            @for (item, history) in items.iter().zip(&histories) {
                @let c = &item.comment;
                section class="queue-item" aria-labelledby={ "q-" (c.id) } {
                    h3 id={ "q-" (c.id) } {
                        @if item.why == "pending" { (t("mod-why-pending")) } @else { (t("mod-why-flagged")) }
                        " " span class={ "badge status-" (c.status) } { (i18n::status(&c.status)) }
                    }
                    p class="comment-meta" {
                        span class="author" {
                            strong { (c.author.display_name.as_deref().unwrap_or("")) }
                            @if let Some(o) = &c.author.organization { ", " (o) }
                        }
                        span class={ "badge group-" (c.author.stakeholder_group) } { (i18n::group(&c.author.stakeholder_group)) }
                        time datetime=(c.created_at) { (short_time(&c.created_at)) }
                    }
                    @match &item.paragraph {
                        Some(p) => { p class="muted" { (t("mod-on_paragraph")) " " (p.label) ": " (crate::web::pages::drafts::text_without_label(&p.text, &p.label).chars().take(200).collect::<String>()) "…" } }
                        None => { p class="muted" { (t("mod-general")) } }
                    }
                    div class="comment-body" { (paragraphs(c.body.as_deref().unwrap_or_default())) }
                    @if let Some(pt) = &c.proposed_text { blockquote { (paragraphs(pt)) } }
                    @if !item.flags.is_empty() {
                        h4 { (t("mod-flags")) }
                        ul class="flag-list" {
                            @for f in &item.flags { li { strong { (flag_reason(&f.reason)) } @if let Some(n) = &f.note { ": " (n) } " · " time datetime=(f.at) { (short_time(&f.at)) } } }
                        }
                    }
                    @if !history.is_empty() {
                        details {
                            summary { (t("mod-history")) " (" (history.len()) ")" }
                            ol { @for e in history { li { (paragraphs(&e.body)) } } }
                        }
                    }
                    @if !item.author_recent.is_empty() {
                        details {
                            summary { (t("mod-recent")) }
                            ul { @for r in &item.author_recent { li { span class={ "badge status-" (r.status) } { (i18n::status(&r.status)) } " " (r.body.as_deref().unwrap_or("").chars().take(160).collect::<String>()) } } }
                        }
                    }
                    (decision_form(&ctx, item))
                    @if let Some(author) = c.author.id {
                        form class="inline" method="post" action={ "/moderation/users/" (author) "/suspend" } {
                            (csrf_field(ctx.csrf))
                            button type="submit" class="button danger" { (t("mod-suspend")) }
                        }
                    }
                }
            }
        },
    )))
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    reason: Option<String>,
}

pub async fn decide(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<DecisionForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let m = require_moderator(&state, user)?;
    let f = form.into_inner();
    moderation::moderate(&state, &m, path.into_inner(), f.action, f.reason).await?;
    Ok(redirect("/moderation?done=1"))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn suspend(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    set_suspended(state, user, csrf, path, form, true).await
}

pub async fn unsuspend(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    set_suspended(state, user, csrf, path, form, false).await
}

/// Moderators suspend and unsuspend participants (the service refuses staff targets).
async fn set_suspended(
    state: web::Data<AppState>,
    user: Option<User>,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CsrfOnly>,
    suspended: bool,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let m = require_moderator(&state, user)?;
    accounts::admin_update(
        &state,
        &m,
        path.into_inner(),
        AdminChanges {
            suspended: Some(suspended),
            ..Default::default()
        },
    )
    .await?;
    Ok(redirect("/moderation?done=1"))
}

pub async fn log(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let m = require_moderator(&state, user)?;
    let entries = state
        .db
        .run(|conn| Ok(moderation::log(conn, None, 200)?))
        .await?;
    let ctx = Ctx {
        user: Some(&m),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("mod-log"),
        html! {
            p { a href="/moderation" { (crate::web::components::back_arrow()) (t("mod-queue")) } }
            h1 { (t("mod-log")) }
            p { (t("mod-log-lead")) }
            div class="table-scroll" {
                table class="data audit-log" {
                    thead { tr { th scope="col" { (t("mod-when")) } th scope="col" { (t("mod-actor")) } th scope="col" { (t("mod-action")) } th scope="col" { (t("mod-target")) } th scope="col" { (t("mod-reason")) } } }
                    tbody {
                        @for e in &entries {
                            tr {
                                td { time datetime=(e.at) { (short_time(&e.at)) } }
                                td { (e.actor.display_name) }
                                td { (e.action) }
                                td { (e.target_type) " " (e.target_id) }
                                td { (e.reason.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            }
        },
    )))
}

#[derive(Deserialize)]
pub struct FlagForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
    note: Option<String>,
}

/// A participant reports a comment from a thread page.
pub async fn flag(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<FlagForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let id = path.into_inner();
    let Some(user) = user else {
        return Ok(crate::web::pages::accounts::login_redirect("/"));
    };
    let f = NewFlag::parse(&form.reason, form.note.as_deref())?;
    moderation::flag(&state, &user, id, f).await?;
    let c = state.db.run(move |conn| comments::find(conn, id)).await?;
    let target = match c.paragraph_id {
        Some(p) => format!(
            "/drafts/{}/paragraphs/{p}?posted=flagged#c-{id}",
            c.draft_id
        ),
        None => format!("/drafts/{}/general?posted=flagged#c-{id}", c.draft_id),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", target))
        .finish())
}
