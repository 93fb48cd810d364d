use std::collections::HashSet;

use domain::country::Country;
use domain::text::fold;
use serde_json::Value;

use crate::on_both_backends;
use crate::support::{Backend, TestApp, fixtures};

fn names(body: &Value) -> Vec<&str> {
    body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect()
}

async fn lists_published_companies_in_name_order(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(vec![
        fixtures::german_machining(),
        fixtures::czech_sawmill(),
        fixtures::research_institute(),
        fixtures::draft("Tajný koncept s.r.o."),
        fixtures::company("Ärztehaus Zittau", Country::Germany, "02763", &["86.21"]),
    ])
    .await;

    let response = app.get("/v1/companies").await;
    assert_eq!(response.status, 200);
    // Folded order: "Ärztehaus" sorts as "arztehaus", before "institut"; the draft is absent.
    assert_eq!(
        names(&response.json),
        [
            "Ärztehaus Zittau",
            "Institut für Leichtbau Chemnitz",
            "Müller Präzisionsmechanik GmbH",
            "Pila Dvořák s.r.o."
        ]
    );
    assert_eq!(response.json["next_cursor"], Value::Null);
    assert_eq!(response.header("link"), None);
}

async fn returns_the_whole_profile(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(vec![
        fixtures::czech_sawmill(),
        fixtures::german_machining(),
    ])
    .await;
    let list = app.get("/v1/companies?country=CZ").await;
    let id = list.json["items"][0]["id"].as_str().expect("id").to_owned();

    let response = app.get(&format!("/v1/companies/{id}")).await;
    assert_eq!(response.status, 200);
    let company = &response.json;
    assert_eq!(company["id"], id.as_str());
    assert_eq!(company["kind"], "company");
    assert_eq!(company["name"], "Pila Dvořák s.r.o.");
    assert_eq!(company["legal_form"]["code"], "cz_sro");
    assert_eq!(company["legal_form"]["abbreviation"], "s.r.o.");
    assert_eq!(company["identifiers"]["ico"], "26168685");
    assert_eq!(company["identifiers"]["vat_id"], "CZ26168685");
    assert_eq!(company["identifiers"]["register"], Value::Null);
    let address = &company["address"];
    assert_eq!(address["street"], "Průmyslová 12");
    assert_eq!(address["postal_code"], "40001");
    assert_eq!(address["country"], "CZ");
    // Derived from the postal code.
    assert_eq!(address["region"], "CZ042");
    assert!(
        address["latitude"]
            .as_f64()
            .is_some_and(|lat| (50.0..51.0).contains(&lat))
    );
    assert!(
        address["longitude"]
            .as_f64()
            .is_some_and(|lon| (13.5..14.5).contains(&lon))
    );
    let industries = company["industries"].as_array().expect("industries");
    assert_eq!(industries.len(), 2);
    assert_eq!(industries[0]["code"], "16.10");
    assert_eq!(industries[0]["primary"], true);
    assert_eq!(industries[1]["primary"], false);
    assert!(
        industries[0]["label"]["de"]
            .as_str()
            .is_some_and(|l| l.contains("Säge"))
    );
    assert!(industries[0]["label"]["cs"].is_string() && industries[0]["label"]["en"].is_string());
    assert_eq!(company["size_class"], "small");
    assert_eq!(company["founded_on"], "1998-03-14");
    assert_eq!(company["website"], "https://www.pila-dvorak.cz");
    assert_eq!(
        company["description"]["cs"],
        "Zpracování dřeva, řezivo a palety."
    );
    assert_eq!(company["description"]["de"], Value::Null);
    assert_eq!(company["languages"], serde_json::json!(["cs", "de"]));
    assert_eq!(company["status"], "published");
    assert_eq!(company["verified"], true);
    assert_eq!(company["version"], 1);
    assert!(
        company["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );

    let german = app.get("/v1/companies?country=DE").await;
    let register = &german.json["items"][0]["identifiers"]["register"];
    assert_eq!(register["court"], "Dresden");
    assert_eq!(register["type"], "HRB");
    assert_eq!(register["number"], "12345");
}

async fn etag_answers_304_when_unchanged(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(vec![fixtures::czech_sawmill()]).await;
    let id = app.get("/v1/companies").await.json["items"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/v1/companies/{id}");

    let first = app.get(&path).await;
    let etag = first.header("etag").expect("ETag").to_owned();
    assert!(etag.starts_with('"'), "strong ETag: {etag}");

    let cached = app.get_with(&path, &[("If-None-Match", &etag)]).await;
    assert_eq!(cached.status, 304);
    assert_eq!(cached.json, Value::Null);
    assert_eq!(cached.header("etag"), Some(etag.as_str()));

    let weak = format!("W/{etag}");
    let listed = format!("\"other\", {weak}");
    assert_eq!(
        app.get_with(&path, &[("If-None-Match", &listed)])
            .await
            .status,
        304
    );
    let stale = app
        .get_with(&path, &[("If-None-Match", "\"0.stale\"")])
        .await;
    assert_eq!(stale.status, 200);
    assert_eq!(stale.json["id"], id.as_str());
}

async fn unknown_and_draft_companies_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(vec![fixtures::draft("Tajný koncept s.r.o.")])
        .await;
    let draft_id: String = app
        .db
        .blocking(|conn| {
            use diesel::prelude::*;
            use persistence::schema::companies;
            Ok(companies::table.select(companies::id).first(conn)?)
        })
        .expect("draft id");

    app.get(&format!("/v1/companies/{draft_id}"))
        .await
        .assert_problem(404, "not_found");
    app.get("/v1/companies/0190a000-0000-7000-8000-000000000000")
        .await
        .assert_problem(404, "not_found");
    let long = "x".repeat(5000);
    app.get(&format!("/v1/companies/{long}"))
        .await
        .assert_problem(404, "not_found");
    app.get("/v1/companies/%27%3B%20DROP%20TABLE%20companies%3B--")
        .await
        .assert_problem(404, "not_found");
    assert_eq!(
        app.get("/v1/companies").await.json["items"],
        serde_json::json!([])
    );
}

async fn filters_by_country_region_kind_and_industry_hierarchy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.insert(vec![
        fixtures::german_machining(),
        fixtures::czech_sawmill(),
        fixtures::research_institute(),
        fixtures::company(
            "Sklárna Novák s.r.o.",
            Country::Czechia,
            "46001",
            &["23.13"],
        ),
    ])
    .await;
    let query = |q: &'static str| {
        let app = &app;
        async move {
            let response = app.get(&format!("/v1/companies?{q}")).await;
            assert_eq!(response.status, 200, "{q}: {}", response.json);
            names(&response.json)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        query("country=CZ").await,
        ["Pila Dvořák s.r.o.", "Sklárna Novák s.r.o."]
    );
    assert_eq!(query("region=CZ042").await, ["Pila Dvořák s.r.o."]);
    assert_eq!(
        query("region=CZ042&region=DED2C").await,
        ["Müller Präzisionsmechanik GmbH", "Pila Dvořák s.r.o."]
    );
    assert_eq!(
        query("kind=research_institution").await,
        ["Institut für Leichtbau Chemnitz"]
    );
    // Section C (manufacturing) holds 16.10, 23.13 and 25.62, but not 72.19 (research).
    assert_eq!(
        query("nace=C").await,
        [
            "Müller Präzisionsmechanik GmbH",
            "Pila Dvořák s.r.o.",
            "Sklárna Novák s.r.o."
        ]
    );
    assert_eq!(query("nace=16").await, ["Pila Dvořák s.r.o."]);
    assert_eq!(query("nace=16.1").await, ["Pila Dvořák s.r.o."]);
    assert_eq!(query("nace=16.10").await, ["Pila Dvořák s.r.o."]);
    // A secondary activity counts as well.
    assert_eq!(query("nace=46").await, ["Pila Dvořák s.r.o."]);
    assert_eq!(
        query("nace=16&nace=25").await,
        ["Müller Präzisionsmechanik GmbH", "Pila Dvořák s.r.o."]
    );
    assert_eq!(
        query("nace=C&country=DE").await,
        ["Müller Präzisionsmechanik GmbH"]
    );
    assert!(query("nace=01").await.is_empty());
}

async fn pages_through_everything_exactly_once(backend: Backend) {
    let app = TestApp::spawn_with_demo(backend).await;
    let expected: Vec<String> = {
        let mut published: Vec<(String, String)> = api::seed::demo()
            .into_iter()
            .filter(|c| c.status == domain::company::CompanyStatus::Published)
            .map(|c| (fold(c.name.as_str()), c.name.to_string()))
            .collect();
        published.sort();
        published.into_iter().map(|(_, name)| name).collect()
    };
    assert!(
        expected.len() > 40,
        "the demo has mostly published companies"
    );

    let mut seen = Vec::new();
    let mut ids = HashSet::new();
    let mut path = "/v1/companies?limit=7".to_owned();
    let mut pages = 0;
    loop {
        let response = app.get(&path).await;
        assert_eq!(response.status, 200, "{}", response.json);
        let items = response.json["items"].as_array().expect("items");
        assert!(items.len() <= 7);
        for item in items {
            assert!(
                ids.insert(item["id"].as_str().expect("id").to_owned()),
                "duplicate"
            );
            seen.push(item["name"].as_str().expect("name").to_owned());
        }
        pages += 1;
        match response.json["next_cursor"].as_str() {
            Some(cursor) => {
                let link = response
                    .header("link")
                    .expect("Link header on a non-last page");
                assert!(link.ends_with("rel=\"next\""), "{link}");
                assert!(link.contains("limit=7") && link.contains(cursor), "{link}");
                path = link
                    .trim_start_matches('<')
                    .split_once('>')
                    .expect("<uri>")
                    .0
                    .to_owned();
            }
            None => break,
        }
    }
    assert_eq!(seen, expected);
    assert_eq!(pages, expected.len().div_ceil(7));
}

async fn rejects_bad_parameters_by_name(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (query, parameter) in [
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("limit=-5", "limit"),
        ("limit=ten", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=djF4eHg", "cursor"),
        ("region=XX999", "region"),
        ("region=DED2C&region=nope", "region"),
        ("nace=99.99", "nace"),
        ("nace=c", "nace"),
        ("country=AT", "country"),
        ("kind=bank", "kind"),
    ] {
        let response = app.get(&format!("/v1/companies?{query}")).await;
        assert_eq!(response.invalid_parameters(), [parameter], "{query}");
        let detail = response.json["detail"].as_str().expect("detail");
        assert!(
            detail.starts_with(&format!("{parameter}:")),
            "{query}: {detail}"
        );
    }
    let too_many: String = (0..21).map(|_| "nace=16&").collect();
    assert_eq!(
        app.get(&format!("/v1/companies?{too_many}"))
            .await
            .invalid_parameters(),
        ["nace"]
    );
    let long_cursor = "a".repeat(2000);
    assert_eq!(
        app.get(&format!("/v1/companies?cursor={long_cursor}"))
            .await
            .invalid_parameters(),
        ["cursor"]
    );
    // An undeclared parameter is named, with the ones the operation takes.
    let typo = app.get("/v1/companies?regoin=DED2C").await;
    assert_eq!(typo.invalid_parameters(), ["regoin"]);
    let message = typo.json["errors"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("region"), "{message}");
    for query in ["limit=1&limit=2", "country=CZ&country=DE"] {
        let problem = app.get(&format!("/v1/companies?{query}")).await;
        problem.assert_problem(400, "bad_request");
    }
}

on_both_backends!(
    lists_published_companies_in_name_order,
    returns_the_whole_profile,
    etag_answers_304_when_unchanged,
    unknown_and_draft_companies_are_not_found,
    filters_by_country_region_kind_and_industry_hierarchy,
    pages_through_everything_exactly_once,
    rejects_bad_parameters_by_name,
);
