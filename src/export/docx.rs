//! The compilation as a Word document (`.docx`, Office Open XML): the HTML compilation's
//! structure with real Word headings, a real table and tracked-change-looking
//! insertions and deletions, so that a secretariat can edit it.
//!
//! Written as a stream: the zip entries go out with data descriptors
//! (`ZipWriter::new_stream`), and `word/document.xml` is written a paragraph and a page
//! of threads at a time, like the other formats, so memory stays flat whatever the
//! number of comments. The XML is written by hand from a handful of fixed shapes; every
//! piece of text goes through [`text`], which escapes it and drops the characters XML 1.0
//! cannot hold.

use std::borrow::Cow;
use std::io::Write;

use zip::write::{SimpleFileOptions, ZipWriter};

use crate::db::Db;
use crate::drafts::Paragraph;
use crate::export::html::diff_runs;
use crate::export::source::{self, Node};
use crate::export::{ExportError, Plan};
use crate::i18n::{self, t};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Title, Heading 1–3 (outline levels, so Word's navigation pane and table of contents
/// see them), a quotation style for proposed texts and a bordered table.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Noto Sans CJK SC" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:color w:val="404040"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Byline"><w:name w:val="Byline"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

/// A4 with 2 cm margins, as the printable HTML compilation.
const DOCUMENT_END: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// `s` escaped for XML text and attributes, without the characters XML 1.0 forbids
/// (control characters other than tab, line feed and carriage return).
pub fn text(s: &str) -> Cow<'_, str> {
    let clean = |c: char| matches!(c, '\t' | '\n' | '\r') || !c.is_control();
    if !s.contains(|c: char| matches!(c, '&' | '<' | '>' | '"') || !clean(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars().filter(|c| clean(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a text reads right to left: its first letter is Arabic, Hebrew, Syriac or
/// Thaana (what `dir="auto"` decides in the HTML compilation).
fn right_to_left(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// How a run looks.
#[derive(Clone, Copy)]
enum Look {
    Plain,
    Bold,
    Inserted,
    Deleted,
}

fn run(out: &mut dyn Write, s: &str, look: Look, rtl: bool) -> std::io::Result<()> {
    let props = match look {
        Look::Plain => "",
        Look::Bold => "<w:b/><w:bCs/>",
        Look::Inserted => r#"<w:color w:val="1F6F3F"/><w:u w:val="single"/>"#,
        Look::Deleted => r#"<w:color w:val="A61B1B"/><w:strike/>"#,
    };
    let rtl = if rtl { "<w:rtl/>" } else { "" };
    // Line breaks inside a text become <w:br/>.
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"<w:r><w:br/></w:r>")?;
        }
        if line.is_empty() {
            continue;
        }
        if props.is_empty() && rtl.is_empty() {
            write!(
                out,
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                text(line)
            )?;
        } else {
            write!(
                out,
                r#"<w:r><w:rPr>{props}{rtl}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                text(line)
            )?;
        }
    }
    Ok(())
}

/// One Word paragraph of one style, its runs written by `runs`.
fn paragraph_with(
    out: &mut dyn Write,
    style: Option<&str>,
    rtl: bool,
    runs: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    out.write_all(b"<w:p>")?;
    if style.is_some() || rtl {
        out.write_all(b"<w:pPr>")?;
        if let Some(s) = style {
            write!(out, r#"<w:pStyle w:val="{s}"/>"#)?;
        }
        if rtl {
            out.write_all(b"<w:bidi/>")?;
        }
        out.write_all(b"</w:pPr>")?;
    }
    runs(out)?;
    out.write_all(b"</w:p>")
}

/// A paragraph holding one text.
fn para(out: &mut dyn Write, style: Option<&str>, s: &str) -> std::io::Result<()> {
    let rtl = right_to_left(s);
    paragraph_with(out, style, rtl, |out| run(out, s, Look::Plain, rtl))
}

/// Blank-line-separated blocks of a text, one Word paragraph each.
fn blocks(out: &mut dyn Write, style: Option<&str>, s: &str) -> std::io::Result<()> {
    for block in s.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        para(out, style, block)?;
    }
    Ok(())
}

fn cell(out: &mut dyn Write, s: &str, bold: bool) -> std::io::Result<()> {
    out.write_all(b"<w:tc>")?;
    let rtl = right_to_left(s);
    let look = if bold { Look::Bold } else { Look::Plain };
    paragraph_with(out, None, rtl, |out| run(out, s, look, rtl))?;
    out.write_all(b"</w:tc>")
}

fn row(out: &mut dyn Write, cells: &[&str], header: bool) -> std::io::Result<()> {
    out.write_all(b"<w:tr>")?;
    if header {
        out.write_all(b"<w:trPr><w:tblHeader/></w:trPr>")?;
    }
    for (i, c) in cells.iter().enumerate() {
        cell(out, c, header || i == 0)?;
    }
    out.write_all(b"</w:tr>")
}

fn native(code: &str) -> &'static str {
    crate::drafts::translations::language(code).map_or("", |l| l.native_name())
}

/// The title page: consultation, title, version, dates, scope and the summary table.
fn front_matter(out: &mut dyn Write, plan: &Plan) -> std::io::Result<()> {
    let (c, d) = (&plan.consultation, &plan.draft);
    para(out, Some("Byline"), t("export-compilation"))?;
    para(out, None, &c.title)?;
    para(out, Some("Title"), &d.title)?;
    para(out, Some("Heading3"), &d.version_label)?;
    if let Some(asked) = &plan.missing {
        let note = i18n::tr(
            "draft-fallback",
            &[
                ("asked", native(asked).into()),
                ("original", native(&d.language).into()),
            ],
        );
        para(out, None, &note)?;
    }
    let scope = if plan.scope.all_statuses {
        t("export-scope-all")
    } else {
        t("export-scope-published")
    };
    let group = match plan.scope.group {
        Some(g) => i18n::group(g.as_str()),
        None => t("export-all_groups"),
    };
    let lines = [
        (t("export-generated"), i18n::date_time(plan.generated_at)),
        (
            t("export-window"),
            format!(
                "{} – {}",
                i18n::date(c.opens_at.date()),
                i18n::date(c.closes_at.date())
            ),
        ),
        (t("export-scope"), scope.to_string()),
        (
            t("export-text_language"),
            native(&plan.text_language).to_string(),
        ),
        (t("field-stakeholder_group"), group.to_string()),
    ];
    for (label, value) in lines {
        paragraph_with(out, None, false, |out| {
            run(out, &format!("{label}: "), Look::Bold, false)?;
            run(out, &value, Look::Plain, right_to_left(&value))
        })?;
    }
    paragraph_with(out, None, false, |out| {
        run(out, &format!("{} ", t("export-legend")), Look::Plain, false)?;
        run(out, t("export-legend-added"), Look::Inserted, false)?;
        run(out, ", ", Look::Plain, false)?;
        run(out, t("export-legend-removed"), Look::Deleted, false)?;
        run(out, ".", Look::Plain, false)
    })?;

    para(out, Some("Heading1"), t("export-summary"))?;
    let totals = plan.totals_by_group();
    let mut sum = crate::export::Tally::default();
    out.write_all(br#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/></w:tblGrid>"#)?;
    row(
        out,
        &[
            t("field-stakeholder_group"),
            t("export-comments"),
            t("export-amendments"),
            t("export-total"),
        ],
        true,
    )?;
    for g in plan.groups() {
        let tally = totals.get(g.as_str()).copied().unwrap_or_default();
        sum.add(tally);
        let (c, a, n) = (
            tally.comments.to_string(),
            tally.amendments.to_string(),
            tally.total().to_string(),
        );
        row(out, &[i18n::group(g.as_str()), &c, &a, &n], false)?;
    }
    let (c, a, n) = (
        sum.comments.to_string(),
        sum.amendments.to_string(),
        sum.total().to_string(),
    );
    row(out, &[t("export-total"), &c, &a, &n], true)?;
    out.write_all(b"</w:tbl>")
}

/// Who wrote a comment, as its attribution allows, and when.
fn byline(out: &mut dyn Write, plan: &Plan, n: &Node) -> std::io::Result<()> {
    let c = &n.comment;
    let a = &c.author;
    let mut who: Vec<String> = Vec::new();
    if let Some(name) = &a.display_name {
        who.push(name.clone());
    }
    if let Some(org) = &a.organization {
        who.push(org.clone());
    }
    if let Some(cc) = &a.country {
        who.push(cc.clone());
    }
    let mut rest = vec![i18n::group(&a.stakeholder_group).to_string()];
    if a.affiliation_verified {
        rest.push(t("comment-verified").into());
    } else if a.stakeholder_group == "government" {
        rest.push(t("comment-unverified").into());
    }
    rest.push(i18n::day_of(&c.created_at));
    rest.push(native(&c.language).into());
    if c.edited_at.is_some() {
        rest.push(t("comment-edited").into());
    }
    if plan.scope.all_statuses {
        rest.push(i18n::status(&c.status).into());
    }
    if c.kind == "amendment" {
        rest.push(t("comment-amendment").into());
    }
    let who = who.join(", ");
    let rtl = right_to_left(&who);
    paragraph_with(out, Some("Byline"), rtl, |out| {
        if !who.is_empty() {
            run(out, &who, Look::Bold, rtl)?;
            run(out, " · ", Look::Plain, false)?;
        }
        run(out, &rest.join(" · "), Look::Plain, false)
    })
}

/// A comment and its replies (indented by the quotation style, one level only: Word
/// has no nesting that survives editing well).
fn comment(
    out: &mut dyn Write,
    plan: &Plan,
    n: &Node,
    paragraph: Option<&Paragraph>,
) -> std::io::Result<()> {
    let c = &n.comment;
    byline(out, plan, n)?;
    if let Some(proposed) = c.proposed_text.as_deref().filter(|_| c.kind == "amendment") {
        let old = paragraph.and_then(|p| plan.text_for(p, &c.language));
        let rtl = right_to_left(proposed);
        paragraph_with(out, Some("Quote"), rtl, |out| match old {
            Some(old) => {
                for (tag, piece) in diff_runs(old, proposed) {
                    let look = match tag {
                        similar::ChangeTag::Equal => Look::Plain,
                        similar::ChangeTag::Insert => Look::Inserted,
                        similar::ChangeTag::Delete => Look::Deleted,
                    };
                    run(out, &piece, look, rtl)?;
                }
                Ok(())
            }
            None => run(out, proposed, Look::Plain, rtl),
        })?;
    }
    if let Some(body) = &c.body {
        blocks(out, None, body)?;
    }
    for r in &n.replies {
        comment(out, plan, r, paragraph)?;
    }
    Ok(())
}

/// One paragraph of the draft (or, for `None`, the general comments) and its input by
/// stakeholder group.
fn paragraph<W: Write>(
    db: &Db,
    plan: &Plan,
    p: Option<&Paragraph>,
    out: &mut W,
) -> Result<(), ExportError> {
    let key = p.map(|p| p.id);
    if let Some(p) = p {
        para(
            out,
            Some("Heading2"),
            &format!("{} {}", t("export-paragraph"), p.label),
        )?;
        blocks(out, None, &p.text)?;
    }
    let Some(counts) = plan.counts.get(&key) else {
        para(out, None, t("export-no_input"))?;
        return Ok(());
    };
    let line: Vec<String> = plan
        .groups()
        .iter()
        .filter(|g| counts.contains_key(g.as_str()))
        .map(|g| {
            let n = counts.get(g.as_str()).map_or(0, |t| t.total());
            format!("{}: {n}", i18n::group(g.as_str()))
        })
        .collect();
    para(out, Some("Byline"), &line.join(" · "))?;
    for g in plan.groups() {
        if !counts.contains_key(g.as_str()) {
            continue;
        }
        let mut opened = false;
        source::each_thread_page(db, &plan.scope, key, Some(g.as_str()), |nodes| {
            if !opened {
                opened = true;
                para(out, Some("Heading3"), i18n::group(g.as_str()))?;
            }
            for n in &nodes {
                comment(out, plan, n, p)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

pub fn write<W: Write>(db: &Db, plan: &Plan, out: W) -> Result<(), ExportError> {
    let mut zip = ZipWriter::new_stream(out);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    zip.start_file("docProps/core.xml", options)?;
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{} — {}</dc:title><dc:creator>Plenary</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created></cp:coreProperties>"#,
        text(&plan.draft.title),
        text(&plan.draft.version_label),
        plan.text_language,
        plan.generated_rfc3339()
    )?;
    zip.start_file("word/document.xml", options)?;
    {
        // Many small writes: buffered before the deflater.
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, &mut zip);
        out.write_all(DOCUMENT_START.as_bytes())?;
        front_matter(&mut out, plan)?;
        let mut section: Option<&str> = None;
        for (i, p) in plan.paragraphs.iter().enumerate() {
            if i == 0 || p.section.as_deref() != section {
                section = p.section.as_deref();
                para(
                    &mut out,
                    Some("Heading1"),
                    section.unwrap_or(t("export-text")),
                )?;
            }
            paragraph(db, plan, Some(p), &mut out)?;
        }
        para(&mut out, Some("Heading1"), t("draft-general"))?;
        paragraph(db, plan, None, &mut out)?;
        out.write_all(DOCUMENT_END.as_bytes())?;
        out.flush()?;
    }
    zip.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_loses_what_xml_cannot_hold() {
        assert_eq!(text("plain"), "plain");
        assert_eq!(
            text("a < b & \"c\" > d"),
            "a &lt; b &amp; &quot;c&quot; &gt; d"
        );
        assert_eq!(text("bell\u{7} tab\t"), "bell tab\t");
    }

    #[test]
    fn arabic_text_reads_right_to_left() {
        assert!(right_to_left("12. تؤكد من جديد"));
        assert!(!right_to_left("12. Reaffirms"));
        assert!(!right_to_left("强调数字合作"));
    }
}
