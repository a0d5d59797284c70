//! Markup for comments and threads, and the comment forms (new, reply, amend, edit,
//! withdraw), shared by the paragraph pages and the general-comments page.

use maud::{html, Markup};

use crate::comments::service::Thread;
use crate::comments::view::CommentOut;
use crate::error::FieldErrors;
use crate::i18n::{self, t};
use crate::web::components::{csrf_field, select_with_id, Field};

/// What the comment markup needs to know about the page it is on.
pub struct ThreadCtx<'a> {
    pub csrf: &'a str,
    pub draft_id: i64,
    /// Whether the viewer may write here now (signed in, verified, consultation open).
    pub can_write: bool,
    pub signed_in: bool,
    pub moderator: bool,
    /// The language of the draft text on the page: what the forms propose for a new
    /// comment, and the language comments are not labelled with (unless `multilingual`).
    pub language: &'a str,
    /// The draft has language versions: every comment says its language.
    pub multilingual: bool,
}

/// "Español" on a comment written in Spanish, when the page needs to say it.
pub fn language_badge(language: &str, page_language: &str, multilingual: bool) -> Markup {
    let name = crate::drafts::translations::language(language).map(|l| l.native_name());
    html! {
        @if let Some(name) = name.filter(|_| multilingual || language != page_language) {
            " · " span class="badge lang" lang=(language) title=(t("comment-language")) { (name) }
        }
    }
}

/// The language a comment is written in, named in itself (the six UN languages).
pub fn language_select(id: &str, selected: &str, errors: &FieldErrors) -> Markup {
    let options: Vec<(&str, &str)> = i18n::Lang::ALL
        .iter()
        .map(|l| (l.code(), l.native_name()))
        .collect();
    select_with_id(
        id,
        "language",
        t("comment-language"),
        &options,
        selected,
        errors,
    )
}

/// The author line as the comment's attribution allows.
fn author_line(c: &CommentOut) -> Markup {
    let a = &c.author;
    html! {
        span class="author" {
            @if let Some(name) = &a.display_name { strong { (name) } } @else if a.organization.is_none() { (t("comment-anonymous_group")) }
            @if let Some(org) = &a.organization { @if a.display_name.is_some() { ", " } (org) }
            @if let Some(cc) = &a.country { " (" (cc) ")" }
        }
        " "
        span class={ "badge group-" (a.stakeholder_group) } { (i18n::group(&a.stakeholder_group)) }
        @if !a.affiliation_verified && a.stakeholder_group == "government" {
            " " span class="badge unverified" { (t("comment-unverified")) }
        }
    }
}

fn placeholder_text(status: &str) -> &'static str {
    match status {
        "hidden" => t("comment-placeholder-hidden"),
        "rejected" => t("comment-placeholder-rejected"),
        _ => t("comment-placeholder-withdrawn"),
    }
}

/// Plain text with blank-line paragraphs, escaped.
pub fn paragraphs(text: &str) -> Markup {
    html! {
        @for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            // Written by a person in any of the six languages, whatever the page's:
            // each paragraph takes the direction of its own first letters.
            p dir="auto" { (block) }
        }
    }
}

pub fn attribution_select(id: &str, selected: &str, errors: &FieldErrors) -> Markup {
    select_with_id(
        id,
        "attribution",
        t("form-attribution"),
        &[
            ("name", t("form-attribution-name")),
            ("organization", t("form-attribution-organization")),
            ("group", t("form-attribution-group")),
        ],
        selected,
        errors,
    )
}

