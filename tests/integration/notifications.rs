//! Notifications: who is emailed about what, preferences, digests, one-click
//! unsubscribe, and delivery that loses nothing and sends nothing twice.

use std::time::Duration;

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::helpers::*;

const DRAFT: &str = "# Connectivity\n\n12. Commits to universal connectivity by 2030;\n\n13. Encourages investment.\n";
const WAIT: Duration = Duration::from_secs(10);

/// An open consultation ("WSIS+20") with a draft ("Zero draft"); returns the draft.
async fn draft(app: &TestApp, moderation: &str) -> Value {
    let admin = app.admin().await;
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20", "moderation": moderation}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    let (_, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", c["id"].as_str().unwrap()),
            &json!({"title": "Outcome", "version_label": "Zero draft", "text": DRAFT}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    d
}

async fn comment(
    app: &TestApp,
    d: &Value,
    who: &TestUser,
    body_text: &str,
    parent: Option<&str>,
) -> Value {
    let mut b = json!({"paragraph_id": d["paragraphs"][0]["id"], "body": body_text});
    if let Some(p) = parent {
        b = json!({"parent_id": p, "body": body_text});
    }
    let (status, c) = body(
        app.post_json(
            &format!("/drafts/{}/comments", d["id"].as_str().unwrap()),
            &b,
            Some(&who.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    c
}

/// Lets the worker run a few passes, so that "nothing arrived" means something.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

#[actix_web::test]
async fn a_reply_notifies_the_parent_author_with_a_good_email() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let ana = app.participant(Group::CivilSociety).await;
    let ben = app.participant(Group::Government).await;
    let parent = comment(&app, &d, &ana, "We need targets.", None).await;
    comment(
        &app,
        &d,
        &ben,
        "Agreed: <b>2030</b> at the latest.",
        Some(parent["id"].as_str().unwrap()),
    )
    .await;

    let mails = app.smtp.wait_for(&ana.email, 1, WAIT).await;
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!(
        m.subject,
        "Reply to your comment on ¶12 — WSIS+20 Zero draft"
    );
    assert!(m.text.contains("Agreed: <b>2030</b> at the latest."));
    let html = m.html.as_ref().expect("an HTML part");
    assert!(
        html.contains("Agreed: &lt;b&gt;2030&lt;/b&gt; at the latest."),
        "escaped in HTML"
    );
    let link = format!(
        "{}/drafts/{}/paragraphs/{}#c-",
        app.address,
        d["id"].as_str().unwrap(),
        d["paragraphs"][0]["id"].as_str().unwrap()
    );
    assert!(m.text.contains(&link), "a link straight to the thread");
    let unsubscribe = m.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(unsubscribe.starts_with(&format!("<{}/unsubscribe?token=", app.address)));
    assert_eq!(
        m.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        !m.text.contains(&ben.email) && !html.contains(&ben.email),
        "no one else's address"
    );
    settle().await;
    assert!(
        app.smtp.to(&ben.email).is_empty(),
        "nobody is emailed about their own action"
    );
}

#[actix_web::test]
async fn followers_hear_of_new_comments_and_unfollowing_stops_it() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let draft_id = d["id"].as_str().unwrap();
    let follower = app.participant(Group::Academia).await;
    let writer = app.participant(Group::PrivateSector).await;
    assert_eq!(
        app.post_json(
            &format!("/drafts/{draft_id}/follow"),
            &json!({}),
            Some(&follower.token)
        )
        .await
        .status(),
        204
    );
    assert_eq!(
        app.post_json(
            &format!("/drafts/{draft_id}/follow"),
            &json!({}),
            Some(&writer.token)
        )
        .await
        .status(),
        204
    );
    comment(&app, &d, &writer, "Investment needs certainty.", None).await;
    let mails = app.smtp.wait_for(&follower.email, 1, WAIT).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "New comment on ¶12 — WSIS+20 Zero draft");
    assert!(mails[0].text.contains("Investment needs certainty."));

    assert_eq!(
        app.delete_api(&format!("/drafts/{draft_id}/follow"), Some(&follower.token))
            .await
            .status(),
        204
    );
    comment(&app, &d, &writer, "A second thought.", None).await;
    settle().await;
    assert_eq!(app.smtp.to(&follower.email).len(), 1);
    assert!(
        app.smtp.to(&writer.email).is_empty(),
        "not about their own comments"
    );
    assert_eq!(
        app.post_json("/drafts/999/follow", &json!({}), Some(&follower.token))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.post_json(&format!("/drafts/{draft_id}/follow"), &json!({}), None)
            .await
            .status(),
        401
    );
}

