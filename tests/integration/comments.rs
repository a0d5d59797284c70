//! Consultations, draft import and comments: who may write where and when, replies and
//! amendments, attribution, edits with history, withdrawal, listing with filters and
//! cursors (also while others write), per-group counts and statistics.

use std::collections::HashSet;
use std::time::Duration;

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::helpers::*;

/// A short UN-style draft: two sections, a tagged preambular paragraph, a sub-paragraph
/// and a loose numbered list of operative paragraphs.
const DRAFT: &str = "\
# Preamble

PP1. Recalling the outcome documents of the World Summit on the Information Society, \
{C2 SDG9}

(a) Bridging digital divides within and between countries;

# Operative paragraphs

1. Decides to review progress in implementing the outcomes every ten years;

2. Requests the Secretary-General to report on the review.
";

const OPENED: &str = "2020-01-01T00:00:00Z";
const CLOSING_LATER: &str = "2099-01-01T00:00:00Z";
const CLOSED_BEFORE_NOW: &str = "2020-06-01T00:00:00Z";

pub(crate) fn id(v: &Value) -> String {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("ids are JSON strings: {v}"))
        .to_string()
}

/// The id of paragraph `number` (1-based) of `draft`.
pub(crate) fn paragraph(draft: &Value, number: usize) -> String {
    id(&draft["paragraphs"][number - 1])
}

fn ids_of(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(id).collect()
}

