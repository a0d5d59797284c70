//! SQLite's one writer, with group commit.
//!
//! SQLite lets one transaction write at a time, and with `synchronous=FULL` every commit
//! waits for an fsync of the WAL (4–8 ms on the benchmark machine): committed one by
//! one, comments cannot be stored faster than about 200 a second, and writers that find
//! the database locked sleep in SQLite's busy handler instead of queueing. Here the hot
//! write paths (`Db::write`) send their transaction to one thread, which takes every
//! transaction queued meanwhile, runs each in its own savepoint (one that fails is rolled
//! back alone) and commits them together: one fsync for the batch. Each caller is
//! answered only after that commit, so an acknowledged write is as durable as before.

use std::panic::{catch_unwind, AssertUnwindSafe};

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::r2d2::{ConnectionManager, Pool};
use diesel::Connection;
use tokio::sync::{mpsc, oneshot};

use super::DbConn;
use crate::error::AppError;

/// The most transactions one commit takes.
const MAX_BATCH: usize = 64;
/// Transactions that may wait for the writer before callers wait to queue theirs.
const QUEUE: usize = 4096;

/// What a job leaves to do once its batch is committed (`None`) or not (`Some(why)`):
/// answer its caller.
type Finish = Box<dyn FnOnce(Option<&str>) + Send>;
type Job = Box<dyn FnOnce(&mut DbConn) -> Finish + Send>;

#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer thread; it stops when the last `Writer` is dropped.
    pub fn start(pool: Pool<ConnectionManager<DbConn>>) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&pool, queue))?;
        Ok(Writer { jobs })
    }

    /// Runs `f` in its own savepoint of the next batch; answers after the commit.
    pub async fn write<F, T>(&self, f: F) -> Result<T, AppError>
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
        let stopped = || AppError::Unavailable("the database writer has stopped".into());
        self.jobs.send(job).await.map_err(|_| stopped())?;
        // A job dropped unanswered belonged to a batch that could not start or was
        // rolled back: nothing of it was stored.
        answered.await.map_err(|_| {
            AppError::Unavailable("the write could not be committed; nothing was stored".into())
        })?
    }
}

fn run(pool: &Pool<ConnectionManager<DbConn>>, mut queue: mpsc::Receiver<Job>) {
    while let Some(first) = queue.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        commit_batch(pool, batch);
    }
}

/// Runs a batch in one transaction and answers every job of it. Jobs that cannot run
/// (no connection, no transaction, a panic) are dropped, which answers their callers
/// with 503 and stores none of them.
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
    let mut finishes = Vec::with_capacity(batch.len());
    for job in batch {
        match catch_unwind(AssertUnwindSafe(|| job(&mut conn))) {
            Ok(finish) => finishes.push(finish),
            Err(_) => {
                // The connection still holds the open transaction: r2d2 discards a
                // connection returned in a transaction, and closing it rolls back.
                tracing::error!(
                    jobs = finishes.len() + 1,
                    "a write panicked; its batch is rolled back"
                );
                return;
            }
        }
    }
    match <DbConn as Connection>::TransactionManager::commit_transaction(&mut *conn) {
        Ok(()) => finishes.into_iter().for_each(|finish| finish(None)),
        Err(e) => {
            tracing::error!(error = %e, jobs = finishes.len(), "a batch of writes failed to commit");
            let why = format!("the database could not commit: {e}");
            finishes.into_iter().for_each(|finish| finish(Some(&why)));
        }
    }
}
