//! The compilation as a Word document and as PDF (issue 21): read back with a real zip
//! and XML parser, and turned into PDF by LibreOffice whose text `pdftotext` finds.

use std::io::{Cursor, Read};

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::comments::{id, paragraph};
use crate::helpers::*;

const DRAFT: &str = "# Preamble

PP1. Recalling the Geneva phase of the World Summit on the Information Society,

# Operative part

1. Commits to universal connectivity by 2030;

2. Requests the Secretary-General to report on progress.
";

const ARABIC: &str = "# الديباجة

PP1. إذ تشير إلى مرحلة جنيف من مؤتمر القمة العالمي لمجتمع المعلومات،

# المنطوق

1. تلتزم بتحقيق الاتصال الشامل بحلول عام 2030؛

2. تطلب إلى الأمين العام أن يقدم تقريرا عن التقدم المحرز.
";

/// A new consultation, made by `admin` through the API.
async fn consultation(app: &TestApp, admin: &TestUser) -> Value {
    let (status, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20 review"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    c
}

async fn draft_with_input(app: &TestApp) -> (String, Value) {
    let admin = app.admin().await;
    let c = consultation(app, &admin).await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "Outcome document", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    let draft = id(&d);
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{draft}/translations"),
            &json!({"language": "ar", "text": ARABIC}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);
    let gov = app.participant(Group::Government).await;
    let acad = app.participant(Group::Academia).await;
    for (user, fields) in [
        (
            &gov,
            json!({"paragraph_id": paragraph(&d, 2), "body": "Affordability targets <script>alert(1)</script> & dates."}),
        ),
        (
            &acad,
            json!({"paragraph_id": paragraph(&d, 2), "kind": "amendment", "body": "Add meaningful.",
                        "proposed_text": "1. Commits to universal and meaningful connectivity by 2030;"}),
        ),
        (
            &acad,
            json!({"body": "Thank you for the consultation.", "language": "en"}),
        ),
    ] {
        let (status, c) = body(
            app.post_json(
                &format!("/drafts/{draft}/comments"),
                &fields,
                Some(&user.token),
            )
            .await,
        )
        .await;
        assert_eq!(status, 201, "{c}");
    }
    (draft, d)
}

/// The text of every `w:t` of `word/document.xml`, paragraph by paragraph, with each
/// paragraph's style; the XML must parse from start to end.
fn word_paragraphs(docx: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip file");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "docProps/core.xml",
    ] {
        assert!(zip.by_name(part).is_ok(), "{part} is in the package");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut in_t) = (String::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:p" => {
                style.clear();
                text.clear();
            }
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                let v = e.try_get_attribute("w:val").unwrap().unwrap();
                style = v.value.to_string();
            }
            quick_xml::events::Event::Text(t) if in_t => {
                text.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            quick_xml::events::Event::GeneralRef(r) if in_t => {
                let name = r.to_string();
                text.push_str(match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    other => panic!("unexpected entity {other}"),
                });
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:p" => {
                out.push((style.clone(), text.clone()));
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[actix_web::test]
async fn the_word_compilation_has_headings_a_table_and_every_input_in_order() {
    let app = spawn_app().await;
    let (draft, _) = draft_with_input(&app).await;
    let res = app
        .get_api(&format!("/drafts/{draft}/export?format=docx"), None)
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("outcome-document-zero-draft.docx"));
    let bytes = res.bytes().await.unwrap();
    let paras = word_paragraphs(&bytes);
    let find = |needle: &str| {
        paras
            .iter()
            .position(|(_, t)| t.contains(needle))
            .unwrap_or_else(|| panic!("{needle} is in the document: {paras:#?}"))
    };
    assert_eq!(paras[find("Outcome document")].0, "Title");
    assert_eq!(paras[find("Summary by stakeholder group")].0, "Heading1");
    assert_eq!(paras[find("Operative part")].0, "Heading1");
    let p1 = find("Commits to universal connectivity by 2030;");
    assert_eq!(
        paras[p1 - 1].0,
        "Heading2",
        "each paragraph has its heading"
    );
    let comment = find("Affordability targets <script>alert(1)</script> & dates.");
    assert!(comment > p1, "input follows its paragraph");
    let amendment = find("meaningful");
    assert_eq!(paras[amendment].0, "Quote");
    assert!(
        find("Thank you for the consultation.") > amendment,
        "general comments last"
    );
    // The summary is a real table, and the added word is marked as such.
    let zip_xml = {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_ref())).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    };
    assert!(zip_xml.contains("<w:tbl>") && zip_xml.contains("<w:tblHeader/>"));
    assert!(
        zip_xml
            .contains(r#"<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">and meaningful "#),
        "{zip_xml}"
    );

    // In the Arabic version the paragraphs read right to left.
    let res = app
        .get_api(
            &format!("/drafts/{draft}/export?format=docx&language=ar"),
            None,
        )
        .await;
    let bytes = res.bytes().await.unwrap();
    let paras = word_paragraphs(&bytes);
    assert!(paras
        .iter()
        .any(|(_, t)| t.contains("تلتزم بتحقيق الاتصال الشامل")));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_ref())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<w:bidi/>"));
    // The page and the command line offer it too.
    let page = app
        .client
        .get(app.url(&format!("/drafts/{draft}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("/drafts/{draft}/export?format=docx")));
    let file = std::env::temp_dir().join(format!("compilation-{}.docx", plenary::ids::new_id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["export", "--draft", &draft, "--format", "docx", "--output"])
        .arg(&file)
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(&file).unwrap();
    assert!(word_paragraphs(&written)
        .iter()
        .any(|(_, t)| t.contains("Thank you for the consultation.")));
    std::fs::remove_file(file).ok();
}

#[actix_web::test]
async fn the_pdf_compilation_is_made_by_libreoffice_or_refused_with_503_without_it() {
    let app = spawn_app().await;
    let (draft, _) = draft_with_input(&app).await;
    let res = app
        .get_api(&format!("/drafts/{draft}/export?format=pdf"), None)
        .await;
    if !plenary::export::pdf::available() {
        // CI installs LibreOffice and sets this: there the PDF itself must be checked.
        assert!(
            std::env::var_os("PLENARY_TEST_REQUIRE_PDF").is_none(),
            "LibreOffice (soffice) is not installed"
        );
        assert_eq!(res.status(), 503);
        let problem: Value = res.json().await.unwrap();
        assert!(problem["detail"].as_str().unwrap().contains("LibreOffice"));
        return;
    }
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let file = std::env::temp_dir().join(format!("compilation-{}.pdf", plenary::ids::new_id()));
    std::fs::write(&file, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    std::fs::remove_file(&file).ok();
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Commits to universal connectivity by 2030;"),
        "{text}"
    );
    assert!(
        text.contains("Affordability targets <script>alert(1)</script> & dates."),
        "{text}"
    );
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn heading(t: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
}

fn numbered(lvl: u8, runs: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="7"/></w:numPr></w:pPr>{runs}</w:p>"#
    )
}

fn run(t: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#)
}

/// A Word file as Word writes one, with `body` (WordprocessingML paragraphs) as its text:
/// a heading style, and automatic numbering (1., 2. and (a), (b) under them) as `numId` 7.
fn word_file(body: &str) -> Vec<u8> {
    use std::io::Write;
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, xml) in [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A Word draft with everything the importer reads: styles, automatic numbering, a typed
/// label, bold and italic; and what it cannot carry: a table, an image and a tracked
/// insertion.
fn word_draft() -> Vec<u8> {
    let body = [
        heading("Preamble"),
        format!("<w:p>{}</w:p>", run("PP1. Recalling the Geneva phase &amp; the Tunis phase,")),
        heading("Operative part"),
        numbered(0, &format!(r#"{}<w:r><w:rPr><w:b/></w:rPr><w:t>universal</w:t></w:r>{}"#, run("Commits to "), run(" connectivity by 2030;"))),
        numbered(1, &run("affordable devices;")),
        numbered(1, &format!(r#"<w:ins w:id="1" w:author="Secretariat"><w:r><w:rPr><w:i/></w:rPr><w:t>digital skills</w:t></w:r></w:ins>{}"#, run(" for all;"))),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Target</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
        numbered(0, &format!(r#"{}<w:r><w:drawing/></w:r>"#, run("Requests the Secretary-General to report &lt;annually&gt;."))),
    ]
    .concat();
    word_file(&body)
}

/// A Word draft the importer carries whole (no warnings), in `lines`' language.
fn clean_word_draft(lines: [&str; 4]) -> Vec<u8> {
    word_file(
        &[
            heading(lines[0]),
            format!("<w:p>{}</w:p>", run(lines[1])),
            numbered(0, &run(lines[2])),
            numbered(0, &run(lines[3])),
        ]
        .concat(),
    )
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[actix_web::test]
async fn a_word_draft_imports_into_the_right_paragraphs_and_labels_and_says_what_it_left_out() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = consultation(&app, &admin).await;
    let path = format!("/consultations/{}/drafts", id(&c));
    let (status, d) = body(
        app.post_json(
            &path,
            &json!({"title": "Outcome", "version_label": "Zero draft", "docx": b64(&word_draft())}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    let paras: Vec<(String, String, String)> = d["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["label"].as_str().unwrap().to_string(),
                p["section"].as_str().unwrap_or_default().to_string(),
                p["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let labels: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(labels, ["PP1", "1", "(a)", "(b)", "2"], "{d}");
    assert_eq!(paras[0].1, "Preamble");
    assert_eq!(paras[1].1, "Operative part");
    assert!(
        paras[0].2.contains("Geneva phase & the Tunis phase"),
        "{:?}",
        paras[0]
    );
    assert!(
        paras[1]
            .2
            .contains("Commits to universal connectivity by 2030;"),
        "{:?}",
        paras[1]
    );
    assert!(
        paras[3].2.contains("digital skills for all;"),
        "{:?}",
        paras[3]
    );
    assert!(
        paras[4].2.contains("report <annually>."),
        "Word text is text, not HTML: {:?}",
        paras[4]
    );
    let warnings = d["import_warnings"].to_string();
    assert!(warnings.contains("a table after paragraph 4"), "{warnings}");
    assert!(
        warnings.contains("an image or object in paragraph 5"),
        "{warnings}"
    );
    assert!(warnings.contains("tracked changes"), "{warnings}");

    // The same file from the command line.
    let file = std::env::temp_dir().join(format!("draft-{}.docx", plenary::ids::new_id()));
    std::fs::write(&file, word_draft()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args([
            "import-draft",
            "--consultation",
            &id(&c),
            "--title",
            "Outcome",
            "--version-label",
            "Copy",
        ])
        .arg(&file)
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("with 5 paragraphs"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: a table"));
}

#[actix_web::test]
async fn a_file_that_is_not_a_word_draft_is_refused_naming_the_problem_and_nothing_is_stored() {
    use std::io::Write;
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = consultation(&app, &admin).await;
    let path = format!("/consultations/{}/drafts", id(&c));
    // A zip bomb: 60 MiB of spaces that deflate to a few kilobytes.
    let bomb = {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..60 {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    assert!(bomb.len() < 1024 * 1024);
    let not_word = {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        zip.finish().unwrap().into_inner()
    };
    for (fields, field, says) in [
        (
            json!({"docx": b64(b"plain text, not a zip")}),
            "docx",
            "not a zip package",
        ),
        (json!({"docx": "%%% not base64"}), "docx", "base64"),
        (
            json!({"docx": b64(&not_word)}),
            "docx",
            "no word/document.xml",
        ),
        (json!({"docx": b64(&bomb)}), "docx", "expands past 50 MiB"),
        (
            json!({"docx": b64(&word_draft()), "text": "1. Also text."}),
            "docx",
            "must not be sent with text",
        ),
        (json!({}), "text", "is required"),
    ] {
        let mut fields = fields;
        fields["title"] = json!("Outcome");
        fields["version_label"] = json!("Zero draft");
        let (status, e) = body(app.post_json(&path, &fields, Some(&admin.token)).await).await;
        assert_eq!(status, 422, "{e}");
        let message = e["errors"][field][0].as_str().unwrap_or_default();
        assert!(message.contains(says), "{field}: {e}");
    }
    assert_eq!(app.count("drafts").await, 0);
    assert_eq!(app.count("paragraphs").await, 0);
}

const ENGLISH: [&str; 4] = [
    "Operative part",
    "PP1. Recalling the Geneva phase,",
    "Commits to universal connectivity by 2030;",
    "Requests the Secretary-General to report on progress.",
];
const FRENCH: [&str; 4] = [
    "Dispositif",
    "PP1. Rappelant la phase de Genève,",
    "S’engage en faveur de la connectivité universelle d’ici à 2030 ;",
    "Prie le Secrétaire général de rendre compte des progrès accomplis.",
];

fn word_part(bytes: Vec<u8>) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes)
        .file_name("draft.docx")
        .mime_str("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .unwrap()
}

/// A page form with a Word file, sent as a browser sends it.
async fn upload(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<Vec<u8>>,
) -> (u16, String) {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form = match file {
        Some(bytes) => form.part("file", word_part(bytes)),
        // An input left empty: a file part with no name and no bytes.
        None => form.part(
            "file",
            reqwest::multipart::Part::bytes(Vec::new()).file_name(""),
        ),
    };
    let res = app
        .client
        .post(app.url(path))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    (status, location.unwrap_or(res.text().await.unwrap()))
}

/// The values of a page's named fields: inputs and textareas.
fn fields_of(html: &str, form_action: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse(&format!(r#"form[action="{form_action}"]"#)).unwrap();
    let named = scraper::Selector::parse("input[name], textarea[name], select[name]").unwrap();
    let selected = scraper::Selector::parse("option[selected]").unwrap();
    let form = doc.select(&form).next().expect("the form");
    form.select(&named)
        .filter(|e| e.value().attr("type") != Some("file"))
        .map(|e| {
            let name = e.value().attr("name").unwrap().to_string();
            let value = match e.value().name() {
                "textarea" => e.text().collect(),
                "select" => e
                    .select(&selected)
                    .next()
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or_default()
                    .to_string(),
                _ => e.value().attr("value").unwrap_or_default().to_string(),
            };
            (name, value)
        })
        .collect()
}

#[actix_web::test]
async fn a_word_file_uploaded_on_the_admin_pages_shows_what_it_left_out_before_anything_is_stored()
{
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = consultation(&app, &admin).await;
    app.sign_in_on_the_pages(&admin.email).await;
    let page = format!("/admin/consultations/{}", id(&c));
    let action = format!("/admin/consultations/{}/drafts", id(&c));
    let html = app.page(&page).await;
    assert!(html.contains(r#"enctype="multipart/form-data""#), "{html}");
    assert!(html.contains(r#"type="file""#) && html.contains(r#"accept=".docx"#));
    let csrf = app.csrf(&page).await;
    let form = [
        ("csrf", csrf.as_str()),
        ("title", "Outcome document"),
        ("version_label", "Zero draft"),
        ("language", "en"),
        ("text", ""),
    ];

    // A file with a table, an image and a tracked change: the warnings and the text it
    // became, and nothing stored.
    let (status, html) = upload(&app, &action, &form, Some(word_draft())).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(r#"id="import-warnings""#), "{html}");
    assert!(html.contains("a table after paragraph 4 is not imported"));
    assert!(html.contains("an image or object in paragraph 5 is not imported"));
    assert!(html.contains("tracked changes (1)"), "{html}");
    assert_eq!(app.count("drafts").await, 0);
    // The secretariat reads the text and imports it as it is.
    let fields = fields_of(&html, &action);
    let text = &fields.iter().find(|(k, _)| k == "text").unwrap().1;
    assert!(text.contains("Recalling the Geneva phase"), "{text}");
    let res = app
        .client
        .post(app.url(&action))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("drafts").await, 1);
    assert_eq!(app.count("paragraphs").await, 5);

    // A file it carries whole is imported at once.
    let csrf = app.csrf(&page).await;
    let mut clean = form;
    clean[0].1 = &csrf;
    let (status, location) = upload(&app, &action, &clean, Some(clean_word_draft(ENGLISH))).await;
    assert_eq!(status, 303, "{location}");
    let draft = location.trim_start_matches("/drafts/").to_string();
    let (_, d) = body(app.get_api(&format!("/drafts/{draft}"), None).await).await;
    let labels: Vec<&str> = d["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["PP1", "1", "2"], "{d}");

    // Its French version, from Word too, on the translations page.
    let tpage = format!("/admin/drafts/{draft}/translations");
    let csrf = app.csrf(&tpage).await;
    let (status, location) = upload(
        &app,
        &tpage,
        &[
            ("csrf", &csrf),
            ("language", "fr"),
            ("title", "Document final"),
            ("text", ""),
        ],
        Some(clean_word_draft(FRENCH)),
    )
    .await;
    assert_eq!(status, 303, "{location}");
    assert_eq!(location, format!("/drafts/{draft}?language=fr"));
    let (_, d) = body(
        app.get_api(&format!("/drafts/{draft}?language=fr"), None)
            .await,
    )
    .await;
    assert!(d["paragraphs"][1]["text"]
        .as_str()
        .unwrap()
        .contains("connectivité universelle"));

    // Refusals, in the reader's language, beside the file field; nothing stored.
    app.page("/?lang=fr").await;
    let drafts = app.count("drafts").await;
    for (file, text, says) in [
        (
            b"not a zip".to_vec(),
            "",
            "n’est pas un fichier Word (.docx) : ce n’est pas une archive zip",
        ),
        (
            clean_word_draft(ENGLISH),
            "1. Also text.",
            "ne doit pas être envoyé avec le texte",
        ),
    ] {
        let csrf = app.csrf(&page).await;
        let mut fields = form;
        fields[0].1 = &csrf;
        fields[4].1 = text;
        let (status, html) = upload(&app, &action, &fields, Some(file)).await;
        assert_eq!(status, 422, "{html}");
        let doc = scraper::Html::parse_document(&html);
        let error = scraper::Selector::parse("#f-file-error").unwrap();
        let shown: String = doc
            .select(&error)
            .next()
            .map(|e| e.text().collect())
            .unwrap_or_default();
        assert!(shown.contains(says), "{shown} / {html}");
    }
    // No file and no text: the text is required, as before.
    let csrf = app.csrf(&page).await;
    let mut fields = form;
    fields[0].1 = &csrf;
    let (status, _) = upload(&app, &action, &fields, None).await;
    assert_eq!(status, 422);
    assert_eq!(app.count("drafts").await, drafts);
}

#[actix_web::test]
async fn a_revision_from_word_is_reviewed_with_its_warnings_then_published() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = consultation(&app, &admin).await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "Outcome document", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);
    let draft = id(&d);
    app.sign_in_on_the_pages(&admin.email).await;
    let revise = format!("/admin/drafts/{draft}/revise");
    let html = app.page(&revise).await;
    assert!(html.contains(r#"enctype="multipart/form-data""#));
    let csrf = app.csrf(&revise).await;
    let (status, html) = upload(
        &app,
        &revise,
        &[("csrf", &csrf), ("version_label", "Rev.1"), ("text", "")],
        Some(word_draft()),
    )
    .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("a table after paragraph 4 is not imported"),
        "{html}"
    );
    assert_eq!(app.count("drafts").await, 1, "nothing published yet");
    let publish = format!("/admin/drafts/{draft}/revise/publish");
    let fields = fields_of(&html, &publish);
    let res = app
        .client
        .post(app.url(&publish))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("drafts").await, 2);
    assert_eq!(app.count("paragraphs").await, 3 + 5);
}

#[actix_web::test]
async fn the_api_takes_a_word_file_as_a_multipart_form() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = consultation(&app, &admin).await;
    let path = app.api(&format!("/consultations/{}/drafts", id(&c)));
    let send = |form: reqwest::multipart::Form, path: String, token: Option<String>| {
        let client = app.client.clone();
        async move {
            let mut req = client.post(path).multipart(form);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            body(req.send().await.unwrap()).await
        }
    };
    let form = |file: Vec<u8>| {
        reqwest::multipart::Form::new()
            .text("title", "Outcome document")
            .text("version_label", "Zero draft")
            .part("docx", word_part(file))
    };
    let token = Some(admin.token.clone());
    // Refused without a token, and for what is not a Word file; nothing stored.
    let (status, _) = send(form(word_draft()), path.clone(), None).await;
    assert_eq!(status, 401);
    let (status, e) = send(
        form(b"PK\x03\x04 broken".to_vec()),
        path.clone(),
        token.clone(),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert!(
        e["errors"]["docx"][0]
            .as_str()
            .unwrap()
            .contains("Word file"),
        "{e}"
    );
    let (status, e) = send(
        form(word_draft()).text("surprise", "x"),
        path.clone(),
        token.clone(),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert!(e["errors"]["surprise"].is_array(), "{e}");
    assert_eq!(app.count("drafts").await, 0);

    let (status, d) = send(form(word_draft()), path, token.clone()).await;
    assert_eq!(status, 201, "{d}");
    assert_eq!(d["paragraphs"].as_array().unwrap().len(), 5);
    assert!(d["import_warnings"]
        .to_string()
        .contains("a table after paragraph 4"));

    // A revision the same way.
    let (status, r) = send(
        reqwest::multipart::Form::new()
            .text("version_label", "Rev.1")
            .part("docx", word_part(clean_word_draft(ENGLISH))),
        app.api(&format!("/drafts/{}/revisions", id(&d))),
        token,
    )
    .await;
    assert_eq!(status, 201, "{r}");
    assert_eq!(r["previous_draft_id"], d["id"]);
    assert_eq!(r["paragraphs"].as_array().unwrap().len(), 3);
}
