//! Language versions of a draft (issue 17): aligned by paragraph, refused whole when they
//! do not line up, read in any language with the same comments under each paragraph,
//! counted once, exported per language, and kept by revisions.

use plenary::accounts::model::Group;
use serde_json::{json, Value};

use crate::comments::{id, paragraph};
use crate::helpers::*;

const ENGLISH: &str = "# Preamble

PP1. Recalling the Geneva Declaration of Principles;

# Operative part

1. Commits to universal and meaningful connectivity by 2030;

2. Requests the Secretary-General to report on progress.
";

const FRENCH: &str = "# Préambule

PP1. Rappelant la Déclaration de principes de Genève ;

# Dispositif

1. S'engage en faveur d'une connectivité universelle et effective d'ici à 2030 ;

2. Prie le Secrétaire général de rendre compte des progrès accomplis.
";

const SPANISH: &str = "# Preámbulo

PP1. Recordando la Declaración de Principios de Ginebra;

# Parte dispositiva

1. Se compromete a lograr una conectividad universal y significativa para 2030;

2. Solicita al Secretario General que informe sobre los progresos.
";

/// The French text with its last paragraph left out.
const FRENCH_SHORT: &str = "# Préambule

PP1. Rappelant la Déclaration de principes de Genève ;

# Dispositif

1. S'engage en faveur d'une connectivité universelle et effective d'ici à 2030 ;
";

/// The French text with its preambular paragraph labelled PP2.
const FRENCH_RELABELLED: &str = "# Préambule

PP2. Rappelant la Déclaration de principes de Genève ;

# Dispositif

1. S'engage en faveur d'une connectivité universelle et effective d'ici à 2030 ;

2. Prie le Secrétaire général de rendre compte des progrès accomplis.
";

