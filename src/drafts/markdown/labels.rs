//! Labels a paragraph starts with: `12.`, `PP3`, `OP 4`, `(a)`, `(iv)`.

/// The label a paragraph text starts with, as written minus a trailing dot.
pub(super) fn leading_label(text: &str) -> Option<String> {
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
pub(super) fn is_roman(s: &str) -> bool {
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

pub(crate) fn to_roman(mut n: u32) -> String {
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
