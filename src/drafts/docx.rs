//! Word drafts (`.docx`) turned into the Markdown the draft importer reads, with a warning
//! for everything Markdown cannot carry (issue 21, decision 0007).
//!
//! The package is read with `zip` and its XML with `quick-xml` (both already in the
//! build). Headings (the Title and Heading 1–6 styles, or any style with an outline
//! level) start sections; every other paragraph or list item is a paragraph; Word's
//! automatic numbering is turned into the label it displays ("12.", "(a)", "IV."), so the
//! importer finds the same labels as in a typed draft; bold and italic runs become `**`
//! and `*`. Tables, images, comments and tracked changes are reported, never dropped in
//! silence. Sizes are checked before anything is expanded: the file, and every part read
//! from it (a zip bomb stops at the limit).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::drafts::markdown::labels::to_roman as roman;

/// The largest `.docx` accepted.
pub const MAX_FILE: usize = 10 * 1024 * 1024;
/// The most any one part of it may expand to (a Word draft's text is far smaller).
pub const MAX_PART: u64 = 50 * 1024 * 1024;

/// Why a file could not be read; the message names the problem for the person importing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

/// The Markdown of a Word draft, and what it could not carry.
#[derive(Debug, Default)]
pub struct Converted {
    pub markdown: String,
    pub warnings: Vec<String>,
}

/// Whether `bytes` look like a zip package (what every `.docx` is).
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError(format!("is not a valid Word file ({e})"))),
    };
    let mut text = String::new();
    let read = file
        .take(MAX_PART + 1)
        .read_to_string(&mut text)
        .map_err(|e| DocxError(format!("is not a valid Word file ({e})")))?;
    if read as u64 > MAX_PART {
        return Err(DocxError(format!(
            "expands past {} MiB: it is not a draft the importer can read",
            MAX_PART / 1024 / 1024
        )));
    }
    Ok(Some(text))
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// `w:val` says off (`0`, `false`, `none`).
fn is_off(e: &BytesStart) -> bool {
    matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "none"))
}

