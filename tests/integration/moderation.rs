//! Moderation: flags, the queue, decisions, pre-moderation and the audit log.

use diesel::RunQueryDsl;
use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::helpers::*;

const DRAFT: &str = "\
# Preamble

PP1. Recalling the Geneva phase of the World Summit on the Information Society,

# Operative part

1. Commits to meaningful connectivity for all;

2. Decides to review progress in 2030.
";

const OPENED: &str = "2020-01-01T00:00:00Z";
const CLOSING_LATER: &str = "2099-01-01T00:00:00Z";

fn id(v: &Value) -> String {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("ids are JSON strings: {v}"))
        .to_string()
}

/// The id of paragraph `number` (1-based) of `draft`.
fn paragraph(draft: &Value, number: usize) -> String {
    id(&draft["paragraphs"][number - 1])
}

fn ids_of(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a list: {page}"))
        .iter()
        .map(id)
        .collect()
}

/// An admin and an imported draft in an open consultation with this moderation mode.
async fn open_draft(app: &TestApp, moderation: &str) -> (TestUser, Value) {
    let admin = app.admin().await;
    let (status, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20 review", "summary": "Input to the review",
                    "opens_at": OPENED, "closes_at": CLOSING_LATER, "moderation": moderation}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["moderation"], moderation);
    let (status, draft) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "Outcome document", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{draft}");
    (admin, draft)
}

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> (u16, Value) {
    body(app.get_api(path, token).await).await
}

async fn comment(app: &TestApp, draft: &Value, user: &TestUser, fields: Value) -> Value {
    let (status, c) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(draft)),
            &fields,
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    c
}

/// A comment by `user` on paragraph `number` of `draft`.
async fn comment_on(
    app: &TestApp,
    draft: &Value,
    user: &TestUser,
    number: usize,
    text: &str,
) -> Value {
    comment(
        app,
        draft,
        user,
        json!({"paragraph_id": paragraph(draft, number), "body": text}),
    )
    .await
}

/// The ids of the comments in a page of the moderation queue.
fn queued_ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a list: {page}"))
        .iter()
        .map(|item| id(&item["comment"]))
        .collect()
}

async fn flag(app: &TestApp, comment_id: &str, user: &TestUser, fields: Value) -> (u16, Value) {
    body(
        app.post_json(
            &format!("/comments/{comment_id}/flags"),
            &fields,
            Some(&user.token),
        )
        .await,
    )
    .await
}

async fn decide(
    app: &TestApp,
    comment_id: &str,
    token: Option<&str>,
    fields: Value,
) -> (u16, Value) {
    body(
        app.post_json(
            &format!("/comments/{comment_id}/moderation"),
            &fields,
            token,
        )
        .await,
    )
    .await
}

async fn queue(app: &TestApp, moderator: &TestUser) -> Value {
    let (status, q) = get(app, "/moderation/queue", Some(&moderator.token)).await;
    assert_eq!(status, 200, "{q}");
    q
}

async fn audit_log(app: &TestApp, moderator: &TestUser) -> Value {
    let (status, l) = get(app, "/moderation/log", Some(&moderator.token)).await;
    assert_eq!(status, 200, "{l}");
    l
}

/// The status of a comment as a moderator sees it.
async fn status_of(app: &TestApp, moderator: &TestUser, comment_id: &str) -> String {
    let (status, c) = get(
        app,
        &format!("/comments/{comment_id}"),
        Some(&moderator.token),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    c["status"].as_str().unwrap().to_string()
}

/// `comment_count` of paragraph `number` in the public `GET /drafts/{id}`.
async fn public_count(app: &TestApp, draft: &Value, number: usize) -> i64 {
    let (status, d) = get(app, &format!("/drafts/{}", id(draft)), None).await;
    assert_eq!(status, 200, "{d}");
    d["paragraphs"][number - 1]["comment_count"]
        .as_i64()
        .unwrap_or_else(|| panic!("a count: {d}"))
}

/// Flags `comment_id` by `n` fresh participants; returns the last answer.
async fn flag_by_many(app: &TestApp, comment_id: &str, n: usize) -> Vec<Value> {
    let mut answers = vec![];
    for i in 0..n {
        let user = app.participant(Group::PrivateSector).await;
        let (status, f) = flag(
            app,
            comment_id,
            &user,
            json!({"reason": "abusive", "note": format!("report {i}")}),
        )
        .await;
        assert_eq!(status, 201, "{f}");
        answers.push(f);
    }
    answers
}

// ------------------------------------------------------------------------------------
// Flags

#[actix_web::test]
async fn a_participant_flags_a_comment_once_and_a_second_flag_is_a_conflict() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let author = app.participant(Group::CivilSociety).await;
    let reader = app.participant(Group::Academia).await;
    let c = comment_on(&app, &draft, &author, 2, "Buy cheap watches here").await;
    let cid = id(&c);

    let (status, f) = flag(
        &app,
        &cid,
        &reader,
        json!({"reason": "spam", "note": "advertising"}),
    )
    .await;
    assert_eq!(status, 201, "{f}");
    assert_eq!(f, json!({"flagged": true, "comment_hidden": false}));
    assert_eq!(app.count("flags").await, 1);

    let (status, again) = flag(&app, &cid, &reader, json!({"reason": "abusive"})).await;
    assert_eq!(status, 409, "{again}");
    assert_eq!(app.count("flags").await, 1);

    // Nobody flags their own comment, a reason outside the list, or a missing comment.
    let (status, own) = flag(&app, &cid, &author, json!({"reason": "spam"})).await;
    assert_eq!(status, 403, "{own}");
    let other = app.participant(Group::Government).await;
    let (status, bad) = flag(&app, &cid, &other, json!({"reason": "boring"})).await;
    assert_eq!(status, 422, "{bad}");
    assert!(bad["errors"]["reason"].is_array(), "{bad}");
    let (status, _) = flag(&app, "123456789", &other, json!({"reason": "spam"})).await;
    assert_eq!(status, 404);
    assert_eq!(app.count("flags").await, 1);

    // One flag is below the threshold: still public.
    let (status, public) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(public["status"], "published");
}