pub(crate) async fn new_consultation(app: &TestApp, admin: &TestUser, fields: Value) -> Value {
    let (status, c) = body(
        app.post_json("/consultations", &fields, Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    c
}

pub(crate) async fn import(
    app: &TestApp,
    admin: &TestUser,
    consultation: &str,
    text: &str,
) -> Value {
    let (status, draft) = body(
        app.post_json(
            &format!("/consultations/{consultation}/drafts"),
            &json!({"title": "WSIS+20 outcome document", "version_label": "Zero draft", "text": text}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{draft}");
    draft
}

/// An admin and the short draft, in a consultation that opened in 2020 and closes in 2099.
pub(crate) async fn open_draft(app: &TestApp) -> (TestUser, Value) {
    let admin = app.admin().await;
    let c = new_consultation(
        app,
        &admin,
        json!({"title": "WSIS+20 review", "summary": "Input to the review",
               "opens_at": OPENED, "closes_at": CLOSING_LATER}),
    )
    .await;
    let draft = import(app, &admin, &id(&c), DRAFT).await;
    (admin, draft)
}

/// Closes the consultation of `draft` early, as an admin does.
async fn close_early(app: &TestApp, admin: &TestUser, draft: &Value) {
    let consultation = draft["consultation_id"].as_str().unwrap();
    let (status, c) = body(
        app.patch_json(
            &format!("/consultations/{consultation}"),
            &json!({"closes_at": CLOSED_BEFORE_NOW}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["status"], "closed");
}

async fn try_comment(app: &TestApp, draft: &Value, user: &TestUser, fields: Value) -> (u16, Value) {
    body(
        app.post_json(
            &format!("/drafts/{}/comments", id(draft)),
            &fields,
            Some(&user.token),
        )
        .await,
    )
    .await
}

pub(crate) async fn comment(app: &TestApp, draft: &Value, user: &TestUser, fields: Value) -> Value {
    let (status, c) = try_comment(app, draft, user, fields).await;
    assert_eq!(status, 201, "{c}");
    c
}

/// Posts `fields` and expects a 422 naming `field`, with no comment stored.
async fn assert_refused(app: &TestApp, draft: &Value, user: &TestUser, fields: Value, field: &str) {
    let before = app.count("comments").await;
    let (status, b) = try_comment(app, draft, user, fields.clone()).await;
    assert_eq!(status, 422, "{fields} → {b}");
    assert!(
        b["errors"][field].is_array(),
        "{field} should be named for {fields}: {b}"
    );
    assert_eq!(
        app.count("comments").await,
        before,
        "nothing stored for {fields}"
    );
}

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> (u16, Value) {
    body(app.get_api(path, token).await).await
}

async fn list(app: &TestApp, draft: &Value, query: &str, token: Option<&str>) -> (u16, Value) {
    get(
        app,
        &format!("/drafts/{}/comments{query}", id(draft)),
        token,
    )
    .await
}

// ------------------------------------------------------------------------------------
// Consultations

#[actix_web::test]
async fn an_admin_creates_consultations_whose_status_follows_their_window() {
    let app = spawn_app().await;
    let admin = app.admin().await;

    let open = new_consultation(&app, &admin, json!({"title": "Open now", "summary": "s"})).await;
    assert_eq!(open["status"], "open");
    assert_eq!(open["moderation"], "post");
    assert!(open["id"].is_string());
    let upcoming = new_consultation(
        &app,
        &admin,
        json!({"title": "Later", "summary": "s", "opens_at": "2099-01-01T00:00:00Z", "moderation": "pre"}),
    )
    .await;
    assert_eq!(upcoming["status"], "upcoming");
    assert_eq!(upcoming["moderation"], "pre");
    let closed = new_consultation(
        &app,
        &admin,
        json!({"title": "Over", "summary": "s", "opens_at": OPENED, "closes_at": CLOSED_BEFORE_NOW}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["opens_at"], OPENED);
    assert_eq!(closed["closes_at"], CLOSED_BEFORE_NOW);

    let (status, page) = get(&app, "/consultations", None).await;
    assert_eq!(status, 200);
    let listed: Vec<(String, String)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (id(c), c["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (id(&open), "open".to_string()),
            (id(&upcoming), "upcoming".to_string()),
            (id(&closed), "closed".to_string()),
        ]
    );
    assert_eq!(page["next_cursor"], Value::Null);
}

#[actix_web::test]
async fn a_consultation_lists_its_drafts() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let consultation = draft["consultation_id"].as_str().unwrap();

    let (status, c) = get(&app, &format!("/consultations/{consultation}"), None).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["title"], "WSIS+20 review");
    assert_eq!(c["status"], "open");
    let drafts = c["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0]["id"], draft["id"]);
    assert_eq!(drafts[0]["title"], "WSIS+20 outcome document");
    assert_eq!(drafts[0]["version_label"], "Zero draft");
}

#[actix_web::test]
async fn only_admins_create_consultations() {
    let app = spawn_app().await;
    let participant = app.participant(Group::Government).await;
    let fields = json!({"title": "Mine", "summary": "s"});

    let res = app
        .post_json("/consultations", &fields, Some(&participant.token))
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.post_json("/consultations", &fields, None)
            .await
            .status(),
        401
    );
    assert_eq!(app.count("consultations").await, 0);
}

#[actix_web::test]
async fn a_consultation_with_bad_fields_is_422_naming_each_of_them() {
    let app = spawn_app().await;
    let admin = app.admin().await;

    let (status, b) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "  ", "summary": "s", "opens_at": "2026-02-01T00:00:00Z",
                    "closes_at": "2026-01-01T00:00:00Z", "moderation": "sometimes"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{b}");
    for field in ["title", "closes_at", "moderation"] {
        assert!(
            b["errors"][field].is_array(),
            "{field} should be named in {b}"
        );
    }
    assert_eq!(app.count("consultations").await, 0);
}

// ------------------------------------------------------------------------------------
// Drafts

#[actix_web::test]
async fn an_imported_draft_is_numbered_labelled_tagged_and_sectioned() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;

    assert_eq!(draft["title"], "WSIS+20 outcome document");
    assert_eq!(draft["version_label"], "Zero draft");
    assert_eq!(draft["previous_draft_id"], Value::Null);
    let paragraphs = draft["paragraphs"].as_array().unwrap();
    let summary: Vec<(i64, &str, &str)> = paragraphs
        .iter()
        .map(|p| {
            (
                p["number"].as_i64().unwrap(),
                p["label"].as_str().unwrap(),
                p["section"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "PP1", "Preamble"),
            (2, "(a)", "Preamble"),
            (3, "1", "Operative paragraphs"),
            (4, "2", "Operative paragraphs"),
        ]
    );
    assert_eq!(paragraphs[0]["tags"], json!(["C2", "SDG9"]));
    assert_eq!(paragraphs[1]["tags"], json!([]));
    let first = paragraphs[0]["text"].as_str().unwrap();
    assert!(first.starts_with("PP1. Recalling"), "{first}");
    assert!(
        !first.contains('{'),
        "the tag block leaves the text: {first}"
    );
    assert!(paragraphs[2]["text"]
        .as_str()
        .unwrap()
        .starts_with("1. Decides"));
    assert!(paragraphs.iter().all(|p| p["comment_count"] == 0));

    let (status, again) = get(&app, &format!("/drafts/{}", id(&draft)), None).await;
    assert_eq!(status, 200);
    assert_eq!(again["paragraphs"], draft["paragraphs"]);
    assert_eq!(app.count("paragraphs").await, 4);
}

#[actix_web::test]
async fn a_draft_that_is_empty_or_holds_raw_html_is_422_naming_text() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = new_consultation(&app, &admin, json!({"title": "T", "summary": "s"})).await;

    for text in ["", "  \n\n ", "PP1. Fine.\n\n<div>\nraw block\n</div>\n"] {
        let (status, b) = body(
            app.post_json(
                &format!("/consultations/{}/drafts", id(&c)),
                &json!({"title": "D", "version_label": "Zero draft", "text": text}),
                Some(&admin.token),
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{text:?} → {b}");
        assert!(b["errors"]["text"].is_array(), "{text:?} → {b}");
    }
    assert_eq!(app.count("drafts").await, 0);
    assert_eq!(app.count("paragraphs").await, 0);
}

#[actix_web::test]
async fn only_admins_import_drafts_into_consultations_that_exist() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let participant = app.participant(Group::CivilSociety).await;
    let c = new_consultation(&app, &admin, json!({"title": "T", "summary": "s"})).await;
    let fields = json!({"title": "D", "version_label": "Zero draft", "text": DRAFT});

    let res = app
        .post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &fields,
            Some(&participant.token),
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .post_json(
            "/consultations/123456789/drafts",
            &fields,
            Some(&admin.token),
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(app.count("drafts").await, 0);
}

#[actix_web::test]
async fn a_draft_import_may_be_larger_than_the_64_kib_other_requests_are_held_to() {
    let app = spawn_app().await;
    let (admin, small) = open_draft(&app).await;
    let consultation = small["consultation_id"].as_str().unwrap();
    let text: String = (1..=500)
        .map(|i| {
            format!(
                "{i}. The Assembly notes paragraph {i}. {}\n\n",
                "Lorem ipsum dolor sit amet. ".repeat(6)
            )
        })
        .collect();
    assert!(text.len() > 96 * 1024 && text.len() < 2 * 1024 * 1024);

    let big = import(&app, &admin, consultation, &text).await;
    assert_eq!(big["paragraphs"].as_array().unwrap().len(), 500);
    assert_eq!(big["paragraphs"][499]["label"], "500");

    // A comment that large is refused before it is read.
    let user = app.participant(Group::Academia).await;
    let (status, _) =
        try_comment(&app, &small, &user, json!({"body": "x".repeat(70 * 1024)})).await;
    assert_eq!(status, 413);
    assert_eq!(app.count("comments").await, 0);
}

// ------------------------------------------------------------------------------------
// Writing comments

#[actix_web::test]
async fn a_verified_participant_comments_on_a_paragraph_under_their_name() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let verified = app
        .patch_json(
            &format!("/admin/users/{}", user.id),
            &json!({"affiliation_verified": true}),
            Some(&admin.token),
        )
        .await;
    assert_eq!(verified.status(), 200);

    let c = comment(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": paragraph(&draft, 1), "body": "We suggest naming the Action Lines."}),
    )
    .await;

    assert!(c["id"].is_string());
    assert_eq!(c["draft_id"], draft["id"]);
    assert_eq!(c["paragraph_id"].as_str().unwrap(), paragraph(&draft, 1));
    assert_eq!(c["parent_id"], Value::Null);
    assert_eq!(c["kind"], "comment");
    assert_eq!(c["status"], "published");
    assert_eq!(c["attribution"], "name");
    assert_eq!(c["body"], "We suggest naming the Action Lines.");
    assert_eq!(c["proposed_text"], Value::Null);
    assert_eq!(c["edited_at"], Value::Null);
    assert_eq!(c["author"]["id"], json!(user.id.to_string()));
    assert_eq!(c["author"]["display_name"], "government person");
    assert_eq!(c["author"]["organization"], "government org");
    assert_eq!(c["author"]["stakeholder_group"], "government");
    assert_eq!(c["author"]["country"], "KE");
    assert_eq!(c["author"]["affiliation_verified"], true);

    // Anyone may read it, under the same name.
    let (status, read) = get(&app, &format!("/comments/{}", id(&c)), None).await;
    assert_eq!(status, 200);
    assert_eq!(read, c);
    assert_eq!(app.count("comments").await, 1);
}

#[actix_web::test]
async fn anonymous_callers_cannot_comment() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let res = app
        .post_json(
            &format!("/drafts/{}/comments", id(&draft)),
            &json!({"body": "Hello"}),
            None,
        )
        .await;
    assert_eq!(res.status(), 401);
    assert_eq!(app.count("comments").await, 0);
}

#[actix_web::test]
async fn the_author_snapshot_on_a_comment_does_not_follow_later_profile_changes() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let before = comment(&app, &draft, &user, json!({"body": "Before the change."})).await;

    let res = app
        .patch_json(
            "/me",
            &json!({"organization": "Ministry of ICT", "country": "BR"}),
            Some(&user.token),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .patch_json(
            &format!("/admin/users/{}", user.id),
            &json!({"affiliation_verified": true}),
            Some(&admin.token),
        )
        .await;
    assert_eq!(res.status(), 200);

    let (_, old) = get(&app, &format!("/comments/{}", id(&before)), None).await;
    assert_eq!(old["author"]["organization"], "government org");
    assert_eq!(old["author"]["country"], "KE");
    assert_eq!(old["author"]["affiliation_verified"], false);
    let after = comment(&app, &draft, &user, json!({"body": "After the change."})).await;
    assert_eq!(after["author"]["organization"], "Ministry of ICT");
    assert_eq!(after["author"]["country"], "BR");
    assert_eq!(after["author"]["affiliation_verified"], true);
}

#[actix_web::test]
async fn a_reply_joins_its_parents_thread_on_its_parents_paragraph() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let first = app.participant(Group::CivilSociety).await;
    let second = app.participant(Group::PrivateSector).await;
    let parent = comment(
        &app,
        &draft,
        &first,
        json!({"paragraph_id": paragraph(&draft, 3), "body": "Ten years is too long."}),
    )
    .await;

    let reply = comment(
        &app,
        &draft,
        &second,
        json!({"parent_id": id(&parent), "body": "Five, then?"}),
    )
    .await;

    assert_eq!(reply["parent_id"], parent["id"]);
    assert_eq!(
        reply["paragraph_id"].as_str().unwrap(),
        paragraph(&draft, 3)
    );
    assert_eq!(reply["status"], "published");
    let (_, replies) = list(&app, &draft, &format!("?parent_id={}", id(&parent)), None).await;
    assert_eq!(ids_of(&replies), vec![id(&reply)]);
}

#[actix_web::test]
async fn an_amendment_proposes_replacement_text_for_a_paragraph() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::TechnicalCommunity).await;

    let a = comment(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": paragraph(&draft, 4), "kind": "amendment",
               "body": "Add a deadline.",
               "proposed_text": "2. Requests the Secretary-General to report by 2027."}),
    )
    .await;

    assert_eq!(a["kind"], "amendment");
    assert_eq!(
        a["proposed_text"],
        "2. Requests the Secretary-General to report by 2027."
    );
    assert_eq!(a["paragraph_id"].as_str().unwrap(), paragraph(&draft, 4));
}

