//! Rendered anonymous reads, kept and served again while the database says nothing they
//! show has changed.
//!
//! Most people reading a consultation are signed out, and they all get the same bytes
//! for the reading page, the draft as JSON and a page of comments. Each of those is kept
//! here with the [`Version`] of the database it was rendered from: the `read_epoch`
//! counter (consultations, drafts, paragraphs, revision links, display names) and the
//! sum of `comment_counts.changes` over the comments it could show, both moved forward
//! by triggers in the same transaction as any change (migration 000016). A request
//! reads those two numbers (two statements on one pooled connection) and gets the kept
//! bytes only if they are still the same; otherwise the page is rendered as before and
//! kept in place of the old one. The numbers are read before the data, so a change that
//! lands in between can only make the kept copy look older than it is, never newer.
//!
//! Signed-in readers never go through here: their pages carry their name, their own
//! pending comments and their forms. Every process keeps its own copy, and checks the
//! database on every request, so several processes (or the command line changing the
//! database) stay exact. docs/performance.md has the measurements.

use std::sync::{Arc, OnceLock};

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::dsl::sum;
use diesel::prelude::*;
use quick_cache::sync::Cache;
use sha2::{Digest, Sha256};

use crate::comments::model::Comment;
use crate::db::schema::{comment_counts as cc, drafts, read_epoch};
use crate::db::Conn;
use crate::db::Db;
use crate::error::AppError;

/// Which response a cached body is, for anonymous readers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// `GET /api/v1/drafts/{id}/comments` with this query string, as sent.
    Comments { draft: i64, query: String },
    /// `GET /api/v1/drafts/{id}`, in a language version (`None`: the original).
    Draft {
        draft: i64,
        language: Option<String>,
    },
    /// `GET /drafts/{id}` in one language, with its (validated) tag and group filters.
    ReadingPage {
        draft: i64,
        lang: crate::i18n::Lang,
        tag: Option<String>,
        unknown_tag: bool,
        group: Option<String>,
        /// The language version asked for (the page's language when not said).
        language: String,
        beside: Option<String>,
    },
}

/// The comments a response could show: their counters are summed into its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One paragraph of a draft (`0`: the comments on the draft as a whole).
    Paragraph {
        draft: i64,
        key: i64,
    },
    Draft(i64),
    /// Every draft of the draft's consultation: a revision shows the input on earlier
    /// versions beside its paragraphs.
    ConsultationOf(i64),
    /// The same, once the consultation is known.
    Consultation(i64),
}

/// What the database said when a response was rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    epoch: i64,
    changes: i64,
}

/// The version of `scope` now, with `ConsultationOf` resolved (None: no such draft).
///
/// One statement per request (the epoch with the sum as a subquery): on PostgreSQL
/// each is a round trip, and a kept answer costs nothing else.
fn version(conn: &mut Conn, scope: Scope) -> QueryResult<Option<(Scope, Version)>> {
    let scope = match scope {
        Scope::ConsultationOf(draft) => {
            let found: Option<i64> = drafts::table
                .find(draft)
                .select(drafts::consultation_id)
                .first(conn)
                .optional()?;
            match found {
                Some(c) => Scope::Consultation(c),
                None => return Ok(None),
            }
        }
        other => other,
    };
    let epoch = read_epoch::table.find(1);
    let (epoch, changes): (i64, Option<i64>) = match scope {
        Scope::Paragraph { draft, key } => epoch
            .select((
                read_epoch::n,
                cc::table
                    .filter(cc::draft_id.eq(draft))
                    .filter(cc::paragraph_key.eq(key))
                    .select(sum(cc::changes))
                    .single_value(),
            ))
            .first(conn)?,
        Scope::Draft(draft) => epoch
            .select((
                read_epoch::n,
                cc::table
                    .filter(cc::draft_id.eq(draft))
                    .select(sum(cc::changes))
                    .single_value(),
            ))
            .first(conn)?,
        Scope::Consultation(c) => epoch
            .select((
                read_epoch::n,
                cc::table
                    .filter(
                        cc::draft_id.eq_any(
                            drafts::table
                                .filter(drafts::consultation_id.eq(c))
                                .select(drafts::id),
                        ),
                    )
                    .select(sum(cc::changes))
                    .single_value(),
            ))
            .first(conn)?,
        // Resolved above.
        Scope::ConsultationOf(_) => return Ok(None),
    };
    Ok(Some((
        scope,
        Version {
            epoch,
            changes: changes.unwrap_or(0),
        },
    )))
}

