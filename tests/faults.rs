//! Faults while serving: the database goes away or is locked, and comes back; the server is
//! stopped with SIGTERM in the middle of a request. Each answers with a fast 503 problem and
//! `Retry-After`, writes nothing half, and recovers by itself.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, SqliteConnection};
use serde_json::json;

use crate::support::{Backend, Response, Session, TEST_SECRET, TestApp};

fn organisation(name: &str) -> serde_json::Value {
    json!({
        "kind": "company",
        "name": name,
        "address": {"country": "DE", "postal_code": "01067", "city": "Dresden"},
        "industries": ["62.01"],
        "status": "published",
    })
}

/// A 503 problem with `Retry-After`, answered within `within`.
async fn unavailable(within: Duration, request: impl std::future::Future<Output = Response>) {
    let started = Instant::now();
    let response = request.await;
    let took = started.elapsed();
    response.assert_problem(503, "service_unavailable");
    assert!(response.header("retry-after").is_some(), "no Retry-After");
    assert!(took < within, "the 503 took {took:?}");
}

/// Waits until `/readyz` answers 200 again, without a restart.
async fn ready_again(app: &TestApp, within: Duration) {
    let started = Instant::now();
    while app.get("/readyz").await.status != 200 {
        assert!(
            started.elapsed() < within,
            "not ready again after {within:?}"
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn count_companies(app: &TestApp, owner: &Session) -> usize {
    let me = app.get_as("/v1/me", &owner.bearer()).await;
    me.json["memberships"]
        .as_array()
        .expect("memberships")
        .len()
}

/// PostgreSQL goes away (every connection breaks) and comes back, while the server runs.
#[actix_web::test]
async fn postgres_going_away_is_a_fast_503_and_the_server_recovers() {
    if !Backend::postgres_configured() {
        eprintln!("skipped: PARTNERNET_TEST_POSTGRES_URL is not set");
        return;
    }
    let (app, proxy) = TestApp::spawn_through_proxy().await;
    let owner = app.sign_up("owner@ausfall.example").await;
    let company = app
        .created("/v1/companies", &organisation("Ausfall GmbH"), &owner)
        .await;
    let path = format!("/v1/companies/{company}");

    proxy.cut();
    // The pool waits a second for a connection, then gives up.
    let within = Duration::from_secs(4);
    unavailable(within, app.get(&path)).await;
    unavailable(within, app.get("/readyz")).await;
    unavailable(
        within,
        app.post(
            "/v1/companies",
            &organisation("Halb GmbH"),
            Some(&owner.bearer()),
        ),
    )
    .await;
    assert_eq!(app.get("/healthz").await.status, 200, "the process lives");

    proxy.restore();
    ready_again(&app, Duration::from_secs(15)).await;
    assert_eq!(app.get(&path).await.status, 200);
    // The write during the outage left nothing; a new one works.
    assert_eq!(count_companies(&app, &owner).await, 1);
    app.created("/v1/companies", &organisation("Wieder GmbH"), &owner)
        .await;
    assert_eq!(count_companies(&app, &owner).await, 2);
}

/// Another process holds SQLite's write lock: writes wait out the busy timeout and get 503,
/// readiness fails at once, reads go on; when the lock is released, all is well again.
#[actix_web::test]
async fn a_locked_sqlite_database_is_a_503_for_writes_and_recovers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let owner = app.sign_up("owner@zamek.example").await;
    let company = app
        .created("/v1/companies", &organisation("Zámek s.r.o."), &owner)
        .await;
    let file = app
        .database_url()
        .trim_start_matches("sqlite://")
        .to_owned();
    let mut other = SqliteConnection::establish(&file).expect("a second connection");
    other
        .batch_execute("BEGIN EXCLUSIVE;")
        .expect("the write lock");

    unavailable(Duration::from_secs(1), app.get("/readyz")).await;
    // A write waits for the lock as long as contention may last (5 s), then gives up.
    unavailable(
        Duration::from_secs(8),
        app.post(
            "/v1/companies",
            &organisation("Halb s.r.o."),
            Some(&owner.bearer()),
        ),
    )
    .await;
    assert_eq!(
        app.get(&format!("/v1/companies/{company}")).await.status,
        200
    );

    other.batch_execute("ROLLBACK;").expect("released");
    ready_again(&app, Duration::from_secs(5)).await;
    assert_eq!(
        count_companies(&app, &owner).await,
        1,
        "nothing half written"
    );
    app.created("/v1/companies", &organisation("Znovu s.r.o."), &owner)
        .await;
    assert_eq!(count_companies(&app, &owner).await, 2);
}

/// A `partnernet serve` process on a SQLite database and a free port.
struct ServerProcess {
    child: std::process::Child,
    port: u16,
    index_dir: std::path::PathBuf,
}

impl ServerProcess {
    fn start(database_url: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let index_dir = std::env::temp_dir().join(format!("partnernet-sigterm-{port}"));
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_partnernet"))
            .arg("--database-url")
            .arg(database_url)
            .args(["serve", "--no-demo", "--bind"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--index-dir")
            .arg(&index_dir)
            // The test's sessions are signed with the test servers' secret.
            .env(
                "PARTNERNET_JWT_SECRET",
                std::str::from_utf8(TEST_SECRET).expect("text"),
            )
            .env("PARTNERNET_ENV", "development")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("partnernet serve started");
        let server = Self {
            child,
            port,
            index_dir,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn terminate(&self) {
        let status = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.index_dir);
    }
}

/// SIGTERM while a request is half sent: the server stops taking connections, answers that
/// request in full, then exits cleanly (its background deliveries and mail stop with it).
#[actix_web::test]
async fn sigterm_finishes_the_request_in_flight_and_exits_cleanly() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let owner = app.sign_up("owner@ende.example").await;
    app.stop().await;
    let mut server = ServerProcess::start(app.database_url());

    let body = serde_json::to_vec(&organisation("Im Flug GmbH")).expect("body");
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connected");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "POST /v1/companies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        owner.bearer(),
        body.len()
    )
    .expect("head sent");
    stream.write_all(first).expect("half the body");
    std::thread::sleep(Duration::from_millis(300));

    server.terminate();
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "new connections are refused once stopping"
    );
    stream.write_all(rest).expect("the rest of the body");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("the answer");
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");

    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("status") {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "did not exit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status}");
}