#[actix_web::test]
async fn ids_may_be_sent_as_json_numbers_or_strings() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Academia).await;
    let p2: i64 = paragraph(&draft, 2).parse().unwrap();

    let parent = comment(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": p2, "body": "As a number."}),
    )
    .await;
    let reply = comment(
        &app,
        &draft,
        &user,
        json!({"parent_id": id(&parent).parse::<i64>().unwrap(), "body": "Also a number."}),
    )
    .await;

    assert_eq!(parent["paragraph_id"], json!(p2.to_string()));
    assert_eq!(reply["parent_id"], parent["id"]);
}

#[actix_web::test]
async fn the_thirty_first_comment_within_ten_minutes_is_rate_limited() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    for i in 0..30 {
        comment(&app, &draft, &user, json!({"body": format!("Comment {i}")})).await;
    }

    let res = app
        .post_json(
            &format!("/drafts/{}/comments", id(&draft)),
            &json!({"body": "One too many."}),
            Some(&user.token),
        )
        .await;

    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 600);
    assert_eq!(app.count("comments").await, 30);
    // Another participant is not held back.
    let other = app.participant(Group::Academia).await;
    comment(&app, &draft, &other, json!({"body": "My first."})).await;
}

/// Posts a general comment through the page form as whoever this client signed in as.
async fn post_comment_form(
    app: &TestApp,
    draft: &Value,
    csrf: &str,
    text: &str,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/drafts/{}/comments", id(draft))))
        .form(&[
            ("csrf", csrf),
            ("kind", "comment"),
            ("body", text),
            ("attribution", "organization"),
        ])
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn comments_from_one_address_are_limited_across_accounts_on_the_pages_and_the_api() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let csrf = app.csrf("/login").await;
    let (per_address, per_account) = (
        plenary::ratelimit::COMMENT_IP.max,
        plenary::ratelimit::COMMENT.max,
    );
    // Accounts behind one address fill the address's limit, each staying within its own:
    // every other account through the page form, the rest through the API.
    let mut posted = 0;
    let mut through_the_page = true;
    while posted < per_address {
        let user = app.participant(Group::Academia).await;
        let n = per_account.min(per_address - posted);
        if through_the_page {
            app.sign_in_on_the_pages(&user.email).await;
        }
        for i in 0..n {
            let text = format!("Comment {posted} ({i} by this account).");
            if through_the_page {
                let res = post_comment_form(&app, &draft, &csrf, &text).await;
                assert_eq!(res.status(), 303, "page post {posted}");
            } else {
                comment(&app, &draft, &user, json!({ "body": text })).await;
            }
            posted += 1;
        }
        through_the_page = !through_the_page;
    }
    assert_eq!(app.count("comments").await, per_address as i64);

    // A fresh account from the same address is refused on the page and through the API.
    let late = app.participant(Group::CivilSociety).await;
    app.sign_in_on_the_pages(&late.email).await;
    let res = post_comment_form(&app, &draft, &csrf, "One too many, from the page.").await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let html = res.text().await.unwrap();
    assert!(html.contains("Too many attempts"), "{html}");
    let (status, problem) = try_comment(
        &app,
        &draft,
        &late,
        json!({"body": "One too many, from the API."}),
    )
    .await;
    assert_eq!(status, 429, "{problem}");
    assert!(problem["type"].as_str().unwrap().ends_with("/rate_limited"));
    assert_eq!(app.count("comments").await, per_address as i64);
}