#[actix_web::test]
async fn three_flags_from_distinct_users_hide_a_comment_at_once_and_queue_it_as_flagged() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::CivilSociety).await;
    let earlier = comment_on(&app, &draft, &author, 1, "An earlier remark").await;
    let c = comment_on(&app, &draft, &author, 2, "You are all idiots").await;
    let cid = id(&c);
    assert_eq!(public_count(&app, &draft, 2).await, 1);

    let answers = flag_by_many(&app, &cid, 3).await;
    assert_eq!(answers[0]["comment_hidden"], false);
    assert_eq!(answers[1]["comment_hidden"], false);
    assert_eq!(answers[2]["comment_hidden"], true);

    // Hidden from the public at once: no replies, so it is left out entirely.
    let (status, _) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 404);
    let (_, list) = get(&app, &format!("/drafts/{}/comments", id(&draft)), None).await;
    assert!(!ids_of(&list).contains(&cid), "{list}");
    assert_eq!(public_count(&app, &draft, 2).await, 0);
    let (_, d) = get(&app, &format!("/drafts/{}", id(&draft)), None).await;
    assert_eq!(
        d["paragraphs"][1]["counts_by_group"]["civil_society"]
            .as_i64()
            .unwrap_or(0),
        0,
        "{d}"
    );
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");

    let q = queue(&app, &moderator).await;
    let items = q["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{q}");
    let item = &items[0];
    assert_eq!(item["why"], "flagged");
    assert_eq!(id(&item["comment"]), cid);
    assert_eq!(item["comment"]["status"], "hidden");
    assert_eq!(item["comment"]["body"], "You are all idiots");
    let flags = item["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 3, "{item}");
    assert!(flags.iter().all(|f| f["reason"] == "abusive"), "{item}");
    assert_eq!(flags[0]["note"], "report 0");
    assert!(flags.iter().all(|f| f["at"].is_string()), "{item}");
    let p = &item["paragraph"];
    assert_eq!(id(p), paragraph(&draft, 2));
    assert_eq!(p["number"], 2);
    assert_eq!(p["label"], "1");
    assert!(
        p["text"]
            .as_str()
            .unwrap()
            .contains("meaningful connectivity"),
        "{p}"
    );
    let recent = item["author_recent"].as_array().unwrap();
    assert_eq!(recent.len(), 1, "{item}");
    assert_eq!(id(&recent[0]), id(&earlier));
    assert!(q["next_cursor"].is_null());

    // A fourth reader cannot flag what is no longer published.
    let late = app.participant(Group::Academia).await;
    let (status, _) = flag(&app, &cid, &late, json!({"reason": "spam"})).await;
    assert!(
        status == 404 || status == 409,
        "flagging a hidden comment: {status}"
    );
}

#[actix_web::test]
async fn the_flag_threshold_is_configurable() {
    let app = spawn_app_with(|c| c.flag_threshold = 2).await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let c = comment_on(&app, &draft, &author, 1, "Off-topic rant").await;
    let cid = id(&c);
    let answers = flag_by_many(&app, &cid, 2).await;
    assert_eq!(answers[0]["comment_hidden"], false);
    assert_eq!(answers[1]["comment_hidden"], true);
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");

    let app = spawn_app_with(|c| c.flag_threshold = 5).await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let c = comment_on(&app, &draft, &author, 1, "Off-topic rant").await;
    let cid = id(&c);
    let answers = flag_by_many(&app, &cid, 4).await;
    assert!(answers.iter().all(|a| a["comment_hidden"] == false));
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    let answers = flag_by_many(&app, &cid, 1).await;
    assert_eq!(answers[0]["comment_hidden"], true);
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");
}

