//! Resetting a forgotten password from an emailed link, and changing it on /me.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use maud::{html, Markup};
use serde::Deserialize;

use super::profile::me_page;
use super::{login_redirect, TokenQuery};
use crate::accounts::service;
use crate::auth::session::{login_cookie, CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::t;
use crate::ratelimit::{self, client_ip};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, PageResult};

fn reset_request_page(ctx: &Ctx, message: Option<Notice>, errors: &FieldErrors) -> Markup {
    page(
        ctx,
        t("reset-title"),
        html! {
            h1 { (t("reset-title")) }
            @if let Some(m) = &message { (notice(m)) }
            p { (t("reset-lead")) }
            (error_summary(errors))
            form class="stack" method="post" action="/password-reset" {
                (csrf_field(ctx.csrf))
                (Field::new("email", t("field-email")).kind("email").required().autocomplete("email").render(errors))
                button type="submit" { (t("reset-submit")) }
            }
        },
    )
}

fn reset_choose_page(
    ctx: &Ctx,
    token: &str,
    errors: &FieldErrors,
    message: Option<Notice>,
) -> Markup {
    page(
        ctx,
        t("reset-choose"),
        html! {
            h1 { (t("reset-choose")) }
            @if let Some(m) = &message { (notice(m)) }
            (error_summary(errors))
            form class="stack" method="post" action="/password-reset/confirm" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="token" value=(token);
                (Field::new("password", t("field-new_password")).kind("password").hint(t("field-password-hint")).required().autocomplete("new-password").render(errors))
                button type="submit" { (t("reset-confirm")) }
            }
        },
    )
}

pub async fn reset_form(
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    q: web::Query<TokenQuery>,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    // The link only shows a form: nothing is consumed by a mail scanner fetching it.
    Ok(ok(match q.into_inner().token.filter(|t| !t.is_empty()) {
        Some(token) => reset_choose_page(&ctx, &token, &FieldErrors::new(), None),
        None => reset_request_page(&ctx, None, &FieldErrors::new()),
    }))
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

pub async fn reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: CsrfToken,
    form: crate::web::Form<ResetForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let ctx = Ctx {
        user: None,
        csrf: &csrf.0,
        path: req.path(),
    };
    state.limiter.check(
        ratelimit::PASSWORD_RESET,
        &client_ip(&req, state.config.trusted_proxy),
    )?;
    if let Some(m) = crate::accounts::validate::check_email(&form.email) {
        let mut errors = FieldErrors::new();
        errors.add("email", m);
        return Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_request_page(&ctx, None, &errors),
        ));
    }
    service::request_password_reset(&state, form.email.clone()).await?;
    Ok(html_response(
        StatusCode::ACCEPTED,
        reset_request_page(
            &ctx,
            Some(Notice::Success(t("reset-sent"))),
            &FieldErrors::new(),
        ),
    ))
}

#[derive(Deserialize)]
pub struct ResetConfirmForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

pub async fn reset_confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: CsrfToken,
    form: crate::web::Form<ResetConfirmForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let ctx = Ctx {
        user: None,
        csrf: &csrf.0,
        path: req.path(),
    };
    match service::confirm_password_reset(&state, f.token.clone(), f.password).await {
        Ok(_) => Ok(ok(page(
            &ctx,
            t("reset-title"),
            html! {
                h1 { (t("reset-title")) }
                (notice(&Notice::Success(t("reset-done"))))
                p { a href="/login" { (t("nav-login")) } }
            },
        ))),
        Err(AppError::Validation(errors)) if errors.get("token").is_some() => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_request_page(
                &ctx,
                Some(Notice::Error(t("reset-bad"))),
                &FieldErrors::new(),
            ),
        )),
        Err(AppError::Validation(errors)) => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_choose_page(&ctx, &f.token, &errors, None),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<PasswordForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me"));
    };
    let f = form.into_inner();
    match service::change_password(&state, &user, f.current_password, f.new_password).await {
        Ok(li) => {
            let ctx = Ctx {
                user: Some(&li.user),
                csrf: &csrf.0,
                path: req.path(),
            };
            let mut res = ok(me_page(
                &ctx,
                &li.user,
                &FieldErrors::new(),
                Some(Notice::Success(t("me-password-done"))),
            ));
            res.add_cookie(&login_cookie(&li.token, state.config.https()))
                .ok();
            Ok(res)
        }
        Err(AppError::Validation(errors)) => {
            let ctx = Ctx {
                user: Some(&user),
                csrf: &csrf.0,
                path: req.path(),
            };
            Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                me_page(&ctx, &user, &errors, None),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
