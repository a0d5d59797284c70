//! The access-control matrix of issue 9 (ASVS V8): every API and page route, called by
//! every kind of caller, against the policy of SPEC §1 and §4, including objects that
//! belong to someone else (IDOR) and fields that no caller may set (mass assignment).
//!
//! Each table row names a route as registered in `src/api/mod.rs` or `src/web/mod.rs`,
//! a concrete path and body with `<placeholders>`, and the status every kind of caller
//! must get. One fixture per test function; every row is tried for every caller and
//! every mismatch is printed before the test fails, so one run shows them all.
//!
//! Expectations read `all=403 anon=401 mod=200`: `all` is the default, the other keys
//! override it for `anon` (no token, no cookie), `part` (a participant of each of the
//! six stakeholder groups, none the author), `author` (who wrote the fixture's
//! comments), `unv` (a participant whose email is not verified), `mod`, `admin` and
//! `susp` (a suspended participant, with the token and cookie they had before). A code
//! followed by `+` means the row's secret text must be in the answer, `-` that it must
//! not; `L` means a 303 to the login page.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use diesel::prelude::*;
use plenary::accounts::model::Group;
use plenary::db::schema::{comments, users};
use reqwest::cookie::{CookieStore, Jar};
use serde_json::{json, Value};

use crate::helpers::*;

/// A password strong enough for any strength check, for registrations in the tables.
const STRONG: &str = "Zr4!mQ9#vLp2@xT7-kelp-orbit";
const DRAFT: &str = "# Preamble\n\nPP1. Recalling the Geneva phase,\n\n# Operative part\n\n1. Commits to connectivity;\n\n2. Decides to review progress in 2030.\n";
const PENDING: &str = "PENDINGMARK";
const HIDDEN: &str = "HIDDENMARK";
const REJECTED: &str = "REJECTEDMARK";
const WITHDRAWN: &str = "WITHDRAWNMARK";

// ------------------------------------------------------------------------------------
// Callers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Participant(Group),
    Author,
    Unverified,
    Moderator,
    Admin,
    Suspended,
}

impl Who {
    fn key(self) -> &'static str {
        match self {
            Who::Anonymous => "anon",
            Who::Participant(_) => "part",
            Who::Author => "author",
            Who::Unverified => "unv",
            Who::Moderator => "mod",
            Who::Admin => "admin",
            Who::Suspended => "susp",
        }
    }

    fn label(self) -> String {
        match self {
            Who::Participant(g) => format!("participant ({})", g.as_str()),
            other => other.key().to_string(),
        }
    }
}

const KEYS: [&str; 7] = ["anon", "part", "author", "unv", "mod", "admin", "susp"];

struct Caller {
    who: Who,
    user: Option<TestUser>,
    /// The bearer token sent to the API (the stale one for the suspended caller).
    token: Option<String>,
    jar: Arc<Jar>,
    /// The page client: its own cookie jar, signed in through /login.
    client: reqwest::Client,
    csrf: String,
    /// The suspended caller's cookies from before the suspension.
    stale_cookies: Option<String>,
}

impl Caller {
    fn id(&self) -> Option<i64> {
        self.user.as_ref().map(|u| u.id)
    }
}

fn page_client(jar: Arc<Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .build()
        .unwrap()
}

/// What a browser sends with a form of our own pages.
fn same_site(app: &TestApp, r: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
    r.header("Origin", app.address.as_str())
        .header("Sec-Fetch-Site", "same-origin")
}

/// The CSRF token the pages hand this client.
async fn page_csrf(app: &TestApp, client: &reqwest::Client) -> String {
    let html = client
        .get(app.url("/password-reset"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("input[name=csrf]").unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("the password reset page has a CSRF field")
        .to_string()
}

async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let csrf = page_csrf(app, client).await;
    let res = same_site(app, client.post(app.url("/login")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "signing in as {email}");
    page_csrf(app, client).await
}

// ------------------------------------------------------------------------------------
// Expectations

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Status(u16),
    /// 303 to /login.
    Login,
}

#[derive(Debug, Clone, Copy)]
struct Expect {
    want: Want,
    /// Some(true): the secret must be in the answer; Some(false): it must not.
    sees: Option<bool>,
}

fn parse_expect(spec: &str) -> HashMap<&'static str, Expect> {
    let mut out = HashMap::new();
    let parse_one = |v: &str| {
        let (code, sees) = match v.strip_suffix('+') {
            Some(c) => (c, Some(true)),
            None => match v.strip_suffix('-') {
                Some(c) => (c, Some(false)),
                None => (v, None),
            },
        };
        let want = if code == "L" {
            Want::Login
        } else {
            Want::Status(code.parse().unwrap_or_else(|_| panic!("bad code {v:?}")))
        };
        Expect { want, sees }
    };
    for part in spec.split_whitespace() {
        let (k, v) = part.split_once('=').expect("key=code");
        if k == "all" {
            for key in KEYS {
                out.entry(key).or_insert(parse_one(v));
            }
        } else {
            let key = KEYS
                .into_iter()
                .find(|x| *x == k)
                .unwrap_or_else(|| panic!("unknown caller key {k:?} in {spec:?}"));
            out.insert(key, parse_one(v));
        }
    }
    for key in KEYS {
        assert!(out.contains_key(key), "{spec:?} says nothing about {key}");
    }
    out
}

// ------------------------------------------------------------------------------------
// Rows

#[derive(Clone)]
struct Row {
    method: &'static str,
    /// The route as registered; "" for a path that no route serves.
    route: &'static str,
    path: &'static str,
    /// JSON for the API; `k=v&k=v` for page forms (values may hold spaces).
    body: String,
    expect: &'static str,
    /// A text that only some callers may read.
    secret: &'static str,
}

fn r(
    method: &'static str,
    route: &'static str,
    path: &'static str,
    body: impl Into<String>,
    expect: &'static str,
) -> Row {
    Row {
        method,
        route,
        path,
        body: body.into(),
        expect,
        secret: "",
    }
}

impl Row {
    fn secret(mut self, s: &'static str) -> Row {
        self.secret = s;
        self
    }
}

/// Routes after which the caller's sessions are gone and must be set up again.
fn signs_out(route: &str) -> bool {
    matches!(route, "/auth/logout" | "/logout" | "/me/logout-everywhere")
}

