//! A database of its own for each test, removed when the test ends.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use diesel::{Connection, PgConnection, RunQueryDsl};

const POSTGRES_ENV: &str = "PARTNERNET_TEST_POSTGRES_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn postgres_configured() -> bool {
        std::env::var(POSTGRES_ENV).is_ok_and(|url| !url.is_empty())
    }
}

pub enum TestDatabase {
    Sqlite {
        url: String,
        path: PathBuf,
    },
    Postgres {
        url: String,
        admin_url: String,
        name: String,
    },
}

/// A name no other test of this or a concurrent run uses.
pub fn unique_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "pn_test_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDatabase {
    pub fn create(backend: Backend) -> TestDatabase {
        let name = unique_name();
        match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                TestDatabase::Sqlite {
                    url: format!("sqlite://{}", path.display()),
                    path,
                }
            }
            Backend::Postgres => {
                let admin_url = std::env::var(POSTGRES_ENV).expect("PostgreSQL test URL");
                let mut admin = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {POSTGRES_ENV}: {e}"));
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("test database created");
                // Replace the database part of the URL (after the last '/', before any '?').
                let (server, rest) = admin_url.rsplit_once('/').expect("URL names a database");
                let options = rest
                    .split_once('?')
                    .map_or(String::new(), |(_, o)| format!("?{o}"));
                TestDatabase::Postgres {
                    url: format!("{server}/{name}{options}"),
                    admin_url,
                    name,
                }
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            TestDatabase::Sqlite { url, .. } | TestDatabase::Postgres { url, .. } => url,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            TestDatabase::Sqlite { path, .. } => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            TestDatabase::Postgres {
                admin_url, name, ..
            } => {
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut admin);
                }
            }
        }
    }
}
