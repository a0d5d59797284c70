//! Account pages: register, sign in and out, confirm the email address, reset the
//! password, and /me (profile, notifications, password, sign out everywhere).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::{Group, User, NOTIFICATION_MODES};
use crate::accounts::service;
use crate::accounts::validate::{ProfilePatch, Registration};
use crate::auth::session::{login_cookie, logout_cookie, CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{self, t};
use crate::ratelimit::{self, client_ip};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, select, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, redirect, PageResult};

/// The status to answer a form with: 422 for field errors, else the error's own.
fn form_status(e: &AppError) -> StatusCode {
    use actix_web::ResponseError;
    e.status_code()
}

// ---------------------------------------------------------------------------------
// Register

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
        t("register.title"),
        html! {
            h1 { (t("register.title")) }
            p class="lead" { (t("register.lead")) }
            @if let Some(m) = &message { (notice(m)) }
            (error_summary(errors))
            form class="stack" method="post" action="/register" novalidate {
                (csrf_field(ctx.csrf))
                (Field::new("display_name", t("field.display_name")).value(&f.display_name).required().autocomplete("name").render(errors))
                (Field::new("email", t("field.email")).kind("email").value(&f.email).required().autocomplete("email").render(errors))
                (Field::new("password", t("field.password")).kind("password").hint(t("field.password.hint")).required().autocomplete("new-password").render(errors))
                (select("stakeholder_group", t("field.stakeholder_group"), &group_options(), &f.stakeholder_group, errors))
                (Field::new("organization", t("field.organization")).value(&f.organization).autocomplete("organization").render(errors))
                (Field::new("country", t("field.country")).value(&f.country).autocomplete("country").render(errors))
                p { (t("register.privacy")) " " a href="/privacy" { (t("privacy.title")) } }
                button type="submit" { (t("register.submit")) }
            }
            p { (t("register.have_account")) " " a href="/login" { (t("nav.login")) } }
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
        Ok(reg) => service::register(&state, reg).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(ok(page(
            &ctx,
            t("register.title"),
            html! {
                h1 { (t("register.title")) }
                (notice(&Notice::Success(t("register.done"))))
                p { a href="/login" { (t("nav.login")) } }
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

// ---------------------------------------------------------------------------------
// Sign in and out

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
        t("login.title"),
        html! {
            h1 { (t("login.title")) }
            @if let Some(m) = &message { (notice(m)) }
            form class="stack" method="post" action="/login" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="next" value=(next);
                (Field::new("email", t("field.email")).kind("email").value(email).required().autocomplete("username").render(&none))
                (Field::new("password", t("field.password")).kind("password").required().autocomplete("current-password").render(&none))
                button type="submit" { (t("login.submit")) }
            }
            p { a href="/password-reset" { (t("login.forgot")) } }
            p { (t("login.no_account")) " " a href="/register" { (t("nav.register")) } }
        },
    )
}

/// "Download my data": the same file as `GET /api/v1/me/export`, for the signed-in page
/// visitor.
pub async fn export_my_data(
    req: HttpRequest,
    state: web::Data<AppState>,
    PageUser(user): PageUser,
) -> PageResult {
    let Some(user) = user else {
        return Ok(login_redirect(req.path()));
    };
    let id = user.id;
    let data = state
        .db
        .run(move |conn| crate::accounts::personal_data::export(conn, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            "Content-Disposition",
            crate::accounts::personal_data::attachment(id),
        ))
        .json(data))
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
                AppError::Unauthorized => t("login.failed"),
                AppError::Forbidden(_) => t("login.suspended"),
                _ => t("error.rate_limited"),
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
        t("mfa.title"),
        html! {
            h1 { (t("mfa.title")) }
            @if let Some(m) = &message { (notice(m)) }
            p { (t("mfa.lead")) }
            form class="stack" method="post" action="/login/mfa" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="mfa_token" value=(token);
                input type="hidden" name="next" value=(next);
                (Field::new("code", t("mfa.code")).required().autocomplete("one-time-code").render(&none))
                button type="submit" { (t("login.submit")) }
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
            .finish()),
        Err(AppError::MfaRequired) => Ok(html_response(
            StatusCode::UNAUTHORIZED,
            mfa_page(
                &ctx,
                &f.mfa_token,
                &f.next,
                Some(Notice::Error(t("mfa.wrong"))),
            ),
        )),
        Err(AppError::Unauthorized) => Ok(html_response(
            StatusCode::UNAUTHORIZED,
            login_page(&ctx, "", &f.next, Some(Notice::Error(t("mfa.expired")))),
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
        t("logout.title"),
        html! {
            h1 { (t("logout.title")) }
            @if user.is_some() {
                p { (t("logout.lead")) }
                form method="post" action="/logout" { (csrf_field(ctx.csrf)) button type="submit" { (t("nav.logout")) } }
            } @else {
                (notice(&Notice::Info(t("logout.done"))))
            }
        },
    )))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
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

// ---------------------------------------------------------------------------------
// Email verification and password reset

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
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
                p { (t("verify.press")) }
                form method="post" action="/verify-email" {
                    (csrf_field(ctx.csrf))
                    input type="hidden" name="token" value=(token);
                    button type="submit" { (t("verify.submit")) }
                }
            },
        ),
        Some(_) => (StatusCode::UNPROCESSABLE_ENTITY, verify_bad()),
        None => (StatusCode::OK, html! { p { (t("verify.lead")) } }),
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
                (notice(&Notice::Success(t("verify.done"))))
                p { a href="/" { (t("nav.consultations")) } }
            },
        ),
        Err(AppError::Validation(_)) => (StatusCode::UNPROCESSABLE_ENTITY, verify_bad()),
        Err(e) => return Err(e.into()),
    };
    Ok(verify_page(&ctx, status, body))
}

