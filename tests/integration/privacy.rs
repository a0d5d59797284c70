//! Personal data rights (issue 18): "Download my data".

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::comments::{id, open_draft, paragraph};
use crate::helpers::*;

#[actix_web::test]
async fn my_data_holds_my_profile_comments_edits_flags_and_follows_and_nobody_elses() {
    let app = spawn_app().await;
    let (_admin, draft) = open_draft(&app).await;
    let me = app.participant(Group::CivilSociety).await;
    let other = app.participant(Group::Government).await;
    let d = id(&draft);
    let post = |user: &TestUser, text: &str| {
        let (app, d, p) = (&app, d.clone(), paragraph(&draft, 1));
        let (token, text) = (user.token.clone(), text.to_string());
        async move {
            let (s, c) = body(
                app.post_json(
                    &format!("/drafts/{d}/comments"),
                    &json!({"paragraph_id": p, "body": text}),
                    Some(&token),
                )
                .await,
            )
            .await;
            assert_eq!(s, 201, "{c}");
            id(&c)
        }
    };
    let mine = post(&me, "MYFIRSTWORDS on connectivity.").await;
    let theirs = post(&other, "THEIRWORDS, not mine.").await;
    let (s, b) = body(
        app.patch_json(
            &format!("/comments/{mine}"),
            &json!({"body": "MYSECONDWORDS on connectivity."}),
            Some(&me.token),
        )
        .await,
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let (s, b) = body(
        app.post_json(
            &format!("/comments/{theirs}/flags"),
            &json!({"reason": "off_topic", "note": "MYFLAGNOTE"}),
            Some(&me.token),
        )
        .await,
    )
    .await;
    assert_eq!(s, 201, "{b}");
    let res = app
        .post_json(&format!("/drafts/{d}/follow"), &json!({}), Some(&me.token))
        .await;
    assert_eq!(res.status(), 204);

    let res = app.get_api("/me/export", Some(&me.token)).await;
    assert_eq!(res.status(), 200);
    let disposition = res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let text = res.text().await.unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["account"]["email"], me.email.as_str());
    assert_eq!(data["account"]["stakeholder_group"], "civil_society");
    let comments = data["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 1, "{data}");
    assert_eq!(comments[0]["id"], mine.as_str());
    assert!(comments[0]["body"]
        .as_str()
        .unwrap()
        .contains("MYSECONDWORDS"));
    assert!(comments[0]["edits"][0]["body"]
        .as_str()
        .unwrap()
        .contains("MYFIRSTWORDS"));
    assert_eq!(data["flags"][0]["comment_id"], theirs.as_str());
    assert_eq!(data["flags"][0]["note"], "MYFLAGNOTE");
    assert_eq!(data["follows"][0]["draft_id"], d.as_str());
    // Nobody else's words, and nothing that opens the account.
    assert!(!text.contains("THEIRWORDS"), "{text}");
    assert!(!text.contains(&other.email), "{text}");
    assert!(!text.contains("$argon2"), "{text}");

    // The same file from the /me page, for the signed-in visitor; the page links to it.
    app.sign_in_on_the_pages(&me.email).await;
    let page = app.page("/me").await;
    assert!(page.contains("href=\"/me/export\""), "{page}");
    let file = app.page("/me/export").await;
    let from_page: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(from_page["comments"], data["comments"]);

    let res = app.get_api("/me/export", None).await;
    assert_eq!(res.status(), 401);
}
