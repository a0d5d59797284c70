//! SQLite's one writer, with group commit.
//!
//! SQLite lets one transaction write at a time, and with `synchronous=FULL` every commit
//! waits for an fsync of the WAL (4–8 ms on the benchmark machine): committed one by
//! one, comments cannot be stored faster than about 200 a second, and writers that find
//! the database locked sleep in SQLite's busy handler instead of queueing. Here the hot
//! write paths (`Db::write`) and the background worker (`Db::write_background`) send
//! their transactions to one thread, which takes every request's transaction queued
//! meanwhile (and, while requests keep coming, one of the worker's every 100 ms, so that
//! a request never waits behind a backlog of fan-outs), runs each in its own savepoint
//! (one that fails is rolled back alone) and commits them together: one fsync for the
//! batch. Each caller is answered only after that commit, so an acknowledged write is
//! as durable as before.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::r2d2::{ConnectionManager, Pool};
use diesel::Connection;
use tokio::sync::oneshot;

use super::DbConn;
use crate::error::AppError;

/// The most transactions one commit takes.
const MAX_BATCH: usize = 64;
/// While requests keep the writer busy, the worker's transactions (a chunk of a
/// notification fan-out, a delivery record) go in at most one per this interval: the
/// worker keeps going and catches up once the rush is over, and a request waits behind
/// at most one of its chunks.
const BACKGROUND_INTERVAL_UNDER_LOAD: Duration = Duration::from_millis(100);
/// Background transactions one batch takes when no request is waiting.
const BACKGROUND_ALONE: usize = 16;

/// What a job leaves to do once its batch is committed (`None`) or not (`Some(why)`):
/// answer its caller.
type Finish = Box<dyn FnOnce(Option<&str>) + Send>;
type Job = Box<dyn FnOnce(&mut DbConn) -> Finish + Send>;

/// Who is waiting for a write: a request (answered first) or the background worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Request,
    Background,
}

#[derive(Default)]
struct Pending {
    requests: VecDeque<Job>,
    background: VecDeque<Job>,
    /// When a batch last took a background job while requests were waiting.
    last_background_under_load: Option<Instant>,
    closed: bool,
}

#[derive(Default)]
struct Queue {
    pending: Mutex<Pending>,
    ready: Condvar,
}

impl Queue {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        // A panic while holding this lock cannot leave `Pending` half-changed.
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for work and takes the next batch; `None` once closed and drained.
    fn next_batch(&self) -> Option<Vec<Job>> {
        let mut pending = self.lock();
        loop {
            if !pending.requests.is_empty() || !pending.background.is_empty() {
                let requests = pending.requests.len().min(MAX_BATCH);
                let mut batch: Vec<Job> = pending.requests.drain(..requests).collect();
                let room = if batch.is_empty() {
                    BACKGROUND_ALONE
                } else if pending
                    .last_background_under_load
                    .is_none_or(|t| t.elapsed() >= BACKGROUND_INTERVAL_UNDER_LOAD)
                {
                    if !pending.background.is_empty() {
                        pending.last_background_under_load = Some(Instant::now());
                    }
                    1
                } else {
                    0
                };
                let background = pending.background.len().min(room);
                batch.extend(pending.background.drain(..background));
                return Some(batch);
            }
            if pending.closed {
                return None;
            }
            pending = self
                .ready
                .wait(pending)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Closes the queue when the last `Writer` goes, which lets the thread end.
struct Handle(Arc<Queue>);

impl Drop for Handle {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.ready.notify_all();
    }
}

#[derive(Clone)]
pub struct Writer {
    handle: Arc<Handle>,
}

impl Writer {
    /// Starts the writer thread; it stops when the last `Writer` is dropped.
    pub fn start(pool: Pool<ConnectionManager<DbConn>>) -> std::io::Result<Writer> {
        let queue = Arc::new(Queue::default());
        let theirs = queue.clone();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&pool, &theirs))?;
        Ok(Writer {
            handle: Arc::new(Handle(queue)),
        })
    }

    /// Runs `f` in its own savepoint of the next batch; answers after the commit.
    pub async fn write<F, T>(&self, priority: Priority, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |conn: &mut DbConn| {
            let result = conn.transaction(f);
            Box::new(move |failed: Option<&str>| {
                let result = match (result, failed) {
                    (Ok(_), Some(why)) => Err(AppError::Unavailable(why.to_string())),
                    (result, _) => result,
                };
                // The caller may have gone away (a dropped connection): nothing to tell.
                let _ = answer.send(result);
            })
        });
        {
            let queue = &self.handle.0;
            let mut pending = queue.lock();
            match priority {
                Priority::Request => pending.requests.push_back(job),
                Priority::Background => pending.background.push_back(job),
            }
            queue.ready.notify_one();
        }
        // A job dropped unanswered belonged to a batch that could not start or was
        // rolled back: nothing of it was stored.
        answered.await.map_err(|_| {
            AppError::Unavailable("the write could not be committed; nothing was stored".into())
        })?
    }
}

fn run(pool: &Pool<ConnectionManager<DbConn>>, queue: &Queue) {
    while let Some(batch) = queue.next_batch() {
        // A panic in a job drops the whole batch (its callers get 503, nothing of it is
        // committed: the connection, returned mid-transaction while unwinding, is
        // discarded by r2d2 and closing it rolls back) but not the thread.
        let jobs = batch.len();
        if catch_unwind(AssertUnwindSafe(|| commit_batch(pool, batch))).is_err() {
            tracing::error!(jobs, "a write panicked; its batch was rolled back");
        }
    }
}

/// Runs a batch in one transaction and answers every job of it. Jobs that cannot run
/// (no connection, no transaction) are dropped, which answers their callers with 503
/// and stores none of them.
fn commit_batch(pool: &Pool<ConnectionManager<DbConn>>, batch: Vec<Job>) {
    let mut conn = match pool.get() {
        Ok(conn) => conn,
        Err(e) => {
            tracing::error!(error = %e, jobs = batch.len(), "the writer has no connection");
            return;
        }
    };
    let DbConn::Sqlite(sqlite) = &mut *conn else {
        tracing::error!("the writer runs on SQLite only");
        return;
    };
    if let Err(e) = AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE") {
        tracing::error!(error = %e, jobs = batch.len(), "the writer could not begin");
        return;
    }
    let finishes: Vec<Finish> = batch.into_iter().map(|job| job(&mut conn)).collect();
    match <DbConn as Connection>::TransactionManager::commit_transaction(&mut *conn) {
        Ok(()) => finishes.into_iter().for_each(|finish| finish(None)),
        Err(e) => {
            tracing::error!(error = %e, jobs = finishes.len(), "a batch of writes failed to commit");
            let why = format!("the database could not commit: {e}");
            finishes.into_iter().for_each(|finish| finish(Some(&why)));
        }
    }
}