/// Heading level (1–6) of each paragraph style that makes a heading.
fn heading_styles(xml: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                current = attr(&e, "w:styleId");
            }
            Event::Empty(e) | Event::Start(e) => {
                let Some(id) = &current else { continue };
                match e.name().as_ref() {
                    "w:name" => {
                        let name = attr(&e, "w:val").unwrap_or_default().to_lowercase();
                        if name == "title" {
                            out.insert(id.clone(), 1);
                        } else if let Some(n) = name.strip_prefix("heading ") {
                            if let Ok(n) = n.trim().parse::<usize>() {
                                out.insert(id.clone(), n.clamp(1, 6));
                            }
                        }
                    }
                    "w:outlineLvl" => {
                        if let Some(n) = attr(&e, "w:val").and_then(|v| v.parse::<usize>().ok()) {
                            if n < 9 {
                                out.entry(id.clone()).or_insert((n + 1).min(6));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.name().as_ref() == "w:style" => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// One level of a numbering definition: its format, its text ("%1." or "(%2)") and start.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// Word's numbering: numId → the levels of its abstract definition, with the start
/// overrides of the instance applied.
fn numbering(xml: &str) -> HashMap<String, Vec<Level>> {
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let mut nums: HashMap<String, (String, HashMap<usize, u32>)> = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let (mut abs, mut num, mut ilvl): (Option<String>, Option<String>, Option<usize>) =
        (None, None, None);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:abstractNum" => abs = attr(&e, "w:abstractNumId"),
                "w:num" => num = attr(&e, "w:numId"),
                "w:lvl" | "w:lvlOverride" => ilvl = attr(&e, "w:ilvl").and_then(|v| v.parse().ok()),
                "w:abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num, attr(&e, "w:val")) {
                        nums.entry(n.clone()).or_default().0 = a;
                    }
                }
                "w:startOverride" => {
                    if let (Some(n), Some(l), Some(v)) =
                        (&num, ilvl, attr(&e, "w:val").and_then(|v| v.parse().ok()))
                    {
                        nums.entry(n.clone()).or_default().1.insert(l, v);
                    }
                }
                name @ ("w:start" | "w:numFmt" | "w:lvlText") => {
                    let (Some(a), Some(l)) = (&abs, ilvl) else {
                        continue;
                    };
                    let levels = abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(
                            l + 1,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        );
                    }
                    let v = attr(&e, "w:val").unwrap_or_default();
                    match name {
                        "w:start" => levels[l].start = v.parse().unwrap_or(1),
                        "w:numFmt" => levels[l].format = v,
                        _ => levels[l].text = v,
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:abstractNum" => abs = None,
                "w:num" => num = None,
                "w:lvl" | "w:lvlOverride" => ilvl = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    nums.into_iter()
        .filter_map(|(id, (a, starts))| {
            let mut levels = abstracts.get(&a)?.clone();
            for (l, s) in starts {
                if let Some(level) = levels.get_mut(l) {
                    level.start = s;
                }
            }
            Some((id, levels))
        })
        .collect()
}

fn letters(mut n: u32) -> String {
    // a … z, aa … zz, as Word counts.
    let mut out = String::new();
    let repeat = ((n.max(1) - 1) / 26) + 1;
    n = (n.max(1) - 1) % 26;
    let c = char::from(b'a' + n as u8);
    for _ in 0..repeat {
        out.push(c);
    }
    out
}

fn format_number(format: &str, n: u32) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        _ => n.to_string(),
    }
}

/// The counters of every list, advanced as numbered paragraphs come.
#[derive(Default)]
struct Counters(HashMap<String, Vec<u32>>);

impl Counters {
    /// The label Word shows for the next paragraph of list `num` at level `ilvl` (None
    /// for bullets and unknown lists).
    fn next(
        &mut self,
        defs: &HashMap<String, Vec<Level>>,
        num: &str,
        ilvl: usize,
    ) -> Option<String> {
        let levels = defs.get(num)?;
        let level = levels.get(ilvl)?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let counts = self.0.entry(num.to_string()).or_default();
        if counts.len() < levels.len() {
            counts.resize(levels.len(), 0);
        }
        counts[ilvl] = if counts[ilvl] == 0 {
            level.start
        } else {
            counts[ilvl] + 1
        };
        for deeper in counts.iter_mut().skip(ilvl + 1) {
            *deeper = 0;
        }
        let mut label = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(ilvl + 1) {
            let n = counts[i].max(l.start);
            label = label.replace(&format!("%{}", i + 1), &format_number(&l.format, n));
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// Markdown-escapes the text of a run, so that Word text is never read as markup.
fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A paragraph being read: its style, numbering and runs.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num: Option<(String, usize)>,
    outline: Option<usize>,
    runs: Vec<(String, bool, bool)>,
}

impl Para {
    fn text(&self) -> String {
        self.runs.iter().map(|(t, _, _)| t.as_str()).collect()
    }

    /// The runs as Markdown, with emphasis around the bold and italic ones.
    fn markdown(&self) -> String {
        let mut out = String::new();
        let mut merged: Vec<(String, bool, bool)> = Vec::new();
        for (t, b, i) in &self.runs {
            match merged.last_mut() {
                Some((text, lb, li)) if lb == b && li == i => text.push_str(t),
                _ => merged.push((t.clone(), *b, *i)),
            }
        }
        for (t, b, i) in merged {
            // Emphasis cannot start or end on a space in Markdown: keep those outside.
            let core = t.trim();
            if core.is_empty() || (!b && !i) {
                escape(&t, &mut out);
                continue;
            }
            let lead = &t[..t.len() - t.trim_start().len()];
            let trail = &t[t.trim_end().len()..];
            let mark = match (b, i) {
                (true, true) => "***",
                (true, false) => "**",
                _ => "*",
            };
            out.push_str(lead);
            out.push_str(mark);
            escape(core, &mut out);
            out.push_str(mark);
            out.push_str(trail);
        }
        out
    }
}

/// A Word file sent to an import instead of Markdown, converted; `field` names it in the
/// errors (the API's `docx`, the pages' `file`). A file sent together with text is
/// refused: one of the two says what the draft is.
pub fn import(
    bytes: &[u8],
    with_text: bool,
    field: &str,
) -> Result<Converted, crate::error::AppError> {
    if with_text {
        return Err(crate::error::FieldErrors::single(
            field,
            "must not be sent with text: send the draft as Markdown or as a Word file",
        ));
    }
    to_markdown(bytes).map_err(|e| crate::error::FieldErrors::single(field, e.0))
}

/// Converts a `.docx` file to the importer's Markdown.
pub fn to_markdown(bytes: &[u8]) -> Result<Converted, DocxError> {
    if bytes.len() > MAX_FILE {
        return Err(DocxError(format!(
            "is larger than {} MiB",
            MAX_FILE / 1024 / 1024
        )));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| DocxError("is not a Word file (.docx): it is not a zip package".into()))?;
    let document = part(&mut zip, "word/document.xml")?.ok_or_else(|| {
        DocxError("is not a Word file (.docx): it has no word/document.xml".into())
    })?;
    let headings = part(&mut zip, "word/styles.xml")?
        .map(|x| heading_styles(&x))
        .unwrap_or_default();
    let lists = part(&mut zip, "word/numbering.xml")?
        .map(|x| numbering(&x))
        .unwrap_or_default();
    let mut out = Converted::default();
    if zip.by_name("word/comments.xml").is_ok() {
        out.warnings
            .push("the file has Word comments: they are not imported".into());
    }
    let mut counters = Counters::default();
    let mut reader = Reader::from_str(&document);
    let mut para: Option<Para> = None;
    let (mut bold, mut italic, mut in_text, mut in_rpr) = (false, false, false, false);
    let (mut changes, mut depth_table) = (0usize, 0usize);
    let mut paragraphs = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            let detail = format!("document.xml: {e}");
            DocxError(format!("is not a valid Word file ({detail})"))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:tbl" => {
                if depth_table == 0 {
                    out.warnings.push(format!(
                        "a table after paragraph {paragraphs} is not imported: write it as paragraphs"
                    ));
                }
                depth_table += 1;
            }
            Event::End(e) if e.name().as_ref() == "w:tbl" => {
                depth_table = depth_table.saturating_sub(1)
            }
            _ if depth_table > 0 => {}
            Event::Start(e) if e.name().as_ref() == "w:p" => para = Some(Para::default()),
            Event::Empty(e) if e.name().as_ref() == "w:p" => {}
            Event::End(e) if e.name().as_ref() == "w:p" => {
                let Some(p) = para.take() else { continue };
                let text = p.text();
                if text.trim().is_empty() {
                    continue;
                }
                let level = p
                    .outline
                    .or_else(|| p.style.as_ref().and_then(|s| headings.get(s).copied()));
                if let Some(level) = level {
                    out.markdown.push_str(&"#".repeat(level.min(6)));
                    out.markdown.push(' ');
                    let mut h = String::new();
                    escape(text.trim(), &mut h);
                    out.markdown.push_str(&h);
                } else {
                    paragraphs += 1;
                    if let Some(label) = p
                        .num
                        .as_ref()
                        .and_then(|(num, ilvl)| counters.next(&lists, num, *ilvl))
                    {
                        // Typed like the Markdown import's labels, and kept from being
                        // read as a Markdown list marker ("12." would restart at 1).
                        let label = label.replace('.', "\\.").replace(')', "\\)");
                        out.markdown.push_str(&label);
                        out.markdown.push(' ');
                    }
                    out.markdown.push_str(p.markdown().trim());
                }
                out.markdown.push_str("\n\n");
            }
            Event::Start(e) | Event::Empty(e) => {
                let Some(p) = para.as_mut() else { continue };
                match e.name().as_ref() {
                    "w:pStyle" => p.style = attr(&e, "w:val"),
                    "w:outlineLvl" => {
                        p.outline = attr(&e, "w:val")
                            .and_then(|v| v.parse::<usize>().ok())
                            .filter(|n| *n < 9)
                            .map(|n| n + 1)
                    }
                    "w:ilvl" => {
                        let l = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let num = p.num.get_or_insert((String::new(), 0));
                        num.1 = l;
                    }
                    "w:numId" => {
                        let id = attr(&e, "w:val").unwrap_or_default();
                        let num = p.num.get_or_insert((String::new(), 0));
                        num.0 = id;
                    }
                    "w:r" => {
                        bold = false;
                        italic = false;
                    }
                    "w:rPr" => in_rpr = true,
                    "w:b" if in_rpr => bold = !is_off(&e),
                    "w:i" if in_rpr => italic = !is_off(&e),
                    "w:t" => in_text = true,
                    "w:tab" if !in_rpr => p.runs.push((" ".into(), bold, italic)),
                    "w:br" | "w:cr" => p.runs.push((" ".into(), bold, italic)),
                    "w:drawing" | "w:pict" | "w:object" => {
                        out.warnings.push(format!(
                            "an image or object in paragraph {} is not imported",
                            paragraphs + 1
                        ));
                    }
                    "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => changes += 1,
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:rPr" => in_rpr = false,
                "w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    p.runs.push((
                        t.xml_content(quick_xml::XmlVersion::Implicit1_0)
                            .into_owned(),
                        bold,
                        italic,
                    ));
                }
            }
            Event::GeneralRef(r) if in_text => {
                let Some(p) = para.as_mut() else { continue };
                let c = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    p.runs.push((c.to_string(), bold, italic));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if changes > 0 {
        out.warnings.push(format!(
            "the file has tracked changes ({changes}): they are imported as if accepted (insertions kept, deletions left out); accept or reject them in Word to be sure"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_follow_words_numbering() {
        let defs: HashMap<String, Vec<Level>> = [(
            "1".to_string(),
            vec![
                Level {
                    format: "decimal".into(),
                    text: "%1.".into(),
                    start: 1,
                },
                Level {
                    format: "lowerLetter".into(),
                    text: "(%2)".into(),
                    start: 1,
                },
            ],
        )]
        .into();
        let mut c = Counters::default();
        assert_eq!(c.next(&defs, "1", 0).as_deref(), Some("1."));
        assert_eq!(c.next(&defs, "1", 1).as_deref(), Some("(a)"));
        assert_eq!(c.next(&defs, "1", 1).as_deref(), Some("(b)"));
        assert_eq!(c.next(&defs, "1", 0).as_deref(), Some("2."));
        assert_eq!(c.next(&defs, "1", 1).as_deref(), Some("(a)"));
        assert_eq!(c.next(&defs, "9", 0), None);
        assert_eq!(roman(14), "xiv");
        assert_eq!(letters(27), "aa");
    }

    #[test]
    fn what_is_not_a_word_file_is_named() {
        assert!(to_markdown(b"not a zip")
            .unwrap_err()
            .0
            .contains("not a zip package"));
        let big = vec![0u8; MAX_FILE + 1];
        assert!(to_markdown(&big)
            .unwrap_err()
            .0
            .contains("larger than 10 MiB"));
    }

    #[test]
    fn word_text_is_never_read_as_markup() {
        let mut out = String::new();
        escape("<b>*x*</b> # [y]", &mut out);
        assert_eq!(out, r"\<b\>\*x\*\<\/b\> \# \[y\]".replace(r"\/", "/"));
    }
}
