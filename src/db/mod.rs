//! The one door to the database: a connection enum over SQLite and PostgreSQL, an r2d2
//! pool with per-connection settings, embedded migrations, and `Db::run` for blocking work.

pub mod schema;
mod writer;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

/// One connection type for both backends; queries are written once against it.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type Conn = DbConn;
pub type PooledConn = PooledConnection<ConnectionManager<DbConn>>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Which backend a `DATABASE_URL` names. Chosen from the scheme ourselves, because
/// `MultiConnection::establish` would let SQLite accept a mistyped `postgres://` URL
/// as a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Splits a `DATABASE_URL` into its backend and the URL that backend's driver wants.
pub fn parse_url(url: &str) -> Result<(Backend, String), String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    if let Some(path) = url.strip_prefix("sqlite://") {
        return Ok((Backend::Sqlite, path.to_string()));
    }
    if let Some(path) = url.strip_prefix("sqlite:") {
        return Ok((Backend::Sqlite, path.to_string()));
    }
    if url.contains("://") {
        return Err(format!(
            "DATABASE_URL has an unsupported scheme (expected postgres://, sqlite:// or a file path): {}",
            url.split("://").next().unwrap_or_default()
        ));
    }
    if url.is_empty() {
        return Err("DATABASE_URL is empty".into());
    }
    Ok((Backend::Sqlite, url.to_string()))
}

/// Applies SQLite's settings on every new connection, not once at start-up: WAL for
/// concurrent readers, a busy timeout instead of instant SQLITE_BUSY, foreign keys on,
/// and synchronous=FULL so that an acknowledged write survives a power cut.
#[derive(Debug)]
struct ConnectionSettings;

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for ConnectionSettings {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        if let DbConn::Sqlite(c) = conn {
            c.batch_execute(
                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// A handle on the pool; cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: Pool<ConnectionManager<DbConn>>,
    backend: Backend,
    /// SQLite only: the one thread that runs `Db::write` transactions (`writer`).
    writer: Option<writer::Writer>,
}

impl Db {
    /// Connects to `url` with a pool of `size` connections; by default 16 on SQLite and
    /// 32 on PostgreSQL. A request waiting for a connection is not served in turn (r2d2
    /// wakes waiters, but a thread giving a connection back can take it again first), so
    /// on PostgreSQL, where every statement is a round trip to another process on the
    /// same busy cores, a pool smaller than the concurrent requests left a few of them
    /// waiting for seconds under load (docs/performance.md, round 3). SQLite statements
    /// finish in microseconds and need no more than 16.
    pub fn connect(url: &str, size: Option<u32>) -> anyhow::Result<Self> {
        let (backend, driver_url) = parse_url(url).map_err(anyhow::Error::msg)?;
        let size = size.unwrap_or(match backend {
            Backend::Postgres => 32,
            Backend::Sqlite => 16,
        });
        let manager = ConnectionManager::<DbConn>::new(match backend {
            // MultiConnection tries backends in order; a prefix keeps SQLite honest.
            Backend::Postgres => driver_url,
            Backend::Sqlite => driver_url,
        });
        let pool = Pool::builder()
            .max_size(size)
            .connection_timeout(std::time::Duration::from_secs(5))
            .connection_customizer(Box::new(ConnectionSettings))
            .build(manager)
            .map_err(|e| anyhow::anyhow!(format!("cannot open the database: {e}")))?;
        let writer = (backend == Backend::Sqlite)
            .then(|| writer::Writer::start(pool.clone()))
            .transpose()
            .map_err(|e| anyhow::anyhow!(format!("cannot start the database writer: {e}")))?;
        let db = Db {
            pool,
            backend,
            writer,
        };
        // MultiConnection picks PostgreSQL for any URL libpq accepts; check we got the
        // backend the scheme named.
        let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
        let actual = match &*conn {
            DbConn::Pg(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        };
        if actual != backend {
            return Err(anyhow::anyhow!(format!(
                "DATABASE_URL names {backend:?} but the driver opened {actual:?}"
            )));
        }
        drop(conn.batch_execute("SELECT 1"));
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn get(&self) -> Result<PooledConn, AppError> {
        self.pool
            .get()
            .map_err(|e| AppError::Unavailable(e.to_string()))
    }

    /// Runs blocking database work on the runtime's blocking pool (the one actix's
    /// `web::block` uses too), never on an async worker.
    pub async fn run<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(format!("blocking task failed: {e}")))?
    }

    /// Runs `f` in a transaction that is committed before this returns, for the hot
    /// write paths. On SQLite it goes to the one writer thread, which commits the
    /// transactions queued meanwhile together (one fsync for all of them, each in its
    /// own savepoint so that one failing does not undo the others); on PostgreSQL it is
    /// `run` with a transaction.
    pub async fn write<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.write_as(writer::Priority::Request, f).await
    }

    /// `write` for the background worker: on SQLite its transactions go after the
    /// requests' (one of them per batch while requests wait).
    pub async fn write_background<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.write_as(writer::Priority::Background, f).await
    }

    async fn write_as<F, T>(&self, priority: writer::Priority, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(priority, f).await,
            None => self.run(move |conn| transaction(conn, f)).await,
        }
    }

    /// Applies every pending migration of this backend.
    pub fn migrate(&self) -> Result<Vec<String>, String> {
        let mut conn = self.get().map_err(|e| e.to_string())?;
        let applied = match &mut *conn {
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS),
        }
        .map_err(|e| format!("migration failed: {e}"))?;
        Ok(applied.iter().map(|m| m.to_string()).collect())
    }

    /// Whether the database answers a trivial query (for /healthz).
    pub fn ping(&self) -> bool {
        match self.pool.get() {
            Ok(mut c) => c.batch_execute("SELECT 1").is_ok(),
            Err(_) => false,
        }
    }
}

/// Runs `f` in a transaction. On SQLite an outermost transaction starts with
/// `BEGIN IMMEDIATE`: a deferred transaction that reads and then writes can fail at once
/// with SQLITE_BUSY when another writer got in between (the busy timeout does not
/// apply to that upgrade), which under concurrent writers would lose work to retries.
pub fn transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let outermost_sqlite = match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c)
            .transaction_depth()
            .map_err(E::from)?
            .is_none(),
        DbConn::Pg(_) => false,
    };
    if !outermost_sqlite {
        return conn.transaction(f);
    }
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE").map_err(E::from)?;
    }
    match f(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)
                .map_err(E::from)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) =
                <DbConn as Connection>::TransactionManager::rollback_transaction(conn)
            {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}