fn verify_bad() -> Markup {
    html! {
        (notice(&Notice::Error(t("verify.bad"))))
        p { (t("verify.bad.next")) " " a href="/login" { (t("nav.login")) } }
    }
}

fn verify_page(ctx: &Ctx, status: StatusCode, body: Markup) -> HttpResponse {
    html_response(
        status,
        page(
            ctx,
            t("verify.title"),
            html! { h1 { (t("verify.title")) } (body) },
        ),
    )
}

fn reset_request_page(ctx: &Ctx, message: Option<Notice>, errors: &FieldErrors) -> Markup {
    page(
        ctx,
        t("reset.title"),
        html! {
            h1 { (t("reset.title")) }
            @if let Some(m) = &message { (notice(m)) }
            p { (t("reset.lead")) }
            (error_summary(errors))
            form class="stack" method="post" action="/password-reset" {
                (csrf_field(ctx.csrf))
                (Field::new("email", t("field.email")).kind("email").required().autocomplete("email").render(errors))
                button type="submit" { (t("reset.submit")) }
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
        t("reset.choose"),
        html! {
            h1 { (t("reset.choose")) }
            @if let Some(m) = &message { (notice(m)) }
            (error_summary(errors))
            form class="stack" method="post" action="/password-reset/confirm" {
                (csrf_field(ctx.csrf))
                input type="hidden" name="token" value=(token);
                (Field::new("password", t("field.new_password")).kind("password").hint(t("field.password.hint")).required().autocomplete("new-password").render(errors))
                button type="submit" { (t("reset.confirm")) }
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
            Some(Notice::Success(t("reset.sent"))),
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
            t("reset.title"),
            html! {
                h1 { (t("reset.title")) }
                (notice(&Notice::Success(t("reset.done"))))
                p { a href="/login" { (t("nav.login")) } }
            },
        ))),
        Err(AppError::Validation(errors)) if errors.get("token").is_some() => Ok(html_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_request_page(
                &ctx,
                Some(Notice::Error(t("reset.bad"))),
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

// ---------------------------------------------------------------------------------
// My account

/// Where a signed-out visitor of a members' page is sent.
pub fn login_redirect(path: &str) -> HttpResponse {
    redirect(&format!("/login?next={path}"))
}

fn me_page(ctx: &Ctx, user: &User, errors: &FieldErrors, message: Option<Notice>) -> Markup {
    let modes: Vec<(&str, &str)> = NOTIFICATION_MODES
        .iter()
        .map(|m| {
            let label = match *m {
                "immediate" => t("mode.immediate"),
                "daily_digest" => t("mode.daily_digest"),
                _ => t("mode.off"),
            };
            (*m, label)
        })
        .collect();
    page(
        ctx,
        t("me.title"),
        html! {
            h1 { (t("me.title")) }
            @if let Some(m) = &message { (notice(m)) }
            @if !user.email_verified { (notice(&Notice::Info(t("me.unverified")))) }
            (error_summary(errors))
            dl {
                dt { (t("field.email")) } dd { (user.email) }
                dt { (t("field.stakeholder_group")) } dd { span class={ "badge group-" (user.stakeholder_group) } { (i18n::group(&user.stakeholder_group)) } }
                dt { (t("me.role")) } dd { (i18n::role(&user.role)) }
                dt { (t("me.affiliation")) } dd {
                    @if user.affiliation_verified { (t("me.verified_affiliation")) } @else { (t("me.unverified_affiliation")) }
                }
            }
            h2 { (t("me.profile")) }
            form class="stack" method="post" action="/me" {
                (csrf_field(ctx.csrf))
                (Field::new("display_name", t("field.display_name")).value(&user.display_name).required().render(errors))
                (Field::new("organization", t("field.organization")).value(&user.organization).render(errors))
                (Field::new("country", t("field.country")).value(user.country.as_deref().unwrap_or("")).render(errors))
                (select("notification_mode", t("field.notification_mode"), &modes, &user.notification_mode, errors))
                button type="submit" { (t("me.save")) }
            }
            h2 { (t("me.password")) }
            form class="stack" method="post" action="/me/password" {
                (csrf_field(ctx.csrf))
                (Field::new("current_password", t("field.current_password")).kind("password").required().autocomplete("current-password").render(errors))
                (Field::new("new_password", t("field.new_password")).kind("password").hint(t("field.password.hint")).required().autocomplete("new-password").render(errors))
                button type="submit" { (t("me.password")) }
            }
            h2 id="mfa" { (t("mfa.section")) }
            @if user.totp_enabled {
                p { (t("mfa.on")) }
                form class="stack" method="post" action="/me/totp/disable" {
                    (csrf_field(ctx.csrf))
                    (Field::new("password", t("field.current_password")).kind("password").required().autocomplete("current-password").prefix("mfa").render(errors))
                    button type="submit" class="button secondary" { (t("mfa.disable")) }
                }
            } @else {
                @if ctx.user.is_some_and(|u| u.is_moderator()) { p { (t("mfa.required")) } }
                p { (t("mfa.off")) }
                form method="post" action="/me/totp/setup" {
                    (csrf_field(ctx.csrf))
                    button type="submit" class="button secondary" { (t("mfa.setup")) }
                }
            }
            h2 { (t("me.my_data")) }
            p { (t("me.my_data_explained")) }
            p { a class="button secondary" href="/me/export" download { (t("me.my_data_download")) } }
            h2 { (t("delete.title")) }
            p { (t("me.delete_explained")) }
            p { a class="button danger" href="/me/delete" { (t("delete.title")) } }
            h2 { (t("me.signout_everywhere")) }
            form method="post" action="/me/logout-everywhere" {
                (csrf_field(ctx.csrf))
                button type="submit" class="button secondary" { (t("me.signout_everywhere")) }
            }
        },
    )
}

pub async fn me(req: HttpRequest, PageUser(user): PageUser, csrf: CsrfToken) -> PageResult {
    let Some(user) = user else {
        return Ok(login_redirect(req.path()));
    };
    let ctx = Ctx {
        user: Some(&user),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(me_page(&ctx, &user, &FieldErrors::new(), None)))
}

#[derive(Deserialize)]
pub struct MeForm {
    #[serde(default)]
    csrf: String,
    display_name: Option<String>,
    organization: Option<String>,
    country: Option<String>,
    notification_mode: Option<String>,
}

pub async fn update_me(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<MeForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me"));
    };
    let f = form.into_inner();
    let result = match ProfilePatch::parse(
        f.display_name.as_deref(),
        f.organization.as_deref(),
        f.country.as_deref().map(Some),
        f.notification_mode.as_deref(),
    ) {
        Ok(p) => service::update_profile(&state, user.id, p).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(updated) => {
            let ctx = Ctx {
                user: Some(&updated),
                csrf: &csrf.0,
                path: req.path(),
            };
            Ok(ok(me_page(
                &ctx,
                &updated,
                &FieldErrors::new(),
                Some(Notice::Success(t("me.saved"))),
            )))
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
                Some(Notice::Success(t("me.password.done"))),
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

// ---------------------------------------------------------------------------------
// Two-factor authentication

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
        t("mfa.setup"),
        html! {
            h1 { (t("mfa.setup")) }
            p { (t("mfa.scan")) }
            img src=(crate::auth::mfa::qr_data_uri(url)) alt=(t("mfa.scan")) width="200" height="200";
            p { (t("mfa.key")) ": " code { (secret) } }
            (error_summary(errors))
            form class="stack" method="post" action="/me/totp/enable" {
                (csrf_field(ctx.csrf))
                (Field::new("code", t("mfa.code")).required().autocomplete("one-time-code").render(errors))
                button type="submit" { (t("mfa.enable")) }
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
            t("mfa.codes"),
            html! {
                h1 { (t("mfa.codes")) }
                (notice(&Notice::Success(t("mfa.on"))))
                p { (t("mfa.codes.lead")) }
                ul class="recovery-codes" { @for c in &codes { li { code { (c) } } } }
                p { a href="/me" { (t("me.title")) } }
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
