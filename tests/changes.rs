//! The change feed for multiplier systems: who may follow it, that replaying it gives the
//! platform's public data and nothing private, paging, and the retention limit.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::days_ahead;
use crate::support::{Backend, TestApp};

/// A replica of the public data: (entity, id) → representation.
type Replica = BTreeMap<(String, String), Value>;

/// Follows the feed from `after` in pages of `limit`, applying each entry; returns the
/// position reached.
async fn follow(app: &TestApp, key: &str, replica: &mut Replica, after: i64, limit: u32) -> i64 {
    let mut after = after;
    loop {
        let page = app
            .get_as(&format!("/v1/changes?after={after}&limit={limit}"), key)
            .await;
        assert_eq!(page.status, 200, "{}", page.json);
        let items = page.json["items"].as_array().expect("items");
        let mut last = after;
        for item in items {
            let seq = item["seq"].as_i64().expect("seq");
            assert!(seq > last, "entries in order");
            last = seq;
            let entry = (
                item["entity"].as_str().expect("entity").to_owned(),
                item["id"].as_str().expect("id").to_owned(),
            );
            match item["op"].as_str() {
                Some("delete") => {
                    assert!(item["data"].is_null());
                    replica.remove(&entry);
                }
                _ => {
                    assert_eq!(item["data"]["id"], item["id"]);
                    replica.insert(entry, item["data"].clone());
                }
            }
        }
        let next = page.json["next_after"].as_i64().expect("next_after");
        assert!(next >= last);
        after = next;
        if next >= page.json["latest"].as_i64().expect("latest") {
            return after;
        }
    }
}

