//! The six UN languages (issue 16): every page in each, the choice of language (link,
//! cookie, Accept-Language, the account's preference), and the read cache per language.

use plenary::accounts::model::Group;
use plenary::i18n::{self, Lang};
use serde_json::json;

use crate::helpers::*;

const DRAFT: &str = "# Preamble\n\nPP1. Recalling the Geneva phase,\n\n# Operative part\n\n1. Commits to connectivity; {C2 SDG9}\n\n2. Decides to review progress in 2030.\n";

/// An admin, an open consultation, a draft with one comment; (consultation, draft, admin).
async fn consultation(app: &TestApp) -> (serde_json::Value, serde_json::Value, TestUser) {
    let admin = app.admin().await;
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20", "summary": "Review", "moderation": "post"}),
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
    let user = app.participant(Group::CivilSociety).await;
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{}/comments", d["id"].as_str().unwrap()),
            &json!({"paragraph_id": d["paragraphs"][1]["id"], "body": "Connectivity matters"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);
    (c, d, admin)
}

/// What a person reads on a page: its text and the attributes read aloud or shown.
fn readable_words(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut texts: Vec<String> = doc.root_element().text().map(str::to_string).collect();
    let attributes =
        scraper::Selector::parse("[aria-label], [title], [placeholder], [alt]").unwrap();
    for e in doc.select(&attributes) {
        for name in ["aria-label", "title", "placeholder", "alt"] {
            if let Some(v) = e.value().attr(name) {
                texts.push(v.to_string());
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn html_lang_and_dir(html: &str) -> (String, String) {
    let doc = scraper::Html::parse_document(html);
    let root = doc.root_element();
    (
        root.value().attr("lang").unwrap_or("").to_string(),
        root.value().attr("dir").unwrap_or("").to_string(),
    )
}

#[actix_web::test]
async fn every_page_answers_in_each_of_the_six_languages_with_its_lang_and_dir() {
    let app = spawn_app().await;
    let (c, d, admin) = consultation(&app).await;
    let (cid, did) = (c["id"].as_str().unwrap(), d["id"].as_str().unwrap());
    let pid = d["paragraphs"][1]["id"].as_str().unwrap();
    let participant = app.participant(Group::Academia).await;
    let pages: Vec<String> = [
        "/",
        "/privacy",
        "/login",
        "/register",
        "/password-reset",
        "/logout",
        "/verify-email",
        "/unsubscribe",
        "/no-such-page",
    ]
    .iter()
    .map(|p| p.to_string())
    .chain(
        [
            format!("/consultations/{cid}"),
            format!("/drafts/{did}"),
            format!("/drafts/{did}?group=civil_society"),
            format!("/drafts/{did}/paragraphs/{pid}"),
            format!("/drafts/{did}/general"),
            format!("/drafts/{did}/dashboard"),
            format!("/drafts/{did}/export?format=html"),
            "/me".into(),
            "/me/delete".into(),
            "/admin".into(),
            "/admin/users".into(),
            format!("/admin/consultations/{cid}"),
            format!("/admin/drafts/{did}/tags"),
            format!("/admin/drafts/{did}/revise"),
            format!("/admin/users/{}/delete", participant.id),
            "/moderation".into(),
            "/moderation/log".into(),
        ]
        .into_iter(),
    )
    .collect();
    let ids = i18n::message_ids(Lang::En);
    app.sign_in_on_the_pages(&admin.email).await;
    let mut checked = 0;
    for path in &pages {
        let sep = if path.contains('?') { '&' } else { '?' };
        let english = app
            .client
            .get(app.url(&format!("{path}{sep}lang=en")))
            .send()
            .await
            .unwrap();
        let status = english.status();
        let english = english.text().await.unwrap();
        for &lang in Lang::offered() {
            let url = app.url(&format!("{path}{sep}lang={}", lang.code()));
            let res = app.client.get(url).send().await.unwrap();
            assert_eq!(res.status(), status, "{path} in {}", lang.code());
            assert_eq!(
                res.headers()
                    .get("content-language")
                    .and_then(|v| v.to_str().ok()),
                Some(lang.code()),
                "{path}"
            );
            let html = res.text().await.unwrap();
            assert_eq!(
                html_lang_and_dir(&html),
                (lang.code().to_string(), lang.dir().to_string()),
                "{path} in {}",
                lang.code()
            );
            let untranslated: Vec<String> = readable_words(&html)
                .into_iter()
                .filter(|w| ids.binary_search(&w.as_str()).is_ok())
                .collect();
            assert!(
                untranslated.is_empty(),
                "{path} in {} shows message ids: {untranslated:?}",
                lang.code()
            );
            if lang != Lang::En {
                assert_ne!(
                    html,
                    english,
                    "{path} in {} is the English page",
                    lang.code()
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, pages.len() * Lang::offered().len());
}

#[actix_web::test]
async fn a_lang_link_is_remembered_by_a_cookie_and_accept_language_decides_a_first_visit() {
    let app = spawn_app().await;
    // First visit, no cookie: the browser's languages in order of preference.
    let res = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "de-CH, ru;q=0.9, en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang_and_dir(&res.text().await.unwrap()).0, "ru");
    // None of the six: English.
    let res = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "de, ja")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang_and_dir(&res.text().await.unwrap()).0, "en");

    // A ?lang= link sets the cookie; later pages follow it over Accept-Language.
    let res = app.client.get(app.url("/?lang=ru")).send().await.unwrap();
    let set = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("plenary_lang="))
        .expect("the language cookie")
        .to_string();
    assert!(
        set.contains("plenary_lang=ru") && set.contains("Path=/"),
        "{set}"
    );
    let html = app.page("/login").await;
    assert_eq!(html_lang_and_dir(&html), ("ru".into(), "ltr".into()));
    let res = app
        .client
        .get(app.url("/privacy"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang_and_dir(&res.text().await.unwrap()).0, "ru");

    // The switcher names each language in itself and links to this page in it.
    let doc = scraper::Html::parse_document(&html);
    let sel =
        scraper::Selector::parse("nav.language-switcher a, nav.language-switcher [aria-current]")
            .unwrap();
    let names: Vec<(String, Option<String>)> = doc
        .select(&sel)
        .map(|e| {
            (
                e.text().collect::<String>(),
                e.value().attr("href").map(str::to_string),
            )
        })
        .collect();
    let expected: Vec<(String, Option<String>)> = Lang::offered()
        .iter()
        .map(|l| {
            let href = (*l != Lang::Ru).then(|| format!("/login?lang={}", l.code()));
            (l.native_name().to_string(), href)
        })
        .collect();
    assert_eq!(names, expected);
    // An unknown code changes nothing.
    let html = app.page("/?lang=xx").await;
    assert_eq!(html_lang_and_dir(&html).0, "ru");
}

#[actix_web::test]
async fn the_account_keeps_its_language_in_me_and_patch_me_and_brings_it_to_sign_in() {
    let app = spawn_app().await;
    let user = app.participant(Group::Government).await;
    let (status, me) = body(app.get_api("/me", Some(&user.token)).await).await;
    assert_eq!(status, 200);
    assert_eq!(me["preferred_language"], "en");

    let (status, problem) = body(
        app.patch_json(
            "/me",
            &json!({"preferred_language": "xx"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem.to_string().contains("preferred_language"),
        "{problem}"
    );
    let (_, me) = body(app.get_api("/me", Some(&user.token)).await).await;
    assert_eq!(
        me["preferred_language"], "en",
        "a refused change changes nothing"
    );

    let (status, me) = body(
        app.patch_json(
            "/me",
            &json!({"preferred_language": "ru"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["preferred_language"], "ru");

    // Signing in on the pages brings the account's language to this browser.
    app.sign_in_on_the_pages(&user.email).await;
    let html = app.page("/me").await;
    assert_eq!(html_lang_and_dir(&html).0, "ru");

    // The /me form changes it, and answers in the new language.
    let csrf = app.csrf("/me").await;
    let res = app
        .client
        .post(app.url("/me"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("display_name", "Delegate"),
            ("organization", ""),
            ("country", ""),
            ("notification_mode", "immediate"),
            ("preferred_language", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(html_lang_and_dir(&res.text().await.unwrap()).0, "en");
    let (_, me) = body(app.get_api("/me", Some(&user.token)).await).await;
    assert_eq!(me["preferred_language"], "en");
    assert_eq!(html_lang_and_dir(&app.page("/").await).0, "en");
}

#[actix_web::test]
async fn an_account_registered_in_russian_reads_russian() {
    let app = spawn_app().await;
    let (status, me) = body(
        app.client
            .post(app.api("/auth/register"))
            .header("Accept-Language", "ru-RU,ru;q=0.9")
            .json(&json!({
                "email": "delegada@example.org",
                "password": "a long enough passphrase 42",
                "display_name": "Delegada",
                "stakeholder_group": "government",
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{me}");
    assert_eq!(me["user"]["preferred_language"], "ru");
}

#[actix_web::test]
async fn signed_out_readers_get_the_reading_page_in_their_language_from_the_cache() {
    let app = spawn_app().await;
    let (_, d, _) = consultation(&app).await;
    let path = format!("/drafts/{}", d["id"].as_str().unwrap());
    let client = reqwest::Client::new();
    let mut etags = Vec::new();
    for round in 0..2 {
        for lang in ["en", "ru", "en"] {
            let res = client
                .get(app.url(&path))
                .header("Accept-Language", lang)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let vary = res
                .headers()
                .get("vary")
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            assert!(
                vary.contains("Accept-Language") && vary.contains("Cookie"),
                "{vary}"
            );
            let etag = res
                .headers()
                .get("etag")
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            let html = res.text().await.unwrap();
            assert_eq!(html_lang_and_dir(&html).0, lang, "round {round}");
            etags.push((lang, etag));
        }
    }
    // One representation per language: the same tag for the same language, another for
    // each other one.
    for (a, ta) in &etags {
        for (b, tb) in &etags {
            assert_eq!(a == b, ta == tb, "{a} {ta} / {b} {tb}");
        }
    }
}

#[actix_web::test]
async fn emails_go_out_in_the_language_of_their_recipient() {
    let app = spawn_app().await;
    let (_, d, admin) = consultation(&app).await;
    let did = d["id"].as_str().unwrap();
    let french = app.participant(Group::Academia).await;
    let (status, _) = body(
        app.patch_json(
            "/me",
            &json!({"preferred_language": "ru"}),
            Some(&french.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);

    // An account email: the password reset, asked for by a caller who reads English.
    app.post_json(
        "/auth/password-reset",
        &json!({"email": french.email}),
        None,
    )
    .await;
    let mails = app
        .smtp
        .wait_for(&french.email, 1, std::time::Duration::from_secs(10))
        .await;
    assert_eq!(
        mails[0].subject,
        i18n::t_in(Lang::Ru, "email-reset-subject")
    );
    assert_ne!(
        mails[0].subject,
        i18n::t_in(Lang::En, "email-reset-subject")
    );
    assert!(mails[0]
        .text
        .contains(i18n::t_in(Lang::Ru, "email-reset-body")));
    assert!(mails[0]
        .html
        .as_deref()
        .unwrap()
        .contains("<html lang=\"ru\""));

    // A notification: a reply to the French participant's comment, written by someone
    // who reads English.
    let (_, mine) = body(
        app.post_json(
            &format!("/drafts/{did}/comments"),
            &json!({"paragraph_id": d["paragraphs"][0]["id"], "body": "Un commentaire"}),
            Some(&french.token),
        )
        .await,
    )
    .await;
    app.post_json(
        &format!("/drafts/{did}/comments"),
        &json!({"parent_id": mine["id"], "body": "A reply in English"}),
        Some(&admin.token),
    )
    .await;
    let mails = app
        .smtp
        .wait_for(&french.email, 2, std::time::Duration::from_secs(20))
        .await;
    let reply = &mails[1];
    let on = i18n::tr_in(Lang::Ru, "email-on-paragraph", &[("label", "PP1".into())]);
    assert!(reply.subject.contains(&on), "{}", reply.subject);
    assert!(
        reply
            .text
            .contains(i18n::t_in(Lang::Ru, "email-read-thread")),
        "{}",
        reply.text
    );
    assert!(reply.text.contains("A reply in English"));
}

#[actix_web::test]
async fn the_api_answers_problem_titles_in_the_accept_language_language() {
    let app = spawn_app().await;
    for &lang in Lang::offered() {
        let res = app
            .client
            .get(app.api("/me"))
            .header("Accept-Language", lang.code())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        let (_, problem) = body(res).await;
        assert_eq!(
            problem["title"],
            i18n::t_in(lang, "problem-401"),
            "{}",
            lang.code()
        );
        // Machine values do not change.
        assert_eq!(problem["status"], 401);
        assert!(
            problem["type"].as_str().unwrap().ends_with("/unauthorized"),
            "{problem}"
        );
    }
}

#[actix_web::test]
async fn dates_and_counts_are_written_as_each_language_writes_them() {
    let app = spawn_app().await;
    let (c, _, _) = consultation(&app).await;
    let id = c["id"].as_str().unwrap();
    let opens = chrono::DateTime::parse_from_rfc3339(c["opens_at"].as_str().unwrap())
        .unwrap()
        .naive_utc();
    for lang in Lang::offered().iter().copied() {
        let res = reqwest::Client::new()
            .get(app.url(&format!("/consultations/{id}?lang={}", lang.code())))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        let written = i18n::date_time_in(lang, opens);
        assert!(
            html.contains(&written),
            "{}: {written} not on the page",
            lang.code()
        );
    }
    // The same moment reads differently in each language: not one hand-made format.
    let fr = i18n::date_time_in(Lang::Fr, opens);
    assert_ne!(fr, i18n::date_time_in(Lang::En, opens));
    assert_ne!(
        i18n::number_in(Lang::Fr, 12_345),
        i18n::number_in(Lang::En, 12_345)
    );
}

/// Field errors and problem details on a page are in the reader's language; the API's
/// stay English, the sentences its clients match on.
#[actix_web::test]
async fn a_page_tells_what_is_wrong_in_the_readers_language_and_the_api_in_english() {
    let app = spawn_app().await;
    for &lang in Lang::offered() {
        let csrf = app.csrf(&format!("/register?lang={}", lang.code())).await;
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
        assert_eq!(res.status(), 422, "{}", lang.code());
        let html = res.text().await.unwrap();
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("#f-password-error").unwrap();
        let shown: String = doc.select(&sel).flat_map(|e| e.text()).collect();
        let expected = i18n::message_in(lang, "must be at least 10 characters");
        assert_eq!(shown.trim(), expected, "{}", lang.code());
        let summary = scraper::Selector::parse("#error-summary li").unwrap();
        let lines: Vec<String> = doc
            .select(&summary)
            .map(|e| e.text().collect::<String>())
            .collect();
        assert!(
            lines.iter().any(|l| l.contains(expected.as_ref())),
            "{}: {lines:?}",
            lang.code()
        );
        if lang != Lang::En {
            assert!(!html.contains("must be at least"), "{}", lang.code());
            assert!(
                !html.contains("must be an email address"),
                "{}",
                lang.code()
            );
        }
    }
    assert_eq!(app.count("users").await, 0);

    // A problem page: its detail in French.
    let res = app
        .client
        .get(app.url("/drafts/999999?lang=fr"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let html = res.text().await.unwrap();
    let detail = i18n::message_in(Lang::Fr, "There is nothing here, or you may not see it.");
    assert!(html.contains(detail.as_ref()), "{html}");

    // The API: the same mistakes, in English, whatever the language asked for.
    let (status, problem) = body(
        app.client
            .post(app.api("/auth/register"))
            .header("Accept-Language", "fr")
            .json(&json!({
                "email": "bad", "password": "x", "display_name": "A",
                "stakeholder_group": "academia"
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["title"], i18n::t_in(Lang::Fr, "problem-422"));
    assert_eq!(
        problem["errors"]["password"][0],
        "must be at least 10 characters"
    );
    assert_eq!(problem["errors"]["email"][0], "must be an email address");
}

/// Text people wrote keeps its own direction on a mirrored page: an English draft
/// paragraph and comment on the Arabic page are `dir="auto"`, so they read left to right.
#[actix_web::test]
async fn written_text_keeps_its_own_direction_on_the_arabic_pages() {
    let app = spawn_app().await;
    let (_, d, _) = consultation(&app).await;
    let draft = d["id"].as_str().unwrap();
    let paragraph = d["paragraphs"][1]["id"].as_str().unwrap();
    let html = app
        .page(&format!("/drafts/{draft}/paragraphs/{paragraph}?lang=ar"))
        .await;
    assert_eq!(html_lang_and_dir(&html), ("ar".into(), "rtl".into()));
    let doc = scraper::Html::parse_document(&html);
    for (what, selector) in [
        ("the paragraph", ".para-text p"),
        ("the comment", ".comment-body p"),
    ] {
        let sel = scraper::Selector::parse(selector).unwrap();
        let p = doc.select(&sel).next().unwrap_or_else(|| panic!("{what}"));
        assert_eq!(p.value().attr("dir"), Some("auto"), "{what}");
    }
    assert!(html.contains("Connectivity matters"));
}
