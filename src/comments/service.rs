//! The comment rules: who may write where and when, edits with history, withdrawal, and
//! which comments a viewer sees in lists, threads and single reads.

use chrono::Utc;
use diesel::prelude::*;

use crate::accounts::model::User;
use crate::comments::model::{Comment, Viewer};
use crate::comments::validate::{CommentEdit, NewComment};
use crate::comments::view::CommentOut;
use crate::consultations::service as consultations;
use crate::db::schema::{comment_edits, comments, paragraphs, users};
use crate::db::Conn;
use crate::drafts::service as drafts;
use crate::error::{AppError, FieldErrors};
use crate::services::Services;

pub fn find(conn: &mut Conn, id: i64) -> Result<Comment, AppError> {
    Ok(comments::table
        .find(id)
        .select(Comment::as_select())
        .first(conn)?)
}

fn display_name(conn: &mut Conn, user: i64) -> QueryResult<String> {
    users::table
        .find(user)
        .select(users::display_name)
        .first(conn)
}

/// Whether a comment has at least one published reply (it then stays as a placeholder).
fn has_published_reply(conn: &mut Conn, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        comments::table
            .filter(comments::parent_id.eq(id))
            .filter(comments::status.eq("published")),
    ))
    .get_result(conn)
}

/// Whether `viewer` may know this comment exists at all.
fn visible(conn: &mut Conn, c: &Comment, viewer: Viewer) -> QueryResult<bool> {
    if c.readable_by(viewer) {
        return Ok(true);
    }
    match c.status.as_str() {
        "hidden" | "rejected" | "withdrawn" => has_published_reply(conn, c.id),
        _ => Ok(false),
    }
}

/// Checks that the consultation of `draft_id` accepts writing now.
fn check_writable(
    conn: &mut Conn,
    draft_id: i64,
) -> Result<(crate::drafts::Draft, crate::consultations::Consultation), AppError> {
    let draft = drafts::find(conn, draft_id)?;
    let consultation = consultations::find(conn, draft.consultation_id)?;
    if draft.read_only {
        return Err(AppError::conflict("This version of the draft has been superseded by a revision; comment on the latest version."));
    }
    if !consultation.is_open() {
        return Err(AppError::conflict("The consultation is not open: comments can be written, edited and withdrawn only while it is open."));
    }
    Ok((draft, consultation))
}

pub fn check_may_write(state: &Services, user: &User) -> Result<(), AppError> {
    if user.suspended {
        return Err(AppError::forbidden("This account is suspended."));
    }
    if state.config.require_verified_email && !user.email_verified {
        return Err(AppError::forbidden("Confirm your email address before taking part: follow the link in the email we sent you."));
    }
    Ok(())
}

/// Comments are limited per account here; the limit per client address is the HTTP
/// side's (`ratelimit::COMMENT_IP`, checked by the API and the page before this).
pub async fn create(
    state: &Services,
    user: &User,
    draft_id: i64,
    input: NewComment,
) -> Result<CommentOut, AppError> {
    check_may_write(state, user)?;
    state
        .limiter
        .check(crate::ratelimit::COMMENT, &user.id.to_string())?;
    let user = user.clone();
    state
        .db
        .write(move |conn| {
            let (draft, consultation) = check_writable(conn, draft_id)?;
            let mut paragraph_id = input.paragraph_id;
            if let Some(pid) = paragraph_id {
                let owner: Option<i64> = paragraphs::table
                    .find(pid)
                    .select(paragraphs::draft_id)
                    .first(conn)
                    .optional()?;
                if owner != Some(draft_id) {
                    return Err(FieldErrors::single(
                        "paragraph_id",
                        "is not a paragraph of this draft",
                    ));
                }
            }
            if let Some(parent_id) = input.parent_id {
                let parent = comments::table
                    .find(parent_id)
                    .select(Comment::as_select())
                    .first(conn)
                    .optional()?
                    .filter(|p| p.draft_id == draft_id)
                    .ok_or_else(|| {
                        FieldErrors::single("parent_id", "is not a comment of this draft")
                    })?;
                if !parent.is_published() {
                    return Err(FieldErrors::single(
                        "parent_id",
                        "cannot be replied to: it is not published",
                    ));
                }
                if input.paragraph_id.is_some() && input.paragraph_id != parent.paragraph_id {
                    return Err(FieldErrors::single(
                        "paragraph_id",
                        "must be the paragraph of the comment you reply to",
                    ));
                }
                // A reply sits in its parent's thread, on its parent's paragraph.
                paragraph_id = parent.paragraph_id;
            }
            let status = if consultation.pre_moderated() && !user.is_moderator() {
                "pending"
            } else {
                "published"
            };
            let id = crate::ids::new_id();
            // Unless the author says otherwise, the language of the draft.
            let language = input
                .language
                .map_or(draft.language.clone(), |l| l.code().to_string());
            diesel::insert_into(comments::table)
                .values((
                    comments::id.eq(id),
                    comments::draft_id.eq(draft_id),
                    comments::paragraph_id.eq(paragraph_id),
                    comments::parent_id.eq(input.parent_id),
                    comments::kind.eq(&input.kind),
                    comments::body.eq(&input.body),
                    comments::proposed_text.eq(&input.proposed_text),
                    comments::status.eq(status),
                    comments::attribution.eq(&input.attribution),
                    comments::author_id.eq(user.id),
                    comments::author_group.eq(&user.stakeholder_group),
                    comments::author_organization.eq(&user.organization),
                    comments::author_country.eq(&user.country),
                    comments::author_verified.eq(user.affiliation_verified),
                    comments::flag_count.eq(0),
                    comments::created_at.eq(Utc::now().naive_utc()),
                    comments::language.eq(&language),
                ))
                .execute(conn)?;
            if status == "published" {
                crate::notifications::events::comment_published(conn, id, draft_id, user.id)?;
            } else {
                crate::notifications::events::comment_queued(conn, id, draft_id)?;
            }
            let c = find(conn, id)?;
            Ok(CommentOut::new(
                &c,
                &user.display_name,
                Viewer::of(Some(&user)),
            ))
        })
        .await
}

