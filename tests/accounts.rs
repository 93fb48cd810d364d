//! Registration, sessions and the attacks on them.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, PASSWORD, TEST_SECRET, TestApp};

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

fn sign(claims: &Value, secret: &[u8], algorithm: Algorithm) -> String {
    jsonwebtoken::encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .expect("token signed")
}

async fn register_login_and_manage_the_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let registered = app
        .post(
            "/v1/auth/register",
            &json!({"email": " Jana@Example.CZ ", "password": PASSWORD, "name": "Jana Nováková", "language": "cs"}),
            None,
        )
        .await;
    assert_eq!(registered.status, 201, "{}", registered.json);
    assert_eq!(registered.json["email"], "jana@example.cz");
    assert!(registered.json.get("password_hash").is_none());

    let again = app
        .post(
            "/v1/auth/register",
            &json!({"email": "jana@example.cz", "password": PASSWORD, "name": "J", "language": "cs"}),
            None,
        )
        .await;
    again.assert_problem(409, "email_taken");

    let weak = app
        .post(
            "/v1/auth/register",
            &json!({"email": "petr@example.cz", "password": "petr@example.cz", "name": "", "language": "pl"}),
            None,
        )
        .await;
    weak.assert_problem(400, "invalid_body");

    let login = app
        .post(
            "/v1/auth/login",
            &json!({"email": "JANA@example.cz", "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(login.status, 200);
    assert_eq!(login.json["token_type"], "Bearer");
    assert_eq!(login.json["expires_in"], 900);
    assert_eq!(login.header("cache-control"), Some("no-store"));
    let bearer = format!(
        "Bearer {}",
        login.json["access_token"].as_str().expect("token")
    );

    let me = app.get_as("/v1/me", &bearer).await;
    assert_eq!(me.json["name"], "Jana Nováková");
    assert_eq!(me.json["admin"], false);
    let changed = app
        .patch(
            "/v1/me",
            &json!({"name": "Jana Dvořáková", "language": "de"}),
            Some(&bearer),
        )
        .await;
    assert_eq!(changed.status, 200);
    assert_eq!(changed.json["language"], "de");
    let escalation = app
        .patch(
            "/v1/me",
            &json!({"is_admin": true, "role": "admin"}),
            Some(&bearer),
        )
        .await;
    assert_eq!(
        escalation.assert_problem(400, "invalid_body")["errors"][0]["code"],
        "read_only"
    );
    assert_eq!(app.get_as("/v1/me", &bearer).await.json["admin"], false);

    // Wrong e-mail and wrong password look the same.
    let wrong_password = app
        .post(
            "/v1/auth/login",
            &json!({"email": "jana@example.cz", "password": "not the password"}),
            None,
        )
        .await;
    let unknown = app
        .post(
            "/v1/auth/login",
            &json!({"email": "nobody@example.cz", "password": PASSWORD}),
            None,
        )
        .await;
    wrong_password.assert_problem(401, "invalid_credentials");
    unknown.assert_problem(401, "invalid_credentials");
    assert_eq!(wrong_password.json["detail"], unknown.json["detail"]);

    // A password change ends every session, access tokens included.
    let refresh_token = login.json["refresh_token"].as_str().expect("token");
    let wrong_current = app
        .post(
            "/v1/me/password",
            &json!({"current_password": "guess guess guess", "new_password": "a new password"}),
            Some(&bearer),
        )
        .await;
    wrong_current.assert_problem(401, "invalid_credentials");
    let changed = app
        .post(
            "/v1/me/password",
            &json!({"current_password": PASSWORD, "new_password": "a new password"}),
            Some(&bearer),
        )
        .await;
    assert_eq!(changed.status, 204);
    app.get_as("/v1/me", &bearer)
        .await
        .assert_problem(401, "invalid_token");
    app.post(
        "/v1/auth/refresh",
        &json!({"refresh_token": refresh_token}),
        None,
    )
    .await
    .assert_problem(401, "invalid_token");
    let relogin = app
        .post(
            "/v1/auth/login",
            &json!({"email": "jana@example.cz", "password": "a new password"}),
            None,
        )
        .await;
    assert_eq!(relogin.status, 200);

    // Deleting the account removes it; logging in again fails.
    let bearer = format!(
        "Bearer {}",
        relogin.json["access_token"].as_str().expect("token")
    );
    assert_eq!(app.delete("/v1/me", Some(&bearer)).await.status, 204);
    app.get_as("/v1/me", &bearer)
        .await
        .assert_problem(401, "invalid_token");
    app.post(
        "/v1/auth/login",
        &json!({"email": "jana@example.cz", "password": "a new password"}),
        None,
    )
    .await
    .assert_problem(401, "invalid_credentials");
}

async fn forged_and_misused_tokens_are_rejected(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let session = app.sign_up("jana@example.cz").await;
    let claims = |exp: u64| json!({"iss": "partnernet", "aud": "partnernet-api", "sub": session.user_id, "iat": now(), "exp": exp, "sv": 1});
    // The control: a token made like the server makes them is accepted.
    let genuine = sign(&claims(now() + 600), TEST_SECRET, Algorithm::HS256);
    assert_eq!(
        app.get_as("/v1/me", &format!("Bearer {genuine}"))
            .await
            .status,
        200
    );

    let mut without_exp = claims(0);
    without_exp.as_object_mut().expect("object").remove("exp");
    let mut wrong_audience = claims(now() + 600);
    wrong_audience["aud"] = json!("another-api");
    let header_none = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(now() + 600).to_string());
    let mut tampered_claims = claims(now() + 600);
    tampered_claims["sub"] = json!("someone-else");
    let mut parts: Vec<String> = session.access_token.split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(tampered_claims.to_string());

    let attacks = [
        ("alg none", format!("{header_none}.{payload}.")),
        (
            "wrong key",
            sign(
                &claims(now() + 600),
                b"another secret of thirty-two bytes!!",
                Algorithm::HS256,
            ),
        ),
        (
            "other algorithm",
            sign(&claims(now() + 600), TEST_SECRET, Algorithm::HS512),
        ),
        (
            "expired",
            sign(&claims(now() - 3600), TEST_SECRET, Algorithm::HS256),
        ),
        (
            "missing exp",
            sign(&without_exp, TEST_SECRET, Algorithm::HS256),
        ),
        (
            "wrong aud",
            sign(&wrong_audience, TEST_SECRET, Algorithm::HS256),
        ),
        ("tampered payload", parts.join(".")),
        (
            "refresh token as access token",
            session.refresh_token.clone(),
        ),
        ("garbage", "not-a-token".to_owned()),
    ];
    for (attack, token) in attacks {
        let response = app.get_as("/v1/me", &format!("Bearer {token}")).await;
        response.assert_problem(401, "invalid_token");
        assert!(
            response
                .header("www-authenticate")
                .is_some_and(|h| h.contains("invalid_token")),
            "{attack}"
        );
    }
    app.get_as(
        "/v1/me",
        &format!("Basic {}", URL_SAFE_NO_PAD.encode("jana:pw")),
    )
    .await
    .assert_problem(401, "invalid_token");
    app.get("/v1/me")
        .await
        .assert_problem(401, "unauthenticated");

    // An access token is not a refresh token.
    app.post(
        "/v1/auth/refresh",
        &json!({"refresh_token": session.access_token}),
        None,
    )
    .await
    .assert_problem(401, "invalid_token");
}

async fn refresh_rotates_and_reuse_revokes_the_family(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let session = app.sign_up("jana@example.cz").await;
    let refresh = |token: &str| {
        let body = json!({"refresh_token": token});
        let app = &app;
        async move { app.post("/v1/auth/refresh", &body, None).await }
    };
    let first = refresh(&session.refresh_token).await;
    assert_eq!(first.status, 200, "{}", first.json);
    let second_token = first.json["refresh_token"]
        .as_str()
        .expect("token")
        .to_owned();
    assert_ne!(second_token, session.refresh_token);
    let new_access = format!(
        "Bearer {}",
        first.json["access_token"].as_str().expect("token")
    );
    assert_eq!(app.get_as("/v1/me", &new_access).await.status, 200);

    // The old token replayed: refused, and the whole family with it.
    refresh(&session.refresh_token)
        .await
        .assert_problem(401, "invalid_token");
    refresh(&second_token)
        .await
        .assert_problem(401, "invalid_token");

    // Logout ends a session.
    let other = app.log_in("jana@example.cz").await;
    let logout = app
        .post(
            "/v1/auth/logout",
            &json!({"refresh_token": other.refresh_token}),
            None,
        )
        .await;
    assert_eq!(logout.status, 204);
    refresh(&other.refresh_token)
        .await
        .assert_problem(401, "invalid_token");
}

async fn concurrent_refreshes_let_exactly_one_through(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let session = app.sign_up("jana@example.cz").await;
    let body = json!({"refresh_token": session.refresh_token});
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let request = app.client.post(app.url("/v1/auth/refresh"));
            let body = body.clone();
            actix_web::rt::spawn(async move {
                request.send_json(&body).await.map(|r| r.status().as_u16())
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("task").expect("sent"));
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 401),
        "{statuses:?}"
    );
}