async fn replaying_the_feed_gives_the_public_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let chamber = app.created("/v1/companies",
        &json!({"kind": "multiplier", "name": "IHK Dresden", "address": {"country": "DE", "postal_code": "01067"}, "status": "published", "contact_persons": [{"name": "Katrin Vogel", "email": "vogel@ihk.example"}]}),
        &owner,
    )
    .await;
    app.verify(&chamber).await;
    let feed_key = app.api_key(&chamber, &owner, &["changes", "read"]).await;
    let read_only = app.api_key(&chamber, &owner, &["read"]).await;

    // Only keys with `changes` and administrators follow the feed.
    app.get("/v1/changes")
        .await
        .assert_problem(401, "unauthenticated");
    app.get_as("/v1/changes", &read_only)
        .await
        .assert_problem(403, "insufficient_scope");
    app.get_as("/v1/changes", &owner.bearer())
        .await
        .assert_problem(403, "forbidden");
    let admin = app.log_in("admin@partnernet.example").await;
    assert_eq!(app.get_as("/v1/changes", &admin.bearer()).await.status, 200);
    app.get_as("/v1/changes?limit=0", &feed_key)
        .await
        .assert_problem(400, "invalid_parameter");

    // Public and private changes of every kind.
    let firm = |name: &str, status: &str| json!({"kind": "company", "name": name, "address": {"country": "CZ", "postal_code": "46001"}, "status": status});
    let sawmill = app
        .created(
            "/v1/companies",
            &firm("Pila Dvořák s.r.o.", "published"),
            &owner,
        )
        .await;
    let draft = app
        .created(
            "/v1/companies",
            &firm("Tajná firma s.r.o.", "draft"),
            &owner,
        )
        .await;
    let product = json!({"kind": "product", "name": {"cs": "Řezivo"}});
    let boards = app
        .created(
            &format!("/v1/companies/{sawmill}/products"),
            &product,
            &owner,
        )
        .await;
    let pallets = app
        .created(
            &format!("/v1/companies/{sawmill}/products"),
            &json!({"kind": "product", "name": {"cs": "Palety"}}),
            &owner,
        )
        .await;
    let secret_product = app
        .created(&format!("/v1/companies/{draft}/products"), &product, &owner)
        .await;
    let event = app.created("/v1/events",
        &json!({
            "organiser_id": chamber, "kind": "workshop", "title": {"de": "Holzforum"},
            "starts_at": format!("{}T09:00", days_ahead(20)), "ends_at": format!("{}T12:00", days_ahead(20)),
            "time_zone": "Europe/Berlin", "online_url": "https://ihk.example/holz",
            "capacity": {"visitors": 50}, "status": "published"
        }),
        &owner,
    )
    .await;
    let draft_event = app.created("/v1/events",
        &json!({
            "organiser_id": chamber, "kind": "workshop", "title": {"de": "Entwurf"},
            "starts_at": format!("{}T09:00", days_ahead(30)), "ends_at": format!("{}T12:00", days_ahead(30)),
            "time_zone": "Europe/Berlin", "online_url": "https://ihk.example/x",
            "capacity": {"visitors": 50}
        }),
        &owner,
    )
    .await;
    let opportunity = json!({
        "company_id": sawmill, "type": "business_offer", "title": {"cs": "Nabízíme řezivo"},
        "partnership_types": ["supplier"], "valid_until": days_ahead(60), "status": "published"
    });
    let offer = app.created("/v1/opportunities", &opportunity, &owner).await;

    // A first replica, in small pages.
    let mut replica = Replica::new();
    let position = follow(&app, &feed_key, &mut replica, 0, 3).await;

    // More changes: a rename, a deletion, a draft published, a published profile withdrawn.
    let renamed = app
        .patch(
            &format!("/v1/companies/{sawmill}"),
            &json!({"name": "Pila Dvořák a syn s.r.o."}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.json);
    let removed = app
        .delete(&format!("/v1/products/{pallets}"), Some(&owner.bearer()))
        .await;
    assert_eq!(removed.status, 204, "{}", removed.json);
    let published = app
        .patch(
            &format!("/v1/companies/{draft}"),
            &json!({"status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(published.status, 200, "{}", published.json);
    let withdrawn = app
        .patch(
            &format!("/v1/companies/{chamber}"),
            &json!({"status": "draft"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(withdrawn.status, 200, "{}", withdrawn.json);
    let reached = follow(&app, &feed_key, &mut replica, position, 100).await;
    assert!(reached > position);

    // The replica holds exactly the public data, as the API shows it now.
    let expected: Vec<(&str, &str)> = vec![
        ("company", &draft),
        ("company", &sawmill),
        ("opportunity", &offer),
        ("product", &boards),
        ("product", &secret_product),
    ];
    let mut held: Vec<(String, String)> = replica.keys().cloned().collect();
    held.sort();
    let mut wanted: Vec<(String, String)> = expected
        .iter()
        .map(|(e, id)| ((*e).to_owned(), (*id).to_owned()))
        .collect();
    wanted.sort();
    // The chamber went back to a draft: its profile and its event left the public data.
    assert_eq!(held, wanted);
    assert!(!replica.contains_key(&("event".to_owned(), event.clone())));
    assert!(!replica.contains_key(&("event".to_owned(), draft_event.clone())));
    let now = app
        .get_as(&format!("/v1/companies/{sawmill}"), &feed_key)
        .await;
    assert_eq!(
        replica[&("company".to_owned(), sawmill.clone())],
        now.json,
        "the representation is the one GET gives the key"
    );
    assert_eq!(now.json["name"], "Pila Dvořák a syn s.r.o.");
    // Nothing private ever appeared: the draft event never, the draft company only once
    // published.
    let everything = app.get_as("/v1/changes?limit=1000", &feed_key).await;
    for item in everything.json["items"].as_array().expect("items") {
        if item["id"] == json!(draft_event) {
            assert_eq!(item["op"], "delete");
            assert!(item["data"].is_null());
        }
    }

    // Up to date: an empty page that stays where it is.
    let current = app
        .get_as(&format!("/v1/changes?after={reached}"), &feed_key)
        .await;
    assert_eq!(current.json["items"], json!([]));
    assert_eq!(current.json["next_after"], reached);
    assert_eq!(
        current.header("x-change-position"),
        Some(reached.to_string().as_str())
    );

    // The log keeps entries for a while; a client further behind is told to export again.
    let later = (chrono::Utc::now() + chrono::Duration::days(1)).naive_utc();
    let pruned = app
        .db
        .blocking(move |conn| Ok(persistence::changes::prune(conn, later)?))
        .expect("pruned");
    assert!(pruned > 0);
    app.get_as("/v1/changes?after=0", &feed_key)
        .await
        .assert_problem(410, "too_far_behind");
    let kept = app
        .get_as(&format!("/v1/changes?after={reached}"), &feed_key)
        .await;
    assert_eq!(kept.status, 200, "{}", kept.json);
}

on_both_backends!(replaying_the_feed_gives_the_public_data);
