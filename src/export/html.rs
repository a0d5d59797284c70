//! The printable compilation: title, version and date, a summary table by stakeholder
//! group, then every paragraph's text followed by its input grouped under the stakeholder
//! groups' names, amendments shown as a word-level difference against the paragraph.
//!
//! Written in pieces (one page of threads at a time). Every piece of user text goes
//! through maud's escaping; the only raw markup is the frame and stylesheet below.

use std::io::Write;
use std::time::Duration;

use maud::{html, Markup, PreEscaped};
use similar::{ChangeTag, TextDiff};

use crate::comments::view::CommentOut;
use crate::db::Db;
use crate::drafts::Paragraph;
use crate::export::source::{self, Node};
use crate::export::{ExportError, Plan};
use crate::i18n::{self, t};

/// The stylesheet, inline so that the file stands alone; the print rules give clean A4
/// pages (no paragraph or comment split across pages where avoidable, headings kept with
/// what follows, changes readable in black and white).
pub const CSS: &str = "\
:root{color-scheme:light}\
body{font-family:Georgia,'Noto Serif','Times New Roman',serif;line-height:1.5;color:#111;background:#fff;max-width:50rem;margin:2rem auto;padding:0 1rem}\
h1,h2,h3,h4{font-family:system-ui,'Segoe UI','Noto Sans',Arial,sans-serif;line-height:1.25}\
h1{font-size:1.9rem;margin-block:.25rem}\
h2{font-size:1.4rem;margin-block:2rem .5rem}\
h3{font-size:1.15rem;margin-block:0 .5rem}\
h4{font-size:1rem;margin-block:1rem .25rem;color:#333}\
.doc-header{border-block-end:3px double #111;padding-block-end:1rem}\
.doc-header p{margin:0}\
.kicker{text-transform:uppercase;letter-spacing:.05em;font-size:.85rem;color:#333}\
.version{font-size:1.2rem}\
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin-block:1rem 0}\
dl.meta dt{font-weight:bold}\
dl.meta dd{margin:0}\
table{border-collapse:collapse;width:100%;margin-block:.5rem}\
caption{text-align:start;font-weight:bold;padding-block:.25rem}\
th,td{border:1px solid #888;padding:.25rem .5rem;text-align:start;vertical-align:top}\
.n{text-align:end;font-variant-numeric:tabular-nums}\
thead th{background:#e8eef4}\
tfoot th,tfoot td{font-weight:bold;border-block-start:2px solid #111}\
section.paragraph{border-block-start:1px solid #999;margin-block-start:1.5rem;padding-block-start:.75rem}\
.para-text{background:#f3f3f3;border-inline-start:4px solid #444;padding:.1rem 1rem;margin-block:.5rem 1rem}\
.counts,.none{color:#444;font-size:.9rem}\
ol.comments,ol.replies{list-style:none;padding:0;margin:0}\
ol.replies{margin-inline-start:1.25rem;padding-inline-start:.75rem;border-inline-start:2px solid #bbb}\
li.comment{margin-block:.75rem}\
.byline{font-size:.9rem;color:#222;margin:0}\
.badge{border:1px solid #666;border-radius:3px;padding:0 .3rem;font-size:.8rem;white-space:nowrap}\
.status{background:#fff3cd}\
.kind{font-weight:bold;margin:.25rem 0 0}\
.diff{white-space:pre-wrap;border:1px dashed #666;padding:.25rem .75rem;margin-block:.25rem}\
.legend{font-size:.9rem;color:#333;margin:.75rem 0 0}\
ins{text-decoration:underline;background:#dff3df;color:#0a410a}\
del{text-decoration:line-through;background:#fbe3e3;color:#6b0b0b}\
.body p{margin-block:.35rem}\
footer{margin-block-start:2rem;border-block-start:1px solid #999;font-size:.85rem;color:#333}\
@page{size:A4;margin:2cm 1.8cm}\
@media print{\
body{max-width:none;margin:0;padding:0;font-size:10.5pt}\
a{color:inherit;text-decoration:none}\
h2,h3,h4{break-after:avoid}\
.para-text,li.comment,tr,.diff{break-inside:avoid}\
thead{display:table-header-group}\
ins{font-weight:bold}\
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
}";