/// A rendered response.
pub struct Entry {
    version: Version,
    scope: Scope,
    /// The page changes by itself then (a consultation opens or closes).
    fresh_until: Option<NaiveDateTime>,
    content_type: &'static str,
    body: Bytes,
    etag: HeaderValue,
    /// The same bytes gzipped, made for the first browser that asks and kept, instead
    /// of by the `Compress` middleware on every answer (it leaves an answer with a
    /// `Content-Encoding` alone). Empty if compressing failed: the plain bytes go then.
    gzip: OnceLock<Bytes>,
    gzip_etag: HeaderValue,
}

/// What [`ReadCache::lookup`] found.
pub enum Lookup {
    /// Still what the database says.
    Hit(Arc<Entry>),
    /// Render it, then [`ReadCache::store`] it with this ticket.
    Miss(Ticket),
    /// The cache is off, or the draft does not exist: render as usual, keep nothing.
    Pass,
}

/// The version read before rendering a missed response.
pub struct Ticket {
    key: Key,
    scope: Scope,
    version: Version,
}

#[derive(Clone)]
struct BodySize;

impl quick_cache::Weighter<Key, Arc<Entry>> for BodySize {
    fn weight(&self, key: &Key, e: &Arc<Entry>) -> u64 {
        let key_len = match key {
            Key::Comments { query, .. } => query.len(),
            _ => 0,
        };
        // The body, and room for its gzip (made later, never larger in practice).
        (2 * e.body.len() + key_len + 256) as u64
    }
}

/// The rows behind a draft's previews (`comments::service::preview_rows`).
pub type PreviewRows = Arc<Vec<(Comment, String)>>;

struct KeptRows {
    version: Version,
    rows: PreviewRows,
}

/// The kept responses of one process, at most `capacity` bytes of them, and the
/// reading page's preview rows of the most read drafts.
pub struct ReadCache {
    entries: Option<Cache<Key, Arc<Entry>, BodySize>>,
    previews: Option<Cache<i64, Arc<KeptRows>>>,
}

/// Drafts whose preview rows are kept (each at most paragraphs × 3 comments).
const PREVIEW_DRAFTS: usize = 32;

impl ReadCache {
    pub fn new(capacity_mb: u64) -> ReadCache {
        let bytes = capacity_mb * 1024 * 1024;
        ReadCache {
            entries: (bytes > 0).then(|| Cache::with_weighter(256, bytes, BodySize)),
            previews: (bytes > 0).then(|| Cache::new(PREVIEW_DRAFTS)),
        }
    }

    /// The preview rows of `draft`, loaded with `load` unless the kept ones are still
    /// current. Signed-in readers' reading pages are rendered for each of them, but the
    /// rows under the previews (more than half of that page's work) are the same for
    /// all; what each reader may see of them is applied afterwards.
    pub fn preview_rows(
        &self,
        conn: &mut Conn,
        draft: i64,
        load: impl FnOnce(&mut Conn) -> QueryResult<Vec<(Comment, String)>>,
    ) -> QueryResult<PreviewRows> {
        let Some(kept) = &self.previews else {
            return Ok(Arc::new(load(conn)?));
        };
        // A draft's previews show its comments and their authors' names: the draft's
        // counters and the epoch cover both.
        let Some((_, version)) = version(conn, Scope::Draft(draft))? else {
            return Ok(Arc::new(load(conn)?));
        };
        if let Some(k) = kept.get(&draft) {
            if k.version == version {
                return Ok(k.rows.clone());
            }
        }
        let rows = Arc::new(load(conn)?);
        kept.insert(
            draft,
            Arc::new(KeptRows {
                version,
                rows: rows.clone(),
            }),
        );
        Ok(rows)
    }

    /// Runs on the blocking pool, inside `Db::run`.
    pub fn lookup(
        &self,
        conn: &mut Conn,
        key: Key,
        scope: Scope,
        now: NaiveDateTime,
    ) -> QueryResult<Lookup> {
        let Some(entries) = &self.entries else {
            return Ok(Lookup::Pass);
        };
        let kept = entries.get(&key);
        let scope = kept.as_ref().map_or(scope, |e| e.scope);
        let Some((scope, version)) = version(conn, scope)? else {
            return Ok(Lookup::Pass);
        };
        if let Some(e) = kept {
            if e.version == version && e.fresh_until.is_none_or(|t| now < t) {
                return Ok(Lookup::Hit(e));
            }
        }
        Ok(Lookup::Miss(Ticket {
            key,
            scope,
            version,
        }))
    }

