//! XLSX: sheet "Comments" (the CSV columns, header frozen, filters, widths, wrapped
//! text), sheet "Summary" (paragraphs × stakeholder groups, with totals) and sheet
//! "Amendments" (the paragraph's text beside each proposed text).
//!
//! The large sheets use rust_xlsxwriter's constant-memory mode: each row goes to a
//! temporary file as it is written, and the zip is streamed to the output at the end.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::db::Db;
use crate::export::{row, source, ExportError, Plan, Tally, COLUMNS};
use crate::i18n::{self, t};

/// Excel's limits: rows per sheet and characters per cell.
const MAX_ROWS: u32 = 1_048_576;
const MAX_CELL: usize = 32_767;

/// Column widths of the "Comments" sheet, in characters, in `COLUMNS` order.
const WIDTHS: [f64; 18] = [
    20.0, 20.0, 10.0, 10.0, 11.0, 24.0, 28.0, 8.0, 24.0, 10.0, 11.0, 21.0, 21.0, 80.0, 80.0, 18.0,
    12.0, 9.0,
];

struct Formats {
    header: Format,
    top: Format,
    wrap: Format,
    total: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(0xDDE7F0)
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
            top: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_align(FormatAlign::Top).set_text_wrap(),
            total: Format::new().set_bold().set_border_top(FormatBorder::Thin),
        }
    }
}

pub fn write<W: Write + Send>(db: &Db, plan: &Plan, out: W) -> Result<(), ExportError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    comments_sheet(
        db,
        plan,
        &formats,
        workbook.add_worksheet_with_constant_memory()?,
    )?;
    summary_sheet(plan, &formats, workbook.add_worksheet())?;
    amendments_sheet(
        db,
        plan,
        &formats,
        workbook.add_worksheet_with_constant_memory()?,
    )?;
    let figures = {
        let mut conn = db.get()?;
        crate::dashboard::service::compute(&mut conn, plan.draft.id)?
    };
    participation_sheet(&figures, &formats, workbook.add_worksheet())?;
    workbook.save_to_writer(out)?;
    Ok(())
}

/// Text as Excel can hold it: at most 32,767 characters in a cell.
fn cell(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= MAX_CELL {
        Cow::Borrowed(text)
    } else {
        let mut s: String = text.chars().take(MAX_CELL - 1).collect();
        s.push('…');
        Cow::Owned(s)
    }
}

fn next_row(r: &mut u32) -> Result<u32, ExportError> {
    *r += 1;
    if *r >= MAX_ROWS {
        return Err(ExportError::Xlsx(XlsxError::RowColumnLimitError));
    }
    Ok(*r)
}

