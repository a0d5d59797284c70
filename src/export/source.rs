//! Reading an export's comments a page at a time, so that memory stays flat however many
//! there are: flat pages in id order, threads of one paragraph, and the counts.
//!
//! A connection is taken from the pool for each page and given back before the page is
//! written out, so a slow download never holds one while it waits for the client.

use std::collections::HashMap;

use diesel::dsl::{count_star, exists, not};
use diesel::prelude::*;
use serde::Serialize;

use crate::comments::model::Comment;
use crate::comments::service::{self as comments, CommentFilter, StatusFilter};
use crate::comments::view::CommentOut;
use crate::db::schema::{comments as c, users};
use crate::db::{Conn, Db};
use crate::export::{Counts, ExportError, Scope, Tally};

/// Threads read per query (each with all its replies).
pub const PAGE: i64 = 500;
/// Comments read per query in id order (CSV, XLSX). With the read-ahead below, 1,000
/// rows a round trip took the CSV export on PostgreSQL from 1.8 to 1.5 times
/// `psql \copy` of the same rows for about 10 MiB more at its peak (2,000: 1.4 times,
/// 20 MiB more; docs/performance.md, round 4).
pub const FLAT_PAGE: i64 = 1000;

// Query plans: SQLite keeps no statistics unless ANALYZE runs, and then it prefers the
// (status, id) index whenever a query tests the status, walking every published comment
// of the database for each paragraph or reply page: an export of 10,000 comments took
// seconds. The thread queries below therefore test the status as `status || ''`, which
// no index matches, so that the paragraph's or the parent's index is used instead
// (PostgreSQL plans from its statistics and is indifferent to the spelling).

/// Replies nest at most this deep; deeper ones join the thread of their ancestor at this
/// depth (as the pages show every reply under its top-level comment), so that a long
/// chain of replies cannot exhaust the stack of the writer.
pub const MAX_DEPTH: usize = 16;

/// A comment with its replies, oldest first.
#[derive(Debug, Serialize)]
pub struct Node {
    #[serde(flatten)]
    pub comment: CommentOut,
    pub replies: Vec<Node>,
}

/// Hands `each` the pages `next` reads (`None`: no more), reading one page ahead on a
/// thread of its own: the database (PostgreSQL's process, or SQLite's decoding) works
/// on the next page while this thread writes the current one out, on two cores at once
/// (docs/performance.md, round 4). At most one page waits, so memory stays flat; when
/// `each` fails, the reader stops at its next page.
fn read_ahead<T: Send>(
    mut next: impl FnMut() -> Result<Option<T>, ExportError> + Send,
    mut each: impl FnMut(T) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name("export-reader".into())
            .spawn_scoped(s, move || loop {
                let page = next();
                let last = !matches!(page, Ok(Some(_)));
                if tx.send(page).is_err() || last {
                    return;
                }
            })?;
        for page in rx {
            match page? {
                Some(page) => each(page)?,
                None => break,
            }
        }
        Ok(())
    })
}

