//! Server-drawn SVG charts built with maud (so every label is escaped): stacked bars,
//! a heat map and columns by day. Each is a `<figure>` whose SVG has `role="img"`, a
//! `<title>` and a `<desc>`, followed by the same figures as a data table.
//!
//! Stakeholder groups keep one colour *and* one pattern everywhere, so that the charts
//! still read when printed in black and white; counts are written as text as well.

use maud::{html, Markup};

use crate::accounts::model::Group;
use crate::i18n::{self, t};

/// Counts in `Group::ALL` order.
pub type Values = [i64; 6];

/// The fill colour of a group: distinct hues with distinct lightness.
pub fn colour(g: Group) -> &'static str {
    match g {
        Group::Government => "#1f5fa8",
        Group::PrivateSector => "#e69f00",
        Group::CivilSociety => "#2e8540",
        Group::Academia => "#b58ee0",
        Group::TechnicalCommunity => "#0a5057",
        Group::InternationalOrganization => "#d4567a",
    }
}

fn group_index(g: Group) -> usize {
    Group::ALL.iter().position(|x| *x == g).unwrap_or(0)
}

fn pattern_id(chart: &str, g: Group) -> String {
    format!("{chart}-pat-{}", group_index(g))
}

fn fill(chart: &str, g: Group) -> String {
    format!("url(#{})", pattern_id(chart, g))
}

/// One pattern per group (solid, diagonal, dots, horizontal, cross-hatch, vertical),
/// plus a light hatch for empty heat-map cells.
fn defs(chart: &str) -> Markup {
    html! {
        defs {
            @for g in Group::ALL {
                pattern id=(pattern_id(chart, g)) patternUnits="userSpaceOnUse" width="8" height="8" {
                    rect width="8" height="8" fill=(colour(g)) {}
                    @match g {
                        Group::Government => {}
                        Group::PrivateSector => path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#3d2a00" stroke-width="1.5" {},
                        Group::CivilSociety => circle cx="4" cy="4" r="1.6" fill="#ffffff" {},
                        Group::Academia => path d="M0,4 h8" stroke="#2b1650" stroke-width="1.5" {},
                        Group::TechnicalCommunity => path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" stroke-width="1" {},
                        Group::InternationalOrganization => path d="M4,0 v8" stroke="#ffffff" stroke-width="1.5" {},
                    }
                }
            }
            pattern id={ (chart) "-pat-none" } patternUnits="userSpaceOnUse" width="6" height="6" {
                rect width="6" height="6" fill="#ffffff" {}
                path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#b0b7c0" stroke-width="1" {}
            }
        }
    }
}

/// The legend of the six groups, as a row of swatches at the top of a chart.
fn legend(chart: &str, width: f64) -> (Markup, f64) {
    let per_row = if width >= 700.0 { 3 } else { 2 };
    let item_w = (width - 16.0) / per_row as f64;
    let rows = Group::ALL.len().div_ceil(per_row);
    let ax = Axis::new(width);
    let markup = html! {
        g class="legend" {
            @for (i, g) in Group::ALL.iter().enumerate() {
                @let x = 8.0 + (i % per_row) as f64 * item_w;
                @let y = 8.0 + (i / per_row) as f64 * 20.0;
                rect x=(ax.start(x, 14.0)) y=(n(y)) width="14" height="14" fill=(fill(chart, *g)) stroke="#1b1b1b" stroke-width="0.5" {}
                text x=(ax.at(x + 20.0)) y=(n(y + 11.0)) { (i18n::group(g.as_str())) }
            }
        }
    };
    (markup, 8.0 + rows as f64 * 20.0 + 4.0)
}

/// The stacked pieces of one bar: (group, count before it, its count), zeros left out.
fn segments(values: &Values) -> Vec<(Group, i64, i64)> {
    let mut acc = 0;
    let mut out = Vec::new();
    for (g, v) in Group::ALL.iter().zip(values) {
        if *v > 0 {
            out.push((*g, acc, *v));
        }
        acc += v;
    }
    out
}

