//! Markdown draft import: turns a Markdown draft into numbered, labelled, tagged paragraphs.
//! Owns block rules, labels, `{C2 SDG9}` tags and import errors; pure: no I/O, no crate imports.
//! A loose top-level ordered list (`1. Decides …`, blank line, `2. Requests …`, as UN drafts
//! write operative paragraphs) is split into one numbered paragraph per item.

use std::fmt;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Longest paragraph accepted, in characters.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;
/// Most paragraphs accepted in one draft.
pub const MAX_PARAGRAPHS: usize = 5_000;
/// Deepest nesting of lists and block quotes accepted (guards the recursive renderer).
const MAX_NESTING: usize = 32;
/// Highest `C` (WSIS Action Line) tag number.
const MAX_ACTION_LINE: u32 = 11;
/// Highest `SDG` tag number.
const MAX_SDG: u32 = 17;

/// One numbered paragraph of an imported draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedParagraph {
    /// 1-based position in the draft.
    pub number: i32,
    /// The label the text starts with (`"12"`, `"PP3"`, `"OP 4"`, `"(a)"`), else `number` as text.
    pub label: String,
    /// Plain text of the nearest heading above, if any.
    pub section: Option<String>,
    /// Readable plain text, label included, tag block removed, trimmed.
    pub text: String,
    /// Normalised tags (`"C2"`, `"SDG9"`), in the order written, without duplicates.
    pub tags: Vec<String>,
}

/// Why a draft could not be imported; the message is meant for the person importing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// Parses a Markdown draft into numbered paragraphs.
///
/// Rules:
/// - `#`…`######` (and setext) headings open a section; a heading is never a paragraph.
/// - Every other top-level block (paragraph, list, block quote, code block, table) is exactly
///   one paragraph, numbered 1..N in document order. Thematic breaks are ignored.
/// - Exception: a top-level *loose* ordered list (items separated by blank lines, so that
///   their text is wrapped in paragraphs) gives one paragraph per item, its text starting
///   with the item's ordinal (`12. Decides …`), so it is labelled `12`; the item's nested
///   content (an `(a)`/`(b)` sub-list, further paragraphs) stays in that paragraph, indented
///   as below, and a trailing tag block belongs to that item. Tight ordered lists (no blank
///   lines between items), bullet lists and lists inside block quotes stay one paragraph.
/// - Plain text: soft breaks become spaces, hard breaks newlines, emphasis markers are dropped.
///   A link keeps its text followed by its address in parentheses, `text (https://…)`, unless
///   the address is the text itself (autolinks) or only a `#fragment`. Images keep their alt
///   text. Inline HTML inside a paragraph (e.g. `<name of State>`) is kept as literal text;
///   HTML *blocks* are rejected.
/// - Lists: one line per item, `- ` or `N. ` (ordinals as Markdown numbers them: the list's
///   start number plus the item index), nested lists indented two spaces per level.
///   Block quotes: inner blocks separated by blank lines. Tables: one row per line, cells
///   joined with ` | `. Code blocks: the code, verbatim (never scanned for tags).
/// - A text that starts with its own label (`12.`, `PP3`, `PP 3.`, `OP 4`, `(a)`, `(iv)`, `(2)`)
///   keeps it as `label` (minus a trailing dot); otherwise the label is the paragraph number.
/// - A trailing `{C2 SDG9}` group is removed from the text and returned as tags.
///
/// Errors: empty input or no paragraphs, a NUL byte, an HTML block, a paragraph over
/// [`MAX_PARAGRAPH_CHARS`] characters, more than [`MAX_PARAGRAPHS`] paragraphs, an unknown
/// tag, a tag block with no text, lists/quotes nested deeper than 32 levels.
pub fn parse_draft(markdown: &str) -> Result<Vec<ParsedParagraph>, ImportError> {
    let markdown = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    if let Some(pos) = markdown.find('\0') {
        return Err(ImportError(format!(
            "the draft contains a NUL byte (line {}); save it as plain UTF-8 text",
            line_of(markdown, pos)
        )));
    }
    if markdown.trim().is_empty() {
        return Err(ImportError(
            "the draft has no paragraphs: the input is empty".to_string(),
        ));
    }

    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut events = Parser::new_ext(markdown, options).into_offset_iter();
    let blocks = read_blocks(&mut events, markdown, 0)?;

    // Byte offsets of line ends, to turn block offsets into line numbers cheaply.
    let newlines: Vec<usize> = markdown
        .bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect();
    let mut paragraphs: Vec<ParsedParagraph> = Vec::new();
    let mut section: Option<String> = None;
    for located in blocks {
        let line = newlines.partition_point(|&nl| nl < located.offset) + 1;
        let (raw, may_have_tags) = match &located.block {
            Block::Heading(text) => {
                let text = text.trim();
                section = (!text.is_empty()).then(|| text.to_string());
                continue;
            }
            Block::Rule => continue,
            Block::Code(_) => (render_block(&located.block), false),
            _ => (render_block(&located.block), true),
        };
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        if paragraphs.len() >= MAX_PARAGRAPHS {
            return Err(ImportError(format!(
                "the draft has more than {MAX_PARAGRAPHS} paragraphs (paragraph {} starts at line {line}); split it into several drafts",
                MAX_PARAGRAPHS + 1
            )));
        }
        let number = paragraphs.len() + 1;
        let (text, tags) = if may_have_tags {
            match split_tags(raw) {
                Ok(Some((text, tags))) => (text, tags),
                Ok(None) => (raw.to_string(), Vec::new()),
                Err(unknown) => {
                    return Err(ImportError(format!(
                        "paragraph {number} (line {line}) has an unknown tag \"{unknown}\"; \
                         tags must be C1–C11 or SDG1–SDG17"
                    )))
                }
            }
        } else {
            (raw.to_string(), Vec::new())
        };
        if text.is_empty() {
            return Err(ImportError(format!(
                "paragraph {number} (line {line}) has tags but no text; \
                 put the tag block at the end of the paragraph it belongs to"
            )));
        }
        let chars = text.chars().count();
        if chars > MAX_PARAGRAPH_CHARS {
            return Err(ImportError(format!(
                "paragraph {number} (line {line}) is too long: {chars} characters, the limit is {MAX_PARAGRAPH_CHARS}"
            )));
        }
        let label = leading_label(&text).unwrap_or_else(|| number.to_string());
        paragraphs.push(ParsedParagraph {
            // Bounded by MAX_PARAGRAPHS, so it always fits.
            number: i32::try_from(number).unwrap_or(i32::MAX),
            label,
            section: section.clone(),
            text,
            tags,
        });
    }

    if paragraphs.is_empty() {
        return Err(ImportError(
            "the draft has no paragraphs: it only contains headings or separators".to_string(),
        ));
    }
    Ok(paragraphs)
}

