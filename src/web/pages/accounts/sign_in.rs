//! Signing in (with the second step when two-factor authentication is on), signing out,
//! and signing out everywhere.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use super::{form_status, CsrfOnly};
use crate::accounts::service;
use crate::auth::session::{login_cookie, logout_cookie, CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::t;
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, notice, Field, Notice};
use crate::web::language;
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, PageResult};

#[derive(Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Only local paths are followed after signing in (no open redirect).
fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/me"
    }
}

fn login_page(ctx: &Ctx, email: &str, next: &str, message: Option<Notice>) -> Markup {
    let none = FieldErrors::new();
    page(
        ctx,
        t("login-title"),
        html! {
            h1 { (t("login-title")) }
            @if let Some(m) = &message { (notice(m)) }
            form class="stack" method="post" action="/login" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="next" value=(next);
                (Field::new("email", t("field-email")).kind("email").value(email).required().autocomplete("username").render(&none))
                (Field::new("password", t("field-password")).kind("password").required().autocomplete("current-password").render(&none))
                button type="submit" { (t("login-submit")) }
            }
            p { a href="/password-reset" { (t("login-forgot")) } }
            p { (t("login-no_account")) " " a href="/register" { (t("nav-register")) } }
        },
    )
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_form(
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    q: web::Query<NextQuery>,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(login_page(
        &ctx,
        "",
        q.next.as_deref().unwrap_or(""),
        None,
    )))
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: CsrfToken,
    form: crate::web::Form<LoginForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let ctx = Ctx {
        user: None,
        csrf: &csrf.0,
        path: req.path(),
    };
    match service::login(&state, f.email.clone(), f.password, None).await {
        Ok(li) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", safe_next(&f.next)))
            .cookie(login_cookie(&li.token, state.config.https()))
            // The account's language follows it to this browser.
            .cookie(language::cookie(li.user.language(), state.config.https()))
            .finish()),
        // The password was right and the account has a second factor: ask for a code,
        // carrying a five-minute token instead of the password.
        Err(AppError::MfaRequired) => {
            let user = service::user_by_email(&state, f.email.clone())
                .await?
                .ok_or(AppError::Unauthorized)?;
            let token = state
                .keys
                .issue_mfa(user.id, user.token_version)
                .map_err(AppError::Internal)?;
            Ok(html_response(
                StatusCode::UNAUTHORIZED,
                mfa_page(&ctx, &token, &f.next, None),
            ))
        }
        Err(
            e @ (AppError::Unauthorized | AppError::Forbidden(_) | AppError::RateLimited { .. }),
        ) => {
            let msg = match &e {
                AppError::Unauthorized => t("login-failed"),
                AppError::Forbidden(_) => t("login-suspended"),
                _ => t("error-rate_limited"),
            };
            let mut res = html_response(
                form_status(&e),
                login_page(&ctx, &f.email, &f.next, Some(Notice::Error(msg))),
            );
            if let AppError::RateLimited { retry_after_secs } = e {
                if let Ok(v) = retry_after_secs.to_string().parse() {
                    res.headers_mut()
                        .insert(actix_web::http::header::RETRY_AFTER, v);
                }
            }
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

fn mfa_page(ctx: &Ctx, token: &str, next: &str, message: Option<Notice>) -> Markup {
    let none = FieldErrors::new();
    page(
        ctx,
        t("mfa-title"),
        html! {
            h1 { (t("mfa-title")) }
            @if let Some(m) = &message { (notice(m)) }
            p { (t("mfa-lead")) }
            form class="stack" method="post" action="/login/mfa" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="mfa_token" value=(token);
                input type="hidden" name="next" value=(next);
                (Field::new("code", t("mfa-code")).required().autocomplete("one-time-code").render(&none))
                button type="submit" { (t("login-submit")) }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct MfaForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    mfa_token: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn login_mfa(
    state: web::Data<AppState>,
    req: HttpRequest,
    csrf: CsrfToken,
    form: crate::web::Form<MfaForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let ctx = Ctx {
        user: None,
        csrf: &csrf.0,
        path: req.path(),
    };
    match service::login_second_step(&state, &f.mfa_token, &f.code).await {
        Ok(li) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", safe_next(&f.next)))
            .cookie(login_cookie(&li.token, state.config.https()))
            // The account's language follows it to this browser.
            .cookie(language::cookie(li.user.language(), state.config.https()))
            .finish()),
        Err(AppError::MfaRequired) => Ok(html_response(
            StatusCode::UNAUTHORIZED,
            mfa_page(
                &ctx,
                &f.mfa_token,
                &f.next,
                Some(Notice::Error(t("mfa-wrong"))),
            ),
        )),
        Err(AppError::Unauthorized) => Ok(html_response(
            StatusCode::UNAUTHORIZED,
            login_page(&ctx, "", &f.next, Some(Notice::Error(t("mfa-expired")))),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn logout_form(
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("logout-title"),
        html! {
            h1 { (t("logout-title")) }
            @if user.is_some() {
                p { (t("logout-lead")) }
                form method="post" action="/logout" { (csrf_field(ctx.csrf)) button type="submit" { (t("nav-logout")) } }
            } @else {
                (notice(&Notice::Info(t("logout-done"))))
            }
        },
    )))
}

pub async fn logout(
    state: web::Data<AppState>,
    csrf: CsrfToken,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/logout"))
        .cookie(logout_cookie(state.config.https()))
        .finish())
}

pub async fn logout_everywhere(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    if let Some(u) = user {
        service::sign_out_everywhere(&state, u.id).await?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/logout"))
        .cookie(logout_cookie(state.config.https()))
        .finish())
}
