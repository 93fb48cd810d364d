use std::sync::mpsc;
use std::time::Duration;

use crate::on_both_backends;
use crate::support::{Backend, METRICS_TOKEN, TestApp};

async fn health_and_readiness(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status, 200);
    assert_eq!(health.json["status"], "ok");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, 200);
    assert_eq!(ready.json["status"], "ready");
    assert!(
        ready
            .header("x-request-id")
            .is_some_and(|id| id.len() >= 32)
    );
}

async fn unknown_routes_are_problems(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.get("/v1/nothing-here")
        .await
        .assert_problem(404, "not_found");
    app.get("/").await.assert_problem(404, "not_found");
    for (method, path, allow) in [
        ("PUT", "/v1/companies", "GET, POST"),
        ("PUT", "/v1/companies/some-id", "GET, PATCH, DELETE"),
        ("GET", "/v1/auth/login", "POST"),
        ("POST", "/v1/reference/regions", "GET"),
        ("POST", "/healthz", "GET"),
    ] {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut response = app
            .client
            .request(method, app.url(path))
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 405, "{path}");
        assert_eq!(
            response
                .headers()
                .get("allow")
                .and_then(|v| v.to_str().ok()),
            Some(allow),
            "{path}"
        );
        let body: serde_json::Value = response.json().await.expect("problem body");
        assert_eq!(body["code"], "method_not_allowed");
    }
}

async fn docs_and_spec_are_served(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let redirect = app.get("/docs").await;
    assert!(redirect.status.is_redirection());
    assert_eq!(redirect.header("location"), Some("/docs/"));
    let page = app.get("/docs/").await;
    assert_eq!(page.status, 200);
    assert!(
        page.json
            .as_str()
            .is_some_and(|html| html.contains("swagger-ui"))
    );
    let bundle = app.get("/docs/swagger-ui-bundle.js").await;
    assert_eq!(
        bundle.status, 200,
        "Swagger UI assets are served from the binary"
    );
    let spec = app.get("/openapi.json").await;
    assert_eq!(spec.status, 200);
    assert_eq!(spec.json["openapi"], "3.1.0");
    assert!(spec.json["paths"]["/v1/companies/{id}"]["get"].is_object());
}

async fn browsers_on_other_origins_may_read(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = app
        .get_with(
            "/v1/reference/regions",
            &[("Origin", "https://portal.example")],
        )
        .await;
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("access-control-allow-origin"),
        Some("https://portal.example")
    );
    assert!(
        response
            .header("access-control-expose-headers")
            .is_some_and(|h| h.contains("etag"))
    );
    assert_eq!(response.header("access-control-allow-credentials"), None);
}