/// Loads a comment for its author to change: 404 if the caller may not see it, 403 if
/// they may see it but did not write it.
fn own_comment(conn: &mut Conn, id: i64, user: &User) -> Result<Comment, AppError> {
    let c = find(conn, id)?;
    if c.author_id != user.id {
        return Err(if visible(conn, &c, Viewer::of(Some(user)))? {
            AppError::forbidden("Only the author may change a comment.")
        } else {
            AppError::NotFound
        });
    }
    Ok(c)
}

pub async fn edit(
    state: &Services,
    user: &User,
    id: i64,
    edit: CommentEdit,
) -> Result<CommentOut, AppError> {
    check_may_write(state, user)?;
    let user = user.clone();
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let c = own_comment(conn, id, &user)?;
                check_writable(conn, c.draft_id)?;
                if matches!(c.status.as_str(), "withdrawn" | "hidden" | "rejected") {
                    return Err(AppError::conflict("This comment can no longer be edited."));
                }
                if edit.proposed_text.is_some() && c.kind != "amendment" {
                    return Err(FieldErrors::single(
                        "proposed_text",
                        "is only for amendments",
                    ));
                }
                let now = Utc::now().naive_utc();
                diesel::insert_into(comment_edits::table)
                    .values((
                        comment_edits::id.eq(crate::ids::new_id()),
                        comment_edits::comment_id.eq(c.id),
                        comment_edits::body.eq(&c.body),
                        comment_edits::proposed_text.eq(&c.proposed_text),
                        comment_edits::edited_at.eq(now),
                    ))
                    .execute(conn)?;
                diesel::update(comments::table.find(c.id))
                    .set((
                        comments::body.eq(edit.body.unwrap_or(c.body)),
                        comments::proposed_text.eq(edit.proposed_text.or(c.proposed_text)),
                        comments::edited_at.eq(Some(now)),
                    ))
                    .execute(conn)?;
                let c = find(conn, id)?;
                Ok(CommentOut::new(
                    &c,
                    &user.display_name,
                    Viewer::of(Some(&user)),
                ))
            })
        })
        .await
}

pub async fn withdraw(state: &Services, user: &User, id: i64) -> Result<(), AppError> {
    let user = user.clone();
    state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let c = own_comment(conn, id, &user)?;
                check_writable(conn, c.draft_id)?;
                if c.status == "withdrawn" {
                    return Ok(());
                }
                diesel::update(comments::table.find(c.id))
                    .set(comments::status.eq("withdrawn"))
                    .execute(conn)?;
                Ok(())
            })
        })
        .await
}

/// One comment as `viewer` may see it; 404 when they may not know it exists.
pub async fn get(state: &Services, viewer: Viewer, id: i64) -> Result<CommentOut, AppError> {
    state
        .db
        .run(move |conn| {
            let c = find(conn, id)?;
            if !visible(conn, &c, viewer)? {
                return Err(AppError::NotFound);
            }
            let name = display_name(conn, c.author_id)?;
            Ok(CommentOut::new(&c, &name, viewer))
        })
        .await
}