#[actix_web::test]
async fn flag_storms_from_one_account_are_rate_limited() {
    let app = spawn_app_with(|c| c.flag_threshold = 100).await;
    let (_, draft) = open_draft(&app, "post").await;
    let authors = [
        app.participant(Group::Government).await,
        app.participant(Group::CivilSociety).await,
        app.participant(Group::Academia).await,
    ];
    let mut ids = vec![];
    for i in 0..21 {
        let c = comment_on(
            &app,
            &draft,
            &authors[i % 3],
            1 + i % 3,
            &format!("Comment {i}"),
        )
        .await;
        ids.push(id(&c));
    }
    let stormer = app.participant(Group::PrivateSector).await;
    for cid in &ids[..20] {
        let (status, f) = flag(&app, cid, &stormer, json!({"reason": "spam"})).await;
        assert_eq!(status, 201, "{f}");
    }
    let res = app
        .post_json(
            &format!("/comments/{}/flags", ids[20]),
            &json!({"reason": "spam"}),
            Some(&stormer.token),
        )
        .await;
    assert_eq!(res.status(), 429);
    let retry: u64 = res
        .headers()
        .get("retry-after")
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry), "Retry-After {retry}");
    assert_eq!(app.count("flags").await, 20);

    // The limit is per account: someone else still reports the same comment.
    let other = app.participant(Group::TechnicalCommunity).await;
    let (status, f) = flag(&app, &ids[20], &other, json!({"reason": "spam"})).await;
    assert_eq!(status, 201, "{f}");
}

// ------------------------------------------------------------------------------------
// Decisions and the audit log

#[actix_web::test]
async fn a_moderator_hides_a_comment_with_a_reason_and_the_audit_log_records_it() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::CivilSociety).await;
    let c = comment_on(&app, &draft, &author, 2, "A personal attack").await;
    let cid = id(&c);

    let (status, hidden) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "hide", "reason": "Personal attack on a delegate"}),
    )
    .await;
    assert_eq!(status, 200, "{hidden}");
    assert_eq!(id(&hidden), cid);
    assert_eq!(hidden["status"], "hidden");
    let (status, _) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 404);
    assert_eq!(public_count(&app, &draft, 2).await, 0);

    let log = audit_log(&app, &moderator).await;
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{log}");
    let e = &items[0];
    assert!(e["id"].is_string(), "{e}");
    assert_eq!(e["actor"]["id"].as_str().unwrap(), moderator.id.to_string());
    assert!(e["actor"]["display_name"].is_string(), "{e}");
    assert_eq!(e["action"], "hide");
    assert_eq!(e["target_type"], "comment");
    assert_eq!(e["target_id"].as_str().unwrap(), cid);
    assert_eq!(e["reason"], "Personal attack on a delegate");
    assert!(
        chrono::DateTime::parse_from_rfc3339(e["at"].as_str().unwrap()).is_ok(),
        "{e}"
    );
    assert_eq!(app.count("audit_log").await, 1);
}

#[actix_web::test]
async fn the_audit_log_lists_the_newest_entry_first() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::CivilSociety).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Heated words").await);
    for fields in [
        json!({"action": "hide", "reason": "Heated"}),
        json!({"action": "restore", "reason": "Author apologised"}),
        json!({"action": "reject", "reason": "Repeated"}),
    ] {
        let (status, b) = decide(&app, &cid, Some(&moderator.token), fields).await;
        assert_eq!(status, 200, "{b}");
    }
    let log = audit_log(&app, &moderator).await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["reject", "restore", "hide"]);
    let (status, page) = get(&app, "/moderation/log?limit=2", Some(&moderator.token)).await;
    assert_eq!(status, 200);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let cursor = page["next_cursor"].as_str().expect("a next cursor");
    let (_, rest) = get(
        &app,
        &format!("/moderation/log?limit=2&cursor={cursor}"),
        Some(&moderator.token),
    )
    .await;
    assert_eq!(rest["items"][0]["action"], "hide", "{rest}");
    assert!(rest["next_cursor"].is_null());
}

#[actix_web::test]
async fn hiding_without_a_reason_is_422_naming_reason_and_changes_nothing() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::CivilSociety).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Borderline remark").await);

    for fields in [
        json!({"action": "hide"}),
        json!({"action": "hide", "reason": ""}),
        json!({"action": "hide", "reason": "   "}),
        json!({"action": "hide", "reason": null}),
    ] {
        let (status, b) = decide(&app, &cid, Some(&moderator.token), fields.clone()).await;
        assert_eq!(status, 422, "{fields} → {b}");
        assert!(b["errors"]["reason"].is_array(), "{fields} → {b}");
    }
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    assert_eq!(app.count("audit_log").await, 0);
    let (status, _) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 200);
}

#[actix_web::test]
async fn rejecting_without_a_reason_is_422_naming_reason() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::CivilSociety).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Spam link").await);

    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "reject"}),
    )
    .await;
    assert_eq!(status, 422, "{b}");
    assert!(b["errors"]["reason"].is_array(), "{b}");
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    assert_eq!(app.count("audit_log").await, 0);

    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "reject", "reason": "Commercial spam"}),
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["status"], "rejected");
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["action"], "reject");
    assert_eq!(log["items"][0]["reason"], "Commercial spam");
}