/// How long one amendment's difference may take before it is approximated.
const DIFF_TIMEOUT: Duration = Duration::from_millis(200);

pub fn write<W: Write>(db: &Db, plan: &Plan, mut out: W) -> Result<(), ExportError> {
    let d = &plan.draft;
    let title = format!("{} — {}", d.title, d.version_label);
    out.write_all(
        html! {
            (maud::DOCTYPE)
            // The frame is opened here and closed at the end: the body is streamed.
            (PreEscaped(format!(
                "<html lang=\"{}\" dir=\"{}\"><head>",
                crate::i18n::current().code(),
                crate::i18n::current().dir()
            )))
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content="Plenary";
            title { (title) " — " (t("export-compilation")) }
            style { (PreEscaped(CSS)) }
            (PreEscaped("</head><body>"))
            (front_matter(plan))
            (summary(plan))
            (PreEscaped("<main>"))
        }
        .into_string()
        .as_bytes(),
    )?;
    let mut section: Option<&str> = None;
    for (i, p) in plan.paragraphs.iter().enumerate() {
        // A heading for each section of the draft, so headings stay in order.
        if i == 0 || p.section.as_deref() != section {
            section = p.section.as_deref();
            let heading = section.unwrap_or(t("export-text"));
            out.write_all(
                html! { h2 dir="auto" { (heading) } }
                    .into_string()
                    .as_bytes(),
            )?;
        }
        paragraph(db, plan, Some(p), &mut out)?;
    }
    out.write_all(
        html! { h2 { (t("draft-general")) } }
            .into_string()
            .as_bytes(),
    )?;
    paragraph(db, plan, None, &mut out)?;
    out.write_all(
        html! {
            (PreEscaped("</main>"))
            footer { p { (t("export-compilation")) " · " (title) " · " (t("export-generated")) " " (plan.generated_rfc3339()) } }
            (PreEscaped("</body></html>\n"))
        }
        .into_string()
        .as_bytes(),
    )?;
    out.flush()?;
    Ok(())
}

fn native(code: &str) -> &'static str {
    crate::drafts::translations::language(code).map_or("", |l| l.native_name())
}

fn front_matter(plan: &Plan) -> Markup {
    let c = &plan.consultation;
    let d = &plan.draft;
    html! {
        header class="doc-header" {
            p class="kicker" { (t("export-compilation")) }
            p dir="auto" { (c.title) }
            h1 dir="auto" lang=(plan.text_language) { (d.title) }
            p class="version" dir="auto" { (d.version_label) }
            @if let Some(asked) = &plan.missing {
                p class="note" { (i18n::tr("draft-fallback", &[("asked", native(asked).into()), ("original", native(&d.language).into())])) }
            }
            dl class="meta" {
                dt { (t("export-generated")) }
                dd { time datetime=(plan.generated_rfc3339()) { (i18n::date_time(plan.generated_at)) } }
                dt { (t("export-window")) }
                dd { (i18n::date(c.opens_at.date())) " – " (i18n::date(c.closes_at.date())) }
                dt { (t("export-scope")) }
                dd {
                    @if plan.scope.all_statuses { (t("export-scope-all")) } @else { (t("export-scope-published")) }
                }
                dt { (t("export-text_language")) }
                dd lang=(plan.text_language) { (native(&plan.text_language)) }
                dt { (t("field-stakeholder_group")) }
                dd {
                    @match plan.scope.group {
                        Some(g) => (i18n::group(g.as_str())),
                        None => (t("export-all_groups")),
                    }
                }
            }
            p class="legend" {
                (t("export-legend")) " " ins { (t("export-legend-added")) } ", " del { (t("export-legend-removed")) } "."
            }
        }
    }
}