fn header(ws: &mut Worksheet, names: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (i, name) in names.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *name, &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn comments_sheet(
    db: &Db,
    plan: &Plan,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), ExportError> {
    ws.set_name("Comments")?;
    for (i, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    header(ws, &COLUMNS, f)?;
    let paragraphs = plan.paragraph_index();
    let number_col = 2;
    let long_cols = [13, 14];
    let mut r = 0;
    source::each_page(db, &plan.scope, None, |page| {
        for c in &page {
            let r = next_row(&mut r)?;
            for (i, value) in row(c, &paragraphs, &plan.next_labels).iter().enumerate() {
                let col = i as u16;
                if col == number_col {
                    // A number, so that sorting by paragraph works.
                    if let Ok(n) = value.parse::<f64>() {
                        ws.write_number_with_format(r, col, n, &f.top)?;
                    }
                } else if value.is_empty() {
                    continue;
                } else if long_cols.contains(&i) {
                    ws.write_string_with_format(r, col, cell(value), &f.wrap)?;
                } else {
                    ws.write_string_with_format(r, col, cell(value), &f.top)?;
                }
            }
        }
        Ok(())
    })?;
    ws.autofilter(0, 0, r, (COLUMNS.len() - 1) as u16)?;
    Ok(())
}

fn summary_sheet(plan: &Plan, f: &Formats, ws: &mut Worksheet) -> Result<(), ExportError> {
    ws.set_name("Summary")?;
    let groups = plan.groups();
    let mut names = vec![t("export-paragraph")];
    names.extend(groups.iter().map(|g| i18n::group(g.as_str())));
    names.push(t("export-total"));
    header(ws, &names, f)?;
    ws.set_column_width(0, 28)?;
    for i in 1..names.len() {
        ws.set_column_width(i as u16, 16)?;
    }
    let mut r = 0;
    for p in &plan.paragraphs {
        r += 1;
        let label = format!("{} {}", t("export-paragraph"), p.label);
        let counts = plan.counts.get(&Some(p.id));
        summary_line(ws, r, &label, counts, plan, &f.top)?;
    }
    r += 1;
    summary_line(
        ws,
        r,
        t("export-general"),
        plan.counts.get(&None),
        plan,
        &f.top,
    )?;
    r += 1;
    let totals = plan.totals_by_group();
    summary_line(ws, r, t("export-total"), Some(&totals), plan, &f.total)?;
    Ok(())
}

/// One line of the summary: a label, the count of each group, and their total.
fn summary_line(
    ws: &mut Worksheet,
    r: u32,
    label: &str,
    tallies: Option<&BTreeMap<String, Tally>>,
    plan: &Plan,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, 0, label, fmt)?;
    let mut sum = 0;
    let groups = plan.groups();
    for (i, g) in groups.iter().enumerate() {
        let n = tallies
            .and_then(|t| t.get(g.as_str()))
            .map_or(0, Tally::total);
        sum += n;
        ws.write_number_with_format(r, i as u16 + 1, n as f64, fmt)?;
    }
    ws.write_number_with_format(r, groups.len() as u16 + 1, sum as f64, fmt)?;
    Ok(())
}

fn amendments_sheet(
    db: &Db,
    plan: &Plan,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), ExportError> {
    ws.set_name("Amendments")?;
    let names = [
        "comment_id",
        "paragraph_number",
        "paragraph_label",
        "stakeholder_group",
        "organization",
        "author",
        "status",
        "paragraph_text",
        "proposed_text",
        "body",
    ];
    let widths = [20.0, 10.0, 10.0, 24.0, 28.0, 24.0, 11.0, 70.0, 70.0, 50.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    header(ws, &names, f)?;
    let paragraphs = plan.paragraph_index();
    let mut r = 0;
    source::each_page(db, &plan.scope, Some("amendment"), |page| {
        for c in &page {
            let r = next_row(&mut r)?;
            let p = c.paragraph_id.and_then(|id| paragraphs.get(&id));
            ws.write_string_with_format(r, 0, c.id.to_string(), &f.top)?;
            if let Some(p) = p {
                ws.write_number_with_format(r, 1, f64::from(p.number), &f.top)?;
                ws.write_string_with_format(r, 2, cell(&p.label), &f.top)?;
                // Beside the proposed text, the paragraph in the amendment's language.
                let text = plan.text_for(p, &c.language).unwrap_or(&p.text);
                ws.write_string_with_format(r, 7, cell(text), &f.wrap)?;
            }
            ws.write_string_with_format(r, 3, &c.author.stakeholder_group, &f.top)?;
            if let Some(o) = &c.author.organization {
                ws.write_string_with_format(r, 4, cell(o), &f.top)?;
            }
            if let Some(n) = &c.author.display_name {
                ws.write_string_with_format(r, 5, cell(n), &f.top)?;
            }
            ws.write_string_with_format(r, 6, &c.status, &f.top)?;
            if let Some(text) = &c.proposed_text {
                ws.write_string_with_format(r, 8, cell(text), &f.wrap)?;
            }
            if let Some(body) = &c.body {
                ws.write_string_with_format(r, 9, cell(body), &f.wrap)?;
            }
        }
        Ok(())
    })?;
    ws.autofilter(0, 0, r, (names.len() - 1) as u16)?;
    Ok(())
}

/// The dashboard's figures (published input of the whole draft) by Action Line or SDG,
/// UN region, country and day, each row split by stakeholder group.
fn participation_sheet(
    d: &crate::dashboard::service::Dashboard,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), ExportError> {
    use crate::accounts::model::Group;
    ws.set_name("Participation")?;
    let mut names = vec!["dimension", "value", "total"];
    names.extend(Group::ALL.iter().map(|g| g.as_str()));
    header(ws, &names, f)?;
    ws.set_column_width(0, 14.0)?;
    ws.set_column_width(1, 24.0)?;
    let mut r: u32 = 0;
    let mut put = |dimension: &str,
                   value: &str,
                   total: i64,
                   by: &crate::dashboard::service::ByGroup|
     -> Result<(), ExportError> {
        r += 1;
        ws.write_string(r, 0, dimension)?;
        ws.write_string(r, 1, value)?;
        ws.write_number(r, 2, total as f64)?;
        for (i, g) in Group::ALL.iter().enumerate() {
            ws.write_number(
                r,
                3 + i as u16,
                by.get(g.as_str()).copied().unwrap_or(0) as f64,
            )?;
        }
        Ok(())
    };
    for t in &d.by_tag {
        put("tag", &t.tag, t.total, &t.by_group)?;
    }
    for p in &d.by_region {
        put(
            "region",
            p.code.as_deref().unwrap_or("not given"),
            p.total,
            &p.by_group,
        )?;
    }
    for p in &d.by_country {
        put(
            "country",
            p.code.as_deref().unwrap_or("not given"),
            p.total,
            &p.by_group,
        )?;
    }
    for day in &d.by_day {
        put("day", &day.day, day.total, &day.by_group)?;
    }
    Ok(())
}
