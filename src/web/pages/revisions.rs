//! Revision pages: the concordance between versions, side-by-side comparison, the
//! earlier input beside each paragraph, dispositions, and the admin's revise-and-review
//! flow.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::session::{CsrfToken, PageUser};
use crate::drafts::service as drafts;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{self, t, tr};
use crate::revisions::matching::word_diff;
use crate::revisions::service::{self, Ancestor, RevisionInput};
use crate::state::AppState;
use crate::web::components::{csrf_field, error_summary, Field};
use crate::web::layout::{page, Ctx};
use crate::web::pages::comments::paragraphs;
use crate::web::{check_csrf, html_response, ok, redirect, PageError, PageResult};

/// A word-level difference from `old` to `new`, with `<del>` and `<ins>`.
pub fn diff(old: &str, new: &str) -> Markup {
    html! {
        p class="diff" dir="auto" {
            @for (kind, text) in word_diff(old, new) {
                @match kind {
                    -1 => { del { (text) } }
                    1 => { ins { (text) } }
                    _ => { (text) }
                }
            }
        }
    }
}

/// "12 comments on ¶14 of the Zero draft", for each ancestor of a paragraph.
pub fn earlier_input(ancestors: &[Ancestor]) -> Markup {
    html! {
        @if !ancestors.is_empty() {
            div class="earlier-input" {
                p class="muted" { strong { (t("rev-earlier")) } }
                ul {
                    @for a in ancestors {
                        li {
                            a href={ "/drafts/" (a.paragraph.draft_id) "/paragraphs/" (a.paragraph.id) } {
                                (tr("rev-comments-on", &[("n", a.comment_count.into()), ("label", a.paragraph.label.as_str().into()), ("version", a.version_label.as_str().into())]))
                            }
                            " " span class="badge" { (i18n::change(&a.change)) }
                        }
                    }
                }
            }
        }
    }
}

/// The ancestors of one paragraph with a diff against the closest one (thread page).
pub fn lineage_section(text: &str, ancestors: &[Ancestor]) -> Markup {
    let nearest = ancestors.iter().find(|a| a.depth == 1);
    html! {
        @if !ancestors.is_empty() {
            section class="lineage" aria-labelledby="lineage" {
                h2 id="lineage" { (t("rev-changes")) }
                @if let Some(a) = nearest { (diff(&a.paragraph.text, text)) }
                (earlier_input(ancestors))
            }
        }
    }
}

pub fn disposition_badge(disposition: Option<&str>, explanation: Option<&str>) -> Markup {
    html! {
        @if let Some(d) = disposition {
            div class="disposition" {
                p { strong { (t("disp-title")) ": " } span class={ "badge disposition-" (d) } { (i18n::disposition(d)) } }
                @if let Some(e) = explanation { p { (e) } }
            }
        }
    }
}