/// A number for an SVG attribute.
fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// Horizontal positions, measured from the side a line of text starts on: the left, or
/// the right in a right-to-left language, so an Arabic chart has its labels on the right
/// and its bars and days growing leftwards. Text anchors need no change: `start` and
/// `end` follow the `direction` the SVG inherits from `<html dir>`.
#[derive(Clone, Copy)]
struct Axis {
    width: f64,
    rtl: bool,
}

impl Axis {
    fn new(width: f64) -> Axis {
        Axis {
            width,
            rtl: i18n::current().dir() == "rtl",
        }
    }

    /// A point `x` from the start side (a text's anchor, a line's end).
    fn at(self, x: f64) -> String {
        n(if self.rtl { self.width - x } else { x })
    }

    /// The left edge of a box `w` wide whose start edge is `x` from the start side.
    fn start(self, x: f64, w: f64) -> String {
        n(if self.rtl { self.width - x - w } else { x })
    }
}

/// Round numbers for an axis up to `max`: 1, 2 or 5 × 10^k apart, about five of them.
pub fn ticks(max: i64) -> Vec<i64> {
    let max = max.max(1);
    let mut step = 1;
    'outer: loop {
        for m in [1, 2, 5] {
            if max / (step * m) <= 5 {
                step *= m;
                break 'outer;
            }
        }
        step *= 10;
    }
    let top = (max + step - 1) / step * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// The accessible frame of every chart: the SVG with its title and description.
fn svg(id: &str, title: &str, desc: &str, width: f64, height: f64, body: Markup) -> Markup {
    html! {
        svg xmlns="http://www.w3.org/2000/svg" id=(id) role="img"
            aria-labelledby={ (id) "-title " (id) "-desc" }
            viewBox={ "0 0 " (n(width)) " " (n(height)) } width=(n(width)) height=(n(height)) {
            title id={ (id) "-title" } { (title) }
            desc id={ (id) "-desc" } { (desc) }
            (defs(id))
            (body)
        }
    }
}

/// One row of a bar chart: a label and the counts per group.
pub struct BarRow {
    pub label: String,
    /// The full name, for the tooltip (e.g. an Action Line's title).
    pub title: String,
    pub values: Values,
}

/// Horizontal bars, stacked by group. With `legend` off, each row is expected to hold
/// one group only (its label names it).
pub fn stacked_bars(id: &str, title: &str, desc: &str, rows: &[BarRow], legend_on: bool) -> Markup {
    let width = 720.0;
    let label_w = 170.0;
    let plot_w = width - label_w - 60.0;
    let row_h = 26.0;
    let (legend_markup, legend_h) = if legend_on {
        legend(id, width)
    } else {
        (html! {}, 0.0)
    };
    let top = legend_h + 8.0;
    let max = rows
        .iter()
        .map(|r| r.values.iter().sum::<i64>())
        .max()
        .unwrap_or(0);
    let ticks = ticks(max);
    let scale_max = ticks.last().copied().unwrap_or(1).max(1) as f64;
    let x = |v: f64| label_w + v / scale_max * plot_w;
    let ax = Axis::new(width);
    let plot_h = rows.len() as f64 * row_h;
    let height = top + plot_h + 28.0;
    let body = html! {
        (legend_markup)
        g class="grid" {
            @for tk in &ticks {
                line x1=(ax.at(x(*tk as f64))) x2=(ax.at(x(*tk as f64))) y1=(n(top)) y2=(n(top + plot_h)) stroke="#c9ced6" stroke-width="1" {}
                text x=(ax.at(x(*tk as f64))) y=(n(top + plot_h + 18.0)) text-anchor="middle" { (tk) }
            }
        }
        @for (i, r) in rows.iter().enumerate() {
            @let y = top + i as f64 * row_h;
            @let total: i64 = r.values.iter().sum();
            g class="bar" {
                title { (r.title) ": " (total) }
                text x=(ax.at(label_w - 8.0)) y=(n(y + row_h / 2.0 + 4.0)) text-anchor="end" { (r.label) }
                @for (g, acc, v) in segments(&r.values) {
                    @let w = x((acc + v) as f64) - x(acc as f64);
                    rect x=(ax.start(x(acc as f64), w)) y=(n(y + 4.0)) width=(n(w)) height=(n(row_h - 8.0))
                        fill=(fill(id, g)) stroke="#1b1b1b" stroke-width="0.5" {
                        title { (i18n::group(g.as_str())) ": " (v) }
                    }
                }
                text x=(ax.at(x(total as f64) + 6.0)) y=(n(y + row_h / 2.0 + 4.0)) font-weight="700" { (total) }
            }
        }
        line x1=(ax.at(label_w)) x2=(ax.at(label_w)) y1=(n(top)) y2=(n(top + plot_h)) stroke="#1b1b1b" stroke-width="1" {}
    };
    svg(id, title, desc, width, height, body)
}