#[actix_web::test]
async fn a_general_comment_addresses_the_whole_draft() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Academia).await;

    let c = comment(
        &app,
        &draft,
        &user,
        json!({"body": "A good start overall."}),
    )
    .await;

    assert_eq!(c["paragraph_id"], Value::Null);
    let (_, general) = list(&app, &draft, "?paragraph_id=general", None).await;
    assert_eq!(ids_of(&general), vec![id(&c)]);
    let (_, d) = get(&app, &format!("/drafts/{}", id(&draft)), None).await;
    assert!(d["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["comment_count"] == 0));
}

#[actix_web::test]
async fn draft_counts_include_published_comments_only() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let gov = app.participant(Group::Government).await;
    let cs = app.participant(Group::CivilSociety).await;
    let p1 = paragraph(&draft, 1);
    comment(
        &app,
        &draft,
        &gov,
        json!({"paragraph_id": p1, "body": "One."}),
    )
    .await;
    comment(
        &app,
        &draft,
        &gov,
        json!({"paragraph_id": p1, "body": "Two."}),
    )
    .await;
    comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": p1, "body": "Three."}),
    )
    .await;
    let withdrawn = comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": p1, "body": "Gone."}),
    )
    .await;
    comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": paragraph(&draft, 2), "body": "Four."}),
    )
    .await;
    let res = app
        .delete_api(&format!("/comments/{}", id(&withdrawn)), Some(&cs.token))
        .await;
    assert_eq!(res.status(), 204);

    let (status, d) = get(&app, &format!("/drafts/{}", id(&draft)), None).await;
    assert_eq!(status, 200);
    let ps = d["paragraphs"].as_array().unwrap();
    assert_eq!(ps[0]["comment_count"], 3);
    assert_eq!(
        ps[0]["counts_by_group"],
        json!({"government": 2, "civil_society": 1})
    );
    assert_eq!(ps[1]["comment_count"], 1);
    assert_eq!(ps[1]["counts_by_group"], json!({"civil_society": 1}));
    assert_eq!(ps[2]["comment_count"], 0);
    assert_eq!(ps[2]["counts_by_group"], json!({}));
}

// ------------------------------------------------------------------------------------
// Invalid comments

#[actix_web::test]
async fn invalid_comments_are_422_naming_the_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let p1 = paragraph(&draft, 1);
    let parent = comment(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": p1, "body": "Parent."}),
    )
    .await;

    let cases = [
        (json!({"body": ""}), "body"),
        (json!({"body": " \n\n "}), "body"),
        (json!({"paragraph_id": p1}), "body"),
        (
            json!({"paragraph_id": p1, "kind": "amendment", "body": "No text."}),
            "proposed_text",
        ),
        (
            json!({"parent_id": id(&parent), "paragraph_id": p1, "kind": "amendment",
                   "body": "A reply?", "proposed_text": "New text."}),
            "parent_id",
        ),
        (
            json!({"body": "Plain.", "proposed_text": "New text."}),
            "proposed_text",
        ),
        (json!({"body": "Hm.", "kind": "question"}), "kind"),
        (
            json!({"body": "Hm.", "attribution": "anonymous"}),
            "attribution",
        ),
        (json!({"body": "Hm.", "author_id": "1"}), "author_id"),
        (json!({"body": "Nul \u{0} inside."}), "body"),
        (
            json!({"body": "Hm.", "paragraph_id": "abc"}),
            "paragraph_id",
        ),
        (json!({"body": "Hm.", "parent_id": "abc"}), "parent_id"),
    ];
    for (fields, field) in cases {
        assert_refused(&app, &draft, &user, fields, field).await;
    }
    assert_eq!(app.count("comments").await, 1);
}

#[actix_web::test]
async fn a_body_may_hold_10000_characters_but_not_10001() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Academia).await;

    assert_refused(
        &app,
        &draft,
        &user,
        json!({"body": "x".repeat(10_001)}),
        "body",
    )
    .await;
    let c = comment(&app, &draft, &user, json!({"body": "x".repeat(10_000)})).await;
    assert_eq!(c["body"].as_str().unwrap().len(), 10_000);
    // Characters, not bytes: 10,000 two-byte characters fit too.
    let accents = comment(&app, &draft, &user, json!({"body": "é".repeat(10_000)})).await;
    assert_eq!(accents["body"].as_str().unwrap().chars().count(), 10_000);
    assert_refused(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": paragraph(&draft, 1), "kind": "amendment", "body": "Long.",
               "proposed_text": "y".repeat(10_001)}),
        "proposed_text",
    )
    .await;
}

