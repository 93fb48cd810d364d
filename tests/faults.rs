//! Faults while serving: the database goes away or is locked, and comes back; the server is
//! stopped with SIGTERM in the middle of a request, or killed in the middle of writes. Each
//! answers with a fast 503 problem and `Retry-After`, writes nothing half, and recovers by
//! itself. (Kills in the middle of an import and of a webhook delivery are in `imports` and
//! `webhooks`.)

use std::cell::RefCell;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, SqliteConnection};
use serde_json::json;

use crate::on_both_backends;
use crate::support::process::ServerProcess;
use crate::support::{Backend, Response, Session, TestApp};

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

/// A SQLite server with one company, and the path of its database file.
async fn sqlite_with_a_company() -> (TestApp, Session, String, String) {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let owner = app.sign_up("owner@soubor.example").await;
    let company = app
        .created("/v1/companies", &organisation("Soubor s.r.o."), &owner)
        .await;
    let file = app
        .database_url()
        .trim_start_matches("sqlite://")
        .to_owned();
    (app, owner, company, file)
}

/// While `fault` lasts: readiness fails at once, a write is a 503 with `Retry-After` within
/// `write_within`, reads go on. Once it is dropped, the server is ready again by itself, the
/// refused write left nothing behind, and writes succeed.
async fn through_a_sqlite_fault<F>(
    app: &TestApp,
    owner: &Session,
    company: &str,
    write_within: Duration,
    fault: F,
) {
    unavailable(Duration::from_secs(2), app.get("/readyz")).await;
    unavailable(
        write_within,
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

    drop(fault);
    ready_again(app, Duration::from_secs(5)).await;
    assert_eq!(count_companies(app, owner).await, 1, "nothing half written");
    app.created("/v1/companies", &organisation("Znovu s.r.o."), owner)
        .await;
    assert_eq!(count_companies(app, owner).await, 2);
}

/// Another process holds SQLite's write lock: writes wait out the busy timeout and get 503,
/// readiness fails at once, reads go on; when the lock is released, all is well again.
#[actix_web::test]
async fn a_locked_sqlite_database_is_a_503_for_writes_and_recovers() {
    let (app, owner, company, file) = sqlite_with_a_company().await;
    let mut other = SqliteConnection::establish(&file).expect("a second connection");
    other
        .batch_execute("BEGIN EXCLUSIVE;")
        .expect("the write lock");
    // A write waits for the lock as long as contention may last (5 s), then gives up; closing
    // the other connection releases the lock.
    through_a_sqlite_fault(&app, &owner, &company, Duration::from_secs(8), other).await;
}

/// Files made immutable (`chattr +i`, which holds even for root, as the tests run here) for as
/// long as this lives.
struct Immutable(Vec<String>);

impl Immutable {
    /// `None` where the file system or the process's capabilities do not allow it.
    fn make(files: &[&str]) -> Option<Self> {
        let set = std::process::Command::new("chattr")
            .arg("+i")
            .args(files)
            .status()
            .is_ok_and(|status| status.success());
        let files = Self(files.iter().map(|f| (*f).to_owned()).collect());
        set.then_some(files)
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .args(&self.0)
            .status();
    }
}

/// The SQLite database file and its write-ahead log become unwritable while serving (as on a
/// disk remounted read-only): writes are a fast 503 with `Retry-After` having written nothing,
/// reads go on, readiness fails; writable again, the server recovers without a restart.
#[actix_web::test]
async fn an_unwritable_sqlite_database_is_a_503_for_writes_and_recovers() {
    let (app, owner, company, file) = sqlite_with_a_company().await;
    let wal = format!("{file}-wal");
    // Not the shared-memory index (`-shm`): SQLite maps it into memory, and a write to a
    // mapping of an immutable file kills the process (SIGBUS), as it would any program.
    let Some(unwritable) = Immutable::make(&[&file, &wal]) else {
        eprintln!("skipped: chattr +i is not permitted here");
        return;
    };
    through_a_sqlite_fault(&app, &owner, &company, Duration::from_secs(2), unwritable).await;
}

/// SIGTERM while a request is half sent: the server stops taking connections, answers that
/// request in full, then exits cleanly (its background deliveries and mail stop with it).
#[actix_web::test]
async fn sigterm_finishes_the_request_in_flight_and_exits_cleanly() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let owner = app.sign_up("owner@ende.example").await;
    app.stop().await;
    let mut server = ServerProcess::start(app.database_url(), &[]);

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
    std::thread::sleep(Duration::from_millis(100));
    stream.write_all(rest).expect("the rest of the body");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("the answer");
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(
        TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "new connections are refused once stopping"
    );

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

/// The server process is killed (SIGKILL) as soon as 10 of 200 concurrent creations are
/// acknowledged. Started again, it has every company it acknowledged, and each company it has
/// is whole: visible, owned by its creator, with its history; nothing half written.
async fn a_crash_in_the_middle_of_writes_leaves_nothing_half_written(backend: Backend) {
    const CREATIONS: usize = 200;
    const KILL_AFTER: usize = 10;
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@absturz.example").await;
    app.stop().await;
    let server = RefCell::new(ServerProcess::start(
        app.database_url(),
        &[("PARTNERNET_RATE_LIMIT_PER_USER", "0")],
    ));
    let base = format!("http://127.0.0.1:{}", server.borrow().port);
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .finish();
    let bearer = owner.bearer();
    let acknowledged = RefCell::new(Vec::new());
    let creations = (0..CREATIONS).map(|n| {
        let request = client
            .post(format!("{base}/v1/companies"))
            .insert_header(("authorization", bearer.as_str()));
        let (acknowledged, server) = (&acknowledged, &server);
        async move {
            let mut response = request
                .send_json(&organisation(&format!("Absturz {n:03} GmbH")))
                .await
                .ok()?;
            let body: serde_json::Value = response.json().await.ok()?;
            let id =
                (response.status() == 201).then(|| body["id"].as_str().map(str::to_owned))??;
            let mut acknowledged = acknowledged.borrow_mut();
            acknowledged.push(id);
            if acknowledged.len() == KILL_AFTER {
                server.borrow_mut().child.kill().expect("killed");
            }
            Some(())
        }
    });
    futures_util::future::join_all(creations).await;
    let acknowledged = acknowledged.into_inner();
    let mut server = server.into_inner();
    let _ = server.child.wait();
    drop(server);
    assert!(
        (KILL_AFTER..CREATIONS).contains(&acknowledged.len()),
        "the kill did not land mid-way: {} acknowledged",
        acknowledged.len()
    );

    let again = ServerProcess::start(app.database_url(), &[]);
    let base = format!("http://127.0.0.1:{}", again.port);
    let get = |path: String| {
        let request = client
            .get(format!("{base}{path}"))
            .insert_header(("authorization", bearer.as_str()));
        async move {
            let mut response = request.send().await.expect("answered");
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            (response.status().as_u16(), body)
        }
    };
    let (status, me) = get("/v1/me".to_owned()).await;
    assert_eq!(status, 200, "{me}");
    let owned: Vec<String> = me["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .map(|m| m["company_id"].as_str().expect("id").to_owned())
        .collect();
    for id in &acknowledged {
        assert!(owned.contains(id), "acknowledged company {id} is lost");
    }
    for id in &owned {
        let (status, company) = get(format!("/v1/companies/{id}")).await;
        assert_eq!(status, 200, "{company}");
        let (status, history) = get(format!("/v1/companies/{id}/history")).await;
        assert_eq!(status, 200, "{history}");
        assert_eq!(
            history["items"]
                .as_array()
                .and_then(|h| h.last())
                .map(|e| &e["action"]),
            Some(&json!("created")),
            "{history}"
        );
    }
    assert!(owned.len() < CREATIONS, "all stored despite the kill");
}

/// Searches for `word` until they find `name` (never a 500 meanwhile), for at most 30 s.
async fn found_again(app: &TestApp, word: &str, name: &str) {
    let started = Instant::now();
    loop {
        let response = app.get(&format!("/v1/companies?q={word}")).await;
        assert!(
            response.status == 200 || response.status == 503,
            "{}: {}",
            response.status,
            response.json
        );
        let names: Vec<&str> = response.json["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["name"].as_str())
            .collect();
        if names.contains(&name) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{name} never found again"
        );
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The search index's directory disappears, then its metadata is overwritten, while the
/// server runs: writes still succeed, searches never fail with a 500, and the index is
/// rebuilt (or repaired) from the database by itself.
async fn a_lost_or_damaged_search_index_is_rebuilt_while_serving(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@index.example").await;
    app.created(
        "/v1/companies",
        &organisation("Erste Sägewerk GmbH"),
        &owner,
    )
    .await;
    found_again(&app, "Erste", "Erste Sägewerk GmbH").await;

    std::fs::remove_dir_all(app.index_dir()).expect("index removed");
    app.created("/v1/companies", &organisation("Zweite Holz GmbH"), &owner)
        .await;
    found_again(&app, "Zweite", "Zweite Holz GmbH").await;
    found_again(&app, "Erste", "Erste Sägewerk GmbH").await;

    std::fs::write(app.index_dir().join("index").join("meta.json"), "{ damaged")
        .expect("metadata overwritten");
    app.created("/v1/companies", &organisation("Dritte Holz GmbH"), &owner)
        .await;
    found_again(&app, "Dritte", "Dritte Holz GmbH").await;
    found_again(&app, "Zweite", "Zweite Holz GmbH").await;
}

on_both_backends!(
    a_crash_in_the_middle_of_writes_leaves_nothing_half_written,
    a_lost_or_damaged_search_index_is_rebuilt_while_serving,
);
