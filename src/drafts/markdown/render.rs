//! Rendering blocks to the plain text a paragraph stores.

use super::blocks::Block;

pub(super) fn render_block(block: &Block) -> String {
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
