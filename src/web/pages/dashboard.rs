//! `/drafts/{id}/dashboard`: who has been heard on which part of a draft, drawn as SVG
//! charts on the server, each followed by its figures as a table. Anyone may open it.

use actix_web::{web, HttpRequest};
use maud::{html, Markup};

use crate::accounts::model::Group;
use crate::auth::session::{CsrfToken, PageUser};
use crate::dashboard::regions;
use crate::dashboard::service::{self, ByGroup, Dashboard, ParagraphFigures, PlaceFigures};
use crate::drafts::tags;
use crate::i18n::{self, t, tr};
use crate::state::AppState;
use crate::web::charts::{self, BarRow, HeatRow, Values};
use crate::web::components::{notice, Notice};
use crate::web::layout::{page, Ctx};
use crate::web::{ok, PageResult};

/// How many countries the country chart draws (the table lists them all).
const TOP_COUNTRIES: usize = 15;

fn values(m: &ByGroup) -> Values {
    Group::ALL.map(|g| m.get(g.as_str()).copied().unwrap_or(0))
}

fn group_names(groups: &[String]) -> String {
    groups
        .iter()
        .map(|g| i18n::group(g))
        .collect::<Vec<_>>()
        .join(t("list-separator"))
}

/// A chart, its caption, and its figures as a table that can be opened beside it.
fn figure(chart: Markup, title: &str, caption: &str, table: Markup) -> Markup {
    html! {
        figure class="chart" {
            div class="chart-scroll" { (chart) }
            figcaption { (caption) }
            details class="chart-data" {
                summary { (t("dash-data_table")) span class="visually-hidden" { ": " (title) } }
                div class="table-scroll" { (table) }
            }
        }
    }
}

/// One row of a table of counts by group.
struct Row {
    key: String,
    head: Markup,
    extra: Vec<Markup>,
    values: Values,
}

fn group_table(id: &str, caption: &str, head: &str, extra: &[&str], rows: &[Row]) -> Markup {
    html! {
        table class="data" id=(id) {
            caption { (caption) }
            thead { tr {
                th scope="col" { (head) }
                @for e in extra { th scope="col" { (e) } }
                @for g in Group::ALL { th scope="col" class="num" data-group=(g.as_str()) { (i18n::group(g.as_str())) } }
                th scope="col" class="num" { (t("dash-total")) }
            } }
            tbody {
                @for r in rows {
                    tr data-key=(r.key) {
                        th scope="row" { (r.head) }
                        @for e in &r.extra { td { (e) } }
                        @for v in r.values { td class="num" { (i18n::number(v)) } }
                        td class="num" { strong { (i18n::number(r.values.iter().sum::<i64>())) } }
                    }
                }
            }
        }
    }
}

/// "Government 5, Private sector 0, …": the text alternative of a chart by group.
fn describe_groups(v: &Values) -> String {
    Group::ALL
        .iter()
        .zip(v)
        .map(|(g, n)| format!("{} {n}", i18n::group(g.as_str())))
        .collect::<Vec<_>>()
        .join(t("list-separator"))
}

fn totals_section(d: &Dashboard) -> Markup {
    let tot = &d.totals;
    let rows: [(&str, &str, i64); 9] = [
        ("comments", t("dash-totals-comments"), tot.comments),
        ("amendments", t("dash-totals-amendments"), tot.amendments),
        (
            "participants",
            t("dash-totals-participants"),
            tot.participants,
        ),
        ("countries", t("dash-totals-countries"), tot.countries),
        ("paragraphs", t("dash-totals-paragraphs"), tot.paragraphs),
        (
            "paragraphs_with_input",
            t("dash-totals-with_input"),
            tot.paragraphs_with_input,
        ),
        (
            "paragraphs_without_input",
            t("dash-totals-without_input"),
            tot.paragraphs - tot.paragraphs_with_input,
        ),
        (
            "general_comments",
            t("dash-totals-general"),
            tot.general_comments,
        ),
        (
            "flagged_paragraphs",
            t("dash-totals-flagged"),
            tot.flagged_paragraphs,
        ),
    ];
    html! {
        section id="totals" aria-labelledby="totals-title" {
            h2 id="totals-title" { (t("dash-totals")) }
            table class="data totals" id="data-totals" {
                caption class="visually-hidden" { (t("dash-totals")) }
                tbody {
                    @for (key, label, n) in rows {
                        tr data-key=(key) { th scope="row" { (label) } td class="num" { (i18n::number(n)) } }
                    }
                    tr data-key="silent_groups" {
                        th scope="row" { (t("dash-totals-silent")) }
                        td { @if tot.silent_groups.is_empty() { (t("dash-none")) } @else { (group_names(&tot.silent_groups)) } }
                    }
                }
            }
        }
    }
}