#[actix_web::test]
async fn writing_in_a_thread_follows_it() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let (a, b, c) = (
        app.participant(Group::Academia).await,
        app.participant(Group::Government).await,
        app.participant(Group::CivilSociety).await,
    );
    let top = comment(&app, &d, &a, "Top.", None).await;
    let top_id = top["id"].as_str().unwrap();
    comment(&app, &d, &b, "First reply.", Some(top_id)).await;
    comment(&app, &d, &c, "Second reply.", Some(top_id)).await;
    let to_b = app.smtp.wait_for(&b.email, 1, WAIT).await;
    assert_eq!(to_b.len(), 1);
    assert!(to_b[0]
        .subject
        .starts_with("New reply on ¶12 in a thread you wrote in"));
    let to_a = app.smtp.wait_for(&a.email, 2, WAIT).await;
    assert_eq!(to_a.len(), 2, "one email per reply, not one per reason");
}

#[actix_web::test]
async fn moderators_decisions_reach_the_author_with_the_reason() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let author = app.participant(Group::PrivateSector).await;
    let moderator = app.moderator().await;
    let c = comment(&app, &d, &author, "Buy our product!", None).await;
    let (status, _) = body(
        app.post_json(
            &format!("/comments/{}/moderation", c["id"].as_str().unwrap()),
            &json!({"action": "hide", "reason": "Advertising is not allowed."}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let mails = app.smtp.wait_for(&author.email, 1, WAIT).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(
        mails[0].subject,
        "Your comment on ¶12 was hidden — WSIS+20 Zero draft"
    );
    assert!(mails[0].text.contains("Advertising is not allowed."));
    assert!(mails[0].text.contains("Buy our product!"));
}

#[actix_web::test]
async fn pre_moderated_comments_alert_moderators_at_most_once_an_hour_and_approval_notifies() {
    let app = spawn_app().await;
    let d = draft(&app, "pre").await;
    let moderator = app.moderator().await;
    let author = app.participant(Group::Academia).await;
    let follower = app.participant(Group::Government).await;
    app.post_json(
        &format!("/drafts/{}/follow", d["id"].as_str().unwrap()),
        &json!({}),
        Some(&follower.token),
    )
    .await;
    let c = comment(&app, &d, &author, "Pending one.", None).await;
    assert_eq!(c["status"], "pending");
    comment(&app, &d, &author, "Pending two.", None).await;
    let alerts = app.smtp.wait_for(&moderator.email, 1, WAIT).await;
    assert_eq!(alerts[0].subject, "Comments await moderation — Plenary");
    settle().await;
    assert_eq!(
        app.smtp.to(&moderator.email).len(),
        1,
        "batched: one alert an hour"
    );
    assert!(
        app.smtp.to(&follower.email).is_empty(),
        "pending comments are not announced"
    );

    app.post_json(
        &format!("/comments/{}/moderation", c["id"].as_str().unwrap()),
        &json!({"action": "approve"}),
        Some(&moderator.token),
    )
    .await;
    let approved = app.smtp.wait_for(&author.email, 1, WAIT).await;
    assert!(approved[0]
        .subject
        .starts_with("Your comment on ¶12 was approved"));
    let announced = app.smtp.wait_for(&follower.email, 1, WAIT).await;
    assert!(announced[0].text.contains("Pending one."));
}

#[actix_web::test]
async fn off_means_no_notification_but_account_emails_still_arrive() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let quiet = app.participant(Group::Academia).await;
    let other = app.participant(Group::Government).await;
    app.patch_json(
        "/me",
        &json!({"notification_mode": "off"}),
        Some(&quiet.token),
    )
    .await;
    let c = comment(&app, &d, &quiet, "Quiet please.", None).await;
    comment(
        &app,
        &d,
        &other,
        "A reply.",
        Some(c["id"].as_str().unwrap()),
    )
    .await;
    settle().await;
    assert!(app.smtp.to(&quiet.email).is_empty());
    app.post_json("/auth/password-reset", &json!({"email": quiet.email}), None)
        .await;
    let mails = app.smtp.wait_for(&quiet.email, 1, WAIT).await;
    assert_eq!(mails.len(), 1, "account emails are always sent");
    assert!(mails[0].header("List-Unsubscribe").is_none());
}

#[actix_web::test]
async fn the_daily_digest_gathers_everything_once_and_says_nothing_when_there_is_nothing() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let reader = app.participant(Group::Academia).await;
    let writer = app.participant(Group::Government).await;
    app.patch_json(
        "/me",
        &json!({"notification_mode": "daily_digest"}),
        Some(&reader.token),
    )
    .await;
    app.post_json(
        &format!("/drafts/{}/follow", d["id"].as_str().unwrap()),
        &json!({}),
        Some(&reader.token),
    )
    .await;
    comment(&app, &d, &writer, "First update.", None).await;
    comment(&app, &d, &writer, "Second update.", None).await;
    settle().await;
    assert!(app.smtp.to(&reader.email).is_empty(), "nothing immediately");

    let ctx = plenary::notifications::fanout::Context {
        base_url: app.state.config.base_url.clone(),
        secret: app.state.keys.secret().to_vec(),
    };
    let ctx2 = ctx.clone();
    let sent = app
        .db()
        .run(move |conn| {
            plenary::notifications::fanout::process_due(conn, &ctx2)?;
            Ok(plenary::notifications::digest::run(conn, &ctx2)?)
        })
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let mails = app.smtp.wait_for(&reader.email, 1, WAIT).await;
    assert_eq!(mails.len(), 1);
    let text = &mails[0].text;
    assert!(text.contains("WSIS+20 — Outcome Zero draft"), "{text}");
    let (first, second) = (
        text.find("First update.").unwrap(),
        text.find("Second update.").unwrap(),
    );
    assert!(first < second, "newest last");
    assert!(mails[0].header("List-Unsubscribe-Post").is_some());

    let again = app
        .db()
        .run(move |conn| Ok(plenary::notifications::digest::run(conn, &ctx)?))
        .await
        .unwrap();
    assert_eq!(again, 0, "no digest when there is nothing to say");
}