#[actix_web::test]
async fn restoring_a_hidden_comment_publishes_it_again_and_resolves_its_flags() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 3, "An unpopular but fair view").await);
    flag_by_many(&app, &cid, 3).await;
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");
    assert_eq!(queued_ids(&queue(&app, &moderator).await), [cid.as_str()]);

    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "restore", "reason": "Within the rules"}),
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["status"], "published");

    let q = queue(&app, &moderator).await;
    assert!(q["items"].as_array().unwrap().is_empty(), "{q}");
    let (status, public) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(public["body"], "An unpopular but fair view");
    assert_eq!(public_count(&app, &draft, 3).await, 1);
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["action"], "restore");
    assert_eq!(log["items"][0]["target_id"].as_str().unwrap(), cid);
}

#[actix_web::test]
async fn a_moderator_confirms_the_hide_of_a_comment_that_flags_hid_and_it_leaves_the_queue() {
    // SPEC §2: "the comment is hidden until a moderator decides: `hide` (with a reason)
    // confirms it, `restore` publishes it again."
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 3, "Insults").await);
    flag_by_many(&app, &cid, 3).await;
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");

    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "hide", "reason": "Insults other participants"}),
    )
    .await;
    assert_eq!(status, 200, "confirming the hide: {b}");
    assert_eq!(b["status"], "hidden");
    let q = queue(&app, &moderator).await;
    assert!(q["items"].as_array().unwrap().is_empty(), "{q}");
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["action"], "hide");
    assert_eq!(log["items"][0]["reason"], "Insults other participants");
}

#[actix_web::test]
async fn a_flagged_comment_that_its_author_withdraws_does_not_stay_in_the_queue() {
    // Every decision on a withdrawn comment is a 409, so a withdrawn comment left in the
    // queue could never be cleared from it.
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 3, "Regrettable words").await);
    flag_by_many(&app, &cid, 1).await;
    assert_eq!(queued_ids(&queue(&app, &moderator).await), [cid.as_str()]);
    let res = app
        .delete_api(&format!("/comments/{cid}"), Some(&author.token))
        .await;
    assert_eq!(res.status(), 204);
    for action in ["approve", "hide", "reject", "restore"] {
        let (status, _) = decide(
            &app,
            &cid,
            Some(&moderator.token),
            json!({"action": action, "reason": "r"}),
        )
        .await;
        assert_eq!(status, 409, "{action} on a withdrawn comment");
    }
    let q = queue(&app, &moderator).await;
    assert!(
        q["items"].as_array().unwrap().is_empty(),
        "a withdrawn comment has nothing left to decide: {q}"
    );
}

#[actix_web::test]
async fn restoring_a_published_comment_is_a_conflict() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "Fine as it is").await);
    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "restore"}),
    )
    .await;
    assert_eq!(status, 409, "{b}");
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    assert_eq!(app.count("audit_log").await, 0);
}

#[actix_web::test]
async fn an_unknown_action_is_422_naming_action() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "Fine as it is").await);
    for action in ["delete", "HIDE", ""] {
        let (status, b) = decide(
            &app,
            &cid,
            Some(&moderator.token),
            json!({"action": action, "reason": "because"}),
        )
        .await;
        assert_eq!(status, 422, "{action} → {b}");
        assert!(b["errors"]["action"].is_array(), "{action} → {b}");
    }
    let (status, b) = decide(&app, &cid, Some(&moderator.token), json!({"reason": "x"})).await;
    assert_eq!(status, 422, "no action → {b}");
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    assert_eq!(app.count("audit_log").await, 0);
}

