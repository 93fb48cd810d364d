//! Hostile input: oversized, malformed, deeply nested and mistyped bodies, NUL characters,
//! over-long URLs and headers, clients too slow to finish a request; and the headers every
//! answer carries for browsers (security headers, CORS from configuration).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::on_both_backends;
use crate::support::{Backend, TestApp};

fn organisation() -> serde_json::Value {
    json!({
        "kind": "company",
        "name": "Feind GmbH",
        "address": {"country": "DE", "postal_code": "01067", "city": "Dresden"},
        "industries": ["62.01"],
    })
}

async fn post_raw(
    app: &TestApp,
    bearer: &str,
    content_type: &str,
    body: Vec<u8>,
) -> crate::support::Response {
    app.send_bytes("POST", "/v1/companies", content_type, body, Some(bearer))
        .await
}

async fn hostile_bodies_get_clear_problems_and_write_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("feind@example.de").await;
    let bearer = user.bearer();
    let json_type = "application/json";

    let nested = format!(
        "{{\"kind\":\"company\",\"name\":\"X\",\"extra\":{}1{}}}",
        "[".repeat(500),
        "]".repeat(500)
    );
    let refused = post_raw(&app, &bearer, json_type, nested.into_bytes()).await;
    refused.assert_problem(400, "bad_request");
    assert!(
        refused.json["detail"]
            .as_str()
            .is_some_and(|d| d.contains("recursion limit")),
        "{}",
        refused.json
    );

    post_raw(
        &app,
        &bearer,
        json_type,
        b"{\"name\": \"\xff\xfe\"}".to_vec(),
    )
    .await
    .assert_problem(400, "bad_request");
    post_raw(&app, &bearer, "text/plain", b"name=x".to_vec())
        .await
        .assert_problem(415, "unsupported_media_type");
    let mut with_nul = organisation();
    with_nul["name"] = json!("Feind\u{0}GmbH");
    let nul = app.post("/v1/companies", &with_nul, Some(&bearer)).await;
    nul.assert_problem(422, "invalid_body");
    assert_eq!(nul.json["errors"][0]["pointer"], "/name");
    let mut unknown = organisation();
    unknown["owner"] = json!("me");
    let unknown = app.post("/v1/companies", &unknown, Some(&bearer)).await;
    unknown.assert_problem(400, "invalid_body");
    assert_eq!(unknown.json["errors"][0]["pointer"], "/owner");

    post_raw(&app, &bearer, json_type, vec![b' '; 2 << 20])
        .await
        .assert_problem(413, "payload_too_large");
    // A huge name is named, not echoed back.
    let mut long = organisation();
    long["name"] = json!("ž".repeat(400_000));
    let long = app.post("/v1/companies", &long, Some(&bearer)).await;
    long.assert_problem(422, "invalid_body");
    assert!(
        long.json.to_string().len() < 5_000,
        "the problem echoes the input"
    );
    // Thousands of bad fields: a bounded answer.
    let mut many = serde_json::Map::new();
    for n in 0..5_000 {
        many.insert(format!("unknown_{n}"), json!(n));
    }
    let many = app
        .post(
            "/v1/companies",
            &serde_json::Value::Object(many),
            Some(&bearer),
        )
        .await;
    assert_eq!(many.status, 400, "{}", many.json);
    assert!(
        many.json["errors"]
            .as_array()
            .is_some_and(|e| !e.is_empty() && e.len() <= 50)
    );
    assert!(
        many.json["detail"]
            .as_str()
            .is_some_and(|d| d.chars().count() <= 1_001)
    );

    let long_url = format!("/v1/companies?q={}", "a".repeat(9_000));
    app.get(&long_url).await.assert_problem(414, "uri_too_long");
    // Every declared bound of a query parameter holds, also where no handler checks it.
    let long_id = app
        .get_as(
            &format!("/v1/claims?company_id={}", "0".repeat(37)),
            &bearer,
        )
        .await;
    long_id.assert_problem(400, "invalid_parameter");
    assert_eq!(long_id.json["errors"][0]["parameter"], "company_id");
    let long_condition = format!("\"{}\"", "0".repeat(9_000));
    let refused = app
        .get_with("/v1/companies", &[("if-none-match", &long_condition)])
        .await;
    refused.assert_problem(400, "invalid_parameter");
    assert_eq!(refused.json["errors"][0]["parameter"], "If-None-Match");
    let huge_header = "x".repeat(40_000);
    app.get_with("/v1/companies", &[("x-padding", &huge_header)])
        .await
        .assert_problem(431, "headers_too_large");

    // None of it created anything.
    let me = app.get_as("/v1/me", &bearer).await;
    assert_eq!(me.json["memberships"], json!([]));
}

/// Sends `head` (and `body`) and returns what the server answers before closing, and when.
fn stall(port: u16, head: &str, body: &[u8]) -> (String, Duration) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connected");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(head.as_bytes()).expect("head");
    stream.write_all(body).expect("body");
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

/// A client that never finishes its request head gets 408 after 5 s; one that stops sending
/// its body gets a 408 problem after 10 s. Neither holds the server longer.
#[actix_web::test]
async fn slow_clients_meet_head_and_body_timeouts() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let user = app.sign_up("pomaly@example.cz").await;
    let port: u16 = app
        .base
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let head_only = std::thread::spawn(move || {
        stall(
            port,
            "GET /v1/companies HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow:",
            b"",
        )
    });
    let bearer = user.bearer();
    let body_stalls = std::thread::spawn(move || {
        let head = format!(
            "POST /v1/companies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {bearer}\r\n\
             Content-Type: application/json\r\nContent-Length: 500\r\n\r\n"
        );
        stall(port, &head, b"{\"kind\": \"comp")
    });
    let (answer, took) = head_only.join().expect("head thread");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        took >= Duration::from_secs(4) && took < Duration::from_secs(9),
        "{took:?}"
    );
    let (answer, took) = body_stalls.join().expect("body thread");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    assert!(
        took >= Duration::from_secs(9) && took < Duration::from_secs(15),
        "{took:?}"
    );
    assert_eq!(app.get("/readyz").await.status, 200, "the server serves on");
}

async fn answers_carry_security_headers_and_configured_cors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let answer = app
        .get_with("/v1/companies", &[("origin", "https://anywhere.example")])
        .await;
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        (
            "content-security-policy",
            "default-src 'none'; frame-ancestors 'none'",
        ),
        ("access-control-allow-origin", "https://anywhere.example"),
    ] {
        assert_eq!(answer.header(name), Some(value), "{name}");
    }
    assert_eq!(answer.header("access-control-allow-credentials"), None);

    let narrowed = TestApp::spawn_with_cors_origins(backend, &["https://portal.example.eu"]).await;
    let allowed = narrowed
        .get_with("/v1/companies", &[("origin", "https://portal.example.eu")])
        .await;
    assert_eq!(allowed.status, 200);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://portal.example.eu")
    );
    let other = narrowed
        .get_with("/v1/companies", &[("origin", "https://evil.example")])
        .await;
    assert_eq!(other.header("access-control-allow-origin"), None);
    let preflight = narrowed
        .send(
            "OPTIONS",
            "/v1/companies",
            None,
            &[
                ("origin", "https://evil.example"),
                ("access-control-request-method", "POST"),
            ],
        )
        .await;
    assert_eq!(preflight.header("access-control-allow-origin"), None);
}

on_both_backends!(
    hostile_bodies_get_clear_problems_and_write_nothing,
    answers_carry_security_headers_and_configured_cors,
);
