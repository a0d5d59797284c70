//! Revisions: lineage between versions, read-only earlier versions, earlier input shown
//! beside each paragraph, the concordance, dispositions and their notification.

use std::time::Duration;

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::helpers::*;

const ZERO: &str = "# Connectivity

1. Commits to accelerating efforts to achieve universal and meaningful connectivity by 2030, and calls upon Member States to set national targets for quality of access, affordability and digital skills;

2. Recognizes that affordability remains the single largest barrier to Internet use in many developing countries, and encourages Governments to adopt policies that reduce the cost of entry-level broadband and devices;

3. Stresses the particular needs of the least developed countries and small island developing States, where the costs of international connectivity and the vulnerability of submarine cables hinder progress;

4. Calls for enhanced international cooperation, financing and technical assistance to address structural constraints in developing countries, including through the Digital Solidarity Fund;

5. Requests the Secretary-General to report annually on the implementation of the present resolution, including progress on the Action Lines and the Global Digital Compact;

6. Invites the regional commissions to organize annual reviews of progress in their regions.
";

/// Rev.1: ¶5 moved to the front, ¶1 reworded, ¶2 split in two, ¶3 and ¶4 merged,
/// ¶6 deleted, a new paragraph at the end.
const REV1: &str = "# Connectivity

1. Requests the Secretary-General to report annually on the implementation of the present resolution, including progress on the Action Lines and the Global Digital Compact;

2. Commits to redoubling efforts to achieve universal and meaningful connectivity by 2030, and calls upon Member States to set national targets for quality of access, affordability and digital skills and device ownership;

3. Recognizes that affordability remains the single largest barrier to Internet use in many developing countries;

4. Encourages Governments to adopt policies that reduce the cost of entry-level broadband and devices;

5. Stresses the particular needs of the least developed countries and small island developing States, where the costs of international connectivity and the vulnerability of submarine cables hinder progress, and calls for enhanced international cooperation, financing and technical assistance to address structural constraints in developing countries, including through the Digital Solidarity Fund;

6. Decides to convene a high-level meeting on the twenty-fifth anniversary of the Summit in 2030 to review progress.
";

async fn zero_draft(app: &TestApp, admin: &TestUser) -> Value {
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", c["id"].as_str().unwrap()),
            &json!({"title": "Outcome", "version_label": "Zero draft", "text": ZERO}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    d
}

async fn revise(
    app: &TestApp,
    admin: &TestUser,
    draft: &str,
    label: &str,
    text: &str,
) -> (u16, Value) {
    body(
        app.post_json(
            &format!("/drafts/{draft}/revisions"),
            &json!({"version_label": label, "text": text}),
            Some(&admin.token),
        )
        .await,
    )
    .await
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn a_revision_links_each_paragraph_to_where_it_came_from() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let (status, rev1) = revise(&app, &admin, &id(&zero), "Rev.1", REV1).await;
    assert_eq!(status, 201, "{rev1}");
    assert_eq!(rev1["previous_draft_id"], zero["id"]);

    let (status, conc) = body(
        app.get_api(&format!("/drafts/{}/concordance", id(&rev1)), None)
            .await,
    )
    .await;
    assert_eq!(status, 200);
    let rows: Vec<(String, String, String)> = conc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["from_label"].as_str().unwrap_or("-").to_string(),
                i["to_label"].as_str().unwrap_or("-").to_string(),
                i["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has =
        |f: &str, t: &str, c: &str| rows.contains(&(f.to_string(), t.to_string(), c.to_string()));
    assert!(has("5", "1", "moved"), "{rows:?}");
    assert!(has("1", "2", "edited"), "{rows:?}");
    assert!(has("2", "3", "split") && has("2", "4", "split"), "{rows:?}");
    assert!(
        has("3", "5", "merged") && has("4", "5", "merged"),
        "{rows:?}"
    );
    assert!(has("-", "6", "new"), "{rows:?}");
    assert!(has("6", "-", "deleted"), "{rows:?}");
}

#[actix_web::test]
async fn the_earlier_version_becomes_read_only_and_only_the_latest_can_be_revised() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let (_, rev1) = revise(&app, &admin, &id(&zero), "Rev.1", REV1).await;
    let user = app.participant(Group::Academia).await;
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&zero)),
            &json!({"body": "Late"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 409);
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&rev1)),
            &json!({"body": "On time"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);

    let before = app.count("drafts").await;
    assert_eq!(
        revise(&app, &admin, &id(&zero), "Rev.1b", REV1).await.0,
        409
    );
    let (status, b) = revise(&app, &admin, &id(&rev1), "Rev.2", "   ").await;
    assert_eq!(status, 422);
    assert!(b["errors"]["text"].is_array());
    let participant = app.participant(Group::Government).await;
    assert_eq!(
        app.post_json(
            &format!("/drafts/{}/revisions", id(&rev1)),
            &json!({"version_label": "Rev.2", "text": REV1}),
            Some(&participant.token)
        )
        .await
        .status(),
        403
    );
    assert_eq!(app.count("drafts").await, before, "nothing stored");
}