#[actix_web::test]
async fn a_paragraph_or_parent_of_another_draft_is_refused() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let other = import(
        &app,
        &admin,
        draft["consultation_id"].as_str().unwrap(),
        DRAFT,
    )
    .await;
    let user = app.participant(Group::PrivateSector).await;
    let elsewhere = comment(&app, &other, &user, json!({"body": "On the other draft."})).await;

    assert_refused(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": paragraph(&other, 1), "body": "Wrong draft."}),
        "paragraph_id",
    )
    .await;
    assert_refused(
        &app,
        &draft,
        &user,
        json!({"parent_id": id(&elsewhere), "body": "Wrong thread."}),
        "parent_id",
    )
    .await;
    assert_refused(
        &app,
        &draft,
        &user,
        json!({"paragraph_id": "987654321", "body": "No such paragraph."}),
        "paragraph_id",
    )
    .await;
}

#[actix_web::test]
async fn ids_that_are_not_numbers_are_not_found_in_paths_and_cursors_must_be_ours() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;

    let res = app
        .post_json(
            "/drafts/abc/comments",
            &json!({"body": "Hi"}),
            Some(&user.token),
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        app.get_api("/drafts/abc/comments", None).await.status(),
        404
    );
    assert_eq!(app.get_api("/comments/abc", None).await.status(), 404);
    let res = app
        .post_json(
            "/drafts/123456789/comments",
            &json!({"body": "Hi"}),
            Some(&user.token),
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(app.count("comments").await, 0);

    for cursor in ["not-a-cursor", "YWZ0ZXI6eHl6", "%00"] {
        let (status, b) = list(&app, &draft, &format!("?cursor={cursor}"), None).await;
        assert_eq!(status, 422, "{cursor} → {b}");
        assert!(b["errors"]["cursor"].is_array(), "{b}");
    }
    let (status, b) = list(&app, &draft, "?paragraph_id=abc", None).await;
    assert_eq!(status, 422);
    assert!(b["errors"]["paragraph_id"].is_array(), "{b}");
}

// ------------------------------------------------------------------------------------
// Attribution

#[actix_web::test]
async fn attribution_by_group_hides_the_author_from_everyone_but_moderators() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::CivilSociety).await;
    let other = app.participant(Group::Government).await;
    let moderator = app.moderator().await;
    let c = comment(
        &app,
        &draft,
        &author,
        json!({"body": "Speaking for our sector.", "attribution": "group"}),
    )
    .await;
    let path = format!("/comments/{}", id(&c));

    for token in [None, Some(other.token.as_str())] {
        let (status, seen) = get(&app, &path, token).await;
        assert_eq!(status, 200);
        let a = &seen["author"];
        assert_eq!(a["stakeholder_group"], "civil_society");
        assert_eq!(a["affiliation_verified"], false);
        for hidden in ["id", "display_name", "organization"] {
            assert!(a.get(hidden).is_none(), "{hidden} leaks in {seen}");
        }
        let (_, page) = list(&app, &draft, "", token).await;
        let text = page.to_string();
        assert!(!text.contains("civil_society person"), "{text}");
        assert!(!text.contains("civil_society org"), "{text}");
        assert!(!text.contains(&author.id.to_string()), "{text}");
    }

    let (_, seen) = get(&app, &path, Some(&moderator.token)).await;
    assert_eq!(seen["author"]["id"], json!(author.id.to_string()));
    assert_eq!(seen["author"]["display_name"], "civil_society person");
    assert_eq!(seen["author"]["organization"], "civil_society org");
    let (_, page) = list(&app, &draft, "", Some(&moderator.token)).await;
    assert_eq!(
        page["items"][0]["author"]["display_name"],
        "civil_society person"
    );
}

#[actix_web::test]
async fn attribution_by_organization_shows_the_organization_but_not_the_name() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::PrivateSector).await;
    let c = comment(
        &app,
        &draft,
        &author,
        json!({"body": "Our company's view.", "attribution": "organization"}),
    )
    .await;

    let (_, seen) = get(&app, &format!("/comments/{}", id(&c)), None).await;
    let a = &seen["author"];
    assert_eq!(a["organization"], "private_sector org");
    assert_eq!(a["stakeholder_group"], "private_sector");
    assert!(a.get("display_name").is_none(), "{seen}");
    assert!(a.get("id").is_none(), "{seen}");
    assert!(!seen.to_string().contains(&author.id.to_string()));
}

// ------------------------------------------------------------------------------------
// Who may write, and when

async fn register_unverified(app: &TestApp) -> String {
    let res = app
        .post_json(
            "/auth/register",
            &json!({"email": "new@example.org", "password": PASSWORD, "display_name": "New Person",
                    "stakeholder_group": "academia", "organization": "Uni", "country": "KE"}),
            None,
        )
        .await;
    assert_eq!(res.status(), 201);
    let (status, login) = body(app.login("new@example.org", PASSWORD).await).await;
    assert_eq!(status, 200, "{login}");
    login["token"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn an_unverified_email_cannot_comment() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let token = register_unverified(&app).await;

    let res = app
        .post_json(
            &format!("/drafts/{}/comments", id(&draft)),
            &json!({"body": "Let me in."}),
            Some(&token),
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("comments").await, 0);
}

#[actix_web::test]
async fn an_unverified_email_may_comment_when_the_requirement_is_switched_off() {
    let app = spawn_app_with(|c| c.require_verified_email = false).await;
    let (_, draft) = open_draft(&app).await;
    let token = register_unverified(&app).await;

    let (status, c) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&draft)),
            &json!({"body": "Let me in."}),
            Some(&token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["author"]["display_name"], "New Person");
}

#[actix_web::test]
async fn a_closed_consultation_refuses_new_comments_edits_and_withdrawals() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let c = comment(&app, &draft, &user, json!({"body": "Written in time."})).await;
    close_early(&app, &admin, &draft).await;
    let path = format!("/comments/{}", id(&c));

    let (status, b) = try_comment(&app, &draft, &user, json!({"body": "Too late."})).await;
    assert_eq!(status, 409, "{b}");
    let res = app
        .patch_json(
            &path,
            &json!({"body": "Changed too late."}),
            Some(&user.token),
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(app.delete_api(&path, Some(&user.token)).await.status(), 409);

    let (_, still) = get(&app, &path, None).await;
    assert_eq!(still["body"], "Written in time.");
    assert_eq!(still["status"], "published");
    assert_eq!(app.count("comments").await, 1);
    assert_eq!(app.count("comment_edits").await, 0);
}