pub fn disposition_form(csrf: &str, comment: i64, current: Option<&str>) -> Markup {
    let sid = format!("disp-{comment}");
    let eid = format!("disp-exp-{comment}");
    html! {
        details {
            summary { (t("disp-record")) }
            form class="stack" method="post" action={ "/comments/" (comment) "/disposition" } {
                (csrf_field(csrf))
                div class="field" {
                    label for=(sid) { (t("disp-title")) }
                    select id=(sid) name="disposition" {
                        @for d in crate::comments::model::DISPOSITIONS {
                            option value=(d) selected[current == Some(d)] { (i18n::disposition(d)) }
                        }
                    }
                }
                div class="field" {
                    label for=(eid) { (t("disp-explanation")) }
                    textarea id=(eid) name="explanation" rows="3" {}
                }
                button type="submit" class="button secondary" { (t("disp-record")) }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct DispositionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    disposition: String,
    explanation: Option<String>,
}

pub async fn record_disposition(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<DispositionForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let m = match user {
        Some(u) if u.is_moderator() => u,
        Some(_) => {
            return Err(PageError(AppError::forbidden(
                "Only moderators may record dispositions.",
            )))
        }
        None => return Err(PageError(AppError::Unauthorized)),
    };
    let id = path.into_inner();
    let f = form.into_inner();
    let c = state
        .db
        .run(move |conn| {
            service::set_disposition(conn, &m, id, &f.disposition, f.explanation.as_deref())
        })
        .await?;
    let target = match c.paragraph_id {
        Some(p) => format!("/drafts/{}/paragraphs/{p}#c-{id}", c.draft_id),
        None => format!("/drafts/{}/general#c-{id}", c.draft_id),
    };
    Ok(redirect(&target))
}

fn versions_nav(current: i64, versions: &[(i64, String)]) -> Markup {
    html! {
        @if versions.len() > 1 {
            nav class="versions" aria-label=(t("rev-versions")) {
                (t("rev-versions")) ": "
                @for (i, (id, label)) in versions.iter().enumerate() {
                    @if i > 0 { " → " }
                    @if *id == current { strong aria-current="page" { (label) } } @else { a href={ "/drafts/" (id) } { (label) } }
                }
            }
        }
    }
}

/// Version navigation and links for the reading page of a draft in a lineage.
pub fn draft_header(draft_id: i64, previous: Option<i64>, versions: &[(i64, String)]) -> Markup {
    html! {
        (versions_nav(draft_id, versions))
        @if previous.is_some() || versions.len() > 1 {
            p {
                @if previous.is_some() { a href={ "/drafts/" (draft_id) "/concordance" } { (t("rev-concordance")) } " · " }
                a href={ "/drafts/" (draft_id) "/compare" } { (t("rev-compare")) }
            }
        }
    }
}

pub async fn concordance(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let id = path.into_inner();
    let (draft, prev, items, versions) = state
        .db
        .run(move |conn| {
            let (d, p, items) = service::concordance(conn, id)?;
            let v = service::versions(conn, id)?;
            Ok((d, p, items, v))
        })
        .await?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("rev-concordance"),
        html! {
            p { a href={ "/drafts/" (draft.id) } { (crate::web::components::back_arrow()) (draft.title) " — " (draft.version_label) } }
            h1 { (t("rev-concordance")) }
            (versions_nav(draft.id, &versions))
            @match &prev {
                None => { p { (t("rev-none")) } }
                Some(p) => {
                    p { (t("rev-concordance-lead")) }
                    div class="table-scroll" {
                        table class="data" {
                            thead { tr { th scope="col" { (p.version_label) " ¶" } th scope="col" { (draft.version_label) " ¶" } th scope="col" { (t("rev-change")) } } }
                            tbody {
                                @for i in &items {
                                    tr {
                                        td { @if let (Some(l), Some(pid)) = (&i.from_label, i.from_paragraph_id) { a href={ "/drafts/" (p.id) "/paragraphs/" (pid) } { (l) } } @else { "—" } }
                                        td { @if let (Some(l), Some(pid)) = (&i.to_label, i.to_paragraph_id) { a href={ "/drafts/" (draft.id) "/paragraphs/" (pid) } { (l) } } @else { "—" } }
                                        td { (i18n::change(&i.change)) }
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
pub struct CompareQuery {
    with: Option<i64>,
}

/// Any two versions of a document side by side: each paragraph of the later one beside
/// the paragraphs it came from in the earlier one, with a word-level difference.
pub async fn compare(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    q: web::Query<CompareQuery>,
) -> PageResult {
    let id = path.into_inner();
    let with = q.with;
    let (draft, versions, rows, other) = state
        .db
        .run(move |conn| {
            let draft = drafts::find(conn, id)?;
            let versions = service::versions(conn, id)?;
            let Some(other_id) = with.filter(|w| *w != id && versions.iter().any(|(v, _)| v == w))
            else {
                return Ok((draft, versions, Vec::new(), None));
            };
            // Order the pair: later version first.
            let pos = |d: i64| versions.iter().position(|(v, _)| *v == d).unwrap_or(0);
            let (later, earlier) = if pos(id) > pos(other_id) {
                (id, other_id)
            } else {
                (other_id, id)
            };
            let later_ps = drafts::paragraphs_of(conn, later)?;
            let ids: Vec<i64> = later_ps.iter().map(|p| p.id).collect();
            let anc = service::ancestors(conn, &ids)?;
            let rows: Vec<(crate::drafts::Paragraph, Vec<Ancestor>)> = later_ps
                .into_iter()
                .map(|p| {
                    let a: Vec<Ancestor> = anc
                        .get(&p.id)
                        .map(|l| {
                            l.iter()
                                .filter(|a| a.paragraph.draft_id == earlier)
                                .cloned()
                                .collect()
                        })
                        .unwrap_or_default();
                    (p, a)
                })
                .collect();
            let other = drafts::find(conn, earlier)?;
            Ok((draft, versions, rows, Some((other, later))))
        })
        .await?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("rev-compare"),
        html! {
            p { a href={ "/drafts/" (draft.id) } { (crate::web::components::back_arrow()) (draft.title) " — " (draft.version_label) } }
            h1 { (t("rev-compare")) }
            form method="get" action={ "/drafts/" (draft.id) "/compare" } class="inline" {
                label for="with" { (t("rev-compare-with")) " " }
                select id="with" name="with" {
                    @for (v, label) in &versions { @if *v != draft.id { option value=(v) selected[with == Some(*v)] { (label) } } }
                }
                " " button type="submit" class="button secondary" { (t("rev-compare")) }
            }
            @if let Some((earlier, _later)) = &other {
                div class="table-scroll" {
                    table class="data compare" {
                        thead { tr { th scope="col" { (earlier.version_label) } th scope="col" { (t("rev-to")) } } }
                        tbody {
                            @for (p, anc) in &rows {
                                tr {
                                    td { @for a in anc { p dir="auto" { strong { "¶" (a.paragraph.label) " " } (a.paragraph.text) } } @if anc.is_empty() { em { (i18n::change("new")) } } }
                                    td {
                                        p dir="auto" { strong { "¶" (p.label) } }
                                        @match anc.as_slice() {
                                            [one] => { (diff(&one.paragraph.text, &p.text)) }
                                            _ => { (paragraphs(&p.text)) }
                                        }
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

// ------------------------------------------------------------------------------------
// Admin: revise, review, publish

use crate::web::pages::admin::require_admin;

#[derive(Deserialize, Default)]
pub struct ReviseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version_label: String,
    #[serde(default)]
    text: String,
    /// `from_<new number>` = space-separated earlier paragraph numbers.
    #[serde(flatten)]
    links: BTreeMap<String, String>,
}

fn revise_page(
    ctx: &Ctx,
    draft: &crate::drafts::Draft,
    f: &ReviseForm,
    errors: &FieldErrors,
) -> Markup {
    page(
        ctx,
        t("rev-revise"),
        html! {
            p { a href={ "/drafts/" (draft.id) } { (crate::web::components::back_arrow()) (draft.title) " — " (draft.version_label) } }
            h1 { (t("rev-revise")) }
            p { (t("rev-revise-lead")) }
            (error_summary(errors))
            form class="stack" method="post" enctype="multipart/form-data" action={ "/admin/drafts/" (draft.id) "/revise" } {
                (csrf_field(ctx.csrf))
                (Field::new("version_label", t("field-version_label")).value(&f.version_label).required().render(errors))
                (Field::new("file", t("field-docx")).kind("file").hint(t("field-docx-hint")).render(errors))
                (Field::new("text", t("field-text")).kind("textarea").value(&f.text).render(errors))
                button type="submit" { (t("rev-propose")) }
            }
        },
    )
}

pub async fn revise_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let admin = require_admin(&state, user)?;
    let id = path.into_inner();
    let draft = state.db.run(move |conn| drafts::find(conn, id)).await?;
    let ctx = Ctx {
        user: Some(&admin),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(revise_page(
        &ctx,
        &draft,
        &ReviseForm::default(),
        &FieldErrors::new(),
    )))
}

/// Step 2: the proposed lineage, editable, with the text carried along.
pub async fn review(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    upload: crate::web::Upload<ReviseForm>,
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
    // A Word file becomes the Markdown carried to the publish step; what it could not
    // carry is listed on this review page.
    let warnings = match crate::web::pages::admin::word_upload(file, &f.text) {
        Ok(Some(c)) => {
            f.text = c.markdown;
            c.warnings
        }
        Ok(None) => Vec::new(),
        Err(AppError::Validation(e)) => {
            let draft = state.db.run(move |conn| drafts::find(conn, id)).await?;
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                revise_page(&ctx, &draft, &f, &e),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let text = f.text.clone();
    let result = state
        .db
        .run(move |conn| service::propose(conn, id, &text))
        .await;
    let mut errors = FieldErrors::new();
    if f.version_label.trim().is_empty() {
        errors.add("version_label", "is required");
    }
    let p = match result {
        Ok(p) if errors.is_empty() => p,
        Ok(p) => {
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                revise_page(&ctx, &p.draft, &f, &errors),
            ));
        }
        Err(AppError::Validation(e)) => {
            let draft = state.db.run(move |conn| drafts::find(conn, id)).await?;
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                revise_page(&ctx, &draft, &f, &e),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let mut from: HashMap<usize, Vec<i32>> = HashMap::new();
    let mut change: HashMap<usize, &'static str> = HashMap::new();
    for l in &p.matching.links {
        from.entry(l.to).or_default().push(p.old[l.from].number);
        change.insert(l.to, l.change.as_str());
    }
    Ok(ok(page(
        &ctx,
        t("rev-review"),
        html! {
            p { a href={ "/drafts/" (p.draft.id) } { (crate::web::components::back_arrow()) (p.draft.title) " — " (p.draft.version_label) } }
            h1 { (t("rev-review")) }
            p { (t("rev-review-lead")) }
            (crate::web::components::import_warnings(&warnings))
            form method="post" action={ "/admin/drafts/" (p.draft.id) "/revise/publish" } {
                (csrf_field(ctx.csrf))
                input type="hidden" name="version_label" value=(f.version_label);
                input type="hidden" name="text" value=(f.text);
                div class="table-scroll" {
                    table class="data" {
                        thead { tr { th scope="col" { "¶" } th scope="col" { (f.version_label) } th scope="col" { (t("rev-change")) } th scope="col" { (t("rev-from")) " (" (p.draft.version_label) " ¶ numbers)" } } }
                        tbody {
                            @for (j, n) in p.new.iter().enumerate() {
                                @let input_id = format!("from-{}", n.number);
                                tr {
                                    td { (n.label) }
                                    td { (n.text.chars().take(160).collect::<String>()) @if n.text.chars().count() > 160 { "…" } }
                                    td { (i18n::change(change.get(&j).copied().unwrap_or("new"))) }
                                    td {
                                        label class="visually-hidden" for=(input_id) { (t("rev-from")) " ¶" (n.label) }
                                        input id=(input_id) type="text" size="8" name={ "from_" (n.number) }
                                            value=(from.get(&j).map(|v| v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap_or_default());
                                    }
                                }
                            }
                        }
                    }
                }
                @if !p.matching.deleted.is_empty() {
                    h2 { (t("rev-deleted")) }
                    ul { @for i in &p.matching.deleted { li { "¶" (p.old[*i].label) " (" (p.old[*i].number) "): " (p.old[*i].text.chars().take(120).collect::<String>()) } } }
                }
                button type="submit" { (t("rev-publish")) }
            }
        },
    )))
}

pub async fn publish(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
    form: crate::web::Form<ReviseForm>,
) -> PageResult {
    check_csrf(&csrf, &form.csrf)?;
    let admin = require_admin(&state, user)?;
    let id = path.into_inner();
    let f = form.into_inner();
    // Earlier paragraph numbers → ids.
    let old = state
        .db
        .run(move |conn| Ok(drafts::paragraphs_of(conn, id)?))
        .await?;
    let by_number: HashMap<i32, i64> = old.iter().map(|p| (p.number, p.id)).collect();
    let mut links: BTreeMap<i32, Vec<i64>> = BTreeMap::new();
    for (k, v) in &f.links {
        let Some(n) = k.strip_prefix("from_").and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        let mut ids = Vec::new();
        for tok in v.split([' ', ',']).filter(|t| !t.is_empty()) {
            let id = tok
                .parse::<i32>()
                .ok()
                .and_then(|x| by_number.get(&x).copied())
                .ok_or_else(|| {
                    FieldErrors::single(
                        "links",
                        format!("¶ {tok} is not a paragraph number of the earlier version"),
                    )
                })?;
            ids.push(id);
        }
        links.insert(n, ids);
    }
    let input = RevisionInput {
        title: None,
        version_label: f.version_label,
        text: f.text,
        links: Some(links),
    };
    let draft = state
        .db
        .run(move |conn| service::publish(conn, Some(admin.id), id, &input))
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", format!("/drafts/{}", draft.id)))
        .finish())
}
