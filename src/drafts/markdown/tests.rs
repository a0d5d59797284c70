use super::labels::is_roman;
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
    let md =
        "1. Decides. {C2 sdg9}\n\n2. Requests.\n\n3. Calls for:\n\n   - (a) x;\n   - (b) y; {C5}";
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
    let p = parse(include_str!("../../demo/wsis_zero_draft.md"));
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