#[actix_web::test]
async fn an_upcoming_consultation_refuses_comments() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let c = new_consultation(
        &app,
        &admin,
        json!({"title": "Later", "summary": "s", "opens_at": "2099-01-01T00:00:00Z"}),
    )
    .await;
    let draft = import(&app, &admin, &id(&c), DRAFT).await;
    let user = app.participant(Group::Academia).await;

    let (status, b) = try_comment(&app, &draft, &user, json!({"body": "Too early."})).await;
    assert_eq!(status, 409, "{b}");
    assert_eq!(app.count("comments").await, 0);
}

// ------------------------------------------------------------------------------------
// Editing and withdrawing

#[actix_web::test]
async fn only_the_author_edits_a_comment_and_every_earlier_text_is_kept() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::Government).await;
    let other = app.participant(Group::CivilSociety).await;
    let c = comment(&app, &draft, &author, json!({"body": "First thoughts."})).await;
    let path = format!("/comments/{}", id(&c));

    let res = app
        .patch_json(&path, &json!({"body": "Hijacked."}), Some(&other.token))
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("comment_edits").await, 0);

    let (status, edited) = body(
        app.patch_json(
            &path,
            &json!({"body": "Second thoughts."}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["body"], "Second thoughts.");
    assert!(edited["edited_at"].is_string(), "{edited}");
    assert_eq!(edited["created_at"], c["created_at"]);
    let (status, _) = body(
        app.patch_json(
            &path,
            &json!({"body": "Final thoughts."}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);

    assert_eq!(app.count("comment_edits").await, 2);
    let (_, read) = get(&app, &path, None).await;
    assert_eq!(read["body"], "Final thoughts.");
    assert!(read["edited_at"].is_string());
}

#[actix_web::test]
async fn an_edit_is_validated_like_a_new_comment() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::Government).await;
    let c = comment(&app, &draft, &author, json!({"body": "Original."})).await;
    let path = format!("/comments/{}", id(&c));

    let cases = [
        (json!({"body": ""}), "body"),
        (json!({"body": "x".repeat(10_001)}), "body"),
        (json!({}), "body"),
        (
            json!({"proposed_text": "Only for amendments."}),
            "proposed_text",
        ),
        (json!({"body": "Fine.", "status": "published"}), "status"),
    ];
    for (fields, field) in cases {
        let (status, b) = body(app.patch_json(&path, &fields, Some(&author.token)).await).await;
        assert_eq!(status, 422, "{fields} → {b}");
        assert!(
            b["errors"][field].is_array(),
            "{field} should be named: {b}"
        );
    }
    let (_, read) = get(&app, &path, None).await;
    assert_eq!(read["body"], "Original.");
    assert_eq!(read["edited_at"], Value::Null);
    assert_eq!(app.count("comment_edits").await, 0);
}

#[actix_web::test]
async fn a_withdrawn_comment_without_replies_is_gone_from_public_view() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::Academia).await;
    let other = app.participant(Group::Government).await;
    let c = comment(
        &app,
        &draft,
        &author,
        json!({"body": "On second thought, no."}),
    )
    .await;
    let path = format!("/comments/{}", id(&c));

    assert_eq!(
        app.delete_api(&path, Some(&other.token)).await.status(),
        403
    );
    assert_eq!(app.delete_api(&path, None).await.status(), 401);
    assert_eq!(
        app.delete_api(&path, Some(&author.token)).await.status(),
        204
    );

    assert_eq!(app.get_api(&path, None).await.status(), 404);
    assert_eq!(app.get_api(&path, Some(&other.token)).await.status(), 404);
    let (_, page) = list(&app, &draft, "", None).await;
    assert!(ids_of(&page).is_empty(), "{page}");
    let (status, own) = get(&app, &path, Some(&author.token)).await;
    assert_eq!(status, 200);
    assert_eq!(own["status"], "withdrawn");
    assert_eq!(own["body"], "On second thought, no.");
    assert_eq!(app.count("comments").await, 1, "withdrawing keeps the row");
}

#[actix_web::test]
async fn a_withdrawn_comment_with_a_reply_stays_as_an_empty_placeholder() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let author = app.participant(Group::TechnicalCommunity).await;
    let replier = app.participant(Group::CivilSociety).await;
    let amendment = comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 3), "kind": "amendment",
               "body": "Shorter cycle.", "proposed_text": "1. Decides to review every five years;"}),
    )
    .await;
    let reply = comment(
        &app,
        &draft,
        &replier,
        json!({"parent_id": id(&amendment), "body": "Agreed."}),
    )
    .await;
    let path = format!("/comments/{}", id(&amendment));

    assert_eq!(
        app.delete_api(&path, Some(&author.token)).await.status(),
        204
    );

    let (status, placeholder) = get(&app, &path, None).await;
    assert_eq!(status, 200);
    assert_eq!(placeholder["status"], "withdrawn");
    assert_eq!(placeholder["body"], Value::Null);
    assert_eq!(placeholder["proposed_text"], Value::Null);
    let (status, kept) = get(&app, &format!("/comments/{}", id(&reply)), None).await;
    assert_eq!(status, 200);
    assert_eq!(kept["body"], "Agreed.");
    let (_, page) = list(&app, &draft, "", None).await;
    assert_eq!(ids_of(&page), vec![id(&amendment), id(&reply)]);
    assert_eq!(page["items"][0]["body"], Value::Null);
    assert!(!page.to_string().contains("Shorter cycle."));

    let (_, own) = get(&app, &path, Some(&author.token)).await;
    assert_eq!(own["body"], "Shorter cycle.");
    assert_eq!(
        own["proposed_text"],
        "1. Decides to review every five years;"
    );
}

