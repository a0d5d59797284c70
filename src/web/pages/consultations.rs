//! The list of consultations (the home page) and one consultation with its drafts.

use actix_web::{web, HttpRequest};
use maud::{html, Markup};

use crate::auth::session::{CsrfToken, PageUser};
use crate::consultations::service;
use crate::consultations::{Consultation, Status};
use crate::i18n::{self, t};
use crate::state::AppState;
use crate::web::layout::{page, Ctx};
use crate::web::{ok, PageResult};

pub fn status_badge(c: &Consultation) -> Markup {
    let (key, class) = match c.status() {
        Status::Upcoming => ("status-upcoming", "status-pending"),
        Status::Open => ("status-open", "status-published"),
        Status::Closed => ("status-closed", "status-withdrawn"),
    };
    html! { span class={ "badge " (class) } { (t(key)) } }
}

/// A moment as the reader's language writes it, in UTC.
pub fn date(t: chrono::NaiveDateTime) -> String {
    i18n::date_time(t)
}

pub async fn index(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let list = service::list(&state.db, None, 200).await?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("nav-consultations"),
        html! {
            h1 { (t("nav-consultations")) }
            p class="lead" { (t("site-tagline")) }
            @if list.is_empty() { p { (t("consultations-none")) } }
            @for c in list.iter().rev() {
                section class="card" {
                    h2 { a href={ "/consultations/" (c.id) } { (c.title) } }
                    p { (status_badge(c)) " " span class="muted" { (date(c.opens_at)) " – " (date(c.closes_at)) } }
                    @if !c.summary.is_empty() { p { (c.summary) } }
                }
            }
        },
    )))
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let (c, drafts) = service::get(&state.db, path.into_inner()).await?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        &c.title,
        html! {
            h1 { (c.title) }
            p { (status_badge(&c)) " " span class="muted" { (t("consultation-window")) ": " (date(c.opens_at)) " – " (date(c.closes_at)) } }
            @if c.pre_moderated() { p class="muted" { (t("consultation-premoderated")) } }
            @if !c.summary.is_empty() { div class="comment-body" dir="auto" { (c.summary) } }
            h2 { (t("consultation-drafts")) }
            @if drafts.is_empty() { p { (t("consultation-no_drafts")) } }
            ul {
                @for d in drafts.iter().rev() {
                    li {
                        a href={ "/drafts/" (d.id) } { (d.title) " — " (d.version_label) }
                        @if d.read_only { " " span class="badge status-withdrawn" { (t("status-closed")) } }
                    }
                }
            }
        },
    )))
}