#[actix_web::test]
async fn one_click_unsubscribe_turns_notifications_off_without_signing_in() {
    let app = spawn_app().await;
    let d = draft(&app, "post").await;
    let ana = app.participant(Group::Academia).await;
    let ben = app.participant(Group::Government).await;
    let c = comment(&app, &d, &ana, "Hello.", None).await;
    comment(&app, &d, &ben, "Hi.", Some(c["id"].as_str().unwrap())).await;
    let mails = app.smtp.wait_for(&ana.email, 1, WAIT).await;
    let url = mails[0]
        .header("List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .to_string();

    let anonymous = reqwest::Client::new();
    let page = anonymous.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let (_, me) = body(app.get_api("/me", Some(&ana.token)).await).await;
    assert_eq!(me["notification_mode"], "immediate", "GET changes nothing");

    let res = anonymous
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let (_, me) = body(app.get_api("/me", Some(&ana.token)).await).await;
    assert_eq!(me["notification_mode"], "off");

    let forged = url.replace(&format!("token={}", ana.id), &format!("token={}", ben.id));
    assert_eq!(anonymous.post(&forged).send().await.unwrap().status(), 404);
}

#[actix_web::test]
async fn replies_written_while_smtp_is_down_arrive_exactly_once_when_it_is_back() {
    let app = spawn_app_with(|c| c.mail_retry_base = Duration::from_secs(1)).await;
    let d = draft(&app, "post").await;
    let ana = app.participant(Group::Academia).await;
    let top = comment(&app, &d, &ana, "Top.", None).await;
    app.smtp.refuse_with(451);
    let mut writers = Vec::new();
    for i in 0..5 {
        let w = app.participant(Group::Government).await;
        comment(
            &app,
            &d,
            &w,
            &format!("Reply {i}"),
            Some(top["id"].as_str().unwrap()),
        )
        .await;
        writers.push(w);
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(app.smtp.to(&ana.email).is_empty());
    app.smtp.refuse_with(0);
    let mails = app
        .smtp
        .wait_for(&ana.email, 5, Duration::from_secs(30))
        .await;
    assert_eq!(mails.len(), 5);
    settle().await;
    settle().await;
    let mut bodies: Vec<String> = app
        .smtp
        .to(&ana.email)
        .iter()
        .map(|m| m.text.clone())
        .collect();
    assert_eq!(bodies.len(), 5, "exactly once");
    bodies.sort();
    for (i, b) in bodies.iter().enumerate() {
        assert!(b.contains(&format!("Reply {i}")));
    }
}

#[actix_web::test]
async fn two_workers_on_one_database_never_send_an_email_twice() {
    let app = spawn_app_with(|c| c.rate_limits = false).await;
    let d = draft(&app, "post").await;
    let ana = app.participant(Group::Academia).await;
    let top = comment(&app, &d, &ana, "Top.", None).await;
    let writer = app.participant(Group::Government).await;
    for i in 0..30 {
        comment(
            &app,
            &d,
            &writer,
            &format!("Reply {i}"),
            Some(top["id"].as_str().unwrap()),
        )
        .await;
    }
    // Two more workers beside the application's own, on the same database.
    for _ in 0..2 {
        let mut config = (*app.state.config).clone();
        config.worker_poll = Duration::from_millis(20);
        let secret = app.state.keys.secret().to_vec();
        let w = plenary::mail::worker::Worker::new(app.db().clone(), &config, secret).unwrap();
        actix_web::rt::spawn(w.run());
    }
    let mails = app
        .smtp
        .wait_for(&ana.email, 30, Duration::from_secs(20))
        .await;
    assert_eq!(mails.len(), 30);
    settle().await;
    assert_eq!(app.smtp.to(&ana.email).len(), 30, "no duplicates");
}

/// A comment on a draft with more followers than one chunk of the fan-out (`CHUNK`) is
/// written in several transactions; a worker that stopped after some chunks resumes
/// after the last recipient it recorded, so nobody hears of the comment twice and
/// nobody is left out.
#[actix_web::test]
async fn a_large_fan_out_is_written_in_chunks_and_resumes_where_it_stopped() {
    // The background worker runs its first pass at start-up and then sleeps: this test
    // runs the passes itself.
    let app = spawn_app_with(|c| c.worker_poll = Duration::from_secs(3600)).await;
    let d = draft(&app, "post").await;
    let writer = app.participant(Group::Government).await;
    let n = plenary::notifications::fanout::CHUNK * 2 + 30;
    let mut followers = Vec::with_capacity(n);
    for _ in 0..n {
        let f = app.participant(Group::CivilSociety).await;
        let res = app
            .post_json(
                &format!("/drafts/{}/follow", d["id"].as_str().unwrap()),
                &json!({}),
                Some(&f.token),
            )
            .await;
        assert!(res.status().is_success(), "{}", res.status());
        followers.push(f.id);
    }
    followers.sort_unstable();
    comment(&app, &d, &writer, "A new comment for many readers.", None).await;

    // As if an earlier pass had written the first chunk and then been killed.
    let already = followers[plenary::notifications::fanout::CHUNK - 1];
    app.db()
        .run(move |conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query(format!(
                "UPDATE events SET fanout_after = {already} WHERE processed_at IS NULL"
            ))
            .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(app.count("outbox").await, 0);

    let ctx = plenary::notifications::fanout::Context {
        base_url: app.state.config.base_url.clone(),
        secret: app.state.keys.secret().to_vec(),
    };
    let events = app
        .db()
        .run(move |conn| Ok(plenary::notifications::fanout::process_due(conn, &ctx)?))
        .await
        .unwrap();
    assert_eq!(events, 1);
    let rest = n - plenary::notifications::fanout::CHUNK;
    assert_eq!(
        app.count("outbox").await,
        rest as i64,
        "the followers after the recorded one, each once"
    );

    #[derive(diesel::QueryableByName)]
    struct Ev {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        fanout_after: i64,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        done: bool,
    }
    let ev = app
        .db()
        .run(|conn| {
            use diesel::RunQueryDsl;
            Ok(diesel::sql_query(
                "SELECT fanout_after, processed_at IS NOT NULL AS done FROM events",
            )
            .get_result::<Ev>(conn)?)
        })
        .await
        .unwrap();
    assert!(
        ev.done,
        "the event is processed once every chunk is written"
    );
    assert_eq!(
        ev.fanout_after,
        followers[2 * plenary::notifications::fanout::CHUNK - 1],
        "each chunk records its last recipient; the last chunk marks the event done"
    );
}
