//! Personal data pages (issue 18): the privacy notice, "Delete my account" on /me, and
//! an admin's deletion of an account on its holder's request.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::User;
use crate::accounts::service;
use crate::auth::session::{logout_cookie, CsrfToken, PageUser};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, tr};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, notice, Field, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::pages::accounts::login_redirect;
use crate::web::pages::admin::require_admin;
use crate::web::{html_response, ok, redirect, PageResult};

/// `/privacy`: what Plenary keeps, why, for how long, and who sees it.
pub async fn notice_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    let days = state.config.retention_days;
    let sections: [(&str, &[&str]); 6] = [
        (
            "privacy-what",
            &[
                "privacy-what-account",
                "privacy-what-comments",
                "privacy-what-emails",
                "privacy-what-security",
            ],
        ),
        ("privacy-why", &["privacy-why-text"]),
        (
            "privacy-how_long",
            &[
                "privacy-how_long-account",
                "privacy-how_long-retention",
                "privacy-how_long-log",
            ],
        ),
        (
            "privacy-who",
            &[
                "privacy-who-public",
                "privacy-who-staff",
                "privacy-who-never",
            ],
        ),
        (
            "privacy-rights",
            &[
                "privacy-rights-download",
                "privacy-rights-delete",
                "privacy-rights-correct",
            ],
        ),
        ("privacy-cookies", &["privacy-cookies-text"]),
    ];
    Ok(ok(page(
        &ctx,
        t("privacy-title"),
        html! {
            h1 { (t("privacy-title")) }
            p class="lead" { (t("privacy-lead")) }
            @for (heading, paragraphs) in sections {
                h2 { (t(heading)) }
                @for key in paragraphs {
                    p { (tr(key, &[("days", days.into())])) }
                }
            }
            p { a href="/me" { (t("me-title")) } }
        },
    )))
}

fn delete_page(ctx: &Ctx, user: &User, errors: &FieldErrors) -> Markup {
    page(
        ctx,
        t("delete-title"),
        html! {
            h1 { (t("delete-title")) }
            (error_summary(errors))
            p { (t("delete-erased")) }
            p { (t("delete-kept")) }
            p { (t("delete-first_download")) " " a href="/me/export" download { (t("me-my_data_download")) } }
            form class="stack" method="post" action="/me/delete" {
                (csrf_field(ctx.csrf))
                (Field::new("password", t("field-current_password")).kind("password").required().autocomplete("current-password").render(errors))
                @if user.totp_enabled {
                    (Field::new("code", t("mfa-code")).hint(t("delete-code_hint")).required().autocomplete("one-time-code").render(errors))
                }
                button type="submit" class="button danger" { (t("delete-submit")) }
            }
            p { a href="/me" { (t("delete-cancel")) } }
        },
    )
}

pub async fn delete_form(
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let Some(user) = user else {
        return Ok(login_redirect(req.path()));
    };
    let ctx = Ctx {
        user: Some(&user),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(delete_page(&ctx, &user, &FieldErrors::new())))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
    code: Option<String>,
}

pub async fn delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<DeleteForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let Some(user) = user else {
        return Ok(login_redirect("/me/delete"));
    };
    let f = form.into_inner();
    match service::delete_own_account(&state, &user, f.password, f.code).await {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", "/me/deleted"))
            .cookie(logout_cookie(state.config.https()))
            .finish()),
        Err(AppError::Validation(errors)) => {
            let ctx = Ctx {
                user: Some(&user),
                csrf: &csrf.0,
                path: req.path(),
            };
            Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                delete_page(&ctx, &user, &errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Where a deleted account's browser lands, signed out.
pub async fn deleted(req: HttpRequest, PageUser(user): PageUser, csrf: CsrfToken) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("delete-done_title"),
        html! {
            h1 { (t("delete-done_title")) }
            (notice(&Notice::Success(t("delete-done"))))
            p { a href="/" { (t("nav-consultations")) } }
        },
    )))
}

/// An admin's confirmation before deleting someone's account.
pub async fn admin_delete_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let target = service::get_user(&state, path.into_inner()).await?;
    if target.deleted_at.is_some() {
        return Err(AppError::NotFound.into());
    }
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("delete-admin_title"),
        html! {
            p { a href="/admin/users" { (crate::web::components::back_arrow()) (t("admin-users")) } }
            h1 { (t("delete-admin_title")) }
            dl {
                dt { (t("field-display_name")) } dd { (target.display_name) }
                dt { (t("field-email")) } dd { (target.email) }
            }
            p { (t("delete-admin_lead")) }
            p { (t("delete-erased")) }
            p { (t("delete-kept")) }
            form method="post" action={ "/admin/users/" (target.id) "/delete" } {
                (csrf_field(ctx.csrf))
                button type="submit" class="button danger" { (t("delete-admin_submit")) }
            }
        },
    )))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn admin_delete(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<CsrfOnly>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    service::admin_delete_account(&state, &admin, path.into_inner()).await?;
    Ok(redirect("/admin/users?saved=1"))
}
