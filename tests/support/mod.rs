//! Starting the service for a test, and fixtures.

pub mod corpus;
mod database;
pub mod fixtures;
pub mod process;
pub mod proxy;
pub mod receiver;
pub mod smtp;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use api::auth::Auth;
use api::auth::throttle::ThrottleLimits;
use api::rate_limit::RateLimits;
use api::webhooks::Targets;
use api::{Application, ServerOptions, prepare_database};
use awc::http::StatusCode;
use persistence::{DatabaseUrl, PoolConfig};
use search_index::SearchIndex;
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

/// The JWT secret of test servers; tests forge tokens with it and with others.
pub const TEST_SECRET: &[u8] = b"test secret of at least thirty-two bytes";
/// Every test account has this password.
pub const PASSWORD: &str = "correct horse battery";

/// A signed-in user: the id and a fresh token pair.
#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: String,
    pub access_token: String,
    pub refresh_token: String,
}

impl Session {
    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.access_token)
    }
}

/// How a test server is built: one worker; receivers of test webhooks run on this machine, so
/// private addresses are allowed as in development unless a test checks that they are refused;
/// no rate limits unless a test checks them, since tests make many requests quickly.
fn options(allow_private: bool, rate_limits: RateLimits) -> ServerOptions {
    ServerOptions {
        workers: Some(1),
        targets: Targets { allow_private },
        rate_limits,
        cors_origins: Vec::new(),
        metrics: api::metrics::MetricsAccess::default(),
    }
}

/// The token test servers show their metrics to.
pub const METRICS_TOKEN: &str = "test metrics token";

/// A running service on its own database, with its own search index directory.
pub struct TestApp {
    pub base: String,
    pub client: awc::Client,
    pub db: api::db::Db,
    pub index: Arc<SearchIndex>,
    server: actix_web::dev::ServerHandle,
    database: Arc<TestDatabase>,
    index_dir: Arc<IndexDir>,
}

/// A search index directory, removed when the last server using it is gone.
pub struct IndexDir(PathBuf);

impl IndexDir {
    fn new() -> Self {
        Self(std::env::temp_dir().join(format!("{}-index", database::unique_name())))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for IndexDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.index.shut_down();
    }
}

