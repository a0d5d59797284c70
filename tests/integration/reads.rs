//! Signed-out readers are answered from kept copies of the reading page, the draft as
//! JSON and pages of comments (src/reads.rs). These tests make every kind of change a
//! page shows, through the API and straight in the database, and check that the next
//! signed-out read shows it; that browsers get 304 for what they hold; and that nobody
//! signed in is ever given the shared copy.

use std::time::Duration;

use serde_json::{json, Value};

use crate::comments::{comment, id, import, new_consultation, open_draft, paragraph};
use crate::helpers::*;
use plenary::accounts::model::Group;

/// A client with no cookies: a signed-out reader.
fn reader() -> reqwest::Client {
    reqwest::Client::new()
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    reader().get(app.url(path)).send().await.unwrap()
}

async fn text(app: &TestApp, path: &str) -> String {
    let res = get(app, path).await;
    assert_eq!(res.status(), 200, "GET {path}");
    res.text().await.unwrap()
}

async fn json(app: &TestApp, path: &str) -> Value {
    serde_json::from_str(&text(app, path).await).unwrap()
}

/// The three kept reads of `draft`, paragraph 1's comments for the page.
struct Reads {
    page: String,
    draft: String,
    comments: String,
}

impl Reads {
    fn of(draft: &Value) -> Reads {
        let d = id(draft);
        Reads {
            page: format!("/drafts/{d}"),
            draft: format!("/api/v1/drafts/{d}"),
            comments: format!(
                "/api/v1/drafts/{d}/comments?paragraph_id={}&limit=200",
                paragraph(draft, 1)
            ),
        }
    }

    /// Reads all three twice, so that the second read of each comes from the cache.
    async fn warm(&self, app: &TestApp) {
        for _ in 0..2 {
            for path in [&self.page, &self.draft, &self.comments] {
                text(app, path).await;
            }
        }
    }

    async fn bodies(&self, app: &TestApp) -> Vec<String> {
        let list = json(app, &self.comments).await;
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["body"].as_str().unwrap_or("").to_string())
            .collect()
    }

    async fn count(&self, app: &TestApp) -> i64 {
        json(app, &self.draft).await["paragraphs"][0]["comment_count"]
            .as_i64()
            .unwrap()
    }
}

async fn sql(app: &TestApp, statement: String) {
    use diesel::RunQueryDsl;
    app.db()
        .run(move |conn| Ok(diesel::sql_query(statement).execute(conn)?))
        .await
        .unwrap();
}