/// Which statuses a list asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusFilter {
    /// Published comments, placeholders of unpublished ones with published replies, and
    /// the viewer's own comments whatever their status.
    Visible,
    Only(String),
    All,
}

#[derive(Debug, Clone)]
pub struct CommentFilter {
    pub draft_id: i64,
    pub paragraph_id: Option<i64>,
    /// Only general comments (no paragraph).
    pub general: bool,
    pub parent_id: Option<i64>,
    /// Only top-level comments.
    pub top_level: bool,
    pub group: Option<String>,
    pub kind: Option<String>,
    /// Only comments written in this language.
    pub language: Option<String>,
    /// Only comments on paragraphs carrying this (normalised) tag.
    pub tag: Option<String>,
    pub status: StatusFilter,
    pub after: Option<i64>,
    pub limit: i64,
}

impl CommentFilter {
    pub fn of_draft(draft_id: i64) -> CommentFilter {
        CommentFilter {
            draft_id,
            paragraph_id: None,
            general: false,
            parent_id: None,
            top_level: false,
            group: None,
            kind: None,
            language: None,
            tag: None,
            status: StatusFilter::Visible,
            after: None,
            limit: 50,
        }
    }
}

/// Comments matching `f` that `viewer` may see, oldest first, with authors' names.
pub fn list(
    conn: &mut Conn,
    viewer: Viewer,
    f: &CommentFilter,
) -> Result<Vec<CommentOut>, AppError> {
    let replies = diesel::alias!(comments as replies);
    let mut q = comments::table
        .inner_join(users::table)
        .filter(comments::draft_id.eq(f.draft_id))
        .select((Comment::as_select(), users::display_name))
        .order(comments::id.asc())
        .limit(f.limit)
        .into_boxed();
    if let Some(p) = f.paragraph_id {
        q = q.filter(comments::paragraph_id.eq(p));
    }
    if f.general {
        q = q.filter(comments::paragraph_id.is_null());
    }
    if let Some(p) = f.parent_id {
        q = q.filter(comments::parent_id.eq(p));
    }
    if f.top_level {
        q = q.filter(comments::parent_id.is_null());
    }
    if let Some(g) = &f.group {
        q = q.filter(comments::author_group.eq(g.clone()));
    }
    if let Some(tag) = &f.tag {
        let ids = crate::drafts::tags::tagged_ids(conn, f.draft_id, tag)?;
        q = q.filter(comments::paragraph_id.eq_any(ids));
    }
    if let Some(k) = &f.kind {
        q = q.filter(comments::kind.eq(k.clone()));
    }
    if let Some(l) = &f.language {
        q = q.filter(comments::language.eq(l.clone()));
    }
    if let Some(a) = f.after {
        q = q.filter(comments::id.gt(a));
    }
    let me = viewer.id.unwrap_or(0);
    q = match &f.status {
        StatusFilter::All if viewer.moderator => q,
        StatusFilter::All => {
            return Err(AppError::forbidden(
                "Only moderators may list comments of every status.",
            ))
        }
        StatusFilter::Only(s) if viewer.moderator || s == "published" => {
            q.filter(comments::status.eq(s.clone()))
        }
        StatusFilter::Only(s) => q
            .filter(comments::status.eq(s.clone()))
            .filter(comments::author_id.eq(me)),
        StatusFilter::Visible => {
            let published_reply = diesel::dsl::exists(
                replies
                    .filter(
                        replies
                            .field(comments::parent_id)
                            .eq(comments::id.nullable()),
                    )
                    .filter(replies.field(comments::status).eq("published")),
            );
            q.filter(
                comments::status
                    .eq("published")
                    .or(comments::status
                        .eq_any(["hidden", "rejected", "withdrawn"])
                        .and(published_reply))
                    .or(comments::author_id.eq(me)),
            )
        }
    };
    let rows: Vec<(Comment, String)> = q.load(conn)?;
    Ok(rows
        .iter()
        .map(|(c, name)| CommentOut::new(c, name, viewer))
        .collect())
}

pub async fn list_async(
    state: &Services,
    viewer: Viewer,
    f: CommentFilter,
) -> Result<Vec<CommentOut>, AppError> {
    state
        .db
        .run(move |conn| {
            drafts::find(conn, f.draft_id)?;
            list(conn, viewer, &f)
        })
        .await
}

/// A thread: top-level comments of a paragraph (or the general ones) with their
/// replies, as the paragraph page shows it.
pub struct Thread {
    pub comment: CommentOut,
    pub replies: Vec<CommentOut>,
}

