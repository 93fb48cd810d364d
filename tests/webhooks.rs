//! Webhooks: who may subscribe, signed batches that replay like the feed, retries, pausing and
//! resuming, SSRF checks at subscription and at delivery time, and no double delivery by
//! several servers.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use api::webhooks::{Dispatcher, MIN_LEASE_SECONDS, Targets, signature};
use domain::country::Country;
use domain::retry::Backoff;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::process::ServerProcess;
use crate::support::receiver::{Delivery, Receiver};
use crate::support::{Backend, Session, TestApp, fixtures};

/// A verified multiplier institution with an owner and a key holding `webhooks` and `read`.
struct Chamber {
    owner: Session,
    id: String,
    key: String,
}

async fn chamber(app: &TestApp, domain: &str) -> Chamber {
    let owner = app.sign_up(&format!("owner@{domain}")).await;
    let response = app
        .post(
            "/v1/companies",
            &json!({"kind": "multiplier", "name": format!("Kammer {domain}"), "address": {"country": "DE", "postal_code": "01067"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(response.status, 201, "{}", response.json);
    let id = response.json["id"].as_str().expect("id").to_owned();
    app.verify(&id).await;
    let key = app.api_key(&id, &owner, &["webhooks", "read"]).await;
    Chamber { owner, id, key }
}

/// A new subscription: its id, secret and the change-log position it starts after.
async fn subscribe(
    app: &TestApp,
    key: &str,
    url: &str,
    entities: &[&str],
) -> (String, String, i64) {
    let response = app
        .post(
            "/v1/webhooks",
            &json!({"url": url, "entities": entities}),
            Some(key),
        )
        .await;
    assert_eq!(response.status, 201, "{}", response.json);
    (
        response.json["id"].as_str().expect("id").to_owned(),
        response.json["secret"].as_str().expect("secret").to_owned(),
        response.json["planned_through"].as_i64().expect("position"),
    )
}

async fn publish_company(app: &TestApp, owner: &Session, name: &str) -> String {
    let firm = json!({"kind": "company", "name": name, "address": {"country": "CZ", "postal_code": "46001"}, "status": "published"});
    app.created("/v1/companies", &firm, owner).await
}

/// The shortest claim on a delivery a server may hold.
const LEASE: Duration = Duration::from_secs(MIN_LEASE_SECONDS);

fn quick_retries() -> Backoff {
    Backoff {
        first: Duration::from_millis(1),
        longest: Duration::from_millis(2),
        window: Duration::from_secs(3600),
    }
}

fn dispatcher(app: &TestApp, retry: Backoff) -> Dispatcher {
    Dispatcher::new(
        app.db.clone(),
        Targets {
            allow_private: true,
        },
        retry,
        LEASE,
    )
}

/// Plans and sends until a round finds nothing to do.
async fn drain(dispatcher: &Dispatcher) {
    for _ in 0..200 {
        let planned = dispatcher.plan_due().await.expect("planned");
        let round = dispatcher.deliver_due().await.expect("a round");
        if planned == 0 && round.delivered + round.retrying + round.failed == 0 {
            return;
        }
        actix_web::rt::time::sleep(Duration::from_millis(3)).await;
    }
    panic!("the deliveries did not settle");
}

/// The `(seq, entity, id, op)` of every entry the receiver accepted, in order.
fn entries(deliveries: &[Delivery]) -> Vec<(i64, String, String, String)> {
    deliveries
        .iter()
        .flat_map(|d| {
            d.json()["data"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|item| {
            (
                item["seq"].as_i64().expect("seq"),
                item["entity"].as_str().expect("entity").to_owned(),
                item["id"].as_str().expect("id").to_owned(),
                item["op"].as_str().expect("op").to_owned(),
            )
        })
        .collect()
}

/// The same from the change feed, for `entities`, after `after`.
async fn feed(app: &TestApp, after: i64, entities: &[&str]) -> Vec<(i64, String, String, String)> {
    let admin = app.log_in("admin@partnernet.example").await;
    let page = app
        .get_as(
            &format!("/v1/changes?after={after}&limit=1000"),
            &admin.bearer(),
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.json);
    entries(&[Delivery {
        id: String::new(),
        timestamp: String::new(),
        signature: String::new(),
        body: json!({"data": {"items": page.json["items"]}}).to_string(),
        accepted: true,
    }])
    .into_iter()
    .filter(|(_, entity, _, _)| entities.contains(&entity.as_str()))
    .collect()
}

async fn deliveries_are_signed_batches_of_the_feed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    let response = app
        .post(
            "/v1/webhooks",
            &json!({"url": receiver.url("127.0.0.1"), "entities": ["company", "product"]}),
            Some(&ihk.key),
        )
        .await;
    assert_eq!(response.status, 201, "{}", response.json);
    let webhook = response.json["id"].as_str().expect("id").to_owned();
    let secret = response.json["secret"].as_str().expect("secret").to_owned();
    assert_eq!(
        response.header("location"),
        Some(format!("/v1/webhooks/{webhook}").as_str())
    );
    assert_eq!(response.json["status"], "active");
    assert_eq!(response.json["with_contacts"], true);
    let start = response.json["planned_through"].as_i64().expect("position");

    // Changes of every kind; the subscription wants companies and products only.
    let sawmill = publish_company(&app, &ihk.owner, "Pila Dvořák s.r.o.").await;
    let product = app
        .post(
            &format!("/v1/companies/{sawmill}/products"),
            &json!({"kind": "product", "name": {"cs": "Řezivo"}}),
            Some(&ihk.owner.bearer()),
        )
        .await;
    assert_eq!(product.status, 201, "{}", product.json);
    let draft = app
        .post(
            "/v1/companies",
            &json!({"kind": "company", "name": "Tajná firma", "address": {"country": "CZ", "postal_code": "46001"}, "status": "draft"}),
            Some(&ihk.owner.bearer()),
        )
        .await;
    assert_eq!(draft.status, 201);
    let renamed = app
        .patch(
            &format!("/v1/companies/{sawmill}"),
            &json!({"name": "Pila Dvořák a syn s.r.o."}),
            Some(&ihk.owner.bearer()),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.json);

    drain(&dispatcher(&app, Backoff::WEBHOOK)).await;
    let accepted = receiver.accepted();
    assert!(!accepted.is_empty());
    for delivery in &accepted {
        let timestamp: i64 = delivery.timestamp.parse().expect("a Unix timestamp");
        assert!((chrono::Utc::now().timestamp() - timestamp).abs() < 60);
        let expected = signature::signatures(
            &[&secret],
            &delivery.id,
            timestamp,
            delivery.body.as_bytes(),
        )
        .expect("signed");
        assert_eq!(delivery.signature, expected);
        assert_eq!(delivery.json()["type"], "partnernet.changes");
    }
    // Exactly the feed's entries of those entities, in order; the draft only as a delete.
    assert_eq!(
        entries(&accepted),
        feed(&app, start, &["company", "product"]).await
    );
    let items: Vec<Value> = accepted
        .iter()
        .flat_map(|d| {
            d.json()["data"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let current = app
        .get_as(&format!("/v1/companies/{sawmill}"), &ihk.key)
        .await
        .json;
    assert!(
        items
            .iter()
            .filter(|i| i["id"] == sawmill.as_str())
            .all(|i| i["data"] == current),
        "every entry carries the company as it is now"
    );
    let draft_id = draft.json["id"].as_str().expect("id");
    assert!(
        items
            .iter()
            .filter(|i| i["id"] == draft_id)
            .all(|i| i["op"] == "delete" && i["data"].is_null())
    );

    // The delivery log.
    let log = app
        .get_as(&format!("/v1/webhooks/{webhook}/deliveries"), &ihk.key)
        .await;
    assert_eq!(log.status, 200, "{}", log.json);
    let logged = log.json["items"].as_array().expect("items");
    assert_eq!(logged.len(), accepted.len());
    for entry in logged {
        assert_eq!(entry["status"], "delivered");
        assert_eq!(entry["attempts"], 1);
        assert_eq!(entry["last_status_code"], 204);
    }
    let listed = app.get_as("/v1/webhooks", &ihk.key).await;
    assert_eq!(listed.json["items"][0]["id"], webhook.as_str());
    assert!(
        listed.json["items"][0]["planned_through"]
            .as_i64()
            .expect("position")
            > start
    );

    // A rotated secret: the next deliveries are signed by the new and the previous secret.
    let rotated = app
        .post(
            &format!("/v1/webhooks/{webhook}/secret"),
            &json!({}),
            Some(&ihk.key),
        )
        .await;
    assert_eq!(rotated.status, 200, "{}", rotated.json);
    let new_secret = rotated.json["secret"].as_str().expect("secret").to_owned();
    assert_ne!(new_secret, secret);
    publish_company(&app, &ihk.owner, "Truhlářství Novák").await;
    drain(&dispatcher(&app, Backoff::WEBHOOK)).await;
    let last = receiver.accepted().pop().expect("a delivery");
    let timestamp: i64 = last.timestamp.parse().expect("a timestamp");
    let expected = signature::signatures(
        &[&new_secret, &secret],
        &last.id,
        timestamp,
        last.body.as_bytes(),
    )
    .expect("signed");
    assert_eq!(last.signature, expected);
}

async fn failing_receivers_get_retries_then_a_pause_and_resume_where_they_stopped(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    // Down for the first two attempts.
    let receiver = Receiver::start(2);
    let (webhook, _, start) =
        subscribe(&app, &ihk.key, &receiver.url("127.0.0.1"), &["company"]).await;
    publish_company(&app, &ihk.owner, "Pila Dvořák s.r.o.").await;
    drain(&dispatcher(&app, quick_retries())).await;
    let requests = receiver.requests();
    assert_eq!(requests.len(), 3, "two failures, then delivered");
    assert!(
        requests
            .iter()
            .all(|r| r.id == requests[0].id && r.body == requests[0].body)
    );
    let log = app
        .get_as(&format!("/v1/webhooks/{webhook}/deliveries"), &ihk.key)
        .await;
    assert_eq!(log.json["items"][0]["status"], "delivered");
    assert_eq!(log.json["items"][0]["attempts"], 3);
    assert_eq!(log.json["items"][0]["last_status_code"], 204);

    // Down for good: once retries run out the subscription pauses and the chamber is told.
    receiver.fail_next(usize::MAX);
    let no_retries = Backoff {
        window: Duration::ZERO,
        ..quick_retries()
    };
    publish_company(&app, &ihk.owner, "Truhlářství Novák").await;
    drain(&dispatcher(&app, no_retries)).await;
    let paused = app
        .get_as(&format!("/v1/webhooks/{webhook}"), &ihk.key)
        .await;
    assert_eq!(paused.json["status"], "paused", "{}", paused.json);
    assert!(
        paused.json["paused_reason"]
            .as_str()
            .is_some_and(|r| r.contains("500")),
        "{}",
        paused.json
    );
    let log = app
        .get_as(&format!("/v1/webhooks/{webhook}/deliveries"), &ihk.key)
        .await;
    assert_eq!(log.json["items"][0]["status"], "failed");
    assert_eq!(log.json["items"][0]["last_status_code"], 500);
    let notifications = app
        .get_as("/v1/me/notifications", &ihk.owner.bearer())
        .await;
    assert!(
        notifications.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|n| n["kind"] == "webhook_paused"),
        "{}",
        notifications.json
    );

    // Nothing is sent while paused, whatever changes.
    publish_company(&app, &ihk.owner, "Sklárna Bor").await;
    let tried = receiver.requests().len();
    drain(&dispatcher(&app, quick_retries())).await;
    assert_eq!(receiver.requests().len(), tried);

    // Resumed once the receiver is back: the failed batch first, then the rest; together
    // exactly the feed, nothing lost or repeated.
    receiver.fail_next(0);
    let resumed = app
        .patch(
            &format!("/v1/webhooks/{webhook}"),
            &json!({"status": "active"}),
            Some(&ihk.key),
        )
        .await;
    assert_eq!(resumed.status, 200, "{}", resumed.json);
    assert_eq!(resumed.json["status"], "active");
    assert!(resumed.json["paused_reason"].is_null());
    drain(&dispatcher(&app, quick_retries())).await;
    assert_eq!(
        entries(&receiver.accepted()),
        feed(&app, start, &["company"]).await
    );
    let ids: Vec<String> = receiver.accepted().into_iter().map(|d| d.id).collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "each batch accepted once");
}

async fn only_the_organisations_keys_manage_its_webhooks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let hk = chamber(&app, "komora.example").await;
    let receiver = Receiver::start(0);
    let url = receiver.url("127.0.0.1");
    let body = json!({"url": url, "entities": ["company"]});

    app.post("/v1/webhooks", &body, None)
        .await
        .assert_problem(401, "unauthenticated");
    app.post("/v1/webhooks", &body, Some(&ihk.owner.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let read_only = app.api_key(&ihk.id, &ihk.owner, &["read"]).await;
    app.post("/v1/webhooks", &body, Some(&read_only))
        .await
        .assert_problem(403, "insufficient_scope");
    app.get_as("/v1/webhooks", &read_only)
        .await
        .assert_problem(403, "insufficient_scope");

    let (webhook, _, _) = subscribe(&app, &ihk.key, &url, &["company"]).await;
    let path = format!("/v1/webhooks/{webhook}");
    // The other chamber's key sees nothing of it.
    for response in [
        app.get_as(&path, &hk.key).await,
        app.patch(&path, &json!({"status": "paused"}), Some(&hk.key))
            .await,
        app.delete(&path, Some(&hk.key)).await,
        app.get_as(&format!("{path}/deliveries"), &hk.key).await,
        app.post(&format!("{path}/secret"), &json!({}), Some(&hk.key))
            .await,
    ] {
        response.assert_problem(404, "not_found");
    }
    let theirs = app.get_as("/v1/webhooks", &hk.key).await;
    assert_eq!(theirs.json["items"], json!([]));

    // Bad subscriptions.
    for (bad, field, code) in [
        (
            json!({"url": "ftp://crm.example/hook", "entities": ["company"]}),
            "/url",
            "invalid_url",
        ),
        (
            json!({"url": "https://user:pw@crm.example/hook", "entities": ["company"]}),
            "/url",
            "invalid_url",
        ),
        (json!({"url": url, "entities": []}), "/entities", "required"),
        (
            json!({"url": url, "entities": ["company"], "after": 1_000_000}),
            "/after",
            "outside_the_log",
        ),
        (
            json!({"url": url, "entities": ["company"], "after": 1.5}),
            "/after",
            "out_of_range",
        ),
    ] {
        let response = app.post("/v1/webhooks", &bad, Some(&ihk.key)).await;
        response.assert_problem(422, "invalid_body");
        assert!(
            response.json["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .any(|e| e["pointer"] == field && e["code"] == code),
            "{bad}: {}",
            response.json
        );
    }

    // At most ten per organisation.
    for _ in 1..10 {
        subscribe(&app, &ihk.key, &url, &["product"]).await;
    }
    app.post("/v1/webhooks", &body, Some(&ihk.key))
        .await
        .assert_problem(409, "too_many_webhooks");

    // Pausing by hand, and deleting.
    let paused = app
        .patch(
            &path,
            &json!({"status": "paused", "entities": ["company", "event"]}),
            Some(&ihk.key),
        )
        .await;
    assert_eq!(paused.status, 200, "{}", paused.json);
    assert_eq!(paused.json["status"], "paused");
    assert_eq!(paused.json["entities"], json!(["company", "event"]));
    assert_eq!(app.delete(&path, Some(&ihk.key)).await.status, 204);
    app.get_as(&path, &ihk.key)
        .await
        .assert_problem(404, "not_found");
}

async fn private_receivers_are_refused_at_subscription_and_delivery(backend: Backend) {
    // As in production: only public receivers.
    let app = TestApp::spawn_public_only(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    for url in [
        receiver.url("127.0.0.1"),
        receiver.url("localhost"),
        "http://169.254.169.254/latest/meta-data".to_owned(),
        "http://[::1]:8080/hook".to_owned(),
        "http://10.0.0.7/hook".to_owned(),
    ] {
        let response = app
            .post(
                "/v1/webhooks",
                &json!({"url": url, "entities": ["company"]}),
                Some(&ihk.key),
            )
            .await;
        response.assert_problem(422, "invalid_body");
        assert_eq!(
            response.json["errors"][0]["code"], "private_address",
            "{url}"
        );
    }

    // A name that pointed elsewhere when subscribed and points here now (DNS rebinding) is
    // refused when delivering: the subscription was made on a server that allowed it.
    let dev = TestApp::spawn(backend).await;
    let ihk = chamber(&dev, "ihk.example").await;
    let (webhook, _, _) = subscribe(&dev, &ihk.key, &receiver.url("localhost"), &["company"]).await;
    publish_company(&dev, &ihk.owner, "Pila Dvořák s.r.o.").await;
    let production = Dispatcher::new(
        dev.db.clone(),
        Targets {
            allow_private: false,
        },
        quick_retries(),
        LEASE,
    );
    production.plan_due().await.expect("planned");
    let round = production.deliver_due().await.expect("a round");
    assert_eq!(round.retrying, 1);
    assert!(
        receiver.requests().is_empty(),
        "nothing reached the receiver"
    );
    let log = dev
        .get_as(&format!("/v1/webhooks/{webhook}/deliveries"), &ihk.key)
        .await;
    assert_eq!(log.json["items"][0]["status"], "pending");
    assert!(log.json["items"][0]["last_status_code"].is_null());
    assert!(
        log.json["items"][0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("not a public internet address")),
        "{}",
        log.json
    );
}

async fn two_servers_deliver_each_batch_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    let (_, _, start) = subscribe(&app, &ihk.key, &receiver.url("127.0.0.1"), &["company"]).await;
    let servers = [
        dispatcher(&app, quick_retries()),
        dispatcher(&app.replica().await, quick_retries()),
    ];
    // 250 companies arrive while both servers plan and send.
    let companies: Vec<_> = (0..250)
        .map(|n| fixtures::company(&format!("Firma {n}"), Country::Czechia, "46001", &["16.10"]))
        .collect();
    let insert = async {
        for chunk in companies.chunks(25) {
            app.insert(chunk.to_vec()).await;
        }
    };
    let deliver = async {
        for _ in 0..20 {
            let rounds = futures_util::future::join(
                async {
                    servers[0].plan_due().await.expect("planned");
                    servers[0].deliver_due().await.expect("a round")
                },
                async {
                    servers[1].plan_due().await.expect("planned");
                    servers[1].deliver_due().await.expect("a round")
                },
            );
            rounds.await;
            actix_web::rt::time::sleep(Duration::from_millis(5)).await;
        }
    };
    futures_util::future::join(insert, deliver).await;
    futures_util::future::join(drain(&servers[0]), drain(&servers[1])).await;

    let accepted = receiver.accepted();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for delivery in &accepted {
        *seen.entry(delivery.id.as_str()).or_default() += 1;
    }
    assert!(seen.values().all(|&n| n == 1), "a batch delivered twice");
    assert_eq!(entries(&accepted), feed(&app, start, &["company"]).await);
    assert!(accepted.len() >= 3, "250 entries make several batches");
}

async fn webhooks_stop_while_the_organisation_is_no_verified_multiplier(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    let (webhook, _, _) = subscribe(&app, &ihk.key, &receiver.url("127.0.0.1"), &["company"]).await;
    let admin = app.log_in("admin@partnernet.example").await;
    let unverified = app
        .delete(
            &format!("/v1/companies/{}/verify", ihk.id),
            Some(&admin.bearer()),
        )
        .await;
    assert!(unverified.status.is_success(), "{}", unverified.json);
    let sawmill = publish_company(&app, &ihk.owner, "Pila Dvořák s.r.o.").await;
    drain(&dispatcher(&app, quick_retries())).await;
    assert!(receiver.requests().is_empty(), "nothing goes out meanwhile");

    // Verified again, the subscription waits, paused with the reason, until a key resumes it;
    // then nothing is lost.
    app.verify(&ihk.id).await;
    let path = format!("/v1/webhooks/{webhook}");
    let paused = app.get_as(&path, &ihk.key).await;
    assert_eq!(paused.json["status"], "paused", "{}", paused.json);
    assert!(
        paused.json["paused_reason"]
            .as_str()
            .is_some_and(|r| r.contains("verified multiplier")),
        "{}",
        paused.json
    );
    let resumed = app
        .patch(&path, &json!({"status": "active"}), Some(&ihk.key))
        .await;
    assert_eq!(resumed.status, 200, "{}", resumed.json);
    drain(&dispatcher(&app, quick_retries())).await;
    assert!(
        entries(&receiver.accepted())
            .iter()
            .any(|(_, _, id, _)| *id == sawmill),
        "the company published meanwhile arrives"
    );
}

on_both_backends!(
    webhooks_stop_while_the_organisation_is_no_verified_multiplier,
    deliveries_are_signed_batches_of_the_feed,
    failing_receivers_get_retries_then_a_pause_and_resume_where_they_stopped,
    only_the_organisations_keys_manage_its_webhooks,
    private_receivers_are_refused_at_subscription_and_delivery,
    two_servers_deliver_each_batch_once,
    a_crash_in_the_middle_of_a_delivery_loses_nothing,
);

/// Waits up to `within` for `done`.
async fn until(within: Duration, what: &str, done: impl Fn() -> bool) {
    let started = std::time::Instant::now();
    while !done() {
        assert!(started.elapsed() < within, "{what}: not within {within:?}");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The server process is killed (SIGKILL) while its receiver still holds a delivery. Started
/// again, it sends that batch once more, under the same `webhook-id` and with the same body,
/// when the dead process's claim runs out, then what changed meanwhile: nothing lost, nothing
/// accepted twice.
async fn a_crash_in_the_middle_of_a_delivery_loses_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    receiver.hold_next(1);
    let (_, _, start) = subscribe(&app, &ihk.key, &receiver.url("127.0.0.1"), &["company"]).await;
    let lease = MIN_LEASE_SECONDS.to_string();
    let settings = [
        ("PARTNERNET_WEBHOOK_POLL_MS", "20"),
        ("PARTNERNET_WEBHOOK_LEASE_SECONDS", lease.as_str()),
    ];
    let mut server = ServerProcess::start(app.database_url(), &settings);
    publish_company(&app, &ihk.owner, "Vor dem Absturz GmbH").await;
    until(Duration::from_secs(30), "a delivery sent", || {
        !receiver.requests().is_empty()
    })
    .await;
    server.child.kill().expect("killed");
    let _ = server.child.wait();
    drop(server);
    let held = receiver.requests()[0].clone();
    assert!(!held.accepted);

    publish_company(&app, &ihk.owner, "Nach dem Absturz s.r.o.").await;
    let _again = ServerProcess::start(app.database_url(), &settings);
    let expected = feed(&app, start, &["company"]).await;
    let within = Duration::from_secs(MIN_LEASE_SECONDS + 30);
    until(within, "everything delivered after the restart", || {
        entries(&receiver.accepted()).len() >= expected.len()
    })
    .await;
    // Time for a second delivery of any batch to show.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let accepted = receiver.accepted();
    assert_eq!(entries(&accepted), expected);
    assert_eq!(accepted[0].id, held.id, "the held batch again, by its id");
    assert_eq!(accepted[0].body, held.body);
    let ids: BTreeSet<&str> = accepted.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), accepted.len(), "a batch accepted twice");
}

/// Two server processes on one PostgreSQL database both deliver webhooks in the background:
/// every batch arrives once, nothing is lost.
#[actix_web::test]
async fn two_server_processes_on_one_postgres_deliver_each_batch_once() {
    if !Backend::postgres_configured() {
        eprintln!("skipped: PARTNERNET_TEST_POSTGRES_URL is not set");
        return;
    }
    let app = TestApp::spawn(Backend::Postgres).await;
    let ihk = chamber(&app, "ihk.example").await;
    let receiver = Receiver::start(0);
    let (_, _, start) = subscribe(&app, &ihk.key, &receiver.url("127.0.0.1"), &["company"]).await;
    let quick = [("PARTNERNET_WEBHOOK_POLL_MS", "20")];
    let _servers = [
        ServerProcess::start(app.database_url(), &quick),
        ServerProcess::start(app.database_url(), &quick),
    ];
    for chunk in 0..15 {
        let companies: Vec<_> = (0..20)
            .map(|n| {
                fixtures::company(
                    &format!("Firma {chunk}-{n}"),
                    Country::Czechia,
                    "46001",
                    &["16.10"],
                )
            })
            .collect();
        app.insert(companies).await;
        actix_web::rt::time::sleep(Duration::from_millis(30)).await;
    }
    let expected = feed(&app, start, &["company"]).await;
    assert_eq!(expected.len(), 300);
    for _ in 0..600 {
        if entries(&receiver.accepted()).len() >= expected.len() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    // Time for a second delivery of any batch to show.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let accepted = receiver.accepted();
    let ids: BTreeSet<&str> = accepted.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), accepted.len(), "a batch delivered twice");
    assert_eq!(entries(&accepted), expected);
}
