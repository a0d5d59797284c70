//! The worker's half of notifications: claims due events with a lease (so several
//! workers never process one twice), works out who should hear of each, and writes their
//! emails or digest items, all in one transaction with marking the event processed.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::accounts::model::User;
use crate::comments::model::{Comment, Viewer};
use crate::comments::view::CommentOut;
use crate::db::schema::{
    comments, consultations, digest_items, drafts, events, follows, moderator_alerts, paragraphs,
    users,
};
use crate::db::Conn;
use crate::i18n::{self, t, tr};
use crate::mail::outbox;
use crate::notifications::email::{self, excerpt, Notice, Place};
use crate::notifications::events::{COMMENT_PUBLISHED, COMMENT_QUEUED, DECISION, REVISION};
use crate::notifications::unsubscribe;

const LEASE_SECS: i64 = 120;
const BATCH: i64 = 20;
/// Recipients of a comment's notices written per transaction (see `Step`).
pub const CHUNK: usize = 100;
/// Moderators hear of waiting comments at most this often.
const ALERT_EVERY_MINUTES: i64 = 60;

/// What the fan-out needs from the configuration.
#[derive(Clone)]
pub struct Context {
    pub base_url: String,
    pub secret: Vec<u8>,
}

/// A claimed notification event.
#[derive(Debug, Clone, Queryable)]
pub struct EventRow {
    id: i64,
    kind: String,
    comment_id: Option<i64>,
    draft_id: Option<i64>,
    actor_id: Option<i64>,
    detail: Option<String>,
    reason: Option<String>,
    /// The last recipient (user id) already notified; 0 when none.
    pub fanout_after: i64,
}

/// Where an event's processing stands after one transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Processed (or failed and released for a later pass).
    Finished,
    /// Notices are written up to this recipient (user id); more remain.
    Continue(i64),
}

/// Leases up to a batch of due events to this worker.
pub fn claim(conn: &mut Conn) -> QueryResult<Vec<EventRow>> {
    let now = Utc::now().naive_utc();
    let candidates: Vec<EventRow> = events::table
        .filter(events::processed_at.is_null())
        .filter(
            events::locked_until
                .is_null()
                .or(events::locked_until.lt(now)),
        )
        .order(events::id.asc())
        .limit(BATCH)
        .select((
            events::id,
            events::kind,
            events::comment_id,
            events::draft_id,
            events::actor_id,
            events::detail,
            events::reason,
            events::fanout_after,
        ))
        .load(conn)?;
    let lease = now + Duration::seconds(LEASE_SECS);
    let mut mine = Vec::new();
    for e in candidates {
        let won = diesel::update(
            events::table
                .filter(events::id.eq(e.id))
                .filter(events::processed_at.is_null())
                .filter(
                    events::locked_until
                        .is_null()
                        .or(events::locked_until.lt(now)),
                ),
        )
        .set(events::locked_until.eq(Some(lease)))
        .execute(conn)?;
        if won == 1 {
            mine.push(e);
        }
    }
    Ok(mine)
}

/// Processes every due event; returns how many.
pub fn process_due(conn: &mut Conn, ctx: &Context) -> QueryResult<usize> {
    let claimed = claim(conn)?;
    let n = claimed.len();
    for mut e in claimed {
        while let Step::Continue(after) = process(conn, ctx, &e)? {
            e.fanout_after = after;
        }
    }
    Ok(n)
}

/// Fans out one claimed event, or its next chunk of recipients, in one transaction with
/// marking it processed or recording how far it got; an event that fails is released
/// for the next pass.
pub fn process(conn: &mut Conn, ctx: &Context, e: &EventRow) -> QueryResult<Step> {
    let result = crate::db::transaction(conn, |conn| {
        let step = handle(conn, ctx, e)?;
        match step {
            Step::Finished => diesel::update(events::table.find(e.id))
                .set(events::processed_at.eq(Some(Utc::now().naive_utc())))
                .execute(conn)?,
            Step::Continue(after) => diesel::update(events::table.find(e.id))
                .set(events::fanout_after.eq(after))
                .execute(conn)?,
        };
        QueryResult::Ok(step)
    });
    match result {
        Ok(step) => Ok(step),
        Err(err) => {
            tracing::warn!(event = e.id, error = %err, "notification event failed; will retry");
            // Let the next pass try again rather than wait for the lease to run out.
            diesel::update(events::table.find(e.id))
                .set(events::locked_until.eq(None::<NaiveDateTime>))
                .execute(conn)?;
            Ok(Step::Finished)
        }
    }
}

