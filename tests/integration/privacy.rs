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

// ------------------------------------------------------------------------------------
// Delete my account

const NAME: &str = "Zanele Okonkwo-Lindqvist";
const ORG: &str = "Sunbird Digital Rights Collective";
const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

async fn delete_me(app: &TestApp, token: &str, body_: Value) -> (u16, Value) {
    body(
        app.client
            .delete(app.api("/me"))
            .bearer_auth(token)
            .json(&body_)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// Every text column of every table, as (table, column), read from the catalogue.
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    #[derive(diesel::QueryableByName)]
    struct Col {
        #[diesel(sql_type = diesel::sql_types::Text)]
        t: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        c: String,
    }
    let sql = if on_postgres() {
        "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
         WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')"
    } else {
        "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND upper(p.type) IN ('TEXT', 'VARCHAR')"
    };
    app.db()
        .run(move |conn| {
            use diesel::RunQueryDsl;
            Ok(diesel::sql_query(sql).load::<Col>(conn)?)
        })
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.t, c.c))
        .collect()
}

/// The (table, column) pairs where `needle` appears, ignoring case.
async fn traces_of(app: &TestApp, needle: &str) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut found = Vec::new();
    for (t, c) in text_columns(app).await {
        let place = if on_postgres() { "$1" } else { "?" };
        let sql = format!("SELECT COUNT(*) AS n FROM \"{t}\" WHERE lower(\"{c}\") LIKE {place}");
        let pattern = format!("%{}%", needle.to_lowercase());
        let n = app
            .db()
            .run(move |conn| {
                use diesel::RunQueryDsl;
                Ok(diesel::sql_query(sql)
                    .bind::<diesel::sql_types::Text, _>(pattern)
                    .get_result::<N>(conn)?
                    .n)
            })
            .await
            .unwrap();
        if n > 0 {
            found.push(format!("{t}.{c} ({n})"));
        }
    }
    found
}

fn xlsx_text(bytes: &[u8]) -> String {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        for row in book.worksheet_range(&name).unwrap().rows() {
            for cell in row {
                out.push_str(&cell.to_string());
                out.push('\t');
            }
        }
    }
    out
}

