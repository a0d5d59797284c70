//! The outbox worker: claims due emails with a lease (a conditional UPDATE, so several
//! workers on one PostgreSQL never send one email twice), delivers them, and reschedules
//! failures with exponential back-off.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use lettre::message::{header, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;
use crate::db::schema::outbox;
use crate::db::Db;
use crate::mail::outbox::OutboxRow;

pub const MAX_ATTEMPTS: i32 = 10;
/// A claimed email is someone else's for this long; longer than any SMTP exchange.
const LEASE_SECS: i64 = 120;
const BATCH: i64 = 20;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// What became of one delivery attempt.
enum Outcome {
    Sent,
    Transient(String),
    Permanent(String),
}

impl Transport {
    pub fn from_config(config: &Config) -> anyhow::Result<Transport> {
        match &config.smtp_url {
            Some(url) => {
                let t = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is not a valid SMTP URL: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                Ok(Transport::Smtp(t))
            }
            None => {
                std::fs::create_dir_all(&config.mail_dir).map_err(|e| {
                    anyhow::anyhow!(
                        "cannot create PLENARY_MAIL_DIR {}: {e}",
                        config.mail_dir.display()
                    )
                })?;
                Ok(Transport::Files(AsyncFileTransport::new(&config.mail_dir)))
            }
        }
    }

    async fn send(&self, message: Message) -> Outcome {
        match self {
            Transport::Smtp(t) => match t.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) if e.is_permanent() => Outcome::Permanent(e.to_string()),
                Err(e) => Outcome::Transient(e.to_string()),
            },
            Transport::Files(t) => match t.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) => Outcome::Transient(e.to_string()),
            },
        }
    }
}

pub struct Worker {
    pub db: Db,
    /// Turns notification events into emails and digest items before delivery.
    pub notifications: crate::notifications::fanout::Context,
    pub transport: Transport,
    pub from: Mailbox,
    pub poll: Duration,
    /// The delay before the first retry; it doubles after each failure.
    pub retry_base: Duration,
    /// `PLENARY_RETENTION_DAYS`, for the hourly purge (`accounts::retention`).
    pub retention_days: u32,
    /// When the last purge ran; `None` before the first pass.
    pub last_purge: std::sync::Mutex<Option<std::time::Instant>>,
}

impl Worker {
    /// `secret` signs the unsubscribe links of the emails it writes: the key the web
    /// process verifies them with, handed over by whoever starts the worker.
    pub fn new(db: Db, config: &Config, secret: Vec<u8>) -> anyhow::Result<Worker> {
        Ok(Worker {
            notifications: crate::notifications::fanout::Context {
                base_url: config.base_url.clone(),
                secret,
            },
            db,
            transport: Transport::from_config(config)?,
            from: config
                .mail_from
                .parse()
                .map_err(|e| anyhow::anyhow!("MAIL_FROM is not a valid mailbox: {e}"))?,
            poll: config.worker_poll,
            retry_base: config.mail_retry_base,
            retention_days: config.retention_days,
            last_purge: std::sync::Mutex::new(None),
        })
    }