#[actix_web::test]
async fn a_lineage_link_to_a_paragraph_of_an_unrelated_draft_is_refused() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let other = zero_draft(&app, &admin).await;
    let foreign = other["paragraphs"][0]["id"].clone();
    let (status, b) = body(
        app.post_json(
            &format!("/drafts/{}/revisions", id(&zero)),
            &json!({"version_label": "Rev.1", "text": REV1, "links": [{"to_number": 1, "from_paragraph_ids": [foreign]}]}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["links"].is_array(), "{b}");

    // A correct manual link wins over the proposal.
    let own = zero["paragraphs"][5]["id"].clone();
    let (status, rev1) = body(
        app.post_json(
            &format!("/drafts/{}/revisions", id(&zero)),
            &json!({"version_label": "Rev.1", "text": REV1, "links": [{"to_number": 6, "from_paragraph_ids": [own]}]}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);
    let (_, conc) = body(
        app.get_api(&format!("/drafts/{}/concordance", id(&rev1)), None)
            .await,
    )
    .await;
    let six: Vec<&Value> = conc["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["to_label"] == "6")
        .collect();
    assert_eq!(six[0]["from_label"], "6");
}

#[actix_web::test]
async fn comments_stay_findable_from_the_newest_version_through_three_revisions() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let user = app.participant(Group::CivilSociety).await;
    let p2 = zero["paragraphs"][1]["id"].clone();
    for text in ["Affordability first.", "Define entry-level."] {
        app.post_json(
            &format!("/drafts/{}/comments", id(&zero)),
            &json!({"paragraph_id": p2, "body": text}),
            Some(&user.token),
        )
        .await;
    }
    let (_, rev1) = revise(&app, &admin, &id(&zero), "Rev.1", REV1).await;
    let rev2_text = REV1.replace("Encourages Governments", "Urges Governments");
    let (_, rev2) = revise(&app, &admin, &id(&rev1), "Rev.2", &rev2_text).await;
    let rev3_text = rev2_text.replace("# Connectivity", "# Bridging digital divides");
    let (status, rev3) = revise(&app, &admin, &id(&rev2), "Rev.3", &rev3_text).await;
    assert_eq!(status, 201);

    // ¶4 of Rev.3 descends from ¶2 of the Zero draft (split in Rev.1).
    let p4 = rev3["paragraphs"][3]["id"].as_str().unwrap();
    let html = app
        .client
        .get(app.url(&format!("/drafts/{}/paragraphs/{p4}", id(&rev3))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("2 comments on ¶2 of the Zero draft"),
        "{html}"
    );
    assert!(html.contains("of the Rev.1") && html.contains("of the Rev.2"));
    let p4_rev2 = rev2["paragraphs"][3]["id"].as_str().unwrap();
    let html2 = app
        .client
        .get(app.url(&format!("/drafts/{}/paragraphs/{p4_rev2}", id(&rev2))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html2.contains("<del>Encourages</del>") && html2.contains("<ins>Urges</ins>"),
        "a word-level difference from Rev.1"
    );
    let reading = app
        .client
        .get(app.url(&format!("/drafts/{}", id(&rev3))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(reading.contains("Zero draft") && reading.contains("Rev.3"));
}

#[actix_web::test]
async fn dispositions_answer_top_level_input_and_show_in_the_api_pages_and_stats() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let zero = zero_draft(&app, &admin).await;
    let user = app.participant(Group::Government).await;
    let other = app.participant(Group::Academia).await;
    let draft = id(&zero);
    let p1 = zero["paragraphs"][0]["id"].clone();
    let (_, c) = body(app.post_json(&format!("/drafts/{draft}/comments"), &json!({"paragraph_id": p1, "kind": "amendment", "body": "Stronger", "proposed_text": "1. Commits firmly"}), Some(&user.token)).await).await;
    let (_, reply) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"parent_id": c["id"], "body": "Agree"}),
            Some(&other.token),
        )
        .await,
    )
    .await;

    let put = |path: String, b: Value, token: String| {
        let client = app.client.clone();
        let url = app.api(&path);
        async move {
            body(
                client
                    .put(url)
                    .bearer_auth(token)
                    .json(&b)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let (status, _) = put(
        format!("/comments/{}/disposition", id(&c)),
        json!({"disposition": "incorporated"}),
        user.token.clone(),
    )
    .await;
    assert_eq!(status, 403);
    let (status, b) = put(
        format!("/comments/{}/disposition", id(&reply)),
        json!({"disposition": "noted"}),
        moderator.token.clone(),
    )
    .await;
    assert_eq!(status, 422, "{b}");
    let (status, b) = put(
        format!("/comments/{}/disposition", id(&c)),
        json!({"disposition": "maybe"}),
        moderator.token.clone(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["disposition"].is_array());
    let (status, b) = put(
        format!("/comments/{}/disposition", id(&c)),
        json!({"disposition": "partly_incorporated", "explanation": "Merged into ¶2 of Rev.1."}),
        moderator.token.clone(),
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["disposition"], "partly_incorporated");

    let (_, public) = body(app.get_api(&format!("/comments/{}", id(&c)), None).await).await;
    assert_eq!(public["disposition"], "partly_incorporated");
    assert_eq!(
        public["disposition_explanation"],
        "Merged into ¶2 of Rev.1."
    );
    let (_, stats) = body(app.get_api(&format!("/drafts/{draft}/stats"), None).await).await;
    assert_eq!(
        stats["dispositions_by_group"]["government"]["partly_incorporated"],
        1
    );
    let html = app
        .client
        .get(app.url(&format!(
            "/drafts/{draft}/paragraphs/{}",
            p1.as_str().unwrap()
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Partly incorporated") && html.contains("Merged into ¶2 of Rev.1."));
}

#[actix_web::test]
async fn followers_and_answered_authors_hear_of_the_new_revision() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let zero = zero_draft(&app, &admin).await;
    let follower = app.participant(Group::TechnicalCommunity).await;
    let author = app.participant(Group::Government).await;
    app.post_json(
        &format!("/drafts/{}/follow", id(&zero)),
        &json!({}),
        Some(&follower.token),
    )
    .await;
    let (_, c) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&zero)),
            &json!({"paragraph_id": zero["paragraphs"][0]["id"], "body": "Add devices."}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    app.client
        .put(app.api(&format!("/comments/{}/disposition", id(&c))))
        .bearer_auth(&moderator.token)
        .json(&json!({"disposition": "incorporated", "explanation": "See ¶2."}))
        .send()
        .await
        .unwrap();
    let (_, rev1) = revise(&app, &admin, &id(&zero), "Rev.1", REV1).await;
    // The follower heard of the comment, then of the revision.
    let to_follower = app
        .smtp
        .wait_for(&follower.email, 2, Duration::from_secs(10))
        .await;
    assert_eq!(to_follower.len(), 2);
    assert!(to_follower
        .iter()
        .any(|m| m.subject == "New revision published: Rev.1 — WSIS+20"));
    let to_author = app
        .smtp
        .wait_for(&author.email, 1, Duration::from_secs(10))
        .await;
    assert!(
        to_author[0]
            .text
            .contains("Your input on ¶1: Incorporated — See ¶2."),
        "{}",
        to_author[0].text
    );
    // Followers of the earlier version follow the new one.
    let w = app.participant(Group::Academia).await;
    app.post_json(
        &format!("/drafts/{}/comments", id(&rev1)),
        &json!({"body": "General remark."}),
        Some(&w.token),
    )
    .await;
    let mails = app
        .smtp
        .wait_for(&follower.email, 3, Duration::from_secs(10))
        .await;
    assert_eq!(mails.len(), 3);
}

#[actix_web::test]
async fn the_admin_reviews_and_corrects_the_lineage_on_the_page_before_publishing() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let csrf = app.csrf("/login").await;
    app.client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", admin.email.as_str()),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    let draft = id(&zero);
    let csrf = app.csrf(&format!("/admin/drafts/{draft}/revise")).await;
    let review = app
        .client
        .post(app.url(&format!("/admin/drafts/{draft}/revise")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("version_label", "Rev.1"),
            ("text", REV1),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(review.status(), 200);
    let html = review.text().await.unwrap();
    assert!(
        html.contains(r#"name="from_3" value="2""#),
        "the split is proposed"
    );
    // Correct: say the new ¶6 came from the deleted ¶6.
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), csrf.clone()),
        ("version_label".into(), "Rev.1".into()),
        ("text".into(), REV1.into()),
    ];
    let doc = scraper::Html::parse_document(&html);
    for input in doc.select(&scraper::Selector::parse("input[name^=from_]").unwrap()) {
        let name = input.value().attr("name").unwrap().to_string();
        let value = if name == "from_6" {
            "6".to_string()
        } else {
            input.value().attr("value").unwrap_or("").to_string()
        };
        form.push((name, value));
    }
    let res = app
        .client
        .post(app.url(&format!("/admin/drafts/{draft}/revise/publish")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let rev1 = location.trim_start_matches("/drafts/");
    let (_, conc) = body(
        app.get_api(&format!("/drafts/{rev1}/concordance"), None)
            .await,
    )
    .await;
    let six: Vec<&Value> = conc["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["to_label"] == "6")
        .collect();
    assert_eq!(six[0]["from_label"], "6");
    assert_eq!(six[0]["change"], "edited");
    let page = app
        .client
        .get(app.url(&format!("/drafts/{rev1}/concordance")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let compare = app
        .client
        .get(app.url(&format!("/drafts/{rev1}/compare?with={draft}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(compare.contains("<ins>") && compare.contains("redoubling"));
}

#[actix_web::test]
async fn the_command_line_publishes_a_revision() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let zero = zero_draft(&app, &admin).await;
    let file = std::env::temp_dir().join(format!("rev-{}.md", plenary::ids::new_id()));
    std::fs::write(&file, REV1).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args([
            "import-draft",
            "--revision-of",
            &id(&zero),
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
    let (_, z) = body(app.get_api(&format!("/drafts/{}", id(&zero)), None).await).await;
    assert_eq!(z["read_only"], true);
    std::fs::remove_file(file).ok();
}

#[actix_web::test]
async fn the_export_of_the_earlier_version_carries_dispositions_and_where_each_paragraph_went() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let zero = zero_draft(&app, &admin).await;
    let user = app.participant(Group::Government).await;
    let (_, c) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&zero)),
            &json!({"paragraph_id": zero["paragraphs"][1]["id"], "body": "Split this."}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    app.client
        .put(app.api(&format!("/comments/{}/disposition", id(&c))))
        .bearer_auth(&moderator.token)
        .json(&json!({"disposition": "incorporated"}))
        .send()
        .await
        .unwrap();
    revise(&app, &admin, &id(&zero), "Rev.1", REV1).await;
    let csv = app
        .client
        .get(app.api(&format!("/drafts/{}/export?format=csv", id(&zero))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[15], "disposition");
    assert_eq!(&headers[16], "next_paragraph_label");
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[15], "incorporated");
    assert_eq!(&row[16], "3 4", "¶2 was split into ¶3 and ¶4 of Rev.1");
}
