//! The bulk export: who may take it, that it equals the search for the same filters, its CSV
//! form, and that an export followed by the change feed from its position ends with exactly
//! the platform's data while changes run during the export.

use std::collections::BTreeMap;

use domain::country::Country;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::{company, czech_sawmill, days_ahead, draft};
use crate::support::{Backend, Session, TestApp};

/// A verified chamber with an owner, and its keys: export with read, export alone, read alone.
async fn chamber(app: &TestApp) -> (Session, String, [String; 3]) {
    let owner = app.sign_up("owner@kammer.example").await;
    let created = app
        .post(
            "/v1/companies",
            &json!({"kind": "multiplier", "name": "IHK Chemnitz", "address": {"country": "DE", "postal_code": "09111"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    let chamber = created.json["id"].as_str().expect("id").to_owned();
    app.verify(&chamber).await;
    let keys = [
        app.api_key(&chamber, &owner, &["export", "read", "changes"])
            .await,
        app.api_key(&chamber, &owner, &["export"]).await,
        app.api_key(&chamber, &owner, &["read"]).await,
    ];
    (owner, chamber, keys)
}

/// The lines of an NDJSON export of companies, and its position.
async fn export(app: &TestApp, query: &str, key: &str) -> (Vec<Value>, i64) {
    export_of(app, "companies", query, key).await
}

/// The lines of an NDJSON export of `what`, and its position.
async fn export_of(app: &TestApp, what: &str, query: &str, key: &str) -> (Vec<Value>, i64) {
    let response = app
        .get_with(
            &format!("/v1/export/{what}{query}"),
            &[("authorization", key)],
        )
        .await;
    assert_eq!(response.status, 200, "{query}: {}", response.json);
    assert_eq!(
        response.header("content-type"),
        Some("application/x-ndjson")
    );
    let position = response
        .header("x-change-position")
        .expect("X-Change-Position")
        .parse()
        .expect("a position");
    // The test client parses a body that is JSON by itself (a single line).
    let text = match &response.json {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        line => line.to_string(),
    };
    let lines = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (lines, position)
}

fn ids(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Every result of a company search, in its order.
async fn searched(app: &TestApp, query: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut path = format!("/v1/companies?limit=100{query}");
    loop {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{}", page.json);
        found.extend(ids(page.json["items"].as_array().expect("items")));
        match page.json["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/companies?limit=100{query}&cursor={cursor}"),
            None => return found,
        }
    }
}

async fn the_export_is_the_search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (owner, chamber_id, [full, plain, read_only]) = chamber(&app).await;
    let product = app
        .post(
            &format!("/v1/companies/{chamber_id}/products"),
            &json!({"kind": "service", "name": {"de": "Exportberatung"}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(product.status, 201, "{}", product.json);
    let mut corpus = vec![czech_sawmill(), draft("Tajná s.r.o.")];
    for n in 0..30 {
        let (country, postal, nace) = match n % 3 {
            0 => (Country::Czechia, "46001", "16.10"),
            1 => (Country::Germany, "01067", "25.62"),
            _ => (Country::Czechia, "40001", "25.62"),
        };
        corpus.push(company(&format!("Firma {n:02}"), country, postal, &[nace]));
    }
    app.insert(corpus).await;

    app.get("/v1/export/companies")
        .await
        .assert_problem(401, "unauthenticated");
    app.get_with("/v1/export/companies", &[("authorization", &read_only)])
        .await
        .assert_problem(403, "insufficient_scope");

    // Without filters: every published company, nothing else.
    let (all, _) = export(&app, "", &full).await;
    let mut exported = ids(&all);
    exported.sort();
    let mut listed = searched(&app, "").await;
    listed.sort();
    assert_eq!(exported, listed);
    assert_eq!(
        exported.len(),
        32,
        "30 firms, the sawmill and the chamber; no draft"
    );
    // Products come along; contact persons only for keys that may read them.
    let sawmill = all
        .iter()
        .find(|l| l["name"] == "Pila Dvořák s.r.o.")
        .expect("the sawmill");
    assert!(sawmill["contact_persons"].is_array());
    let own = all
        .iter()
        .find(|l| l["id"] == json!(chamber_id))
        .expect("the chamber");
    assert_eq!(own["products"][0]["name"]["de"], "Exportberatung");
    let (without, _) = export(&app, "", &plain).await;
    assert!(without.iter().all(|l| l.get("contact_persons").is_none()));

    // With filters and words: the search's results in the search's order.
    for query in [
        "&country=CZ&nace=25",
        "&q=Firma&nace=16",
        "&near_postal_code=CZ-46001&radius_km=30",
    ] {
        let (lines, _) = export(&app, &format!("?{}", &query[1..]), &full).await;
        assert_eq!(ids(&lines), searched(&app, query).await, "{query}");
        assert!(!lines.is_empty(), "{query}");
    }
    // Changed since a moment.
    let (none, _) = export(&app, "?updated_since=2999-01-01T00:00:00Z", &full).await;
    assert!(none.is_empty());
    app.get_with(
        "/v1/export/companies?updated_since=yesterday",
        &[("authorization", &full)],
    )
    .await
    .assert_problem(422, "invalid_parameter");
    app.get_with(
        "/v1/export/companies?format=xml",
        &[("authorization", &full)],
    )
    .await
    .assert_problem(422, "invalid_parameter");

    // CSV: a header, a row per company, multi-valued cells joined with " | ".
    let csv = app
        .get_with(
            "/v1/export/companies?country=CZ&nace=16",
            &[("authorization", &full), ("accept", "text/csv")],
        )
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = csv.json.as_str().expect("CSV text").to_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "id");
    assert_eq!(header.last().map(String::as_str), Some("contact_persons"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(
        rows.iter().map(|r| r[0].to_owned()).collect::<Vec<_>>(),
        searched(&app, "&country=CZ&nace=16").await
    );
    let column = |name: &str| header.iter().position(|h| h == name).expect("column");
    let sawmill_row = rows
        .iter()
        .find(|r| &r[column("name")] == "Pila Dvořák s.r.o.")
        .expect("the sawmill's row");
    assert!(sawmill_row[column("industries")].contains(" | "));
    let plain_csv = app
        .get_with(
            "/v1/export/companies?format=csv",
            &[("authorization", &plain)],
        )
        .await;
    let plain_text = plain_csv.json.as_str().expect("CSV text").to_owned();
    assert!(
        !plain_text
            .lines()
            .next()
            .expect("header")
            .contains("contact_persons")
    );
}

/// A seeded sequence of numbers, so the random changes are the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % sides
    }
}

async fn an_export_and_the_feed_are_the_current_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (owner, _, [full, _, _]) = chamber(&app).await;
    let corpus: Vec<_> = (0..1500)
        .map(|n| {
            company(
                &format!("Betrieb {n:04}"),
                Country::Germany,
                "01067",
                &["25.62"],
            )
        })
        .collect();
    app.insert(corpus).await;
    // Profiles the owner manages, for the changes.
    let mut managed = Vec::new();
    for n in 0..12 {
        let created = app
            .post(
                "/v1/companies",
                &json!({"kind": "company", "name": format!("Verwaltet {n:02} GmbH"), "address": {"country": "CZ"}, "status": if n % 2 == 0 { "published" } else { "draft" }}),
                Some(&owner.bearer()),
            )
            .await;
        managed.push(created.json["id"].as_str().expect("id").to_owned());
    }

    // The export runs while another client changes profiles at random.
    let changes = async {
        let mut dice = Dice(20261206);
        for step in 0..40 {
            let target = &managed[dice.roll(managed.len() as u64) as usize];
            let path = format!("/v1/companies/{target}");
            let body = match dice.roll(3) {
                0 => json!({"name": format!("Umbenannt {step:02} GmbH")}),
                1 => json!({"status": "published"}),
                _ => json!({"status": "draft"}),
            };
            let changed = app.patch(&path, &body, Some(&owner.bearer())).await;
            assert!(
                changed.status == 200 || changed.status == 404,
                "{}",
                changed.json
            );
        }
        let gone = &managed[0];
        let deleted = app
            .delete(&format!("/v1/companies/{gone}"), Some(&owner.bearer()))
            .await;
        assert_eq!(deleted.status, 204, "{}", deleted.json);
    };
    let ((lines, position), ()) =
        futures_util::future::join(export(&app, "", &full), changes).await;

    // The replica: the export, then the feed from its position.
    let strip = |mut company: Value| {
        if let Some(object) = company.as_object_mut() {
            object.remove("products");
        }
        company
    };
    let mut replica: BTreeMap<String, Value> = lines
        .into_iter()
        .map(|l| (l["id"].as_str().expect("id").to_owned(), strip(l)))
        .collect();
    let mut after = position;
    loop {
        let page = app
            .get_as(&format!("/v1/changes?after={after}&limit=50"), &full)
            .await;
        assert_eq!(page.status, 200, "{}", page.json);
        for item in page.json["items"].as_array().expect("items") {
            if item["entity"] != "company" {
                continue;
            }
            let id = item["id"].as_str().expect("id").to_owned();
            if item["op"] == "delete" {
                replica.remove(&id);
            } else {
                replica.insert(id, item["data"].clone());
            }
        }
        after = page.json["next_after"].as_i64().expect("next_after");
        if after >= page.json["latest"].as_i64().expect("latest") {
            break;
        }
    }

    // Exactly what the platform holds now.
    let (now, _) = export(&app, "", &full).await;
    let current: BTreeMap<String, Value> = now
        .into_iter()
        .map(|l| (l["id"].as_str().expect("id").to_owned(), strip(l)))
        .collect();
    assert_eq!(replica.len(), current.len());
    assert!(
        replica == current,
        "the replica differs from the platform's data"
    );
}

/// Products, events and opportunities export as their `GET` shows them, only the public ones,
/// filtered like the product search, as CSV too; and an export followed by the feed is the
/// current data.
async fn products_events_and_opportunities_export_like_the_feed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (owner, chamber, [full, export_only, read_only]) = chamber(&app).await;
    let firm = |name: &str, status: &str| json!({"kind": "company", "name": name, "address": {"country": "CZ", "postal_code": "46001"}, "status": status});
    let sawmill = app
        .created(
            "/v1/companies",
            &firm("Pila Dvořák s.r.o.", "published"),
            &owner,
        )
        .await;
    let hidden = app
        .created(
            "/v1/companies",
            &firm("Tajná firma s.r.o.", "draft"),
            &owner,
        )
        .await;
    let product = |name: &str| json!({"kind": "product", "name": {"cs": name, "de": name}, "keywords": ["dřevo"]});
    let boards = app
        .created(
            &format!("/v1/companies/{sawmill}/products"),
            &product("Řezivo"),
            &owner,
        )
        .await;
    let pallets = app
        .created(
            &format!("/v1/companies/{sawmill}/products"),
            &product("Palety"),
            &owner,
        )
        .await;
    app.created(
        &format!("/v1/companies/{hidden}/products"),
        &product("Řezivo tajné"),
        &owner,
    )
    .await;
    let event = |status: &str| {
        json!({
            "organiser_id": chamber, "kind": "workshop", "title": {"de": format!("Holzforum {status}")},
            "starts_at": format!("{}T09:00", days_ahead(20)), "ends_at": format!("{}T12:00", days_ahead(20)),
            "time_zone": "Europe/Berlin", "online_url": "https://ihk.example/holz",
            "capacity": {"visitors": 50}, "status": status
        })
    };
    let forum = app.created("/v1/events", &event("published"), &owner).await;
    app.created("/v1/events", &event("draft"), &owner).await;
    let opportunity = |status: &str| {
        json!({
            "company_id": sawmill, "type": "business_offer", "title": {"cs": format!("Dodávky řeziva {status}")},
            "partnership_types": ["supplier"],
            "valid_until": days_ahead(60), "status": status
        })
    };
    let offer = app
        .created("/v1/opportunities", &opportunity("published"), &owner)
        .await;
    app.created("/v1/opportunities", &opportunity("draft"), &owner)
        .await;

    // Only keys with `export` and administrators.
    for what in ["products", "events", "opportunities"] {
        let path = format!("/v1/export/{what}");
        app.get(&path).await.assert_problem(401, "unauthenticated");
        app.get_as(&path, &read_only)
            .await
            .assert_problem(403, "insufficient_scope");
        app.get_as(&path, &owner.bearer())
            .await
            .assert_problem(403, "forbidden");
    }

    // Exactly the public records, each as its GET shows it.
    for (what, expected) in [
        ("products", vec![boards.clone(), pallets.clone()]),
        ("events", vec![forum.clone()]),
        ("opportunities", vec![offer.clone()]),
    ] {
        let (lines, position) = export_of(&app, what, "", &export_only).await;
        assert!(position > 0);
        let mut expected = expected;
        expected.sort();
        assert_eq!(ids(&lines), expected, "{what}");
        for line in &lines {
            let id = line["id"].as_str().expect("id");
            let shown = app.get(&format!("/v1/{what}/{id}")).await;
            assert_eq!(&shown.json, line, "{what} {id}");
        }
        let (later, _) = export_of(&app, what, "?updated_since=2999-01-01T00:00:00Z", &full).await;
        assert!(later.is_empty());
    }

    // Filtered like the product search.
    let (found, _) = export_of(&app, "products", "?q=palety", &full).await;
    assert_eq!(ids(&found), vec![pallets.clone()]);
    app.get_as("/v1/export/products?has_products=true", &full)
        .await
        .assert_problem(422, "invalid_parameter");

    // CSV: a header and one row per record.
    let csv = app
        .get_with(
            "/v1/export/products?format=csv",
            &[("authorization", full.as_str())],
        )
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = csv.json.as_str().expect("CSV text").to_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..4], ["id", "company_id", "company_name", "kind"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 2);
    let row = rows.iter().find(|r| r[0] == *pallets).expect("the pallets");
    assert_eq!(&row[2], "Pila Dvořák s.r.o.");
    assert_eq!(
        &row[header
            .iter()
            .position(|h| h == "keywords")
            .expect("keywords")],
        "dřevo"
    );

    // An export, then changes, then the feed from its position: the current data.
    let (lines, position) = export_of(&app, "products", "", &full).await;
    let mut replica: BTreeMap<String, Value> = lines
        .into_iter()
        .map(|l| (l["id"].as_str().expect("id").to_owned(), l))
        .collect();
    let renamed = app
        .patch(
            &format!("/v1/products/{boards}"),
            &json!({"name": {"cs": "Prkna"}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.json);
    assert_eq!(
        app.delete(&format!("/v1/products/{pallets}"), Some(&owner.bearer()))
            .await
            .status,
        204
    );
    app.created(
        &format!("/v1/companies/{sawmill}/products"),
        &product("Hranoly"),
        &owner,
    )
    .await;
    let published = app
        .patch(
            &format!("/v1/companies/{hidden}"),
            &json!({"status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(published.status, 200, "{}", published.json);
    let page = app
        .get_as(&format!("/v1/changes?after={position}&limit=1000"), &full)
        .await;
    for item in page.json["items"].as_array().expect("items") {
        if item["entity"] != "product" {
            continue;
        }
        let id = item["id"].as_str().expect("id").to_owned();
        if item["op"] == "delete" {
            replica.remove(&id);
        } else {
            replica.insert(id, item["data"].clone());
        }
    }
    let (now, _) = export_of(&app, "products", "", &full).await;
    let current: BTreeMap<String, Value> = now
        .into_iter()
        .map(|l| (l["id"].as_str().expect("id").to_owned(), l))
        .collect();
    assert_eq!(current.len(), 3, "the hidden firm's product is public now");
    assert!(
        replica == current,
        "the replica differs from the platform's data"
    );
}

on_both_backends!(
    an_export_and_the_feed_are_the_current_data,
    the_export_is_the_search,
    products_events_and_opportunities_export_like_the_feed,
);