async fn failed_logins_are_throttled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("jana@example.cz").await;
    app.sign_up("petr@example.cz").await;
    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.post(
                "/v1/auth/login",
                &json!({"email": email, "password": password}),
                None,
            )
            .await
        }
    };
    for _ in 0..5 {
        attempt("jana@example.cz", "wrong password!")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    let limited = attempt("jana@example.cz", "wrong password!").await;
    limited.assert_problem(429, "too_many_requests");
    let wait: u64 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=900).contains(&wait), "{wait}");
    // Even the right password waits: otherwise guessing would just continue.
    attempt("jana@example.cz", PASSWORD)
        .await
        .assert_problem(429, "too_many_requests");
    // Another account from the same address is not locked by it.
    assert_eq!(attempt("petr@example.cz", PASSWORD).await.status, 200);
}

/// `partnernet user grant-admin` and `revoke-admin` change the role of an existing account; it
/// applies to the account's next request, with the token it already holds.
async fn the_administrator_role_is_granted_and_withdrawn_from_the_command_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.sign_up("jana@firma.example").await;
    let admin_only = "/v1/admin/api-keys";
    app.get_as(admin_only, &user.bearer())
        .await
        .assert_problem(403, "forbidden");

    let granted = app
        .cli(
            &["user", "grant-admin", "--email", "Jana@Firma.example"],
            b"",
        )
        .await;
    assert!(granted.success, "{}", granted.stderr);
    assert!(
        granted.stderr.contains("granted to jana@firma.example"),
        "{}",
        granted.stderr
    );
    assert_eq!(app.get_as(admin_only, &user.bearer()).await.status, 200);
    let me = app.get_as("/v1/me", &user.bearer()).await;
    assert_eq!(me.json["admin"], true, "{}", me.json);

    let revoked = app
        .cli(
            &["user", "revoke-admin", "--email", "jana@firma.example"],
            b"",
        )
        .await;
    assert!(revoked.success, "{}", revoked.stderr);
    app.get_as(admin_only, &user.bearer())
        .await
        .assert_problem(403, "forbidden");

    let unknown = app.cli_refused(&["user", "grant-admin", "--email", "nobody@firma.example"]);
    assert!(
        unknown
            .stderr
            .contains("there is no account nobody@firma.example"),
        "{}",
        unknown.stderr
    );
    let malformed = app.cli_refused(&["user", "grant-admin", "--email", "nobody"]);
    assert!(
        malformed.stderr.contains("not an e-mail address"),
        "{}",
        malformed.stderr
    );
}

on_both_backends!(
    the_administrator_role_is_granted_and_withdrawn_from_the_command_line,
    register_login_and_manage_the_account,
    forged_and_misused_tokens_are_rejected,
    refresh_rotates_and_reuse_revokes_the_family,
    concurrent_refreshes_let_exactly_one_through,
    failed_logins_are_throttled,
);
