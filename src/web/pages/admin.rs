//! The secretariat's pages: consultations (create, change, import drafts), accounts
//! (roles, affiliation verification, suspension) and failed emails.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::model::{Group, Role, User};
use crate::accounts::service::{self as accounts, AdminChanges, UserFilter};
use crate::auth::session::{CsrfToken, PageUser};
use crate::consultations::service::{self as consultations, ConsultationInput};
use crate::drafts::service::{self as drafts, DraftInput};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{self, t, Lang};
use crate::mail::outbox;
use crate::state::AppState;
use crate::web::components::{
    csrf_field, error_summary, import_warnings, notice, select, Field, Notice,
};
use crate::web::layout::{page, Ctx};
use crate::web::pages::consultations::{date, status_badge};
use crate::web::{html_response, ok, redirect, PageError, PageResult};

pub fn require_admin(state: &AppState, user: Option<User>) -> Result<User, PageError> {
    let user = user
        .map(|u| crate::auth::staff_mfa_ok(state, &u).map(|_| u))
        .transpose()?;
    match user {
        None => Err(PageError(AppError::Unauthorized)),
        Some(u) if u.is_admin() => Ok(u),
        Some(_) => Err(PageError(AppError::forbidden(t("error-admins_only")))),
    }
}

pub use crate::web::check_csrf;

fn moderation_options() -> [(&'static str, &'static str); 2] {
    [
        ("post", t("field-moderation-post")),
        ("pre", t("field-moderation-pre")),
    ]
}

#[derive(Deserialize, Default)]
pub struct ConsultationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    opens_at: String,
    #[serde(default)]
    closes_at: String,
    #[serde(default)]
    moderation: String,
}

fn consultation_form(
    ctx: &Ctx,
    action: &str,
    f: &ConsultationForm,
    errors: &FieldErrors,
    submit: &str,
) -> Markup {
    html! {
        (error_summary(errors))
        form class="stack" method="post" action=(action) {
            (csrf_field(ctx.csrf))
            (Field::new("title", t("field-title")).value(&f.title).required().render(errors))
            (Field::new("summary", t("field-summary")).kind("textarea").value(&f.summary).render(errors))
            (Field::new("opens_at", t("field-opens_at")).kind("datetime-local").value(&f.opens_at).render(errors))
            (Field::new("closes_at", t("field-closes_at")).kind("datetime-local").value(&f.closes_at).render(errors))
            (select("moderation", t("field-moderation"), &moderation_options(), if f.moderation.is_empty() { "post" } else { &f.moderation }, errors))
            button type="submit" { (submit) }
        }
    }
}