async fn exhausted_pool_answers_503_and_recovers(backend: Backend) {
    let app = TestApp::spawn_with_pool(backend, 1, Duration::from_millis(300)).await;
    // Another thread holds the only connection until told to let go.
    let (held_tx, held_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let db = app.db.clone();
    let holder = std::thread::spawn(move || {
        db.blocking(|_conn| {
            held_tx.send(()).expect("test waits");
            release_rx.recv().expect("test releases");
            Ok(())
        })
    });
    held_rx.recv().expect("connection held");

    let busy = app.get("/v1/companies").await;
    busy.assert_problem(503, "service_unavailable");
    assert_eq!(busy.header("retry-after"), Some("1"));
    app.get("/readyz")
        .await
        .assert_problem(503, "service_unavailable");

    release_tx.send(()).expect("holder waits");
    holder
        .join()
        .expect("holder thread")
        .expect("connection released");
    assert_eq!(app.get("/readyz").await.status, 200);
    assert_eq!(app.get("/v1/companies").await.status, 200);
}

/// What is answered to a request with credentials is the caller's own: never cached. Public
/// reads without credentials may be.
async fn responses_to_credentials_are_never_cached(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("jana@firma.example").await;
    for response in [
        app.get_as("/v1/me", &user.bearer()).await,
        app.get_as("/v1/companies", &user.bearer()).await,
        app.get_as("/v1/companies", "Bearer forged").await,
        app.get_as("/v1/no-such-thing", &user.bearer()).await,
    ] {
        assert_eq!(response.header("cache-control"), Some("no-store"));
    }
    let public = app.get("/v1/companies").await;
    assert_eq!(public.status, 200);
    assert_eq!(public.header("cache-control"), None);
    assert_eq!(public.header("x-content-type-options"), Some("nosniff"));
}

async fn metrics_are_shown_to_the_operators_token_only(backend: Backend) {
    let hidden = TestApp::spawn(backend).await;
    hidden
        .get_as("/metrics", &format!("Bearer {METRICS_TOKEN}"))
        .await
        .assert_problem(401, "unauthenticated");

    let app = TestApp::spawn_with_metrics(backend).await;
    let owner = app.sign_up("monitor@example.cz").await;
    let company = app
        .created(
            "/v1/companies",
            &serde_json::json!({
                "kind": "company", "name": "Měřidla s.r.o.", "industries": ["26.51"],
                "address": {"country": "CZ", "postal_code": "40001"}, "status": "published",
            }),
            &owner,
        )
        .await;
    for _ in 0..3 {
        assert_eq!(
            app.get(&format!("/v1/companies/{company}")).await.status,
            200
        );
    }
    app.get("/metrics")
        .await
        .assert_problem(401, "unauthenticated");
    app.get_as("/metrics", "Bearer wrong token")
        .await
        .assert_problem(401, "unauthenticated");
    // The scheme is read as for every other credential, in any case.
    let lower = app
        .get_as("/metrics", &format!("bearer {METRICS_TOKEN}"))
        .await;
    assert_eq!(lower.status, 200);
    let mut response = app
        .client
        .get(app.url("/metrics"))
        .insert_header(("authorization", format!("Bearer {METRICS_TOKEN}")))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let text = String::from_utf8(response.body().await.expect("body").to_vec()).expect("text");
    let requests = text
        .lines()
        .find(|line| {
            line.starts_with("http_requests_total{")
                && line.contains(r#"route="/v1/companies/{id}""#)
                && line.contains(r#"method="GET""#)
                && line.contains(r#"status="200""#)
        })
        .unwrap_or_else(|| panic!("no count of company reads in\n{text}"));
    let count: f64 = requests
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("count");
    // The recorder is the process's: other tests' servers count too.
    assert!(count >= 3.0, "{requests}");
    assert!(
        text.contains("http_request_duration_seconds_bucket{"),
        "no histogram"
    );
    for gauge in [
        "db_pool_connections",
        "db_work_in_flight",
        "db_work_waiting",
        "search_index_lag_changes",
        "webhook_deliveries_pending",
        "mails_pending",
        "imports_running",
        "import_records_handled",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(gauge)),
            "{gauge} missing"
        );
    }
}

on_both_backends!(
    metrics_are_shown_to_the_operators_token_only,
    responses_to_credentials_are_never_cached,
    exhausted_pool_answers_503_and_recovers,
    health_and_readiness,
    unknown_routes_are_problems,
    docs_and_spec_are_served,
    browsers_on_other_origins_may_read,
);

/// The inventory: every operation of the document is served, and nothing that is not in it
/// (only the documentation page and the document itself are served beside it).
#[actix_web::test]
async fn every_documented_operation_is_served_and_nothing_else() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let document = serde_json::to_value(api::openapi::document()).expect("document");
    let unmatched = |response: &crate::support::Response| {
        response.status == 405
            || (response.status == 404
                && response.json["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("there is no resource at")))
    };
    let mut served = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        let concrete = path
            .split('/')
            .map(|segment| {
                if segment.starts_with('{') {
                    "01a24af9-0000-7000-8000-000000000000"
                } else {
                    segment
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in item.as_object().expect("item").keys() {
            let response = app.send(&method.to_uppercase(), &concrete, None, &[]).await;
            assert!(!unmatched(&response), "{method} {path}: {}", response.json);
            served += 1;
        }
    }
    assert!(served > 80, "only {served} operations");
    for path in [
        "/admin",
        "/v1/admin",
        "/v2/companies",
        "/debug/pprof",
        "/.env",
        "/v1/companies/01a24af9-0000-7000-8000-000000000000/secret",
    ] {
        let response = app.get(path).await;
        assert!(
            unmatched(&response),
            "{path} is served: {}",
            response.status
        );
    }
}
