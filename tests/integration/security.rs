//! Security controls: the second factor, staff MFA, password strength, cross-site form
//! posts, security headers and cookies, the trusted-proxy rule for client addresses, and
//! the security log of refused requests.

use plenary::accounts::model::Group;
use serde_json::json;

use crate::helpers::*;

fn secret_of(v: &serde_json::Value) -> String {
    v["secret"].as_str().unwrap().to_string()
}

/// A valid code of the step after the current one. No code works twice (RFC 6238
/// §5.2), so a test that used the current code to turn the factor on signs in with
/// this one (the server accepts one step of clock skew) instead of waiting 30 s.
fn next_code(secret: &str) -> String {
    plenary::auth::mfa::code_at_step(secret, plenary::auth::mfa::current_step() + 1).unwrap()
}

/// An account with the second factor on, enrolled through the API with the current
/// code; returns the secret.
pub(crate) async fn with_second_factor(app: &TestApp, user: &TestUser) -> String {
    let (_, setup) = body(
        app.post_json("/me/totp/setup", &json!({}), Some(&user.token))
            .await,
    )
    .await;
    let secret = secret_of(&setup);
    let code = plenary::auth::mfa::current(&secret).unwrap();
    let (status, b) = body(
        app.post_json("/me/totp/enable", &json!({"code": code}), Some(&user.token))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{b}");
    secret
}

async fn login_with_code(app: &TestApp, user: &TestUser, code: &str) -> (u16, serde_json::Value) {
    body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": PASSWORD, "totp": code}),
            None,
        )
        .await,
    )
    .await
}