#[actix_web::test]
async fn html_in_a_body_is_stored_and_returned_exactly_as_written() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let text = "<script>alert('x')</script> & <b>bold</b> \"quoted\"\n\nSecond paragraph: https://example.org/?a=1&b=2";

    let c = comment(&app, &draft, &user, json!({"body": text})).await;
    assert_eq!(c["body"], text);

    let res = app.get_api(&format!("/comments/{}", id(&c)), None).await;
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let (_, read) = body(res).await;
    assert_eq!(read["body"], text);
}

// ------------------------------------------------------------------------------------
// Listing

#[actix_web::test]
async fn the_comment_list_filters_by_paragraph_group_and_kind() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let gov = app.participant(Group::Government).await;
    let cs = app.participant(Group::CivilSociety).await;
    let (p1, p2) = (paragraph(&draft, 1), paragraph(&draft, 2));
    let a = comment(&app, &draft, &gov, json!({"paragraph_id": p1, "body": "a"})).await;
    let b = comment(&app, &draft, &cs, json!({"paragraph_id": p1, "body": "b"})).await;
    let c = comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": p2, "kind": "amendment", "body": "c", "proposed_text": "(a) New."}),
    )
    .await;
    let d = comment(&app, &draft, &gov, json!({"body": "d"})).await;

    let (status, all) = list(&app, &draft, "", None).await;
    assert_eq!(status, 200);
    assert_eq!(ids_of(&all), vec![id(&a), id(&b), id(&c), id(&d)]);
    assert_eq!(all["next_cursor"], Value::Null);
    let (_, on_p1) = list(&app, &draft, &format!("?paragraph_id={p1}"), None).await;
    assert_eq!(ids_of(&on_p1), vec![id(&a), id(&b)]);
    let (_, by_gov) = list(&app, &draft, "?stakeholder_group=government", None).await;
    assert_eq!(ids_of(&by_gov), vec![id(&a), id(&d)]);
    let (_, amendments) = list(&app, &draft, "?kind=amendment", None).await;
    assert_eq!(ids_of(&amendments), vec![id(&c)]);
    let (_, combined) = list(
        &app,
        &draft,
        &format!("?paragraph_id={p1}&stakeholder_group=civil_society&kind=comment"),
        None,
    )
    .await;
    assert_eq!(ids_of(&combined), vec![id(&b)]);

    let (status, bad) = list(&app, &draft, "?stakeholder_group=media&kind=question", None).await;
    assert_eq!(status, 422);
    assert!(bad["errors"]["stakeholder_group"].is_array(), "{bad}");
    assert!(bad["errors"]["kind"].is_array(), "{bad}");
}

#[actix_web::test]
async fn only_moderators_list_comments_of_every_status() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Government).await;
    let moderator = app.moderator().await;
    let kept = comment(&app, &draft, &user, json!({"body": "Kept."})).await;
    let gone = comment(&app, &draft, &user, json!({"body": "Gone."})).await;
    let res = app
        .delete_api(&format!("/comments/{}", id(&gone)), Some(&user.token))
        .await;
    assert_eq!(res.status(), 204);

    assert_eq!(list(&app, &draft, "?status=all", None).await.0, 401);
    assert_eq!(
        list(&app, &draft, "?status=all", Some(&user.token)).await.0,
        403
    );
    let (status, page) = list(&app, &draft, "?status=all", Some(&moderator.token)).await;
    assert_eq!(status, 200);
    assert_eq!(ids_of(&page), vec![id(&kept), id(&gone)]);
    assert_eq!(page["items"][1]["body"], "Gone.");
    let (_, public) = list(&app, &draft, "", None).await;
    assert_eq!(ids_of(&public), vec![id(&kept)]);
}

#[actix_web::test]
async fn a_limit_outside_1_to_200_is_422() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;

    for limit in ["0", "201", "-1"] {
        let (status, b) = list(&app, &draft, &format!("?limit={limit}"), None).await;
        assert_eq!(status, 422, "limit={limit} → {b}");
        assert!(b["errors"]["limit"].is_array(), "{b}");
    }
    assert_eq!(list(&app, &draft, "?limit=1", None).await.0, 200);
    assert_eq!(list(&app, &draft, "?limit=200", None).await.0, 200);
}

#[actix_web::test]
async fn a_limit_that_is_not_a_number_is_422_naming_limit() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;

    let (status, b) = list(&app, &draft, "?limit=many", None).await;

    assert_eq!(status, 422, "{b}");
    assert!(
        b["errors"]["limit"].is_array(),
        "limit should be named: {b}"
    );
}

/// Every page of the draft's comments with `limit`, following the cursors: each page's ids.
async fn all_pages(app: &TestApp, draft: &Value, limit: usize) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(c) => format!("?limit={limit}&cursor={c}"),
            None => format!("?limit={limit}"),
        };
        let (status, page) = list(app, draft, &query, None).await;
        assert_eq!(status, 200, "{page}");
        pages.push(ids_of(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return pages,
        }
        assert!(pages.len() < 100, "paging does not end");
    }
}

#[actix_web::test]
async fn pages_of_comments_follow_each_other_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let user = app.participant(Group::Academia).await;
    let mut written = Vec::new();
    for i in 0..7 {
        written.push(id(&comment(
            &app,
            &draft,
            &user,
            json!({"body": format!("Comment {i}")}),
        )
        .await));
    }

    let pages = all_pages(&app, &draft, 3).await;

    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![3, 3, 1]
    );
    let seen: Vec<String> = pages.concat();
    assert_eq!(seen, written);
    let numbers: Vec<i64> = seen.iter().map(|s| s.parse().unwrap()).collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "ascending ids");
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 7);
}