fn summary(plan: &Plan) -> Markup {
    let totals = plan.totals_by_group();
    let mut sum = crate::export::Tally::default();
    for g in plan.groups() {
        sum.add(totals.get(g.as_str()).copied().unwrap_or_default());
    }
    html! {
        section class="summary" aria-labelledby="summary" {
            h2 id="summary" { (t("export-summary")) }
            table {
                thead {
                    tr {
                        th scope="col" { (t("field-stakeholder_group")) }
                        th scope="col" class="n" { (t("export-comments")) }
                        th scope="col" class="n" { (t("export-amendments")) }
                        th scope="col" class="n" { (t("export-total")) }
                    }
                }
                tbody {
                    @for g in plan.groups() {
                        @let tally = totals.get(g.as_str()).copied().unwrap_or_default();
                        tr {
                            th scope="row" { (i18n::group(g.as_str())) }
                            td class="n" { (tally.comments) }
                            td class="n" { (tally.amendments) }
                            td class="n" { (tally.total()) }
                        }
                    }
                }
                tfoot {
                    tr {
                        th scope="row" { (t("export-total")) }
                        td class="n" { (sum.comments) }
                        td class="n" { (sum.amendments) }
                        td class="n" { (sum.total()) }
                    }
                }
            }
        }
    }
}

/// One paragraph (or, for `None`, the general comments) and its input by group.
fn paragraph<W: Write>(
    db: &Db,
    plan: &Plan,
    p: Option<&Paragraph>,
    out: &mut W,
) -> Result<(), ExportError> {
    let key = p.map(|p| p.id);
    let counts = plan.counts.get(&key);
    out.write_all(
        html! {
            @match p {
                Some(p) => {
                    (PreEscaped(format!("<section class=\"paragraph\" id=\"p-{}\">", p.number)))
                    h3 { (t("export-paragraph")) " " span dir="auto" { (p.label) } }
                    div class="para-text" dir="auto" lang=(plan.text_language) { (text_blocks(&p.text)) }
                }
                None => (PreEscaped("<section class=\"paragraph general\" id=\"general\">")),
            }
            @if let Some(counts) = counts {
                p class="counts" {
                    @for (i, g) in plan.groups().iter().filter(|g| counts.contains_key(g.as_str())).enumerate() {
                        @if i > 0 { " · " }
                        (i18n::group(g.as_str())) ": " (counts.get(g.as_str()).map_or(0, |t| t.total()))
                    }
                }
            } @else {
                p class="none" { (t("export-no_input")) }
            }
        }
        .into_string()
        .as_bytes(),
    )?;
    if let Some(counts) = counts {
        for g in plan.groups() {
            if !counts.contains_key(g.as_str()) {
                continue;
            }
            // The heading is written with the first thread: a group whose comments are
            // all replies in other groups' threads gets no empty heading.
            let mut opened = false;
            source::each_thread_page(db, &plan.scope, key, Some(g.as_str()), |nodes| {
                if !opened {
                    opened = true;
                    out.write_all(
                        html! { h4 { (i18n::group(g.as_str())) } (PreEscaped("<ol class=\"comments\">")) }
                            .into_string()
                            .as_bytes(),
                    )?;
                }
                for n in &nodes {
                    let markup = comment(plan, n, p);
                    out.write_all(markup.into_string().as_bytes())?;
                }
                Ok(())
            })?;
            if opened {
                out.write_all(b"</ol>")?;
            }
        }
    }
    out.write_all(b"</section>\n")?;
    Ok(())
}

/// Plain text with blank-line paragraphs, escaped.
fn text_blocks(text: &str) -> Markup {
    html! {
        @for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            p dir="auto" { (block) }
        }
    }
}

