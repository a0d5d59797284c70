//! Markdown draft import: turns a Markdown draft into numbered, labelled, tagged paragraphs.
//! Owns block rules, labels, `{C2 SDG9}` tags and import errors; pure: no I/O, no crate imports.
//! A loose top-level ordered list (`1. Decides …`, blank line, `2. Requests …`, as UN drafts
//! write operative paragraphs) is split into one numbered paragraph per item.

use std::fmt;

use pulldown_cmark::{Options, Parser};

mod blocks;
pub(crate) mod labels;
mod render;
mod tags;
#[cfg(test)]
mod tests;

use blocks::{read_blocks, Block};
use labels::leading_label;
use render::render_block;
use tags::split_tags;

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