/// 1-based line number of a byte offset.
fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

// ---------------------------------------------------------------------------
// Block tree built from the event stream
// ---------------------------------------------------------------------------

#[derive(Debug)]
enum Block {
    Paragraph(String),
    Heading(String),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
    Table(Vec<Vec<String>>),
    Rule,
}

struct Located {
    block: Block,
    offset: usize,
    /// A paragraph opened by a `Paragraph` event. Directly inside a list item this means the
    /// list is loose: tight items hold bare inline events instead.
    wrapped: bool,
}

type Events<'a> = pulldown_cmark::OffsetIter<'a, pulldown_cmark::DefaultBrokenLinkCallback>;

/// Reads blocks until the end of the enclosing container (or of the input).
/// Inline events met directly (tight list items) are gathered into paragraphs.
fn read_blocks(
    events: &mut Events<'_>,
    source: &str,
    depth: usize,
) -> Result<Vec<Located>, ImportError> {
    let mut blocks = Vec::new();
    let mut pending: Option<(InlineText, usize)> = None;
    while let Some((event, range)) = events.next() {
        if is_inline(&event) {
            pending
                .get_or_insert_with(|| (InlineText::default(), range.start))
                .0
                .feed(event);
            continue;
        }
        if let Some((inline, offset)) = pending.take() {
            blocks.push(Located {
                block: Block::Paragraph(inline.finish()),
                offset,
                wrapped: false,
            });
        }
        let mut wrapped = false;
        let block = match event {
            Event::End(_) => break,
            Event::Rule => Block::Rule,
            Event::Start(Tag::Paragraph) => {
                wrapped = true;
                Block::Paragraph(read_inline(events))
            }
            Event::Start(Tag::Heading { .. }) => Block::Heading(read_inline(events)),
            Event::Start(Tag::HtmlBlock) | Event::Html(_) => {
                return Err(raw_html(source, range));
            }
            Event::Start(Tag::CodeBlock(_)) => Block::Code(read_inline(events)),
            Event::Start(Tag::BlockQuote(_)) => {
                check_depth(depth, source, &range)?;
                let inner = read_blocks(events, source, depth + 1)?;
                Block::Quote(inner.into_iter().map(|l| l.block).collect())
            }
            Event::Start(Tag::List(start)) => {
                check_depth(depth, source, &range)?;
                let mut items: Vec<(Vec<Located>, usize)> = Vec::new();
                while let Some((event, range)) = events.next() {
                    match event {
                        Event::Start(Tag::Item) => {
                            let inner = read_blocks(events, source, depth + 1)?;
                            items.push((inner, range.start));
                        }
                        Event::Start(Tag::HtmlBlock) | Event::Html(_) => {
                            return Err(raw_html(source, range));
                        }
                        _ => break, // End(List)
                    }
                }
                let loose = items
                    .iter()
                    .any(|(inner, _)| inner.iter().any(|l| l.wrapped));
                match start {
                    // A loose top-level ordered list: one paragraph per item, each a
                    // one-item list keeping the item's ordinal.
                    Some(first) if depth == 0 && loose => {
                        for (index, (inner, offset)) in items.into_iter().enumerate() {
                            blocks.push(Located {
                                block: Block::List {
                                    start: Some(first.saturating_add(index as u64)),
                                    items: vec![inner.into_iter().map(|l| l.block).collect()],
                                },
                                offset,
                                wrapped: false,
                            });
                        }
                        continue;
                    }
                    _ => Block::List {
                        start,
                        items: items
                            .into_iter()
                            .map(|(inner, _)| inner.into_iter().map(|l| l.block).collect())
                            .collect(),
                    },
                }
            }
            Event::Start(Tag::Table(_)) => Block::Table(read_table(events)),
            // Containers this parser does not enable (footnotes, definition lists,
            // metadata): keep whatever text they hold.
            Event::Start(_) => {
                check_depth(depth, source, &range)?;
                let inner = read_blocks(events, source, depth + 1)?;
                Block::Quote(inner.into_iter().map(|l| l.block).collect())
            }
            // Inline events were handled above.
            _ => continue,
        };
        blocks.push(Located {
            block,
            offset: range.start,
            wrapped,
        });
    }
    if let Some((inline, offset)) = pending.take() {
        blocks.push(Located {
            block: Block::Paragraph(inline.finish()),
            offset,
            wrapped: false,
        });
    }
    Ok(blocks)
}