/// One row of the heat map: a paragraph.
pub struct HeatRow {
    pub label: String,
    pub values: Values,
    /// A short finding shown at the end of the row ("no input", "one group 80 %").
    pub note: Option<String>,
    pub flagged: bool,
}

/// The shading class of a count, 1 (lightest) to 5, against the largest count.
pub fn heat_class(v: i64, max: i64) -> usize {
    if v <= 0 || max <= 0 {
        return 0;
    }
    ((v * 5 + max - 1) / max).clamp(1, 5) as usize
}

const HEAT: [&str; 6] = [
    "#ffffff", "#dce8f8", "#a9c6ea", "#6f9fd6", "#2f6db5", "#0f2d57",
];

/// The legend's ranges: (class, lowest, highest count) for the classes in use.
pub fn heat_ranges(max: i64) -> Vec<(usize, i64, i64)> {
    (1..=5)
        .filter_map(|c| {
            let lo = max * (c as i64 - 1) / 5 + 1;
            let hi = max * c as i64 / 5;
            (lo <= hi).then_some((c, lo, hi))
        })
        .collect()
}

/// Paragraphs × groups: how many comments each group wrote on each paragraph; empty
/// cells hatched, untouched paragraphs and flagged ones named at the end of the row.
pub fn heat_map(id: &str, title: &str, desc: &str, rows: &[HeatRow]) -> Markup {
    let label_w = 70.0;
    let col_w = 92.0;
    let total_w = 60.0;
    let note_w = 190.0;
    let width = label_w + col_w * 6.0 + total_w + note_w;
    let head_h = 40.0;
    let row_h = 22.0;
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().copied())
        .max()
        .unwrap_or(0);
    let ranges = heat_ranges(max);
    let plot_h = rows.len() as f64 * row_h;
    let legend_y = head_h + plot_h + 14.0;
    let height = legend_y + 30.0;
    let ax = Axis::new(width);
    let body = html! {
        g class="heat-head" {
            @for (gi, g) in Group::ALL.iter().enumerate() {
                @let cx = label_w + gi as f64 * col_w + col_w / 2.0;
                text x=(ax.at(cx)) y="14" text-anchor="middle" {
                    @for (li, word) in i18n::group(g.as_str()).splitn(2, ' ').enumerate() {
                        tspan x=(ax.at(cx)) dy=(if li == 0 { "0" } else { "14" }) { (word) }
                    }
                }
            }
            text x=(ax.at(label_w + 6.0 * col_w + total_w / 2.0)) y="14" text-anchor="middle" font-weight="700" { (t("dash-total")) }
            text x=(ax.at(label_w + 6.0 * col_w + total_w + 8.0)) y="14" { (t("dash-balance-short")) }
        }
        @for (i, r) in rows.iter().enumerate() {
            @let y = head_h + i as f64 * row_h;
            @let total: i64 = r.values.iter().sum();
            g class="heat-row" {
                text x=(ax.at(label_w - 8.0)) y=(n(y + 15.0)) text-anchor="end" font-weight=[r.flagged.then_some("700")] { (r.label) }
                @for (gi, g) in Group::ALL.iter().enumerate() {
                    @let v = r.values[gi];
                    @let c = heat_class(v, max);
                    @let x = label_w + gi as f64 * col_w;
                    rect x=(ax.start(x + 1.0, col_w - 2.0)) y=(n(y + 1.0)) width=(n(col_w - 2.0)) height=(n(row_h - 2.0))
                        fill=(if c == 0 { format!("url(#{id}-pat-none)") } else { HEAT[c].to_string() })
                        stroke="#c9ced6" stroke-width="0.5" {
                        title { (r.label) ", " (i18n::group(g.as_str())) ": " (v) }
                    }
                    @if v > 0 {
                        text x=(ax.at(x + col_w / 2.0)) y=(n(y + 15.0)) text-anchor="middle"
                            fill=(if c >= 4 { "#ffffff" } else { "#1b1b1b" }) class=[(c >= 4).then_some("on-dark")] { (v) }
                    }
                }
                text x=(ax.at(label_w + 6.0 * col_w + total_w / 2.0)) y=(n(y + 15.0)) text-anchor="middle" font-weight="700" { (total) }
                @if let Some(note) = &r.note {
                    text x=(ax.at(label_w + 6.0 * col_w + total_w + 8.0)) y=(n(y + 15.0)) font-weight=[r.flagged.then_some("700")] { (note) }
                }
            }
        }
        g class="heat-legend" {
            rect x=(ax.start(label_w, 14.0)) y=(n(legend_y)) width="14" height="14" fill={ "url(#" (id) "-pat-none)" } stroke="#6f7782" stroke-width="0.5" {}
            text x=(ax.at(label_w + 20.0)) y=(n(legend_y + 11.0)) { "0" }
            @for (k, (c, lo, hi)) in ranges.iter().enumerate() {
                @let x = label_w + 60.0 + k as f64 * 90.0;
                rect x=(ax.start(x, 14.0)) y=(n(legend_y)) width="14" height="14" fill=(HEAT[*c]) stroke="#6f7782" stroke-width="0.5" {}
                text x=(ax.at(x + 20.0)) y=(n(legend_y + 11.0)) { @if lo == hi { (lo) } @else { (lo) "–" (hi) } }
            }
        }
    };
    svg(id, title, desc, width, height, body)
}

