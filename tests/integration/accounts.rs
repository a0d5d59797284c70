//! Accounts: registration, verification, sign-in, tokens, password reset, /me, the
//! administration of users, account email through the outbox, and the account pages.

use std::time::Duration;

use base64::Engine;
use plenary::accounts::model::Group;
use serde_json::json;

use crate::helpers::*;

fn registration(email: &str) -> serde_json::Value {
    json!({
        "email": email,
        "password": PASSWORD,
        "display_name": "Ana Souza",
        "stakeholder_group": "civil_society",
        "organization": "Rede Digital",
        "country": "br"
    })
}

#[actix_web::test]
async fn healthz_answers_ok_when_the_database_answers() {
    let app = spawn_app().await;
    let (status, b) = body(app.client.get(app.url("/healthz")).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(b["status"], "ok");
}

#[actix_web::test]
async fn a_new_account_receives_a_verification_email_whose_link_verifies_it() {
    let app = spawn_app().await;
    let (status, b) = body(
        app.post_json("/auth/register", &registration("ana@example.org"), None)
            .await,
    )
    .await;
    assert_eq!(status, 201, "{b}");
    assert_eq!(b["user"]["email_verified"], false);
    assert_eq!(b["user"]["country"], "BR");
    assert_eq!(b["user"]["role"], "participant");

    let mails = app
        .smtp
        .wait_for("ana@example.org", 1, Duration::from_secs(10))
        .await;
    assert_eq!(mails.len(), 1, "one verification email");
    let link = mails[0]
        .link(&format!("{}/verify-email?token=", app.address))
        .expect("a verification link");
    let (_, login) = body(app.login("ANA@example.org", PASSWORD).await).await;
    let token = login["token"].as_str().unwrap().to_string();
    let verified = || async {
        let (_, me) = body(app.get_api("/me", Some(&token)).await).await;
        me["email_verified"].as_bool().unwrap()
    };

    // Opening the link shows a button; it confirms nothing by itself, so a mail
    // scanner or a link preview that fetches it leaves the account as it was.
    let (csrf, hidden) = confirmation_form(&app, &link).await;
    assert!(!verified().await, "a GET must not verify the address");
    assert_eq!(link.split("token=").nth(1), Some(hidden.as_str()));

    // Pressing the button does.
    let res = confirm(&app, &csrf, &hidden).await;
    assert_eq!(res.status(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Your email address is confirmed"));
    assert!(verified().await);

    // The link works once: opening it again says so, and so does pressing again.
    let again = app.client.get(&link).send().await.unwrap();
    assert_eq!(again.status(), 422);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("not valid or has expired"));
    assert_eq!(confirm(&app, &csrf, &hidden).await.status(), 422);
}

/// Opens a confirmation link; returns the CSRF token and the hidden token of its form,
/// whose button must be "Confirm my email address".
async fn confirmation_form(app: &TestApp, link: &str) -> (String, String) {
    let res = app.client.get(link).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let one = |css: &str| {
        doc.select(&scraper::Selector::parse(css).unwrap())
            .next()
            .unwrap_or_else(|| panic!("no {css} in {html}"))
            .value()
            .attr("value")
            .unwrap_or_default()
            .to_string()
    };
    let form =
        scraper::Selector::parse("form[method=post][action='/verify-email'] button[type=submit]")
            .unwrap();
    let button: String = doc
        .select(&form)
        .next()
        .expect("a button that posts the form")
        .text()
        .collect();
    assert_eq!(button.trim(), "Confirm my email address");
    (one("input[name=csrf]"), one("input[name=token]"))
}

async fn confirm(app: &TestApp, csrf: &str, token: &str) -> reqwest::Response {
    app.client
        .post(app.url("/verify-email"))
        .form(&[("csrf", csrf), ("token", token)])
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn the_confirmation_page_is_clear_about_a_missing_or_bad_link_and_needs_its_csrf_token() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/verify-email"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("open the link in the email"), "{html}");
    assert!(
        !html.contains("action=\"/verify-email\""),
        "no button without a token"
    );

    let res = app
        .client
        .get(app.url("/verify-email?token=nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("not valid or has expired"));

    // A real token posted without the form's CSRF token confirms nothing.
    app.post_json("/auth/register", &registration("csrf@example.org"), None)
        .await;
    let mails = app
        .smtp
        .wait_for("csrf@example.org", 1, Duration::from_secs(10))
        .await;
    let link = mails[0]
        .link(&format!("{}/verify-email?token=", app.address))
        .unwrap();
    let (csrf, token) = confirmation_form(&app, &link).await;
    assert_eq!(confirm(&app, "not the token", &token).await.status(), 403);
    let res = app
        .client
        .post(app.url("/verify-email"))
        .header("Origin", "https://attacker.example")
        .form(&[("csrf", csrf.as_str()), ("token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(confirm(&app, &csrf, "").await.status(), 422);
    let (_, login) = body(app.login("csrf@example.org", PASSWORD).await).await;
    let (_, me) = body(app.get_api("/me", login["token"].as_str()).await).await;
    assert_eq!(me["email_verified"], false);
    assert_eq!(confirm(&app, &csrf, &token).await.status(), 200);
}

#[actix_web::test]
async fn verify_email_through_the_api_rejects_an_unknown_token() {
    let app = spawn_app().await;
    let (status, b) = body(
        app.post_json("/auth/verify-email", &json!({"token": "nope"}), None)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["token"].is_array());
}

#[actix_web::test]
async fn registration_names_every_bad_field_and_stores_nothing() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/auth/register",
            &json!({"email": "not-an-email", "password": "short", "display_name": " ",
                    "stakeholder_group": "media", "country": "Kenya", "organization": "x".repeat(201)}),
            None,
        )
        .await;
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let (status, b) = body(res).await;
    assert_eq!(status, 422);
    for field in [
        "email",
        "password",
        "display_name",
        "stakeholder_group",
        "country",
        "organization",
    ] {
        assert!(
            b["errors"][field].is_array(),
            "{field} should be named in {b}"
        );
    }
    assert_eq!(b["status"], 422);
    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("outbox").await, 0);
}

#[actix_web::test]
async fn a_taken_email_is_a_conflict_whatever_its_case() {
    let app = spawn_app().await;
    assert_eq!(
        app.post_json("/auth/register", &registration("dup@example.org"), None)
            .await
            .status(),
        201
    );
    let (status, b) = body(
        app.post_json("/auth/register", &registration("DUP@Example.ORG"), None)
            .await,
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(b["type"], "https://plenary.example/problems/conflict");
    assert_eq!(app.count("users").await, 1);
}

#[actix_web::test]
async fn malformed_json_unknown_fields_and_oversized_bodies_get_400_422_and_413() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.api("/auth/login"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    let (status, b) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": "a@b.org", "password": "x", "admin": true}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["admin"].is_array(), "{b}");

    let (status, b) = body(
        app.post_json("/auth/login", &json!({"email": "a@b.org"}), None)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["password"].is_array(), "{b}");

    let big = json!({"email": "a@b.org", "password": "x".repeat(70 * 1024)});
    assert_eq!(app.post_json("/auth/login", &big, None).await.status(), 413);
}

#[actix_web::test]
async fn unknown_emails_and_wrong_passwords_get_the_same_401() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let wrong = app.login(&user.email, "not the password at all").await;
    let unknown = app
        .login("nobody@example.org", "not the password at all")
        .await;
    let (s1, b1) = body(wrong).await;
    let (s2, b2) = body(unknown).await;
    assert_eq!((s1, s2), (401, 401));
    assert_eq!(b1, b2);
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 200);
}

#[actix_web::test]
async fn ten_failed_logins_lock_the_account_for_a_while_with_retry_after() {
    let app = spawn_app().await;
    let user = app.participant(Group::Government).await;
    for _ in 0..10 {
        assert_eq!(
            app.login(&user.email, "wrong password here").await.status(),
            401
        );
    }
    let res = app.login(&user.email, PASSWORD).await;
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
}

#[actix_web::test]
async fn rate_limits_can_be_switched_off() {
    let app = spawn_app_with(|c| c.rate_limits = false).await;
    let user = app.participant(Group::Government).await;
    for _ in 0..11 {
        app.login(&user.email, "wrong password here").await;
    }
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 200);
}

#[actix_web::test]
async fn a_suspended_account_cannot_sign_in_and_its_tokens_stop_working() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let user = app.participant(Group::PrivateSector).await;
    let (status, _) = body(
        app.patch_json(
            &format!("/admin/users/{}", user.id),
            &json!({"suspended": true}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(app.get_api("/me", Some(&user.token)).await.status(), 401);
    let (status, _) = body(app.login(&user.email, PASSWORD).await).await;
    assert_eq!(status, 403);
    // A wrong password for a suspended account is still just a 401: nothing is revealed.
    assert_eq!(
        app.login(&user.email, "wrong password here").await.status(),
        401
    );
}

fn forge(header: &serde_json::Value, claims: &serde_json::Value, signature: &str) -> String {
    let enc = |v: &serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    format!("{}.{}.{}", enc(header), enc(claims), signature)
}

#[actix_web::test]
async fn tampered_unsigned_expired_and_foreign_tokens_are_rejected() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    assert_eq!(app.get_api("/me", Some(&user.token)).await.status(), 200);

    let parts: Vec<&str> = user.token.split('.').collect();
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"sub": user.id.to_string(), "role": "admin", "ver": 0, "iat": now, "exp": now + 3600, "iss": "plenary", "aud": "plenary"});
    // Elevated role with the original signature.
    let tampered = forge(&json!({"typ": "JWT", "alg": "HS256"}), &claims, parts[2]);
    let alg_none = forge(&json!({"typ": "JWT", "alg": "none"}), &claims, "");
    let keys = plenary::auth::token::Keys::new(b"someone else's key, 32 bytes...!");
    let (foreign, _) = keys.issue(user.id, "participant", 0).unwrap();
    let expired_claims = json!({"sub": user.id.to_string(), "role": "participant", "ver": 0, "iat": now - 50000, "exp": now - 3600, "iss": "plenary", "aud": "plenary"});
    let expired = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &expired_claims,
        &jsonwebtoken::EncodingKey::from_secret(b"irrelevant: the expiry fails first"),
    )
    .unwrap();
    for bad in [
        tampered.as_str(),
        alg_none.as_str(),
        foreign.as_str(),
        expired.as_str(),
        "garbage",
    ] {
        let res = app.get_api("/me", Some(bad)).await;
        assert_eq!(res.status(), 401, "{bad}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
    }
    assert_eq!(app.get_api("/me", None).await.status(), 401);
}

#[actix_web::test]
async fn changing_the_password_invalidates_every_earlier_token() {
    let app = spawn_app().await;
    let user = app.participant(Group::TechnicalCommunity).await;
    let (_, other_session) = body(app.login(&user.email, PASSWORD).await).await;
    let other = other_session["token"].as_str().unwrap().to_string();

    let (status, b) = body(app.post_json("/me/password", &json!({"current_password": "wrong one here", "new_password": "a brand new passphrase"}), Some(&user.token)).await).await;
    assert_eq!(status, 422);
    assert!(b["errors"]["current_password"].is_array());

    let (status, b) = body(
        app.post_json(
            "/me/password",
            &json!({"current_password": PASSWORD, "new_password": "a brand new passphrase"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let fresh = b["token"].as_str().unwrap().to_string();
    assert_eq!(app.get_api("/me", Some(&user.token)).await.status(), 401);
    assert_eq!(app.get_api("/me", Some(&other)).await.status(), 401);
    assert_eq!(app.get_api("/me", Some(&fresh)).await.status(), 200);
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 401);
    assert_eq!(
        app.login(&user.email, "a brand new passphrase")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn sign_out_everywhere_revokes_every_token() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let res = app
        .post_json("/auth/logout", &json!({}), Some(&user.token))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.get_api("/me", Some(&user.token)).await.status(), 401);
}

#[actix_web::test]
async fn a_password_reset_link_works_once_within_the_hour_and_revokes_old_tokens() {
    let app = spawn_app().await;
    let user = app.participant(Group::CivilSociety).await;

    let (s_known, b_known) = body(
        app.post_json("/auth/password-reset", &json!({"email": user.email}), None)
            .await,
    )
    .await;
    let (s_unknown, b_unknown) = body(
        app.post_json(
            "/auth/password-reset",
            &json!({"email": "ghost@example.org"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!((s_known, s_unknown), (202, 202));
    assert_eq!(b_known, b_unknown);

    let mails = app
        .smtp
        .wait_for(&user.email, 1, Duration::from_secs(10))
        .await;
    let link = mails[0]
        .link(&format!("{}/password-reset?token=", app.address))
        .expect("a reset link");
    let token = link.split("token=").nth(1).unwrap().to_string();
    // The page behind the link offers a form; it does not consume the token.
    let page = app
        .client
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("name=\"token\""));

    let (status, b) = body(
        app.post_json(
            "/auth/password-reset/confirm",
            &json!({"token": token, "password": "short"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["password"].is_array());

    let (status, _) = body(
        app.post_json(
            "/auth/password-reset/confirm",
            &json!({"token": token, "password": "my new long password"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(app.get_api("/me", Some(&user.token)).await.status(), 401);
    assert_eq!(
        app.login(&user.email, "my new long password")
            .await
            .status(),
        200
    );

    let (status, _) = body(
        app.post_json(
            "/auth/password-reset/confirm",
            &json!({"token": token, "password": "another long password"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "a reset token works once");
    assert!(app.smtp.to("ghost@example.org").is_empty());
}

#[actix_web::test]
async fn an_expired_reset_token_is_refused() {
    let app = spawn_app().await;
    let user = app.participant(Group::CivilSociety).await;
    app.post_json("/auth/password-reset", &json!({"email": user.email}), None)
        .await;
    let mails = app
        .smtp
        .wait_for(&user.email, 1, Duration::from_secs(10))
        .await;
    let link = mails[0]
        .link(&format!("{}/password-reset?token=", app.address))
        .unwrap();
    let token = link.split("token=").nth(1).unwrap().to_string();
    app.db()
        .run(|conn| {
            use diesel::prelude::*;
            use plenary::db::schema::account_tokens;
            diesel::update(account_tokens::table)
                .set(
                    account_tokens::expires_at
                        .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let (status, _) = body(
        app.post_json(
            "/auth/password-reset/confirm",
            &json!({"token": token, "password": "my new long password"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn account_tokens_are_stored_hashed() {
    let app = spawn_app().await;
    app.post_json("/auth/register", &registration("hash@example.org"), None)
        .await;
    let mails = app
        .smtp
        .wait_for("hash@example.org", 1, Duration::from_secs(10))
        .await;
    let link = mails[0]
        .link(&format!("{}/verify-email?token=", app.address))
        .unwrap();
    let token = link.split("token=").nth(1).unwrap().to_string();
    let stored: Vec<String> = app
        .db()
        .run(|conn| {
            use diesel::prelude::*;
            use plenary::db::schema::account_tokens;
            Ok(account_tokens::table
                .select(account_tokens::token_hash)
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
    assert_eq!(stored[0], plenary::accounts::service::digest(&token));
}

#[actix_web::test]
async fn me_can_be_read_and_changed_but_only_in_allowed_ways() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let (status, me) = body(app.get_api("/me", Some(&user.token)).await).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], user.email.as_str());
    assert_eq!(me["notification_mode"], "immediate");
    assert_eq!(me["suspended"], false);

    let (status, me) = body(app.patch_json("/me", &json!({"display_name": "Dr. Chen", "notification_mode": "daily_digest", "country": null}), Some(&user.token)).await).await;
    assert_eq!(status, 200);
    assert_eq!(me["display_name"], "Dr. Chen");
    assert_eq!(me["notification_mode"], "daily_digest");
    assert!(me["country"].is_null());

    let (status, b) = body(
        app.patch_json(
            "/me",
            &json!({"notification_mode": "hourly", "display_name": ""}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["notification_mode"].is_array() && b["errors"]["display_name"].is_array());

    // Mass assignment: role and verification are not fields of /me.
    let (status, b) = body(
        app.patch_json("/me", &json!({"role": "admin"}), Some(&user.token))
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["role"].is_array());
    let (_, me) = body(app.get_api("/me", Some(&user.token)).await).await;
    assert_eq!(me["role"], "participant");
    assert_eq!(me["display_name"], "Dr. Chen");
}

#[actix_web::test]
async fn only_admins_change_roles_and_verify_affiliations() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let moderator = app.moderator().await;
    let participant = app.participant(Group::Government).await;
    let other = app.participant(Group::Government).await;
    let path = format!("/admin/users/{}", other.id);

    assert_eq!(app.get_api("/admin/users", None).await.status(), 401);
    assert_eq!(
        app.get_api("/admin/users", Some(&participant.token))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.patch_json(&path, &json!({"suspended": true}), Some(&participant.token))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.patch_json(&path, &json!({"role": "moderator"}), Some(&moderator.token))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.patch_json(
            &path,
            &json!({"affiliation_verified": true}),
            Some(&moderator.token)
        )
        .await
        .status(),
        403
    );

    let (status, b) = body(
        app.patch_json(
            &path,
            &json!({"role": "moderator", "affiliation_verified": true}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["role"], "moderator");
    assert_eq!(b["affiliation_verified"], true);
    // A role change revokes the account's tokens.
    assert_eq!(app.get_api("/me", Some(&other.token)).await.status(), 401);

    let (status, b) = body(
        app.patch_json(&path, &json!({"role": "emperor"}), Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["role"].is_array());
    assert_eq!(
        app.patch_json(
            "/admin/users/999",
            &json!({"suspended": true}),
            Some(&admin.token)
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        app.patch_json(
            "/admin/users/abc",
            &json!({"suspended": true}),
            Some(&admin.token)
        )
        .await
        .status(),
        404
    );

    let (status, list) = body(
        app.get_api("/admin/users?role=moderator", Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.count("audit_log").await,
        2,
        "role change and verification are logged"
    );
}

#[actix_web::test]
async fn moderators_may_suspend_participants_only() {
    let app = spawn_app().await;
    let moderator = app.moderator().await;
    let other_moderator = app.moderator().await;
    let participant = app.participant(Group::Academia).await;

    let (status, b) = body(
        app.patch_json(
            &format!("/admin/users/{}", participant.id),
            &json!({"suspended": true, "reason": "spam"}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        b.get("email").is_none(),
        "moderators do not see email addresses"
    );
    assert_eq!(
        app.patch_json(
            &format!("/admin/users/{}", other_moderator.id),
            &json!({"suspended": true}),
            Some(&moderator.token)
        )
        .await
        .status(),
        403
    );
    let (status, b) = body(
        app.patch_json(
            &format!("/admin/users/{}", participant.id),
            &json!({"suspended": false}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(b["role"], "participant");
    assert_eq!(app.count("audit_log").await, 2);
    assert_eq!(
        app.get_api("/admin/users", Some(&moderator.token))
            .await
            .status(),
        403,
        "the account list is for admins"
    );
}

#[actix_web::test]
async fn the_admin_user_list_pages_with_a_cursor() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for _ in 0..4 {
        app.participant(Group::Academia).await;
    }
    let (_, p1) = body(
        app.get_api("/admin/users?limit=3", Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(p1["items"].as_array().unwrap().len(), 3);
    let cursor = p1["next_cursor"].as_str().unwrap();
    let (_, p2) = body(
        app.get_api(
            &format!("/admin/users?limit=3&cursor={cursor}"),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(p2["items"].as_array().unwrap().len(), 2);
    assert!(p2["next_cursor"].is_null());
    let (status, b) = body(
        app.get_api("/admin/users?limit=500", Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(b["errors"]["limit"].is_array());
    let (status, _) = body(
        app.get_api("/admin/users?cursor=zzz", Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn an_email_written_while_smtp_is_down_arrives_when_it_comes_back() {
    // Reserve a port, start the app pointing at it with nothing listening, then start
    // the SMTP server there once the registration has been acknowledged.
    let reserved = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = reserved.local_addr().unwrap().port();
    drop(reserved);
    let placeholder = Smtp::start();
    let app = spawn_app_with_smtp(placeholder, |c| {
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    assert_eq!(
        app.post_json("/auth/register", &registration("late@example.org"), None)
            .await
            .status(),
        201
    );
    // The worker tries, fails, and schedules a retry.
    let start = std::time::Instant::now();
    loop {
        let attempts: i32 = app
            .db()
            .run(|conn| {
                use diesel::prelude::*;
                use plenary::db::schema::outbox;
                Ok(outbox::table.select(outbox::attempts).first(conn)?)
            })
            .await
            .unwrap();
        if attempts >= 1 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the worker never tried"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let smtp = Smtp::start_on(std::net::TcpListener::bind(("127.0.0.1", port)).unwrap());
    // First retry within 30 s.
    let mails = smtp
        .wait_for("late@example.org", 1, Duration::from_secs(35))
        .await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("Confirm"));
}

#[actix_web::test]
async fn a_permanent_smtp_refusal_marks_the_email_failed() {
    let app = spawn_app().await;
    app.smtp.refuse_with(550);
    app.post_json("/auth/register", &registration("refused@example.org"), None)
        .await;
    let start = std::time::Instant::now();
    loop {
        let status: String = app
            .db()
            .run(|conn| {
                use diesel::prelude::*;
                use plenary::db::schema::outbox;
                Ok(outbox::table.select(outbox::status).first(conn)?)
            })
            .await
            .unwrap();
        if status == "failed" {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "still {status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[actix_web::test]
async fn without_smtp_emails_are_written_as_eml_files() {
    let app = spawn_app_with(|c| c.smtp_url = None).await;
    app.post_json("/auth/register", &registration("file@example.org"), None)
        .await;
    let start = std::time::Instant::now();
    loop {
        let files: Vec<_> = std::fs::read_dir(&app.mail_dir)
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        if let Some(f) = files
            .iter()
            .find(|f| f.path().extension().is_some_and(|e| e == "eml"))
        {
            let text = std::fs::read_to_string(f.path()).unwrap();
            assert!(text.contains("file@example.org"));
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// ------------------------------------------------------------------------------------
// Pages

#[actix_web::test]
async fn the_register_page_creates_an_account_and_refuses_a_missing_csrf_token() {
    let app = spawn_app().await;
    let csrf = app.csrf("/register").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "page@example.org"),
        ("password", PASSWORD),
        ("display_name", "Page <b>User</b>"),
        ("stakeholder_group", "academia"),
        ("organization", ""),
        ("country", ""),
    ];
    let res = app
        .client
        .post(app.url("/register"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("users").await, 1);

    let mut forged = form;
    forged[0] = ("csrf", "forged");
    forged[1] = ("email", "other@example.org");
    let res = app
        .client
        .post(app.url("/register"))
        .form(&forged)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("users").await, 1);
}

#[actix_web::test]
async fn the_register_page_shows_field_errors_linked_to_their_fields() {
    let app = spawn_app().await;
    let csrf = app.csrf("/register").await;
    let res = app
        .client
        .post(app.url("/register"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "bad"),
            ("password", "x"),
            ("display_name", "A"),
            ("stakeholder_group", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"aria-describedby="f-email-error""#));
    assert!(html.contains(r#"id="f-email-error""#));
    assert!(html.contains(r#"aria-invalid="true""#));
}

#[actix_web::test]
async fn signing_in_on_the_page_sets_a_safe_cookie_and_shows_my_account() {
    let app = spawn_app().await;
    let user = app.participant(Group::Government).await;
    let csrf = app.csrf("/login").await;
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", user.email.as_str()),
            ("password", PASSWORD),
            ("next", "/me"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("plenary_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let me = app
        .client
        .get(app.url("/me"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(me.contains(&user.email));

    // The API ignores the cookie.
    assert_eq!(
        app.client
            .get(app.api("/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    let csrf = app.csrf("/me").await;
    let res = app
        .client
        .post(app.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = app.client.get(app.url("/me")).send().await.unwrap();
    assert_eq!(res.status(), 303, "signed out: /me redirects to sign in");
}

#[actix_web::test]
async fn a_wrong_password_on_the_page_says_so_without_saying_which() {
    let app = spawn_app().await;
    let csrf = app.csrf("/login").await;
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "nobody@example.org"),
            ("password", "whatever it is"),
            ("next", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("The email address or password is not correct."));
}

#[actix_web::test]
async fn user_text_is_escaped_on_the_pages() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    app.patch_json(
        "/me",
        &json!({"display_name": "<script>alert(1)</script>"}),
        Some(&user.token),
    )
    .await;
    let csrf = app.csrf("/login").await;
    app.client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", user.email.as_str()),
            ("password", PASSWORD),
            ("next", "/me"),
        ])
        .send()
        .await
        .unwrap();
    let html = app
        .client
        .get(app.url("/me"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[actix_web::test]
async fn registration_is_rate_limited_per_address() {
    let app = spawn_app().await;
    for i in 0..10 {
        let mut bad = registration(&format!("r{i}@example.org"));
        bad["password"] = json!("short");
        let res = app.post_json("/auth/register", &bad, None).await;
        assert_eq!(res.status(), 422);
    }
    let res = app
        .post_json("/auth/register", &registration("r11@example.org"), None)
        .await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}
