//! The pages a participant and the secretariat use, driven through real forms with the
//! CSRF token and the login cookie, and the command line against the same database.

use plenary::accounts::model::Group;
use serde_json::json;

use crate::helpers::*;

const DRAFT: &str = "# Preamble\n\nPP1. Recalling the Geneva phase,\n\n# Operative part\n\n1. Commits to connectivity; {C2 SDG9}\n\n2. Decides to review <b>progress</b> in 2030.\n";

/// An admin, an open consultation and an imported draft; returns (draft json, admin).
async fn draft(app: &TestApp, moderation: &str) -> (serde_json::Value, TestUser) {
    let admin = app.admin().await;
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20", "summary": "Review", "moderation": moderation}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", c["id"].as_str().unwrap()),
            &json!({"title": "Outcome", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    (d, admin)
}

async fn get_html(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[actix_web::test]
async fn the_reading_page_shows_numbered_paragraphs_in_sections_with_counts_by_group() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let user = app.participant(Group::CivilSociety).await;
    let p2 = &d["paragraphs"][1];
    app.post_json(
        &format!("/drafts/{}/comments", d["id"].as_str().unwrap()),
        &json!({"paragraph_id": p2["id"], "body": "Connectivity <i>matters</i>"}),
        Some(&user.token),
    )
    .await;

    let (status, html) = get_html(&app, &format!("/drafts/{}", d["id"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let sections: Vec<String> = doc
        .select(&sel("section.draft-section > h2"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(sections, ["Preamble", "Operative part"]);
    let numbers: Vec<String> = doc
        .select(&sel("article.paragraph .para-number"))
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(numbers, ["PP1", "1", "2"]);
    assert!(html.contains("Civil society: 1"));
    assert!(html.contains("C2") && html.contains("SDG9"));
    // User and draft text is escaped.
    assert!(html.contains("&lt;i&gt;matters&lt;/i&gt;"));
    assert!(html.contains("&lt;b&gt;progress&lt;/b&gt;"));
    assert!(!html.contains("<i>matters</i>"));
}

#[actix_web::test]
async fn a_participant_comments_replies_and_amends_from_the_paragraph_page() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let user = app.participant(Group::Academia).await;
    app.sign_in_on_the_pages(&user.email).await;
    let draft_id = d["id"].as_str().unwrap();
    let pid = d["paragraphs"][1]["id"].as_str().unwrap();
    let page = format!("/drafts/{draft_id}/paragraphs/{pid}");

    let csrf = app.csrf(&page).await;
    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft_id}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("paragraph_id", pid),
            ("kind", "comment"),
            ("body", "<script>alert('x')</script> Please add targets."),
            ("attribution", "organization"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&page));

    let (_, html) = get_html(&app, &page).await;
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; Please add targets."));
    assert!(!html.contains("<script>alert"));
    let doc = scraper::Html::parse_document(&html);
    let parent = doc
        .select(&scraper::Selector::parse("input[name=parent_id]").unwrap())
        .next()
        .expect("a reply form")
        .value()
        .attr("value")
        .unwrap()
        .to_string();

    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft_id}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("parent_id", parent.as_str()),
            ("kind", "comment"),
            ("body", "Agreed."),
            ("attribution", "name"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft_id}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("paragraph_id", pid),
            ("kind", "amendment"),
            (
                "proposed_text",
                "1. Commits to universal connectivity by 2030;",
            ),
            ("body", "Add a date."),
            ("attribution", "name"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, list) = body(
        app.get_api(&format!("/drafts/{draft_id}/comments"), None)
            .await,
    )
    .await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1]["parent_id"].as_str().unwrap(), parent);
    assert_eq!(items[2]["kind"], "amendment");
    assert_eq!(items[0]["attribution"], "organization");
}

#[actix_web::test]
async fn an_empty_comment_is_shown_again_with_the_error_beside_the_field() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let user = app.participant(Group::Academia).await;
    app.sign_in_on_the_pages(&user.email).await;
    let draft_id = d["id"].as_str().unwrap();
    let pid = d["paragraphs"][0]["id"].as_str().unwrap();
    let csrf = app
        .csrf(&format!("/drafts/{draft_id}/paragraphs/{pid}"))
        .await;
    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft_id}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("paragraph_id", pid),
            ("kind", "comment"),
            ("body", "   "),
            ("attribution", "name"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"id="f-body-error""#));
    assert_eq!(app.count("comments").await, 0);
}