/// SPEC §1 and §4 for the JSON API, one row per (route, object).
#[rustfmt::skip]
fn api_rows() -> Vec<Row> {
    vec![
        // Accounts: open to anyone; a bearer token changes nothing.
        r("POST", "/auth/register", "/auth/register", r#"{"email":"<fresh_email>","password":"<strong>","display_name":"New person","stakeholder_group":"academia"}"#, "all=201"),
        r("POST", "/auth/register", "/auth/register", r#"{"email":"<author_email>","password":"<strong>","display_name":"Copycat","stakeholder_group":"academia"}"#, "all=409"),
        r("POST", "/auth/verify-email", "/auth/verify-email", r#"{"token":"not-a-token"}"#, "all=422"),
        r("POST", "/auth/login", "/auth/login", r#"{"email":"<author_email>","password":"<password>"}"#, "all=200"),
        r("POST", "/auth/login", "/auth/login", r#"{"email":"<author_email>","password":"wrong password!"}"#, "all=401"),
        r("POST", "/auth/login", "/auth/login", r#"{"email":"<susp_email>","password":"<password>"}"#, "all=403"),
        r("POST", "/auth/password-reset", "/auth/password-reset", r#"{"email":"<author_email>"}"#, "all=202"),
        r("POST", "/auth/password-reset/confirm", "/auth/password-reset/confirm", r#"{"token":"not-a-token","password":"<strong>"}"#, "all=422"),
        r("POST", "/auth/logout", "/auth/logout", "", "all=204 anon=401 susp=401"),
        // Only one's own account: /me names nobody else, whatever the query says.
        r("GET", "/me", "/me", "", "all=200 anon=401 susp=401"),
        r("GET", "/me", "/me?user_id=<author_id>&id=<author_id>", "", "all=200 anon=401 susp=401"),
        r("PATCH", "/me", "/me", r#"{"notification_mode":"immediate"}"#, "all=200 anon=401 susp=401"),
        // Download my data: one's own, never another's (the author's email stays out).
        r("GET", "/me/export", "/me/export", "", "all=200 anon=401 susp=401"),
        // Deleting an account asks for the password again (privacy.rs erases for real).
        r("DELETE", "/me", "/me", r#"{"password":"wrong password!"}"#, "all=422 anon=401 susp=401"),
        r("POST", "/me/password", "/me/password", r#"{"current_password":"not my password","new_password":"<strong>"}"#, "all=422 anon=401 susp=401"),
        // The second factor: each caller enrols only themselves.
        r("POST", "/me/totp/setup", "/me/totp/setup", "", "all=200 anon=401 susp=401"),
        r("POST", "/me/totp/enable", "/me/totp/enable", r#"{"code":"000000"}"#, "all=422 anon=401 susp=401"),
        r("POST", "/me/totp/disable", "/me/totp/disable", r#"{"password":"wrong password!"}"#, "all=422 anon=401 susp=401"),
        r("GET", "", "/users/<author_id>", "", "all=404"),
        r("GET", "", "/me/<author_id>", "", "all=404"),
        // Administration of accounts.
        r("GET", "/admin/users", "/admin/users", "", "all=403 anon=401 susp=401 admin=200"),
        r("PATCH", "/admin/users/{id}", "/admin/users/<fresh_user>", r#"{"suspended":true}"#, "all=403 anon=401 susp=401 mod=200 admin=200"),
        r("PATCH", "/admin/users/{id}", "/admin/users/<fresh_user>", r#"{"role":"moderator"}"#, "all=403 anon=401 susp=401 admin=200"),
        r("PATCH", "/admin/users/{id}", "/admin/users/<fresh_user>", r#"{"affiliation_verified":true}"#, "all=403 anon=401 susp=401 admin=200"),
        r("DELETE", "/admin/users/{id}", "/admin/users/<fresh_user>", "", "all=403 anon=401 susp=401 admin=204"),
        r("PATCH", "/admin/users/{id}", "/admin/users/<fresh_mod>", r#"{"suspended":true}"#, "all=403 anon=401 susp=401 admin=200"),
        r("PATCH", "/admin/users/{id}", "/admin/users/<fresh_suspended>", r#"{"suspended":false}"#, "all=403 anon=401 susp=401 mod=200 admin=200"),
        // Consultations, drafts, paragraphs.
        r("GET", "/consultations", "/consultations", "", "all=200"),
        r("POST", "/consultations", "/consultations", r#"{"title":"Another","summary":"S"}"#, "all=403 anon=401 susp=401 admin=201"),
        r("GET", "/consultations/{id}", "/consultations/<cons>", "", "all=200"),
        r("PATCH", "/consultations/{id}", "/consultations/<cons>", r#"{"summary":"Review of WSIS"}"#, "all=403 anon=401 susp=401 admin=200"),
        r("POST", "/consultations/{id}/drafts", "/consultations/<cons>/drafts", r##"{"title":"Annex","version_label":"Zero draft","text":"# A\n\nOne.\n"}"##, "all=403 anon=401 susp=401 admin=201"),
        r("GET", "/drafts/{id}", "/drafts/<draft>", "", "all=200"),
        r("GET", "/drafts/{id}/stats", "/drafts/<draft>/stats", "", "all=200"),
        r("GET", "/drafts/{id}/dashboard", "/drafts/<draft>/dashboard", "", "all=200"),
        r("PATCH", "/paragraphs/{id}", "/paragraphs/<p2>", r#"{"tags":["C1"]}"#, "all=403 anon=401 susp=401 admin=200"),
        r("POST", "/drafts/{id}/revisions", "/drafts/<fresh_draft>/revisions", r##"{"version_label":"Rev.1","text":"# A\n\nOne, revised.\n"}"##, "all=403 anon=401 susp=401 admin=201"),
        r("GET", "/drafts/{id}/concordance", "/drafts/<draft>/concordance", "", "all=200"),
        r("GET", "/drafts/{id}/translations", "/drafts/<draft>/translations", "", "all=200"),
        r("POST", "/drafts/{id}/translations", "/drafts/<fresh_draft>/translations", r##"{"language":"fr","text":"# A\n\nUn.\n"}"##, "all=403 anon=401 susp=401 admin=201"),
        r("GET", "/drafts/{id}/export", "/drafts/<pre_draft>/export?format=csv", "", "all=200- susp=401").secret(PENDING),
        r("GET", "/drafts/{id}/export", "/drafts/<pre_draft>/export?format=csv&status=all", "", "all=403 anon=401 susp=401 mod=200+ admin=200+").secret(PENDING),
        r("POST", "/drafts/{id}/follow", "/drafts/<draft>/follow", "", "all=204 anon=401 susp=401"),
        r("DELETE", "/drafts/{id}/follow", "/drafts/<draft>/follow", "", "all=204 anon=401 susp=401"),
        r("PUT", "/comments/{id}/disposition", "/comments/<pub>/disposition", r#"{"disposition":"noted"}"#, "all=403 anon=401 susp=401 mod=200 admin=200"),
        // Comments: lists show others' unpublished comments to moderators only.
        r("GET", "/drafts/{id}/comments", "/drafts/<pre_draft>/comments", "", "all=200- susp=401 author=200+").secret(PENDING),
        r("GET", "/drafts/{id}/comments", "/drafts/<pre_draft>/comments?status=pending", "", "all=200- anon=401 susp=401 author=200+ mod=200+ admin=200+").secret(PENDING),
        r("GET", "/drafts/{id}/comments", "/drafts/<pre_draft>/comments?status=all", "", "all=403 anon=401 susp=401 mod=200+ admin=200+").secret(PENDING),
        r("GET", "/drafts/{id}/comments", "/drafts/<draft>/comments", "", "all=200- susp=401 author=200+").secret(HIDDEN),
        r("GET", "/drafts/{id}/comments", "/drafts/<draft>/comments?status=hidden", "", "all=200- anon=401 susp=401 author=200+ mod=200+ admin=200+").secret(HIDDEN),
        r("POST", "/drafts/{id}/comments", "/drafts/<draft>/comments", r#"{"paragraph_id":"<p1>","body":"A new comment"}"#, "all=201 anon=401 susp=401 unv=403"),
        r("POST", "/drafts/{id}/comments", "/drafts/<pre_draft>/comments", r#"{"paragraph_id":"<pre_p1>","body":"A new comment, held"}"#, "all=201 anon=401 susp=401 unv=403"),
        r("GET", "/comments/{id}", "/comments/<pub>", "", "all=200 susp=401"),
        r("GET", "/comments/{id}", "/comments/<pending>", "", "all=404 susp=401 author=200+ mod=200+ admin=200+").secret(PENDING),
        r("GET", "/comments/{id}", "/comments/<hidden>", "", "all=404 susp=401 author=200+ mod=200+ admin=200+").secret(HIDDEN),
        r("GET", "/comments/{id}", "/comments/<rejected>", "", "all=404 susp=401 author=200+ mod=200+ admin=200+").secret(REJECTED),
        r("GET", "/comments/{id}", "/comments/<withdrawn>", "", "all=404 susp=401 author=200+ mod=200+ admin=200+").secret(WITHDRAWN),
        // IDOR: only the author edits or withdraws; others' unpublished comments do not exist.
        r("PATCH", "/comments/{id}", "/comments/<pub>", r#"{"body":"Edited by its author"}"#, "all=403 anon=401 susp=401 author=200"),
        r("PATCH", "/comments/{id}", "/comments/<pending>", r#"{"body":"PENDINGMARK, edited"}"#, "all=404 anon=401 susp=401 unv=403 author=200 mod=403 admin=403"),
        r("PATCH", "/comments/{id}", "/comments/<hidden>", r#"{"body":"HIDDENMARK, edited"}"#, "all=404 anon=401 susp=401 unv=403 author=409 mod=403 admin=403"),
        r("DELETE", "/comments/{id}", "/comments/<fresh_pub>", "", "all=403 anon=401 susp=401 author=204"),
        r("DELETE", "/comments/{id}", "/comments/<fresh_pending>", "", "all=404 anon=401 susp=401 author=204 mod=403 admin=403"),
        r("POST", "/comments/{id}/flags", "/comments/<fresh_pub>/flags", r#"{"reason":"spam"}"#, "all=201 anon=401 susp=401 author=403 unv=403"),
        r("POST", "/comments/{id}/flags", "/comments/<pending>/flags", r#"{"reason":"spam"}"#, "all=404 anon=401 susp=401 unv=403 author=403 mod=409 admin=409"),
        // Moderation.
        r("POST", "/comments/{id}/moderation", "/comments/<fresh_pending>/moderation", r#"{"action":"approve"}"#, "all=403 anon=401 susp=401 mod=200 admin=200"),
        r("POST", "/comments/{id}/moderation", "/comments/<fresh_pub>/moderation", r#"{"action":"hide","reason":"Off topic"}"#, "all=403 anon=401 susp=401 mod=200 admin=200"),
        r("GET", "/comments/{id}/history", "/comments/<pub>/history", "", "all=403 anon=401 susp=401 mod=200 admin=200"),
        r("GET", "/moderation/queue", "/moderation/queue", "", "all=403 anon=401 susp=401 mod=200+ admin=200+").secret(PENDING),
        r("GET", "/moderation/log", "/moderation/log", "", "all=403 anon=401 susp=401 mod=200 admin=200"),
        // The API's description, outside /api/v1: public, whatever token comes with it.
        r("GET", "/api/openapi.json", "/api/openapi.json", "", "all=200"),
    ]
}

/// SPEC §1, §4 and §7 for the pages. A suspended caller's old cookie counts for nothing,
/// so they are treated as a visitor who is not signed in.
#[rustfmt::skip]
fn page_rows() -> Vec<Row> {
    const ADMIN: &str = "all=403 anon=401 susp=401 admin=200";
    const ADMIN_POST: &str = "all=403 anon=401 susp=401 admin=303";
    const MODS: &str = "all=403 anon=401 susp=401 mod=200 admin=200";
    const MODS_POST: &str = "all=403 anon=401 susp=401 mod=303 admin=303";
    const USERS_POST: &str = "all=303 anon=L susp=L";
    vec![
        r("GET", "/static/style.css", "/static/style.css", "", "all=200"),
        r("GET", "/", "/", "", "all=200"),
        r("GET", "/consultations/{id}", "/consultations/<cons>", "", "all=200"),
        r("GET", "/drafts/{id}", "/drafts/<draft>", "", "all=200"),
        r("GET", "/drafts/{id}/general", "/drafts/<draft>/general", "", "all=200"),
        r("GET", "/drafts/{id}/paragraphs/{pid}", "/drafts/<pre_draft>/paragraphs/<pre_p1>", "",
          "all=200- author=200+").secret(PENDING),
        r("GET", "/drafts/{id}/paragraphs/{pid}", "/drafts/<draft>/paragraphs/<p2>", "",
          "all=200- author=200+").secret(HIDDEN),
        r("GET", "/drafts/{id}/dashboard", "/drafts/<draft>/dashboard", "", "all=200"),
        r("GET", "/drafts/{id}/concordance", "/drafts/<draft>/concordance", "", "all=200"),
        r("GET", "/drafts/{id}/compare", "/drafts/<draft>/compare", "", "all=200"),
        r("GET", "/drafts/{id}/export", "/drafts/<pre_draft>/export?format=csv", "", "all=200-")
            .secret(PENDING),
        r("GET", "/drafts/{id}/export", "/drafts/<pre_draft>/export?format=csv&status=all", "",
          "all=403 anon=401 susp=401 mod=200+ admin=200+").secret(PENDING),
        r("GET", "/register", "/register", "", "all=200"),
        r("GET", "/login", "/login", "", "all=200"),
        r("GET", "/logout", "/logout", "", "all=200"),
        r("GET", "/verify-email", "/verify-email", "", "all=200"),
        r("GET", "/verify-email", "/verify-email?token=not-a-token", "", "all=422"),
        // The link only shows a button: the GET leaves the address unconfirmed.
        r("GET", "/verify-email", "/verify-email?token=<fresh_verify>", "", "all=200"),
        r("GET", "/password-reset", "/password-reset", "", "all=200"),
        r("GET", "/password-reset", "/password-reset?token=not-a-token", "", "all=200"),
        r("GET", "/me", "/me", "", "all=200 anon=L susp=L"),
        r("GET", "/me/export", "/me/export", "", "all=200 anon=L susp=L"),
        r("GET", "/me/delete", "/me/delete", "", "all=200 anon=L susp=L"),
        r("GET", "/me/deleted", "/me/deleted", "", "all=200"),
        r("GET", "/privacy", "/privacy", "", "all=200"),
        r("GET", "/admin/users/{id}/delete", "/admin/users/<fresh_user>/delete", "", ADMIN),
        r("GET", "/unsubscribe", "/unsubscribe?token=<unsub_author>", "", "all=200"),
        r("GET", "/unsubscribe", "/unsubscribe?token=<forged_unsub>", "", "all=404"),
        r("GET", "/moderation", "/moderation", "", "all=403 anon=401 susp=401 mod=200+ admin=200+")
            .secret(PENDING),
        r("GET", "/moderation/log", "/moderation/log", "", MODS),
        r("GET", "/admin", "/admin", "", ADMIN),
        r("GET", "/admin/users", "/admin/users", "", ADMIN),
        r("GET", "/admin/consultations/{id}", "/admin/consultations/<cons>", "", ADMIN),
        r("GET", "/admin/drafts/{id}/revise", "/admin/drafts/<draft>/revise", "", ADMIN),
        r("GET", "/admin/drafts/{id}/tags", "/admin/drafts/<draft>/tags", "", ADMIN),
        r("GET", "/admin/drafts/{id}/translations", "/admin/drafts/<draft>/translations", "", ADMIN),
        // Forms, each posted with the caller's CSRF token from a same-origin page.
        r("POST", "/register", "/register",
          "email=<fresh_email>&password=<strong>&display_name=New person&stakeholder_group=academia&organization=Uni&country=KE",
          "all=200"),
        r("POST", "/login", "/login", "email=<author_email>&password=wrong password!&next=/", "all=401"),
        r("POST", "/password-reset", "/password-reset", "email=<author_email>", "all=202"),
        r("POST", "/verify-email", "/verify-email", "token=not-a-token", "all=422"),
        r("POST", "/verify-email", "/verify-email", "token=<fresh_verify>", "all=200"),
        r("POST", "/password-reset/confirm", "/password-reset/confirm", "token=not-a-token&password=<strong>",
          "all=422"),
        r("POST", "/me", "/me", "notification_mode=immediate", "all=200 anon=L susp=L"),
        r("POST", "/me/password", "/me/password", "current_password=not my password&new_password=<strong>",
          "all=422 anon=L susp=L"),
        r("POST", "/login/mfa", "/login/mfa", "mfa_token=not-a-token&code=000000&next=/", "all=401"),
        r("POST", "/me/totp/setup", "/me/totp/setup", "", "all=200 anon=L susp=L"),
        r("POST", "/me/totp/enable", "/me/totp/enable", "code=000000", "all=422 anon=L susp=L"),
        r("POST", "/me/totp/disable", "/me/totp/disable", "password=wrong password!", "all=422 anon=L susp=L"),
        r("POST", "/drafts/{id}/follow", "/drafts/<draft>/follow", "follow=on", USERS_POST),
        r("POST", "/drafts/{id}/comments", "/drafts/<draft>/comments",
          "paragraph_id=<p1>&kind=comment&body=A comment from the page&attribution=name",
          "all=303 anon=L susp=L unv=403"),
        r("POST", "/comments/{id}/edit", "/comments/<pub>/edit", "body=Edited from the page",
          "all=403 anon=L susp=L author=303"),
        r("POST", "/comments/{id}/edit", "/comments/<pending>/edit", "body=PENDINGMARK, edited",
          "all=404 anon=L susp=L unv=403 author=303 mod=403 admin=403"),
        r("POST", "/comments/{id}/withdraw", "/comments/<fresh_pub>/withdraw", "",
          "all=403 anon=L susp=L author=303"),
        r("POST", "/comments/{id}/withdraw", "/comments/<fresh_pending>/withdraw", "",
          "all=404 anon=L susp=L author=303 mod=403 admin=403"),
        r("POST", "/comments/{id}/flag", "/comments/<fresh_pub>/flag", "reason=spam",
          "all=303 anon=L susp=L author=403 unv=403"),
        r("POST", "/comments/{id}/disposition", "/comments/<pub>/disposition", "disposition=noted", MODS_POST),
        r("POST", "/moderation/comments/{id}", "/moderation/comments/<fresh_pending>", "action=approve", MODS_POST),
        r("POST", "/moderation/users/{id}/suspend", "/moderation/users/<fresh_user>/suspend", "", MODS_POST),
        r("POST", "/moderation/users/{id}/suspend", "/moderation/users/<fresh_mod>/suspend", "", ADMIN_POST),
        r("POST", "/moderation/users/{id}/unsuspend", "/moderation/users/<fresh_suspended>/unsuspend", "", MODS_POST),
        r("POST", "/admin/consultations", "/admin/consultations", "title=New consultation&summary=S&moderation=post",
          ADMIN_POST),
        r("POST", "/admin/consultations/{id}", "/admin/consultations/<cons>",
          "title=WSIS+20&summary=Review&moderation=post", ADMIN_POST),
        r("POST", "/admin/consultations/{id}/drafts", "/admin/consultations/<cons>/drafts",
          "title=Annex&version_label=Zero draft&text=# A\n\nOne.\n", ADMIN_POST),
        r("POST", "/admin/users/{id}", "/admin/users/<fresh_user>", "role=participant", ADMIN_POST),
        r("POST", "/admin/users/{id}/delete", "/admin/users/<fresh_user>/delete", "", ADMIN_POST),
        r("POST", "/me/delete", "/me/delete", "password=wrong password!", "all=422 anon=L susp=L"),
        r("POST", "/admin/emails/{id}/retry", "/admin/emails/<author_id>/retry", "", ADMIN_POST),
        r("POST", "/admin/drafts/{id}/revise", "/admin/drafts/<draft>/revise",
          "version_label=Rev.1&text=# A\n\nOne, revised.\n", "all=403 anon=401 susp=401 admin=200"),
        r("POST", "/admin/drafts/{id}/revise/publish", "/admin/drafts/<fresh_draft>/revise/publish",
          "version_label=Rev.1&text=# A\n\nOne, revised.\n", ADMIN_POST),
        r("POST", "/admin/drafts/{id}/tags/{pid}", "/admin/drafts/<draft>/tags/<p2>", "tags=C1", ADMIN_POST),
        r("POST", "/admin/drafts/{id}/translations", "/admin/drafts/<fresh_draft>/translations",
          "language=fr&text=# A\n\nUn.\n", ADMIN_POST),
        // The unsubscribe link is its own authority (RFC 8058): no session, no CSRF token.
        r("POST", "/unsubscribe", "/unsubscribe?token=<unsub_author>", "", "all=200"),
        r("POST", "/unsubscribe", "/unsubscribe?token=<forged_unsub>", "", "all=404"),
        // Last: these end the caller's sessions (the harness signs in again).
        r("POST", "/logout", "/logout", "", "all=303"),
        r("POST", "/me/logout-everywhere", "/me/logout-everywhere", "", "all=303"),
    ]
}

// ------------------------------------------------------------------------------------
// The fixture

/// An object made for one call, so that calls do not disturb each other.
#[derive(Debug, Clone, Copy)]
enum Fresh {
    Comment(i64),
    User(i64),
    /// A draft or an address: nothing a refused call could change.
    Other,
}

/// What a fresh object looked like before a call, to prove a refused call changed nothing.
#[derive(Debug, PartialEq, Eq)]
enum Snapshot {
    Comment {
        status: String,
        body: String,
        author: i64,
    },
    User {
        role: String,
        suspended: bool,
        verified: bool,
        email_verified: bool,
        version: i32,
    },
    Nothing,
}

struct Fixture {
    app: TestApp,
    api: reqwest::Client,
    vars: HashMap<&'static str, String>,
    callers: Vec<Caller>,
    author: TestUser,
    admin: TestUser,
}

fn id_of(v: &Value) -> String {
    v["id"]
        .as_str()
        .map(str::to_string)
        .or_else(|| v["id"].as_i64().map(|n| n.to_string()))
        .unwrap_or_else(|| panic!("no id in {v}"))
}

impl Fixture {
    async fn new() -> Fixture {
        let app = spawn_app_with(|c| {
            // Rate limits have their own tests; here they would only get in the way.
            c.rate_limits = false;
            c.flag_threshold = 1000;
        })
        .await;
        let api = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let admin = app.admin().await;
        let moderator = app.moderator().await;
        let author = app.participant(Group::CivilSociety).await;
        let unverified = app.participant(Group::Academia).await;
        let suspended = app.participant(Group::Government).await;
        let uid = unverified.id;
        app.db()
            .run(move |conn| {
                diesel::update(users::table.find(uid))
                    .set(users::email_verified.eq(false))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();

        let mut vars: HashMap<&'static str, String> = HashMap::new();
        let a = Some(admin.token.as_str());
        let (cons, draft) = consultation_with_draft(&app, a, "post").await;
        let (pre_cons, pre_draft) = consultation_with_draft(&app, a, "pre").await;
        vars.insert("cons", id_of(&cons));
        vars.insert("draft", id_of(&draft));
        vars.insert("p1", draft["paragraphs"][1]["id"].as_str().unwrap().into());
        vars.insert("p2", draft["paragraphs"][2]["id"].as_str().unwrap().into());
        vars.insert("pre_cons", id_of(&pre_cons));
        vars.insert("pre_draft", id_of(&pre_draft));
        vars.insert(
            "pre_p1",
            pre_draft["paragraphs"][1]["id"].as_str().unwrap().into(),
        );

        // The author's comments, one of each status.
        let t = Some(author.token.as_str());
        let post = |draft: String, para: String, text: &'static str| {
            let app = &app;
            async move {
                let (s, c) = body(
                    app.post_json(
                        &format!("/drafts/{draft}/comments"),
                        &json!({"paragraph_id": para, "body": text}),
                        t,
                    )
                    .await,
                )
                .await;
                assert_eq!(s, 201, "{c}");
                id_of(&c)
            }
        };
        let pubc = post(
            vars["draft"].clone(),
            vars["p1"].clone(),
            "A published comment.",
        )
        .await;
        let hidden = post(
            vars["draft"].clone(),
            vars["p2"].clone(),
            "HIDDENMARK: hidden by a moderator.",
        )
        .await;
        let withdrawn = post(
            vars["draft"].clone(),
            vars["p2"].clone(),
            "WITHDRAWNMARK: withdrawn by its author.",
        )
        .await;
        let pending = post(
            vars["pre_draft"].clone(),
            vars["pre_p1"].clone(),
            "PENDINGMARK: awaiting moderation.",
        )
        .await;
        let rejected = post(
            vars["pre_draft"].clone(),
            vars["pre_p1"].clone(),
            "REJECTEDMARK: rejected by a moderator.",
        )
        .await;
        let m = Some(moderator.token.as_str());
        for (id, action) in [(&hidden, "hide"), (&rejected, "reject")] {
            let (s, b) = body(
                app.post_json(
                    &format!("/comments/{id}/moderation"),
                    &json!({"action": action, "reason": "Off topic"}),
                    m,
                )
                .await,
            )
            .await;
            assert_eq!(s, 200, "{b}");
        }
        let res = app.delete_api(&format!("/comments/{withdrawn}"), t).await;
        assert_eq!(res.status(), 204);
        vars.insert("pub", pubc);
        vars.insert("hidden", hidden);
        vars.insert("withdrawn", withdrawn);
        vars.insert("pending", pending);
        vars.insert("rejected", rejected);

        vars.insert("author_id", author.id.to_string());
        vars.insert("author_email", author.email.clone());
        vars.insert("susp_email", suspended.email.clone());
        vars.insert("password", PASSWORD.into());
        vars.insert("strong", STRONG.into());
        let secret = app.state.keys.secret().to_vec();
        vars.insert(
            "unsub_author",
            plenary::notifications::unsubscribe::token(&secret, author.id),
        );
        vars.insert(
            "forged_unsub",
            plenary::notifications::unsubscribe::token(b"not the key", author.id),
        );

        // Every caller, signed in to the pages through /login.
        let mut who: Vec<(Who, Option<TestUser>)> = vec![(Who::Anonymous, None)];
        for g in Group::ALL {
            who.push((Who::Participant(g), Some(app.participant(g).await)));
        }
        who.push((Who::Author, Some(author.clone())));
        who.push((Who::Unverified, Some(unverified)));
        who.push((Who::Moderator, Some(moderator)));
        who.push((Who::Admin, Some(admin.clone())));
        who.push((Who::Suspended, Some(suspended.clone())));
        let mut callers = Vec::new();
        for (w, user) in who {
            let jar = Arc::new(Jar::default());
            let client = page_client(jar.clone());
            let csrf = match &user {
                Some(u) => sign_in(&app, &client, &u.email).await,
                None => page_csrf(&app, &client).await,
            };
            callers.push(Caller {
                who: w,
                token: user.as_ref().map(|u| u.token.clone()),
                user,
                jar,
                client,
                csrf,
                stale_cookies: None,
            });
        }

        // Now suspend: the token and cookie the suspended caller holds are the old ones.
        let (s, b) = body(
            app.patch_json(
                &format!("/admin/users/{}", suspended.id),
                &json!({"suspended": true}),
                a,
            )
            .await,
        )
        .await;
        assert_eq!(s, 200, "{b}");
        let url: reqwest::Url = app.address.parse().unwrap();
        for c in callers.iter_mut().filter(|c| c.who == Who::Suspended) {
            c.stale_cookies = c
                .jar
                .cookies(&url)
                .and_then(|h| h.to_str().ok().map(str::to_string));
        }
        Fixture {
            app,
            api,
            vars,
            callers,
            author,
            admin,
        }
    }

    /// Replaces every `<name>` in `text`; `fresh_*` names make a new object (once per
    /// call, so a path and a body naming it agree).
    async fn expand(&self, text: &str, made: &mut HashMap<String, (String, Fresh)>) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('<') {
            let Some(len) = rest[start..].find('>') else {
                break;
            };
            let name = &rest[start + 1..start + len];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.push_str(&rest[..start + 1]);
                rest = &rest[start + 1..];
                continue;
            }
            out.push_str(&rest[..start]);
            let value = if let Some((v, _)) = made.get(name) {
                v.clone()
            } else if name.starts_with("fresh_") {
                let (v, f) = self.make(name).await;
                made.insert(name.to_string(), (v.clone(), f));
                v
            } else {
                self.vars
                    .get(name)
                    .unwrap_or_else(|| panic!("no placeholder <{name}>"))
                    .clone()
            };
            out.push_str(&value);
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The current token of a caller (tokens are renewed after "sign out everywhere").
    fn token_of(&self, who: Who) -> &str {
        self.callers
            .iter()
            .find(|c| c.who == who)
            .and_then(|c| c.token.as_deref())
            .unwrap_or_default()
    }

    async fn make(&self, name: &str) -> (String, Fresh) {
        let app = &self.app;
        let author = Some(self.token_of(Who::Author));
        let comment = |draft: &'static str, para: &'static str| async move {
            let (s, c) = body(
                app.post_json(
                    &format!("/drafts/{}/comments", self.vars[draft]),
                    &json!({"paragraph_id": self.vars[para], "body": "A fresh comment."}),
                    author,
                )
                .await,
            )
            .await;
            assert_eq!(s, 201, "{c}");
            let id = id_of(&c);
            let n = id.parse().unwrap();
            (id, Fresh::Comment(n))
        };
        match name {
            "fresh_pub" => comment("draft", "p1").await,
            "fresh_pending" => comment("pre_draft", "pre_p1").await,
            "fresh_user" => {
                let u = app.participant(Group::TechnicalCommunity).await;
                (u.id.to_string(), Fresh::User(u.id))
            }
            "fresh_suspended" => {
                let u = app.participant(Group::Government).await;
                let id = u.id;
                app.db()
                    .run(move |conn| {
                        diesel::update(users::table.find(id))
                            .set(users::suspended.eq(true))
                            .execute(conn)?;
                        Ok(())
                    })
                    .await
                    .unwrap();
                (id.to_string(), Fresh::User(id))
            }
            "fresh_mod" => {
                let u = app.moderator().await;
                (u.id.to_string(), Fresh::User(u.id))
            }
            "fresh_draft" => {
                let (s, d) = body(
                    app.post_json(
                        &format!("/consultations/{}/drafts", self.vars["cons"]),
                        &json!({"title": "Side text", "version_label": "Zero draft", "text": "# A\n\nOne.\n"}),
                        Some(self.token_of(Who::Admin)),
                    )
                    .await,
                )
                .await;
                assert_eq!(s, 201, "{d}");
                (id_of(&d), Fresh::Other)
            }
            // An account whose address is not confirmed yet, and its confirmation token.
            "fresh_verify" => {
                let u = app.participant(Group::Academia).await;
                let (id, token) = (u.id, format!("verify{}", plenary::ids::new_id()));
                let hash = plenary::accounts::service::digest(&token);
                app.db()
                    .run(move |conn| {
                        use plenary::db::schema::account_tokens;
                        let now = chrono::Utc::now().naive_utc();
                        diesel::update(users::table.find(id))
                            .set(users::email_verified.eq(false))
                            .execute(conn)?;
                        diesel::insert_into(account_tokens::table)
                            .values((
                                account_tokens::id.eq(plenary::ids::new_id()),
                                account_tokens::user_id.eq(id),
                                account_tokens::purpose.eq(plenary::accounts::service::VERIFY),
                                account_tokens::token_hash.eq(hash),
                                account_tokens::expires_at.eq(now + chrono::Duration::days(7)),
                                account_tokens::created_at.eq(now),
                            ))
                            .execute(conn)?;
                        Ok(())
                    })
                    .await
                    .unwrap();
                (token, Fresh::User(id))
            }
            "fresh_email" => (
                format!("new{}@example.org", plenary::ids::new_id()),
                Fresh::Other,
            ),
            other => panic!("no generator for <{other}>"),
        }
    }

    async fn snapshot(&self, f: Fresh) -> Snapshot {
        match f {
            Fresh::Comment(id) => self
                .app
                .db()
                .run(move |conn| {
                    let (status, body, author) = comments::table
                        .find(id)
                        .select((comments::status, comments::body, comments::author_id))
                        .first::<(String, String, i64)>(conn)?;
                    Ok(Snapshot::Comment {
                        status,
                        body,
                        author,
                    })
                })
                .await
                .unwrap(),
            Fresh::User(id) => self
                .app
                .db()
                .run(move |conn| {
                    let (role, suspended, verified, email_verified, version) = users::table
                        .find(id)
                        .select((
                            users::role,
                            users::suspended,
                            users::affiliation_verified,
                            users::email_verified,
                            users::token_version,
                        ))
                        .first::<(String, bool, bool, bool, i32)>(conn)?;
                    Ok(Snapshot::User {
                        role,
                        suspended,
                        verified,
                        email_verified,
                        version,
                    })
                })
                .await
                .unwrap(),
            Fresh::Other => Snapshot::Nothing,
        }
    }

    /// After a row that ends sessions: a new token and a new page sign-in; the
    /// suspended caller gets their stale token and cookie back.
    async fn restore_sessions(&mut self) {
        let url: reqwest::Url = self.app.address.parse().unwrap();
        for i in 0..self.callers.len() {
            let (who, user) = (self.callers[i].who, self.callers[i].user.clone());
            let Some(user) = user else { continue };
            if who == Who::Suspended {
                if let Some(cookies) = self.callers[i].stale_cookies.clone() {
                    for pair in cookies.split("; ") {
                        self.callers[i]
                            .jar
                            .add_cookie_str(&format!("{pair}; Path=/"), &url);
                    }
                }
                continue;
            }
            let id = user.id;
            let (role, version) = self
                .app
                .db()
                .run(move |conn| {
                    Ok(users::table
                        .find(id)
                        .select((users::role, users::token_version))
                        .first::<(String, i32)>(conn)?)
                })
                .await
                .unwrap();
            let (token, _) = self.app.state.keys.issue(id, &role, version).unwrap();
            self.callers[i].token = Some(token);
            let client = self.callers[i].client.clone();
            self.callers[i].csrf = sign_in(&self.app, &client, &user.email).await;
        }
    }
}

/// An open consultation with the test draft imported; returns (consultation, draft).
async fn consultation_with_draft(
    app: &TestApp,
    admin: Option<&str>,
    moderation: &str,
) -> (Value, Value) {
    let (s, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20", "summary": "Review", "moderation": moderation}),
            admin,
        )
        .await,
    )
    .await;
    assert_eq!(s, 201, "{c}");
    let (s, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id_of(&c)),
            &json!({"title": "Outcome", "version_label": "Zero draft", "text": DRAFT}),
            admin,
        )
        .await,
    )
    .await;
    assert_eq!(s, 201, "{d}");
    (c, d)
}

// ------------------------------------------------------------------------------------
// Running a table

#[derive(Clone, Copy, PartialEq, Eq)]
enum Surface {
    Api,
    Pages,
}

/// How a page POST is sent: as our own page does, or as an attacker would try.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Send {
    Normal,
    WithoutCsrf,
    FromAnotherSite,
}

struct Answer {
    status: u16,
    location: String,
    text: String,
}

async fn call(
    fx: &Fixture,
    surface: Surface,
    caller: &Caller,
    row: &Row,
    path: &str,
    body: &str,
    send: Send,
) -> Answer {
    let app = &fx.app;
    let method = reqwest::Method::from_bytes(row.method.as_bytes()).unwrap();
    let req = match surface {
        Surface::Api => {
            // Rows name paths under /api/v1 without the prefix; /api/openapi.json is outside.
            let url = if path.starts_with("/api/") {
                app.url(path)
            } else {
                app.api(path)
            };
            let mut req = fx.api.request(method, url);
            if let Some(t) = &caller.token {
                req = req.bearer_auth(t);
            }
            if !body.is_empty() {
                serde_json::from_str::<Value>(body)
                    .unwrap_or_else(|e| panic!("row body is not JSON ({e}): {body}"));
                req = req
                    .header("Content-Type", "application/json")
                    .body(body.to_string());
            }
            req
        }
        Surface::Pages => {
            let mut req = caller.client.request(method.clone(), app.url(path));
            if method != reqwest::Method::GET {
                let mut form: Vec<(String, String)> = Vec::new();
                if send != Send::WithoutCsrf && row.route != "/unsubscribe" {
                    form.push(("csrf".into(), caller.csrf.clone()));
                }
                for pair in body.split('&').filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    form.push((k.into(), v.into()));
                }
                req = match send {
                    Send::FromAnotherSite => req
                        .header("Origin", "https://attacker.example")
                        .header("Sec-Fetch-Site", "cross-site"),
                    _ => same_site(app, req),
                }
                .form(&form);
            }
            req
        }
    };
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = res.text().await.unwrap_or_default();
    Answer {
        status,
        location,
        text,
    }
}

/// What is wrong with `answer` for this caller, if anything.
fn judge(
    fx: &Fixture,
    surface: Surface,
    caller: &Caller,
    row: &Row,
    sent: &str,
    e: Expect,
    a: &Answer,
) -> Vec<String> {
    let mut wrong = Vec::new();
    let to_login = a.status == 303 && a.location.starts_with("/login");
    let status_ok = match e.want {
        Want::Status(303) => a.status == 303 && !to_login,
        Want::Status(s) => a.status == s,
        Want::Login => to_login,
    };
    if !status_ok {
        let got = if to_login {
            "303 to /login".to_string()
        } else if a.status == 303 {
            format!("303 to {}", a.location)
        } else {
            a.status.to_string()
        };
        let detail: String = a.text.chars().take(160).collect();
        wrong.push(format!("expected {:?}, got {got}: {detail}", e.want));
        return wrong;
    }
    if let Some(sees) = e.sees {
        if a.text.contains(row.secret) != sees {
            wrong.push(if sees {
                format!("the answer lacks {}", row.secret)
            } else {
                format!(
                    "the answer shows {} to a caller who may not see it",
                    row.secret
                )
            });
        }
    }
    // Data protection: no hash ever leaves, no email reaches another participant.
    if a.text.contains("$argon2") {
        wrong.push("the answer contains a password hash".into());
    }
    if a.text.contains(&fx.author.email)
        && !sent.contains(&fx.author.email)
        && !matches!(caller.who, Who::Author | Who::Admin)
    {
        wrong.push("the answer contains the author's email address".into());
    }
    if surface == Surface::Api && row.route == "/me" && a.status == 200 {
        let v: Value = serde_json::from_str(&a.text).unwrap_or(Value::Null);
        if v["id"].as_str().map(str::to_string) != caller.id().map(|i| i.to_string()) {
            wrong.push(format!("/me answered for someone else: {}", v["id"]));
        }
    }
    wrong
}

/// Runs every row for every caller; returns the mismatches, one line each.
async fn run_table(fx: &mut Fixture, surface: Surface, rows: &[Row], send: Send) -> Vec<String> {
    let mut mismatches = Vec::new();
    for row in rows {
        let expect = parse_expect(row.expect);
        for i in 0..fx.callers.len() {
            let caller = &fx.callers[i];
            let mut made = HashMap::new();
            let path = fx.expand(row.path, &mut made).await;
            let body = fx.expand(&row.body, &mut made).await;
            let mut before = Vec::new();
            for (_, f) in made.values() {
                before.push((*f, fx.snapshot(*f).await));
            }
            let answer = call(fx, surface, caller, row, &path, &body, send).await;
            let e = match send {
                Send::Normal => expect[caller.who.key()],
                // Refused before anything else is looked at.
                _ => Expect {
                    want: Want::Status(403),
                    sees: None,
                },
            };
            let sent = format!("{path} {body}");
            for w in judge(fx, surface, caller, row, &sent, e, &answer) {
                mismatches.push(format!(
                    "{} {} as {}: {w}",
                    row.method,
                    row.path,
                    caller.who.label()
                ));
            }
            // A refused call changes nothing, and neither does a GET.
            if answer.status >= 400 || row.method == "GET" {
                for (f, snap) in before {
                    let now = fx.snapshot(f).await;
                    if now != snap {
                        mismatches.push(format!(
                            "{} {} as {}: answered {} but changed {snap:?} into {now:?}",
                            row.method,
                            row.path,
                            fx.callers[i].who.label(),
                            answer.status
                        ));
                    }
                }
            }
        }
        if signs_out(row.route) && send == Send::Normal {
            fx.restore_sessions().await;
        }
    }
    mismatches
}

fn report(what: &str, mismatches: &[String], calls: usize) {
    for m in mismatches {
        eprintln!("MISMATCH {m}");
    }
    assert!(
        mismatches.is_empty(),
        "{what}: {} of {calls} calls answered against the policy (listed above)",
        mismatches.len()
    );
}

// ------------------------------------------------------------------------------------
// The tests

/// The routes a router source registers, as (METHOD, path).
pub(crate) fn registered_routes(source: &str) -> BTreeSet<(String, String)> {
    let start = source.find("pub fn routes(").expect("a routes function");
    let text = &source[start..];
    let mut out = BTreeSet::new();
    let mut last_path: Option<&str> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(lit) = rest.strip_prefix('"') {
            if let Some(end) = lit.find('"') {
                if lit.starts_with('/') {
                    last_path = Some(&lit[..end]);
                }
                i += end + 2;
                continue;
            }
        }
        for m in ["get", "post", "put", "patch", "delete"] {
            if rest.starts_with(&format!("web::{m}()")) {
                if let Some(p) = last_path {
                    out.insert((m.to_uppercase(), p.to_string()));
                }
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn covered(rows: &[Row]) -> BTreeSet<(String, String)> {
    rows.iter()
        .filter(|r| !r.route.is_empty())
        .map(|r| (r.method.to_string(), r.route.to_string()))
        .collect()
}

#[test]
fn every_route_is_in_the_access_matrix() {
    let mut problems = Vec::new();
    for (name, source, rows) in [
        ("API", include_str!("../../src/api/mod.rs"), api_rows()),
        ("pages", include_str!("../../src/web/mod.rs"), page_rows()),
    ] {
        let routes = registered_routes(source);
        let table = covered(&rows);
        assert!(
            routes.len() > 20,
            "{name}: the route parser found {routes:?}"
        );
        for (m, p) in routes.difference(&table) {
            problems.push(format!("{name} route {m} {p} has no row in the matrix"));
        }
        for (m, p) in table.difference(&routes) {
            problems.push(format!("{name} row {m} {p} names no registered route"));
        }
        for row in &rows {
            parse_expect(row.expect);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[actix_web::test]
async fn every_api_route_answers_each_caller_as_the_spec_says() {
    let mut fx = Fixture::new().await;
    let rows = api_rows();
    let calls = rows.len() * fx.callers.len();
    let mismatches = run_table(&mut fx, Surface::Api, &rows, Send::Normal).await;
    eprintln!(
        "API matrix: {} rows × {} callers = {calls} calls",
        rows.len(),
        fx.callers.len()
    );
    report("API", &mismatches, calls);
}

#[actix_web::test]
async fn every_page_answers_each_caller_as_the_spec_says() {
    let mut fx = Fixture::new().await;
    let rows = page_rows();
    let calls = rows.len() * fx.callers.len();
    let mismatches = run_table(&mut fx, Surface::Pages, &rows, Send::Normal).await;
    eprintln!(
        "page matrix: {} rows × {} callers = {calls} calls",
        rows.len(),
        fx.callers.len()
    );
    report("pages", &mismatches, calls);
}

#[actix_web::test]
async fn every_page_form_refuses_a_post_without_its_csrf_token_or_from_another_site() {
    let mut fx = Fixture::new().await;
    // The unsubscribe link is exempt on purpose (RFC 8058); every other form is not.
    let rows: Vec<Row> = page_rows()
        .into_iter()
        .filter(|r| r.method == "POST" && r.route != "/unsubscribe")
        .collect();
    let mut mismatches = run_table(&mut fx, Surface::Pages, &rows, Send::WithoutCsrf).await;
    mismatches.extend(run_table(&mut fx, Surface::Pages, &rows, Send::FromAnotherSite).await);
    report("CSRF", &mismatches, 2 * rows.len() * fx.callers.len());
}

/// (field, JSON value) pairs that only the system or an admin may set.
const RESERVED: [(&str, &str); 7] = [
    ("role", r#""admin""#),
    ("totp_enabled", "false"),
    ("status", r#""published""#),
    ("affiliation_verified", "true"),
    ("email_verified", "true"),
    ("author_id", r#""<admin_id>""#),
    ("suspended", "false"),
];

#[derive(Debug, PartialEq, Eq, Clone)]
struct Account {
    id: i64,
    role: String,
    verified: bool,
    email_verified: bool,
    suspended: bool,
}

async fn accounts(app: &TestApp) -> Vec<Account> {
    app.db()
        .run(|conn| {
            let rows = users::table
                .order(users::id.asc())
                .select((
                    users::id,
                    users::role,
                    users::affiliation_verified,
                    users::email_verified,
                    users::suspended,
                ))
                .load::<(i64, String, bool, bool, bool)>(conn)?;
            Ok(rows
                .into_iter()
                .map(|(id, role, verified, email_verified, suspended)| Account {
                    id,
                    role,
                    verified,
                    email_verified,
                    suspended,
                })
                .collect())
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn nobody_sets_a_field_reserved_to_the_system_or_to_admins() {
    let mut fx = Fixture::new().await;
    fx.vars.insert("admin_id", fx.admin.id.to_string());
    let accounts_before = accounts(&fx.app).await;
    let comments_before = fx.app.count("comments").await;
    let pub_id: i64 = fx.vars["pub"].parse().unwrap();
    let pub_before = fx.snapshot(Fresh::Comment(pub_id)).await;

    // The API rejects each such field by name (422), for whoever sends it.
    let mut rows: Vec<(Row, &str)> = Vec::new();
    for (field, value) in RESERVED {
        let user = "all=422 anon=401 susp=401";
        rows.push((
            r(
                "PATCH",
                "/me",
                "/me",
                format!(r#"{{"display_name":"Renamed","{field}":{value}}}"#),
                user,
            ),
            field,
        ));
        rows.push((
            r(
                "POST",
                "/drafts/{id}/comments",
                "/drafts/<pre_draft>/comments",
                format!(r#"{{"paragraph_id":"<pre_p1>","body":"Sneaky","{field}":{value}}}"#),
                user,
            ),
            field,
        ));
        rows.push((
            r(
                "PATCH",
                "/comments/{id}",
                "/comments/<pub>",
                format!(r#"{{"body":"Sneaky","{field}":{value}}}"#),
                user,
            ),
            field,
        ));
        rows.push((
            r("POST", "/auth/register", "/auth/register",
              format!(r#"{{"email":"<fresh_email>","password":"<strong>","display_name":"New","stakeholder_group":"academia","{field}":{value}}}"#),
              "all=422"),
            field,
        ));
    }
    let table: Vec<Row> = rows.iter().map(|(row, _)| row.clone()).collect();
    let mut mismatches = run_table(&mut fx, Surface::Api, &table, Send::Normal).await;
    let admin = fx.callers.iter().position(|c| c.who == Who::Admin).unwrap();
    for (row, field) in &rows {
        let caller = &fx.callers[admin];
        let mut made = HashMap::new();
        let path = fx.expand(row.path, &mut made).await;
        let body = fx.expand(&row.body, &mut made).await;
        let a = call(&fx, Surface::Api, caller, row, &path, &body, Send::Normal).await;
        let v: Value = serde_json::from_str(&a.text).unwrap_or(Value::Null);
        if v["errors"][field].is_null() {
            mismatches.push(format!(
                "{} {} with {field}: the 422 does not name the field: {}",
                row.method, row.path, a.text
            ));
        }
    }

    // The page forms ignore such fields; what they saved shows that they were ignored.
    let forms = [
        r("POST", "/me", "/me",
          "display_name=Renamed&role=admin&affiliation_verified=on&email_verified=on&suspended=&status=published",
          "all=200 anon=L susp=L"),
        r("POST", "/drafts/{id}/comments", "/drafts/<pre_draft>/comments",
          "paragraph_id=<pre_p1>&kind=comment&body=Held for moderation&attribution=name&status=published&author_id=<admin_id>",
          "all=303 anon=L susp=L unv=403"),
        r("POST", "/comments/{id}/edit", "/comments/<pub>/edit",
          "body=Edited again&status=hidden&author_id=<admin_id>", "all=403 anon=L susp=L author=303"),
        r("POST", "/register", "/register",
          "email=<fresh_email>&password=<strong>&display_name=New&stakeholder_group=academia&organization=Uni&country=KE&role=admin&email_verified=on&affiliation_verified=on",
          "all=200"),
    ];
    mismatches.extend(run_table(&mut fx, Surface::Pages, &forms, Send::Normal).await);

    // No account changed a reserved flag; the page registrations are plain, unverified
    // participants, and the API registrations were refused.
    let after = accounts(&fx.app).await;
    for a in &after {
        match accounts_before.iter().find(|b| b.id == a.id) {
            Some(b) if b != a => mismatches.push(format!("account changed: {b:?} → {a:?}")),
            Some(_) => {}
            None => {
                if a.role != "participant" || a.verified || a.email_verified || a.suspended {
                    mismatches.push(format!("a registration set reserved fields: {a:?}"));
                }
            }
        }
    }
    let registered = after.len() - accounts_before.len();
    if registered != fx.callers.len() {
        mismatches.push(format!(
            "expected {} page registrations and none through the API, got {registered}",
            fx.callers.len()
        ));
    }
    // The page comments are their writers', held for moderation unless a moderator or
    // an admin wrote them; the API let none in.
    let staff: Vec<i64> = fx
        .callers
        .iter()
        .filter(|c| matches!(c.who, Who::Moderator | Who::Admin))
        .filter_map(Caller::id)
        .collect();
    let pre_draft: i64 = fx.vars["pre_draft"].parse().unwrap();
    let written = fx
        .app
        .db()
        .run(move |conn| {
            Ok(comments::table
                .filter(comments::draft_id.eq(pre_draft))
                .filter(comments::body.eq("Held for moderation"))
                .select((comments::author_id, comments::status))
                .load::<(i64, String)>(conn)?)
        })
        .await
        .unwrap();
    let writers = fx
        .callers
        .iter()
        .filter(|c| {
            matches!(
                c.who,
                Who::Participant(_) | Who::Author | Who::Moderator | Who::Admin
            )
        })
        .count();
    if written.len() != writers {
        mismatches.push(format!(
            "expected {writers} page comments, found {}",
            written.len()
        ));
    }
    for (author, status) in &written {
        let expected = if staff.contains(author) {
            "published"
        } else {
            "pending"
        };
        if status != expected {
            mismatches.push(format!(
                "a page comment by {author} is {status}, not {expected}"
            ));
        }
    }
    let by_admin = written.iter().filter(|(a, _)| *a == fx.admin.id).count();
    if by_admin != 1 {
        mismatches.push(format!(
            "{by_admin} page comments are credited to the admin, not 1"
        ));
    }
    let new_comments = fx.app.count("comments").await - comments_before;
    if new_comments != writers as i64 {
        mismatches.push(format!("{new_comments} comments were added, not {writers}"));
    }
    let pub_after = fx.snapshot(Fresh::Comment(pub_id)).await;
    if let (
        Snapshot::Comment {
            status: s0,
            author: a0,
            ..
        },
        Snapshot::Comment {
            status: s1,
            author: a1,
            ..
        },
    ) = (&pub_before, &pub_after)
    {
        if s0 != s1 || a0 != a1 {
            mismatches.push(format!(
                "the published comment changed: {pub_before:?} → {pub_after:?}"
            ));
        }
    }
    report(
        "mass assignment",
        &mismatches,
        table.len() * fx.callers.len(),
    );
}

// ------------------------------------------------------------------------------------
// Hostile text (issue 18): every text input of every row, one at a time.

/// Text that must be refused or stored as it came, never a 5xx.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hostile {
    /// U+0000, which PostgreSQL text cannot hold: always a 422 naming the field.
    Nul,
    /// A lone surrogate: `\ud800` in JSON (malformed, 400), its UTF-8-like bytes in forms.
    Surrogate,
    /// One megabyte of text.
    Huge,
    /// Right-to-left override, Arabic, zero-width space and mark, byte order mark.
    Bidi,
}

const MARK: &str = "HOSTILEMARK";

impl Hostile {
    const ALL: [Hostile; 4] = [
        Hostile::Nul,
        Hostile::Surrogate,
        Hostile::Huge,
        Hostile::Bidi,
    ];

    /// What replaces MARK inside a JSON string literal.
    fn json(self) -> String {
        match self {
            Hostile::Nul => r"\u0000".into(),
            Hostile::Surrogate => r"\ud800".into(),
            Hostile::Huge => "a".repeat(1 << 20),
            Hostile::Bidi => {
                let s = serde_json::to_string("\u{202E}مشاركة\u{200B}\u{200F}\u{FEFF}").unwrap();
                s.trim_matches('"').to_string()
            }
        }
    }

    /// What replaces MARK in a form body or a query string.
    fn urlencoded(self) -> String {
        match self {
            Hostile::Nul => "%00".into(),
            Hostile::Surrogate => "%ED%A0%80".into(),
            Hostile::Huge => "a".repeat(1 << 20),
            Hostile::Bidi => {
                form_urlencoded::byte_serialize("\u{202E}مشاركة\u{200B}\u{200F}\u{FEFF}".as_bytes())
                    .collect()
            }
        }
    }
}

/// Everything a refused call must leave as it was: row counts, and the text of the
/// accounts, consultations and comments. Not the outbox and digest rows: the worker
/// writes those on its own time, from events an earlier call made.
async fn fingerprint(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "users",
        "account_tokens",
        "audit_log",
        "consultations",
        "drafts",
        "paragraphs",
        "comments",
        "comment_edits",
        "flags",
        "follows",
        "events",
        "recovery_codes",
    ] {
        out.push(format!("{table}={}", app.count(table).await));
    }
    let text = app
        .db()
        .run(|conn| {
            use plenary::db::schema::consultations;
            let u: Vec<(i64, String, String, String, String, i32)> = users::table
                .order(users::id)
                .select((
                    users::id,
                    users::email,
                    users::display_name,
                    users::organization,
                    users::notification_mode,
                    users::token_version,
                ))
                .load(conn)?;
            let c: Vec<(i64, String, String)> = comments::table
                .order(comments::id)
                .select((comments::id, comments::status, comments::body))
                .load(conn)?;
            let k: Vec<(i64, String, String)> = consultations::table
                .order(consultations::id)
                .select((
                    consultations::id,
                    consultations::title,
                    consultations::summary,
                ))
                .load(conn)?;
            Ok(format!("{u:?}{c:?}{k:?}"))
        })
        .await
        .unwrap();
    out.push(text);
    out
}

/// The caller who gets furthest with a row: the first one it is meant to succeed for.
fn furthest_caller(row: &Row) -> Who {
    let expect = parse_expect(row.expect);
    let succeeds = |key: &str| match expect[key].want {
        Want::Status(s) => (200..400).contains(&s),
        Want::Login => false,
    };
    [Who::Admin, Who::Author, Who::Moderator]
        .into_iter()
        .find(|w| succeeds(w.key()))
        .unwrap_or(Who::Admin)
}

/// The row's request with the text input `field` (a JSON path, a form field or a query
/// parameter) replaced by MARK; every other text input as the row has it.
struct Variant {
    field: String,
    path: String,
    body: String,
}

fn json_leaves(v: &Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        Value::String(_) => out.push(prefix.to_string()),
        Value::Object(m) => {
            for (k, v) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                json_leaves(v, &p, out);
            }
        }
        _ => {}
    }
}

fn set_json(v: &mut Value, path: &str) {
    let mut cur = v;
    for part in path.split('.') {
        cur = &mut cur[part];
    }
    let old = cur.as_str().unwrap_or_default().to_string();
    *cur = Value::String(format!("{old}{MARK}"));
}

fn variants(surface: Surface, path: &str, body: &str) -> Vec<Variant> {
    let mut out = Vec::new();
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let encode = |pairs: &[(String, String)]| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            s.append_pair(k, v);
        }
        s.finish().replace(MARK, "MARKPLACE")
    };
    for i in 0..pairs.len() {
        let mut p = pairs.clone();
        p[i].1.push_str(MARK);
        out.push(Variant {
            field: p[i].0.clone(),
            path: format!("{base}?{}", encode(&p)),
            body: body.to_string(),
        });
    }
    match surface {
        Surface::Api if !body.is_empty() => {
            let v: Value = serde_json::from_str(body).unwrap();
            let mut leaves = Vec::new();
            json_leaves(&v, "", &mut leaves);
            for leaf in leaves {
                let mut v = v.clone();
                set_json(&mut v, &leaf);
                out.push(Variant {
                    field: leaf,
                    path: path.to_string(),
                    body: v.to_string(),
                });
            }
        }
        Surface::Pages => {
            let fields: Vec<(String, String)> = body
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (k.to_string(), v.to_string())
                })
                .collect();
            for i in 0..fields.len() {
                let mut f = fields.clone();
                f[i].1.push_str(MARK);
                out.push(Variant {
                    field: f[i].0.clone(),
                    path: path.to_string(),
                    body: encode(&f),
                });
            }
        }
        Surface::Api => {}
    }
    // A route without text inputs still reads its query string.
    if out.is_empty() {
        let sep = if query.is_empty() { "?" } else { "&" };
        out.push(Variant {
            field: "q".into(),
            path: format!("{path}{sep}q=MARKPLACE"),
            body: body.to_string(),
        });
    }
    out
}

async fn run_hostile(fx: &mut Fixture, surface: Surface, rows: &[Row]) -> (Vec<String>, usize) {
    let mut mismatches = Vec::new();
    let mut calls = 0;
    for row in rows
        .iter()
        .filter(|r| !signs_out(r.route) && !r.route.starts_with("/static"))
    {
        let who = furthest_caller(row);
        let caller = fx.callers.iter().find(|c| c.who == who).unwrap();
        let mut made = HashMap::new();
        let path = fx.expand(row.path, &mut made).await;
        let body = fx.expand(&row.body, &mut made).await;
        for v in variants(surface, &path, &body) {
            for h in Hostile::ALL {
                // Under a query string the MARK is already encoded as MARKPLACE.
                let url_raw = h.urlencoded();
                let body_raw = match surface {
                    Surface::Api => h.json(),
                    Surface::Pages => url_raw.clone(),
                };
                let path = v.path.replace("MARKPLACE", &url_raw);
                let sent = v
                    .body
                    .replace(MARK, &body_raw)
                    .replace("MARKPLACE", &body_raw);
                let before = fingerprint(&fx.app).await;
                let (status, text) = send_raw(fx, surface, caller, row.method, &path, &sent).await;
                calls += 1;
                let now = fingerprint(&fx.app).await;
                let label = format!(
                    "{} {} [{}] {h:?} as {}",
                    row.method,
                    row.path,
                    v.field,
                    who.label()
                );
                let detail: String = text.chars().take(160).collect();
                // A megabyte of query string is more than the HTTP layer reads of a
                // request head: it closes the connection, before any handler runs.
                let in_query = v.path.contains("MARKPLACE");
                if status == 0 && !(h == Hostile::Huge && in_query) {
                    mismatches.push(format!("{label}: {detail}"));
                }
                if status >= 500 {
                    mismatches.push(format!("{label}: answered {status}: {detail}"));
                }
                let json_surrogate = h == Hostile::Surrogate
                    && surface == Surface::Api
                    && !v.body.is_empty()
                    && v.body != body;
                // A field may be refused for its shape before its text is looked at.
                let named = text.contains(&format!("\"{}\"", v.field))
                    || text.contains(&format!("{}: ", v.field));
                if h == Hostile::Nul && (status != 422 || !named) {
                    mismatches.push(format!(
                        "{label}: expected a 422 naming the field, got {status}: {detail}"
                    ));
                }
                if json_surrogate && status != 400 {
                    mismatches.push(format!(
                        "{label}: expected 400 for malformed JSON, got {status}: {detail}"
                    ));
                }
                if status >= 400 && now != before {
                    mismatches.push(format!(
                        "{label}: answered {status} but changed the database"
                    ));
                }
            }
        }
    }
    (mismatches, calls)
}

/// Sends a body exactly as given (JSON, or an urlencoded form with the caller's CSRF
/// token first).
async fn send_raw(
    fx: &Fixture,
    surface: Surface,
    caller: &Caller,
    method: &str,
    path: &str,
    body: &str,
) -> (u16, String) {
    let app = &fx.app;
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let req = match surface {
        Surface::Api => {
            let url = if path.starts_with("/api/") {
                app.url(path)
            } else {
                app.api(path)
            };
            let mut req = fx.api.request(method, url);
            if let Some(t) = &caller.token {
                req = req.bearer_auth(t);
            }
            if !body.is_empty() {
                req = req
                    .header("Content-Type", "application/json")
                    .body(body.to_string());
            }
            req
        }
        Surface::Pages => {
            let mut req = caller.client.request(method.clone(), app.url(path));
            if method != reqwest::Method::GET {
                let csrf: String =
                    form_urlencoded::byte_serialize(caller.csrf.as_bytes()).collect();
                let form = if body.is_empty() {
                    format!("csrf={csrf}")
                } else {
                    format!("csrf={csrf}&{body}")
                };
                req = same_site(app, req)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(form);
            }
            req
        }
    };
    match req.send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            (status, res.text().await.unwrap_or_default())
        }
        // A server may close the connection on a request head it will not read.
        Err(e) => (0, format!("no answer: {e}")),
    }
}

#[actix_web::test]
async fn every_text_input_refuses_nul_and_survives_hostile_text_on_the_api() {
    let mut fx = Fixture::new().await;
    let (mismatches, calls) = run_hostile(&mut fx, Surface::Api, &api_rows()).await;
    eprintln!("hostile text, API: {calls} calls");
    report("hostile text (API)", &mismatches, calls);
}

#[actix_web::test]
async fn every_text_input_refuses_nul_and_survives_hostile_text_on_the_pages() {
    let mut fx = Fixture::new().await;
    let (mismatches, calls) = run_hostile(&mut fx, Surface::Pages, &page_rows()).await;
    eprintln!("hostile text, pages: {calls} calls");
    report("hostile text (pages)", &mismatches, calls);
}
