//! The consolidated input (SPEC §6): every format read back with a real parser and
//! checked against the database, attribution, statuses, errors, the page links and the
//! command line.

use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use diesel::prelude::*;
use plenary::accounts::model::Group;
use plenary::db::schema::comments;
use serde_json::{json, Value};

use crate::helpers::*;

const DRAFT: &str = "\
# Preamble

PP1. Recalling the Geneva phase of the World Summit on the Information Society,

# Operative part

1. Commits to connectivity for all;

2. يؤكد أهمية التعاون الرقمي — 强调数字合作 — la coopération numérique à Genève.
";

const MULTILINGUAL: &str = "نص عربي — 中文评论 — café, naïve, Zürich <script>alert(1)</script>";

const COLUMNS: [&str; 18] = [
    "comment_id",
    "parent_id",
    "paragraph_number",
    "paragraph_label",
    "kind",
    "stakeholder_group",
    "organization",
    "country",
    "author",
    "affiliation_verified",
    "status",
    "created_at",
    "edited_at",
    "body",
    "proposed_text",
    "disposition",
    "next_paragraph_label",
    "language",
];

fn id(v: &Value) -> String {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("ids are strings: {v}"))
        .to_string()
}

/// A draft with input in every status from three stakeholder groups.
struct World {
    draft: String,
    paragraphs: Vec<String>,
    moderator: TestUser,
    gov: TestUser,
    cs: TestUser,
    acad: TestUser,
    everyone: Vec<TestUser>,
    /// Comment ids by the name the tests give them.
    c: HashMap<&'static str, String>,
}

impl World {
    fn id(&self, name: &str) -> &str {
        &self.c[name]
    }
}

async fn post_comment(app: &TestApp, draft: &str, user: &TestUser, fields: Value) -> String {
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
    id(&c)
}