/// Every comment in scope (of `kind`, if given), oldest first, handed to `each` a page at
/// a time. The visibility rules are `comments::service::list`'s.
pub fn each_page(
    db: &Db,
    scope: &Scope,
    kind: Option<&str>,
    each: impl FnMut(Vec<CommentOut>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut filter = CommentFilter::of_draft(scope.draft_id);
    filter.group = scope.group.map(|g| g.as_str().to_string());
    filter.tag = scope.tag.clone();
    filter.kind = kind.map(str::to_string);
    filter.status = if scope.all_statuses {
        StatusFilter::All
    } else {
        StatusFilter::Only("published".into())
    };
    filter.limit = FLAT_PAGE;
    let mut done = false;
    let next = move || {
        if done {
            return Ok(None);
        }
        let page = {
            let mut conn = db.get()?;
            comments::list(&mut conn, scope.viewer(), &filter)?
        };
        let Some(last) = page.last() else {
            return Ok(None);
        };
        filter.after = Some(last.id);
        done = (page.len() as i64) < FLAT_PAGE;
        Ok(Some(page))
    };
    read_ahead(next, each)
}

/// The threads of one paragraph (`None`: the general comments), oldest first, handed to
/// `each` a page of threads at a time. A thread starts at a comment whose parent is not
/// in the export (a top-level comment, or a reply to a comment filtered out), so every
/// comment in scope appears exactly once. `root_group` keeps only the threads started by
/// that stakeholder group.
pub fn each_thread_page(
    db: &Db,
    scope: &Scope,
    paragraph: Option<i64>,
    root_group: Option<&str>,
    each: impl FnMut(Vec<Node>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut after = None;
    let mut done = false;
    let next = move || {
        if done {
            return Ok(None);
        }
        let mut conn = db.get()?;
        let roots = roots(&mut conn, scope, paragraph, root_group, after)?;
        let Some(last) = roots.last() else {
            return Ok(None);
        };
        after = Some(last.id);
        let nodes = with_replies(&mut conn, scope, roots)?;
        done = (nodes.len() as i64) < PAGE;
        Ok(Some(nodes))
    };
    read_ahead(next, each)
}

/// Comments that start a thread in the export, a page after `after`.
fn roots(
    conn: &mut Conn,
    scope: &Scope,
    paragraph: Option<i64>,
    root_group: Option<&str>,
    after: Option<i64>,
) -> Result<Vec<CommentOut>, ExportError> {
    let parents = diesel::alias!(c as parents);
    let statuses = scope.statuses();
    let mut q = c::table
        .inner_join(users::table)
        .filter(c::status.concat("").eq_any(statuses.clone()))
        .select((Comment::as_select(), users::display_name))
        .order(c::id.asc())
        .limit(PAGE)
        .into_boxed();
    // A reply is nested under its parent when the parent is in the export too; the
    // parent is in it when it passes the same filters.
    let parent_of_row = parents.field(c::id).nullable().eq(c::parent_id);
    q = match scope.group {
        Some(g) => q.filter(c::author_group.eq(g.as_str())).filter(
            c::parent_id.is_null().or(not(exists(
                parents
                    .filter(parent_of_row)
                    .filter(parents.field(c::status).eq_any(statuses))
                    .filter(parents.field(c::author_group).eq(g.as_str())),
            ))),
        ),
        None => q.filter(
            c::parent_id.is_null().or(not(exists(
                parents
                    .filter(parent_of_row)
                    .filter(parents.field(c::status).eq_any(statuses)),
            ))),
        ),
    };
    // A paragraph belongs to one draft, so its index, (paragraph_id, id), finds the page.
    q = match paragraph {
        Some(p) => q.filter(c::paragraph_id.eq(p)),
        None => q
            .filter(c::draft_id.eq(scope.draft_id))
            .filter(c::paragraph_id.is_null()),
    };
    if let Some(ids) = tagged(conn, scope)? {
        q = q.filter(c::paragraph_id.eq_any(ids));
    }
    if let Some(g) = root_group {
        q = q.filter(c::author_group.eq(g.to_string()));
    }
    if let Some(a) = after {
        q = q.filter(c::id.gt(a));
    }
    let viewer = scope.viewer();
    let rows: Vec<(Comment, String)> = q.load(conn)?;
    Ok(rows
        .iter()
        .map(|(comment, name)| CommentOut::new(comment, name, viewer))
        .collect())
}

/// The replies in scope of `ids`, oldest first.
fn replies_of(
    conn: &mut Conn,
    scope: &Scope,
    ids: &[i64],
) -> Result<Vec<(Comment, String)>, ExportError> {
    // Replies are in their parent's draft: the (parent_id, id) index finds them.
    let mut q = c::table
        .inner_join(users::table)
        .filter(c::status.concat("").eq_any(scope.statuses()))
        .filter(c::parent_id.eq_any(ids.to_vec()))
        .select((Comment::as_select(), users::display_name))
        .order(c::id.asc())
        .into_boxed();
    if let Some(g) = scope.group {
        q = q.filter(c::author_group.eq(g.as_str()));
    }
    Ok(q.load(conn)?)
}

/// Loads the replies of `roots`, level by level, and nests them.
fn with_replies(
    conn: &mut Conn,
    scope: &Scope,
    roots: Vec<CommentOut>,
) -> Result<Vec<Node>, ExportError> {
    let viewer = scope.viewer();
    // Replies by the comment they are shown under: their parent, or the ancestor at
    // MAX_DEPTH for deeper ones.
    let mut replies: HashMap<i64, Vec<CommentOut>> = HashMap::new();
    // (comment id, the comment its replies are shown under)
    let mut level: Vec<(i64, i64)> = roots.iter().map(|r| (r.id, r.id)).collect();
    // How deep the replies of this level sit (roots are at depth 1).
    let mut depth = 2;
    while !level.is_empty() {
        let shown_under: HashMap<i64, i64> = level.iter().copied().collect();
        let ids: Vec<i64> = level.iter().map(|(id, _)| *id).collect();
        let mut next = Vec::new();
        for chunk in ids.chunks(PAGE as usize) {
            for (comment, name) in replies_of(conn, scope, chunk)? {
                let Some(target) = comment.parent_id.and_then(|p| shown_under.get(&p)) else {
                    continue;
                };
                // Its own replies go under it, unless it is as deep as threads go.
                let own = if depth < MAX_DEPTH {
                    comment.id
                } else {
                    *target
                };
                next.push((comment.id, own));
                replies
                    .entry(*target)
                    .or_default()
                    .push(CommentOut::new(&comment, &name, viewer));
            }
        }
        level = next;
        depth += 1;
    }
    Ok(roots.into_iter().map(|r| nest(r, &mut replies)).collect())
}

fn nest(comment: CommentOut, replies: &mut HashMap<i64, Vec<CommentOut>>) -> Node {
    let mut own = replies.remove(&comment.id).unwrap_or_default();
    // Flattened replies come from several levels: put them back in time order.
    own.sort_by_key(|r| r.id);
    Node {
        replies: own.into_iter().map(|r| nest(r, replies)).collect(),
        comment,
    }
}

/// The paragraphs a `?tag=` export is limited to (replies share their parent's).
fn tagged(conn: &mut Conn, scope: &Scope) -> QueryResult<Option<Vec<i64>>> {
    scope
        .tag
        .as_deref()
        .map(|t| crate::drafts::tags::tagged_ids(conn, scope.draft_id, t))
        .transpose()
}

/// Comments in scope by paragraph, group and kind, in one query.
pub fn counts(conn: &mut Conn, scope: &Scope) -> Result<Counts, crate::error::AppError> {
    let mut q = c::table
        .filter(c::draft_id.eq(scope.draft_id))
        .filter(c::status.eq_any(scope.statuses()))
        .group_by((c::paragraph_id, c::author_group, c::kind))
        .select((c::paragraph_id, c::author_group, c::kind, count_star()))
        .into_boxed();
    if let Some(g) = scope.group {
        q = q.filter(c::author_group.eq(g.as_str()));
    }
    if let Some(ids) = tagged(conn, scope)? {
        q = q.filter(c::paragraph_id.eq_any(ids));
    }
    let rows: Vec<(Option<i64>, String, String, i64)> = q.load(conn)?;
    let mut out = Counts::new();
    for (paragraph, group, kind, n) in rows {
        let tally = out.entry(paragraph).or_default().entry(group).or_default();
        if kind == "amendment" {
            tally.add(Tally {
                comments: 0,
                amendments: n,
            });
        } else {
            tally.add(Tally {
                comments: n,
                amendments: 0,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(n: usize) -> impl FnMut() -> Result<Option<usize>, ExportError> + Send {
        let mut i = 0;
        move || {
            i += 1;
            Ok((i <= n).then_some(i))
        }
    }

    #[test]
    fn every_page_arrives_in_order_and_a_failing_writer_stops_the_reader() {
        let mut seen = Vec::new();
        read_ahead(pages(5), |p| {
            seen.push(p);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, [1, 2, 3, 4, 5]);

        // The writer fails at the second page of a thousand: the reader, a page ahead,
        // stops instead of reading the rest, and the error comes back.
        let read = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = read.clone();
        let mut inner = pages(1000);
        let next = move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            inner()
        };
        let result = read_ahead(next, |p| {
            if p == 2 {
                Err(std::io::Error::other("the client left").into())
            } else {
                Ok(())
            }
        });
        assert!(matches!(result, Err(ExportError::Io(_))));
        assert!(read.load(std::sync::atomic::Ordering::SeqCst) <= 4);

        // A reading error reaches the writer's caller.
        let result = read_ahead(
            || Err::<Option<usize>, _>(std::io::Error::other("no database").into()),
            |_| Ok(()),
        );
        assert!(matches!(result, Err(ExportError::Io(_))));
    }
}
