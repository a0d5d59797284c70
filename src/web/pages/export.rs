//! The pages' side of the export: the "Download input" section of the reading page and
//! `GET /drafts/{id}/export`, the same download as the API's with the login cookie, so
//! that the page's links work without a token.

use actix_web::web;
use maud::{html, Markup};

use crate::accounts::model::Group;
use crate::auth::session::PageUser;
use crate::download;
use crate::export::{self, Format, Query, Request};
use crate::i18n::{self, t};
use crate::state::AppState;
use crate::web::PageResult;

pub async fn download(
    state: web::Data<AppState>,
    PageUser(user): PageUser,
    path: web::Path<i64>,
    q: web::Query<Query>,
    req: actix_web::HttpRequest,
) -> PageResult {
    state.limiter.check(
        crate::ratelimit::EXPORT,
        &crate::ratelimit::client_ip(&req, state.config.trusted_proxy),
    )?;
    let request = Request::parse(path.into_inner(), &q)?;
    request.authorize(user.as_ref())?;
    let plan = state
        .db
        .run(move |conn| export::plan(conn, &request))
        .await?;
    Ok(download::response(state.db.clone(), plan))
}

fn format_label(f: Format) -> &'static str {
    match f {
        Format::Csv => t("export-download-csv"),
        Format::Json => t("export-download-json"),
        Format::Xlsx => t("export-download-xlsx"),
        Format::Html => t("export-download-html"),
        Format::Docx => t("export-download-docx"),
        Format::Pdf => t("export-download-pdf"),
    }
}

/// Links to the six formats, a form to choose one stakeholder group, and for
/// moderators the same links with every status.
/// The downloads of a draft; with language versions, the text in `language` (the one
/// being read) and a choice of the others.
pub fn download_section(
    draft: i64,
    moderator: bool,
    languages: &[String],
    language: &str,
) -> Markup {
    let base = format!("/drafts/{draft}/export");
    let suffix = if languages.len() > 1 {
        format!("&language={language}")
    } else {
        String::new()
    };
    let native =
        |code: &str| crate::drafts::translations::language(code).map_or("", |l| l.native_name());
    html! {
        section class="download-input" aria-labelledby="download-input" {
            h2 id="download-input" { (t("draft-download")) }
            p { (t("export-download-lead")) }
            ul {
                @for f in Format::ALL {
                    li { a href={ (base) "?format=" (f.as_str()) (suffix) } { (format_label(f)) } }
                }
            }
            form method="get" action=(base) {
                div class="field" {
                    label for="export-group" { (t("export-download-group")) }
                    select id="export-group" name="stakeholder_group" {
                        option value="" { (t("export-all_groups")) }
                        @for g in Group::ALL {
                            option value=(g.as_str()) { (i18n::group(g.as_str())) }
                        }
                    }
                }
                @if languages.len() > 1 {
                    div class="field" {
                        label for="export-language" { (t("export-text_language")) }
                        select id="export-language" name="language" {
                            @for code in languages {
                                option value=(code) lang=(code) selected[code == language] { (native(code)) }
                            }
                        }
                    }
                }
                div class="field" {
                    label for="export-format" { (t("export-download-format")) }
                    select id="export-format" name="format" {
                        @for f in Format::ALL {
                            option value=(f.as_str()) { (format_label(f)) }
                        }
                    }
                }
                button type="submit" class="button secondary" { (t("export-download-submit")) }
            }
            @if moderator {
                h3 { (t("export-download-moderators")) }
                ul class="moderator-downloads" {
                    @for f in Format::ALL {
                        li { a href={ (base) "?format=" (f.as_str()) "&status=all" (suffix) } { (format_label(f)) } }
                    }
                }
            }
        }
    }
}