#[actix_web::test]
async fn a_closed_consultation_says_so_and_refuses_comments_from_the_page() {
    let app = spawn_app().await;
    let (d, admin) = draft(&app, "post").await;
    let (_, drafts) = body(
        app.get_api(&format!("/drafts/{}", d["id"].as_str().unwrap()), None)
            .await,
    )
    .await;
    let cid = drafts["consultation_id"].as_str().unwrap().to_string();
    let (status, _) = body(
        app.patch_json(
            &format!("/consultations/{cid}"),
            &json!({"opens_at": "2020-01-01T00:00:00Z", "closes_at": "2020-02-01T00:00:00Z"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let user = app.participant(Group::Academia).await;
    app.sign_in_on_the_pages(&user.email).await;
    let draft_id = d["id"].as_str().unwrap();
    let pid = d["paragraphs"][0]["id"].as_str().unwrap();
    let (_, html) = get_html(&app, &format!("/drafts/{draft_id}/paragraphs/{pid}")).await;
    assert!(html.contains("This consultation is closed"));
    assert!(
        !html.contains(r#"name="body""#),
        "no comment form on a closed consultation"
    );
    let csrf = app.csrf(&format!("/drafts/{draft_id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft_id}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("paragraph_id", pid),
            ("kind", "comment"),
            ("body", "Too late?"),
            ("attribution", "name"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("not open"));
    assert_eq!(app.count("comments").await, 0);
}

#[actix_web::test]
async fn an_author_edits_and_withdraws_from_the_page_and_the_public_no_longer_sees_the_text() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let user = app.participant(Group::Government).await;
    let draft_id = d["id"].as_str().unwrap();
    let pid = d["paragraphs"][0]["id"].as_str().unwrap();
    let (_, c) = body(
        app.post_json(
            &format!("/drafts/{draft_id}/comments"),
            &json!({"paragraph_id": pid, "body": "First thought"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    let cid = c["id"].as_str().unwrap();
    app.sign_in_on_the_pages(&user.email).await;
    let csrf = app
        .csrf(&format!("/drafts/{draft_id}/paragraphs/{pid}"))
        .await;
    let res = app
        .client
        .post(app.url(&format!("/comments/{cid}/edit")))
        .form(&[("csrf", csrf.as_str()), ("body", "Second thought")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, c) = body(app.get_api(&format!("/comments/{cid}"), None).await).await;
    assert_eq!(c["body"], "Second thought");
    assert!(c["edited_at"].is_string());
    let res = app
        .client
        .post(app.url(&format!("/comments/{cid}/withdraw")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.get_api(&format!("/comments/{cid}"), None)
            .await
            .status(),
        404
    );
    let anonymous = reqwest::Client::new();
    let html = anonymous
        .get(app.url(&format!("/drafts/{draft_id}/paragraphs/{pid}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Second thought"));
}

#[actix_web::test]
async fn the_admin_creates_a_consultation_and_imports_a_draft_from_the_admin_pages() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.sign_in_on_the_pages(&admin.email).await;
    let csrf = app.csrf("/admin").await;
    let res = app
        .client
        .post(app.url("/admin/consultations"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", "Open consultation"),
            ("summary", "s"),
            ("opens_at", ""),
            ("closes_at", ""),
            ("moderation", "pre"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();

    let res = app
        .client
        .post(app.url(&format!("{location}/drafts")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", "Outcome"),
            ("version_label", "Zero draft"),
            ("text", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("f-text-error"));

    let res = app
        .client
        .post(app.url(&format!("{location}/drafts")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", "Outcome"),
            ("version_label", "Zero draft"),
            ("text", DRAFT),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let draft_page = res.headers()["location"].to_str().unwrap().to_string();
    let (status, html) = get_html(&app, &draft_page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Recalling the Geneva phase"));
    let (_, list) = body(app.get_api("/consultations", None).await).await;
    assert_eq!(list["items"][0]["moderation"], "pre");
}

#[actix_web::test]
async fn participants_cannot_open_the_admin_pages() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    assert_eq!(
        app.client
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    app.sign_in_on_the_pages(&user.email).await;
    assert_eq!(
        app.client
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        app.client
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
}

#[actix_web::test]
async fn the_command_line_migrates_creates_an_admin_and_imports_a_draft() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let app = spawn_app().await;
    let bin = env!("CARGO_BIN_EXE_plenary");
    let out = Command::new(bin)
        .arg("migrate")
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut child = Command::new(bin)
        .args([
            "admin",
            "create",
            "--email",
            "cli@example.org",
            "--name",
            "CLI Admin",
            "--password-stdin",
        ])
        .env("DATABASE_URL", &app.database_url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a very long admin password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, login) = body(
        app.login("cli@example.org", "a very long admin password")
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(login["user"]["role"], "admin");
    let token = login["token"].as_str().unwrap();

    let (_, c) = body(
        app.post_json("/consultations", &json!({"title": "CLI"}), Some(token))
            .await,
    )
    .await;
    let file = std::env::temp_dir().join(format!("draft-{}.md", plenary::ids::new_id()));
    std::fs::write(&file, DRAFT).unwrap();
    let out = Command::new(bin)
        .args([
            "import-draft",
            "--consultation",
            c["id"].as_str().unwrap(),
            "--title",
            "Outcome",
            "--version-label",
            "Rev.1",
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 paragraphs"));
    let (_, c) = body(
        app.get_api(
            &format!("/consultations/{}", c["id"].as_str().unwrap()),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(c["drafts"][0]["version_label"], "Rev.1");

    // A weak password is refused with the field named.
    let mut child = Command::new(bin)
        .args([
            "admin",
            "create",
            "--email",
            "weak@example.org",
            "--name",
            "W",
            "--password-stdin",
        ])
        .env("DATABASE_URL", &app.database_url)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("password"));
    std::fs::remove_file(file).ok();
}

#[actix_web::test]
async fn a_mistyped_database_url_is_refused_instead_of_becoming_a_file() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("migrate")
        .env("DATABASE_URL", "postgress://localhost/plenary")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported scheme"));
}

/// Posts a comment through the API and returns its id.
async fn comment_on(app: &TestApp, token: &str, draft_id: &str, body: serde_json::Value) -> String {
    let (status, c) = crate::helpers::body(
        app.post_json(&format!("/drafts/{draft_id}/comments"), &body, Some(token))
            .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    c["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn the_reading_page_previews_the_first_three_published_top_level_comments_of_each_paragraph()
{
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let user = app.participant(Group::Government).await;
    let draft_id = d["id"].as_str().unwrap();
    let (pp1, p1) = (&d["paragraphs"][0]["id"], &d["paragraphs"][1]["id"]);
    let first = comment_on(
        &app,
        &user.token,
        draft_id,
        json!({"paragraph_id": p1, "body": "first head"}),
    )
    .await;
    comment_on(
        &app,
        &user.token,
        draft_id,
        json!({"parent_id": first, "body": "a reply stays in the thread"}),
    )
    .await;
    let withdrawn = comment_on(
        &app,
        &user.token,
        draft_id,
        json!({"paragraph_id": p1, "body": "withdrawn head"}),
    )
    .await;
    for b in ["second head", "third head", "fourth head"] {
        comment_on(
            &app,
            &user.token,
            draft_id,
            json!({"paragraph_id": p1, "body": b}),
        )
        .await;
    }
    comment_on(
        &app,
        &user.token,
        draft_id,
        json!({"paragraph_id": pp1, "body": "preamble head"}),
    )
    .await;
    comment_on(
        &app,
        &user.token,
        draft_id,
        json!({"body": "a general comment"}),
    )
    .await;
    let res = app
        .delete_api(&format!("/comments/{withdrawn}"), Some(&user.token))
        .await;
    assert_eq!(res.status(), 204);

    let (status, html) = get_html(&app, &format!("/drafts/{draft_id}")).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let previews = |number: u32| -> Vec<String> {
        let sel = scraper::Selector::parse(&format!(
            "article#p-{number} ol.comments li.comment .comment-body"
        ))
        .unwrap();
        doc.select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    };
    assert_eq!(previews(2), ["first head", "second head", "third head"]);
    assert_eq!(previews(1), ["preamble head"]);
    assert!(previews(3).is_empty());
}

#[actix_web::test]
async fn the_draft_and_thread_pages_filter_input_by_stakeholder_group() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, "post").await;
    let draft_id = d["id"].as_str().unwrap();
    let pid = d["paragraphs"][1]["id"].as_str().unwrap();
    let gov = app.participant(Group::Government).await;
    let aca = app.participant(Group::Academia).await;
    for (who, text) in [(&gov, "Government view here"), (&aca, "Academic view here")] {
        app.post_json(
            &format!("/drafts/{draft_id}/comments"),
            &json!({"paragraph_id": pid, "body": text}),
            Some(&who.token),
        )
        .await;
    }
    let (_, html) = get_html(
        &app,
        &format!("/drafts/{draft_id}/paragraphs/{pid}?group=academia"),
    )
    .await;
    assert!(html.contains("Academic view here") && !html.contains("Government view here"));
    assert!(html.contains(r#"<option value="academia" selected>"#));
    let (_, html) = get_html(&app, &format!("/drafts/{draft_id}?group=government")).await;
    assert!(html.contains(&format!(
        "/drafts/{draft_id}/paragraphs/{pid}?group=government"
    )));
    let (status, html) = get_html(
        &app,
        &format!("/drafts/{draft_id}/paragraphs/{pid}?group=nonsense"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Academic view here") && html.contains("Government view here"));
}

#[actix_web::test]
async fn a_moderator_lifts_a_suspension_from_the_moderation_page() {
    let app = spawn_app().await;
    let moderator = app.moderator().await;
    let user = app.participant(Group::CivilSociety).await;
    app.patch_json(
        &format!("/admin/users/{}", user.id),
        &json!({"suspended": true}),
        Some(&moderator.token),
    )
    .await;
    app.sign_in_on_the_pages(&moderator.email).await;
    let (_, html) = get_html(&app, "/moderation").await;
    assert!(html.contains(&format!("/moderation/users/{}/unsuspend", user.id)));
    let csrf = app.csrf("/moderation").await;
    let res = app
        .client
        .post(app.url(&format!("/moderation/users/{}/unsuspend", user.id)))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 200);
}