#[actix_web::test]
async fn paging_while_others_comment_never_skips_or_repeats_an_existing_comment() {
    let app = spawn_app_with(|c| c.rate_limits = false).await;
    let (_, draft) = open_draft(&app).await;
    let mut users = Vec::new();
    for group in [
        Group::Government,
        Group::CivilSociety,
        Group::Academia,
        Group::PrivateSector,
    ] {
        users.push(app.participant(group).await);
    }
    let mut existing = Vec::new();
    for i in 0..20 {
        let c = comment(
            &app,
            &draft,
            &users[i % 4],
            json!({"body": format!("Existing {i}")}),
        )
        .await;
        existing.push(id(&c));
    }

    let pager = async {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..100 {
            let query = match &cursor {
                Some(c) => format!("?limit=5&cursor={c}"),
                None => "?limit=5".to_string(),
            };
            let (status, page) = list(&app, &draft, &query, None).await;
            assert_eq!(status, 200, "{page}");
            seen.extend(ids_of(&page));
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
        seen
    };
    let writers = futures_util::future::join_all((0..20).map(|i| {
        let user = users[i % 4].clone();
        let app = &app;
        let draft = &draft;
        async move {
            tokio::time::sleep(Duration::from_millis(5 * i as u64)).await;
            try_comment(
                app,
                draft,
                &user,
                json!({"body": format!("Concurrent {i}")}),
            )
            .await
        }
    }));
    let (seen, written) = futures_util::future::join(pager, writers).await;

    for (status, c) in &written {
        assert_eq!(*status, 201, "every concurrent comment is stored: {c}");
    }
    for original in &existing {
        assert_eq!(
            seen.iter().filter(|s| *s == original).count(),
            1,
            "{original} is seen exactly once"
        );
    }
    assert_eq!(
        seen.iter().collect::<HashSet<_>>().len(),
        seen.len(),
        "no id appears twice"
    );
    assert_eq!(app.count("comments").await, 40);
}

/// On SQLite, comments posted at once are committed together by one writer thread, each
/// in its own savepoint: a comment refused inside the transaction must not take the
/// others of its batch with it, and every 201 must be stored exactly once.
#[actix_web::test]
async fn comments_posted_at_once_are_each_stored_or_refused_on_their_own() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let users = [
        app.participant(Group::Government).await,
        app.participant(Group::CivilSociety).await,
        app.participant(Group::Academia).await,
    ];
    let answers = futures_util::future::join_all((0..45).map(|i| {
        let user = users[i % 3].clone();
        let app = &app;
        let draft = &draft;
        async move {
            // Every third one names a parent that does not exist: the writer finds out
            // inside the transaction, after others of the batch have been inserted.
            let fields = if i % 3 == 2 {
                json!({"body": format!("At once {i}"), "parent_id": "999999999"})
            } else {
                json!({"body": format!("At once {i}")})
            };
            (i, try_comment(app, draft, &user, fields).await)
        }
    }))
    .await;
    let mut stored = 0;
    for (i, (status, c)) in &answers {
        if i % 3 == 2 {
            assert_eq!(*status, 422, "{c}");
            assert!(c.to_string().contains("parent_id"), "{c}");
        } else {
            assert_eq!(*status, 201, "{c}");
            let (status, got) = get(&app, &format!("/comments/{}", id(c)), None).await;
            assert_eq!(status, 200, "{got}");
            assert_eq!(got["body"], format!("At once {i}"));
            stored += 1;
        }
    }
    assert_eq!(stored, 30);
    assert_eq!(
        app.count("comments").await,
        30,
        "refused comments left nothing behind"
    );
    assert_eq!(
        app.count("events").await,
        30,
        "one notification event per stored comment, none for the refused ones"
    );
}

// ------------------------------------------------------------------------------------
// Statistics

#[actix_web::test]
async fn draft_statistics_count_published_comments_by_group_kind_country_and_paragraph() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let gov = app.participant(Group::Government).await;
    let cs = app.participant(Group::CivilSociety).await;
    let academia = app.participant(Group::Academia).await;
    let res = app
        .patch_json("/me", &json!({"country": "BR"}), Some(&cs.token))
        .await;
    assert_eq!(res.status(), 200);
    let (p1, p2, p3) = (
        paragraph(&draft, 1),
        paragraph(&draft, 2),
        paragraph(&draft, 3),
    );
    comment(
        &app,
        &draft,
        &gov,
        json!({"paragraph_id": p1, "body": "g1"}),
    )
    .await;
    comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": p1, "kind": "amendment", "body": "c1", "proposed_text": "PP1. Better."}),
    )
    .await;
    comment(
        &app,
        &draft,
        &academia,
        json!({"paragraph_id": p3, "body": "a3"}),
    )
    .await;
    comment(&app, &draft, &gov, json!({"body": "general"})).await;
    let withdrawn = comment(
        &app,
        &draft,
        &cs,
        json!({"paragraph_id": p2, "body": "gone"}),
    )
    .await;
    let res = app
        .delete_api(&format!("/comments/{}", id(&withdrawn)), Some(&cs.token))
        .await;
    assert_eq!(res.status(), 204);

    let (status, s) = get(&app, &format!("/drafts/{}/stats", id(&draft)), None).await;

    assert_eq!(status, 200, "{s}");
    assert_eq!(s["total"], 4);
    assert_eq!(
        s["by_group"],
        json!({"government": 2, "civil_society": 1, "academia": 1})
    );
    assert_eq!(s["by_kind"], json!({"comment": 3, "amendment": 1}));
    assert_eq!(s["by_country"], json!({"KE": 3, "BR": 1}));
    let by_paragraph = s["by_paragraph"].as_array().unwrap();
    assert_eq!(by_paragraph.len(), 4);
    let rows: Vec<(String, i64, Value)> = by_paragraph
        .iter()
        .map(|r| {
            (
                r["paragraph_id"].as_str().unwrap().to_string(),
                r["number"].as_i64().unwrap(),
                r["by_group"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (p1, 1, json!({"government": 1, "civil_society": 1})),
            (p2, 2, json!({})),
            (p3, 3, json!({"academia": 1})),
            (paragraph(&draft, 4), 4, json!({})),
        ]
    );
    assert_eq!(
        app.get_api("/drafts/123456789/stats", None).await.status(),
        404
    );
}