async fn english_draft(app: &TestApp, admin: &TestUser) -> Value {
    let (_, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20 review"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "Outcome document", "version_label": "Zero draft", "text": ENGLISH}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    assert_eq!(d["original_language"], "en");
    d
}

async fn add_version(
    app: &TestApp,
    admin: &TestUser,
    draft: &str,
    body_json: Value,
) -> (u16, Value) {
    body(
        app.post_json(
            &format!("/drafts/{draft}/translations"),
            &body_json,
            Some(&admin.token),
        )
        .await,
    )
    .await
}

async fn get_text(app: &TestApp, path: &str) -> String {
    let res = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

#[actix_web::test]
async fn a_comment_written_on_one_version_is_under_the_same_paragraph_in_every_version() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let d = english_draft(&app, &admin).await;
    let draft = id(&d);
    let (status, fr) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "title": "Document final", "text": FRENCH}),
    )
    .await;
    assert_eq!(status, 201, "{fr}");
    assert_eq!(fr["language"], "fr");
    assert_eq!(fr["draft_id"].as_str(), Some(draft.as_str()));

    // The API in French: the same paragraph ids, the French texts and sections.
    let (status, v) = body(
        app.get_api(&format!("/drafts/{draft}?language=fr"), None)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["language"], "fr");
    assert_eq!(v["original_language"], "en");
    assert_eq!(v["languages"], json!(["en", "fr"]));
    assert_eq!(v["title"], "Document final");
    assert_eq!(v["paragraphs"][1]["id"], d["paragraphs"][1]["id"]);
    assert_eq!(v["paragraphs"][1]["section"], "Dispositif");
    assert!(v["paragraphs"][1]["text"]
        .as_str()
        .unwrap()
        .contains("S'engage"));
    // A language without a version gives the original; an unknown code is named.
    let (_, ru) = body(
        app.get_api(&format!("/drafts/{draft}?language=ru"), None)
            .await,
    )
    .await;
    assert_eq!(ru["language"], "en");
    let (status, bad) = body(
        app.get_api(&format!("/drafts/{draft}?language=de"), None)
            .await,
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    assert!(bad["errors"]["language"].is_array(), "{bad}");
    let (_, list) = body(
        app.get_api(&format!("/drafts/{draft}/translations"), None)
            .await,
    )
    .await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");

    // A Spanish speaker comments on paragraph 1 in Spanish; an English one says nothing
    // of their language and gets the draft's.
    let es = app.participant(Group::CivilSociety).await;
    let en = app.participant(Group::Government).await;
    let p1 = paragraph(&d, 2);
    let (status, c) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"paragraph_id": p1, "body": "Proponemos fijar metas nacionales.", "language": "es"}),
            Some(&es.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["language"], "es");
    let (_, c2) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"paragraph_id": p1, "body": "Add national targets."}),
            Some(&en.token),
        )
        .await,
    )
    .await;
    assert_eq!(c2["language"], "en");
    let (status, refused) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"paragraph_id": p1, "body": "Hallo.", "language": "de"}),
            Some(&en.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused["errors"]["language"].is_array());
    assert_eq!(app.count("comments").await, 2);

    // Filtered by language.
    let (_, only_es) = body(
        app.get_api(&format!("/drafts/{draft}/comments?language=es"), None)
            .await,
    )
    .await;
    let items = only_es["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], c["id"]);
    let (status, _) = body(
        app.get_api(&format!("/drafts/{draft}/comments?language=xx"), None)
            .await,
    )
    .await;
    assert_eq!(status, 422);

    // The reading pages: the Spanish comment under paragraph 1 in French and in English,
    // labelled with its language.
    let french = get_text(&app, &format!("/drafts/{draft}?language=fr")).await;
    assert!(french.contains("S&#39;engage") || french.contains("S'engage"));
    assert!(french.contains("Proponemos fijar metas nacionales."));
    assert!(french.contains(r#"lang="es""#));
    assert!(french.contains("Español"));
    assert!(french.contains(r#"aria-current="page""#));
    let english = get_text(&app, &format!("/drafts/{draft}?language=en")).await;
    assert!(english.contains("Commits to universal"));
    assert!(english.contains("Proponemos fijar metas nacionales."));
    // The paragraph's own page in French keeps the comment, and its form proposes French.
    let thread = get_text(
        &app,
        &format!("/drafts/{draft}/paragraphs/{p1}?language=fr"),
    )
    .await;
    assert!(thread.contains("Proponemos fijar metas nacionales."));
    assert!(thread.contains("Add national targets."));
    // Side by side.
    let both = get_text(&app, &format!("/drafts/{draft}?language=fr&beside=en")).await;
    assert!(both.contains("side-by-side"));
    assert!(both.contains("Commits to universal") && both.contains("connectivité universelle"));
    // No Russian version: the original, with a note.
    let russian = get_text(&app, &format!("/drafts/{draft}?language=ru")).await;
    assert!(
        russian.contains("This draft has no version in Русский"),
        "{russian}"
    );
    assert!(russian.contains("Commits to universal"));
    // The reader's own language chooses the version when the address does not.
    let res = app
        .client
        .get(app.url(&format!("/drafts/{draft}?lang=fr")))
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    assert!(text.contains("connectivité universelle"));

    // Counted once, whatever the language.
    let (_, stats) = body(app.get_api(&format!("/drafts/{draft}/stats"), None).await).await;
    assert_eq!(stats["total"], 2, "{stats}");
    assert_eq!(stats["by_language"], json!({"en": 1, "es": 1}), "{stats}");
    let (_, dash) = body(
        app.get_api(&format!("/drafts/{draft}/dashboard"), None)
            .await,
    )
    .await;
    assert_eq!(dash["totals"]["comments"], 2);
    let langs: Vec<(&str, i64)> = dash["by_language"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["code"].as_str().unwrap(), l["total"].as_i64().unwrap()))
        .collect();
    assert_eq!(langs, vec![("en", 1), ("es", 1)]);
    let page = get_text(&app, &format!("/drafts/{draft}/dashboard")).await;
    assert!(page.contains(r#"id="by-language""#));
}

#[actix_web::test]
async fn exports_carry_the_language_and_the_compilation_is_made_in_a_chosen_version() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let d = english_draft(&app, &admin).await;
    let draft = id(&d);
    let (status, _) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH}),
    )
    .await;
    assert_eq!(status, 201);
    let user = app.participant(Group::Academia).await;
    let p1 = paragraph(&d, 2);
    let (status, _) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"paragraph_id": p1, "body": "Fixer des objectifs nationaux.", "language": "fr"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201);
    let get = |q: String| {
        let client = app.client.clone();
        let url = app.api(&format!("/drafts/{draft}/export?{q}"));
        async move {
            let res = client.get(url).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let disposition = res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .to_string();
            (disposition, res.bytes().await.unwrap())
        }
    };
    let (_, csv) = get("format=csv".into()).await;
    let csv = String::from_utf8(csv.to_vec()).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .ends_with(",next_paragraph_label,language"));
    assert!(lines.next().unwrap().ends_with(",fr"), "{csv}");

    let (_, json_bytes) = get("format=json&language=fr".into()).await;
    let v: Value = serde_json::from_slice(&json_bytes).unwrap();
    assert_eq!(v["draft"]["language"], "fr");
    assert_eq!(v["draft"]["original_language"], "en");
    assert!(v["paragraphs"][1]["text"]
        .as_str()
        .unwrap()
        .contains("S'engage"));
    assert_eq!(v["paragraphs"][1]["comments"][0]["language"], "fr");

    let (disposition, html) = get("format=html&language=fr".into()).await;
    let html = String::from_utf8(html.to_vec()).unwrap();
    assert!(disposition.contains("-fr.html"), "{disposition}");
    assert!(html.contains("connectivité universelle"));
    assert!(html.contains("Fixer des objectifs nationaux."));
    assert!(!html.contains("Commits to universal"));
    let (_, original) = get("format=html".into()).await;
    let original = String::from_utf8(original.to_vec()).unwrap();
    assert!(original.contains("Commits to universal"));
    assert!(original.contains("Fixer des objectifs nationaux."));

    let (_, xlsx) = get("format=xlsx&language=fr".into()).await;
    assert!(xlsx.starts_with(b"PK"));

    let res = app
        .client
        .get(app.api(&format!("/drafts/{draft}/export?format=html&language=xx")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
}

#[actix_web::test]
async fn a_version_that_does_not_line_up_is_refused_whole_and_bad_requests_are_named() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let d = english_draft(&app, &admin).await;
    let draft = id(&d);

    let (status, e) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH_SHORT}),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    let problems = e["errors"]["text"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{e}");
    assert_eq!(
        problems[0],
        "paragraph 3 (2) of the original is missing from the translation"
    );
    let (status, e) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH_RELABELLED}),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(
        e["errors"]["text"][0],
        "paragraph 1 is labelled PP1 in the original and PP2 in the translation"
    );
    assert_eq!(app.count("draft_translations").await, 0);
    assert_eq!(app.count("paragraph_translations").await, 0);

    let (status, e) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "de", "text": FRENCH}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        e["errors"]["language"][0],
        "must be one of ar, zh, en, fr, ru, es"
    );
    let (status, _) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "en", "text": ENGLISH}),
    )
    .await;
    assert_eq!(status, 409);
    let (status, fr) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH}),
    )
    .await;
    assert_eq!(status, 201);
    let (status, again) = add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH}),
    )
    .await;
    assert_eq!(status, 409, "{again}");
    // A version of a version.
    let (status, e) = add_version(
        &app,
        &admin,
        &id(&fr),
        json!({"language": "es", "text": SPANISH}),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert!(e["errors"]["translation_of"][0]
        .as_str()
        .unwrap()
        .starts_with("is a language version of draft"));
    let (status, _) = add_version(
        &app,
        &admin,
        "123",
        json!({"language": "es", "text": SPANISH}),
    )
    .await;
    assert_eq!(status, 404);
    // Only administrators.
    let user = app.participant(Group::Academia).await;
    let (status, _) = add_version(
        &app,
        &user,
        &draft,
        json!({"language": "es", "text": SPANISH}),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(app.count("draft_translations").await, 1);
    assert_eq!(app.count("paragraph_translations").await, 3);
}

#[actix_web::test]
async fn a_revision_has_its_own_language_versions_and_lineage_in_each() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let d = english_draft(&app, &admin).await;
    let draft = id(&d);
    add_version(
        &app,
        &admin,
        &draft,
        json!({"language": "fr", "text": FRENCH}),
    )
    .await;
    let user = app.participant(Group::Academia).await;
    let (_, c) = body(
        app.post_json(
            &format!("/drafts/{draft}/comments"),
            &json!({"paragraph_id": paragraph(&d, 2), "body": "Fixer des objectifs.", "language": "fr"}),
            Some(&user.token),
        )
        .await,
    )
    .await;
    let revised = ENGLISH.replace("by 2030", "by 2030, with national targets");
    let (status, rev) = body(
        app.post_json(
            &format!("/drafts/{draft}/revisions"),
            &json!({"version_label": "Rev.1", "text": revised}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{rev}");
    let rev_id = id(&rev);
    assert_eq!(rev["original_language"], "en");
    assert_eq!(rev["languages"], json!(["en"]));
    for (language, text) in [
        (
            "fr",
            FRENCH.replace("d'ici à 2030", "d'ici à 2030, avec des cibles nationales"),
        ),
        (
            "es",
            SPANISH.replace("para 2030", "para 2030, con metas nacionales"),
        ),
    ] {
        let (status, v) = add_version(
            &app,
            &admin,
            &rev_id,
            json!({"language": language, "text": text}),
        )
        .await;
        assert_eq!(status, 201, "{v}");
    }
    let (_, v) = body(
        app.get_api(&format!("/drafts/{rev_id}?language=es"), None)
            .await,
    )
    .await;
    assert_eq!(v["languages"], json!(["en", "fr", "es"]));
    assert!(v["paragraphs"][1]["text"]
        .as_str()
        .unwrap()
        .contains("metas nacionales"));
    // The earlier version keeps its own French text.
    let (_, z) = body(
        app.get_api(&format!("/drafts/{draft}?language=fr"), None)
            .await,
    )
    .await;
    assert!(!z["paragraphs"][1]["text"]
        .as_str()
        .unwrap()
        .contains("cibles"));
    // The input on the earlier version follows the paragraph into the revision, read in
    // Spanish as in English.
    let page = get_text(&app, &format!("/drafts/{rev_id}?language=es")).await;
    assert!(page.contains("metas nacionales"));
    let thread = get_text(
        &app,
        &format!(
            "/drafts/{rev_id}/paragraphs/{}?language=es",
            paragraph(&rev, 2)
        ),
    )
    .await;
    assert!(
        thread.contains(&format!("/drafts/{draft}/paragraphs/{}", paragraph(&d, 2))),
        "the earlier paragraph and its input are linked"
    );
    assert!(thread.contains("<ins>"), "the change is shown word by word");
    // The disposition of that comment is recorded once, for every language.
    let moderator = app.moderator().await;
    let res = app
        .client
        .put(app.api(&format!("/comments/{}/disposition", id(&c))))
        .bearer_auth(&moderator.token)
        .json(&json!({"disposition": "incorporated"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, concordance) = body(
        app.get_api(&format!("/drafts/{rev_id}/concordance"), None)
            .await,
    )
    .await;
    assert!(concordance.to_string().contains("edited"), "{concordance}");
}

#[actix_web::test]
async fn the_command_line_and_the_admin_page_add_a_language_version() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let d = english_draft(&app, &admin).await;
    let draft = id(&d);
    let dir = std::env::temp_dir();
    let good = dir.join(format!("fr-{}.md", plenary::ids::new_id()));
    let short = dir.join(format!("fr-short-{}.md", plenary::ids::new_id()));
    std::fs::write(&good, FRENCH).unwrap();
    std::fs::write(&short, FRENCH_SHORT).unwrap();
    let run = |file: &std::path::Path, language: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
            .args([
                "import-draft",
                "--translation-of",
                &draft,
                "--language",
                language,
            ])
            .arg(file)
            .env("DATABASE_URL", &app.database_url)
            .output()
            .unwrap()
    };
    let out = run(&short, "fr");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing from the translation"), "{stderr}");
    let out = run(&good, "fr");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("(fr) of draft"));
    std::fs::remove_file(&good).ok();
    std::fs::remove_file(&short).ok();

    // The admin page: a misaligned text is shown again with the paragraphs named.
    app.sign_in_on_the_pages(&admin.email).await;
    let path = format!("/admin/drafts/{draft}/translations");
    let page = get_text(&app, &path).await;
    assert!(page.contains("Français"), "the French version is listed");
    assert!(
        !page.contains(r#"<option value="fr""#),
        "French cannot be added twice"
    );
    let csrf = app.csrf(&path).await;
    let res = app
        .client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "es"),
            ("title", ""),
            ("text", "# Preámbulo\n\nPP1. Recordando;\n"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("paragraph 2 (1) of the original is missing from the translation"),
        "{html}"
    );
    let res = app
        .client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "es"),
            ("title", "Documento final"),
            ("text", SPANISH),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        format!("/drafts/{draft}?language=es")
    );
    // In Arabic the refusal speaks Arabic.
    let res = app
        .client
        .post(app.url(&format!("{path}?lang=ar")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "ru"),
            ("title", ""),
            ("text", "# A\n\nPP1. Б;\n"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("غير موجودة في الترجمة"), "{html}");
    assert_eq!(app.count("draft_translations").await, 2);

    // A comment written from a page in French says so.
    let user = app.participant(Group::TechnicalCommunity).await;
    app.sign_in_on_the_pages(&user.email).await;
    let p1 = paragraph(&d, 2);
    let thread = format!("/drafts/{draft}/paragraphs/{p1}?language=fr");
    let page = get_text(&app, &thread).await;
    assert!(
        page.contains(r#"<option value="fr" selected>"#),
        "the form proposes French"
    );
    let csrf = app.csrf(&thread).await;
    let res = app
        .client
        .post(app.url(&format!("/drafts/{draft}/comments")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("paragraph_id", p1.as_str()),
            ("kind", "comment"),
            ("body", "Un commentaire en français."),
            ("attribution", "name"),
            ("language", "fr"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, list) = body(
        app.get_api(&format!("/drafts/{draft}/comments?language=fr"), None)
            .await,
    )
    .await;
    assert_eq!(list["items"][0]["body"], "Un commentaire en français.");
}