fn place(conn: &mut Conn, draft_id: i64, paragraph_id: Option<i64>) -> QueryResult<Place> {
    let (draft_title, version_label, consultation_id): (String, String, i64) = drafts::table
        .find(draft_id)
        .select((
            drafts::title,
            drafts::version_label,
            drafts::consultation_id,
        ))
        .first(conn)?;
    let consultation: String = consultations::table
        .find(consultation_id)
        .select(consultations::title)
        .first(conn)?;
    let paragraph_label = match paragraph_id {
        Some(p) => paragraphs::table
            .find(p)
            .select(paragraphs::label)
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(Place {
        consultation,
        draft_title,
        version_label,
        paragraph_label,
    })
}

fn thread_link(base: &str, c: &Comment) -> String {
    match c.paragraph_id {
        Some(p) => format!("{base}/drafts/{}/paragraphs/{p}#c-{}", c.draft_id, c.id),
        None => format!("{base}/drafts/{}/general#c-{}", c.draft_id, c.id),
    }
}

/// How a comment's author is named to people who are not moderators.
fn byline(c: &Comment, display_name: &str) -> String {
    let out = CommentOut::new(c, display_name, Viewer::anonymous());
    let group = i18n::group(&c.author_group);
    match (out.author.display_name, out.author.organization) {
        (Some(n), Some(o)) => format!("{n} ({o}, {group})"),
        (Some(n), None) => format!("{n} ({group})"),
        (None, Some(o)) => format!("{o} ({group})"),
        (None, None) => tr("email-byline-anonymous", &[("group", group.into())]),
    }
}

/// Delivers one notice to one user as their settings say: now, in the digest, or not.
fn deliver(
    conn: &mut Conn,
    ctx: &Context,
    user: &User,
    n: &Notice,
    place: &Place,
    draft_id: i64,
    digest_excerpt: &str,
) -> QueryResult<()> {
    if user.suspended || user.notification_mode == "off" {
        return Ok(());
    }
    if user.notification_mode == "daily_digest" {
        diesel::insert_into(digest_items::table)
            .values((
                digest_items::id.eq(crate::ids::new_id()),
                digest_items::user_id.eq(user.id),
                digest_items::consultation_title.eq(&place.consultation),
                digest_items::draft_title
                    .eq(format!("{} {}", place.draft_title, place.version_label)),
                digest_items::draft_id.eq(draft_id),
                digest_items::line.eq(&n.subject),
                digest_items::excerpt.eq(digest_excerpt),
                digest_items::link.eq(&n.link),
                digest_items::created_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn)?;
        return Ok(());
    }
    let unsub = unsubscribe::url(&ctx.base_url, &ctx.secret, user.id);
    outbox::enqueue(conn, &email::build(&user.email, n, &unsub, &ctx.base_url))?;
    Ok(())
}

fn load_users(conn: &mut Conn, ids: &[i64]) -> QueryResult<HashMap<i64, User>> {
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let list: Vec<User> = users::table
            .filter(users::id.eq_any(chunk))
            .select(User::as_select())
            .load(conn)?;
        out.extend(list.into_iter().map(|u| (u.id, u)));
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    Reply,
    Thread,
    Follow,
}

fn handle(conn: &mut Conn, ctx: &Context, e: &EventRow) -> QueryResult<Step> {
    let whole = match e.kind.as_str() {
        COMMENT_PUBLISHED => return published(conn, ctx, e),
        COMMENT_QUEUED => queued(conn, ctx),
        DECISION => decision(conn, ctx, e),
        REVISION => revision(conn, ctx, e),
        other => {
            tracing::warn!(kind = other, "unknown event kind; skipped");
            Ok(())
        }
    };
    whole.map(|()| Step::Finished)
}

/// Notifies, in ascending user id, the next `CHUNK` recipients after `e.fanout_after`
/// of a published comment: the author it replies to, who wrote in its thread, the
/// draft's followers.
fn published(conn: &mut Conn, ctx: &Context, e: &EventRow) -> QueryResult<Step> {
    let Some(cid) = e.comment_id else {
        return Ok(Step::Finished);
    };
    let Some(c) = comments::table
        .find(cid)
        .select(Comment::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(Step::Finished);
    };
    if c.status != "published" {
        return Ok(Step::Finished);
    }
    let author_name: String = users::table
        .find(c.author_id)
        .select(users::display_name)
        .first(conn)?;
    let place = place(conn, c.draft_id, c.paragraph_id)?;

    // Who hears of it, each once, for the most personal reason (the first one added).
    let mut why: std::collections::BTreeMap<i64, Why> = std::collections::BTreeMap::new();
    let add = |id: i64, w: Why, why: &mut std::collections::BTreeMap<i64, Why>| {
        if id != c.author_id {
            why.entry(id).or_insert(w);
        }
    };
    if let Some(parent) = c.parent_id {
        if let Some(pa) = comments::table
            .find(parent)
            .select(comments::author_id)
            .first::<i64>(conn)
            .optional()?
        {
            add(pa, Why::Reply, &mut why);
        }
        // Everyone who wrote in the thread follows it.
        let mut root = parent;
        for _ in 0..20 {
            match comments::table
                .find(root)
                .select(comments::parent_id)
                .first::<Option<i64>>(conn)
                .optional()?
                .flatten()
            {
                Some(p) => root = p,
                None => break,
            }
        }
        let participants: Vec<i64> = comments::table
            .filter(comments::id.eq(root).or(comments::parent_id.eq(root)))
            .filter(comments::status.eq("published"))
            .select(comments::author_id)
            .distinct()
            .load(conn)?;
        for p in participants {
            add(p, Why::Thread, &mut why);
        }
    }
    let followers: Vec<i64> = follows::table
        .filter(follows::draft_id.eq(c.draft_id))
        .select(follows::user_id)
        .load(conn)?;
    for f in followers {
        add(f, Why::Follow, &mut why);
    }
    // In user id order, so that a chunk's last id says where the next one starts.
    let rest: Vec<(i64, Why)> = why
        .range(e.fanout_after.saturating_add(1)..)
        .map(|(u, w)| (*u, *w))
        .collect();
    let more = rest.len() > CHUNK;
    let chunk = &rest[..rest.len().min(CHUNK)];
    let ids: Vec<i64> = chunk.iter().map(|(u, _)| *u).collect();
    let people = load_users(conn, &ids)?;
    for &(uid, w) in chunk {
        let Some(user) = people.get(&uid) else {
            continue;
        };
        // Each email in its recipient's language.
        i18n::in_lang(user.language(), || {
            let (on, document) = (place.on(), place.document());
            let subject = match w {
                Why::Reply => "email-subject-reply",
                Why::Thread => "email-subject-thread",
                Why::Follow if c.kind == "amendment" => "email-subject-amendment",
                Why::Follow => "email-subject-comment",
            };
            let n = Notice {
                subject: tr(
                    subject,
                    &[("on", on.as_str().into()), ("document", document.into())],
                ),
                lead: tr(
                    "email-lead-wrote",
                    &[
                        ("author", byline(&c, &author_name).into()),
                        ("on", on.into()),
                        ("draft", place.draft_title.as_str().into()),
                        ("version", place.version_label.as_str().into()),
                    ],
                ),
                quote: Some(c.body.clone()),
                quote_label: None,
                extra: c
                    .proposed_text
                    .as_ref()
                    .map(|p| tr("email-proposed-text", &[("text", p.as_str().into())])),
                link: thread_link(&ctx.base_url, &c),
                link_text: t("email-read-thread").into(),
            };
            deliver(
                conn,
                ctx,
                user,
                &n,
                &place,
                c.draft_id,
                &excerpt(&c.body, 200),
            )
        })?;
    }
    Ok(match (more, ids.last()) {
        (true, Some(&last)) => Step::Continue(last),
        _ => Step::Finished,
    })
}

fn queued(conn: &mut Conn, ctx: &Context) -> QueryResult<()> {
    let now = Utc::now().naive_utc();
    let since = now - Duration::minutes(ALERT_EVERY_MINUTES);
    let moderators: Vec<User> = users::table
        .filter(users::role.eq_any(["moderator", "admin"]))
        .filter(users::suspended.eq(false))
        .select(User::as_select())
        .load(conn)?;
    let waiting: i64 = comments::table
        .filter(comments::status.eq("pending"))
        .count()
        .get_result(conn)?;
    for m in moderators {
        if m.notification_mode == "off" {
            continue;
        }
        let last: Option<NaiveDateTime> = moderator_alerts::table
            .find(m.id)
            .select(moderator_alerts::last_sent_at)
            .first(conn)
            .optional()?;
        if last.is_some_and(|t| t > since) {
            continue;
        }
        match last {
            Some(_) => diesel::update(moderator_alerts::table.find(m.id))
                .set(moderator_alerts::last_sent_at.eq(now))
                .execute(conn)?,
            None => diesel::insert_into(moderator_alerts::table)
                .values((
                    moderator_alerts::user_id.eq(m.id),
                    moderator_alerts::last_sent_at.eq(now),
                ))
                .execute(conn)?,
        };
        // Alerts are immediate whatever the mode (except off): a digest defeats them.
        let unsub = unsubscribe::url(&ctx.base_url, &ctx.secret, m.id);
        let alert = i18n::in_lang(m.language(), || {
            let n = Notice {
                subject: t("email-queue-subject").into(),
                lead: tr("email-queue-lead", &[("n", waiting.into())]),
                quote: None,
                quote_label: None,
                extra: Some(t("email-queue-extra").into()),
                link: format!("{}/moderation", ctx.base_url),
                link_text: t("email-queue-link").into(),
            };
            email::build(&m.email, &n, &unsub, &ctx.base_url)
        });
        outbox::enqueue(conn, &alert)?;
    }
    Ok(())
}

fn decision(conn: &mut Conn, ctx: &Context, e: &EventRow) -> QueryResult<()> {
    let Some(cid) = e.comment_id else {
        return Ok(());
    };
    let c = comments::table
        .find(cid)
        .select(Comment::as_select())
        .first(conn)?;
    if e.actor_id == Some(c.author_id) {
        return Ok(());
    }
    let author: User = users::table
        .find(c.author_id)
        .select(User::as_select())
        .first(conn)?;
    let place = place(conn, c.draft_id, c.paragraph_id)?;
    let (subject, lead) = match e.detail.as_deref() {
        Some("approve") => (
            "email-decision-subject-approved",
            "email-decision-lead-approved",
        ),
        Some("hide") => (
            "email-decision-subject-hidden",
            "email-decision-lead-hidden",
        ),
        Some("reject") => (
            "email-decision-subject-rejected",
            "email-decision-lead-rejected",
        ),
        _ => return Ok(()),
    };
    i18n::in_lang(author.language(), || {
        let on = place.on();
        let n = Notice {
            subject: tr(
                subject,
                &[
                    ("on", on.as_str().into()),
                    ("document", place.document().into()),
                ],
            ),
            lead: tr(
                lead,
                &[
                    ("on", on.as_str().into()),
                    ("draft", place.draft_title.as_str().into()),
                    ("version", place.version_label.as_str().into()),
                ],
            ),
            quote: Some(c.body.clone()),
            quote_label: Some(t("email-your-comment").into()),
            extra: e
                .reason
                .as_ref()
                .map(|r| tr("email-moderator-reason", &[("reason", r.as_str().into())])),
            link: thread_link(&ctx.base_url, &c),
            link_text: t("email-open-discussion").into(),
        };
        deliver(
            conn,
            ctx,
            &author,
            &n,
            &place,
            c.draft_id,
            &excerpt(&c.body, 200),
        )
    })
}

fn revision(conn: &mut Conn, ctx: &Context, e: &EventRow) -> QueryResult<()> {
    let Some(new_draft) = e.draft_id else {
        return Ok(());
    };
    let previous: Option<i64> = drafts::table
        .find(new_draft)
        .select(drafts::previous_draft_id)
        .first(conn)?;
    let Some(previous) = previous else {
        return Ok(());
    };
    let place = place(conn, new_draft, None)?;
    let previous_label: String = drafts::table
        .find(previous)
        .select(drafts::version_label)
        .first(conn)?;
    // Followers of the earlier version, and everyone whose input on it was answered.
    let mut recipients: Vec<i64> = follows::table
        .filter(follows::draft_id.eq(previous))
        .select(follows::user_id)
        .load(conn)?;
    let answered: Vec<(i64, Option<i64>, String, Option<String>)> = comments::table
        .filter(comments::draft_id.eq(previous))
        .filter(comments::parent_id.is_null())
        .filter(comments::status.eq("published"))
        .filter(comments::disposition.is_not_null())
        .order(comments::id.asc())
        .select((
            comments::author_id,
            comments::paragraph_id,
            comments::disposition.assume_not_null(),
            comments::disposition_explanation,
        ))
        .load(conn)?;
    for (a, ..) in &answered {
        if !recipients.contains(a) {
            recipients.push(*a);
        }
    }
    let labels: HashMap<i64, String> = paragraphs::table
        .filter(paragraphs::draft_id.eq(previous))
        .select((paragraphs::id, paragraphs::label))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let people = load_users(conn, &recipients)?;
    for uid in recipients {
        if Some(uid) == e.actor_id {
            continue;
        }
        let Some(user) = people.get(&uid) else {
            continue;
        };
        i18n::in_lang(user.language(), || {
            let mine: Vec<String> = answered
                .iter()
                .filter(|(a, ..)| *a == uid)
                .map(|(_, p, d, x)| {
                    let on = p.and_then(|p| labels.get(&p)).map_or_else(
                        || t("email-whole-draft").to_string(),
                        |l| tr("email-paragraph", &[("label", l.as_str().into())]),
                    );
                    let disposition = i18n::disposition(d);
                    match x {
                        Some(x) => tr(
                            "email-revision-input-explained",
                            &[
                                ("on", on.into()),
                                ("disposition", disposition.into()),
                                ("explanation", x.as_str().into()),
                            ],
                        ),
                        None => tr(
                            "email-revision-input",
                            &[("on", on.into()), ("disposition", disposition.into())],
                        ),
                    }
                })
                .collect();
            let n = Notice {
                subject: tr(
                    "email-revision-subject",
                    &[
                        ("version", place.version_label.as_str().into()),
                        ("consultation", place.consultation.as_str().into()),
                    ],
                ),
                lead: tr(
                    "email-revision-lead",
                    &[
                        ("version", place.version_label.as_str().into()),
                        ("draft", place.draft_title.as_str().into()),
                        ("previous", previous_label.as_str().into()),
                    ],
                ),
                quote: (!mine.is_empty()).then(|| mine.join("\n\n")),
                quote_label: (!mine.is_empty()).then(|| t("email-revision-response").to_string()),
                extra: None,
                link: format!("{}/drafts/{new_draft}", ctx.base_url),
                link_text: t("email-revision-link").into(),
            };
            deliver(conn, ctx, user, &n, &place, new_draft, &place.version_label)
        })?;
    }
    Ok(())
}