#[actix_web::test]
async fn every_change_a_page_shows_reaches_the_next_signed_out_read() {
    let app = spawn_app().await;
    let (admin, draft) = open_draft(&app).await;
    let reads = Reads::of(&draft);
    let author = app.participant(Group::CivilSociety).await;
    let moderator = app.moderator().await;
    reads.warm(&app).await;
    assert_eq!(reads.count(&app).await, 0);

    // A new comment: on the page of comments, in the counts, in the page's previews.
    let c = comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 1), "body": "Funding must be predictable."}),
    )
    .await;
    assert_eq!(reads.bodies(&app).await, ["Funding must be predictable."]);
    assert_eq!(reads.count(&app).await, 1);
    assert!(text(&app, &reads.page)
        .await
        .contains("Funding must be predictable."));

    // Its author edits it.
    reads.warm(&app).await;
    let (status, _) = body(
        app.patch_json(
            &format!("/comments/{}", id(&c)),
            &json!({"body": "Funding must be predictable and public."}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        reads.bodies(&app).await,
        ["Funding must be predictable and public."]
    );
    assert!(text(&app, &reads.page)
        .await
        .contains("Funding must be predictable and public."));

    // Its author renames themselves: the name shown beside it follows.
    reads.warm(&app).await;
    let (status, _) = body(
        app.patch_json(
            "/me",
            &json!({"display_name": "Amina Diallo"}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let list = json(&app, &reads.comments).await;
    assert_eq!(list["items"][0]["author"]["display_name"], "Amina Diallo");
    assert!(text(&app, &reads.page).await.contains("Amina Diallo"));

    // A moderator hides it: gone from the list, the count and the previews.
    reads.warm(&app).await;
    let (status, _) = body(
        app.post_json(
            &format!("/comments/{}/moderation", id(&c)),
            &json!({"action": "hide", "reason": "Off topic"}),
            Some(&moderator.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(reads.bodies(&app).await.is_empty());
    assert_eq!(reads.count(&app).await, 0);
    assert!(!text(&app, &reads.page).await.contains("predictable"));

    // The admin retitles the consultation and retags a paragraph.
    reads.warm(&app).await;
    let consultation = draft["consultation_id"].as_str().unwrap();
    let (status, _) = body(
        app.patch_json(
            &format!("/consultations/{consultation}"),
            &json!({"title": "WSIS+20 review, second round"}),
            Some(&admin.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(text(&app, &reads.page)
        .await
        .contains("WSIS+20 review, second round"));

    // Another process (the command line, a second server) changes the database: the
    // counters are moved by triggers, so this process sees it too.
    reads.warm(&app).await;
    sql(
        &app,
        format!(
            "UPDATE comments SET status = 'published', body = 'Restored by hand' WHERE id = {}",
            id(&c)
        ),
    )
    .await;
    assert_eq!(reads.bodies(&app).await, ["Restored by hand"]);
    assert_eq!(reads.count(&app).await, 1);
    assert!(text(&app, &reads.page).await.contains("Restored by hand"));
    reads.warm(&app).await;
    sql(
        &app,
        format!(
            "UPDATE paragraphs SET text = 'PP1. Rewritten by hand' WHERE id = {}",
            paragraph(&draft, 1)
        ),
    )
    .await;
    assert_eq!(
        json(&app, &reads.draft).await["paragraphs"][0]["text"],
        "PP1. Rewritten by hand"
    );
    assert!(text(&app, &reads.page).await.contains("Rewritten by hand"));
}

#[actix_web::test]
async fn a_browser_that_holds_the_current_copy_gets_304_and_a_changed_one_gets_200() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let reads = Reads::of(&draft);
    for path in [&reads.page, &reads.draft, &reads.comments] {
        let first = get(&app, path).await;
        assert_eq!(first.status(), 200);
        assert_eq!(
            first.headers()["cache-control"],
            "private, no-cache",
            "{path}"
        );
        let etag = first.headers()["etag"].to_str().unwrap().to_string();
        let again = reader()
            .get(app.url(path))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.bytes().await.unwrap().is_empty());
        let other = reader()
            .get(app.url(path))
            .header("If-None-Match", "\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(other.status(), 200, "{path}");
        let plain = other.bytes().await.unwrap();

        // Browsers ask for gzip: the same bytes, compressed, under their own tag.
        let zipped = reader()
            .get(app.url(path))
            .header("Accept-Encoding", "gzip, deflate, br")
            .send()
            .await
            .unwrap();
        assert_eq!(zipped.status(), 200);
        assert_eq!(zipped.headers()["content-encoding"], "gzip", "{path}");
        let zip_tag = zipped.headers()["etag"].to_str().unwrap().to_string();
        assert_ne!(zip_tag, etag);
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&zipped.bytes().await.unwrap()[..]),
            &mut unzipped,
        )
        .unwrap();
        assert_eq!(unzipped, plain, "{path}");
        let again = reader()
            .get(app.url(path))
            .header("Accept-Encoding", "gzip")
            .header("If-None-Match", &zip_tag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        let refused = reader()
            .get(app.url(path))
            .header("Accept-Encoding", "gzip;q=0")
            .send()
            .await
            .unwrap();
        assert!(refused.headers().get("content-encoding").is_none());
    }

    let etag = get(&app, &reads.page).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_string();
    let author = app.participant(Group::Academia).await;
    comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 1), "body": "A new point."}),
    )
    .await;
    let changed = reader()
        .get(app.url(&reads.page))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
    assert!(changed.text().await.unwrap().contains("A new point."));
}

#[actix_web::test]
async fn signed_in_readers_never_get_the_shared_copy() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let reads = Reads::of(&draft);
    let author = app.participant(Group::Government).await;
    comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 1), "body": "Quietly put.", "attribution": "group"}),
    )
    .await;
    reads.warm(&app).await;
    let shared = json(&app, &reads.comments).await;
    assert!(shared["items"][0]["author"]["display_name"].is_null());

    // The author sees their own name on a comment attributed to their group only; readers do not.
    let (status, mine) = body(app.get_api(&reads.comments[7..], Some(&author.token)).await).await;
    assert_eq!(status, 200);
    assert!(
        mine["items"][0]["author"]["display_name"].is_string(),
        "{mine}"
    );
    let res = app.get_api(&reads.comments[7..], Some(&author.token)).await;
    assert!(res.headers().get("etag").is_none());

    // On the pages: a signed-in reader gets their own page (sign-out form, follow form).
    app.sign_in_on_the_pages(&author.email).await;
    let page = app.page(&reads.page).await;
    assert!(
        page.contains("/logout"),
        "the signed-in page has the sign-out form"
    );
    assert!(page.contains("/follow"));
    assert!(!text(&app, &reads.page).await.contains("/logout"));
}