impl TestApp {
    /// An empty service: migrated, reference data loaded, no companies.
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(
            backend,
            false,
            4,
            Duration::from_secs(3),
            options(true, RateLimits::NONE),
        )
        .await
    }

    /// An empty service that sends webhooks only to public addresses, as in production.
    pub async fn spawn_public_only(backend: Backend) -> TestApp {
        Self::spawn_with(
            backend,
            false,
            4,
            Duration::from_secs(3),
            options(false, RateLimits::NONE),
        )
        .await
    }

    /// An empty service with rate limits.
    pub async fn spawn_with_rate_limits(backend: Backend, limits: RateLimits) -> TestApp {
        Self::spawn_with(
            backend,
            false,
            4,
            Duration::from_secs(3),
            options(true, limits),
        )
        .await
    }

    /// An empty service that shows its metrics to [`METRICS_TOKEN`].
    pub async fn spawn_with_metrics(backend: Backend) -> TestApp {
        let mut options = options(true, RateLimits::NONE);
        options.metrics.token = Some(METRICS_TOKEN.to_owned());
        Self::spawn_with(backend, false, 4, Duration::from_secs(3), options).await
    }

    /// An empty service whose answers only pages of `origins` may read.
    pub async fn spawn_with_cors_origins(backend: Backend, origins: &[&str]) -> TestApp {
        let mut options = options(true, RateLimits::NONE);
        options.cors_origins = origins.iter().map(|o| o.to_string()).collect();
        Self::spawn_with(backend, false, 4, Duration::from_secs(3), options).await
    }

    /// A service with the demo dataset, as `cargo run` starts it.
    pub async fn spawn_with_demo(backend: Backend) -> TestApp {
        Self::spawn_with(
            backend,
            true,
            4,
            Duration::from_secs(3),
            options(true, RateLimits::NONE),
        )
        .await
    }

    /// An empty service with a pool of `max_size` connections and the given acquisition timeout.
    pub async fn spawn_with_pool(
        backend: Backend,
        max_size: u32,
        acquire_timeout: Duration,
    ) -> TestApp {
        Self::spawn_with(
            backend,
            false,
            max_size,
            acquire_timeout,
            options(true, RateLimits::NONE),
        )
        .await
    }

    /// An empty service on PostgreSQL that reaches its database through a [`proxy::Proxy`], so
    /// a test can take the database away and give it back. Requests wait at most a second for
    /// a connection.
    pub async fn spawn_through_proxy() -> (TestApp, proxy::Proxy) {
        let database = Arc::new(TestDatabase::create(Backend::Postgres));
        let (head, rest) = database.url().split_once('@').expect("user@host");
        let (authority, name) = rest.split_once('/').expect("host/database");
        let target = std::net::ToSocketAddrs::to_socket_addrs(authority)
            .ok()
            .and_then(|mut found| found.next())
            .expect("PostgreSQL's address");
        let proxy = proxy::Proxy::start(target);
        let proxied = format!("{head}@{}/{name}", proxy.address());
        let config = PoolConfig {
            url: DatabaseUrl::parse(&proxied).expect("proxied URL"),
            max_size: 4,
            acquire_timeout: Duration::from_secs(1),
        };
        let db = prepare_database(&config, false).expect("database prepared");
        let app = Self::serve(
            db,
            database,
            Arc::new(IndexDir::new()),
            options(true, RateLimits::NONE),
        )
        .await
        .expect("search index opened");
        (app, proxy)
    }

    async fn spawn_with(
        backend: Backend,
        demo: bool,
        max_size: u32,
        acquire_timeout: Duration,
        options: ServerOptions,
    ) -> TestApp {
        let database = Arc::new(TestDatabase::create(backend));
        let config = PoolConfig {
            url: DatabaseUrl::parse(database.url()).expect("test database URL"),
            max_size,
            acquire_timeout,
        };
        let db = prepare_database(&config, demo).expect("database prepared");
        Self::serve(db, database, Arc::new(IndexDir::new()), options)
            .await
            .expect("search index opened")
    }

    /// Another server on the same database, with an index directory of its own (as a second
    /// replica behind a load balancer).
    pub async fn replica(&self) -> TestApp {
        Self::serve(
            self.db.clone(),
            self.database.clone(),
            Arc::new(IndexDir::new()),
            options(true, RateLimits::NONE),
        )
        .await
        .expect("search index opened")
    }

    /// Another server on the same database and the same index directory: refused while this
    /// one runs; after [`TestApp::stop`], a restart.
    pub async fn on_same_index(&self) -> Result<TestApp, search_index::OpenError> {
        Self::serve(
            self.db.clone(),
            self.database.clone(),
            self.index_dir.clone(),
            options(true, RateLimits::NONE),
        )
        .await
    }

    /// Stops the server and its indexer, leaving database and index directory in place.
    pub async fn stop(&self) {
        self.server.stop(true).await;
        self.index.shut_down();
    }

    /// The database's URL, for other processes on it.
    pub fn database_url(&self) -> &str {
        self.database.url()
    }

    pub fn index_dir(&self) -> &Path {
        self.index_dir.path()
    }

    async fn serve(
        db: api::db::Db,
        database: Arc<TestDatabase>,
        index_dir: Arc<IndexDir>,
        options: ServerOptions,
    ) -> Result<TestApp, search_index::OpenError> {
        let index = Arc::new(SearchIndex::open(index_dir.path(), db.pool().clone())?);
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let auth = Auth::new(TEST_SECRET, ThrottleLimits::default()).expect("auth state");
        let app = Application::build(db.clone(), index.clone(), auth, listener, options)
            .expect("server built");
        let base = format!("http://127.0.0.1:{}", app.port());
        let server = app.handle();
        actix_web::rt::spawn(app.run_until_stopped());
        let app = TestApp {
            base,
            // Redirects are part of what the tests check, so the client does not follow them.
            // The server closes idle connections after 5 s (actix-web's default keep-alive);
            // a client that kept them longer (awc: 15 s) would reuse one the server just closed
            // after a test's long pause, and fail with "Disconnected".
            client: awc::Client::builder()
                .connector(awc::Connector::new().conn_keep_alive(Duration::from_secs(2)))
                .timeout(Duration::from_secs(30))
                .disable_redirects()
                .finish(),
            db,
            index,
            server,
            database,
            index_dir,
        };
        app.wait_until_ready().await;
        Ok(app)
    }

    /// Waits until `/readyz` answers 200 (the index is built).
    pub async fn wait_until_ready(&self) {
        for _ in 0..600 {
            if self.get("/readyz").await.status == 200 {
                return;
            }
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not become ready within 30 s");
    }

    /// Waits until this server's index has applied every change committed so far, as a write
    /// through the API does before it answers.
    pub async fn searchable(&self) {
        let latest = self
            .db
            .blocking(|conn| Ok(persistence::changes::latest(conn)?))
            .expect("change log read");
        assert!(
            self.index.wait_for(latest, Duration::from_secs(30)).await,
            "the index did not reach change {latest}"
        );
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Runs `partnernet --database-url <this app's database> <args>` to its end, with `stdin`,
    /// and waits until what it wrote is searchable here.
    pub async fn cli(&self, args: &[&str], stdin: &[u8]) -> CliRun {
        let run = self.run_cli(args, stdin);
        assert!(run.success, "partnernet {args:?} failed: {}", run.stderr);
        self.searchable().await;
        run
    }

    /// Runs `partnernet` as [`TestApp::cli`] does, expecting it to fail.
    pub fn cli_refused(&self, args: &[&str]) -> CliRun {
        let run = self.run_cli(args, b"");
        assert!(
            !run.success,
            "partnernet {args:?} succeeded: {}",
            run.stderr
        );
        run
    }

    fn run_cli(&self, args: &[&str], stdin: &[u8]) -> CliRun {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let mut child = Command::new(env!("CARGO_BIN_EXE_partnernet"))
            .arg("--database-url")
            .arg(self.database.url())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("partnernet started");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin)
            .expect("stdin written");
        let output = child.wait_with_output().expect("partnernet ran");
        CliRun {
            success: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Sends `method path` with a raw body of `content_type`.
    pub async fn send_bytes(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        bearer: Option<&str>,
    ) -> Response {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .client
            .request(method, self.url(path))
            .insert_header(("content-type", content_type));
        if let Some(bearer) = bearer {
            request = request.insert_header(("authorization", bearer));
        }
        Response::read(request.send_body(body).await.expect("request sent")).await
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
        Response::read(request.send().await.expect("request sent")).await
    }

    /// Sends `method path` with an optional JSON body and extra headers.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Response {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self.client.request(method, self.url(path));
        for &(name, value) in headers {
            request = request.insert_header((name, value));
        }
        let response = match body {
            Some(body) => request.send_json(body).await,
            None => request.send().await,
        };
        Response::read(response.expect("request sent")).await
    }

    /// POSTs `body` as JSON, with `Authorization` when `bearer` is given.
    pub async fn post(&self, path: &str, body: &Value, bearer: Option<&str>) -> Response {
        let auth = bearer.map(|b| ("authorization", b));
        self.send("POST", path, Some(body), auth.as_slice()).await
    }

    pub async fn patch(&self, path: &str, body: &Value, bearer: Option<&str>) -> Response {
        let auth = bearer.map(|b| ("authorization", b));
        self.send("PATCH", path, Some(body), auth.as_slice()).await
    }

    pub async fn delete(&self, path: &str, bearer: Option<&str>) -> Response {
        let auth = bearer.map(|b| ("authorization", b));
        self.send("DELETE", path, None, auth.as_slice()).await
    }

    pub async fn get_as(&self, path: &str, bearer: &str) -> Response {
        self.get_with(path, &[("authorization", bearer)]).await
    }

    /// Registers `email` over HTTP and logs in.
    pub async fn sign_up(&self, email: &str) -> Session {
        let body = serde_json::json!({
            "email": email, "password": PASSWORD, "name": email, "language": "de"
        });
        let response = self.post("/v1/auth/register", &body, None).await;
        assert_eq!(response.status, 201, "register: {}", response.json);
        self.log_in(email).await
    }

    pub async fn log_in(&self, email: &str) -> Session {
        let body = serde_json::json!({"email": email, "password": PASSWORD});
        let response = self.post("/v1/auth/login", &body, None).await;
        assert_eq!(response.status, 200, "login: {}", response.json);
        let me = self
            .get_as(
                "/v1/me",
                &format!(
                    "Bearer {}",
                    response.json["access_token"].as_str().expect("token")
                ),
            )
            .await;
        Session {
            user_id: me.json["id"].as_str().expect("user id").to_owned(),
            access_token: response.json["access_token"]
                .as_str()
                .expect("token")
                .to_owned(),
            refresh_token: response.json["refresh_token"]
                .as_str()
                .expect("token")
                .to_owned(),
        }
    }

    /// Creates an administrator as `partnernet user create --admin` does, and logs in.
    pub async fn admin(&self) -> Session {
        self.db
            .blocking(|conn| {
                let new = api::accounts::NewAccount {
                    email: "admin@partnernet.example",
                    password: PASSWORD,
                    name: "Admin",
                    language: domain::language::Language::En,
                    admin: true,
                };
                api::accounts::create(conn, &new)
            })
            .expect("administrator created");
        self.log_in("admin@partnernet.example").await
    }

    /// Has an administrator verify the organisation, as multiplier institutions must be to
    /// hold API keys.
    pub async fn verify(&self, company: &str) {
        let exists = self
            .db
            .blocking(|conn| {
                Ok(persistence::users::find_by_email(conn, "admin@partnernet.example")?.is_some())
            })
            .expect("users read");
        let admin = if exists {
            self.log_in("admin@partnernet.example").await
        } else {
            self.admin().await
        };
        let bearer = admin.bearer();
        let path = format!("/v1/companies/{company}/verify");
        let verified = self
            .send("POST", &path, None, &[("authorization", bearer.as_str())])
            .await;
        assert_eq!(verified.status, 200, "{}", verified.json);
    }

    /// A new API key of `company` with `scopes`, made by its `owner`, as an `Authorization`
    /// value.
    pub async fn api_key(&self, company: &str, owner: &Session, scopes: &[&str]) -> String {
        let response = self
            .post(
                &format!("/v1/companies/{company}/api-keys"),
                &serde_json::json!({"name": "CRM", "scopes": scopes}),
                Some(&owner.bearer()),
            )
            .await;
        assert_eq!(response.status, 201, "{}", response.json);
        format!(
            "Bearer {}",
            response.json["secret"].as_str().expect("secret")
        )
    }

    /// `POST`s `body` to `path` as `session`, expecting `201`; the id of what was created.
    pub async fn created(&self, path: &str, body: &Value, session: &Session) -> String {
        let response = self.post(path, body, Some(&session.bearer())).await;
        assert_eq!(response.status, 201, "{path}: {}", response.json);
        response.json["id"].as_str().expect("id").to_owned()
    }

    /// Inserts companies straight into the database, as the seeding and import paths do, and
    /// waits until they are searchable.
    pub async fn insert(&self, companies: Vec<domain::company::NewCompany>) {
        self.db
            .blocking(move |conn| Ok(persistence::companies::insert_new(conn, &companies)?))
            .expect("fixtures inserted");
        self.searchable().await;
    }
}

/// The outcome of a `partnernet` command that succeeded.
#[derive(Debug)]
pub struct CliRun {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

pub struct Response {
    pub status: StatusCode,
    pub headers: awc::http::header::HeaderMap,
    pub json: Value,
}

impl Response {
    async fn read(mut response: awc::ClientResponse) -> Response {
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

    /// The body fields named in the `errors` of an `invalid_body` problem of `status`.
    pub fn invalid_fields(&self, status: u16) -> Vec<String> {
        self.assert_problem(status, "invalid_body")["errors"]
            .as_array()
            .expect("errors array")
            .iter()
            .map(|e| e["pointer"].as_str().expect("pointer").to_owned())
            .collect()
    }

    /// The parameters named in the `errors` of an `invalid_parameter` problem: a 400 when they
    /// break the OpenAPI document, a 422 when they break a rule beyond it.
    pub fn invalid_parameters(&self) -> Vec<String> {
        let status = self.status.as_u16();
        assert!(
            status == 400 || status == 422,
            "status {status}: {}",
            self.json
        );
        self.assert_problem(status, "invalid_parameter");
        self.json["errors"]
            .as_array()
            .expect("errors array")
            .iter()
            .map(|e| e["parameter"].as_str().expect("parameter name").to_owned())
            .collect()
    }
}
