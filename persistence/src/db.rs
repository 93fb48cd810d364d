//! The connection type over both backends, the pool, and migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// A connection to either backend. Queries written against the shared schema run on both;
/// backend-specific SQL matches on the variant (see [`on_backend!`](crate::on_backend)).
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// Runs `$body` with `$c` bound to the concrete connection of whichever backend `$conn` is:
/// for statements diesel only offers per backend (upserts), written once.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::DbConn::Postgresql($c) => $body,
            $crate::DbConn::Sqlite($c) => $body,
        }
    };
}

/// Inserts `$rows` (a slice of `Insertable` rows of `$table`) in bulk: one `COPY FROM` on
/// PostgreSQL, which has no statement to parse and no limit on bind parameters; multi-row
/// `INSERT`s of at most `$chunk` rows on SQLite. Evaluates to a `QueryResult<()>`.
#[macro_export]
macro_rules! bulk_insert {
    ($conn:expr, $table:expr, $rows:expr, $chunk:expr) => {{
        let rows = $rows;
        match $conn {
            $crate::DbConn::Postgresql(c) if !rows.is_empty() => diesel::copy_from($table)
                .from_insertable(rows)
                .execute(c)
                .map(drop),
            $crate::DbConn::Postgresql(_) => Ok(()),
            $crate::DbConn::Sqlite(c) => rows.chunks($chunk).try_for_each(|part| {
                diesel::insert_into($table)
                    .values(part)
                    .execute(c)
                    .map(drop)
            }),
        }
    }};
}

/// Runs `work` in one read-only transaction that sees the database as it was when it began,
/// whatever commits meanwhile: SQLite's read transactions do (WAL), PostgreSQL's do at
/// `REPEATABLE READ`. For exports that must be consistent with one change-log position.
pub fn snapshot<T, E>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::RunQueryDsl;
    use diesel::connection::Connection;
    conn.transaction(|conn| {
        if let DbConn::Postgresql(pg) = conn {
            diesel::sql_query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(pg)?;
        }
        work(conn)
    })
}

impl std::fmt::Debug for DbConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("DbConn").field(&self.backend()).finish()
    }
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Postgresql(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the database lives, parsed from `DATABASE_URL`. The backend is chosen by the URL's
/// scheme, never by trying to connect: SQLite would accept any string as a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("DATABASE_URL must start with sqlite:// or postgres:// (got '{0}')")]
    UnsupportedScheme(String),
    #[error("DATABASE_URL sqlite:// needs a file path, such as sqlite://./data/partnernet.db")]
    MissingPath,
    #[error("an in-memory SQLite database cannot be shared by a connection pool; use a file")]
    InMemory,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, ConfigError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            match path {
                "" => Err(ConfigError::MissingPath),
                ":memory:" => Err(ConfigError::InMemory),
                _ => Ok(DatabaseUrl::Sqlite(PathBuf::from(path))),
            }
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseUrl::Postgres(url.to_owned()))
        } else {
            // The URL may carry a password: name only the scheme in the error.
            let scheme = url.split_once("://").map_or("", |(scheme, _)| scheme);
            Err(ConfigError::UnsupportedScheme(format!("{scheme}://...")))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Opens connections of the backend the URL names and sets per-connection options.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
}

/// How long a SQLite writer waits for another writer's lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(r2d2::Error::ConnectionError)?;
                // A page cache of 32 MiB per connection and the file memory-mapped: searches and
                // facets touch many pages, and SQLite's default 2 MiB cache re-reads them all.
                conn.batch_execute(&format!(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL; \
                     PRAGMA cache_size = -32768; PRAGMA mmap_size = 4294967296;"
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => PgConnection::establish(url)
                .map(DbConn::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, Clone)]
pub struct PoolConfig {
    pub url: DatabaseUrl,
    pub max_size: u32,
    /// How long a request waits for a free connection before it is answered 503.
    pub acquire_timeout: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] r2d2::Error),
    #[error("cannot open the database: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("migrations failed: {0}")]
    Migrate(String),
}

