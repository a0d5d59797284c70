//! Following a draft from its page, and the one-click unsubscribe page that works
//! without signing in (RFC 8058: a POST to the link turns notifications off).

use actix_web::{web, HttpRequest};
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use crate::auth::session::{CsrfToken, PageUser};
use crate::db::schema::users;
use crate::error::AppError;
use crate::i18n::t;
use crate::notifications::{follows, unsubscribe};
use crate::state::AppState;
use crate::web::components::{notice, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{check_csrf, ok, redirect, PageError, PageResult};

#[derive(Deserialize)]
pub struct FollowForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    follow: String,
}

pub async fn follow(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<FollowForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let draft = path.into_inner();
    let Some(user) = user else {
        return Ok(crate::web::pages::accounts::login_redirect(&format!(
            "/drafts/{draft}"
        )));
    };
    follows::set(&state.db, user.id, draft, form.follow == "on").await?;
    Ok(redirect(&format!("/drafts/{draft}#follow")))
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn user_of(state: &AppState, token: &str) -> Result<i64, PageError> {
    unsubscribe::verify(state.keys.secret(), token).ok_or(PageError(AppError::NotFound))
}

pub async fn unsubscribe_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    q: web::Query<TokenQuery>,
) -> PageResult {
    user_of(&state, &q.token)?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("unsub-title"),
        html! {
            h1 { (t("unsub-title")) }
            p { (t("unsub-lead")) }
            // The token authorises the change: no CSRF token is needed, and mail clients
            // post here directly for one-click unsubscribe.
            form method="post" action={ "/unsubscribe?token=" (q.token) } {
                button type="submit" { (t("unsub-submit")) }
            }
        },
    )))
}

pub async fn unsubscribe(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: CsrfToken,
    q: web::Query<TokenQuery>,
) -> PageResult {
    let id = user_of(&state, &q.token)?;
    state
        .db
        .run(move |conn| {
            diesel::update(users::table.find(id))
                .set(users::notification_mode.eq("off"))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    let ctx = Ctx {
        user: None,
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("unsub-title"),
        html! {
            h1 { (t("unsub-title")) }
            (notice(&Notice::Success(t("unsub-done"))))
            p { a href="/me" { (t("unsub-settings")) } }
        },
    )))
}