#[actix_web::test]
async fn a_second_factor_is_enrolled_and_then_required_at_sign_in() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let (status, setup) = body(
        app.post_json("/me/totp/setup", &json!({}), Some(&user.token))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(setup["otpauth_url"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/"));
    let secret = secret_of(&setup);
    let (status, b) = body(
        app.post_json(
            "/me/totp/enable",
            &json!({"code": "000000"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    if plenary::auth::mfa::current(&secret).as_deref() != Some("000000") {
        assert_eq!(status, 422);
        assert!(b["errors"]["code"].is_array());
    }
    let code = plenary::auth::mfa::current(&secret).unwrap();
    let (status, b) = body(
        app.post_json("/me/totp/enable", &json!({"code": code}), Some(&user.token))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{b}");
    let recovery: Vec<String> = b["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(recovery.len(), 10);

    let (status, b) = body(app.login(&user.email, PASSWORD).await).await;
    assert_eq!(status, 401);
    assert_eq!(b["type"], "https://plenary.example/problems/mfa_required");
    let (status, _) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": PASSWORD, "totp": "12345"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 401);
    let code = next_code(&secret);
    let (status, b) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": PASSWORD, "totp": code}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["user"]["totp_enabled"], true);
    // A recovery code works once.
    let (status, _) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": PASSWORD, "totp": recovery[0]}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": PASSWORD, "totp": recovery[0]}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 401);
    // The wrong password with a right code is still just a wrong password.
    let code = plenary::auth::mfa::current(&secret).unwrap();
    let (status, b) = body(
        app.post_json(
            "/auth/login",
            &json!({"email": user.email, "password": "not the password at all", "totp": code}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(b["type"], "https://plenary.example/problems/unauthorized");
}

#[actix_web::test]
async fn the_sign_in_page_asks_for_the_code_in_a_second_step() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let (_, setup) = body(
        app.post_json("/me/totp/setup", &json!({}), Some(&user.token))
            .await,
    )
    .await;
    let secret = secret_of(&setup);
    let code = plenary::auth::mfa::current(&secret).unwrap();
    app.post_json("/me/totp/enable", &json!({"code": code}), Some(&user.token))
        .await;

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
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(
        !html.contains(PASSWORD),
        "the password is not carried in the page"
    );
    let doc = scraper::Html::parse_document(&html);
    let token = doc
        .select(&scraper::Selector::parse("input[name=mfa_token]").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    let res = app
        .client
        .post(app.url("/login/mfa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("mfa_token", token.as_str()),
            ("code", "999999"),
            ("next", "/me"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let code = next_code(&secret);
    let res = app
        .client
        .post(app.url("/login/mfa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("mfa_token", token.as_str()),
            ("code", code.as_str()),
            ("next", "/me"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
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
    // The in-between token opens nothing else.
    assert_eq!(app.get_api("/me", Some(&token)).await.status(), 401);
}

#[actix_web::test]
async fn a_one_time_code_is_accepted_once_and_refused_the_second_time() {
    let app = spawn_app().await;
    let user = app.participant(Group::Academia).await;
    let secret = with_second_factor(&app, &user).await;

    let code = next_code(&secret);
    let (status, b) = login_with_code(&app, &user, &code).await;
    assert_eq!(status, 200, "{b}");
    // The same code again, within its window: refused like a wrong code.
    let (status, b) = login_with_code(&app, &user, &code).await;
    assert_eq!(status, 401, "{b}");
    assert_eq!(b["type"], "https://plenary.example/problems/mfa_required");
    // So is a code of an earlier step: that of the enrolment, or of the moment.
    let enrolment =
        plenary::auth::mfa::code_at_step(&secret, plenary::auth::mfa::current_step()).unwrap();
    if enrolment != code {
        let (status, _) = login_with_code(&app, &user, &enrolment).await;
        assert_eq!(status, 401);
    }
    // A refused replay counts as a failed attempt, like a wrong code.
    assert_eq!(
        app.count("login_failures").await,
        2 - i64::from(enrolment == code)
    );
}

#[actix_web::test]
async fn the_same_code_sent_twice_at_once_signs_in_only_once() {
    let app = spawn_app().await;
    let user = app.participant(Group::Government).await;
    let secret = with_second_factor(&app, &user).await;
    let code = next_code(&secret);
    let (a, b) = tokio::join!(
        login_with_code(&app, &user, &code),
        login_with_code(&app, &user, &code)
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 401], "{} / {}", a.1, b.1);
}

#[actix_web::test]
async fn the_second_sign_in_step_of_the_pages_refuses_a_code_used_before() {
    let app = spawn_app().await;
    let user = app.participant(Group::CivilSociety).await;
    let secret = with_second_factor(&app, &user).await;
    let code = next_code(&secret);
    // Used once through the API …
    assert_eq!(login_with_code(&app, &user, &code).await.0, 200);
    // … the same code is refused on the page's second step.
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
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let token = doc
        .select(&scraper::Selector::parse("input[name=mfa_token]").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    let res = app
        .client
        .post(app.url("/login/mfa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("mfa_token", token.as_str()),
            ("code", code.as_str()),
            ("next", "/me"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let me = app.client.get(app.url("/me")).send().await.unwrap();
    assert_eq!(me.status(), 303, "not signed in");
}

#[actix_web::test]
async fn staff_must_turn_on_the_second_factor_when_the_setting_requires_it() {
    let app = spawn_app_with(|c| c.staff_mfa_required = true).await;
    let moderator = app.moderator().await;
    let participant = app.participant(Group::Government).await;
    assert_eq!(
        app.get_api("/moderation/queue", Some(&moderator.token))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.get_api("/me", Some(&participant.token)).await.status(),
        200
    );
    let (_, setup) = body(
        app.post_json("/me/totp/setup", &json!({}), Some(&moderator.token))
            .await,
    )
    .await;
    let code = plenary::auth::mfa::current(&secret_of(&setup)).unwrap();
    assert_eq!(
        app.post_json(
            "/me/totp/enable",
            &json!({"code": code}),
            Some(&moderator.token)
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        app.get_api("/moderation/queue", Some(&moderator.token))
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn common_and_personal_passwords_are_refused_at_registration() {
    let app = spawn_app().await;
    for weak in ["password123", "qwertyuiop12", "ana.souza@example.org"] {
        let (status, b) = body(
            app.post_json(
                "/auth/register",
                &json!({"email": "ana.souza@example.org", "password": weak, "display_name": "Ana Souza", "stakeholder_group": "academia"}),
                None,
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{weak}");
        assert!(b["errors"]["password"].is_array());
    }
    assert_eq!(app.count("users").await, 0);
}

#[actix_web::test]
async fn forms_posted_from_another_site_are_refused() {
    let app = spawn_app().await;
    let csrf = app.csrf("/register").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "x@example.org"),
        ("password", PASSWORD),
        ("display_name", "X"),
        ("stakeholder_group", "academia"),
    ];
    let res = app
        .client
        .post(app.url("/register"))
        .header("Origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .client
        .post(app.url("/register"))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("users").await, 0);
    let res = app
        .client
        .post(app.url("/register"))
        .header("Origin", app.address.as_str())
        .header("Sec-Fetch-Site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("users").await, 1);
}

#[actix_web::test]
async fn pages_carry_strict_security_headers() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/login")).send().await.unwrap();
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
            && csp.contains("frame-ancestors 'none'")
    );
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-store");
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS over plain http"
    );
}

#[actix_web::test]
async fn over_https_cookies_are_host_prefixed_and_secure_and_hsts_is_sent() {
    let app = spawn_app_with(|c| c.base_url = "https://consult.example.org".into()).await;
    let res = app.client.get(app.url("/login")).send().await.unwrap();
    assert!(res.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age=31536000"));
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("__Host-plenary_csrf=")
            && cookie.contains("Secure")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[actix_web::test]
async fn a_client_supplied_forwarded_for_does_not_escape_the_rate_limit() {
    let app = spawn_app().await;
    for i in 0..11 {
        let res = app
            .client
            .post(app.api("/auth/password-reset"))
            .header("X-Forwarded-For", format!("10.0.0.{i}"))
            .json(&json!({"email": "someone@example.org"}))
            .send()
            .await
            .unwrap();
        if i < 5 {
            assert_eq!(res.status(), 202);
        } else {
            assert_eq!(res.status(), 429, "request {i}");
        }
    }
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_the_client() {
    let app = spawn_app_with(|c| c.trusted_proxy = Some("127.0.0.1".parse().unwrap())).await;
    for i in 0..8 {
        let res = app
            .client
            .post(app.api("/auth/password-reset"))
            .header("X-Forwarded-For", format!("203.0.113.7, 10.0.0.{i}"))
            .json(&json!({"email": "someone@example.org"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 202, "each client has its own limit");
    }
}

#[actix_web::test]
async fn every_refused_request_is_logged_once_with_method_path_account_and_reason() {
    let log = security_log();
    let app = spawn_app().await;
    let nowhere = plenary::ids::new_id();
    let account = |u: &TestUser| format!("account={}", u.id);

    // Anonymous: a 401, with no account.
    let path = format!("/api/v1/drafts/{nowhere}/comments");
    let res = app
        .post_json(
            &format!("/drafts/{nowhere}/comments"),
            &json!({"body": "x"}),
            None,
        )
        .await;
    assert_eq!(res.status(), 401);
    let lines = log.lines_with(&format!("{path:?}"));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains("WARN")
            && lines[0].contains("access_refused")
            && lines[0].contains("POST")
            && lines[0].contains("401 unauthorized")
            && !lines[0].contains("account="),
        "{lines:#?}"
    );

    // A participant on an admin route: a 403 naming the account; a 404 is not logged.
    let participant = app.participant(Group::Academia).await;
    let res = app.get_api("/admin/users", Some(&participant.token)).await;
    assert_eq!(res.status(), 403);
    let res = app
        .get_api(&format!("/comments/{nowhere}"), Some(&participant.token))
        .await;
    assert_eq!(res.status(), 404);
    let lines = log.lines_with(&account(&participant));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains(r#"GET "/api/v1/admin/users" refused with 403 forbidden"#),
        "{lines:#?}"
    );

    // A token revoked by signing out everywhere still names its account.
    let revoked = app.participant(Group::Government).await;
    let res = app
        .post_json("/auth/logout", &json!({}), Some(&revoked.token))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(app.get_api("/me", Some(&revoked.token)).await.status(), 401);
    let lines = log.lines_with(&account(&revoked));
    let refused: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("access_refused"))
        .collect();
    assert_eq!(refused.len(), 1, "{lines:#?}");
    assert!(
        refused[0].contains(r#"GET "/api/v1/me" refused with 401"#),
        "{lines:#?}"
    );

    // On the pages: a staff page, a form without its CSRF token and a form from another
    // site (refused before any handler runs), each logged once with the session's account.
    let reader = app.participant(Group::CivilSociety).await;
    app.sign_in_on_the_pages(&reader.email).await;
    assert_eq!(
        app.client
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    let res = app
        .client
        .post(app.url("/logout"))
        .form(&[("csrf", "not the token")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .client
        .post(app.url(&format!("/drafts/{nowhere}/follow")))
        .header("Origin", "https://evil.example")
        .form(&[("csrf", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let lines = log.lines_with(&account(&reader));
    let refused: Vec<_> = lines.iter().filter(|l| !l.contains("sign_in")).collect();
    assert_eq!(refused.len(), 3, "{lines:#?}");
    assert!(
        refused[0].contains("access_refused")
            && refused[0].contains(r#"GET "/admin" refused with 403 forbidden"#),
        "{lines:#?}"
    );
    assert!(
        refused[1].contains("csrf_refused")
            && refused[1].contains(r#"without a matching CSRF token to "/logout""#),
        "{lines:#?}"
    );
    assert!(
        refused[2].contains("csrf_refused")
            && refused[2].contains(&format!(
                r#"from another site to "/drafts/{nowhere}/follow""#
            )),
        "{lines:#?}"
    );

    // A wrong password is a sign-in failure, logged as that and not again as a refusal.
    let guesser = app.participant(Group::PrivateSector).await;
    assert_eq!(
        app.login(&guesser.email, "not the password at all")
            .await
            .status(),
        401
    );
    let lines = log.lines_with(&account(&guesser));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("sign_in_failed"), "{lines:#?}");

    // Accounts appear by id only.
    for user in [&participant, &revoked, &reader, &guesser] {
        assert!(log.lines_with(&user.email).is_empty());
    }
}
