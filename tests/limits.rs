//! Rate limits per API key, per signed-in user and per address without credentials, each
//! counted on its own; and the usage of keys as their organisations and administrators see it.

use std::num::NonZeroU32;

use api::rate_limit::RateLimits;
use serde_json::json;

use crate::on_both_backends;
use crate::support::{Backend, Response, TestApp};

const PER_KEY: u32 = 5;
const PER_USER: u32 = 40;
const PER_ADDRESS: u32 = 10;

fn header(response: &Response, name: &str) -> u32 {
    response
        .header(name)
        .unwrap_or_else(|| panic!("{name} missing"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not a number"))
}

/// Sends `request` until it is refused; checks that the limit's headers count down to it and
/// that the refusal is a 429 problem with `Retry-After`. Returns how many were sent.
async fn exhaust<F, Fut>(limit: u32, request: F) -> u32
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Response>,
{
    let first = request().await;
    assert_eq!(first.status, 200, "{}", first.json);
    assert_eq!(header(&first, "ratelimit-limit"), limit);
    let mut remaining = header(&first, "ratelimit-remaining");
    assert!(remaining < limit);
    let mut sent = 1;
    while remaining > 0 {
        let response = request().await;
        sent += 1;
        assert_eq!(response.status, 200, "{}", response.json);
        let now = header(&response, "ratelimit-remaining");
        // One more may have come back meanwhile (one every minute divided by the limit).
        assert!(
            now + 1 == remaining || now == remaining,
            "the remaining requests count down"
        );
        assert!(header(&response, "ratelimit-reset") > 0);
        remaining = now;
    }
    let refused = request().await;
    sent += 1;
    refused.assert_problem(429, "too_many_requests");
    assert!(header(&refused, "retry-after") >= 1);
    assert_eq!(header(&refused, "ratelimit-remaining"), 0);
    assert_eq!(header(&refused, "ratelimit-limit"), limit);
    sent
}

async fn keys_users_and_addresses_are_limited_apart(backend: Backend) {
    let app = TestApp::spawn_with_rate_limits(
        backend,
        RateLimits {
            per_key: NonZeroU32::new(PER_KEY),
            per_user: NonZeroU32::new(PER_USER),
            per_address: NonZeroU32::new(PER_ADDRESS),
        },
    )
    .await;
    let owner = app.sign_up("owner@kammer.example").await;
    let chamber = app
        .post(
            "/v1/companies",
            &json!({"kind": "multiplier", "name": "IHK Dresden", "address": {"country": "DE", "postal_code": "01067"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(chamber.status, 201, "{}", chamber.json);
    let chamber = chamber.json["id"].as_str().expect("id").to_owned();
    app.verify(&chamber).await;
    let key = app.api_key(&chamber, &owner, &["read"]).await;
    // Sessions made before the address runs out.
    let admin = app.log_in("admin@partnernet.example").await;
    let stranger = app.sign_up("someone@firma.example").await;
    let key_id = app
        .get_as(
            &format!("/v1/companies/{chamber}/api-keys"),
            &owner.bearer(),
        )
        .await
        .json["items"][0]["id"]
        .as_str()
        .expect("key id")
        .to_owned();

    // The key runs out; the user who made it and anonymous visitors do not.
    let by_key = exhaust(PER_KEY, || app.get_as("/v1/companies", &key)).await;
    assert_eq!(by_key, PER_KEY + 1);
    let user = app.get_as("/v1/companies", &owner.bearer()).await;
    assert_eq!(user.status, 200);
    assert_eq!(header(&user, "ratelimit-limit"), PER_USER);
    let anonymous = app.get("/v1/companies").await;
    assert_eq!(anonymous.status, 200);
    assert_eq!(header(&anonymous, "ratelimit-limit"), PER_ADDRESS);

    // The address runs out for requests without credentials (and with bad ones); the key's
    // and the user's own limits are untouched by it.
    exhaust(PER_ADDRESS, || app.get("/v1/companies")).await;
    app.get_as("/v1/companies", "Bearer forged.token.value")
        .await
        .assert_problem(429, "too_many_requests");
    let user = app.get_as("/v1/companies", &owner.bearer()).await;
    assert_eq!(user.status, 200, "{}", user.json);
    // Probes and the documentation are never limited.
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/openapi.json").await.status, 200);

    // Every request of the key is counted, refused ones too, and its organisation and the
    // administrators see it.
    let usage_path = format!("/v1/companies/{chamber}/api-keys/{key_id}/usage");
    let usage = app.get_as(&usage_path, &owner.bearer()).await;
    assert_eq!(usage.status, 200, "{}", usage.json);
    assert_eq!(usage.json["key_id"], key_id.as_str());
    assert_eq!(usage.json["total"], by_key);
    let today = chrono::Utc::now().date_naive().to_string();
    assert_eq!(
        usage.json["days"],
        json!([{"day": today, "requests": by_key}])
    );
    assert!(usage.json["last_used_at"].is_string());
    let seen = app.get_as(&usage_path, &admin.bearer()).await;
    assert_eq!(seen.json["total"], by_key);
    assert_eq!(
        app.get_as(&usage_path, &stranger.bearer()).await.status,
        403
    );
    app.get_as(&format!("{usage_path}?days=0"), &owner.bearer())
        .await
        .assert_problem(400, "invalid_parameter");
    app.get_as(
        &format!("/v1/companies/{chamber}/api-keys/no-such-key/usage"),
        &owner.bearer(),
    )
    .await
    .assert_problem(404, "not_found");
}

on_both_backends!(keys_users_and_addresses_are_limited_apart);
