//! Turning two-factor authentication on (secret, then a code) and off.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use maud::{html, Markup};
use serde::Deserialize;

use super::profile::me_page;
use super::{login_redirect, CsrfOnly};
use crate::accounts::service;
use crate::auth::session::{CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::t;
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, redirect, PageResult};

pub async fn mfa_setup(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me"));
    };
    let (secret, url) = service::mfa_setup(&state, &user).await?;
    let ctx = Ctx {
        user: Some(&user),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(mfa_setup_page(&ctx, &secret, &url, &FieldErrors::new())))
}

fn mfa_setup_page(ctx: &Ctx, secret: &str, url: &str, errors: &FieldErrors) -> Markup {
    page(
        ctx,
        t("mfa-setup"),
        html! {
            h1 { (t("mfa-setup")) }
            p { (t("mfa-scan")) }
            img src=(crate::auth::mfa::qr_data_uri(url)) alt=(t("mfa-scan")) width="200" height="200";
            p { (t("mfa-key")) ": " code { (secret) } }
            (error_summary(errors))
            form class="stack" method="post" action="/me/totp/enable" {
                (csrf_field(ctx.csrf))
                (Field::new("code", t("mfa-code")).required().autocomplete("one-time-code").render(errors))
                button type="submit" { (t("mfa-enable")) }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

pub async fn mfa_enable(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<CodeForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me"));
    };
    let ctx = Ctx {
        user: Some(&user),
        csrf: &csrf.0,
        path: req.path(),
    };
    match service::mfa_enable(&state, &user, &form.code).await {
        Ok(codes) => Ok(ok(page(
            &ctx,
            t("mfa-codes"),
            html! {
                h1 { (t("mfa-codes")) }
                (notice(&Notice::Success(t("mfa-on"))))
                p { (t("mfa-codes-lead")) }
                ul class="recovery-codes" { @for c in &codes { li { code { (c) } } } }
                p { a href="/me" { (t("me-title")) } }
            },
        ))),
        Err(AppError::Validation(errors)) => {
            let secret = user.totp_secret.clone().unwrap_or_default();
            let url = crate::auth::mfa::otpauth_url(&secret, &user.email);
            Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                mfa_setup_page(&ctx, &secret, &url, &errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
}

pub async fn mfa_disable(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<DisableForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me"));
    };
    let f = form.into_inner();
    match service::mfa_disable(&state, &user, f.password).await {
        Ok(()) => Ok(redirect("/me#mfa")),
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
