//! The block tree, built from pulldown-cmark's event stream.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{line_of, ImportError, MAX_NESTING};

#[derive(Debug)]
pub(super) enum Block {
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

pub(super) struct Located {
    pub(super) block: Block,
    pub(super) offset: usize,
    /// A paragraph opened by a `Paragraph` event. Directly inside a list item this means the
    /// list is loose: tight items hold bare inline events instead.
    wrapped: bool,
}

type Events<'a> = pulldown_cmark::OffsetIter<'a, pulldown_cmark::DefaultBrokenLinkCallback>;

/// Reads blocks until the end of the enclosing container (or of the input).
/// Inline events met directly (tight list items) are gathered into paragraphs.
pub(super) fn read_blocks(
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
