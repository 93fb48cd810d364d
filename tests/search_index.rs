//! The search index and the change log behind it: every change is searchable at once on the
//! server that took it and within a second on the others; a restart resumes where the index
//! stopped; a missing or corrupt index is rebuilt; one process per index directory; the log
//! misses nothing under concurrent writers.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use domain::country::Country;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, corpus, fixtures};

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/v1/companies?{query}&limit=100")).await;
    assert_eq!(response.status, 200, "{query}: {}", response.json);
    response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["name"].as_str().expect("name").to_owned())
        .collect()
}

async fn create(app: &TestApp, bearer: &str, body: Value) -> (String, String) {
    let response = app.post("/v1/companies", &body, Some(bearer)).await;
    assert_eq!(response.status, 201, "{}", response.json);
    let id = response.json["id"].as_str().expect("id").to_owned();
    let etag = response.header("etag").expect("etag").to_owned();
    (id, etag)
}

/// The ids of the first 100 stored companies, drafts too.
fn company_ids(app: &TestApp) -> Vec<String> {
    app.db
        .blocking(|conn| {
            Ok(persistence::companies::page_by_id(conn, None, 100)?
                .into_iter()
                .map(|c| c.row.id)
                .collect())
        })
        .expect("ids")
}

fn glassworks() -> Value {
    json!({
        "kind": "company", "name": "Glashütte Lausitz",
        "address": {"country": "DE", "postal_code": "02943"},
        "industries": ["23.13"], "status": "published",
        "description": {"de": "Hohlglas und Trinkgläser aus der Lausitz"},
    })
}

/// Verification, industries, status and deletion are searchable in the next request.
async fn every_change_is_searchable_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner@example.com").await;
    let (id, etag) = create(&app, &owner.bearer(), glassworks()).await;
    assert_eq!(names(&app, "q=Trinkglas").await, ["Glashütte Lausitz"]);
    assert!(names(&app, "verified=true").await.is_empty());

    let verified = app
        .post(
            &format!("/v1/companies/{id}/verify"),
            &json!({}),
            Some(&admin.bearer()),
        )
        .await;
    assert!(verified.status.is_success(), "{}", verified.json);
    assert_eq!(names(&app, "verified=true").await, ["Glashütte Lausitz"]);
    // The profile itself too, though it was read (and kept) before.
    let profile = app.get(&format!("/v1/companies/{id}")).await;
    assert_eq!(profile.json["verified"], true, "{}", profile.json);

    let current = app.get(&format!("/v1/companies/{id}")).await;
    let etag = current.header("etag").unwrap_or(&etag).to_owned();
    let patched = app
        .send(
            "PATCH",
            &format!("/v1/companies/{id}"),
            Some(&json!({"industries": ["25.11"]})),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.json);
    assert_eq!(names(&app, "nace=25").await, ["Glashütte Lausitz"]);
    assert!(names(&app, "nace=23").await.is_empty());

    let etag = patched.header("etag").expect("etag").to_owned();
    let draft = app
        .send(
            "PATCH",
            &format!("/v1/companies/{id}"),
            Some(&json!({"status": "draft"})),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(draft.status, 200, "{}", draft.json);
    assert!(
        names(&app, "q=Trinkglas").await.is_empty(),
        "drafts are not listed"
    );

    let (other, _) = create(
        &app,
        &owner.bearer(),
        json!({"kind": "company", "name": "Kurzlebig GmbH",
               "address": {"country": "DE", "postal_code": "01067"}, "status": "published"}),
    )
    .await;
    assert_eq!(names(&app, "q=Kurzlebig").await, ["Kurzlebig GmbH"]);
    let deleted = app
        .delete(&format!("/v1/companies/{other}"), Some(&owner.bearer()))
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.json);
    assert!(names(&app, "q=Kurzlebig").await.is_empty());
}

/// "Metall" does not find a glassworks through "non-metallic" in its industry's label.
async fn negated_label_words_do_not_match(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@example.com").await;
    create(&app, &owner.bearer(), glassworks()).await;
    app.insert(vec![fixtures::company(
        "Schlosserei Braun",
        Country::Germany,
        "01067",
        &["25.11"],
    )])
    .await;
    assert_eq!(names(&app, "q=Metall").await, ["Schlosserei Braun"]);
    assert_eq!(names(&app, "q=Glas").await, ["Glashütte Lausitz"]);
}

/// When no result matches every word, the results matching the most words, marked partial.
async fn partial_matches_when_nothing_matches_every_word(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    let full = app.get("/v1/companies?q=Holz").await;
    assert_eq!(full.json["match"], "all");
    let response = app
        .get("/v1/companies?q=Holz%20Zahnradpumpe&limit=3&facets=country")
        .await;
    assert_eq!(response.status, 200, "{}", response.json);
    assert_eq!(response.json["match"], "partial");
    assert_eq!(
        response.json["facets"]["total"],
        full.json["items"].as_array().map_or(0, Vec::len),
        "everything that matches Holz"
    );
    // The next page keeps to the partial match.
    let cursor = response.json["next_cursor"].as_str().expect("more pages");
    let next = app
        .get(&format!(
            "/v1/companies?q=Holz%20Zahnradpumpe&limit=3&facets=country&cursor={cursor}"
        ))
        .await;
    assert_eq!(next.json["match"], "partial");
    assert!(!next.json["items"].as_array().expect("items").is_empty());
    // Without a text query there is nothing to match.
    assert!(app.get("/v1/companies").await.json.get("match").is_none());
    assert!(names(&app, "q=Zahnradpumpe%20Kolbenring").await.is_empty());
}