#[actix_web::test]
async fn moderating_a_comment_that_does_not_exist_is_404() {
    let app = spawn_app().await;
    let moderator = app.moderator().await;
    for fields in [
        json!({"action": "hide", "reason": "Abuse"}),
        json!({"action": "approve"}),
        json!({"action": "restore"}),
    ] {
        let (status, b) = decide(&app, "123456789", Some(&moderator.token), fields).await;
        assert_eq!(status, 404, "{b}");
    }
    let (status, _) = decide(
        &app,
        "not-an-id",
        Some(&moderator.token),
        json!({"action": "approve"}),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(app.count("audit_log").await, 0);
}

// ------------------------------------------------------------------------------------
// Pre-moderation and placeholders

#[actix_web::test]
async fn under_pre_moderation_a_new_comment_is_pending_and_seen_only_by_its_author_and_moderators()
{
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "pre").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let other = app.participant(Group::Government).await;
    let c = comment_on(&app, &draft, &author, 2, "Please add a target year").await;
    let cid = id(&c);
    assert_eq!(c["status"], "pending");

    // Anonymous callers and other participants do not see it at all.
    let (status, _) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 404);
    let (status, _) = get(&app, &format!("/comments/{cid}"), Some(&other.token)).await;
    assert_eq!(status, 404);
    let comments = format!("/drafts/{}/comments", id(&draft));
    let (_, list) = get(&app, &comments, None).await;
    assert!(ids_of(&list).is_empty(), "{list}");
    let (_, list) = get(&app, &comments, Some(&other.token)).await;
    assert!(ids_of(&list).is_empty(), "{list}");
    assert_eq!(public_count(&app, &draft, 2).await, 0);
    let (status, _) = flag(&app, &cid, &other, json!({"reason": "spam"})).await;
    assert_eq!(status, 404, "a pending comment cannot be flagged by others");

    // Its author sees it, in a single read and in the list.
    let (status, mine) = get(&app, &format!("/comments/{cid}"), Some(&author.token)).await;
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine["status"], "pending");
    assert_eq!(mine["body"], "Please add a target year");
    let (_, list) = get(&app, &comments, Some(&author.token)).await;
    assert_eq!(ids_of(&list), [cid.as_str()]);

    // Moderators see it, and it waits in the queue as pending.
    let (status, seen) = get(&app, &format!("/comments/{cid}"), Some(&moderator.token)).await;
    assert_eq!(status, 200);
    assert_eq!(seen["body"], "Please add a target year");
    let second = comment_on(&app, &draft, &other, 1, "A second pending one").await;
    let q = queue(&app, &moderator).await;
    assert_eq!(
        queued_ids(&q),
        [cid.clone(), id(&second)],
        "oldest first: {q}"
    );
    let item = &q["items"][0];
    assert_eq!(item["why"], "pending");
    assert!(item["flags"].as_array().unwrap().is_empty());
    assert_eq!(id(&item["paragraph"]), paragraph(&draft, 2));
    let (status, page) = get(&app, "/moderation/queue?limit=1", Some(&moderator.token)).await;
    assert_eq!(status, 200);
    assert_eq!(queued_ids(&page), [cid.as_str()]);
    let cursor = page["next_cursor"].as_str().expect("a next cursor");
    let (_, rest) = get(
        &app,
        &format!("/moderation/queue?limit=1&cursor={cursor}"),
        Some(&moderator.token),
    )
    .await;
    assert_eq!(queued_ids(&rest), [id(&second)]);
}

#[actix_web::test]
async fn approving_a_pending_comment_publishes_it() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "pre").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Please add a target year").await);

    let (status, b) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "approve"}),
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["status"], "published");
    let (status, public) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(public["body"], "Please add a target year");
    let (_, list) = get(&app, &format!("/drafts/{}/comments", id(&draft)), None).await;
    assert_eq!(ids_of(&list), [cid.as_str()]);
    assert_eq!(public_count(&app, &draft, 2).await, 1);
    let q = queue(&app, &moderator).await;
    assert!(q["items"].as_array().unwrap().is_empty(), "{q}");
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["action"], "approve");
    assert_eq!(log["items"][0]["target_id"].as_str().unwrap(), cid);

    // A moderator's own comment under pre-moderation is published at once.
    let own = comment_on(&app, &draft, &moderator, 1, "Moderator note").await;
    assert_eq!(own["status"], "published");
}

#[actix_web::test]
async fn a_hidden_comment_with_a_published_reply_stays_as_a_placeholder_and_the_reply_stays() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::PrivateSector).await;
    let replier = app.participant(Group::CivilSociety).await;
    let amendment = comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 2), "kind": "amendment",
               "body": "Offensive justification", "proposed_text": "1. Offensive replacement;"}),
    )
    .await;
    let aid = id(&amendment);
    let reply = comment(
        &app,
        &draft,
        &replier,
        json!({"parent_id": aid, "body": "I disagree with the tone."}),
    )
    .await;
    let rid = id(&reply);
    let (status, b) = decide(
        &app,
        &aid,
        Some(&moderator.token),
        json!({"action": "hide", "reason": "Offensive"}),
    )
    .await;
    assert_eq!(status, 200, "{b}");

    let (status, placeholder) = get(&app, &format!("/comments/{aid}"), None).await;
    assert_eq!(status, 200, "{placeholder}");
    assert!(placeholder["body"].is_null(), "{placeholder}");
    assert!(placeholder["proposed_text"].is_null(), "{placeholder}");
    assert_eq!(placeholder["status"], "hidden");
    let (status, r) = get(&app, &format!("/comments/{rid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(r["body"], "I disagree with the tone.");

    let (_, list) = get(&app, &format!("/drafts/{}/comments", id(&draft)), None).await;
    assert_eq!(ids_of(&list), [aid.clone(), rid.clone()]);
    assert!(list["items"][0]["body"].is_null(), "{list}");
    assert!(list["items"][0]["proposed_text"].is_null(), "{list}");
    assert_eq!(list["items"][1]["body"], "I disagree with the tone.");
    // Only the reply is counted.
    assert_eq!(public_count(&app, &draft, 2).await, 1);

    // Moderators still read the text.
    let (_, seen) = get(&app, &format!("/comments/{aid}"), Some(&moderator.token)).await;
    assert_eq!(seen["body"], "Offensive justification");
    assert_eq!(seen["proposed_text"], "1. Offensive replacement;");
}

// ------------------------------------------------------------------------------------
// Who may do what

#[actix_web::test]
async fn participants_get_403_and_anonymous_callers_401_on_every_moderation_route() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let author = app.participant(Group::Academia).await;
    let participant = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "Something").await);

    for (token, expected) in [(None, 401), (Some(participant.token.as_str()), 403)] {
        for path in [
            "/moderation/queue".to_string(),
            "/moderation/log".to_string(),
            format!("/comments/{cid}/history"),
        ] {
            let (status, b) = get(&app, &path, token).await;
            assert_eq!(status, expected, "GET {path} → {b}");
        }
        let (status, b) = decide(
            &app,
            &cid,
            token,
            json!({"action": "hide", "reason": "I do not like it"}),
        )
        .await;
        assert_eq!(status, expected, "{b}");
    }
    // Not even the author moderates their own comment.
    let (status, _) = decide(
        &app,
        &cid,
        Some(&author.token),
        json!({"action": "hide", "reason": "mine"}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, c) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(c["status"], "published");
    assert_eq!(app.count("audit_log").await, 0);
}

