use serde_json::Value;

use crate::on_both_backends;
use crate::support::{Backend, TestApp};

fn items(body: &Value) -> &Vec<Value> {
    body["items"].as_array().expect("items")
}

async fn industries_cover_nace_with_all_labels(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let all = app.get("/v1/reference/industries").await;
    assert_eq!(all.status, 200);
    assert_eq!(items(&all.json).len(), 996);
    for industry in items(&all.json) {
        for language in ["de", "cs", "en"] {
            assert!(
                industry["label"][language]
                    .as_str()
                    .is_some_and(|l| !l.is_empty()),
                "{industry}"
            );
        }
    }
    let sections = app.get("/v1/reference/industries?level=section").await;
    assert_eq!(items(&sections.json).len(), 21);
    let wood = app.get("/v1/reference/industries?parent=16").await;
    let codes: Vec<&str> = items(&wood.json)
        .iter()
        .map(|i| i["code"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(codes, ["16.1", "16.2"]);
    let sawmill = app
        .get("/v1/reference/industries?parent=16.1&level=class")
        .await;
    let first = &items(&sawmill.json)[0];
    assert_eq!(first["code"], "16.10");
    assert_eq!(first["section"], "C");
    assert_eq!(first["parent"], "16.1");
    assert_eq!(first["level"], "class");

    assert_eq!(
        app.get("/v1/reference/industries?level=sector")
            .await
            .invalid_parameters(),
        ["level"]
    );
    assert_eq!(
        app.get("/v1/reference/industries?parent=00")
            .await
            .invalid_parameters(),
        ["parent"]
    );
}

async fn reference_lists_are_cacheable(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/v1/reference/industries",
        "/v1/reference/regions",
        "/v1/reference/legal-forms",
    ] {
        let first = app.get(path).await;
        let etag = first.header("etag").expect("ETag").to_owned();
        assert!(
            first
                .header("cache-control")
                .is_some_and(|c| c.contains("max-age"))
        );
        let again = app.get_with(path, &[("If-None-Match", &etag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert_eq!(again.json, Value::Null);
    }
}

async fn regions_of_both_countries(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let all = app.get("/v1/reference/regions").await;
    assert_eq!(items(&all.json).len(), 27);
    let programme = items(&all.json)
        .iter()
        .filter(|r| r["programme_area"] == true)
        .count();
    assert_eq!(programme, 12);
    let czech = app.get("/v1/reference/regions?country=CZ").await;
    assert_eq!(items(&czech.json).len(), 14);
    let usti = items(&czech.json)
        .iter()
        .find(|r| r["code"] == "CZ042")
        .expect("CZ042");
    assert_eq!(usti["kind"], "kraj");
    assert_eq!(usti["official_code"], "60");
    assert_eq!(usti["country"], "CZ");
    assert!(
        usti["name"]["cs"]
            .as_str()
            .is_some_and(|n| n.contains("Ústecký"))
    );
    assert_eq!(
        app.get("/v1/reference/regions?country=PL")
            .await
            .invalid_parameters(),
        ["country"]
    );
}

async fn legal_forms_carry_ares_codes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let czech = app.get("/v1/reference/legal-forms?country=CZ").await;
    let sro = items(&czech.json)
        .iter()
        .find(|f| f["code"] == "cz_sro")
        .expect("s.r.o.");
    assert_eq!(sro["abbreviation"], "s.r.o.");
    assert_eq!(sro["ares_code"], "112");
    assert!(items(&czech.json).iter().all(|f| f["country"] == "CZ"));
    let german = app.get("/v1/reference/legal-forms?country=DE").await;
    let abbreviations: Vec<&str> = items(&german.json)
        .iter()
        .map(|f| f["abbreviation"].as_str().unwrap_or(""))
        .collect();
    for expected in [
        "GmbH",
        "UG (haftungsbeschränkt)",
        "AG",
        "KG",
        "OHG",
        "e. K.",
        "GbR",
        "e. V.",
        "eG",
    ] {
        assert!(abbreviations.contains(&expected), "{expected} missing");
    }
    assert!(items(&german.json).iter().all(|f| f["ares_code"].is_null()));
}

on_both_backends!(
    industries_cover_nace_with_all_labels,
    reference_lists_are_cacheable,
    regions_of_both_countries,
    legal_forms_carry_ares_codes,
);