/// Each signed-in reader's page is rendered for them, from preview rows kept per draft:
/// those follow every change, and what each reader may see is applied per reader.
#[actix_web::test]
async fn signed_in_pages_show_current_previews_as_each_reader_may_see_them() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let path = format!("/drafts/{}", id(&draft));
    let author = app.participant(Group::Government).await;
    app.sign_in_on_the_pages(&author.email).await;
    let my_page = || app.page(&path);
    // Test accounts are named after their group.
    let name_of = |page: &str| page.contains("government person</strong>");
    my_page().await;
    let c = comment(
        &app,
        &draft,
        &author,
        json!({"paragraph_id": paragraph(&draft, 1), "body": "Said quietly.", "attribution": "group"}),
    )
    .await;
    let mine = my_page().await;
    assert!(mine.contains("Said quietly."));
    assert!(name_of(&mine), "the author sees their own name");
    // Another reader's page is made from the rows kept for the author's: no name.
    let theirs = text(&app, &path).await;
    assert!(theirs.contains("Said quietly.") && !name_of(&theirs));

    let (status, _) = body(
        app.patch_json(
            &format!("/comments/{}", id(&c)),
            &json!({"body": "Said quietly, then louder."}),
            Some(&author.token),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(my_page().await.contains("Said quietly, then louder."));
    sql(
        &app,
        format!(
            "UPDATE comments SET body = 'Changed by hand' WHERE id = {}",
            id(&c)
        ),
    )
    .await;
    assert!(my_page().await.contains("Changed by hand"));
}

#[actix_web::test]
async fn the_shared_page_carries_no_visitor_token() {
    let app = spawn_app().await;
    let (_, draft) = open_draft(&app).await;
    let path = format!("/drafts/{}", id(&draft));
    let mut pages = Vec::new();
    for _ in 0..2 {
        let res = get(&app, &path).await;
        let cookie = res
            .cookies()
            .find(|c| c.name().contains("csrf"))
            .map(|c| c.value().to_string())
            .expect("a fresh visitor gets a CSRF cookie");
        let html = res.text().await.unwrap();
        assert!(
            !html.contains(&cookie),
            "the page shows the visitor's token"
        );
        pages.push(html);
    }
    assert_eq!(pages[0], pages[1]);
}

#[actix_web::test]
async fn a_kept_page_changes_when_the_consultation_closes_by_the_clock() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let closes = chrono::Utc::now() + chrono::Duration::seconds(2);
    let c = new_consultation(
        &app,
        &admin,
        json!({"title": "Short round", "summary": "Two seconds",
               "opens_at": "2020-01-01T00:00:00Z",
               "closes_at": closes.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)}),
    )
    .await;
    let draft = import(&app, &admin, &id(&c), "1. A single paragraph.\n").await;
    let path = format!("/drafts/{}", id(&draft));
    for _ in 0..2 {
        assert!(text(&app, &path).await.contains("Open for comments"));
    }
    let wait = (closes - chrono::Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(1100)).await;
    let page = text(&app, &path).await;
    assert!(page.contains("This consultation is closed"), "{page}");
}