/// A comment with its replies, nested (at most `source::MAX_DEPTH` deep).
fn comment(plan: &Plan, n: &Node, paragraph: Option<&Paragraph>) -> Markup {
    let c = &n.comment;
    let amendment = c.kind == "amendment";
    let paragraph_text = paragraph.and_then(|p| plan.text_for(p, &c.language));
    html! {
        li class=@if amendment { "comment amendment" } @else { "comment" } id={ "c-" (c.id) } {
            (byline(plan, c))
            @if amendment {
                p class="kind" { (t("comment-amendment")) }
                @if let Some(proposed) = &c.proposed_text {
                    @match paragraph_text {
                        Some(old) => div class="diff" dir="auto" { (diff(old, proposed)) },
                        None => div class="diff" dir="auto" { (proposed) },
                    }
                }
            }
            @if let Some(body) = &c.body {
                div class="body" lang=(c.language) { (text_blocks(body)) }
            }
            @if !n.replies.is_empty() {
                ol class="replies" aria-label=(t("comment-replies")) {
                    @for r in &n.replies { (comment(plan, r, paragraph)) }
                }
            }
        }
    }
}

/// Who wrote it, as the attribution allows, and when.
fn byline(plan: &Plan, c: &CommentOut) -> Markup {
    let a = &c.author;
    html! {
        p class="byline" {
            @if let Some(name) = &a.display_name { strong dir="auto" { (name) } ", " }
            @if let Some(org) = &a.organization { span dir="auto" { (org) } ", " }
            @if let Some(cc) = &a.country { (cc) ", " }
            span class="badge" { (i18n::group(&a.stakeholder_group)) }
            @if a.affiliation_verified {
                " " span class="badge" { (t("comment-verified")) }
            } @else if a.stakeholder_group == "government" {
                " " span class="badge" { (t("comment-unverified")) }
            }
            " · " time datetime=(c.created_at) { (i18n::day_of(&c.created_at)) }
            @if let Some(l) = crate::drafts::translations::language(&c.language) {
                " · " span lang=(c.language) { (l.native_name()) }
            }
            @if c.edited_at.is_some() { " · " (t("comment-edited")) }
            @if plan.scope.all_statuses {
                " · " span class={ "badge status status-" (c.status) } { (i18n::status(&c.status)) }
            }
        }
    }
}

/// The proposed text against the paragraph, word by word: `<ins>` for what it adds and
/// `<del>` for what it removes. Unicode word boundaries, so that Chinese (no spaces) and
/// Arabic differ by word too.
pub fn diff(old: &str, new: &str) -> Markup {
    html! {
        @for (tag, text) in &diff_runs(old, new) {
            @match tag {
                ChangeTag::Equal => (text),
                ChangeTag::Delete => del { (text) },
                ChangeTag::Insert => ins { (text) },
            }
        }
    }
}

/// The proposed text against the paragraph as runs of kept, removed and added text
/// (the HTML and Word compilations draw them).
pub fn diff_runs(old: &str, new: &str) -> Vec<(ChangeTag, String)> {
    let d = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_unicode_words(old, new);
    // Runs of the same kind of change, so that a changed phrase is one element.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in d.iter_all_changes() {
        let tag = change.tag();
        match runs.last_mut() {
            Some((last, text)) if *last == tag => text.push_str(change.value()),
            _ => runs.push((tag, change.value().to_string())),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn an_amendment_is_marked_word_by_word_and_escaped() {
        let html = diff(
            "Commits to connectivity.",
            "Commits to universal <b>connectivity</b>.",
        )
        .into_string();
        assert!(html.starts_with("Commits to "));
        assert!(html.contains("<ins>universal &lt;b&gt;</ins>"), "{html}");
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn chinese_text_differs_by_word_not_by_sentence() {
        let html = diff("我们致力于连接", "我们致力于普遍连接").into_string();
        assert!(html.contains("<ins>"), "{html}");
        assert!(html.starts_with("我们"), "{html}");
    }
}