/// One comment (without its replies), with the actions the viewer may take.
pub fn comment(ctx: &ThreadCtx, c: &CommentOut, reply_to: Option<i64>) -> Markup {
    let readable = c.body.is_some();
    html! {
        article id={ "c-" (c.id) } class=[(c.kind == "amendment").then_some("amendment")] {
            @if readable {
                header class="comment-meta" {
                    (author_line(c))
                    " · "
                    time datetime=(c.created_at) { (i18n::day_of(&c.created_at)) }
                    @if c.edited_at.is_some() { " · " span class="muted" { (t("comment-edited")) } }
                    @if c.status != "published" { " " span class={ "badge status-" (c.status) } { (i18n::status(&c.status)) } }
                    (language_badge(&c.language, ctx.language, ctx.multilingual))
                }
                @if c.kind == "amendment" {
                    p class="amendment-label" { strong { (t("comment-amendment")) } }
                }
                div class="comment-body" lang=(c.language) { (paragraphs(c.body.as_deref().unwrap_or_default())) }
                @if let Some(p) = &c.proposed_text {
                    div class="proposed" lang=(c.language) {
                        p { strong { (t("comment-proposed")) } }
                        blockquote { (paragraphs(p)) }
                    }
                }
                @if c.status == "pending" && c.mine { p class="muted" { (t("comment-pending")) } }
                (crate::web::pages::revisions::disposition_badge(c.disposition.as_deref(), c.disposition_explanation.as_deref()))
                @if ctx.moderator && c.parent_id.is_none() {
                    (crate::web::pages::revisions::disposition_form(ctx.csrf, c.id, c.disposition.as_deref()))
                }
                div class="comment-actions" {
                    @if ctx.can_write && c.status == "published" {
                        @if let Some(parent) = reply_to {
                            details {
                                summary { (t("form-reply")) }
                                (reply_form(ctx, parent, c.id))
                            }
                        }
                    }
                    @if ctx.signed_in && !c.mine && c.status == "published" {
                        details {
                            summary { (t("flag-title")) }
                            (flag_form(ctx, c.id))
                        }
                    }
                    @if ctx.can_write && c.mine && matches!(c.status.as_str(), "published" | "pending") {
                        details {
                            summary { (t("form-edit")) }
                            (edit_form(ctx, c))
                        }
                        form class="inline" method="post" action={ "/comments/" (c.id) "/withdraw" } {
                            (csrf_field(ctx.csrf))
                            button type="submit" class="button secondary" { (t("form-withdraw")) }
                        }
                    }
                }
            } @else {
                p class="muted" { em { (placeholder_text(&c.status)) } }
            }
        }
    }
}

pub fn thread(ctx: &ThreadCtx, th: &Thread) -> Markup {
    html! {
        li class=@if th.comment.body.is_none() { "comment placeholder" } @else { "comment" } {
            (comment(ctx, &th.comment, Some(th.comment.id)))
            @if !th.replies.is_empty() {
                ol class="replies" aria-label=(t("comment-replies")) {
                    @for r in &th.replies {
                        li class=@if r.body.is_none() { "comment placeholder" } @else { "comment" } {
                            (comment(ctx, r, Some(th.comment.id)))
                        }
                    }
                }
            }
        }
    }
}

fn flag_form(ctx: &ThreadCtx, id: i64) -> Markup {
    let rid = format!("flag-reason-{id}");
    let nid = format!("flag-note-{id}");
    html! {
        form class="stack" method="post" action={ "/comments/" (id) "/flag" } {
            (csrf_field(ctx.csrf))
            div class="field" {
                label for=(rid) { (t("flag-reason")) }
                select id=(rid) name="reason" {
                    option value="spam" { (t("flag-spam")) }
                    option value="abusive" { (t("flag-abusive")) }
                    option value="off_topic" { (t("flag-off_topic")) }
                    option value="other" { (t("flag-other")) }
                }
            }
            div class="field" {
                label for=(nid) { (t("flag-note")) }
                input id=(nid) type="text" name="note";
            }
            button type="submit" class="button secondary" { (t("flag-submit")) }
        }
    }
}

fn reply_form(ctx: &ThreadCtx, parent: i64, anchor: i64) -> Markup {
    let id = format!("reply-{anchor}");
    html! {
        form class="stack" method="post" action={ "/drafts/" (ctx.draft_id) "/comments" } {
            (csrf_field(ctx.csrf))
            input type="hidden" name="parent_id" value=(parent);
            input type="hidden" name="kind" value="comment";
            div class="field" {
                label for=(id) { (t("form-body")) }
                textarea id=(id) name="body" rows="4" required {}
            }
            (attribution_select(&format!("{id}-attribution"), "name", &FieldErrors::new()))
            (language_select(&format!("{id}-language"), ctx.language, &FieldErrors::new()))
            button type="submit" { (t("form-submit-reply")) }
        }
    }
}