fn failed_emails_section(ctx: &Ctx, failed: &[outbox::OutboxRow]) -> Markup {
    html! {
        h2 id="failed-emails" { (t("admin-failed_emails")) }
        @if failed.is_empty() { p { (t("admin-no_failed")) } } @else {
            div class="table-scroll" {
                table class="data" {
                    thead { tr { th scope="col" { (t("admin-email-subject")) } th scope="col" { (t("admin-email-attempts")) } th scope="col" { (t("admin-email-error")) } th scope="col" { (t("admin-email-created")) } th scope="col" { span class="visually-hidden" { (t("admin-retry")) } } } }
                    tbody {
                        @for m in failed {
                            tr {
                                td { (m.subject) }
                                td { (m.attempts) }
                                td { (m.last_error.as_deref().unwrap_or("")) }
                                td { (date(m.created_at)) }
                                td {
                                    form class="inline" method="post" action={ "/admin/emails/" (m.id) "/retry" } {
                                        (csrf_field(ctx.csrf))
                                        button type="submit" class="button secondary" { (t("admin-retry")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn admin_home(
    state: &AppState,
    ctx: &Ctx<'_>,
    form: &ConsultationForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> PageResult {
    let list = consultations::list(&state.db, None, 200).await?;
    let failed = state.db.run(|conn| Ok(outbox::failed(conn, 100)?)).await?;
    Ok(html_response(
        status,
        page(
            ctx,
            t("admin-title"),
            html! {
                h1 { (t("admin-title")) }
                nav aria-label=(t("admin-title")) {
                    ul { li { a href="#consultations" { (t("admin-consultations")) } } li { a href="/admin/users" { (t("admin-users")) } } li { a href="#failed-emails" { (t("admin-failed_emails")) } } }
                }
                h2 id="consultations" { (t("admin-consultations")) }
                div class="table-scroll" {
                    table class="data" {
                        thead { tr { th scope="col" { (t("field-title")) } th scope="col" { (t("admin-status")) } th scope="col" { (t("field-closes_at")) } } }
                        tbody {
                            @for c in list.iter().rev() {
                                tr {
                                    td { a href={ "/admin/consultations/" (c.id) } { (c.title) } }
                                    td { (status_badge(c)) }
                                    td { (date(c.closes_at)) }
                                }
                            }
                        }
                    }
                }
                h2 { (t("admin-new_consultation")) }
                (consultation_form(ctx, "/admin/consultations", form, errors, t("admin-create")))
                (failed_emails_section(ctx, &failed))
            },
        ),
    ))
}

pub async fn index(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    admin_home(
        &state,
        &ctx,
        &ConsultationForm::default(),
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn create_consultation(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    form: crate::web::Form<ConsultationForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    let f = form.into_inner();
    let input = ConsultationInput::parse(
        true,
        Some(&f.title),
        Some(&f.summary),
        Some(&f.opens_at),
        Some(&f.closes_at),
        Some(&f.moderation),
    );
    let result = match input {
        Ok(i) => consultations::create(&state.db, admin.id, i).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(c) => Ok(redirect(&format!("/admin/consultations/{}", c.id))),
        Err(AppError::Validation(errors)) => {
            let ctx = Ctx {
                user: Some(&admin),
                csrf: &csrf.0,
                path: req.path(),
            };
            admin_home(&state, &ctx, &f, &errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct DraftForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    version_label: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    language: String,
    /// What the Word file chosen could not carry, shown above its converted text.
    #[serde(skip)]
    warnings: Vec<String>,
}

/// The Word file chosen on an import form, converted to the importer's Markdown: `None`
/// when none was chosen. A file sent with text as well, or one that is not a Word draft,
/// is a field error on `file`.
pub(crate) fn word_upload(
    file: Option<crate::multipart::Part>,
    text: &str,
) -> Result<Option<crate::drafts::docx::Converted>, AppError> {
    let Some(file) = file else { return Ok(None) };
    crate::drafts::docx::import(&file.bytes, !text.trim().is_empty(), "file").map(Some)
}

fn local(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

#[allow(clippy::too_many_arguments)]
async fn consultation_page(
    state: &AppState,
    ctx: &Ctx<'_>,
    id: i64,
    cform: Option<&ConsultationForm>,
    cerrors: &FieldErrors,
    dform: &DraftForm,
    derrors: &FieldErrors,
    status: StatusCode,
) -> PageResult {
    let (c, ds) = consultations::get(&state.db, id).await?;
    let current = ConsultationForm {
        csrf: String::new(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        opens_at: local(c.opens_at),
        closes_at: local(c.closes_at),
        moderation: c.moderation.clone(),
    };
    let cform = cform.unwrap_or(&current);
    Ok(html_response(
        status,
        page(
            ctx,
            &c.title,
            html! {
                p { a href="/admin" { (crate::web::components::back_arrow()) (t("admin-title")) } }
                h1 { (c.title) }
                p { (status_badge(&c)) " " a href={ "/consultations/" (c.id) } { (t("admin-public_page")) } }
                h2 { (t("consultation-drafts")) }
                @if ds.is_empty() { p { (t("consultation-no_drafts")) } }
                ul { @for d in &ds { li { a href={ "/drafts/" (d.id) } { (d.title) " — " (d.version_label) } " · " a href={ "/admin/drafts/" (d.id) "/tags" } { (t("tags-edit_link")) } " · " a href={ "/admin/drafts/" (d.id) "/translations" } { (t("trans-title")) } } } }
                h2 { (t("admin-import")) }
                p class="hint" { (t("admin-import-hint")) }
                (error_summary(derrors))
                (import_warnings(&dform.warnings))
                form class="stack" method="post" enctype="multipart/form-data" action={ "/admin/consultations/" (c.id) "/drafts" } {
                    (csrf_field(ctx.csrf))
                    (Field::new("title", t("field-title")).value(&dform.title).required().prefix("draft").render(derrors))
                    (Field::new("version_label", t("field-version_label")).value(&dform.version_label).required().render(derrors))
                    (select("language", t("trans-written_in"), &Lang::ALL.map(|l| (l.code(), l.native_name())), if dform.language.is_empty() { "en" } else { &dform.language }, derrors))
                    (Field::new("file", t("field-docx")).kind("file").hint(t("field-docx-hint")).render(derrors))
                    (Field::new("text", t("field-text")).kind("textarea").value(&dform.text).render(derrors))
                    button type="submit" { (t("admin-import")) }
                }
                h2 { (t("admin-edit_consultation")) }
                (consultation_form(ctx, &format!("/admin/consultations/{}", c.id), cform, cerrors, t("me-save")))
            },
        ),
    ))
}

pub async fn show_consultation(
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
    let none = FieldErrors::new();
    consultation_page(
        &state,
        &ctx,
        path.into_inner(),
        None,
        &none,
        &DraftForm::default(),
        &none,
        StatusCode::OK,
    )
    .await
}

pub async fn update_consultation(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<ConsultationForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    let id = path.into_inner();
    let f = form.into_inner();
    let result = match ConsultationInput::parse(
        false,
        Some(&f.title),
        Some(&f.summary),
        Some(&f.opens_at),
        Some(&f.closes_at),
        Some(&f.moderation),
    ) {
        Ok(i) => consultations::update(&state.db, id, i).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect(&format!("/admin/consultations/{id}"))),
        Err(AppError::Validation(errors)) => {
            let ctx = Ctx {
                user: Some(&admin),
                csrf: &csrf.0,
                path: req.path(),
            };
            consultation_page(
                &state,
                &ctx,
                id,
                Some(&f),
                &errors,
                &DraftForm::default(),
                &FieldErrors::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn import_draft(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    upload: crate::web::Upload<DraftForm>,
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
    let none = FieldErrors::new();
    let result = match word_upload(file, &f.text) {
        // What the file could not carry is shown with its text before anything is stored.
        Ok(Some(c)) if !c.warnings.is_empty() => {
            f.text = c.markdown;
            f.warnings = c.warnings;
            return consultation_page(&state, &ctx, id, None, &none, &f, &none, StatusCode::OK)
                .await;
        }
        Ok(converted) => {
            if let Some(c) = converted {
                f.text = c.markdown;
            }
            let language = Some(&f.language)
                .filter(|l| !l.is_empty())
                .map(String::as_str);
            match DraftInput::parse(&f.title, &f.version_label, &f.text)
                .and_then(|i| i.in_language(language))
            {
                Ok(i) => drafts::create(&state.db, id, i).await,
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(d) => Ok(redirect(&format!("/drafts/{}", d.id))),
        Err(AppError::Validation(errors)) => {
            consultation_page(
                &state,
                &ctx,
                id,
                None,
                &none,
                &f,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct UsersQuery {
    q: Option<String>,
    role: Option<String>,
    stakeholder_group: Option<String>,
    saved: Option<String>,
}

pub async fn users(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    q: web::Query<UsersQuery>,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let q = q.into_inner();
    let role = q.role.clone().filter(|r| Role::parse(r).is_some());
    let group = q
        .stakeholder_group
        .clone()
        .filter(|g| Group::parse(g).is_some());
    let list = accounts::list_users(
        &state,
        UserFilter {
            q: q.q.clone(),
            role: role.clone(),
            group: group.clone(),
            after: None,
            limit: 200,
        },
    )
    .await?;
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    let none = FieldErrors::new();
    let mut roles = vec![("", "—")];
    roles.extend([
        ("participant", t("role-participant")),
        ("moderator", t("role-moderator")),
        ("admin", t("role-admin")),
    ]);
    let mut groups = vec![("", "—")];
    groups.extend(
        Group::ALL
            .iter()
            .map(|g| (g.as_str(), i18n::group(g.as_str()))),
    );
    Ok(ok(page(
        &ctx,
        t("admin-users"),
        html! {
            p { a href="/admin" { (crate::web::components::back_arrow()) (t("admin-title")) } }
            h1 { (t("admin-users")) }
            @if q.saved.is_some() { (notice(&Notice::Success(t("admin-saved")))) }
            form class="stack" method="get" action="/admin/users" role="search" {
                (Field::new("q", t("field-q")).value(q.q.as_deref().unwrap_or("")).render(&none))
                (select("role", t("field-role"), &roles, role.as_deref().unwrap_or(""), &none))
                (select("stakeholder_group", t("field-stakeholder_group"), &groups, group.as_deref().unwrap_or(""), &none))
                button type="submit" { (t("admin-search")) }
            }
            div class="table-scroll" {
                table class="data" {
                    thead { tr {
                        th scope="col" { (t("field-display_name")) }
                        th scope="col" { (t("field-email")) }
                        th scope="col" { (t("field-stakeholder_group")) }
                        th scope="col" { (t("field-role")) " / " (t("field-verified")) " / " (t("field-suspended")) }
                    } }
                    tbody {
                        @for u in &list {
                            tr {
                                td { (u.display_name) br; span class="muted" { (u.organization) } }
                                td { (u.email) }
                                td { span class={ "badge group-" (u.stakeholder_group) } { (i18n::group(&u.stakeholder_group)) } }
                                td {
                                    form class="inline" method="post" action={ "/admin/users/" (u.id) } {
                                        (csrf_field(ctx.csrf))
                                        label for={ "role-" (u.id) } class="visually-hidden" { (t("field-role")) }
                                        select id={ "role-" (u.id) } name="role" {
                                            @for r in ["participant", "moderator", "admin"] {
                                                option value=(r) selected[u.role == r] { (i18n::role(r)) }
                                            }
                                        }
                                        " "
                                        input type="checkbox" id={ "ver-" (u.id) } name="affiliation_verified" value="true" checked[u.affiliation_verified];
                                        label for={ "ver-" (u.id) } { (t("field-verified")) }
                                        " "
                                        input type="checkbox" id={ "sus-" (u.id) } name="suspended" value="true" checked[u.suspended];
                                        label for={ "sus-" (u.id) } { (t("field-suspended")) }
                                        " "
                                        button type="submit" class="button secondary" { (t("admin-apply")) }
                                    }
                                    @if u.id != admin.id {
                                        " " a href={ "/admin/users/" (u.id) "/delete" } { (t("delete-admin_title")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )))
}

#[derive(Deserialize)]
pub struct UserForm {
    #[serde(default)]
    csrf: String,
    role: Option<String>,
    affiliation_verified: Option<String>,
    suspended: Option<String>,
}

pub async fn update_user(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<UserForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    let f = form.into_inner();
    let role = match f.role.as_deref() {
        None => None,
        Some(r) => Some(Role::parse(r).ok_or_else(|| {
            FieldErrors::single("role", "must be participant, moderator or admin")
        })?),
    };
    // Unchecked checkboxes are absent from the form: absent means false here.
    accounts::admin_update(
        &state,
        &admin,
        path.into_inner(),
        AdminChanges {
            role,
            affiliation_verified: Some(f.affiliation_verified.is_some()),
            suspended: Some(f.suspended.is_some()),
            reason: None,
        },
    )
    .await?;
    Ok(redirect("/admin/users?saved=1"))
}

pub async fn retry_email(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<crate::web::pages::drafts::CsrfForm>,
) -> PageResult {
    check_csrf(&csrf, form.csrf())?;
    require_admin(&state, user)?;
    let id = path.into_inner();
    state
        .db
        .run(move |conn| Ok(outbox::retry(conn, id)?))
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/admin#failed-emails"))
        .finish())
}
