//! The trailing `{C2 SDG9}` tag group.

use super::{MAX_ACTION_LINE, MAX_SDG};

/// Splits a trailing `{C2 SDG9}` group off `text`.
/// `Ok(None)`: no tag group (no trailing braces, or braces holding other words).
/// `Err(token)`: a tag-shaped token (letters then digits) that is not C1–C11 / SDG1–SDG17.
pub(super) fn split_tags(text: &str) -> Result<Option<(String, Vec<String>)>, String> {
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