fn finding(p: &ParagraphFigures) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(g), Some(share)) = (&p.balance.dominant_group, p.balance.dominant_percent) {
        out.push(tr(
            "dash-balance-dominant",
            &[
                ("group", i18n::group(g).into()),
                ("share", share.into()),
                ("n", p.total.into()),
            ],
        ));
    }
    if !p.balance.silent_groups.is_empty() {
        out.push(tr(
            "dash-balance-silent",
            &[("groups", group_names(&p.balance.silent_groups).into())],
        ));
    }
    out
}

fn para_href(d: &Dashboard, p: &ParagraphFigures) -> String {
    format!("/drafts/{}/paragraphs/{}", d.draft_id, p.paragraph_id)
}

fn balance_section(d: &Dashboard) -> Markup {
    let flagged: Vec<&ParagraphFigures> = d
        .paragraphs
        .iter()
        .filter(|p| p.balance.flagged())
        .collect();
    let rule = tr(
        "dash-balance-rule",
        &[
            ("share", crate::dashboard::balance::DOMINANT_PERCENT.into()),
            ("n", crate::dashboard::balance::MIN_COMMENTS.into()),
        ],
    );
    html! {
        section id="balance" aria-labelledby="balance-title" {
            h2 id="balance-title" { (t("dash-balance")) }
            p { (rule) }
            @if flagged.is_empty() {
                p class="balance-ok" { (t("dash-balance-none")) }
            } @else {
                div class="table-scroll" {
                    table class="data" id="data-balance" {
                        caption { (t("dash-balance-caption")) }
                        thead { tr {
                            th scope="col" { (t("export-paragraph")) }
                            th scope="col" class="num" { (t("dash-total")) }
                            th scope="col" { (t("dash-balance-finding")) }
                        } }
                        tbody {
                            @for p in &flagged {
                                tr data-key=(p.number) class="flagged" {
                                    th scope="row" { a href=(para_href(d, p)) { (p.label) } }
                                    td class="num" { (i18n::number(p.total)) }
                                    td { @for f in finding(p) { span class="finding" { "⚑ " (f) } " " } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn by_group_section(d: &Dashboard) -> Markup {
    let v = values(&d.by_group);
    let total = d.totals.comments.max(1);
    let rows: Vec<BarRow> = Group::ALL
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut only = [0; 6];
            only[i] = v[i];
            BarRow {
                label: i18n::group(g.as_str()).to_string(),
                title: i18n::group(g.as_str()).to_string(),
                values: only,
            }
        })
        .collect();
    let table_rows: Vec<Row> = Group::ALL
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut only = [0; 6];
            only[i] = v[i];
            Row {
                key: g.as_str().to_string(),
                head: html! { (i18n::group(g.as_str())) },
                extra: vec![
                    html! { (d.totals.participants_by_group.get(g.as_str()).copied().unwrap_or(0)) },
                    html! { (v[i] * 100 / total) " %" },
                ],
                values: only,
            }
        })
        .collect();
    let desc = format!("{} {}", t("dash-by_group-desc"), describe_groups(&v));
    html! {
        section id="by-group" aria-labelledby="by-group-title" {
            h2 id="by-group-title" { (t("dash-by_group")) }
            (figure(
                charts::stacked_bars("chart-by-group", t("dash-by_group"), &desc, &rows, false),
                t("dash-by_group"),
                t("dash-by_group-caption"),
                group_table("data-by-group", t("dash-by_group"), t("field-stakeholder_group"), &[t("dash-participants"), t("dash-share")], &table_rows),
            ))
        }
    }
}

fn note(p: &ParagraphFigures) -> Option<String> {
    if p.total == 0 {
        return Some(t("dash-note-untouched").to_string());
    }
    let mut parts = Vec::new();
    if let (Some(g), Some(share)) = (&p.balance.dominant_group, p.balance.dominant_percent) {
        parts.push(format!("⚑ {} {share} %", i18n::group(g)));
    }
    if !p.balance.silent_groups.is_empty() {
        parts.push(format!(
            "⚑ {}",
            tr(
                "dash-note-silent",
                &[("n", p.balance.silent_groups.len().into())]
            )
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn heat_map_section(d: &Dashboard) -> Markup {
    let rows: Vec<HeatRow> = d
        .paragraphs
        .iter()
        .map(|p| HeatRow {
            label: p.label.clone(),
            values: values(&p.by_group),
            note: note(p),
            flagged: p.balance.flagged(),
        })
        .collect();
    let untouched = d.totals.paragraphs - d.totals.paragraphs_with_input;
    let desc = tr(
        "dash-heat-desc",
        &[
            ("paragraphs", d.totals.paragraphs.into()),
            ("untouched", untouched.into()),
            ("flagged", d.totals.flagged_paragraphs.into()),
        ],
    );
    let table_rows: Vec<Row> = d
        .paragraphs
        .iter()
        .map(|p| Row {
            key: p.number.to_string(),
            head: html! { a href=(para_href(d, p)) { (p.label) } },
            extra: vec![
                html! { (p.tags.join(" ")) },
                html! { @if p.total == 0 { (t("dash-note-untouched")) } @for f in finding(p) { span class="finding" { "⚑ " (f) } " " } },
            ],
            values: values(&p.by_group),
        })
        .collect();
    let untouched_list: Vec<&ParagraphFigures> =
        d.paragraphs.iter().filter(|p| p.total == 0).collect();
    let table = group_table(
        "data-heat-map",
        t("dash-heat"),
        t("export-paragraph"),
        &[t("dash-tags"), t("dash-balance-short")],
        &table_rows,
    );
    html! {
        section id="heat-map" aria-labelledby="heat-map-title" {
            h2 id="heat-map-title" { (t("dash-heat")) }
            p { (t("dash-heat-lead")) }
            (figure(charts::heat_map("chart-heat-map", t("dash-heat"), &desc, &rows), t("dash-heat"), t("dash-heat-caption"), table))
            @if !untouched_list.is_empty() {
                p id="untouched" { strong { (t("dash-heat-untouched_list")) } " "
                    @for (i, p) in untouched_list.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(para_href(d, p)) { (p.label) }
                    }
                }
            }
        }
    }
}

fn tag_section(d: &Dashboard, action_lines: bool) -> Markup {
    let list: Vec<&service::TagFigures> = d
        .by_tag
        .iter()
        .filter(|tf| tf.tag.starts_with('C') == action_lines)
        .collect();
    let (id, title, caption, desc_key) = if action_lines {
        (
            "by-action-line",
            t("dash-by_action_line"),
            t("dash-by_action_line-caption"),
            t("dash-by_action_line-desc"),
        )
    } else {
        (
            "by-sdg",
            t("dash-by_sdg"),
            t("dash-by_sdg-caption"),
            t("dash-by_sdg-desc"),
        )
    };
    let rows: Vec<BarRow> = list
        .iter()
        .map(|tf| BarRow {
            label: tf.tag.clone(),
            title: format!("{} {}", tf.tag, tags::name(&tf.tag).unwrap_or("")),
            values: values(&tf.by_group),
        })
        .collect();
    let desc = format!(
        "{} {}",
        desc_key,
        list.iter()
            .map(|tf| format!("{} {}", tf.tag, tf.total))
            .collect::<Vec<_>>()
            .join(t("list-separator"))
    );
    let table_rows: Vec<Row> = list
        .iter()
        .map(|tf| Row {
            key: tf.tag.clone(),
            head: html! { (tf.tag) },
            extra: vec![
                html! { (tags::name(&tf.tag).unwrap_or("")) },
                html! { (tf.paragraphs) },
            ],
            values: values(&tf.by_group),
        })
        .collect();
    let chart_id = format!("chart-{id}");
    let table_id = format!("data-{id}");
    html! {
        section id=(id) aria-labelledby={ (id) "-title" } {
            h2 id={ (id) "-title" } { (title) }
            @if !action_lines && list.is_empty() {
                p { (t("dash-by_sdg-none")) }
            } @else {
                (figure(
                    charts::stacked_bars(&chart_id, title, &desc, &rows, true),
                    title,
                    caption,
                    group_table(&table_id, title, t("dash-tag"), &[t("dash-tag-name"), t("dash-tag-paragraphs")], &table_rows),
                ))
            }
        }
    }
}

fn place_rows(
    list: &[PlaceFigures],
    head: impl Fn(Option<&str>) -> Markup,
    extra: impl Fn(Option<&str>) -> Vec<Markup>,
) -> Vec<Row> {
    list.iter()
        .map(|p| Row {
            key: p.code.clone().unwrap_or_else(|| "unknown".into()),
            head: head(p.code.as_deref()),
            extra: extra(p.code.as_deref()),
            values: values(&p.by_group),
        })
        .collect()
}

fn region_label(code: Option<&str>) -> String {
    match code {
        Some(c) => regions::name(c).to_string(),
        None => t("dash-region-unknown").to_string(),
    }
}

fn places_section(d: &Dashboard) -> Markup {
    let regions_shown: Vec<&PlaceFigures> = d
        .by_region
        .iter()
        .filter(|p| p.code.is_some() || p.total > 0)
        .collect();
    let region_bars: Vec<BarRow> = regions_shown
        .iter()
        .map(|p| BarRow {
            label: region_label(p.code.as_deref()),
            title: region_label(p.code.as_deref()),
            values: values(&p.by_group),
        })
        .collect();
    let region_desc = format!(
        "{} {}",
        t("dash-by_region-desc"),
        regions_shown
            .iter()
            .map(|p| format!("{} {}", region_label(p.code.as_deref()), p.total))
            .collect::<Vec<_>>()
            .join(t("list-separator"))
    );
    let region_rows = place_rows(&d.by_region, |c| html! { (region_label(c)) }, |_| vec![]);
    let sub_rows = place_rows(
        &d.by_sub_region,
        |c| html! { (region_label(c)) },
        |c| vec![html! { (c.and_then(regions::region_of_area).map(regions::name).unwrap_or("—")) }],
    );
    let top: Vec<&PlaceFigures> = d
        .by_country
        .iter()
        .filter(|p| p.code.is_some())
        .take(TOP_COUNTRIES)
        .collect();
    let country_bars: Vec<BarRow> = top
        .iter()
        .map(|p| {
            let code = p.code.clone().unwrap_or_default();
            let area = regions::locate(&code)
                .map(|l| regions::name(l.area()))
                .unwrap_or("");
            BarRow {
                title: format!("{code} ({area})"),
                label: code,
                values: values(&p.by_group),
            }
        })
        .collect();
    let country_desc = format!(
        "{} {}",
        t("dash-by_country-desc"),
        top.iter()
            .map(|p| format!("{} {}", p.code.as_deref().unwrap_or(""), p.total))
            .collect::<Vec<_>>()
            .join(t("list-separator"))
    );
    let country_rows = place_rows(
        &d.by_country,
        |c| html! { @match c { Some(c) => (c), None => (t("dash-country-unknown")) } },
        |c| {
            let area = c.and_then(regions::locate).map(|l| regions::name(l.area()));
            vec![html! { (area.unwrap_or("—")) }]
        },
    );
    html! {
        section id="by-place" aria-labelledby="by-place-title" {
            h2 id="by-place-title" { (t("dash-by_place")) }
            p { (t("dash-by_place-lead")) }
            h3 { (t("dash-by_region")) }
            (figure(
                charts::stacked_bars("chart-by-region", t("dash-by_region"), &region_desc, &region_bars, true),
                t("dash-by_region"),
                t("dash-by_region-caption"),
                html! {
                    (group_table("data-by-region", t("dash-by_region"), t("dash-region"), &[], &region_rows))
                    (group_table("data-by-sub-region", t("dash-by_sub_region"), t("dash-sub_region"), &[t("dash-region")], &sub_rows))
                },
            ))
            h3 { (t("dash-by_country")) }
            @if top.is_empty() {
                p { (t("dash-by_country-none")) }
            }
            (figure(
                charts::stacked_bars("chart-by-country", t("dash-by_country"), &country_desc, &country_bars, true),
                t("dash-by_country"),
                t("dash-by_country-caption"),
                group_table("data-by-country", t("dash-by_country"), t("dash-country"), &[t("dash-sub_region")], &country_rows),
            ))
        }
    }
}

/// Input by the language it is written in, beside groups and regions.
fn languages_section(d: &Dashboard) -> Markup {
    let name = |code: Option<&str>| {
        code.and_then(crate::drafts::translations::language)
            .map_or("—", |l| l.native_name())
            .to_string()
    };
    let bars: Vec<BarRow> = d
        .by_language
        .iter()
        .map(|p| BarRow {
            label: name(p.code.as_deref()),
            title: name(p.code.as_deref()),
            values: values(&p.by_group),
        })
        .collect();
    let desc = format!(
        "{} {}",
        t("dash-by_language-desc"),
        d.by_language
            .iter()
            .map(|p| format!("{} {}", name(p.code.as_deref()), p.total))
            .collect::<Vec<_>>()
            .join(t("list-separator"))
    );
    let rows = place_rows(
        &d.by_language,
        |c| html! { span lang=[c] { (name(c)) } },
        |_| vec![],
    );
    html! {
        section id="by-language" aria-labelledby="by-language-title" {
            h2 id="by-language-title" { (t("dash-by_language")) }
            @if d.by_language.is_empty() {
                p { (t("dash-by_language-none")) }
            } @else {
                (figure(
                    charts::stacked_bars("chart-by-language", t("dash-by_language"), &desc, &bars, true),
                    t("dash-by_language"),
                    t("dash-by_language-caption"),
                    group_table("data-by-language", t("dash-by_language"), t("dash-language"), &[], &rows),
                ))
            }
        }
    }
}

fn over_time_section(d: &Dashboard) -> Markup {
    let days: Vec<(String, Values)> = d
        .by_day
        .iter()
        .map(|r| (r.day.clone(), values(&r.by_group)))
        .collect();
    let desc = match (d.by_day.first(), d.by_day.last()) {
        (Some(first), Some(last)) => {
            let peak = d
                .by_day
                .iter()
                .max_by_key(|r| r.total)
                .map(|r| (r.day.as_str(), r.total))
                .unwrap_or(("", 0));
            tr(
                "dash-by_day-desc",
                &[
                    ("first", first.day.as_str().into()),
                    ("last", last.day.as_str().into()),
                    ("peak_day", peak.0.into()),
                    ("peak", peak.1.into()),
                ],
            )
        }
        _ => t("dash-by_day-empty").to_string(),
    };
    let rows: Vec<Row> = d
        .by_day
        .iter()
        .map(|r| Row {
            key: r.day.clone(),
            head: html! { time datetime=(r.day) { (i18n::day_of(&r.day)) } },
            extra: vec![],
            values: values(&r.by_group),
        })
        .collect();
    html! {
        section id="over-time" aria-labelledby="over-time-title" {
            h2 id="over-time-title" { (t("dash-by_day")) }
            @if days.is_empty() {
                p { (t("dash-by_day-empty")) }
            } @else {
                (figure(
                    charts::columns_by_day("chart-by-day", t("dash-by_day"), &desc, &days),
                    t("dash-by_day"),
                    t("dash-by_day-caption"),
                    group_table("data-by-day", t("dash-by_day"), t("dash-day"), &[], &rows),
                ))
            }
        }
    }
}

/// The whole page body, from the figures.
pub fn render(d: &Dashboard) -> Markup {
    html! {
        p class="muted" {
            a href={ "/consultations/" (d.consultation_id) } { (d.consultation_title) } " · "
            a href={ "/drafts/" (d.draft_id) } { (d.title) " — " (d.version_label) }
        }
        h1 { (t("dash-title")) " " small class="muted" { (d.title) " — " (d.version_label) } }
        p class="lead" { (t("dash-lead")) }
        @if d.totals.comments == 0 { (notice(&Notice::Info(t("dash-empty")))) }
        nav aria-labelledby="dash-contents" class="no-print" {
            h2 id="dash-contents" class="visually-hidden" { (t("draft-contents")) }
            ul class="inline-list" {
                li { a href="#balance" { (t("dash-balance")) } }
                li { a href="#by-group" { (t("dash-by_group")) } }
                li { a href="#heat-map" { (t("dash-heat")) } }
                li { a href="#by-action-line" { (t("dash-by_action_line")) } }
                li { a href="#by-place" { (t("dash-by_place")) } }
                li { a href="#by-language" { (t("dash-by_language")) } }
                li { a href="#over-time" { (t("dash-by_day")) } }
                li { a href={ "/api/v1/drafts/" (d.draft_id) "/dashboard" } { (t("dash-json")) } }
            }
        }
        (totals_section(d))
        (balance_section(d))
        (by_group_section(d))
        (heat_map_section(d))
        (tag_section(d, true))
        (tag_section(d, false))
        (places_section(d))
        (languages_section(d))
        (over_time_section(d))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
    path: web::Path<i64>,
) -> PageResult {
    let d = service::load(&state.db, path.into_inner()).await?;
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    let title = format!("{} — {} {}", t("dash-title"), d.title, d.version_label);
    Ok(ok(page(&ctx, &title, render(&d))))
}