/// Columns per day, stacked by group, with a time axis of ISO dates.
pub fn columns_by_day(id: &str, title: &str, desc: &str, days: &[(String, Values)]) -> Markup {
    let width = 720.0;
    let axis_w = 44.0;
    let plot_w = width - axis_w - 16.0;
    let plot_h = 200.0;
    let (legend_markup, legend_h) = legend(id, width);
    let top = legend_h + 10.0;
    let height = top + plot_h + 34.0;
    let max = days
        .iter()
        .map(|(_, v)| v.iter().sum::<i64>())
        .max()
        .unwrap_or(0);
    let ticks = ticks(max);
    let scale_max = ticks.last().copied().unwrap_or(1).max(1) as f64;
    let y = |v: f64| top + plot_h - v / scale_max * plot_h;
    let slot = plot_w / days.len().max(1) as f64;
    let gap = if slot > 4.0 { 1.0 } else { 0.0 };
    let every = days.len().div_ceil(6).max(1);
    let ax = Axis::new(width);
    let body = html! {
        (legend_markup)
        g class="grid" {
            @for tk in &ticks {
                line x1=(ax.at(axis_w)) x2=(ax.at(axis_w + plot_w)) y1=(n(y(*tk as f64))) y2=(n(y(*tk as f64))) stroke="#c9ced6" stroke-width="1" {}
                text x=(ax.at(axis_w - 6.0)) y=(n(y(*tk as f64) + 4.0)) text-anchor="end" { (tk) }
            }
        }
        @for (i, (day, values)) in days.iter().enumerate() {
            @let x = axis_w + i as f64 * slot;
            @let total: i64 = values.iter().sum();
            g class="day" {
                title { (day) ": " (total) }
                @for (g, acc, v) in segments(values) {
                    rect x=(ax.start(x + gap / 2.0, (slot - gap).max(0.5))) y=(n(y((acc + v) as f64))) width=(n((slot - gap).max(0.5)))
                        height=(n(y(acc as f64) - y((acc + v) as f64))) fill=(fill(id, g)) stroke="#1b1b1b" stroke-width="0.3" {
                        title { (day) ", " (i18n::group(g.as_str())) ": " (v) }
                    }
                }
                @if i % every == 0 || i + 1 == days.len() {
                    line x1=(ax.at(x + slot / 2.0)) x2=(ax.at(x + slot / 2.0)) y1=(n(top + plot_h)) y2=(n(top + plot_h + 4.0)) stroke="#1b1b1b" {}
                    text x=(ax.at(x + slot / 2.0)) y=(n(top + plot_h + 18.0)) text-anchor="middle" font-size="11" { (day) }
                }
            }
        }
        line x1=(ax.at(axis_w)) x2=(ax.at(axis_w + plot_w)) y1=(n(top + plot_h)) y2=(n(top + plot_h)) stroke="#1b1b1b" stroke-width="1" {}
    };
    svg(id, title, desc, width, height, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{in_lang, Lang};

    #[test]
    fn an_arabic_chart_starts_on_the_right() {
        let rows = [BarRow {
            label: "¶1".into(),
            title: "¶1".into(),
            values: [4, 0, 0, 0, 0, 0],
        }];
        let bars = |lang| in_lang(lang, || stacked_bars("c", "t", "d", &rows, false)).into_string();
        // The label's anchor: 8 px before the 170 px label column, from the start side
        // of a 720 px chart; the bar from the axis towards the end side.
        let (en, ar) = (bars(Lang::En), bars(Lang::Ar));
        assert!(
            en.contains(r#"x="162.0" y="25.0" text-anchor="end""#),
            "{en}"
        );
        assert!(
            ar.contains(r#"x="558.0" y="25.0" text-anchor="end""#),
            "{ar}"
        );
        assert!(en.contains(r#"<rect x="170.0""#), "{en}");
        assert!(ar.contains(r#"<rect x="60.0""#), "{ar}");
    }

    #[test]
    fn ticks_are_round_and_reach_the_maximum() {
        assert_eq!(ticks(0), [0, 1]);
        assert_eq!(ticks(4), [0, 1, 2, 3, 4]);
        assert_eq!(ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(ticks(23), [0, 5, 10, 15, 20, 25]);
        assert_eq!(ticks(480), [0, 100, 200, 300, 400, 500]);
    }

    #[test]
    fn heat_classes_cover_one_to_the_maximum_without_gaps() {
        assert_eq!(heat_class(0, 10), 0);
        assert_eq!(heat_class(1, 10), 1);
        assert_eq!(heat_class(10, 10), 5);
        assert_eq!(
            heat_ranges(10),
            [(1, 1, 2), (2, 3, 4), (3, 5, 6), (4, 7, 8), (5, 9, 10)]
        );
        assert_eq!(heat_ranges(2), [(3, 1, 1), (5, 2, 2)]);
        for max in 1..40 {
            for v in 1..=max {
                let c = heat_class(v, max);
                assert!(
                    heat_ranges(max)
                        .iter()
                        .any(|(k, lo, hi)| *k == c && (*lo..=*hi).contains(&v)),
                    "{v}/{max}"
                );
            }
        }
    }
}