fn edit_form(ctx: &ThreadCtx, c: &CommentOut) -> Markup {
    let id = format!("edit-{}", c.id);
    let pid = format!("edit-proposed-{}", c.id);
    html! {
        form class="stack" method="post" action={ "/comments/" (c.id) "/edit" } {
            (csrf_field(ctx.csrf))
            div class="field" {
                label for=(id) { (t("form-body")) }
                textarea id=(id) name="body" rows="5" required { (c.body.as_deref().unwrap_or_default()) }
            }
            @if c.kind == "amendment" {
                div class="field" {
                    label for=(pid) { (t("form-proposed_text")) }
                    textarea id=(pid) name="proposed_text" rows="5" required { (c.proposed_text.as_deref().unwrap_or_default()) }
                }
            }
            button type="submit" { (t("form-save")) }
        }
    }
}

/// The values and errors of a comment form being shown again after a mistake.
#[derive(Default)]
pub struct CommentFormState {
    pub kind: String,
    pub body: String,
    pub proposed_text: String,
    pub attribution: String,
    /// Empty: the language of the text on the page.
    pub language: String,
    pub errors: FieldErrors,
}

impl CommentFormState {
    fn language<'a>(&'a self, ctx: &'a ThreadCtx) -> &'a str {
        if self.language.is_empty() {
            ctx.language
        } else {
            &self.language
        }
    }
}

/// The new-comment form of a paragraph (or of the whole draft when `paragraph` is None).
pub fn new_comment_form(
    ctx: &ThreadCtx,
    paragraph: Option<i64>,
    state: &CommentFormState,
) -> Markup {
    let errors = if state.kind == "comment" || state.kind.is_empty() {
        &state.errors
    } else {
        &FieldErrors::new()
    };
    let attribution = if state.attribution.is_empty() {
        "name"
    } else {
        &state.attribution
    };
    html! {
        section aria-labelledby="new-comment" {
            h2 id="new-comment" { (t("form-comment-title")) }
            form class="stack" method="post" action={ "/drafts/" (ctx.draft_id) "/comments" } {
                (csrf_field(ctx.csrf))
                @if let Some(p) = paragraph { input type="hidden" name="paragraph_id" value=(p); }
                input type="hidden" name="kind" value="comment";
                (Field::new("body", t("form-body")).kind("textarea").value(if state.kind != "amendment" { &state.body } else { "" }).hint(t("form-body-hint")).required().render(errors))
                (attribution_select("f-attribution", attribution, errors))
                (language_select("f-language", state.language(ctx), errors))
                button type="submit" { (t("form-submit-comment")) }
            }
        }
    }
}

pub fn amendment_form(
    ctx: &ThreadCtx,
    paragraph: i64,
    paragraph_text: &str,
    state: &CommentFormState,
) -> Markup {
    let empty = FieldErrors::new();
    let errors = if state.kind == "amendment" {
        &state.errors
    } else {
        &empty
    };
    let proposed = if state.kind == "amendment" {
        state.proposed_text.as_str()
    } else {
        paragraph_text
    };
    let body = if state.kind == "amendment" {
        state.body.as_str()
    } else {
        ""
    };
    html! {
        section aria-labelledby="new-amendment" {
            h2 id="new-amendment" { (t("form-amend-title")) }
            form class="stack" method="post" action={ "/drafts/" (ctx.draft_id) "/comments" } {
                (csrf_field(ctx.csrf))
                input type="hidden" name="paragraph_id" value=(paragraph);
                input type="hidden" name="kind" value="amendment";
                (Field::new("proposed_text", t("form-proposed_text")).kind("textarea").value(proposed).hint(t("form-amend-hint")).required().prefix("amend").render(errors))
                (Field::new("body", t("form-reason")).kind("textarea").value(body).required().prefix("amend").render(errors))
                (attribution_select("f-amend-attribution", "name", errors))
                (language_select("f-amend-language", state.language(ctx), errors))
                button type="submit" { (t("form-submit-amend")) }
            }
        }
    }
}