#[actix_web::test]
async fn moderators_cannot_change_roles_and_nothing_is_logged() {
    let app = spawn_app().await;
    let moderator = app.moderator().await;
    let participant = app.participant(Group::CivilSociety).await;
    for fields in [
        json!({"role": "moderator"}),
        json!({"role": "admin"}),
        json!({"affiliation_verified": true}),
    ] {
        let (status, b) = body(
            app.patch_json(
                &format!("/admin/users/{}", participant.id),
                &fields,
                Some(&moderator.token),
            )
            .await,
        )
        .await;
        assert_eq!(status, 403, "{fields} → {b}");
    }
    let (status, b) = body(
        app.patch_json(
            &format!("/admin/users/{}", moderator.id),
            &json!({"role": "admin"}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 403, "{b}");
    assert_eq!(app.count("audit_log").await, 0);
    // The participant's token still works (a role change would have ended it).
    let (status, me) = get(&app, "/me", Some(&participant.token)).await;
    assert_eq!(status, 200);
    assert_eq!(me["role"], "participant");
    assert_eq!(me["affiliation_verified"], false);
}

#[actix_web::test]
async fn a_suspended_participant_can_no_longer_flag_or_comment() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let troll = app.participant(Group::PrivateSector).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "A fair point").await);

    let (status, u) = body(
        app.patch_json(
            &format!("/admin/users/{}", troll.id),
            &json!({"suspended": true}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{u}");
    let log = audit_log(&app, &moderator).await;
    let e = &log["items"][0];
    assert_eq!(e["action"], "suspend");
    assert_eq!(e["target_type"], "user");
    assert_eq!(e["target_id"].as_str().unwrap(), troll.id.to_string());
    assert_eq!(e["actor"]["id"].as_str().unwrap(), moderator.id.to_string());

    let (status, _) = flag(&app, &cid, &troll, json!({"reason": "spam"})).await;
    assert_eq!(status, 401);
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{}/comments", id(&draft)),
            &json!({"body": "I am back"}),
            Some(&troll.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = body(app.login(&troll.email, PASSWORD).await).await;
    assert_eq!(status, 403);
    assert_eq!(app.count("flags").await, 0);
    assert_eq!(app.count("comments").await, 1);

    // Moderators suspend participants only.
    let other_moderator = app.moderator().await;
    let (status, _) = body(
        app.patch_json(
            &format!("/admin/users/{}", other_moderator.id),
            &json!({"suspended": true}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(app.count("audit_log").await, 1);
}

#[actix_web::test]
async fn edit_history_is_visible_to_moderators() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "First version").await);
    for text in ["Second version", "Third version"] {
        let (status, b) = body(
            app.patch_json(
                &format!("/comments/{cid}"),
                &json!({"body": text}),
                Some(&author.token),
            )
            .await,
        )
        .await;
        assert_eq!(status, 200, "{b}");
    }
    let (status, h) = get(
        &app,
        &format!("/comments/{cid}/history"),
        Some(&moderator.token),
    )
    .await;
    assert_eq!(status, 200, "{h}");
    let bodies: Vec<&str> = h["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["First version", "Second version"]);
    let (_, now) = get(&app, &format!("/comments/{cid}"), None).await;
    assert_eq!(now["body"], "Third version");

    // The author does not read the history through this route; a missing comment is 404.
    let (status, _) = get(
        &app,
        &format!("/comments/{cid}/history"),
        Some(&author.token),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, "/comments/123456789/history", Some(&moderator.token)).await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn the_audit_log_is_append_only() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let cid = id(&comment_on(&app, &draft, &author, 1, "Rude").await);
    let (status, _) = decide(
        &app,
        &cid,
        Some(&moderator.token),
        json!({"action": "hide", "reason": "Rude"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(app.count("audit_log").await, 1);

    // Not even through the database.
    let (update, delete) = app
        .db()
        .run(|conn| {
            let update = diesel::sql_query("UPDATE audit_log SET reason = 'x'").execute(conn);
            let delete = diesel::sql_query("DELETE FROM audit_log").execute(conn);
            Ok((update.is_err(), delete.is_err()))
        })
        .await
        .unwrap();
    assert!(update, "UPDATE on audit_log must fail");
    assert!(delete, "DELETE on audit_log must fail");
    assert_eq!(app.count("audit_log").await, 1);
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["reason"], "Rude");
    let entry = id(&log["items"][0]);

    // And there is no route that changes it.
    let path = app.api(&format!("/moderation/log/{entry}"));
    for method in [
        reqwest::Method::PUT,
        reqwest::Method::PATCH,
        reqwest::Method::DELETE,
    ] {
        for url in [path.clone(), app.api("/moderation/log")] {
            let res = app
                .client
                .request(method.clone(), &url)
                .bearer_auth(&moderator.token)
                .json(&json!({"reason": "x"}))
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            assert!(status == 404 || status == 405, "{method} {url} → {status}");
        }
    }
    assert_eq!(app.count("audit_log").await, 1);
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["reason"], "Rude");
}

// ------------------------------------------------------------------------------------
// Pages

#[actix_web::test]
async fn the_moderation_page_lists_a_flagged_comment_and_its_form_hides_it_with_a_reason() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let reader = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Needlessly <b>rude</b> remark").await);
    let (status, _) = flag(
        &app,
        &cid,
        &reader,
        json!({"reason": "abusive", "note": "insults the co-facilitators"}),
    )
    .await;
    assert_eq!(status, 201);

    app.sign_in_on_the_pages(&moderator.email).await;
    let res = app.client.get(app.url("/moderation")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Needlessly &lt;b&gt;rude&lt;/b&gt; remark"),
        "the comment, escaped"
    );
    assert!(!html.contains("<b>rude</b>"));
    assert!(
        html.contains("insults the co-facilitators"),
        "the flag note"
    );
    assert!(
        html.contains(&format!(r#"action="/moderation/comments/{cid}""#)),
        "a decision form"
    );

    let csrf = app.csrf("/moderation").await;
    // Without a reason nothing happens.
    let res = app
        .client
        .post(app.url(&format!("/moderation/comments/{cid}")))
        .form(&[("csrf", csrf.as_str()), ("action", "hide"), ("reason", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(status_of(&app, &moderator, &cid).await, "published");
    // Without the CSRF token neither.
    let res = app
        .client
        .post(app.url(&format!("/moderation/comments/{cid}")))
        .form(&[("action", "hide"), ("reason", "Insults")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("audit_log").await, 0);

    let res = app
        .client
        .post(app.url(&format!("/moderation/comments/{cid}")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("action", "hide"),
            ("reason", "Insults the co-facilitators"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/moderation"));
    assert_eq!(status_of(&app, &moderator, &cid).await, "hidden");
    let log = audit_log(&app, &moderator).await;
    assert_eq!(log["items"][0]["action"], "hide");
    assert_eq!(log["items"][0]["reason"], "Insults the co-facilitators");
    let q = queue(&app, &moderator).await;
    assert!(q["items"].as_array().unwrap().is_empty(), "{q}");

    // The log page shows the decision.
    let res = app
        .client
        .get(app.url("/moderation/log"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Insults the co-facilitators"));
}

#[actix_web::test]
async fn a_participant_sees_403_on_the_moderation_pages() {
    let app = spawn_app().await;
    let participant = app.participant(Group::CivilSociety).await;
    // Anonymous visitors are asked to sign in: a redirect to the login page or a 401.
    let res = app.client.get(app.url("/moderation")).send().await.unwrap();
    let status = res.status().as_u16();
    let to_login = res
        .headers()
        .get("location")
        .is_some_and(|l| l.to_str().unwrap().starts_with("/login"));
    assert!(
        status == 401 || (status == 303 && to_login),
        "anonymous /moderation → {status}"
    );
    app.sign_in_on_the_pages(&participant.email).await;
    for path in ["/moderation", "/moderation/log"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 403, "{path}");
    }
}

#[actix_web::test]
async fn the_report_form_on_a_thread_page_records_a_flag() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let reader = app.participant(Group::Government).await;
    let cid = id(&comment_on(&app, &draft, &author, 2, "Visit my shop").await);
    let page = format!("/drafts/{}/paragraphs/{}", id(&draft), paragraph(&draft, 2));

    app.sign_in_on_the_pages(&reader.email).await;
    let html = app
        .client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&format!(r#"action="/comments/{cid}/flag""#)),
        "a report form on the thread"
    );
    let csrf = app.csrf(&page).await;
    let res = app
        .client
        .post(app.url(&format!("/comments/{cid}/flag")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reason", "spam"),
            ("note", "advertising"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&page), "{location}");
    assert_eq!(app.count("flags").await, 1);

    let q = queue(&app, &moderator).await;
    let item = &q["items"][0];
    assert_eq!(id(&item["comment"]), cid);
    assert_eq!(item["why"], "flagged");
    assert_eq!(item["flags"][0]["reason"], "spam");
    assert_eq!(item["flags"][0]["note"], "advertising");

    // Twice is refused, as in the API.
    let res = app
        .client
        .post(app.url(&format!("/comments/{cid}/flag")))
        .form(&[("csrf", csrf.as_str()), ("reason", "spam"), ("note", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(app.count("flags").await, 1);
}

/// The maintained counts (table `comment_counts`, kept by triggers) next to a recount of
/// the comments themselves: (draft, paragraph or 0, group, published), non-zero only.
async fn counts_kept_and_recounted(
    app: &TestApp,
) -> (Vec<(i64, i64, String, i64)>, Vec<(i64, i64, String, i64)>) {
    #[derive(diesel::QueryableByName, PartialEq, Debug)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        d: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        p: i64,
        #[diesel(sql_type = diesel::sql_types::Text)]
        g: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let rows = |sql: &'static str| async move {
        app.db()
            .run(move |conn| Ok(diesel::sql_query(sql).load::<Row>(conn)?))
            .await
            .unwrap()
            .into_iter()
            .map(|r| (r.d, r.p, r.g, r.n))
            .collect::<Vec<_>>()
    };
    let kept = rows(
        "SELECT draft_id AS d, paragraph_key AS p, author_group AS g, published AS n \
         FROM comment_counts WHERE published <> 0 ORDER BY 1, 2, 3",
    )
    .await;
    let recounted = rows(
        "SELECT draft_id AS d, COALESCE(paragraph_id, 0) AS p, author_group AS g, \
         COUNT(*) AS n FROM comments WHERE status = 'published' \
         GROUP BY draft_id, COALESCE(paragraph_id, 0), author_group ORDER BY 1, 2, 3",
    )
    .await;
    (kept, recounted)
}

#[actix_web::test]
async fn the_kept_counts_follow_every_change_of_a_comments_status() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app, "post").await;
    let (_, pre) = open_draft(&app, "pre").await;
    let moderator = app.moderator().await;
    let gov = app.participant(Group::Government).await;
    let cs = app.participant(Group::CivilSociety).await;
    let check = |step: &'static str| {
        let app = &app;
        async move {
            let (kept, recounted) = counts_kept_and_recounted(app).await;
            assert_eq!(kept, recounted, "after {step}");
        }
    };

    let a = comment_on(&app, &draft, &gov, 1, "Access for all, everywhere.").await;
    let b = comment_on(&app, &draft, &cs, 1, "Meaningful connectivity.").await;
    comment_on(&app, &draft, &cs, 2, "Human rights online.").await;
    let general = comment(
        &app,
        &draft,
        &gov,
        json!({"body": "On the draft as a whole."}),
    )
    .await;
    let reply = comment(
        &app,
        &draft,
        &cs,
        json!({"parent_id": id(&a), "body": "Agreed, and affordable too."}),
    )
    .await;
    check("comments, a general comment and a reply").await;
    let (kept, _) = counts_kept_and_recounted(&app).await;
    assert!(
        kept.iter()
            .any(|(_, p, g, n)| *p == 0 && g == "government" && *n == 1),
        "{kept:?}"
    );

    for (target, action) in [
        (&a, "hide"),
        (&a, "restore"),
        (&b, "reject"),
        (&reply, "hide"),
        (&general, "hide"),
        (&general, "restore"),
    ] {
        let (status, d) = decide(
            &app,
            &id(target),
            Some(&moderator.token),
            json!({"action": action, "reason": "Test of the counts"}),
        )
        .await;
        assert_eq!(status, 200, "{action}: {d}");
        check(action).await;
    }

    let withdrawn = app
        .delete_api(&format!("/comments/{}", id(&general)), Some(&gov.token))
        .await;
    assert!(withdrawn.status().is_success(), "{}", withdrawn.status());
    check("a withdrawal").await;

    let pending = comment_on(&app, &pre, &gov, 1, "Waiting for a moderator.").await;
    assert_eq!(pending["status"], "pending");
    check("a pending comment").await;
    let (status, d) = decide(
        &app,
        &id(&pending),
        Some(&moderator.token),
        json!({"action": "approve"}),
    )
    .await;
    assert_eq!(status, 200, "{d}");
    check("an approval").await;

    let c = comment_on(&app, &draft, &gov, 3, "Flag me.").await;
    flag_by_many(&app, &id(&c), 3).await;
    assert_eq!(status_of(&app, &moderator, &id(&c)).await, "hidden");
    check("hidden by flags").await;
    assert_eq!(public_count(&app, &draft, 3).await, 0);
    assert_eq!(
        public_count(&app, &draft, 1).await,
        1,
        "a restored, b rejected, reply hidden"
    );
}
