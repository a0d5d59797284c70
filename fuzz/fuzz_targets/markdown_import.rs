//! The Markdown draft import (`plenary::drafts::markdown::parse_draft`): any text an
//! admin uploads must give paragraphs or an import error, never a panic, a hang or
//! paragraphs that break the numbering rules of SPEC §2.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::drafts::markdown::{parse_draft, MAX_PARAGRAPHS, MAX_PARAGRAPH_CHARS};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(paragraphs) = parse_draft(text) else {
        return;
    };
    assert!(!paragraphs.is_empty() && paragraphs.len() <= MAX_PARAGRAPHS);
    for (i, p) in paragraphs.iter().enumerate() {
        // Numbered 1, 2, 3 … across the whole draft, in order.
        assert_eq!(p.number as usize, i + 1);
        assert!(!p.label.is_empty());
        assert!(p.text.chars().count() <= MAX_PARAGRAPH_CHARS);
        assert!(!p.text.contains('\0'));
        for t in &p.tags {
            let ok = match (t.strip_prefix("SDG"), t.strip_prefix('C')) {
                (Some(n), _) => n.parse::<u32>().is_ok_and(|n| (1..=17).contains(&n)),
                (None, Some(n)) => n.parse::<u32>().is_ok_and(|n| (1..=11).contains(&n)),
                _ => false,
            };
            assert!(ok, "tag {t:?} is not a WSIS Action Line or an SDG");
        }
    }
});
