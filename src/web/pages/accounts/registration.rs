//! Registering, and confirming the email address from the link in the email.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use super::TokenQuery;
use crate::accounts::model::Group;
use crate::accounts::service;
use crate::accounts::validate::Registration;
use crate::auth::session::{CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{self, t};
use crate::ratelimit::{self, client_ip};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, select, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, PageResult};

#[derive(Deserialize, Default)]
pub struct RegisterForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    stakeholder_group: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    country: String,
}

fn group_options() -> Vec<(&'static str, &'static str)> {
    let mut v = vec![("", "—")];
    v.extend(
        Group::ALL
            .iter()
            .map(|g| (g.as_str(), i18n::group(g.as_str()))),
    );
    v
}

fn register_page(
    ctx: &Ctx,
    f: &RegisterForm,
    errors: &FieldErrors,
    message: Option<Notice>,
) -> Markup {
    page(
        ctx,
        t("register-title"),
        html! {
            h1 { (t("register-title")) }
            p class="lead" { (t("register-lead")) }
            @if let Some(m) = &message { (notice(m)) }
            (error_summary(errors))
            form class="stack" method="post" action="/register" novalidate {
                (csrf_field(ctx.csrf))
                (Field::new("display_name", t("field-display_name")).value(&f.display_name).required().autocomplete("name").render(errors))
                (Field::new("email", t("field-email")).kind("email").value(&f.email).required().autocomplete("email").render(errors))
                (Field::new("password", t("field-password")).kind("password").hint(t("field-password-hint")).required().autocomplete("new-password").render(errors))
                (select("stakeholder_group", t("field-stakeholder_group"), &group_options(), &f.stakeholder_group, errors))
                (Field::new("organization", t("field-organization")).value(&f.organization).autocomplete("organization").render(errors))
                (Field::new("country", t("field-country")).value(&f.country).autocomplete("country").render(errors))
                p { (t("register-privacy")) " " a href="/privacy" { (t("privacy-title")) } }
                button type="submit" { (t("register-submit")) }
            }
            p { (t("register-have_account")) " " a href="/login" { (t("nav-login")) } }
        },
    )
}

pub async fn register_form(
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(register_page(
        &ctx,
        &RegisterForm::default(),
        &FieldErrors::new(),
        None,
    )))
}

pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<RegisterForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    state.limiter.check(
        ratelimit::REGISTER,
        &client_ip(&req, state.config.trusted_proxy),
    )?;
    let result = match Registration::parse(
        &f.email,
        &f.password,
        &f.display_name,
        &f.stakeholder_group,
        Some(&f.organization),
        Some(&f.country),
    ) {
        // The language the form was read in: the account's pages and emails from now on.
        Ok(reg) => {
            let reg = Registration {
                language: crate::i18n::current(),
                ..reg
            };
            service::register(&state, reg).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(ok(page(
            &ctx,
            t("register-title"),
            html! {
                h1 { (t("register-title")) }
                (notice(&Notice::Success(t("register-done"))))
                p { a href="/login" { (t("nav-login")) } }
            },
        ))),
        Err(AppError::Validation(errors)) => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            register_page(&ctx, &f, &errors, None),
        )),
        Err(e @ AppError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("email", e.detail());
            Ok(html_response(
                StatusCode::CONFLICT,
                register_page(&ctx, &f, &errors, None),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The page a confirmation link opens: the token in a hidden field and a button that
/// posts it. A GET changes nothing, so a mail scanner or a link preview that fetches
/// the link does not confirm the address (ASVS 3.5.3).
pub async fn verify_email(
    state: web::Data<AppState>,
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
    let (status, body) = match q.into_inner().token.filter(|t| !t.is_empty()) {
        // Looked up, not used: a link that no longer works says so at once.
        Some(token) if service::verify_token_is_valid(&state, token.clone()).await? => (
            StatusCode::OK,
            html! {
                p { (t("verify-press")) }
                form method="post" action="/verify-email" {
                    (csrf_field(ctx.csrf))
                    input type="hidden" name="token" value=(token);
                    button type="submit" { (t("verify-submit")) }
                }
            },
        ),
        Some(_) => (StatusCode::UNPROCESSABLE_ENTITY, verify_bad()),
        None => (StatusCode::OK, html! { p { (t("verify-lead")) } }),
    };
    Ok(verify_page(&ctx, status, body))
}

#[derive(Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
}

/// The confirmation itself, from the button of the page above.
pub async fn verify_email_confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<VerifyForm>,
) -> PageResult {
    let f = form.into_inner();
    check_csrf(&csrf, &f.csrf)?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    let result = if f.token.is_empty() {
        Err(FieldErrors::single("token", "is missing"))
    } else {
        service::verify_email(&state, f.token).await
    };
    let (status, body) = match result {
        Ok(_) => (
            StatusCode::OK,
            html! {
                (notice(&Notice::Success(t("verify-done"))))
                p { a href="/" { (t("nav-consultations")) } }
            },
        ),
        Err(AppError::Validation(_)) => (StatusCode::UNPROCESSABLE_ENTITY, verify_bad()),
        Err(e) => return Err(e.into()),
    };
    Ok(verify_page(&ctx, status, body))
}

fn verify_bad() -> Markup {
    html! {
        (notice(&Notice::Error(t("verify-bad"))))
        p { (t("verify-bad-next")) " " a href="/login" { (t("nav-login")) } }
    }
}

fn verify_page(ctx: &Ctx, status: StatusCode, body: Markup) -> HttpResponse {
    html_response(
        status,
        page(
            ctx,
            t("verify-title"),
            html! { h1 { (t("verify-title")) } (body) },
        ),
    )
}