async fn moderate(app: &TestApp, moderator: &TestUser, comment: &str, action: &str) {
    let (status, c) = body(
        app.post_json(
            &format!("/comments/{comment}/moderation"),
            &json!({"action": action, "reason": "Not on topic"}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{c}");
}

async fn world(app: &TestApp) -> World {
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let gov = app.participant(Group::Government).await;
    let cs = app.participant(Group::CivilSociety).await;
    let acad = app.participant(Group::Academia).await;
    let (status, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20 review", "summary": "Input to the review",
                    "opens_at": "2020-01-01T00:00:00Z", "closes_at": "2099-01-01T00:00:00Z"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    let consultation = id(&c);
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{consultation}/drafts"),
            &json!({"title": "Outcome document", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    let draft = id(&d);
    let paragraphs: Vec<String> = d["paragraphs"].as_array().unwrap().iter().map(id).collect();
    assert_eq!(paragraphs.len(), 3);
    let (status, u) = body(
        app.patch_json(
            &format!("/admin/users/{}", gov.id),
            &json!({"affiliation_verified": true}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{u}");

    let mut c = HashMap::new();
    let p = |n: usize| paragraphs[n - 1].clone();
    c.insert(
        "gov",
        post_comment(app, &draft, &gov, json!({"paragraph_id": p(1), "body": "We support the reference to Geneva.", "attribution": "name"})).await,
    );
    c.insert(
        "formula",
        post_comment(app, &draft, &cs, json!({"paragraph_id": p(2), "body": "=HYPERLINK(\"http://evil.example\",\"click\")", "attribution": "group"})).await,
    );
    c.insert(
        "amendment",
        post_comment(app, &draft, &acad, json!({"paragraph_id": p(2), "kind": "amendment", "body": "Add universality and a date.",
            "proposed_text": "1. Commits to universal connectivity for all by 2030;", "attribution": "organization"})).await,
    );
    c.insert(
        "plus",
        post_comment(
            app,
            &draft,
            &gov,
            json!({"parent_id": c["formula"], "body": "+1, and more", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "general",
        post_comment(
            app,
            &draft,
            &cs,
            json!({"body": "-5 per cent is not enough", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "multi",
        post_comment(
            app,
            &draft,
            &acad,
            json!({"paragraph_id": p(3), "body": MULTILINGUAL, "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "at",
        post_comment(
            app,
            &draft,
            &gov,
            json!({"paragraph_id": p(3), "body": "@everyone\tplease read", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "spam",
        post_comment(
            app,
            &draft,
            &cs,
            json!({"paragraph_id": p(1), "body": "Buy cheap things", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "orphan",
        post_comment(
            app,
            &draft,
            &acad,
            json!({"parent_id": c["spam"], "body": "This looks like spam.", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "withdrawn",
        post_comment(
            app,
            &draft,
            &acad,
            json!({"paragraph_id": p(1), "body": "Second thoughts", "attribution": "name"}),
        )
        .await,
    );
    c.insert(
        "rejected",
        post_comment(
            app,
            &draft,
            &gov,
            json!({"paragraph_id": p(2), "body": "An unrelated rant", "attribution": "name"}),
        )
        .await,
    );
    moderate(app, &moderator, &c["spam"], "hide").await;
    moderate(app, &moderator, &c["rejected"], "reject").await;
    let res = app
        .delete_api(&format!("/comments/{}", c["withdrawn"]), Some(&acad.token))
        .await;
    assert_eq!(res.status(), 204);
    let (status, _) = body(
        app.patch_json(
            &format!("/consultations/{consultation}"),
            &json!({"moderation": "pre"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    c.insert(
        "pending",
        post_comment(
            app,
            &draft,
            &cs,
            json!({"paragraph_id": p(3), "body": "Awaiting approval", "attribution": "name"}),
        )
        .await,
    );
    let everyone = vec![
        admin,
        moderator.clone(),
        gov.clone(),
        cs.clone(),
        acad.clone(),
    ];
    World {
        draft,
        paragraphs,
        moderator,
        gov,
        cs,
        acad,
        everyone,
        c,
    }
}

/// (id, status, author group) of the draft's comments, oldest first, from the database.
async fn in_database(app: &TestApp, draft: &str) -> Vec<(String, String, String)> {
    let draft: i64 = draft.parse().unwrap();
    app.db()
        .run(move |conn| {
            Ok(comments::table
                .filter(comments::draft_id.eq(draft))
                .order(comments::id.asc())
                .select((comments::id, comments::status, comments::author_group))
                .load::<(i64, String, String)>(conn)?)
        })
        .await
        .unwrap()
        .into_iter()
        .map(|(id, s, g)| (id.to_string(), s, g))
        .collect()
}

async fn published_ids(app: &TestApp, draft: &str) -> Vec<String> {
    in_database(app, draft)
        .await
        .into_iter()
        .filter(|(_, s, _)| s == "published")
        .map(|(id, _, _)| id)
        .collect()
}

struct Download {
    status: u16,
    headers: reqwest::header::HeaderMap,
    bytes: Vec<u8>,
}

impl Download {
    fn text(&self) -> String {
        String::from_utf8(self.bytes.clone()).expect("UTF-8")
    }

    fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    fn problem(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap()
    }
}

async fn download(app: &TestApp, draft: &str, query: &str, token: Option<&str>) -> Download {
    let res = app
        .get_api(&format!("/drafts/{draft}/export?{query}"), token)
        .await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.unwrap().to_vec();
    Download {
        status,
        headers,
        bytes,
    }
}

/// The CSV as rows of column → value, after checking the header.
fn csv_rows(bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, COLUMNS);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn row<'a>(rows: &'a [HashMap<String, String>], comment: &str) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r["comment_id"] == comment)
        .unwrap_or_else(|| panic!("no row for {comment}"))
}

fn assert_no_email(text: &str, users: &[TestUser]) {
    for u in users {
        assert!(!text.contains(&u.email), "{} leaked", u.email);
    }
    assert!(!text.contains("@example.org"));
}

/// Every comment of a JSON export, with the depth it is nested at.
fn json_comments(doc: &Value) -> Vec<(Value, usize)> {
    fn walk(list: &Value, depth: usize, out: &mut Vec<(Value, usize)>) {
        for c in list.as_array().unwrap() {
            out.push((c.clone(), depth));
            walk(&c["replies"], depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for p in doc["paragraphs"].as_array().unwrap() {
        walk(&p["comments"], 1, &mut out);
    }
    walk(&doc["general_comments"], 1, &mut out);
    out
}

fn xlsx(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a valid XLSX file")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    book.worksheet_range(name)
        .unwrap()
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

// ------------------------------------------------------------------------------------
// CSV

#[actix_web::test]
async fn the_csv_has_the_spec_columns_and_every_published_comment_oldest_first() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(&app, &w.draft, "format=csv", None).await;

    assert_eq!(d.status, 200);
    assert_eq!(d.header("content-type"), "text/csv; charset=utf-8");
    assert!(d
        .bytes
        .starts_with("\u{feff}comment_id,parent_id,".as_bytes()));
    assert!(d.text().contains("\r\n"), "RFC 4180 line ends");
    let rows = csv_rows(&d.bytes);
    let ids: Vec<String> = rows.iter().map(|r| r["comment_id"].clone()).collect();
    assert_eq!(ids, published_ids(&app, &w.draft).await);
    assert_eq!(ids.len(), 8);
    assert!(rows.iter().all(|r| r["status"] == "published"));
    for hidden in ["spam", "withdrawn", "rejected", "pending"] {
        assert!(!ids.contains(&w.c[hidden]), "{hidden} is not public");
    }
    let amendment = row(&rows, w.id("amendment"));
    assert_eq!(amendment["paragraph_number"], "2");
    assert_eq!(amendment["paragraph_label"], "1");
    assert_eq!(amendment["kind"], "amendment");
    assert_eq!(
        amendment["proposed_text"],
        "1. Commits to universal connectivity for all by 2030;"
    );
    let reply = row(&rows, w.id("plus"));
    assert_eq!(reply["parent_id"], w.c["formula"]);
    let general = row(&rows, w.id("general"));
    assert_eq!(general["paragraph_number"], "");
    assert_eq!(general["paragraph_label"], "");
    assert!(rows
        .iter()
        .all(|r| chrono::DateTime::parse_from_rfc3339(&r["created_at"]).is_ok()));
}

#[actix_web::test]
async fn cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let rows = csv_rows(&download(&app, &w.draft, "format=csv", None).await.bytes);

    assert_eq!(
        row(&rows, w.id("formula"))["body"],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(row(&rows, w.id("plus"))["body"], "'+1, and more");
    assert_eq!(
        row(&rows, w.id("general"))["body"],
        "'-5 per cent is not enough"
    );
    assert_eq!(row(&rows, w.id("at"))["body"], "'@everyone\tplease read");
    assert_eq!(
        row(&rows, w.id("gov"))["body"],
        "We support the reference to Geneva."
    );
}

#[actix_web::test]
async fn the_public_export_follows_each_comments_attribution_and_never_holds_an_email() {
    let app = spawn_app().await;
    let w = world(&app).await;

    // A moderator asking for the published export gets the public document too.
    for token in [None, Some(w.moderator.token.as_str())] {
        let d = download(&app, &w.draft, "format=csv", token).await;
        let rows = csv_rows(&d.bytes);

        let named = row(&rows, w.id("gov"));
        assert_eq!(named["author"], "government person");
        assert_eq!(named["organization"], "government org");
        assert_eq!(named["country"], "KE");
        assert_eq!(named["stakeholder_group"], "government");
        assert_eq!(named["affiliation_verified"], "true");
        let by_org = row(&rows, w.id("amendment"));
        assert_eq!(by_org["author"], "");
        assert_eq!(by_org["organization"], "academia org");
        assert_eq!(by_org["stakeholder_group"], "academia");
        assert_eq!(by_org["affiliation_verified"], "false");
        let by_group = row(&rows, w.id("formula"));
        assert_eq!(by_group["author"], "");
        assert_eq!(by_group["organization"], "");
        assert_eq!(by_group["country"], "");
        assert_eq!(by_group["stakeholder_group"], "civil_society");
        assert_no_email(&d.text(), &w.everyone);
    }
}

#[actix_web::test]
async fn a_moderator_exports_every_status_with_the_authors_and_the_status_of_each_row() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(
        &app,
        &w.draft,
        "format=csv&status=all",
        Some(&w.moderator.token),
    )
    .await;

    assert_eq!(d.status, 200);
    let rows = csv_rows(&d.bytes);
    let expected = in_database(&app, &w.draft).await;
    assert_eq!(rows.len(), 12);
    let got: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["comment_id"].clone(),
                r["status"].clone(),
                r["stakeholder_group"].clone(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    for (name, status) in [
        ("spam", "hidden"),
        ("withdrawn", "withdrawn"),
        ("rejected", "rejected"),
        ("pending", "pending"),
        ("gov", "published"),
    ] {
        assert_eq!(row(&rows, w.id(name))["status"], status, "{name}");
    }
    assert_eq!(row(&rows, w.id("spam"))["body"], "Buy cheap things");
    // Moderators see who wrote what, whatever the attribution.
    let by_group = row(&rows, w.id("formula"));
    assert_eq!(by_group["author"], "civil_society person");
    assert_eq!(by_group["organization"], "civil_society org");
    assert_no_email(&d.text(), &w.everyone);
}

#[actix_web::test]
async fn every_status_needs_a_moderator_401_anonymous_and_403_for_a_participant() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let anonymous = download(&app, &w.draft, "format=csv&status=all", None).await;
    let participant = download(&app, &w.draft, "format=json&status=all", Some(&w.cs.token)).await;

    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.header("content-type"), "application/problem+json");
    assert_eq!(participant.status, 403);
    assert_eq!(participant.problem()["status"], 403);
    let explicit = download(
        &app,
        &w.draft,
        "format=csv&status=published",
        Some(&w.cs.token),
    )
    .await;
    assert_eq!(explicit.status, 200);
    assert_eq!(csv_rows(&explicit.bytes).len(), 8);
}

#[actix_web::test]
async fn bad_parameters_are_422_naming_the_field_and_a_missing_draft_is_404() {
    let app = spawn_app().await;
    let w = world(&app).await;

    for (query, field) in [
        ("format=odt", "format"),
        ("", "format"),
        ("format=csv&stakeholder_group=aliens", "stakeholder_group"),
        ("format=csv&status=hidden", "status"),
        ("format=csv&colour=red", "colour"),
    ] {
        let d = download(&app, &w.draft, query, None).await;
        assert_eq!(d.status, 422, "{query}");
        let p = d.problem();
        assert!(p["errors"][field].is_array(), "{query}: {p}");
    }
    let missing = download(&app, "12345", "format=csv", None).await;
    assert_eq!(missing.status, 404);
    let not_a_number = download(&app, "draft", "format=csv", None).await;
    assert_eq!(not_a_number.status, 404);
}

#[actix_web::test]
async fn the_group_filter_keeps_only_that_groups_comments_in_every_format() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let expected: Vec<String> = in_database(&app, &w.draft)
        .await
        .into_iter()
        .filter(|(_, s, g)| s == "published" && g == "civil_society")
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(expected.len(), 2);

    let rows = csv_rows(
        &download(
            &app,
            &w.draft,
            "format=csv&stakeholder_group=civil_society",
            None,
        )
        .await
        .bytes,
    );
    let doc: Value = serde_json::from_slice(
        &download(
            &app,
            &w.draft,
            "format=json&stakeholder_group=civil_society",
            None,
        )
        .await
        .bytes,
    )
    .unwrap();
    let html = download(
        &app,
        &w.draft,
        "format=html&stakeholder_group=civil_society",
        None,
    )
    .await
    .text();

    let csv_ids: Vec<String> = rows.iter().map(|r| r["comment_id"].clone()).collect();
    assert_eq!(csv_ids, expected);
    let mut json_ids: Vec<String> = json_comments(&doc).iter().map(|(c, _)| id(c)).collect();
    json_ids.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(json_ids, sorted);
    assert_eq!(doc["scope"]["stakeholder_group"], "civil_society");
    let page = scraper::Html::parse_document(&html);
    let li = scraper::Selector::parse("li.comment").unwrap();
    let mut html_ids: Vec<String> = page
        .select(&li)
        .map(|e| e.value().id().unwrap().trim_start_matches("c-").to_string())
        .collect();
    html_ids.sort();
    assert_eq!(html_ids, sorted);
}

// ------------------------------------------------------------------------------------
// JSON

#[actix_web::test]
async fn the_json_export_has_the_paragraphs_in_order_with_threads_and_the_general_comments() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(&app, &w.draft, "format=json", None).await;

    assert_eq!(d.status, 200);
    assert_eq!(d.header("content-type"), "application/json");
    let doc: Value = serde_json::from_slice(&d.bytes).unwrap();
    assert_eq!(doc["consultation"]["title"], "WSIS+20 review");
    assert_eq!(doc["consultation"]["status"], "open");
    assert_eq!(doc["draft"]["id"], w.draft.as_str());
    assert_eq!(doc["draft"]["title"], "Outcome document");
    assert_eq!(doc["draft"]["version_label"], "Zero draft");
    assert!(chrono::DateTime::parse_from_rfc3339(doc["generated_at"].as_str().unwrap()).is_ok());
    let paragraphs = doc["paragraphs"].as_array().unwrap();
    let numbers: Vec<i64> = paragraphs
        .iter()
        .map(|p| p["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(paragraphs[0]["label"], "PP1");
    assert!(paragraphs[2]["text"]
        .as_str()
        .unwrap()
        .contains("强调数字合作"));

    // Paragraph 2: the comment by group with its reply nested, then the amendment.
    let p2 = paragraphs[1]["comments"].as_array().unwrap();
    assert_eq!(p2.len(), 2);
    assert_eq!(id(&p2[0]), w.c["formula"]);
    assert_eq!(p2[0]["replies"].as_array().unwrap().len(), 1);
    assert_eq!(id(&p2[0]["replies"][0]), w.c["plus"]);
    assert_eq!(p2[0]["replies"][0]["replies"], json!([]));
    assert_eq!(id(&p2[1]), w.c["amendment"]);
    assert_eq!(p2[1]["kind"], "amendment");
    // Attribution: fields withheld are absent, as in the API.
    assert!(p2[0]["author"].get("display_name").is_none());
    assert!(p2[0]["author"].get("organization").is_none());
    assert!(p2[0]["author"].get("id").is_none());
    assert_eq!(p2[0]["author"]["stakeholder_group"], "civil_society");
    assert_eq!(p2[1]["author"]["organization"], "academia org");
    // A reply to a comment the export leaves out (hidden) starts its own thread.
    let p1 = paragraphs[0]["comments"].as_array().unwrap();
    let orphan = p1.iter().find(|c| id(c) == w.c["orphan"]).unwrap();
    assert_eq!(orphan["parent_id"], w.c["spam"].as_str());
    let general = doc["general_comments"].as_array().unwrap();
    assert_eq!(general.len(), 1);
    assert_eq!(id(&general[0]), w.c["general"]);

    let mut ids: Vec<String> = json_comments(&doc).iter().map(|(c, _)| id(c)).collect();
    ids.sort();
    let mut expected = published_ids(&app, &w.draft).await;
    expected.sort();
    assert_eq!(ids, expected);
    assert_no_email(&d.text(), &w.everyone);
}

#[actix_web::test]
async fn a_moderators_json_export_with_every_status_carries_the_statuses() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(
        &app,
        &w.draft,
        "format=json&status=all",
        Some(&w.moderator.token),
    )
    .await;

    let doc: Value = serde_json::from_slice(&d.bytes).unwrap();
    assert_eq!(doc["scope"]["status"], "all");
    let all = json_comments(&doc);
    let statuses: BTreeSet<(String, String)> = all
        .iter()
        .map(|(c, _)| (id(c), c["status"].as_str().unwrap().to_string()))
        .collect();
    let expected: BTreeSet<(String, String)> = in_database(&app, &w.draft)
        .await
        .into_iter()
        .map(|(id, s, _)| (id, s))
        .collect();
    assert_eq!(statuses, expected);
    // Now that the hidden comment is exported, its reply is nested under it.
    let (spam, _) = all.iter().find(|(c, _)| id(c) == w.c["spam"]).unwrap();
    assert_eq!(id(&spam["replies"][0]), w.c["orphan"]);
    assert_eq!(spam["author"]["display_name"], "civil_society person");
    assert_no_email(&d.text(), &w.everyone);
}

// ------------------------------------------------------------------------------------
// XLSX

#[actix_web::test]
async fn the_xlsx_export_has_comments_summary_and_amendments_sheets() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(&app, &w.draft, "format=xlsx", None).await;

    assert_eq!(d.status, 200);
    assert_eq!(
        d.header("content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let mut book = xlsx(&d.bytes);
    assert_eq!(
        book.sheet_names(),
        ["Comments", "Summary", "Amendments", "Participation"]
    );

    let comments = sheet(&mut book, "Comments");
    assert_eq!(comments[0], COLUMNS);
    let ids: Vec<String> = comments[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, published_ids(&app, &w.draft).await);
    let by_id = |name: &str| {
        comments
            .iter()
            .find(|r| r[0] == w.c[name])
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let amendment = by_id("amendment");
    assert_eq!(amendment[2], "2");
    assert_eq!(amendment[6], "academia org");
    assert_eq!(amendment[8], "", "attribution withholds the name");
    assert_eq!(
        amendment[14],
        "1. Commits to universal connectivity for all by 2030;"
    );
    assert_eq!(by_id("multi")[13], MULTILINGUAL);
    // Strings in a workbook are never formulas: kept as written, and no formula cell.
    assert_eq!(
        by_id("formula")[13],
        "=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    let formulas = book.worksheet_formula("Comments").unwrap();
    assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));

    let summary = sheet(&mut book, "Summary");
    assert_eq!(
        summary[0],
        [
            "Paragraph",
            "Government",
            "Private sector",
            "Civil society",
            "Academia",
            "Technical community",
            "International organization",
            "Total"
        ]
    );
    // Paragraph PP1: the government comment and the reply of academia (the hidden and
    // withdrawn comments are not counted).
    assert_eq!(
        summary[1],
        ["Paragraph PP1", "1", "0", "0", "1", "0", "0", "2"]
    );
    assert_eq!(
        summary[2],
        ["Paragraph 1", "1", "0", "1", "1", "0", "0", "3"]
    );
    assert_eq!(
        summary[3],
        ["Paragraph 2", "1", "0", "0", "1", "0", "0", "2"]
    );
    assert_eq!(
        summary[4],
        ["General comments", "0", "0", "1", "0", "0", "0", "1"]
    );
    assert_eq!(summary[5], ["Total", "3", "0", "2", "3", "0", "0", "8"]);

    let amendments = sheet(&mut book, "Amendments");
    assert_eq!(amendments.len(), 2);
    assert_eq!(amendments[0][7], "paragraph_text");
    assert_eq!(amendments[0][8], "proposed_text");
    assert_eq!(amendments[1][0], w.c["amendment"]);
    assert_eq!(amendments[1][7], "1. Commits to connectivity for all;");
    assert_eq!(
        amendments[1][8],
        "1. Commits to universal connectivity for all by 2030;"
    );
    // The dashboard's figures: the per-day rows add up to the total of the Summary sheet.
    let participation = sheet(&mut book, "Participation");
    assert_eq!(participation[0][..3], ["dimension", "value", "total"]);
    let per_day: f64 = participation
        .iter()
        .filter(|r| r[0] == "day")
        .map(|r| r[2].parse::<f64>().unwrap())
        .sum();
    assert_eq!(per_day, 8.0);
    let all_text = [comments, summary, amendments]
        .iter()
        .flatten()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_email(&all_text, &w.everyone);
}

// ------------------------------------------------------------------------------------
// HTML

#[actix_web::test]
async fn the_html_compilation_groups_input_by_stakeholder_group_and_marks_amendments() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let d = download(&app, &w.draft, "format=html", None).await;

    assert_eq!(d.status, 200);
    assert_eq!(d.header("content-type"), "text/html; charset=utf-8");
    assert!(d
        .header("content-security-policy")
        .contains("style-src 'sha256-"));
    let html = d.text();
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let text_of = |s: &str| -> Vec<String> {
        doc.select(&sel(s))
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    };
    assert_eq!(text_of("h1"), ["Outcome document"]);
    assert_eq!(text_of(".version"), ["Zero draft"]);
    assert!(text_of("dl.meta dd")[0].ends_with("UTC"));
    // The summary table: one row per group, then the total.
    let rows: Vec<Vec<String>> = doc
        .select(&sel(".summary tbody tr"))
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0], ["Government", "3", "0", "3"]);
    assert_eq!(rows[2], ["Civil society", "2", "0", "2"]);
    assert_eq!(rows[3], ["Academia", "2", "1", "3"]);
    assert_eq!(text_of(".summary tfoot td"), ["7", "1", "8"]);
    // Paragraph 2 (label 1): its text, then input under the groups' names.
    let p2 = doc.select(&sel("section#p-2")).next().expect("paragraph 2");
    let headings: Vec<String> = p2.select(&sel("h4")).map(|h| h.text().collect()).collect();
    assert_eq!(headings, ["Civil society", "Academia"]);
    assert!(p2
        .select(&sel(".para-text"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .contains("Commits to connectivity for all;"));
    let inserted: Vec<String> = p2
        .select(&sel(".diff ins"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(inserted, ["universal ", " by 2030"]);
    // The reply sits in the thread of the comment it answers.
    let thread = doc
        .select(&sel(&format!("li#c-{}", w.c["formula"])))
        .next()
        .unwrap();
    assert!(thread
        .select(&sel(&format!("ol.replies li#c-{}", w.c["plus"])))
        .next()
        .is_some());
    // Every published comment, and nothing else.
    let mut ids: Vec<String> = doc
        .select(&sel("li.comment"))
        .map(|e| e.value().id().unwrap().trim_start_matches("c-").to_string())
        .collect();
    ids.sort();
    let mut expected = published_ids(&app, &w.draft).await;
    expected.sort();
    assert_eq!(ids, expected);
    // User text is text: the script is shown, never run.
    assert!(doc.select(&sel("script")).next().is_none());
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A stylesheet for print.
    let style = text_of("style").join("");
    assert!(style.contains("@media print") && style.contains("@page"));
    assert_no_email(&html, &w.everyone);
}

#[actix_web::test]
async fn arabic_chinese_and_accents_survive_every_format() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let paragraph = "يؤكد أهمية التعاون الرقمي — 强调数字合作 — la coopération numérique à Genève.";

    let csv = csv_rows(&download(&app, &w.draft, "format=csv", None).await.bytes);
    let json: Value =
        serde_json::from_slice(&download(&app, &w.draft, "format=json", None).await.bytes).unwrap();
    let mut book = xlsx(&download(&app, &w.draft, "format=xlsx", None).await.bytes);
    let html = download(&app, &w.draft, "format=html", None).await.text();

    assert_eq!(row(&csv, w.id("multi"))["body"], MULTILINGUAL);
    assert_eq!(json["paragraphs"][2]["comments"][0]["body"], MULTILINGUAL);
    assert!(json["paragraphs"][2]["text"]
        .as_str()
        .unwrap()
        .contains(paragraph));
    let comments = sheet(&mut book, "Comments");
    assert!(comments.iter().any(|r| r[13] == MULTILINGUAL));
    let doc = scraper::Html::parse_document(&html);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains(MULTILINGUAL));
    assert!(text.contains(paragraph));
}

// ------------------------------------------------------------------------------------
// Names, pages and the command line

#[actix_web::test]
async fn the_file_is_named_after_the_draft_and_its_version() {
    let app = spawn_app().await;
    let w = world(&app).await;

    for format in ["csv", "json", "xlsx", "html"] {
        let d = download(&app, &w.draft, &format!("format={format}"), None).await;
        assert_eq!(
            d.header("content-disposition"),
            format!("attachment; filename=\"outcome-document-zero-draft.{format}\"")
        );
    }

    // A title without Latin letters keeps them in RFC 6266's filename*.
    let admin = app.admin().await;
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "مشاورة", "summary": ""}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "وثيقة الختام", "version_label": "Rev.1", "text": "1. نص."}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    let d = download(&app, &id(&d), "format=csv", None).await;
    assert_eq!(
        d.header("content-disposition"),
        "attachment; filename=\"rev-1.csv\"; filename*=UTF-8''%D9%88%D8%AB%D9%8A%D9%82%D8%A9-%D8%A7%D9%84%D8%AE%D8%AA%D8%A7%D9%85-rev-1.csv"
    );
}

fn download_links(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("section.download-input a").unwrap();
    doc.select(&sel)
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn the_reading_page_offers_the_downloads_and_moderators_also_every_status() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let page = format!("/drafts/{}", w.draft);

    let html = app
        .client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    let links = download_links(&html);
    assert_eq!(
        links,
        ["csv", "json", "xlsx", "html", "docx", "pdf"]
            .map(|f| format!("/drafts/{}/export?format={f}", w.draft))
    );
    let doc = scraper::Html::parse_document(&html);
    let form = scraper::Selector::parse(
        "section.download-input form[method=get] select[name=stakeholder_group] option",
    )
    .unwrap();
    assert_eq!(doc.select(&form).count(), 7);
    let heading = scraper::Selector::parse("section.download-input h2").unwrap();
    assert_eq!(
        doc.select(&heading)
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "Download input"
    );
    // The links work with no token; every status is refused to the anonymous visitor.
    let res = app.client.get(app.url(&links[0])).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        csv_rows(&res.bytes().await.unwrap()).len(),
        published_ids(&app, &w.draft).await.len()
    );
    let res = app
        .client
        .get(app.url(&format!("{}&status=all", links[0])))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .client
        .get(app.url(&format!(
            "/drafts/{}/export?format=csv&stakeholder_group=academia",
            w.draft
        )))
        .send()
        .await
        .unwrap();
    assert!(csv_rows(&res.bytes().await.unwrap())
        .iter()
        .all(|r| r["stakeholder_group"] == "academia"));

    // A moderator signed in with the cookie gets the links with every status, and they work.
    app.sign_in_on_the_pages(&w.moderator.email).await;
    let html = app
        .client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let links = download_links(&html);
    assert_eq!(links.len(), 12);
    assert!(links[6..].iter().all(|l| l.ends_with("&status=all")));
    let res = app.client.get(app.url(&links[6])).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(csv_rows(&res.bytes().await.unwrap()).len(), 12);
}

#[actix_web::test]
async fn a_participant_signed_in_on_the_pages_cannot_export_every_status() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.sign_in_on_the_pages(&w.acad.email).await;

    let res = app
        .client
        .get(app.url(&format!(
            "/drafts/{}/export?format=html&status=all",
            w.draft
        )))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), 403);
    let html = app
        .client
        .get(app.url(&format!("/drafts/{}", w.draft)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(download_links(&html).len(), 6);
}

#[actix_web::test]
async fn the_command_line_exports_to_standard_output_and_to_a_file() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let bin = env!("CARGO_BIN_EXE_plenary");
    let api_csv = download(&app, &w.draft, "format=csv", None).await.bytes;

    let out = Command::new(bin)
        .args(["export", "--draft", &w.draft, "--format", "csv"])
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, api_csv, "the same file as the API's");

    let dir = std::env::temp_dir().join(format!("plenary-export-{}", plenary::ids::new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("all.json");
    let out = Command::new(bin)
        .args([
            "export", "--draft", &w.draft, "--format", "json", "--all", "--output",
        ])
        .arg(&file)
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json_comments(&doc).len(), 12);

    let out = Command::new(bin)
        .args(["export", "--draft", &w.draft, "--format", "odt"])
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("format"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------------------------
// Scale: more comments than one query reads

#[actix_web::test]
async fn exports_page_through_more_comments_than_one_query_reads_and_keep_deep_threads() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let author = w.gov.id;
    let draft: i64 = w.draft.parse().unwrap();
    let paragraphs: Vec<i64> = w.paragraphs.iter().map(|p| p.parse().unwrap()).collect();
    // 1,200 comments straight into the database: every fourth a reply to one written
    // 700 earlier (so across query pages), and a chain of 25 replies.
    app.db()
        .run(move |conn| {
            conn.transaction(|conn| {
                let mut ids: Vec<(i64, Option<i64>)> = Vec::new();
                for i in 0..1225usize {
                    let id = plenary::ids::new_id();
                    let (parent, paragraph) = if i >= 1200 {
                        // The chain: each a reply to the previous one.
                        let prev = ids[i - 1];
                        (Some(prev.0), prev.1)
                    } else if i % 4 == 3 && i >= 700 {
                        let p = ids[i - 700];
                        (Some(p.0), p.1)
                    } else {
                        (None, paragraphs.get(i % 4).copied())
                    };
                    ids.push((id, paragraph));
                    diesel::insert_into(comments::table)
                        .values((
                            comments::id.eq(id),
                            comments::draft_id.eq(draft),
                            comments::paragraph_id.eq(paragraph),
                            comments::parent_id.eq(parent),
                            comments::kind.eq("comment"),
                            comments::body.eq(format!("Bulk comment {i}")),
                            comments::status.eq("published"),
                            comments::attribution.eq("name"),
                            comments::author_id.eq(author),
                            comments::author_group.eq("government"),
                            comments::author_organization.eq("government org"),
                            comments::author_country.eq(Some("KE")),
                            comments::author_verified.eq(true),
                            comments::flag_count.eq(0),
                            comments::created_at.eq(chrono::Utc::now().naive_utc()),
                        ))
                        .execute(conn)?;
                }
                Ok(())
            })
        })
        .await
        .unwrap();
    let expected = published_ids(&app, &w.draft).await;
    assert_eq!(expected.len(), 8 + 1225);

    let rows = csv_rows(&download(&app, &w.draft, "format=csv", None).await.bytes);
    let doc: Value =
        serde_json::from_slice(&download(&app, &w.draft, "format=json", None).await.bytes).unwrap();
    let mut book = xlsx(&download(&app, &w.draft, "format=xlsx", None).await.bytes);
    let html = download(&app, &w.draft, "format=html", None).await.text();

    let csv_ids: Vec<String> = rows.iter().map(|r| r["comment_id"].clone()).collect();
    assert_eq!(csv_ids, expected, "every comment once, oldest first");
    let nodes = json_comments(&doc);
    let mut json_ids: Vec<String> = nodes.iter().map(|(c, _)| id(c)).collect();
    json_ids.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(json_ids, sorted);
    let deepest = nodes.iter().map(|(_, d)| *d).max().unwrap();
    assert_eq!(deepest, 16, "long chains stop nesting at 16 levels");
    let xlsx_rows = sheet(&mut book, "Comments");
    assert_eq!(xlsx_rows.len(), expected.len() + 1);
    let page = scraper::Html::parse_document(&html);
    let li = scraper::Selector::parse("li.comment").unwrap();
    assert_eq!(page.select(&li).count(), expected.len());
}