/// Builds the pool. For SQLite the file and its folder are created and WAL is switched on once,
/// before any pooled connection exists: setting it per connection races into "database is locked".
pub fn build_pool(config: &PoolConfig) -> Result<Pool, SetupError> {
    let manager = ConnectionManager {
        url: config.url.clone(),
    };
    if let DatabaseUrl::Sqlite(path) = &config.url {
        create_parent_folder(path)?;
        let mut conn = manager.connect()?;
        conn.batch_execute("PRAGMA journal_mode = WAL;")
            .map_err(r2d2::Error::QueryError)?;
    }
    Ok(r2d2::Pool::builder()
        .max_size(config.max_size)
        .min_idle(Some(1))
        .connection_timeout(config.acquire_timeout)
        // A PostgreSQL connection can break (server restart, network); one to a local SQLite
        // file cannot, so it skips the test query on every checkout.
        .test_on_check_out(config.url.backend() == Backend::Postgres)
        .build(manager)?)
}

fn create_parent_folder(path: &Path) -> Result<(), SetupError> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => {
            std::fs::create_dir_all(parent).map_err(|source| SetupError::CreateFolder {
                path: parent.to_owned(),
                source,
            })
        }
        _ => Ok(()),
    }
}

/// Whether `error` is a violated unique constraint (the same on both backends; constraint names
/// and messages differ, so callers say which value was taken themselves).
pub fn is_unique_violation(error: &diesel::result::Error) -> bool {
    matches!(
        error,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Whether `error` says the database cannot serve the request now, having written nothing: a
/// PostgreSQL serialisation conflict or lost connection, or SQLite locked by another process, on
/// a read-only, failing or full disk, or in a file made unwritable (SQLite's commit is atomic).
/// A retry later can succeed.
pub fn is_unavailable(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(
            DatabaseErrorKind::SerializationFailure
            | DatabaseErrorKind::ClosedConnection
            | DatabaseErrorKind::UnableToSendCommand,
            _,
        ) => true,
        // SQLite reports these as unknown kinds; its messages say which.
        Error::DatabaseError(_, info) => SQLITE_UNAVAILABLE
            .iter()
            .any(|words| info.message().contains(words)),
        _ => false,
    }
}

/// SQLite's messages for a database that cannot be written now.
const SQLITE_UNAVAILABLE: &[&str] = &[
    "database is locked",
    "attempt to write a readonly database",
    "disk I/O error",
    "database or disk is full",
];

/// A round trip for readiness checks; on SQLite, a committed write.
pub fn ping(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Postgresql(conn) => conn.batch_execute("SELECT 1"),
        // SQLite reads while another process holds its write lock or the file cannot be
        // written, so readiness writes, waiting briefly for the lock: a server that cannot
        // write is not ready. (On a read-only disk or an immutable file the lock is granted;
        // only the commit fails.)
        DbConn::Sqlite(conn) => {
            let probe = conn.batch_execute(&format!(
                "PRAGMA busy_timeout = {READY_WAIT_MS};
                 INSERT OR REPLACE INTO readiness_probe (id, checked_at) VALUES (1, datetime('now'));"
            ));
            let restored =
                conn.batch_execute(&format!("PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS};"));
            probe.and(restored)
        }
    }
}

/// How long the readiness probe waits for SQLite's write lock.
const READY_WAIT_MS: u32 = 200;

/// Refreshes the planner's statistics: after a bulk load, both backends otherwise plan with
/// stale numbers (PostgreSQL until autovacuum runs, SQLite until someone asks).
pub fn analyze(conn: &mut DbConn) -> QueryResult<()> {
    conn.batch_execute("ANALYZE")
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Applies the migrations not yet applied; returns how many ran.
pub fn run_migrations(conn: &mut DbConn) -> Result<usize, SetupError> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConn::Postgresql(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
    };
    applied.map_err(|e| SetupError::Migrate(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_the_url_scheme() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://./data/x.db")
                .map(|u| u.backend())
                .ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/x.db").ok(),
            Some(DatabaseUrl::Sqlite(PathBuf::from("/tmp/x.db")))
        );
        for url in ["postgres://u@h/db", "postgresql://u@h/db"] {
            assert_eq!(
                DatabaseUrl::parse(url).map(|u| u.backend()).ok(),
                Some(Backend::Postgres)
            );
        }
    }

    #[test]
    fn rejects_other_urls_without_echoing_secrets() {
        let err = DatabaseUrl::parse("mysql://root:secret@h/db").expect_err("mysql is unsupported");
        assert!(!err.to_string().contains("secret"));
        assert!(DatabaseUrl::parse("./data/x.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
    }
}