/// A small radius looks up grid cells, a large one scans ranges of latitude and longitude:
/// both find the same companies as measuring every distance.
async fn radius_searches_agree_with_distances(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    for radius in [5.0, 30.0, 120.0, 500.0] {
        let within = names(&app, &format!("near=51.05,13.74&radius_km={radius}")).await;
        let response = app
            .get("/v1/companies?near=51.05,13.74&sort=distance&limit=100")
            .await;
        let measured: Vec<String> = response.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|c| c["distance_km"].as_f64().is_some_and(|d| d <= radius))
            .map(|c| c["name"].as_str().expect("name").to_owned())
            .collect();
        let mut within_sorted = within.clone();
        within_sorted.sort();
        let mut measured_sorted = measured.clone();
        measured_sorted.sort();
        assert_eq!(within_sorted, measured_sorted, "radius {radius}");
        assert!(!within.is_empty(), "radius {radius}");
    }
}

/// Name order stops after its page; after renames spread the companies over several segments
/// (and mark old versions deleted), pages still follow the names exactly.
async fn name_order_holds_across_segments(backend: Backend) {
    use diesel::sql_types::Text;
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    let ids = company_ids(&app);
    // Renamed one at a time: each change is its own batch, segment and deletion.
    for (n, id) in ids.iter().step_by(3).enumerate() {
        let name = format!("{} Umbenannt {n}", ["Aa", "Mm", "Zz"][n % 3]);
        let folded = domain::text::fold(&name);
        let id = id.clone();
        app.db
            .blocking(move |conn| {
                diesel::sql_query("UPDATE companies SET name = $1, name_sort = $2 WHERE id = $3")
                    .bind::<Text, _>(&name)
                    .bind::<Text, _>(&folded)
                    .bind::<Text, _>(&id)
                    .execute(conn)?;
                Ok(())
            })
            .expect("renamed");
        app.searchable().await;
    }
    let all = names(&app, "").await;
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| domain::text::fold(n));
    assert_eq!(all, sorted);
    assert_eq!(all.len(), 40);
    let mut paged = Vec::new();
    let mut path = "/v1/companies?limit=3".to_owned();
    loop {
        let page = app.get(&path).await;
        paged.extend(
            page.json["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|c| c["name"].as_str().expect("name").to_owned()),
        );
        match page.json["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/companies?limit=3&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(paged, all);
}

/// Two servers on one database each keep their own index; a write through one (a profile, a
/// glossary term) is found through the other within a second.
async fn replicas_see_each_others_writes(backend: Backend) {
    let first = TestApp::spawn(backend).await;
    let second = first.replica().await;
    let owner = first.sign_up("owner@example.com").await;
    let (id, etag) = create(&first, &owner.bearer(), glassworks()).await;
    let started = Instant::now();
    loop {
        if names(&second, "q=Trinkglas").await == ["Glashütte Lausitz"] {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "not found through the other server within a second"
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    // The other server has read (and keeps) the profile; a change reaches it within a second.
    let path = format!("/v1/companies/{id}");
    assert_eq!(second.get(&path).await.json["name"], "Glashütte Lausitz");
    let renamed = first
        .send(
            "PATCH",
            &path,
            Some(&json!({"name": "Glashütte Zittau"})),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.json);
    let started = Instant::now();
    while second.get(&path).await.json["name"] != "Glashütte Zittau" {
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "the other server shows the old profile after a second"
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    // Glossary terms added through one server expand queries on the other.
    let czech = "q=%C4%8D%C3%AD%C5%A1e";
    assert!(names(&second, czech).await.is_empty());
    let admin = first.admin().await;
    let entry = json!({"de": ["Trinkglas"], "cs": ["číše"], "en": ["tumbler"]});
    let added = first
        .post("/v1/glossary", &entry, Some(&admin.bearer()))
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
    let started = Instant::now();
    while names(&second, czech).await != ["Glashütte Zittau"] {
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "the other server does not know the new term after a second"
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    second.stop().await;
}

/// A second process on the same index directory stops at start; a restart resumes where the
/// index stopped, without a rebuild, and picks up what was written meanwhile.
async fn restart_resumes_and_one_process_per_directory(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    assert!(app.index.was_rebuilt(), "a new directory is built");
    match app.on_same_index().await {
        Err(search_index::OpenError::InUse(dir)) => assert_eq!(dir, app.index_dir()),
        Err(other) => panic!("refused for the wrong reason: {other}"),
        Ok(_) => panic!("a second server opened the same index directory"),
    }
    app.stop().await;
    // Written while no server runs, as a command-line import does.
    app.db
        .blocking(|conn| {
            Ok(persistence::companies::insert_new(
                conn,
                &[fixtures::company(
                    "Nachzügler GmbH",
                    Country::Germany,
                    "01067",
                    &["16.10"],
                )],
            )?)
        })
        .expect("inserted");
    let restarted = app.on_same_index().await.expect("restarted");
    assert!(!restarted.index.was_rebuilt(), "resumed, not rebuilt");
    restarted.searchable().await;
    let wood = names(&restarted, "q=Holz").await;
    assert!(wood.iter().any(|n| n == "Nachzügler GmbH"), "{wood:?}");
    assert!(wood.iter().any(|n| n == "Pila Dvořák s.r.o."), "{wood:?}");
    restarted.stop().await;
}

/// A corrupt, missing or outdated index is rebuilt from the database at start.
async fn corrupt_missing_or_outdated_index_is_rebuilt(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    let before = names(&app, "q=Holz").await;
    app.stop().await;
    std::fs::write(app.index_dir().join("index/meta.json"), b"{ not json")
        .expect("meta.json overwritten");
    let restarted = app.on_same_index().await.expect("restarted");
    assert!(restarted.index.was_rebuilt());
    assert_eq!(names(&restarted, "q=Holz").await, before);
    restarted.stop().await;

    std::fs::remove_dir_all(app.index_dir().join("index")).expect("index removed");
    let again = app.on_same_index().await.expect("restarted");
    assert!(again.index.was_rebuilt());
    assert_eq!(names(&again, "q=Holz").await, before);
    again.stop().await;

    // An index written by another schema version: its commit payload names the version.
    let meta_path = app.index_dir().join("index/meta.json");
    let mut meta: Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("meta.json")).expect("json");
    let payload = meta["payload"]
        .as_str()
        .expect("payload")
        .replace("\"schema\":", "\"schema\":9");
    meta["payload"] = Value::String(payload);
    std::fs::write(&meta_path, meta.to_string()).expect("meta.json written");
    let outdated = app.on_same_index().await.expect("restarted");
    assert!(
        outdated.index.was_rebuilt(),
        "an index of another version is rebuilt"
    );
    assert_eq!(names(&outdated, "q=Holz").await, before);
    outdated.stop().await;
}

/// Writers that hold their transactions open for a while, concurrently with a reader that
/// follows the log as the indexer does: the reader sees every entry the log ends up with. On
/// PostgreSQL this is the race of sequence values taken before commit.
async fn change_log_misses_nothing_under_concurrent_writers(backend: Backend) {
    use diesel::sql_types::Text;
    let app = TestApp::spawn(backend).await;
    let companies: Vec<_> = (0..8)
        .map(|i| fixtures::company(&format!("Firma {i}"), Country::Germany, "01067", &[]))
        .collect();
    app.insert(companies).await;
    let ids = company_ids(&app);
    let start = app
        .db
        .blocking(|conn| Ok(persistence::changes::latest(conn)?))
        .expect("latest");
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let db = app.db.clone();
        let done = done.clone();
        std::thread::spawn(move || {
            let mut seen = BTreeSet::new();
            let mut position = start;
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                let batch = db
                    .blocking(|conn| Ok(persistence::changes::after(conn, position, 1_000)?))
                    .expect("log read");
                for change in &batch {
                    seen.insert(change.seq);
                    position = change.seq;
                }
                if finished && batch.is_empty() {
                    return seen;
                }
            }
        })
    };
    let writers: Vec<_> = ids
        .into_iter()
        .enumerate()
        .map(|(n, id)| {
            let db = app.db.clone();
            std::thread::spawn(move || {
                for round in 0..15 {
                    let result = db.blocking(|conn| {
                        Ok(conn.transaction(|conn| {
                            diesel::sql_query(
                                "UPDATE companies SET verified = NOT verified WHERE id = $1",
                            )
                            .bind::<Text, _>(&id)
                            .execute(conn)?;
                            // Hold the transaction open so others take later positions first.
                            std::thread::sleep(Duration::from_millis(((n + round) % 4) as u64));
                            diesel::QueryResult::Ok(())
                        })?)
                    });
                    // SQLite may report the database busy; a lost write is no log entry.
                    let _ = result;
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer");
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let seen = reader.join().expect("reader");
    let logged: BTreeSet<i64> = app
        .db
        .blocking(|conn| {
            Ok(persistence::changes::after(conn, start, 100_000)?
                .into_iter()
                .map(|c| c.seq)
                .collect())
        })
        .expect("log");
    assert!(logged.len() >= 8, "the writers wrote: {}", logged.len());
    assert_eq!(seen, logged, "the reader missed entries");
}

on_both_backends!(
    every_change_is_searchable_at_once,
    negated_label_words_do_not_match,
    partial_matches_when_nothing_matches_every_word,
    radius_searches_agree_with_distances,
    name_order_holds_across_segments,
    replicas_see_each_others_writes,
    restart_resumes_and_one_process_per_directory,
    corrupt_missing_or_outdated_index_is_rebuilt,
    change_log_misses_nothing_under_concurrent_writers,
);