pub fn threads(
    conn: &mut Conn,
    viewer: Viewer,
    draft_id: i64,
    paragraph_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Thread>, AppError> {
    let mut f = CommentFilter::of_draft(draft_id);
    f.paragraph_id = paragraph_id;
    f.general = paragraph_id.is_none();
    f.limit = limit;
    let all = list(conn, viewer, &f)?;
    let (tops, replies): (Vec<_>, Vec<_>) = all.into_iter().partition(|c| c.parent_id.is_none());
    let mut threads: Vec<Thread> = tops
        .into_iter()
        .map(|c| Thread {
            comment: c,
            replies: vec![],
        })
        .collect();
    let index: std::collections::HashMap<i64, usize> = threads
        .iter()
        .enumerate()
        .map(|(i, t)| (t.comment.id, i))
        .collect();
    for r in replies {
        // Replies to replies are shown in the top-level thread they belong to.
        let mut parent = r.parent_id;
        let mut hops = 0;
        while let Some(p) = parent {
            if let Some(i) = index.get(&p) {
                threads[*i].replies.push(r);
                break;
            }
            hops += 1;
            if hops > 20 {
                break;
            }
            parent = comments::table
                .find(p)
                .select(comments::parent_id)
                .first(conn)
                .optional()?
                .flatten();
        }
    }
    Ok(threads)
}

#[derive(Debug, Clone, Queryable)]
pub struct EditRecord {
    pub body: String,
    pub proposed_text: Option<String>,
    pub edited_at: chrono::NaiveDateTime,
}

/// A comment's earlier versions, oldest first (moderators only; checked by callers).
pub fn history(conn: &mut Conn, id: i64) -> QueryResult<Vec<EditRecord>> {
    comment_edits::table
        .filter(comment_edits::comment_id.eq(id))
        .order(comment_edits::id.asc())
        .select((
            comment_edits::body,
            comment_edits::proposed_text,
            comment_edits::edited_at,
        ))
        .load(conn)
}

#[derive(QueryableByName)]
struct PreviewRow {
    #[diesel(embed)]
    comment: Comment,
    #[diesel(sql_type = diesel::sql_types::Text)]
    display_name: String,
}

/// What the reading page shows of each paragraph's first comments, by paragraph (key
/// `None`: general comments).
pub type Previews = std::collections::HashMap<Option<i64>, Vec<CommentOut>>;

/// `rows` (from [`preview_rows`]) as `viewer` may see them.
pub fn previews_for(rows: &[(Comment, String)], viewer: Viewer) -> Previews {
    let mut out = Previews::new();
    for (c, display_name) in rows {
        out.entry(c.paragraph_id)
            .or_default()
            .push(CommentOut::new(c, display_name, viewer));
    }
    out
}

/// The first `per_paragraph` published top-level comments of each paragraph of a draft
/// and of its general comments, with their authors' display names, in one round trip,
/// for the reading page's previews. The same for every viewer: [`previews_for`] applies
/// what each may see, and `reads::ReadCache::preview_rows` keeps them.
pub fn preview_rows(
    conn: &mut Conn,
    draft_id: i64,
    per_paragraph: i64,
) -> QueryResult<Vec<(Comment, String)>> {
    if per_paragraph <= 0 {
        return Ok(Vec::new());
    }
    // The k-th head of every paragraph (and of the general comments) is one short seek in
    // the partial index comments_heads, so the cost follows paragraphs × per_paragraph,
    // not the number of comments; a ROW_NUMBER() window over the draft's comments read
    // all of them on every page view (docs/performance.md). SQLite has no LATERAL,
    // hence one scalar subquery per rank. Integers formatted into the SQL cannot inject
    // anything, and spare us the per-backend placeholder syntax ($1 vs ?).
    let head = |place: &str, k: i64| {
        format!(
            "(SELECT x.id FROM comments x WHERE x.draft_id = {draft_id} AND {place} \
             AND x.parent_id IS NULL AND x.status = 'published' \
             ORDER BY x.paragraph_id, x.id LIMIT 1 OFFSET {k})"
        )
    };
    let heads: Vec<String> = (0..per_paragraph)
        .flat_map(|k| {
            [
                format!(
                    "SELECT {} FROM paragraphs p WHERE p.draft_id = {draft_id}",
                    head("x.paragraph_id = p.id", k)
                ),
                format!("SELECT {}", head("x.paragraph_id IS NULL", k)),
            ]
        })
        .collect();
    let sql = format!(
        "SELECT c.*, u.display_name FROM comments c JOIN users u ON u.id = c.author_id \
         WHERE c.id IN ({}) ORDER BY c.id",
        heads.join(" UNION ALL ")
    );
    let rows: Vec<PreviewRow> = diesel::sql_query(sql).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.comment, r.display_name))
        .collect())
}