#[actix_web::test]
async fn deleting_my_account_erases_me_everywhere_and_keeps_my_comments_as_former_participant() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let d = id(&draft);
    let me = app.participant(Group::CivilSociety).await;
    let follower = app.participant(Group::Academia).await;
    let (s, b) = body(
        app.patch_json(
            "/me",
            &json!({"display_name": NAME, "organization": ORG, "country": "ZA"}),
            Some(&me.token),
        )
        .await,
    )
    .await;
    assert_eq!(s, 200, "{b}");
    // Someone follows the draft, so my comment is mailed to them with my name in it.
    let res = app
        .post_json(
            &format!("/drafts/{d}/follow"),
            &json!({}),
            Some(&follower.token),
        )
        .await;
    assert_eq!(res.status(), 204);
    let res = app
        .post_json(&format!("/drafts/{d}/follow"), &json!({}), Some(&me.token))
        .await;
    assert_eq!(res.status(), 204);
    let mut mine = Vec::new();
    for attribution in ["organization", "name", "group"] {
        let (s, c) = body(
            app.post_json(
                &format!("/drafts/{d}/comments"),
                &json!({"paragraph_id": paragraph(&draft, 1), "attribution": attribution,
                        "body": format!("KEPTWORDS signed by {attribution}.")}),
                Some(&me.token),
            )
            .await,
        )
        .await;
        assert_eq!(s, 201, "{c}");
        mine.push(id(&c));
    }
    let mails = app.smtp.wait_for(&follower.email, 3, WAIT).await;
    let texts: Vec<&str> = mails.iter().map(|m| m.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.contains(NAME)),
        "the follower was told, by name: {texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains(ORG)), "{texts:?}");
    // A sign-in of my own, in my security history.
    let (s, signed_in) = body(app.login(&me.email, PASSWORD).await).await;
    assert_eq!(s, 200, "{signed_in}");
    let session = signed_in["token"].as_str().unwrap().to_string();
    let (s, data) = body(app.get_api("/me/export", Some(&me.token)).await).await;
    assert_eq!(s, 200);
    let kinds: Vec<&str> = data["security_events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"sign_in"), "{data}");
    assert!(
        !traces_of(&app, NAME).await.is_empty(),
        "the scan finds the name before"
    );

    // The wrong password deletes nothing; neither does another's token.
    let before = app.count("users WHERE deleted_at IS NULL").await;
    let (s, b) = delete_me(&app, &me.token, json!({"password": "not my password"})).await;
    assert_eq!(s, 422, "{b}");
    assert!(b["errors"]["password"].is_array(), "{b}");
    let (s, b) = delete_me(&app, &me.token, json!({})).await;
    assert_eq!(s, 422, "{b}");
    assert!(b["errors"]["password"].is_array(), "{b}");
    assert_eq!(app.count("users WHERE deleted_at IS NULL").await, before);
    let (s, b) = body(app.get_api("/me", Some(&me.token)).await).await;
    assert_eq!((s, b["email"].as_str()), (200, Some(me.email.as_str())));

    let (s, b) = delete_me(&app, &me.token, json!({"password": PASSWORD})).await;
    assert_eq!(s, 204, "{b}");

    // Every token of the account stops at once.
    for token in [&me.token, &session] {
        let res = app.get_api("/me", Some(token)).await;
        assert_eq!(res.status(), 401);
    }
    assert_eq!(app.login(&me.email, PASSWORD).await.status(), 401);
    let (s, _) = delete_me(&app, &me.token, json!({"password": PASSWORD})).await;
    assert_eq!(s, 401);

    // No trace of the address, the name or the organization in any text column.
    for needle in [me.email.as_str(), NAME, ORG] {
        let found = traces_of(&app, needle).await;
        assert!(found.is_empty(), "{needle:?} is still in {found:?}");
    }
    assert_eq!(
        app.count(&*format!("follows WHERE user_id = {}", me.id).leak())
            .await,
        0
    );
    assert_eq!(
        app.count(&*format!("security_events WHERE user_id = {}", me.id).leak())
            .await,
        0
    );

    // The comments stay, signed "Former participant" with the group of the time.
    let (s, page) = body(
        app.get_api(&format!("/drafts/{d}/comments?limit=100"), None)
            .await,
    )
    .await;
    assert_eq!(s, 200);
    let items: Vec<&Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| mine.contains(&id(c)))
        .collect();
    assert_eq!(items.len(), 3, "{page}");
    for c in &items {
        assert!(c["body"].as_str().unwrap().contains("KEPTWORDS"), "{c}");
        assert_eq!(c["author"]["stakeholder_group"], "civil_society");
        assert!(c["author"]["organization"].is_null(), "{c}");
        assert!(c["author"]["country"].is_null(), "{c}");
    }
    let signed = |a: &str| {
        items
            .iter()
            .find(|c| c["body"].as_str().unwrap().contains(&format!("by {a}.")))
            .unwrap()["author"]["display_name"]
            .clone()
    };
    assert_eq!(signed("organization"), "Former participant");
    assert_eq!(signed("name"), "Former participant");
    assert!(
        signed("group").is_null(),
        "an unsigned comment stays unsigned"
    );

    let reading = app.page(&format!("/drafts/{d}")).await;
    assert!(reading.contains("Former participant"), "{reading}");
    for format in ["csv", "json", "html", "xlsx"] {
        let res = app
            .get_api(
                &format!("/drafts/{d}/export?format={format}"),
                Some(&admin.token),
            )
            .await;
        assert_eq!(res.status(), 200, "{format}");
        let bytes = res.bytes().await.unwrap();
        let text = if format == "xlsx" {
            xlsx_text(&bytes)
        } else {
            String::from_utf8(bytes.to_vec()).unwrap()
        };
        assert!(text.contains("KEPTWORDS"), "{format}: the input is kept");
        assert!(text.contains("Former participant"), "{format}: {text}");
        for needle in [NAME, ORG, me.email.as_str()] {
            assert!(!text.contains(needle), "{format} still holds {needle:?}");
        }
    }

    // The address is free again.
    let (s, b) = body(
        app.post_json(
            "/auth/register",
            &json!({"email": me.email, "password": "a brand new passphrase",
                    "display_name": "Zanele again", "stakeholder_group": "academia"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(s, 201, "{b}");
}

#[actix_web::test]
async fn the_second_factor_is_asked_again_before_deleting() {
    let app = spawn_app().await;
    let _admin = app.admin().await;
    let me = app.participant(Group::Academia).await;
    let secret = crate::security::with_second_factor(&app, &me).await;
    let (s, b) = delete_me(&app, &me.token, json!({"password": PASSWORD})).await;
    assert_eq!(s, 422, "{b}");
    assert!(b["errors"]["code"].is_array(), "{b}");
    let (s, b) = delete_me(
        &app,
        &me.token,
        json!({"password": PASSWORD, "code": "000000"}),
    )
    .await;
    assert_eq!(s, 422, "{b}");
    assert_eq!(app.count("users WHERE deleted_at IS NOT NULL").await, 0);
    let code =
        plenary::auth::mfa::code_at_step(&secret, plenary::auth::mfa::current_step() + 1).unwrap();
    let (s, b) = delete_me(&app, &me.token, json!({"password": PASSWORD, "code": code})).await;
    assert_eq!(s, 204, "{b}");
    assert_eq!(app.count("recovery_codes").await, 0);
}

#[actix_web::test]
async fn an_admin_deletes_an_account_on_request_and_the_audit_log_keeps_only_the_fact() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let holder = app.participant(Group::Government).await;

    let res = app
        .delete_api(
            &format!("/admin/users/{}", holder.id),
            Some(&moderator.token),
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .delete_api(&format!("/admin/users/{}", admin.id), Some(&admin.token))
        .await;
    assert_eq!(
        res.status(),
        403,
        "not one's own account, without the password"
    );
    // The only admin may not leave the platform without one.
    let (s, b) = delete_me(&app, &admin.token, json!({"password": PASSWORD})).await;
    assert_eq!(s, 409, "{b}");

    let res = app
        .delete_api(&format!("/admin/users/{}", holder.id), Some(&admin.token))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.get_api("/me", Some(&holder.token)).await.status(), 401);
    let res = app
        .delete_api(&format!("/admin/users/{}", holder.id), Some(&admin.token))
        .await;
    assert_eq!(res.status(), 404, "already deleted");
    let res = app
        .patch_json(
            &format!("/admin/users/{}", holder.id),
            &json!({"role": "admin"}),
            Some(&admin.token),
        )
        .await;
    assert_eq!(
        res.status(),
        404,
        "a deleted account cannot be brought back"
    );
    assert_eq!(
        app.count(
            &*format!(
                "audit_log WHERE action = 'account_deleted' AND target_id = {} AND actor_id = {} AND reason IS NULL",
                holder.id, admin.id
            )
            .leak()
        )
        .await,
        1
    );
    let (s, list) = body(app.get_api("/admin/users", Some(&admin.token)).await).await;
    assert_eq!(s, 200);
    assert!(!list.to_string().contains(&holder.email), "{list}");
    assert!(traces_of(&app, &holder.email).await.is_empty());

    // With a second admin, the first may go.
    let other_admin = app.admin().await;
    let (s, b) = delete_me(&app, &admin.token, json!({"password": PASSWORD})).await;
    assert_eq!(s, 204, "{b}");
    assert_eq!(
        app.get_api("/me", Some(&other_admin.token)).await.status(),
        200
    );
}

#[actix_web::test]
async fn deleting_on_the_pages_explains_what_stays_then_signs_out() {
    let app = spawn_app().await;
    let _admin = app.admin().await;
    let me = app.participant(Group::PrivateSector).await;
    app.sign_in_on_the_pages(&me.email).await;
    let page = app.page("/me").await;
    assert!(page.contains("href=\"/me/delete\""), "{page}");
    let form = app.page("/me/delete").await;
    assert!(form.contains("Former participant"), "{form}");
    assert!(form.contains("stakeholder group"), "{form}");
    let csrf = app.csrf("/me/delete").await;
    let res = app
        .client
        .post(app.url("/me/delete"))
        .form(&[("csrf", csrf.as_str()), ("password", "not my password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("users WHERE deleted_at IS NOT NULL").await, 0);
    let res = app
        .client
        .post(app.url("/me/delete"))
        .form(&[("csrf", csrf.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/me/deleted");
    assert_eq!(app.count("users WHERE deleted_at IS NOT NULL").await, 1);
    let res = app.client.get(app.url("/me")).send().await.unwrap();
    assert_eq!(
        res.status(),
        303,
        "signed out: /me sends to the sign-in page"
    );
}

#[actix_web::test]
async fn the_privacy_notice_says_how_long_and_is_linked_from_every_page_and_registration() {
    let app = spawn_app_with(|c| c.retention_days = 90).await;
    let notice = app.page("/privacy").await;
    assert!(notice.contains("90 days"), "{notice}");
    assert!(!notice.contains("{days}"), "{notice}");
    for path in ["/", "/register", "/login"] {
        assert!(app.page(path).await.contains("href=\"/privacy\""), "{path}");
    }
}

// ------------------------------------------------------------------------------------
// Retention

#[actix_web::test]
async fn the_retention_purge_forgets_old_emails_events_and_links_and_keeps_recent_ones() {
    use chrono::{Duration, Utc};
    use diesel::prelude::*;
    use plenary::db::schema::{account_tokens, login_failures, outbox, security_events};
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let now = Utc::now().naive_utc();
    let (old, recent) = (now - Duration::days(181), now - Duration::days(179));
    let uid = user.id;
    app.db()
        .run(move |conn| {
            for (i, at) in [old, recent].into_iter().enumerate() {
                for status in ["sent", "failed", "pending"] {
                    diesel::insert_into(outbox::table)
                        .values((
                            outbox::id.eq(plenary::ids::new_id()),
                            outbox::to_address.eq(format!("keep{i}@example.org")),
                            outbox::subject.eq("S"),
                            outbox::body_text.eq("B"),
                            outbox::status.eq(status),
                            outbox::attempts.eq(1),
                            outbox::next_attempt_at.eq(at + Duration::days(400)),
                            outbox::created_at.eq(at),
                            outbox::sent_at.eq((status == "sent").then_some(at)),
                        ))
                        .execute(conn)?;
                }
                diesel::insert_into(security_events::table)
                    .values((
                        security_events::id.eq(plenary::ids::new_id()),
                        security_events::user_id.eq(uid),
                        security_events::kind.eq("sign_in"),
                        security_events::detail.eq("d"),
                        security_events::at.eq(at),
                    ))
                    .execute(conn)?;
                diesel::insert_into(login_failures::table)
                    .values((
                        login_failures::id.eq(plenary::ids::new_id()),
                        login_failures::address_key.eq("k"),
                        login_failures::at.eq(at),
                    ))
                    .execute(conn)?;
                diesel::insert_into(account_tokens::table)
                    .values((
                        account_tokens::id.eq(plenary::ids::new_id()),
                        account_tokens::user_id.eq(uid),
                        account_tokens::purpose.eq("verify_email"),
                        account_tokens::token_hash.eq(format!("hash{i}")),
                        account_tokens::expires_at.eq(at),
                        account_tokens::created_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    // The worker's first pass may purge too, at the same moment: what is left is what
    // counts, not which of the two deleted it.
    app.db()
        .run(move |conn| Ok(plenary::accounts::retention::purge(conn, 180, now)?))
        .await
        .unwrap();
    assert_eq!(app.count("security_events WHERE detail = 'd'").await, 1);
    assert_eq!(app.count("login_failures WHERE address_key = 'k'").await, 1);
    // The pending email stays whatever its age; everything recent stays.
    assert_eq!(
        app.count("outbox WHERE to_address = 'keep0@example.org'")
            .await,
        1
    );
    assert_eq!(
        app.count("outbox WHERE to_address = 'keep1@example.org'")
            .await,
        3
    );
    assert_eq!(
        app.count("account_tokens WHERE token_hash LIKE 'hash%'")
            .await,
        1
    );
}
