//! /me: the profile and notification settings, and "Download my data".

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use super::login_redirect;
use crate::accounts::model::{User, NOTIFICATION_MODES};
use crate::accounts::service;
use crate::accounts::validate::ProfilePatch;
use crate::auth::session::{CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{self, t};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, select, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{html_response, ok, PageResult};

pub(super) fn me_page(
    ctx: &Ctx,
    user: &User,
    errors: &FieldErrors,
    message: Option<Notice>,
) -> Markup {
    let modes: Vec<(&str, &str)> = NOTIFICATION_MODES
        .iter()
        .map(|m| {
            let label = match *m {
                "immediate" => t("mode-immediate"),
                "daily_digest" => t("mode-daily_digest"),
                _ => t("mode-off"),
            };
            (*m, label)
        })
        .collect();
    let languages: Vec<(&str, &str)> = i18n::Lang::offered()
        .iter()
        .map(|l| (l.code(), l.native_name()))
        .collect();
    page(
        ctx,
        t("me-title"),
        html! {
            h1 { (t("me-title")) }
            @if let Some(m) = &message { (notice(m)) }
            @if !user.email_verified { (notice(&Notice::Info(t("me-unverified")))) }
            (error_summary(errors))
            dl {
                dt { (t("field-email")) } dd { (user.email) }
                dt { (t("field-stakeholder_group")) } dd { span class={ "badge group-" (user.stakeholder_group) } { (i18n::group(&user.stakeholder_group)) } }
                dt { (t("me-role")) } dd { (i18n::role(&user.role)) }
                dt { (t("me-affiliation")) } dd {
                    @if user.affiliation_verified { (t("me-verified_affiliation")) } @else { (t("me-unverified_affiliation")) }
                }
            }
            h2 { (t("me-profile")) }
            form class="stack" method="post" action="/me" {
                (csrf_field(ctx.csrf))
                (Field::new("display_name", t("field-display_name")).value(&user.display_name).required().render(errors))
                (Field::new("organization", t("field-organization")).value(&user.organization).render(errors))
                (Field::new("country", t("field-country")).value(user.country.as_deref().unwrap_or("")).render(errors))
                (select("notification_mode", t("field-notification_mode"), &modes, &user.notification_mode, errors))
                (select("preferred_language", t("field-preferred_language"), &languages, &user.preferred_language, errors))
                button type="submit" { (t("me-save")) }
            }
            h2 { (t("me-password")) }
            form class="stack" method="post" action="/me/password" {
                (csrf_field(ctx.csrf))
                (Field::new("current_password", t("field-current_password")).kind("password").required().autocomplete("current-password").render(errors))
                (Field::new("new_password", t("field-new_password")).kind("password").hint(t("field-password-hint")).required().autocomplete("new-password").render(errors))
                button type="submit" { (t("me-password")) }
            }
            h2 id="mfa" { (t("mfa-section")) }
            @if user.totp_enabled {
                p { (t("mfa-on")) }
                form class="stack" method="post" action="/me/totp/disable" {
                    (csrf_field(ctx.csrf))
                    (Field::new("password", t("field-current_password")).kind("password").required().autocomplete("current-password").prefix("mfa").render(errors))
                    button type="submit" class="button secondary" { (t("mfa-disable")) }
                }
            } @else {
                @if ctx.user.is_some_and(|u| u.is_moderator()) { p { (t("mfa-required")) } }
                p { (t("mfa-off")) }
                form method="post" action="/me/totp/setup" {
                    (csrf_field(ctx.csrf))
                    button type="submit" class="button secondary" { (t("mfa-setup")) }
                }
            }
            h2 { (t("me-my_data")) }
            p { (t("me-my_data_explained")) }
            p { a class="button secondary" href="/me/export" download { (t("me-my_data_download")) } }
            h2 { (t("delete-title")) }
            p { (t("me-delete_explained")) }
            p { a class="button danger" href="/me/delete" { (t("delete-title")) } }
            h2 { (t("me-signout_everywhere")) }
            form method="post" action="/me/logout-everywhere" {
                (csrf_field(ctx.csrf))
                button type="submit" class="button secondary" { (t("me-signout_everywhere")) }
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
    preferred_language: Option<String>,
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
        f.preferred_language.as_deref(),
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
            // The answer is already in the language just chosen, which the cookie keeps.
            let lang = updated.language();
            let markup = i18n::in_lang(lang, || {
                me_page(
                    &ctx,
                    &updated,
                    &FieldErrors::new(),
                    Some(Notice::Success(t("me-saved"))),
                )
            });
            let mut res = ok(markup);
            res.add_cookie(&crate::web::language::cookie(lang, state.config.https()))
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
