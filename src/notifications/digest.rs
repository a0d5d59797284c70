//! Daily digests: one email per person with everything since their last digest, grouped
//! by consultation and draft, newest last; nothing is sent when there is nothing to say.
//! The worker runs it once a day; `plenary digest` runs it on demand.

use chrono::{NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;

use crate::accounts::model::User;
use crate::db::schema::{digest_items, settings, users};
use crate::db::Conn;
use crate::mail::outbox;
use crate::notifications::email::{self, DigestLine};
use crate::notifications::fanout::Context;
use crate::notifications::unsubscribe;

/// The hour (UTC) after which the day's digest goes out.
pub const DIGEST_HOUR: u32 = 7;
const LAST_RUN: &str = "digest_last_run";

#[derive(Queryable)]
struct Item {
    id: i64,
    consultation_title: String,
    draft_title: String,
    line: String,
    excerpt: String,
    link: String,
}

/// Sends every pending digest now; returns how many emails were written.
pub fn run(conn: &mut Conn, ctx: &Context) -> QueryResult<usize> {
    crate::db::transaction(conn, |conn| {
        let now = Utc::now().naive_utc();
        let recipients: Vec<i64> = digest_items::table
            .filter(digest_items::sent_at.is_null())
            .select(digest_items::user_id)
            .distinct()
            .load(conn)?;
        let mut sent = 0;
        for uid in recipients {
            let user: User = users::table
                .find(uid)
                .select(User::as_select())
                .first(conn)?;
            let items: Vec<Item> = digest_items::table
                .filter(digest_items::user_id.eq(uid))
                .filter(digest_items::sent_at.is_null())
                .order(digest_items::id.asc())
                .select((
                    digest_items::id,
                    digest_items::consultation_title,
                    digest_items::draft_title,
                    digest_items::line,
                    digest_items::excerpt,
                    digest_items::link,
                ))
                .load(conn)?;
            let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
            if !user.suspended && user.notification_mode != "off" && !items.is_empty() {
                let lines: Vec<DigestLine> = items
                    .into_iter()
                    .map(|i| DigestLine {
                        consultation: i.consultation_title,
                        draft: i.draft_title,
                        line: i.line,
                        excerpt: i.excerpt,
                        link: i.link,
                    })
                    .collect();
                let unsub = unsubscribe::url(&ctx.base_url, &ctx.secret, uid);
                let digest = crate::i18n::in_lang(user.language(), || {
                    email::digest(&user.email, &lines, &unsub, &ctx.base_url)
                });
                outbox::enqueue(conn, &digest)?;
                sent += 1;
            }
            // Items of people who turned notifications off are dropped with the rest.
            for chunk in ids.chunks(500) {
                diesel::update(digest_items::table.filter(digest_items::id.eq_any(chunk)))
                    .set(digest_items::sent_at.eq(Some(now)))
                    .execute(conn)?;
            }
        }
        Ok(sent)
    })
}

/// Runs the digest if today's has not run and its hour has come.
pub fn run_if_due(conn: &mut Conn, ctx: &Context) -> QueryResult<usize> {
    let now = Utc::now().naive_utc();
    if now.hour() < DIGEST_HOUR {
        return Ok(0);
    }
    let today = now.date().and_hms_opt(DIGEST_HOUR, 0, 0).unwrap_or(now);
    let last: Option<String> = settings::table
        .find(LAST_RUN)
        .select(settings::value)
        .first(conn)
        .optional()?;
    let last = last.and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S").ok());
    if last.is_some_and(|l| l >= today) {
        return Ok(0);
    }
    // Claim the day's run: only one worker's conditional write succeeds.
    let stamp = now.format("%Y-%m-%dT%H:%M:%S").to_string();
    let claimed = match last {
        None => diesel::insert_into(settings::table)
            .values((settings::key.eq(LAST_RUN), settings::value.eq(&stamp)))
            .execute(conn)
            .unwrap_or(0),
        Some(l) => diesel::update(
            settings::table
                .filter(settings::key.eq(LAST_RUN))
                .filter(settings::value.eq(l.format("%Y-%m-%dT%H:%M:%S").to_string())),
        )
        .set(settings::value.eq(&stamp))
        .execute(conn)?,
    };
    if claimed != 1 {
        return Ok(0);
    }
    run(conn, ctx)
}