fn raw_html(source: &str, range: Range<usize>) -> ImportError {
    ImportError(format!(
        "raw HTML is not allowed (line {}); write the text as Markdown instead",
        line_of(source, range.start)
    ))
}

fn check_depth(depth: usize, source: &str, range: &Range<usize>) -> Result<(), ImportError> {
    if depth >= MAX_NESTING {
        return Err(ImportError(format!(
            "lists or block quotes are nested more than {MAX_NESTING} levels deep (line {})",
            line_of(source, range.start)
        )));
    }
    Ok(())
}

/// Reads the inline content of a leaf block (paragraph, heading, code block, table cell)
/// up to and including its end event.
fn read_inline(events: &mut Events<'_>) -> String {
    let mut inline = InlineText::default();
    for (event, _) in events.by_ref() {
        if !is_inline(&event) {
            // Leaf blocks only contain inline events, so this is their end.
            break;
        }
        inline.feed(event);
    }
    inline.finish()
}

fn read_table(events: &mut Events<'_>) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some((event, _)) = events.next() {
        match event {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let cell = read_inline(events);
                if let Some(row) = rows.last_mut() {
                    row.push(cell.trim().to_string());
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    rows
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::Rule => false,
    }
}

/// Accumulates the plain text of inline events.
#[derive(Default)]
struct InlineText {
    text: String,
    /// Open links: where their text starts in `text`, and their address.
    links: Vec<(usize, String)>,
}

impl InlineText {
    fn feed(&mut self, event: Event<'_>) {
        match event {
            Event::Text(s)
            | Event::Code(s)
            | Event::InlineMath(s)
            | Event::DisplayMath(s)
            | Event::InlineHtml(s) => self.text.push_str(&s),
            Event::FootnoteReference(s) => {
                self.text.push_str("[^");
                self.text.push_str(&s);
                self.text.push(']');
            }
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => self.text.push('\n'),
            Event::TaskListMarker(done) => self.text.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push((self.text.len(), dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, url)) = self.links.pop() {
                    let label = self.text.get(start..).unwrap_or("").trim();
                    let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                    if !url.is_empty() && !url.starts_with('#') && bare != label && url != label {
                        self.text.push_str(" (");
                        self.text.push_str(&url);
                        self.text.push(')');
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

// ---------------------------------------------------------------------------
// Rendering blocks to plain text
// ---------------------------------------------------------------------------

fn render_block(block: &Block) -> String {
    match block {
        Block::Paragraph(text) | Block::Heading(text) => text.trim().to_string(),
        Block::Code(code) => code.trim_end().to_string(),
        Block::Rule => String::new(),
        Block::Quote(inner) => join_blocks(inner, "\n\n"),
        Block::List { start, items } => {
            let mut lines = Vec::new();
            render_list(*start, items, 0, &mut lines);
            lines.join("\n")
        }
        Block::Table(rows) => rows
            .iter()
            .map(|row| row.join(" | "))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn join_blocks(blocks: &[Block], separator: &str) -> String {
    blocks
        .iter()
        .map(render_block)
        .filter(|text| !text.trim().is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

fn render_list(start: Option<u64>, items: &[Vec<Block>], level: usize, lines: &mut Vec<String>) {
    let indent = "  ".repeat(level);
    let inner_indent = "  ".repeat(level + 1);
    for (index, item) in items.iter().enumerate() {
        let marker = match start {
            Some(first) => format!("{}. ", first.saturating_add(index as u64)),
            None => "- ".to_string(),
        };
        let mut first_line = true;
        for block in item {
            if let Block::List { start, items } = block {
                if first_line {
                    lines.push(format!("{indent}{}", marker.trim_end()));
                    first_line = false;
                }
                render_list(*start, items, level + 1, lines);
                continue;
            }
            let text = render_block(block);
            if text.trim().is_empty() {
                continue;
            }
            for line in text.lines() {
                if first_line {
                    lines.push(format!("{indent}{marker}{line}"));
                    first_line = false;
                } else if line.is_empty() {
                    lines.push(String::new());
                } else {
                    lines.push(format!("{inner_indent}{line}"));
                }
            }
        }
        if first_line {
            lines.push(format!("{indent}{}", marker.trim_end()));
        }
    }
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

/// The label a paragraph text starts with, as written minus a trailing dot.
fn leading_label(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // The label must be followed by whitespace or the end of the text.
    let ends_at = |i: usize| {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(char::is_whitespace)
    };
    let digits_from = |i: usize| {
        bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };

    // `12.`
    let n = digits_from(0);
    if (1..=4).contains(&n) && bytes.get(n) == Some(&b'.') && ends_at(n + 1) {
        return Some(text[..n].to_string());
    }

    // `PP3`, `PP 3`, `OP 4.`
    if text.starts_with("PP") || text.starts_with("OP") {
        let mut i = 2;
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        } else if text[i..].starts_with('\u{a0}') {
            i += '\u{a0}'.len_utf8();
        }
        let n = digits_from(i);
        if (1..=4).contains(&n) {
            let end = i + n;
            if ends_at(end) {
                return Some(text[..end].to_string());
            }
            if bytes.get(end) == Some(&b'.') && ends_at(end + 1) {
                return Some(text[..end].to_string());
            }
        }
        return None;
    }

    // `(a)`, `(bb)`, `(iv)`, `(IV)`, `(2)`
    if bytes.first() == Some(&b'(') {
        let close = text.find(')')?;
        let inner = &text[1..close];
        if ends_at(close + 1) && is_enumerator(inner) {
            return Some(text[..=close].to_string());
        }
    }
    None
}

/// Whether `s` is a list enumerator: 1–3 digits, a lowercase letter (or the same letter
/// repeated, `aa`), or a roman numeral written all lowercase or all uppercase.
fn is_enumerator(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > 12 {
        return false;
    }
    if bytes.iter().all(u8::is_ascii_digit) {
        return bytes.len() <= 3;
    }
    if bytes.iter().all(u8::is_ascii_lowercase) {
        return (bytes.len() <= 3 && bytes.iter().all(|&b| b == bytes[0])) || is_roman(s);
    }
    bytes.iter().all(u8::is_ascii_uppercase) && is_roman(&s.to_ascii_lowercase())
}

/// Whether `s` (lowercase) is a canonically written roman numeral.
fn is_roman(s: &str) -> bool {
    let value_of = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let Some(values) = s.chars().map(value_of).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    let mut total: i64 = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    match u32::try_from(total) {
        Ok(value) => (1..4000).contains(&value) && to_roman(value) == s,
        Err(_) => false,
    }
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------

/// Splits a trailing `{C2 SDG9}` group off `text`.
/// `Ok(None)`: no tag group (no trailing braces, or braces holding other words).
/// `Err(token)`: a tag-shaped token (letters then digits) that is not C1–C11 / SDG1–SDG17.
fn split_tags(text: &str) -> Result<Option<(String, Vec<String>)>, String> {
    let trimmed = text.trim_end();
    let Some(without_close) = trimmed.strip_suffix('}') else {
        return Ok(None);
    };
    let Some(open) = without_close.rfind('{') else {
        return Ok(None);
    };
    let inner = &without_close[open + 1..];
    if inner.contains('}') {
        return Ok(None);
    }
    let tokens: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || !tokens.iter().all(|t| is_tag_shaped(t)) {
        return Ok(None);
    }
    let mut tags: Vec<String> = Vec::new();
    for token in tokens {
        let tag = normalise_tag(token).ok_or_else(|| token.to_string())?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(Some((without_close[..open].trim_end().to_string(), tags)))
}

/// 1–4 ASCII letters followed by 1–3 ASCII digits, e.g. `C2`, `sdg9`, `SGD9`, `X1`.
fn is_tag_shaped(token: &str) -> bool {
    let letters = token.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = token.len() - letters;
    (1..=4).contains(&letters)
        && (1..=3).contains(&digits)
        && token.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

fn normalise_tag(token: &str) -> Option<String> {
    let letters = token.bytes().take_while(u8::is_ascii_alphabetic).count();
    let prefix = token[..letters].to_ascii_uppercase();
    let number: u32 = token[letters..].parse().ok()?;
    let max = match prefix.as_str() {
        "C" => MAX_ACTION_LINE,
        "SDG" => MAX_SDG,
        _ => return None,
    };
    (1..=max)
        .contains(&number)
        .then(|| format!("{prefix}{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(markdown: &str) -> Vec<ParsedParagraph> {
        match parse_draft(markdown) {
            Ok(paragraphs) => paragraphs,
            Err(e) => panic!("unexpected import error: {e}"),
        }
    }

    fn parse_err(markdown: &str) -> String {
        match parse_draft(markdown) {
            Ok(paragraphs) => panic!("expected an error, got {paragraphs:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn texts(paragraphs: &[ParsedParagraph]) -> Vec<&str> {
        paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    fn labels(paragraphs: &[ParsedParagraph]) -> Vec<&str> {
        paragraphs.iter().map(|p| p.label.as_str()).collect()
    }

    fn label_of(text: &str) -> String {
        let paragraphs = parse(text);
        assert_eq!(paragraphs.len(), 1, "{paragraphs:?}");
        paragraphs[0].label.clone()
    }

    // --- blocks and sections -------------------------------------------------

    #[test]
    fn simple_paragraphs_are_numbered_in_order() {
        let p = parse("First paragraph.\n\nSecond\nparagraph,  soft break.\n\nThird.");
        assert_eq!(
            texts(&p),
            [
                "First paragraph.",
                "Second paragraph,  soft break.",
                "Third."
            ]
        );
        assert_eq!(p.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(labels(&p), ["1", "2", "3"]);
        assert!(p.iter().all(|p| p.section.is_none() && p.tags.is_empty()));
    }

    #[test]
    fn headings_open_sections_and_are_not_paragraphs() {
        let md = "Intro text.\n\n# Preamble\n\nOne.\n\n## *Bridging* divides\n\nTwo.\n\nThree.\n\n###### Deep `code`\n\nFour.";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            ["Intro text.", "One.", "Two.", "Three.", "Four."]
        );
        let sections: Vec<Option<&str>> = p.iter().map(|p| p.section.as_deref()).collect();
        assert_eq!(
            sections,
            [
                None,
                Some("Preamble"),
                Some("Bridging divides"),
                Some("Bridging divides"),
                Some("Deep code")
            ]
        );
    }

    #[test]
    fn setext_headings_and_rules() {
        let p = parse("Title\n=====\n\nBody.\n\n---\n\nSub\n---\n\nMore.\n\n***\n");
        assert_eq!(texts(&p), ["Body.", "More."]);
        assert_eq!(p[0].section.as_deref(), Some("Title"));
        assert_eq!(p[1].section.as_deref(), Some("Sub"));
    }

    #[test]
    fn empty_heading_clears_the_section() {
        let p = parse("# A\n\nx\n\n#\n\ny");
        assert_eq!(p[0].section.as_deref(), Some("A"));
        assert_eq!(p[1].section, None);
    }

    #[test]
    fn inline_markup_is_flattened() {
        let p = parse("Some *emphasis*, **strong**, ~~struck~~ and `code`.  \nAfter a hard break.");
        assert_eq!(
            p[0].text,
            "Some emphasis, strong, struck and code.\nAfter a hard break."
        );
    }

    #[test]
    fn links_keep_text_and_address() {
        let md = "See [the report](https://example.org/r) and <https://itu.int> or \
                  <info@example.org>, [annex](#annex) and [ref][r].\n\n[r]: https://ref.example";
        let p = parse(md);
        assert_eq!(
            p[0].text,
            "See the report (https://example.org/r) and https://itu.int or info@example.org, \
             annex and ref (https://ref.example)."
        );
    }

    #[test]
    fn images_keep_alt_text_and_inline_html_is_literal() {
        let p = parse("A ![chart of uptake](c.png) and the <name of State> here.");
        assert_eq!(p[0].text, "A chart of uptake and the <name of State> here.");
    }

    #[test]
    fn a_whole_list_is_one_paragraph() {
        let md = "Intro:\n\n- alpha\n- beta\n  - nested *one*\n  - nested two\n    1. deeper\n- gamma\n\nAfter.";
        let p = parse(md);
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[1].text,
            "- alpha\n- beta\n  - nested one\n  - nested two\n    1. deeper\n- gamma"
        );
        assert_eq!(p[1].label, "2");
        assert_eq!(p[2].number, 3);
    }

    #[test]
    fn tight_ordered_lists_keep_their_ordinals() {
        let p = parse("7. seven\n8. eight\n9. nine");
        assert_eq!(texts(&p), ["7. seven\n8. eight\n9. nine"]);
        // The text starts with "7." so that is the label.
        assert_eq!(p[0].label, "7");
        let p = parse("1) a\n1) b\n1) c");
        assert_eq!(texts(&p), ["1. a\n2. b\n3. c"]);
    }

    #[test]
    fn tight_ordered_list_stays_one_paragraph() {
        let p = parse("1. A\n2. B");
        assert_eq!(texts(&p), ["1. A\n2. B"]);
        assert_eq!(labels(&p), ["1"]);
        // Also when it follows a paragraph and carries tags at its end.
        let p = parse("Intro.\n\n1. A\n2. B {C2}");
        assert_eq!(texts(&p), ["Intro.", "1. A\n2. B"]);
        assert_eq!(p[1].tags, ["C2"]);
    }

    #[test]
    fn loose_lists_are_still_one_paragraph() {
        let p = parse("- one\n\n- two\n\n- three");
        assert_eq!(texts(&p), ["- one\n- two\n- three"]);
    }

    #[test]
    fn loose_ordered_list_is_split_per_item() {
        let p = parse("1. A\n\n2. B\n\n3. C");
        assert_eq!(texts(&p), ["1. A", "2. B", "3. C"]);
        assert_eq!(labels(&p), ["1", "2", "3"]);
        assert_eq!(p.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2, 3]);
        // One blank line anywhere makes the whole list loose.
        let p = parse("1. A\n2. B\n\n3. C");
        assert_eq!(labels(&p), ["1", "2", "3"]);
        // `1)` markers too; escaped numbers are plain paragraphs and give the same result.
        assert_eq!(texts(&parse("1) A\n\n1) B")), ["1. A", "2. B"]);
        let p = parse("1\\. Decides.\n\n2\\. Requests.");
        assert_eq!(texts(&p), texts(&parse("1. Decides.\n\n2. Requests.")));
        assert_eq!(labels(&p), ["1", "2"]);
    }

    #[test]
    fn loose_list_numbering_follows_its_start() {
        let p = parse("12. Decides.\n\n13. Requests.");
        assert_eq!(texts(&p), ["12. Decides.", "13. Requests."]);
        assert_eq!(labels(&p), ["12", "13"]);
        assert_eq!(p.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2]);
        // Markdown numbers items from the start, whatever later items say.
        assert_eq!(labels(&parse("12. A\n\n20. B")), ["12", "13"]);
        // Further blocks of an item stay in it, indented.
        let p = parse("7. seven\n8. eight\n\n   continued loose\n9. nine");
        assert_eq!(
            texts(&p),
            ["7. seven", "8. eight\n  continued loose", "9. nine"]
        );
        assert_eq!(labels(&p), ["7", "8", "9"]);
    }

    #[test]
    fn loose_item_keeps_its_nested_lists() {
        let md = "# Operative part\n\nIntro.\n\n1. Calls upon all stakeholders to:\n\n   - (a) expand access;\n   - (b) reduce costs;\n\n2. Decides, in order:\n\n   1. first;\n\n   2. second;\n\n3. Requests a report.\n\nAfter.";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            [
                "Intro.",
                "1. Calls upon all stakeholders to:\n  - (a) expand access;\n  - (b) reduce costs;",
                "2. Decides, in order:\n  1. first;\n  2. second;",
                "3. Requests a report.",
                "After."
            ]
        );
        assert_eq!(labels(&p), ["1", "1", "2", "3", "5"]);
        assert!(p
            .iter()
            .all(|p| p.section.as_deref() == Some("Operative part")));
    }

    #[test]
    fn loose_lists_that_are_not_split() {
        // Bullet lists and lists inside a block quote stay one paragraph.
        assert_eq!(
            texts(&parse("- (a) one\n\n- (b) two")),
            ["- (a) one\n- (b) two"]
        );
        assert_eq!(texts(&parse("> 1. A\n>\n> 2. B")), ["1. A\n2. B"]);
    }

    #[test]
    fn tags_belong_to_their_split_item() {
        let md = "1. Decides. {C2 sdg9}\n\n2. Requests.\n\n3. Calls for:\n\n   - (a) x;\n   - (b) y; {C5}";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            [
                "1. Decides.",
                "2. Requests.",
                "3. Calls for:\n  - (a) x;\n  - (b) y;"
            ]
        );
        assert_eq!(p[0].tags, ["C2", "SDG9"]);
        assert!(p[1].tags.is_empty());
        assert_eq!(p[2].tags, ["C5"]);
        // Errors name the item's own paragraph number and line.
        let message = parse_err("1. A\n\n2. B {C99}");
        assert!(
            message.contains("paragraph 2 (line 3)") && message.contains("\"C99\""),
            "{message}"
        );
    }

    #[test]
    fn operative_paragraph_with_sub_list() {
        let md = "5. Calls upon all stakeholders to:\n\n   - (a) expand access;\n   - (b) reduce costs;\n\n6\\. Decides to continue.";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            [
                "5. Calls upon all stakeholders to:\n  - (a) expand access;\n  - (b) reduce costs;",
                "6. Decides to continue."
            ]
        );
        assert_eq!(labels(&p), ["5", "6"]);
    }

    #[test]
    fn block_quotes_join_inner_paragraphs_with_blank_lines() {
        let md = "> First quoted\n> line.\n>\n> Second quoted.\n>\n> - item\n\nAfter.";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            ["First quoted line.\n\nSecond quoted.\n\n- item", "After."]
        );
    }

    #[test]
    fn code_blocks_and_tables_are_one_paragraph_each() {
        let md = "```\nlet x = {C2};\n  indented\n```\n\n    indented code\n\n| Region | Share |\n|---|---|\n| Africa | 38% |\n| Europe | 91% |\n";
        let p = parse(md);
        assert_eq!(
            texts(&p),
            [
                "let x = {C2};\n  indented",
                "indented code",
                "Region | Share\nAfrica | 38%\nEurope | 91%"
            ]
        );
        // Code is verbatim: no tag extraction.
        assert!(p[0].tags.is_empty());
    }

    #[test]
    fn whitespace_is_trimmed_and_crlf_and_bom_are_accepted() {
        let p = parse("\u{feff}  # S\r\n\r\n   Padded text.   \r\n\r\nNext\r\nline\r\n");
        assert_eq!(texts(&p), ["Padded text.", "Next line"]);
        assert_eq!(p[0].section.as_deref(), Some("S"));
    }

    #[test]
    fn non_latin_text_is_kept() {
        let p = parse("# 序言\n\n(a) 我们重申 {c2}\n\nPP2. نؤكد من جديد\n\n(ب) نص");
        assert_eq!(texts(&p), ["(a) 我们重申", "PP2. نؤكد من جديد", "(ب) نص"]);
        assert_eq!(labels(&p), ["(a)", "PP2", "3"]);
        assert_eq!(p[0].tags, ["C2"]);
        assert_eq!(p[0].section.as_deref(), Some("序言"));
    }

    // --- labels ----------------------------------------------------------------

    #[test]
    fn numeric_label() {
        let p = parse("12\\. Decides to convene a high-level meeting.");
        assert_eq!(p[0].label, "12");
        assert_eq!(p[0].text, "12. Decides to convene a high-level meeting.");
        assert_eq!(p[0].number, 1);
        assert_eq!(label_of("3\\."), "3");
    }

    #[test]
    fn pp_and_op_labels() {
        assert_eq!(label_of("PP3 Recalling resolution 70/125,"), "PP3");
        assert_eq!(label_of("PP3. Recalling resolution 70/125,"), "PP3");
        assert_eq!(label_of("PP 3 Recalling"), "PP 3");
        assert_eq!(label_of("PP 3. Recalling"), "PP 3");
        assert_eq!(label_of("OP4. Decides"), "OP4");
        assert_eq!(label_of("OP 4 Decides"), "OP 4");
        assert_eq!(label_of("OP 4. Decides"), "OP 4");
        assert_eq!(label_of("OP12"), "OP12");
        assert_eq!(label_of("PP\u{a0}7. Noting"), "PP\u{a0}7");
    }

    #[test]
    fn parenthesised_labels() {
        assert_eq!(label_of("(a) Expanding access;"), "(a)");
        assert_eq!(label_of("(aa) Further item;"), "(aa)");
        assert_eq!(label_of("(iv) Fourth;"), "(iv)");
        assert_eq!(label_of("(xviii) Eighteenth;"), "(xviii)");
        assert_eq!(label_of("(IV) Fourth;"), "(IV)");
        assert_eq!(label_of("(2) Second;"), "(2)");
        assert_eq!(label_of("(c)"), "(c)");
    }

    #[test]
    fn things_that_are_not_labels() {
        for text in [
            "12 percent of households remain offline.",
            "12.5 per cent of schools are connected.",
            "2030 Agenda for Sustainable Development.",
            "PPP arrangements can help.",
            "PP. Missing number",
            "PP3x is not a label",
            "pp3 lowercase is not a label",
            "OPEN data matters.",
            "(see annex) for details",
            "(ab) is not an enumerator",
            "(iiii) is not a canonical numeral",
            "(IIv) mixed case",
            "(a)without space",
            "(1234) too many digits",
            "(a",
            "12345. too long a number",
            "- (a) inside a bullet list",
        ] {
            let p = parse(text);
            assert_eq!(p[0].label, "1", "{text:?} should not have a label");
        }
    }

    #[test]
    fn label_detection_helpers() {
        assert!(is_roman("mcmxcix"));
        assert!(is_roman("xl"));
        assert!(!is_roman("il"));
        assert!(!is_roman("vv"));
        assert!(!is_roman(""));
        assert_eq!(leading_label("OP 4."), Some("OP 4".to_string()));
        assert_eq!(leading_label("7."), Some("7".to_string()));
        assert_eq!(leading_label("7.\u{a0}Text"), Some("7".to_string()));
        assert_eq!(leading_label(""), None);
    }

    // --- tags ------------------------------------------------------------------

    #[test]
    fn trailing_tags_are_extracted_and_normalised() {
        let p = parse("Expands broadband access. {c2 C5 sdg9 C2}");
        assert_eq!(p[0].text, "Expands broadband access.");
        assert_eq!(p[0].tags, ["C2", "C5", "SDG9"]);

        let p = parse("Line one\n{C11, SDG17}");
        assert_eq!(p[0].text, "Line one");
        assert_eq!(p[0].tags, ["C11", "SDG17"]);

        let p = parse("Leading zeros. {C01 SDG09}");
        assert_eq!(p[0].tags, ["C1", "SDG9"]);
    }

    #[test]
    fn tags_after_a_list_or_quote() {
        let p = parse("- one\n- two {C3}\n\n> quoted {SDG4}");
        assert_eq!(texts(&p), ["- one\n- two", "quoted"]);
        assert_eq!(p[0].tags, ["C3"]);
        assert_eq!(p[1].tags, ["SDG4"]);
    }

    #[test]
    fn brace_groups_that_are_not_tags_stay_in_the_text() {
        for text in [
            "See the options {to be confirmed}",
            "Mixed group {C2 pending}",
            "Empty {}",
            "Numbers only {2030}",
            "Nested {a {C2}} braces",
            "Tags not at the end {C2} here",
        ] {
            let p = parse(text);
            assert_eq!(p[0].text, text);
            assert!(p[0].tags.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn unknown_tags_are_errors() {
        for (text, bad) in [
            ("Text {C12}", "C12"),
            ("Text {C0}", "C0"),
            ("Text {SDG18}", "SDG18"),
            ("Text {C2 SGD9}", "SGD9"),
            ("Text {sdg99}", "sdg99"),
        ] {
            let message = parse_err(&format!("Fine. {{C1}}\n\n{text}"));
            assert!(message.contains(&format!("\"{bad}\"")), "{message}");
            assert!(message.contains("paragraph 2"), "{message}");
            assert!(message.contains("line 3"), "{message}");
        }
    }

    #[test]
    fn tag_only_paragraph_is_an_error() {
        let message = parse_err("Text.\n\n{C2 SDG9}");
        assert!(
            message.contains("paragraph 2") && message.contains("no text"),
            "{message}"
        );
    }

    // --- errors ----------------------------------------------------------------

    #[test]
    fn empty_input_is_an_error() {
        for input in ["", "   \n\n\t  ", "\u{feff}"] {
            assert!(parse_err(input).starts_with("the draft has no paragraphs: "));
        }
    }

    #[test]
    fn headings_only_is_an_error() {
        let message = parse_err("# Preamble\n\n## Operative part\n\n---\n");
        assert!(
            message.starts_with("the draft has no paragraphs: "),
            "{message}"
        );
    }

    #[test]
    fn nul_byte_is_an_error() {
        let message = parse_err("One.\n\nTw\0o.");
        assert!(
            message.contains("NUL") && message.contains("line 3"),
            "{message}"
        );
    }

    #[test]
    fn raw_html_blocks_are_errors() {
        for (input, line) in [
            ("Para.\n\n<div>\nhello\n</div>\n", 3),
            ("<!-- comment -->\n\nText.", 1),
            ("A.\n\nB.\n\n<script>alert(1)</script>", 5),
            ("- item\n\n  <div>x</div>\n", 3),
            ("> quote\n>\n> <table><tr><td>x</td></tr></table>\n", 3),
        ] {
            let message = parse_err(input);
            let expected = format!("raw HTML is not allowed (line {line})");
            assert!(message.starts_with(&expected), "{input:?}: {message}");
        }
    }

    #[test]
    fn too_long_paragraph_is_an_error() {
        let long = "a".repeat(MAX_PARAGRAPH_CHARS + 1);
        let message = parse_err(&format!("Short.\n\n{long}"));
        assert!(
            message.contains("paragraph 2") && message.contains("too long"),
            "{message}"
        );

        // Exactly at the limit is fine, and the limit counts characters, not bytes.
        let at_limit = "é".repeat(MAX_PARAGRAPH_CHARS);
        assert_eq!(
            parse(&at_limit)[0].text.chars().count(),
            MAX_PARAGRAPH_CHARS
        );
        // The tag block does not count towards the limit.
        let p = parse(&format!("{} {{C1}}", "b".repeat(MAX_PARAGRAPH_CHARS)));
        assert_eq!(p[0].tags, ["C1"]);
    }

    #[test]
    fn too_many_paragraphs_is_an_error() {
        let at_limit = "p\n\n".repeat(MAX_PARAGRAPHS);
        assert_eq!(parse(&at_limit).len(), MAX_PARAGRAPHS);
        let over = "p\n\n".repeat(MAX_PARAGRAPHS + 1);
        let message = parse_err(&over);
        assert!(message.contains("more than 5000 paragraphs"), "{message}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}deep", "> ".repeat(200));
        let message = parse_err(&deep);
        assert!(message.contains("nested"), "{message}");
        let ok = format!("{}fine", "> ".repeat(10));
        assert_eq!(parse(&ok)[0].text, "fine");
    }

    #[test]
    fn import_error_displays_its_message() {
        let e = ImportError("boom".to_string());
        assert_eq!(e.to_string(), "boom");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(boxed.to_string(), "boom");
    }

    // --- the bundled demo draft ------------------------------------------------

    #[test]
    fn demo_draft_parses() {
        let p = parse(include_str!("../demo/wsis_zero_draft.md"));
        assert!((35..=45).contains(&p.len()), "{} paragraphs", p.len());
        let mut sections: Vec<&str> = Vec::new();
        for paragraph in &p {
            let Some(section) = paragraph.section.as_deref() else {
                panic!("paragraph {} has no section", paragraph.number);
            };
            if !sections.contains(&section) {
                sections.push(section);
            }
        }
        assert_eq!(sections.len(), 5, "{sections:?}");
        assert!(p.iter().filter(|p| !p.tags.is_empty()).count() >= p.len() / 4);
        assert!(p.iter().any(|p| p.label.starts_with("PP")));
        assert!(p.iter().any(|p| p.text.contains("\n  - (a) ")));
        // Every paragraph of the demo is explicitly labelled.
        for paragraph in &p {
            assert!(
                paragraph.text.starts_with(&paragraph.label),
                "paragraph {} has no label of its own",
                paragraph.number
            );
        }
    }
}
