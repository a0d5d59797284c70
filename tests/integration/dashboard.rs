//! Paragraph tags (API, import, the admin's tag page, `?tag=` filters) and the
//! participation dashboard: its figures, checked against counts the test computes from
//! what it seeded, its heat map, data tables, balance flags and accessible SVG.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use plenary::accounts::model::Group;
use plenary::db::schema::comments;
use serde_json::{json, Value};

use crate::helpers::*;

/// Four operative paragraphs: two tagged with one Action Line each (one also with an
/// SDG), one with two Action Lines, one untagged.
const DRAFT: &str = "\
# Operative part

1. Calls for affordable connectivity for all. {C2 SDG9}

2. Stresses trust and security online. {C5}

3. Encourages capacity building for cybersecurity. {C4 C5}

4. Decides to review progress in 2035.
";

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

fn text(e: scraper::ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// An admin, an open consultation and the draft above; returns (draft json, admin).
async fn draft(app: &TestApp, markdown: &str) -> (Value, TestUser) {
    let admin = app.admin().await;
    let (status, c) = body(
        app.post_json(
            "/consultations",
            &json!({"title": "WSIS+20 review", "summary": "Outcome document"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{c}");
    let (status, d) = body(
        app.post_json(
            &format!("/consultations/{}/drafts", id(&c)),
            &json!({"title": "Outcome", "version_label": "Zero draft", "text": markdown}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 201, "{d}");
    (d, admin)
}

async fn tags_of(app: &TestApp, draft: &str) -> Vec<Vec<String>> {
    let (_, d) = body(app.get_api(&format!("/drafts/{draft}"), None).await).await;
    d["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

async fn get_html(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

// ------------------------------------------------------------------------------------
// The seeded consultation

/// What one seeded comment is: paragraph index (None: general), author, kind, and
/// whether its author withdrew it (then it is not published and must not count).
#[derive(Clone, Copy)]
struct Seed {
    paragraph: Option<usize>,
    group: Group,
    kind: &'static str,
    withdrawn: bool,
}

const fn seed(paragraph: Option<usize>, group: Group) -> Seed {
    Seed {
        paragraph,
        group,
        kind: "comment",
        withdrawn: false,
    }
}

/// Paragraph 1: government 4 of 5 (dominant; academia and the private sector silent).
/// Paragraph 2: one comment from each of the four groups taking part (balanced).
/// Paragraph 3: civil society 2 and an academic amendment (government and private
/// sector silent). Paragraph 4: only a withdrawn comment (untouched). One general
/// comment from the private sector.
const SEEDS: [Seed; 15] = [
    seed(Some(0), Group::Government),
    seed(Some(0), Group::Government),
    seed(Some(0), Group::Government),
    seed(Some(0), Group::Government),
    seed(Some(0), Group::CivilSociety),
    seed(Some(1), Group::Government),
    seed(Some(1), Group::CivilSociety),
    seed(Some(1), Group::Academia),
    seed(Some(1), Group::PrivateSector),
    seed(Some(2), Group::CivilSociety),
    seed(Some(2), Group::CivilSociety),
    Seed {
        kind: "amendment",
        ..seed(Some(2), Group::Academia)
    },
    Seed {
        withdrawn: true,
        ..seed(Some(3), Group::Academia)
    },
    seed(None, Group::PrivateSector),
    // A second withdrawn one, on a paragraph that has input: it must not count either.
    Seed {
        withdrawn: true,
        ..seed(Some(0), Group::Academia)
    },
];

/// Each group's country, and the UTC day all its comments are dated.
fn country(g: Group) -> &'static str {
    match g {
        Group::Government => "KE",
        Group::CivilSociety => "BR",
        Group::Academia => "IN",
        Group::PrivateSector => "FR",
        _ => "US",
    }
}

fn day(g: Group) -> NaiveDate {
    let d = match g {
        Group::Government => 1,
        Group::Academia | Group::PrivateSector => 2,
        _ => 4,
    };
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

struct Seeded {
    draft: Value,
    draft_id: String,
    admin: TestUser,
    /// Paragraph ids, in order.
    paragraphs: Vec<String>,
    users: BTreeMap<Group, TestUser>,
}

async fn seeded(app: &TestApp) -> Seeded {
    let (draft, admin) = self::draft(app, DRAFT).await;
    let draft_id = id(&draft);
    let paragraphs: Vec<String> = draft["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(id)
        .collect();
    let mut users = BTreeMap::new();
    for g in [
        Group::Government,
        Group::CivilSociety,
        Group::Academia,
        Group::PrivateSector,
    ] {
        let u = app.participant(g).await;
        let res = app
            .patch_json("/me", &json!({"country": country(g)}), Some(&u.token))
            .await;
        assert_eq!(res.status(), 200);
        users.insert(g, u);
    }
    let mut first_on_paragraph_1: Option<String> = None;
    for s in SEEDS {
        let author = &users[&s.group];
        let mut b = json!({"body": format!("Input from {:?}", s.group), "kind": s.kind});
        if let Some(p) = s.paragraph {
            b["paragraph_id"] = json!(paragraphs[p]);
        }
        if s.kind == "amendment" {
            b["proposed_text"] = json!("Encourages capacity building for all.");
        }
        // The civil-society comment on paragraph 1 is a reply to the government's first.
        if s.paragraph == Some(0) && s.group == Group::CivilSociety {
            b["parent_id"] = json!(first_on_paragraph_1.clone().unwrap());
        }
        let (status, c) = body(
            app.post_json(
                &format!("/drafts/{draft_id}/comments"),
                &b,
                Some(&author.token),
            )
            .await,
        )
        .await;
        assert_eq!(status, 201, "{c}");
        if s.paragraph == Some(0) && first_on_paragraph_1.is_none() {
            first_on_paragraph_1 = Some(id(&c));
        }
        if s.withdrawn {
            let res = app
                .delete_api(&format!("/comments/{}", id(&c)), Some(&author.token))
                .await;
            assert_eq!(res.status(), 204);
        }
    }
    // Date every group's comments on its own day.
    for g in users.keys().copied() {
        let at = day(g).and_hms_opt(10, 0, 0).unwrap();
        app.db()
            .run(move |conn| {
                diesel::update(comments::table.filter(comments::author_group.eq(g.as_str())))
                    .set(comments::created_at.eq(at))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
    }
    Seeded {
        draft,
        draft_id,
        admin,
        paragraphs,
        users,
    }
}

fn published() -> impl Iterator<Item = Seed> {
    SEEDS.into_iter().filter(|s| !s.withdrawn)
}

/// What the seeds say, counted here independently of the application.
fn expected_by_group() -> BTreeMap<&'static str, i64> {
    let mut m = BTreeMap::new();
    for s in published() {
        *m.entry(s.group.as_str()).or_default() += 1;
    }
    m
}

fn expected_on(paragraph: usize, g: Group) -> i64 {
    published()
        .filter(|s| s.paragraph == Some(paragraph) && s.group == g)
        .count() as i64
}

const TAGS: [&[&str]; 4] = [&["C2", "SDG9"], &["C5"], &["C4", "C5"], &[]];

fn expected_on_tag(tag: &str) -> i64 {
    published()
        .filter(|s| s.paragraph.is_some_and(|p| TAGS[p].contains(&tag)))
        .count() as i64
}

/// Rows of a data table: the row header's `data-key` → the cells' text.
fn table(doc: &scraper::Html, id: &str) -> BTreeMap<String, Vec<String>> {
    let t = doc
        .select(&sel(&format!("table#{id}")))
        .next()
        .unwrap_or_else(|| panic!("the page has table #{id}"));
    t.select(&sel("tbody tr"))
        .map(|tr| {
            let key = tr.value().attr("data-key").unwrap().to_string();
            let cells = tr.select(&sel("td")).map(text).collect();
            (key, cells)
        })
        .collect()
}

/// The column index of a group in a table of counts by group.
fn column(doc: &scraper::Html, id: &str, g: Group) -> usize {
    let t = doc.select(&sel(&format!("table#{id}"))).next().unwrap();
    // Header cells after the first (row header) line up with the `td`s.
    t.select(&sel("thead th"))
        .skip(1)
        .position(|th| th.value().attr("data-group") == Some(g.as_str()))
        .unwrap()
}

fn num(s: &str) -> i64 {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("a number: {s:?}"))
}

// ------------------------------------------------------------------------------------
// Tags in the API

#[actix_web::test]
async fn an_admin_tags_a_paragraph_and_nobody_else_may() {
    let app = spawn_app().await;
    let (d, admin) = draft(&app, DRAFT).await;
    let draft_id = id(&d);
    let p4 = id(&d["paragraphs"][3]);
    let path = format!("/paragraphs/{p4}");

    let (status, p) = body(
        app.patch_json(
            &path,
            &json!({"tags": ["c5", "SDG9", "C5", " sdg09 "]}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["tags"], json!(["C5", "SDG9"]));
    assert_eq!(p["id"], json!(p4));
    assert_eq!(p["draft_id"], json!(draft_id));
    assert_eq!(p["number"], json!(4));
    assert_eq!(tags_of(&app, &draft_id).await[3], ["C5", "SDG9"]);

    let participant = app.participant(Group::CivilSociety).await;
    let moderator = app.moderator().await;
    let change = json!({"tags": ["C1"]});
    assert_eq!(
        app.patch_json(&path, &change, Some(&participant.token))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.patch_json(&path, &change, Some(&moderator.token))
            .await
            .status(),
        403
    );
    assert_eq!(app.patch_json(&path, &change, None).await.status(), 401);

    let (status, e) = body(
        app.patch_json(
            &path,
            &json!({"tags": ["C5", "C12", "SDG18"]}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{e}");
    let msg = e["errors"]["tags"][0].as_str().unwrap();
    assert!(msg.contains("C12") && msg.contains("SDG18"), "{msg}");
    for bad in [
        json!({}),
        json!({"tags": "C5"}),
        json!({"tags": ["C5"], "x": 1}),
    ] {
        let res = app.patch_json(&path, &bad, Some(&admin.token)).await;
        assert_eq!(res.status(), 422, "{bad}");
    }
    // Nothing changed.
    assert_eq!(tags_of(&app, &draft_id).await[3], ["C5", "SDG9"]);

    // An empty list removes every tag; an unknown paragraph is not found.
    let (status, p) = body(
        app.patch_json(&path, &json!({"tags": []}), Some(&admin.token))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(p["tags"], json!([]));
    assert_eq!(
        app.patch_json("/paragraphs/123", &change, Some(&admin.token))
            .await
            .status(),
        404
    );
}

#[actix_web::test]
async fn a_trailing_tag_block_in_the_import_becomes_tags_shown_on_the_reading_page() {
    let app = spawn_app().await;
    let (d, _) = draft(
        &app,
        "1. Invests in broadband and trust. {C2 c5 SDG9}\n\n2. Untagged text.\n",
    )
    .await;
    assert_eq!(d["paragraphs"][0]["tags"], json!(["C2", "C5", "SDG9"]));
    assert_eq!(
        d["paragraphs"][0]["text"],
        json!("1. Invests in broadband and trust.")
    );
    assert_eq!(d["paragraphs"][1]["tags"], json!([]));

    let (status, html) = get_html(&app, &format!("/drafts/{}", id(&d))).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let tags: Vec<String> = doc
        .select(&sel("article#p-1 .para-tags .tag"))
        .map(text)
        .collect();
    assert_eq!(tags, ["C2", "C5", "SDG9"]);
    assert!(!html.contains("{C2"));
    assert_eq!(doc.select(&sel("article#p-2 .tag")).count(), 0);
}

#[actix_web::test]
async fn comments_are_filtered_by_the_tags_of_their_paragraph() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let list = |q: &'static str| {
        let app = &app;
        let path = format!("/drafts/{}/comments{q}", s.draft_id);
        async move { body(app.get_api(&path, None).await).await }
    };
    let on = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["paragraph_id"].as_str().unwrap_or("general").to_string())
            .collect()
    };

    let (status, c5) = list("?tag=C5").await;
    assert_eq!(status, 200, "{c5}");
    assert_eq!(on(&c5).len() as i64, expected_on_tag("C5"));
    assert!(on(&c5)
        .iter()
        .all(|p| *p == s.paragraphs[1] || *p == s.paragraphs[2]));
    // Tags are matched whole: C1 is not C11, and lower case is normalised.
    let (_, lower) = list("?tag=c5").await;
    assert_eq!(on(&lower), on(&c5));
    let (status, c1) = list("?tag=C1").await;
    assert_eq!(status, 200);
    assert!(on(&c1).is_empty());
    let (_, sdg9) = list("?tag=SDG9").await;
    assert_eq!(on(&sdg9).len() as i64, expected_on_tag("SDG9"));
    // With the other filters.
    let (_, gov) = list("?tag=C5&stakeholder_group=government").await;
    assert_eq!(on(&gov), [s.paragraphs[1].clone()]);

    for bad in ["?tag=C12", "?tag=SDG0", "?tag=hello"] {
        let (status, e) = list(bad).await;
        assert_eq!(status, 422, "{bad}: {e}");
        assert!(e["errors"]["tag"].is_array(), "{e}");
    }
}

// ------------------------------------------------------------------------------------
// Tags on the pages

#[actix_web::test]
async fn the_reading_page_shows_only_the_paragraphs_with_the_chosen_tag() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, DRAFT).await;
    let page = format!("/drafts/{}", id(&d));
    let numbers = |html: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(html);
        doc.select(&sel("article.paragraph .para-number"))
            .map(text)
            .collect()
    };

    let (_, all) = get_html(&app, &page).await;
    assert_eq!(numbers(&all), ["1", "2", "3", "4"]);
    let doc = scraper::Html::parse_document(&all);
    let options: Vec<String> = doc
        .select(&sel("form.tag-filter select[name=tag] option"))
        .map(|o| o.value().attr("value").unwrap().to_string())
        .collect();
    assert_eq!(options, ["", "C2", "C4", "C5", "SDG9"]);
    let dashboard = format!("{page}/dashboard");
    assert!(doc
        .select(&sel("a"))
        .any(|a| a.value().attr("href") == Some(dashboard.as_str())));
    // Only admins see the tag editor's link.
    assert!(!all.contains("/tags\""));

    let (status, c5) = get_html(&app, &format!("{page}?tag=C5")).await;
    assert_eq!(status, 200);
    assert_eq!(numbers(&c5), ["2", "3"]);
    assert!(c5.contains("Showing 2 of 4 paragraphs"));
    let doc = scraper::Html::parse_document(&c5);
    let chosen = doc
        .select(&sel("select[name=tag] option[selected]"))
        .next()
        .map(|o| o.value().attr("value").unwrap().to_string());
    assert_eq!(chosen.as_deref(), Some("C5"));

    // An unknown tag filters nothing and says so.
    let (status, bad) = get_html(&app, &format!("{page}?tag=C99")).await;
    assert_eq!(status, 200);
    assert_eq!(numbers(&bad), ["1", "2", "3", "4"]);
    assert!(bad.contains("That is not a tag"));
}

#[actix_web::test]
async fn the_secretariat_edits_tags_on_the_tag_page() {
    let app = spawn_app().await;
    let (d, admin) = draft(&app, DRAFT).await;
    let draft_id = id(&d);
    let p4 = id(&d["paragraphs"][3]);
    let editor = format!("/admin/drafts/{draft_id}/tags");

    // Anonymous visitors sign in first; participants may not.
    assert_eq!(get_html(&app, &editor).await.0, 401);
    let participant = app.participant(Group::Academia).await;
    app.sign_in_on_the_pages(&participant.email).await;
    assert_eq!(get_html(&app, &editor).await.0, 403);

    app.sign_in_on_the_pages(&admin.email).await;
    let (_, reading) = get_html(&app, &format!("/drafts/{draft_id}")).await;
    assert!(reading.contains(&format!("href=\"{editor}\"")));
    let (status, html) = get_html(&app, &editor).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let fields: Vec<String> = doc
        .select(&sel("ol.tag-editor input[name=tags]"))
        .map(|i| i.value().attr("value").unwrap_or("").to_string())
        .collect();
    assert_eq!(fields, ["C2 SDG9", "C5", "C4 C5", ""]);
    // Every field has its label.
    for input in doc.select(&sel("ol.tag-editor input[name=tags]")) {
        let id = input.value().attr("id").unwrap();
        assert_eq!(doc.select(&sel(&format!("label[for={id}]"))).count(), 1);
    }

    let csrf = app.csrf(&editor).await;
    let res = app
        .client
        .post(app.url(&format!("{editor}/{p4}")))
        .form(&[("csrf", csrf.as_str()), ("tags", "c11, sdg17 C11")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&format!("{editor}?saved={p4}")));
    assert_eq!(tags_of(&app, &draft_id).await[3], ["C11", "SDG17"]);
    let (_, saved) = get_html(&app, &location).await;
    assert!(saved.contains("The tags of paragraph 4 are saved."));

    // A wrong tag: the page again, the text kept, the error beside the field.
    let res = app
        .client
        .post(app.url(&format!("{editor}/{p4}")))
        .form(&[("csrf", csrf.as_str()), ("tags", "C11 C42")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let field = doc
        .select(&sel(&format!("input#tags-{p4}")))
        .next()
        .unwrap();
    assert_eq!(field.value().attr("value"), Some("C11 C42"));
    assert_eq!(field.value().attr("aria-invalid"), Some("true"));
    assert!(html.contains("C42"));
    assert_eq!(tags_of(&app, &draft_id).await[3], ["C11", "SDG17"]);

    // Without the CSRF token nothing changes.
    let res = app
        .client
        .post(app.url(&format!("{editor}/{p4}")))
        .form(&[("csrf", "forged"), ("tags", "C1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // A paragraph of another draft is not found through this draft.
    let (other, _) = self::draft(&app, "1. Another draft.\n").await;
    let foreign = id(&other["paragraphs"][0]);
    let res = app
        .client
        .post(app.url(&format!("{editor}/{foreign}")))
        .form(&[("csrf", csrf.as_str()), ("tags", "C1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(tags_of(&app, &draft_id).await[3], ["C11", "SDG17"]);
}

// ------------------------------------------------------------------------------------
// The dashboard

#[actix_web::test]
async fn the_dashboard_shows_totals_groups_tags_places_and_days_as_in_the_seeds() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let (status, html) = get_html(&app, &format!("/drafts/{}/dashboard", s.draft_id)).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);

    let published_n = published().count() as i64;
    let totals = table(&doc, "data-totals");
    let total = |k: &str| num(&totals[k][0]);
    assert_eq!(total("comments"), published_n);
    assert_eq!(
        total("amendments"),
        published().filter(|s| s.kind == "amendment").count() as i64
    );
    assert_eq!(total("participants"), 4);
    assert_eq!(total("countries"), 4);
    assert_eq!(total("paragraphs"), 4);
    assert_eq!(total("paragraphs_with_input"), 3);
    assert_eq!(total("paragraphs_without_input"), 1);
    assert_eq!(
        total("general_comments"),
        published().filter(|s| s.paragraph.is_none()).count() as i64
    );
    assert_eq!(total("flagged_paragraphs"), 2);
    assert_eq!(
        totals["silent_groups"][0],
        "Technical community, International organization"
    );

    // By group: count, participants, share.
    let by_group = table(&doc, "data-by-group");
    for (g, n) in expected_by_group() {
        let row = &by_group[g];
        let col = column(&doc, "data-by-group", Group::parse(g).unwrap());
        assert_eq!(num(&row[col]), n, "{g}");
        assert_eq!(num(row.last().unwrap()), n, "{g}");
        assert_eq!(num(&row[0]), 1, "one participant in {g}");
        assert_eq!(row[1], format!("{} %", n * 100 / published_n));
    }
    assert_eq!(num(by_group["technical_community"].last().unwrap()), 0);

    // By Action Line: all eleven, with names, and the SDGs in use.
    let lines = table(&doc, "data-by-action-line");
    assert_eq!(lines.len(), 11);
    assert_eq!(
        lines["C5"][0],
        "Building confidence and security in the use of ICTs"
    );
    assert_eq!(
        lines["C1"][0],
        "The role of governments and all stakeholders"
    );
    for tag in ["C1", "C2", "C4", "C5", "C11"] {
        assert_eq!(
            num(lines[tag].last().unwrap()),
            expected_on_tag(tag),
            "{tag}"
        );
    }
    assert_eq!(num(&lines["C5"][1]), 2, "two paragraphs carry C5");
    let gov = column(&doc, "data-by-action-line", Group::Government);
    assert_eq!(num(&lines["C5"][gov]), expected_on(1, Group::Government));
    let sdgs = table(&doc, "data-by-sdg");
    assert_eq!(sdgs.keys().collect::<Vec<_>>(), ["SDG9"]);
    assert_eq!(num(sdgs["SDG9"].last().unwrap()), expected_on_tag("SDG9"));

    // By country, region and sub-region.
    let countries = table(&doc, "data-by-country");
    let regions = table(&doc, "data-by-region");
    let areas = table(&doc, "data-by-sub-region");
    for (g, n) in expected_by_group() {
        let g = Group::parse(g).unwrap();
        assert_eq!(num(countries[country(g)].last().unwrap()), n, "{g:?}");
    }
    assert_eq!(countries["KE"][0], "Eastern Africa");
    let africa = num(regions["002"].last().unwrap());
    assert_eq!(africa, expected_by_group()["government"]);
    assert_eq!(
        num(regions["019"].last().unwrap()),
        expected_by_group()["civil_society"]
    );
    assert_eq!(
        num(regions["009"].last().unwrap()),
        0,
        "Oceania is listed, empty"
    );
    assert!(!regions.contains_key("unknown"));
    assert_eq!(num(areas["014"].last().unwrap()), africa);
    assert_eq!(areas["014"][0], "Africa");
    assert_eq!(
        num(areas["034"].last().unwrap()),
        expected_by_group()["academia"]
    );
    assert_eq!(
        num(areas["155"].last().unwrap()),
        expected_by_group()["private_sector"]
    );

    // By day: each group on its day, the day without input filled in with zeros.
    let days = table(&doc, "data-by-day");
    assert_eq!(
        days.keys().collect::<Vec<_>>(),
        ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]
    );
    for (key, groups) in [
        ("2026-03-01", vec![Group::Government]),
        ("2026-03-02", vec![Group::Academia, Group::PrivateSector]),
        ("2026-03-03", vec![]),
        ("2026-03-04", vec![Group::CivilSociety]),
    ] {
        let n: i64 = groups.iter().map(|g| expected_by_group()[g.as_str()]).sum();
        assert_eq!(num(days[key].last().unwrap()), n, "{key}");
    }
}

#[actix_web::test]
async fn the_heat_map_shows_who_commented_where_and_flags_lopsided_paragraphs() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let (_, html) = get_html(&app, &format!("/drafts/{}/dashboard", s.draft_id)).await;
    let doc = scraper::Html::parse_document(&html);

    let heat = table(&doc, "data-heat-map");
    assert_eq!(heat.keys().collect::<Vec<_>>(), ["1", "2", "3", "4"]);
    for (i, label) in ["1", "2", "3", "4"].iter().enumerate() {
        for g in Group::ALL {
            let col = column(&doc, "data-heat-map", g);
            assert_eq!(num(&heat[*label][col]), expected_on(i, g), "¶{label} {g:?}");
        }
    }
    assert_eq!(heat["1"][0], "C2 SDG9");
    assert_eq!(heat["4"][1], "no input");

    // The SVG heat map: one row per paragraph, one cell per group, the count written in
    // each cell that has input, and the findings at the end of the rows.
    let svg = doc.select(&sel("svg#chart-heat-map")).next().unwrap();
    let rows: Vec<_> = svg.select(&sel("g.heat-row")).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].select(&sel("rect")).count(), 6);
    let row1: Vec<String> = rows[0].select(&sel("text")).map(text).collect();
    assert!(row1.contains(&"4".to_string()), "{row1:?}");
    assert!(
        row1.iter()
            .any(|t| t.contains("Government 80 %") && t.contains("2 groups silent")),
        "{row1:?}"
    );
    let row4: Vec<String> = rows[3].select(&sel("text")).map(text).collect();
    assert!(row4.contains(&"no input".to_string()), "{row4:?}");
    assert!(html.contains("Paragraphs no group has commented on:"));

    // The balance table: paragraph 1 dominated and with silent groups, paragraph 3 with
    // silent groups; 2 (everyone) and 4 (nobody) are not flagged.
    let balance = table(&doc, "data-balance");
    assert_eq!(balance.keys().collect::<Vec<_>>(), ["1", "3"]);
    assert_eq!(num(&balance["1"][0]), 5);
    assert!(balance["1"][1].contains("Government wrote 80 % of the 5 comments"));
    assert!(balance["1"][1].contains("No input from Private sector, Academia"));
    assert!(balance["3"][1].contains("No input from Government, Private sector"));
    assert!(!balance["3"][1].contains("wrote"));

    // The same figures as JSON.
    let (status, j) = body(
        app.get_api(&format!("/drafts/{}/dashboard", s.draft_id), None)
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(j["totals"]["comments"], json!(published().count()));
    let p1 = &j["paragraphs"][0];
    assert_eq!(p1["paragraph_id"], json!(s.paragraphs[0]));
    assert_eq!(p1["balance"]["dominant_group"], json!("government"));
    assert_eq!(p1["balance"]["dominant_percent"], json!(80));
    assert_eq!(
        p1["balance"]["silent_groups"],
        json!(["private_sector", "academia"])
    );
    assert_eq!(j["paragraphs"][1]["balance"]["silent_groups"], json!([]));
    assert_eq!(j["paragraphs"][3]["total"], json!(0));
    assert_eq!(s.draft["paragraphs"].as_array().unwrap().len(), 4);
}

#[actix_web::test]
async fn every_chart_is_accessible_svg_with_a_table_beside_it() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let (_, html) = get_html(&app, &format!("/drafts/{}/dashboard", s.draft_id)).await;
    let doc = scraper::Html::parse_document(&html);

    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" id="chart-heat-map""#));
    let figures: Vec<_> = doc.select(&sel("figure.chart")).collect();
    assert!(figures.len() >= 7, "{}", figures.len());
    for f in &figures {
        let svg = f.select(&sel("svg")).next().unwrap();
        let id = svg.value().attr("id").unwrap();
        assert_eq!(svg.value().attr("role"), Some("img"), "{id}");
        let labelled: Vec<&str> = svg
            .value()
            .attr("aria-labelledby")
            .unwrap()
            .split(' ')
            .collect();
        assert_eq!(labelled, [format!("{id}-title"), format!("{id}-desc")]);
        let title = svg
            .select(&sel(&format!("title#{id}-title")))
            .next()
            .unwrap();
        let desc = svg.select(&sel(&format!("desc#{id}-desc"))).next().unwrap();
        assert!(!text(title).is_empty() && !text(desc).is_empty(), "{id}");
        // Every group's pattern is defined in the chart that uses it.
        for fill in svg
            .select(&sel("rect"))
            .filter_map(|r| r.value().attr("fill"))
            .filter_map(|f| f.strip_prefix("url(#"))
        {
            let target = fill.trim_end_matches(')');
            assert_eq!(
                svg.select(&sel(&format!("pattern#{target}"))).count(),
                1,
                "{id}: {target}"
            );
        }
        assert!(
            f.select(&sel("details.chart-data table.data")).count() >= 1,
            "{id} has its table"
        );
        assert!(f.select(&sel("figcaption")).next().is_some());
    }
    // Ids are unique on the page.
    let mut ids: Vec<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    // The by-group chart's description reads out the counts.
    let desc = text(doc.select(&sel("desc#chart-by-group-desc")).next().unwrap());
    assert!(
        desc.contains(&format!("Government {}", expected_by_group()["government"])),
        "{desc}"
    );
    // Draft text is escaped inside the SVG too.
    assert!(!html.contains("<b>"));
}

#[actix_web::test]
async fn the_export_can_be_limited_to_the_paragraphs_with_a_tag() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let res = app
        .get_api(
            &format!("/drafts/{}/export?format=csv&tag=c5", s.draft_id),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let labels: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[3].to_string())
        .collect();
    assert_eq!(labels.len() as i64, expected_on_tag("C5"));
    assert!(labels.iter().all(|l| l == "2" || l == "3"), "{labels:?}");

    let (status, j) = body(
        app.get_api(
            &format!("/drafts/{}/export?format=json&tag=C2", s.draft_id),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(j["paragraphs"].as_array().unwrap().len(), 1);
    assert_eq!(j["paragraphs"][0]["label"], json!("1"));
    assert_eq!(j["general_comments"], json!([]));

    let (status, e) = body(
        app.get_api(
            &format!("/drafts/{}/export?format=csv&tag=C99", s.draft_id),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(e["errors"]["tag"].is_array(), "{e}");
}

#[actix_web::test]
async fn stats_carry_input_by_tag_region_and_day() {
    let app = spawn_app().await;
    let s = seeded(&app).await;
    let (status, stats) = body(
        app.get_api(&format!("/drafts/{}/stats", s.draft_id), None)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["total"], json!(published().count()));
    assert_eq!(stats["by_tag"]["C5"], json!(expected_on_tag("C5")));
    assert_eq!(stats["by_tag"]["SDG9"], json!(expected_on_tag("SDG9")));
    assert!(stats["by_tag"].get("C1").is_none());
    assert_eq!(
        stats["by_region"]["002"],
        json!(expected_by_group()["government"])
    );
    assert_eq!(
        stats["by_day"]["2026-03-04"],
        json!(expected_by_group()["civil_society"])
    );
    assert!(stats["by_day"].get("2026-03-03").is_none());
    assert_eq!(stats["by_group"]["government"], json!(5));
    let _ = (&s.admin, &s.users);
}

#[actix_web::test]
async fn an_empty_draft_has_a_dashboard_and_a_missing_one_is_not_found() {
    let app = spawn_app().await;
    let (d, _) = draft(&app, DRAFT).await;
    let (status, html) = get_html(&app, &format!("/drafts/{}/dashboard", id(&d))).await;
    assert_eq!(status, 200);
    assert!(html.contains("No comment has been published on this draft yet."));
    let doc = scraper::Html::parse_document(&html);
    assert_eq!(table(&doc, "data-heat-map").len(), 4);
    assert!(doc.select(&sel("table#data-balance")).next().is_none());
    assert_eq!(get_html(&app, "/drafts/4242/dashboard").await.0, 404);
    assert_eq!(
        app.get_api("/drafts/4242/dashboard", None).await.status(),
        404
    );
}

#[actix_web::test]
async fn countries_are_placed_in_their_un_regions() {
    use plenary::dashboard::regions::{locate, name};
    let place = |c: &str| locate(c).map(|l| (name(l.region), name(l.area())));
    assert_eq!(place("KE"), Some(("Africa", "Eastern Africa")));
    assert_eq!(place("br"), Some(("Americas", "South America")));
    assert_eq!(place("CA"), Some(("Americas", "Northern America")));
    assert_eq!(place("HT"), Some(("Americas", "Caribbean")));
    assert_eq!(place("IN"), Some(("Asia", "Southern Asia")));
    assert_eq!(place("SA"), Some(("Asia", "Western Asia")));
    assert_eq!(place("DE"), Some(("Europe", "Western Europe")));
    assert_eq!(place("UA"), Some(("Europe", "Eastern Europe")));
    assert_eq!(place("NZ"), Some(("Oceania", "Australia and New Zealand")));
    assert_eq!(place("WS"), Some(("Oceania", "Polynesia")));
    assert_eq!(place("AQ"), None);
    assert_eq!(place("QQ"), None);
}