    /// Delivers due emails forever.
    pub async fn run(self) {
        tracing::info!("outbox worker started");
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox worker pass failed"),
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// One pass: fans out due notification events, runs the daily digest when its hour
    /// has come, then claims up to a batch of due emails and tries each once.
    pub async fn run_once(&self) -> Result<usize, crate::error::AppError> {
        // Every write goes through `Db::write_background`: on SQLite it then queues
        // behind the comments being posted instead of holding the write lock for a whole
        // pass (and making their commits wait in SQLite's busy handler); one event's
        // fan-out is one transaction, committed with whatever else is waiting.
        use crate::notifications::{digest, fanout};
        let events = self
            .db
            .write_background(|conn| fanout::claim(conn).map_err(Into::into))
            .await?;
        let n_events = events.len();
        for mut e in events {
            // A big fan-out is one transaction per chunk of recipients, each queued
            // behind the requests waiting by then.
            loop {
                let ctx = self.notifications.clone();
                let event = e.clone();
                let step = self
                    .db
                    .write_background(move |conn| {
                        fanout::process(conn, &ctx, &event).map_err(Into::into)
                    })
                    .await?;
                match step {
                    fanout::Step::Continue(after) => e.fanout_after = after,
                    fanout::Step::Finished => break,
                }
            }
        }
        let ctx = self.notifications.clone();
        self.db
            .write_background(move |conn| digest::run_if_due(conn, &ctx).map_err(Into::into))
            .await?;
        self.purge_if_due().await?;
        let claimed = self
            .db
            .write_background(|conn| claim(conn).map_err(Into::into))
            .await?;
        let n = claimed.len();
        for row in claimed {
            let outcome = match build_message(&self.from, &row) {
                Ok(m) => self.transport.send(m).await,
                Err(e) => Outcome::Permanent(e),
            };
            let base = self.retry_base;
            self.db
                .write_background(move |conn| record(conn, &row, outcome, base).map_err(Into::into))
                .await?;
        }
        Ok(n + n_events)
    }
}

impl Worker {
    /// Runs the retention purge on the first pass and then once an hour.
    async fn purge_if_due(&self) -> Result<(), crate::error::AppError> {
        const EVERY: Duration = Duration::from_secs(3600);
        {
            let mut last = self
                .last_purge
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.is_some_and(|t| t.elapsed() < EVERY) {
                return Ok(());
            }
            *last = Some(std::time::Instant::now());
        }
        let days = self.retention_days;
        let purged = self
            .db
            .write_background(move |conn| {
                Ok(crate::accounts::retention::purge(
                    conn,
                    days,
                    Utc::now().naive_utc(),
                )?)
            })
            .await?;
        if purged.total() > 0 {
            tracing::info!(?purged, days, "retention purge");
        }
        Ok(())
    }
}

fn claim(conn: &mut crate::db::Conn) -> QueryResult<Vec<OutboxRow>> {
    let now = Utc::now().naive_utc();
    let candidates: Vec<OutboxRow> = outbox::table
        .filter(outbox::status.eq("pending"))
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::locked_until
                .is_null()
                .or(outbox::locked_until.lt(now)),
        )
        .order(outbox::id.asc())
        .limit(BATCH)
        .select(OutboxRow::as_select())
        .load(conn)?;
    let lease = now + chrono::Duration::seconds(LEASE_SECS);
    let mut mine = Vec::with_capacity(candidates.len());
    for row in candidates {
        // Only one worker's UPDATE can match: the lease condition is re-checked by the
        // database under its row lock.
        let won = diesel::update(
            outbox::table
                .filter(outbox::id.eq(row.id))
                .filter(outbox::status.eq("pending"))
                .filter(
                    outbox::locked_until
                        .is_null()
                        .or(outbox::locked_until.lt(now)),
                ),
        )
        .set(outbox::locked_until.eq(Some(lease)))
        .execute(conn)?;
        if won == 1 {
            mine.push(row);
        }
    }
    Ok(mine)
}

fn record(
    conn: &mut crate::db::Conn,
    row: &OutboxRow,
    outcome: Outcome,
    base: Duration,
) -> QueryResult<()> {
    let now = Utc::now().naive_utc();
    let target = outbox::table.filter(outbox::id.eq(row.id));
    match outcome {
        Outcome::Sent => {
            diesel::update(target)
                .set((
                    outbox::status.eq("sent"),
                    outbox::sent_at.eq(Some(now)),
                    outbox::attempts.eq(row.attempts + 1),
                    outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
        Outcome::Transient(err) if row.attempts + 1 < MAX_ATTEMPTS => {
            let delay = base.as_secs_f64() * 2f64.powi(row.attempts);
            let next = now + chrono::Duration::milliseconds((delay * 1000.0) as i64);
            tracing::warn!(email = row.id, attempt = row.attempts + 1, error = %err, "email not delivered; will retry");
            diesel::update(target)
                .set((
                    outbox::attempts.eq(row.attempts + 1),
                    outbox::next_attempt_at.eq(next),
                    outbox::last_error.eq(Some(err)),
                    outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
        Outcome::Transient(err) | Outcome::Permanent(err) => {
            tracing::error!(email = row.id, error = %err, "email failed permanently");
            diesel::update(target)
                .set((
                    outbox::status.eq("failed"),
                    outbox::attempts.eq(row.attempts + 1),
                    outbox::last_error.eq(Some(err)),
                    outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

fn build_message(from: &Mailbox, row: &OutboxRow) -> Result<Message, String> {
    let to: Mailbox = row
        .to_address
        .parse()
        .map_err(|e| format!("bad recipient: {e}"))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(format!("<{}@plenary>", row.id)));
    if let Some(url) = &row.unsubscribe_url {
        builder = builder
            .header(ListUnsubscribe(format!("<{url}>")))
            .header(ListUnsubscribePost);
    }
    let text = SinglePart::builder()
        .header(header::ContentType::TEXT_PLAIN)
        .body(row.body_text.clone());
    let message = match &row.body_html {
        Some(html) => builder.multipart(
            MultiPart::alternative().singlepart(text).singlepart(
                SinglePart::builder()
                    .header(header::ContentType::TEXT_HTML)
                    .body(html.clone()),
            ),
        ),
        None => builder.singlepart(text),
    };
    message.map_err(|e| e.to_string())
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl header::Header for ListUnsubscribe {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl header::Header for ListUnsubscribePost {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}
