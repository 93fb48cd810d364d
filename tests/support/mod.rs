//! Starting the service for a test, and fixtures.

mod database;
pub mod fixtures;

use std::net::TcpListener;
use std::time::Duration;

use api::{Application, prepare_database};
use awc::http::StatusCode;
use persistence::{DatabaseUrl, PoolConfig};
use serde_json::Value;

pub use database::Backend;
use database::TestDatabase;

/// Generates, for each listed `async fn name(backend: Backend)`, one test per backend:
/// `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[actix_web::test]
                async fn $name() {
                    super::$name($crate::support::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[actix_web::test]
                async fn $name() {
                    if $crate::support::Backend::postgres_configured() {
                        super::$name($crate::support::Backend::Postgres).await;
                    } else {
                        eprintln!("skipped: PARTNERNET_TEST_POSTGRES_URL is not set");
                    }
                }
            )+
        }
    };
}

/// A running service on its own database.
pub struct TestApp {
    pub base: String,
    pub client: awc::Client,
    pub db: api::db::Db,
    _database: TestDatabase,
}

impl TestApp {
    /// An empty service: migrated, reference data loaded, no companies.
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, false, 4, Duration::from_secs(3)).await
    }

    /// A service with the demo dataset, as `cargo run` starts it.
    pub async fn spawn_with_demo(backend: Backend) -> TestApp {
        Self::spawn_with(backend, true, 4, Duration::from_secs(3)).await
    }

    /// An empty service with a pool of `max_size` connections and the given acquisition timeout.
    pub async fn spawn_with_pool(
        backend: Backend,
        max_size: u32,
        acquire_timeout: Duration,
    ) -> TestApp {
        Self::spawn_with(backend, false, max_size, acquire_timeout).await
    }

    async fn spawn_with(
        backend: Backend,
        demo: bool,
        max_size: u32,
        acquire_timeout: Duration,
    ) -> TestApp {
        let database = TestDatabase::create(backend);
        let config = PoolConfig {
            url: DatabaseUrl::parse(database.url()).expect("test database URL"),
            max_size,
            acquire_timeout,
        };
        let db = prepare_database(&config, demo).expect("database prepared");
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let app = Application::build(db.clone(), listener, Some(1)).expect("server built");
        let base = format!("http://127.0.0.1:{}", app.port());
        actix_web::rt::spawn(app.run_until_stopped());
        TestApp {
            base,
            // Redirects are part of what the tests check, so the client does not follow them.
            client: awc::Client::builder()
                .timeout(Duration::from_secs(30))
                .disable_redirects()
                .finish(),
            db,
            _database: database,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GETs `path` and returns the status, the headers and the body parsed as JSON
    /// (`Value::Null` for an empty body).
    pub async fn get(&self, path: &str) -> Response {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = self.client.get(self.url(path));
        for &(name, value) in headers {
            request = request.insert_header((name, value));
        }
        let mut response = request.send().await.expect("request sent");
        let body = response.body().limit(16 << 20).await.expect("body read");
        Response {
            status: response.status(),
            headers: response.headers().clone(),
            json: if body.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&body)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into_owned()))
            },
        }
    }

    /// Inserts companies straight into the database, as the seeding and import paths do.
    pub fn insert(&self, companies: Vec<domain::company::NewCompany>) {
        self.db
            .blocking(move |conn| Ok(persistence::companies::insert_new(conn, &companies)?))
            .expect("fixtures inserted");
    }
}

pub struct Response {
    pub status: StatusCode,
    pub headers: awc::http::header::HeaderMap,
    pub json: Value,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem+json error with `status` and `code`; returns the problem.
    #[track_caller]
    pub fn assert_problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.json);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(self.json["status"], status);
        assert_eq!(self.json["code"], code, "body: {}", self.json);
        assert_eq!(self.json["type"], format!("urn:partnernet:problem:{code}"));
        assert!(self.json["title"].is_string() && self.json["detail"].is_string());
        &self.json
    }

    /// The parameters named in a 400's `errors`.
    pub fn invalid_parameters(&self) -> Vec<String> {
        self.assert_problem(400, "invalid_parameter");
        self.json["errors"]
            .as_array()
            .expect("errors array")
            .iter()
            .map(|e| e["parameter"].as_str().expect("parameter name").to_owned())
            .collect()
    }
}
