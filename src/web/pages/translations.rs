//! The secretariat's page for the language versions of a draft: the versions it has,
//! and a form to add one (`/admin/drafts/{id}/translations`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use maud::html;
use serde::Deserialize;

use crate::auth::session::{CsrfToken, PageUser};
use crate::drafts::service as drafts;
use crate::drafts::translations::{self, TranslationInput};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Lang};
use crate::state::AppState;
use crate::web::check_csrf;
use crate::web::components::{csrf_field, error_summary, select, Field};
use crate::web::layout::{page, Ctx};
use crate::web::pages::admin::require_admin;
use crate::web::{html_response, redirect, PageResult};

#[derive(Deserialize, Default)]
pub struct TranslationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    /// What the Word file chosen could not carry, shown above its converted text.
    #[serde(skip)]
    warnings: Vec<String>,
}

async fn translations_page(
    state: &AppState,
    ctx: &Ctx<'_>,
    id: i64,
    form: &TranslationForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> PageResult {
    let (draft, versions) = state
        .db
        .run(move |conn| Ok((drafts::find(conn, id)?, translations::of_draft(conn, id)?)))
        .await?;
    // The languages a version can still be added in.
    let free: Vec<(&str, &str)> = Lang::ALL
        .iter()
        .filter(|l| l.code() != draft.language && !versions.iter().any(|v| v.language == l.code()))
        .map(|l| (l.code(), l.native_name()))
        .collect();
    let name = |code: &str| translations::language(code).map_or("", |l| l.native_name());
    let title = format!("{} — {}", t("trans-title"), draft.title);
    Ok(html_response(
        status,
        page(
            ctx,
            &title,
            html! {
                p { a href={ "/drafts/" (draft.id) } { (crate::web::components::back_arrow()) (draft.title) " — " (draft.version_label) } }
                h1 { (t("trans-title")) }
                p { (t("trans-original")) " " strong lang=(draft.language) { (name(&draft.language)) } }
                @if versions.is_empty() {
                    p { (t("trans-none")) }
                } @else {
                    ul {
                        @for v in &versions {
                            li { a href={ "/drafts/" (draft.id) "?language=" (v.language) } lang=(v.language) { (name(&v.language)) " — " (v.title) } }
                        }
                    }
                }
                @if free.is_empty() {
                    p { (t("trans-all_done")) }
                } @else {
                    h2 { (t("trans-add")) }
                    p class="hint" { (t("trans-hint")) }
                    (error_summary(errors))
                    (crate::web::components::import_warnings(&form.warnings))
                    form class="stack" method="post" enctype="multipart/form-data" action={ "/admin/drafts/" (draft.id) "/translations" } {
                        (csrf_field(ctx.csrf))
                        (select("language", t("trans-language"), &free, &form.language, errors))
                        (Field::new("title", t("trans-field-title")).value(&form.title).render(errors))
                        (Field::new("file", t("field-docx")).kind("file").hint(t("field-docx-hint")).render(errors))
                        (Field::new("text", t("field-text")).kind("textarea").value(&form.text).render(errors))
                        button type="submit" { (t("trans-add")) }
                    }
                }
            },
        ),
    ))
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    let form = TranslationForm::default();
    translations_page(
        &state,
        &ctx,
        path.into_inner(),
        &form,
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn add(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    upload: crate::web::Upload<TranslationForm>,
) -> PageResult {
    let crate::web::Upload { form: mut f, file } = upload;
    check_csrf(&csrf, &f.csrf)?;
    let admin = require_admin(&state, user)?;
    let id = path.into_inner();
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    let result = match crate::web::pages::admin::word_upload(file, &f.text) {
        // What the file could not carry is shown with its text before anything is stored.
        Ok(Some(c)) if !c.warnings.is_empty() => {
            f.text = c.markdown;
            f.warnings = c.warnings;
            let none = FieldErrors::new();
            return translations_page(&state, &ctx, id, &f, &none, StatusCode::OK).await;
        }
        Ok(converted) => {
            if let Some(c) = converted {
                f.text = c.markdown;
            }
            match TranslationInput::parse(&f.language, Some(&f.title), &f.text) {
                Ok(input) => translations::create(&state.db, id, input).await,
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    let errors = match result {
        Ok(v) => return Ok(redirect(&format!("/drafts/{id}?language={}", v.language))),
        Err(AppError::Validation(errors)) => errors,
        // A second version in a language (two admins at once): said beside the field.
        Err(AppError::Conflict(message)) => {
            let mut errors = FieldErrors::new();
            errors.add("language", message);
            errors
        }
        Err(e) => return Err(e.into()),
    };
    translations_page(
        &state,
        &ctx,
        id,
        &f,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