    /// Keeps a rendered response and returns it, ready to answer.
    pub fn store(
        &self,
        ticket: Ticket,
        content_type: &'static str,
        body: Bytes,
        fresh_until: Option<NaiveDateTime>,
    ) -> Arc<Entry> {
        let digest = Sha256::digest(&body);
        let tag = base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            &digest[..16],
        );
        // A strong tag names one representation: the gzipped one has its own.
        let etag = |suffix: &str| {
            HeaderValue::from_str(&format!("\"{tag}{suffix}\""))
                .unwrap_or(HeaderValue::from_static("\"\""))
        };
        let entry = Arc::new(Entry {
            version: ticket.version,
            scope: ticket.scope,
            fresh_until,
            content_type,
            etag: etag(""),
            gzip_etag: etag("-gzip"),
            gzip: OnceLock::new(),
            body,
        });
        if let Some(entries) = &self.entries {
            entries.insert(ticket.key, entry.clone());
        }
        entry
    }
}

impl Entry {
    /// 200 with the body, or 304 when the browser already holds these bytes. Browsers
    /// may keep the page but must ask again before showing it (`no-cache`); `private`
    /// keeps shared caches out, since the same address is personal when signed in.
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let zipped = accepts_gzip(req)
            .then(|| self.gzip.get_or_init(|| gzip(&self.body)))
            .filter(|z| !z.is_empty());
        let gzipped = zipped.is_some();
        let (etag, body) = match zipped {
            Some(z) => (&self.gzip_etag, z),
            None => (&self.etag, &self.body),
        };
        let fresh_in_browser = req
            .headers()
            .get_all(header::IF_NONE_MATCH)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|t| {
                let t = t.trim();
                t == "*" || t.trim_start_matches("W/") == etag.to_str().unwrap_or("")
            });
        let mut res = if fresh_in_browser {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        res.insert_header((header::ETAG, etag.clone()))
            .insert_header((header::CACHE_CONTROL, "private, no-cache"))
            // The page's language follows the cookie or Accept-Language (web::language).
            .insert_header((header::VARY, "Accept-Encoding, Accept-Language, Cookie"));
        if fresh_in_browser {
            return res.finish();
        }
        if gzipped {
            res.insert_header((header::CONTENT_ENCODING, "gzip"));
        }
        res.content_type(self.content_type).body(body.clone())
    }
}

/// Whether the request's `Accept-Encoding` takes gzip (and does not refuse it with q=0).
fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

/// `body` gzipped (empty if that failed: the plain bytes are served then).
fn gzip(body: &[u8]) -> Bytes {
    use std::io::Write;
    // The level actix's `Compress` uses: a miss is answered sooner, for a few percent.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    match enc.write_all(body).and_then(|()| enc.finish()) {
        Ok(v) => v.into(),
        Err(_) => Bytes::new(),
    }
}

/// A response rendered for keeping.
pub struct Rendered {
    pub content_type: &'static str,
    pub body: Bytes,
    /// See [`Entry`].
    pub fresh_until: Option<NaiveDateTime>,
}

impl Rendered {
    pub fn json<T: serde::Serialize>(value: &T) -> Result<Rendered, AppError> {
        Ok(Rendered {
            content_type: "application/json",
            body: serde_json::to_vec(value)
                .map_err(|e| AppError::Internal(e.to_string()))?
                .into(),
            fresh_until: None,
        })
    }
}

/// What `serve` got from the database: a kept answer, or the data to render (with the
/// ticket to keep it, unless the cache is off or the draft is unknown).
enum Found<T> {
    Kept(Arc<Entry>),
    Loaded(Option<Ticket>, T),
}

/// Answers an anonymous read from the cache when it is still current; otherwise loads
/// with `load` (on the blocking pool, on the connection that read the version) and
/// renders with `render`, keeps the result and answers with it.
pub async fn serve<T, L, R>(
    db: &Db,
    cache: &Arc<ReadCache>,
    req: &HttpRequest,
    key: Key,
    scope: Scope,
    load: L,
    render: R,
) -> Result<HttpResponse, AppError>
where
    T: Send + 'static,
    L: FnOnce(&mut Conn) -> Result<T, AppError> + Send + 'static,
    R: FnOnce(T) -> Result<Rendered, AppError>,
{
    let reads = cache.clone();
    let now = chrono::Utc::now().naive_utc();
    let found = db
        .run(move |conn| {
            Ok(match reads.lookup(conn, key, scope, now)? {
                Lookup::Hit(e) => Found::Kept(e),
                Lookup::Miss(ticket) => Found::Loaded(Some(ticket), load(conn)?),
                Lookup::Pass => Found::Loaded(None, load(conn)?),
            })
        })
        .await?;
    let (ticket, data) = match found {
        Found::Kept(e) => return Ok(e.respond(req)),
        Found::Loaded(ticket, data) => (ticket, data),
    };
    let r = render(data)?;
    Ok(match ticket {
        Some(ticket) => cache
            .store(ticket, r.content_type, r.body, r.fresh_until)
            .respond(req),
        None => HttpResponse::Ok()
            .content_type(r.content_type)
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(r.body),
    })
}
