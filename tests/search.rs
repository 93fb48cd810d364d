//! Search over the hand-written corpus (`support/corpus.rs`): what a query must find, must not
//! find, and in what order — folding, prefixes, cross-language, compounds, filters, distance,
//! facets and paging — on both backends.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, corpus};

async fn corpus_app(backend: Backend) -> TestApp {
    let app = TestApp::spawn(backend).await;
    app.insert(corpus::companies()).await;
    app
}

/// `key=value` pairs as a query string, encoded.
fn query(pairs: &[(&str, &str)]) -> String {
    serde_html_form::to_string(pairs).expect("encodable")
}

/// The names of the companies `GET /v1/companies?{pairs}` returns, in order (one page of 100).
async fn names(app: &TestApp, pairs: &[(&str, &str)]) -> Vec<String> {
    let mut pairs = pairs.to_vec();
    pairs.push(("limit", "100"));
    let response = app.get(&format!("/v1/companies?{}", query(&pairs))).await;
    assert_eq!(response.status, 200, "{pairs:?}: {}", response.json);
    items_named(&response.json)
}

fn items_named(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["name"].as_str().expect("name").to_owned())
        .collect()
}

#[track_caller]
fn assert_finds(found: &[String], wanted: &[&str], what: &str) {
    for name in wanted {
        assert!(
            found.iter().any(|f| f == name),
            "{what}: {name} missing in {found:?}"
        );
    }
}

#[track_caller]
fn assert_misses(found: &[String], unwanted: &[&str], what: &str) {
    for name in unwanted {
        assert!(
            !found.iter().any(|f| f == name),
            "{what}: {name} must not be in {found:?}"
        );
    }
}

async fn search(app: &TestApp, q: &str) -> Vec<String> {
    names(app, &[("q", q)]).await
}

async fn folding_and_prefixes(backend: Backend) {
    let app = corpus_app(backend).await;
    for q in [
        "zpracovani dreva",
        "ZPRACOVÁNÍ DŘEVA",
        "zprac dřev",
        "Zpracování dřeva",
    ] {
        let found = search(&app, q).await;
        assert_finds(&found, &["Pila Dvořák s.r.o."], q);
        assert_misses(&found, &["Bäckerei Schwarz", "Pivovar Kolář"], q);
    }
    // The road builder by name, then the hauliers through their industry, "Güterbeförderung
    // im Straßenverkehr".
    let found = search(&app, "strasse").await;
    assert_eq!(found[0], "Straßenbau Hoffmann GmbH");
    assert_finds(
        &found,
        &["Doprava Marek s.r.o.", "Spedition Wolf GmbH"],
        "strasse",
    );
    assert_eq!(found.len(), 3);
    assert_eq!(
        search(&app, "STRAẞENBAU").await,
        ["Straßenbau Hoffmann GmbH"]
    );
    // Every word must match: a sawmill in Děčín, not all sawmills and not all of Děčín.
    assert_eq!(search(&app, "pila decin").await, ["Pila Dvořák s.r.o."]);
    assert!(search(&app, "Zahnradpumpe").await.is_empty());
}

async fn german_queries_find_czech_companies(backend: Backend) {
    let app = corpus_app(backend).await;
    // Through the industry code's labels and the glossary (Sägewerk = pila = sawmill).
    let sawmills = search(&app, "Sägewerk").await;
    assert_finds(
        &sawmills,
        &[
            "Pila Dvořák s.r.o.",
            "Seidel Sägewerk",
            "Müller Holzverarbeitung GmbH",
        ],
        "Sägewerk",
    );
    // Name matches first: both sawmills by name, then the sawmill found by its industry.
    let mut first_two = sawmills[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["Pila Dvořák s.r.o.", "Seidel Sägewerk"]);
    assert_misses(
        &sawmills,
        &["Truhlářství Novák", "Bäckerei Schwarz"],
        "Sägewerk",
    );

    let wood = search(&app, "Holz").await;
    assert_finds(
        &wood,
        &[
            "Pila Dvořák s.r.o.",
            "Truhlářství Novák",
            "Dřevostavby Pokorný",
            "Müller Holzverarbeitung GmbH",
            "Schmidt Bautischlerei",
            "Seidel Sägewerk",
        ],
        "Holz",
    );
    assert_misses(
        &wood,
        &["Bäckerei Schwarz", "Strojírna Kučera a.s.", corpus::DRAFT],
        "Holz",
    );
    let mut first_two = wood[..2].to_vec();
    first_two.sort();
    assert_eq!(
        first_two,
        ["Dřevostavby Pokorný", "Müller Holzverarbeitung GmbH"]
    );

    let milling = search(&app, "Fräsen").await;
    assert_finds(
        &milling,
        &["Strojírna Kučera a.s.", "Weber Präzisionstechnik GmbH"],
        "Fräsen",
    );
    assert_misses(&milling, &[corpus::DRAFT, "Pila Dvořák s.r.o."], "Fräsen");

    let injection = search(&app, "Spritzguss").await;
    assert_finds(
        &injection,
        &["Plasty Horák s.r.o.", "Fischer Kunststoffspritzguss GmbH"],
        "Spritzguss",
    );
}

async fn czech_and_english_queries_find_german_companies(backend: Backend) {
    let app = corpus_app(backend).await;
    // The joinery says only "Holz"; its industry code says nothing about wood.
    let wood = search(&app, "dřevo").await;
    assert_finds(
        &wood,
        &["Schmidt Bautischlerei", "Müller Holzverarbeitung GmbH"],
        "dřevo",
    );
    assert_misses(&wood, &["Bäckerei Schwarz"], "dřevo");

    let milling = search(&app, "frézování").await;
    assert_finds(
        &milling,
        &["Weber Präzisionstechnik GmbH", "Strojírna Kučera a.s."],
        "frézování",
    );

    let plating = search(&app, "galvanizing").await;
    assert_finds(
        &plating,
        &["Galvanovna Jelínek", "Lehmann Galvanik GmbH"],
        "galvanizing",
    );

    // The English-only company is found in German.
    assert_finds(
        &search(&app, "Laserschneiden").await,
        &["Dresden Photonics"],
        "Laserschneiden",
    );
}

async fn compounds_find_what_their_parts_find(backend: Backend) {
    let app = corpus_app(backend).await;
    let processing = search(&app, "Holzverarbeitung").await;
    assert_finds(
        &processing,
        &["Müller Holzverarbeitung GmbH", "Pila Dvořák s.r.o."],
        "Holzverarbeitung",
    );
    assert_eq!(processing[0], "Müller Holzverarbeitung GmbH");

    let moulding = search(&app, "Kunststoffspritzguss").await;
    assert_finds(
        &moulding,
        &["Fischer Kunststoffspritzguss GmbH", "Plasty Horák s.r.o."],
        "Kunststoffspritzguss",
    );
    assert_eq!(moulding[0], "Fischer Kunststoffspritzguss GmbH");

    // The other way round: a part finds the compound.
    assert_finds(
        &search(&app, "Verarbeitung").await,
        &["Müller Holzverarbeitung GmbH"],
        "Verarbeitung",
    );
    assert_finds(
        &search(&app, "Metallbearbeitung").await,
        &["Neumann Metallbau"],
        "Metallbearbeitung",
    );
}

async fn filters_combine_with_the_query(backend: Backend) {
    let app = corpus_app(backend).await;
    let czech_wood = names(&app, &[("q", "Holz"), ("country", "CZ")]).await;
    assert_finds(
        &czech_wood,
        &["Pila Dvořák s.r.o.", "Truhlářství Novák"],
        "CZ wood",
    );
    assert_misses(
        &czech_wood,
        &["Müller Holzverarbeitung GmbH", "Schmidt Bautischlerei"],
        "CZ wood",
    );

    let liberec = names(&app, &[("q", "Holz"), ("region", "CZ051")]).await;
    let mut liberec_sorted = liberec.clone();
    liberec_sorted.sort();
    assert_eq!(liberec_sorted, ["Dřevostavby Pokorný", "Truhlářství Novák"]);

    let software = search(&app, "Software").await;
    assert_finds(
        &software,
        &["Softwarový vývoj Hájek", "Krause Softwareentwicklung"],
        "Software",
    );
    let in_area = names(&app, &[("q", "Software"), ("programme_area", "true")]).await;
    assert_eq!(
        in_area,
        ["Softwarový vývoj Hájek"],
        "Leipzig is outside the programme area"
    );

    // A division matches every class below it; combined with a country.
    let mut division = names(&app, &[("nace", "16")]).await;
    division.sort();
    assert_eq!(
        division,
        [
            "Dřevostavby Pokorný",
            "Müller Holzverarbeitung GmbH",
            "Pila Dvořák s.r.o.",
            "Seidel Sägewerk",
            "Truhlářství Novák",
        ]
    );
    let german = names(&app, &[("nace", "16"), ("country", "DE")]).await;
    assert_eq!(
        german,
        ["Müller Holzverarbeitung GmbH", "Seidel Sägewerk"],
        "name order"
    );
    let section = names(&app, &[("nace", "H")]).await;
    assert_eq!(section, ["Doprava Marek s.r.o.", "Spedition Wolf GmbH"]);

    let research = names(&app, &[("kind", "research_institution")]).await;
    assert_eq!(
        research,
        [
            "Institut für Werkstoffforschung Dresden",
            "Technická univerzita v Liberci"
        ]
    );
    assert_eq!(
        names(&app, &[("size", "large")]).await,
        ["Autodíly Veselý s.r.o."]
    );
    let verified = names(&app, &[("verified", "true")]).await;
    assert_eq!(
        verified,
        [
            "Institut für Werkstoffforschung Dresden",
            "Pila Dvořák s.r.o.",
            "Weber Präzisionstechnik GmbH"
        ]
    );
    let with_products = names(&app, &[("has_products", "true")]).await;
    assert_eq!(
        with_products,
        [
            "Pila Dvořák s.r.o.",
            "Strojírna Kučera a.s.",
            "Weber Präzisionstechnik GmbH"
        ]
    );
    let milling_verified = names(&app, &[("q", "Fräsen"), ("verified", "true")]).await;
    assert_eq!(milling_verified, ["Weber Präzisionstechnik GmbH"]);
    let all = names(&app, &[]).await;
    assert_eq!(all.len(), 40, "every published company, and not the draft");
    assert_eq!(names(&app, &[("has_products", "false")]).await.len(), 37);
}

async fn distance_search(backend: Backend) {
    let app = corpus_app(backend).await;
    let pairs = [
        ("near_postal_code", "DE-01067"),
        ("radius_km", "30"),
        ("sort", "distance"),
        ("limit", "100"),
    ];
    let response = app.get(&format!("/v1/companies?{}", query(&pairs))).await;
    assert_eq!(response.status, 200, "{}", response.json);
    let found = items_named(&response.json);
    assert_finds(
        &found,
        &[
            "Schmidt Bautischlerei",
            "Brauerei Lange",
            "Straßenbau Hoffmann GmbH",
            "Lehmann Galvanik GmbH",
            "Dresden Photonics",
        ],
        "30 km around Dresden",
    );
    assert_misses(
        &found,
        &[
            "Richter Elektronik GmbH",
            "Pila Dvořák s.r.o.",
            "Müller Holzverarbeitung GmbH",
        ],
        "beyond 30 km",
    );
    let distances: Vec<f64> = response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["distance_km"].as_f64().expect("distance"))
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(distances.iter().all(|&d| d <= 30.0));
    assert!(distances[0] < 1.0, "a Dresden company comes first");

    // By coordinates, combined with a query: sawmills near Zittau.
    let near = names(
        &app,
        &[
            ("q", "Sägewerk"),
            ("near", "50.89,14.81"),
            ("radius_km", "45"),
            ("sort", "distance"),
        ],
    )
    .await;
    assert_eq!(near, ["Seidel Sägewerk", "Müller Holzverarbeitung GmbH"]);
    // Without a radius every result carries its distance.
    let response = app
        .get("/v1/companies?near=51.05,13.74&q=Holz&limit=100")
        .await;
    assert!(
        response.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["distance_km"].is_f64())
    );
}

async fn facets_count_the_whole_result(backend: Backend) {
    let app = corpus_app(backend).await;
    let response = app
        .get("/v1/companies?q=Holz&limit=1&facets=country,region,nace_section,kind")
        .await;
    assert_eq!(response.status, 200, "{}", response.json);
    assert_eq!(response.json["items"].as_array().map(Vec::len), Some(1));
    let facets = &response.json["facets"];
    let total = facets["total"].as_i64().expect("total");
    assert_eq!(total, search(&app, "Holz").await.len() as i64);
    let sum = |facet: &str| -> i64 {
        facets[facet]
            .as_array()
            .expect(facet)
            .iter()
            .map(|v| v["count"].as_i64().expect("count"))
            .sum()
    };
    assert_eq!(sum("country"), total);
    assert_eq!(sum("kind"), total);
    let czech = search(&app, "Holz").await.len() as i64
        - names(&app, &[("q", "Holz"), ("country", "DE")]).await.len() as i64;
    let count_of = |facet: &str, value: &str| {
        facets[facet]
            .as_array()
            .expect(facet)
            .iter()
            .find(|v| v["value"] == value)
            .and_then(|v| v["count"].as_i64())
    };
    assert_eq!(count_of("country", "CZ"), Some(czech));
    assert!(count_of("nace_section", "C").is_some_and(|c| c >= 5));
    assert_eq!(
        facets["region"].as_array().expect("region")[0]["label"]["de"]
            .as_str()
            .map(|s| !s.is_empty()),
        Some(true)
    );
    // Facets follow the filters.
    let filtered = app
        .get("/v1/companies?q=Holz&country=DE&facets=country")
        .await;
    let countries = filtered.json["facets"]["country"]
        .as_array()
        .expect("country")
        .clone();
    assert_eq!(countries.len(), 1);
    assert_eq!(countries[0]["value"], "DE");
    // Without the parameter there are no facets.
    assert!(
        app.get("/v1/companies?q=Holz")
            .await
            .json
            .get("facets")
            .is_none()
    );
}

async fn paging_and_orders(backend: Backend) {
    let app = corpus_app(backend).await;
    for pairs in [
        vec![("q", "Holz")],
        vec![("q", "Holz"), ("sort", "name")],
        vec![("sort", "newest")],
        vec![("near", "50.77,14.2"), ("sort", "distance")],
        vec![],
    ] {
        let all = names(&app, &pairs).await;
        let mut paged = Vec::new();
        let mut path = format!(
            "/v1/companies?{}",
            query(&[pairs.as_slice(), &[("limit", "3")]].concat())
        );
        loop {
            let response = app.get(&path).await;
            assert_eq!(response.status, 200, "{path}: {}", response.json);
            paged.extend(items_named(&response.json));
            match response.header("link") {
                Some(link) => {
                    path = format!(
                        "/v1{}",
                        link.trim_start_matches("</v1")
                            .split('>')
                            .next()
                            .expect("link")
                    );
                }
                None => break,
            }
        }
        assert_eq!(paged, all, "{pairs:?}");
    }
    let by_name = names(&app, &[("q", "Holz"), ("sort", "name")]).await;
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|n| domain::text::fold(n));
    assert_eq!(by_name, sorted);
    // A cursor belongs to its order.
    let first = app.get("/v1/companies?q=Holz&limit=1").await;
    let cursor = first.json["next_cursor"].as_str().expect("cursor");
    let response = app
        .get(&format!("/v1/companies?q=Holz&sort=name&cursor={cursor}"))
        .await;
    assert_eq!(response.invalid_parameters(), ["cursor"]);
}

async fn products_are_searchable(backend: Backend) {
    let app = corpus_app(backend).await;
    let response = app
        .get(&format!("/v1/products?{}", query(&[("q", "Fräsen")])))
        .await;
    assert_eq!(response.status, 200, "{}", response.json);
    let mut products: Vec<(String, String)> = response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|p| {
            let name = p["name"]["de"]
                .as_str()
                .or(p["name"]["cs"].as_str())
                .expect("name");
            (
                name.to_owned(),
                p["company"]["name"].as_str().expect("company").to_owned(),
            )
        })
        .collect();
    products.sort();
    assert_eq!(
        products,
        [
            (
                "Fräsen von Aluminium".to_owned(),
                "Weber Präzisionstechnik GmbH".to_owned()
            ),
            (
                "Frézování hliníku".to_owned(),
                "Strojírna Kučera a.s.".to_owned()
            ),
        ]
    );
    let services = app.get("/v1/products?kind=service&country=CZ").await;
    assert_eq!(services.json["items"].as_array().map(Vec::len), Some(1));
    // Products find their company's place: lumber in Děčín.
    let lumber = app
        .get(&format!(
            "/v1/products?{}",
            query(&[("q", "Holz Děčín"), ("facets", "kind")])
        ))
        .await;
    assert_eq!(lumber.json["items"][0]["name"]["cs"], "Řezivo smrkové");
    assert_eq!(
        lumber.json["facets"]["kind"][0],
        json!({"value": "product", "count": 1})
    );
}

async fn bad_search_parameters(backend: Backend) {
    let app = corpus_app(backend).await;
    let cases: &[(&str, &str, &str)] = &[
        ("q=%20und%20,", "q", "no_words"),
        ("sort=distance", "sort", "needs_near"),
        ("radius_km=10", "radius_km", "needs_near"),
        ("near=abc", "near", "invalid_coordinates"),
        ("near=91,10", "near", "invalid_coordinates"),
        ("near=50,14&radius_km=0", "radius_km", "out_of_range"),
        ("near=50,14&radius_km=NaN", "radius_km", "out_of_range"),
        (
            "near_postal_code=DE-99999",
            "near_postal_code",
            "unknown_postal_code",
        ),
        (
            "near=50,14&near_postal_code=DE-01067",
            "near_postal_code",
            "conflicting",
        ),
        ("facets=country,colour", "facets", "unknown_facet"),
        ("sort=best", "sort", "unknown_sort"),
        ("verified=yes", "verified", "invalid_boolean"),
        ("kind=product", "kind", "unknown_company_kind"),
        ("size=huge", "size", "unknown_size_class"),
        ("nace=99.99", "nace", "unknown_nace_code"),
        (
            "q=a1%20b2%20c3%20d4%20e5%20f6%20g7%20h8%20i9",
            "q",
            "too_many_words",
        ),
    ];
    for (query, parameter, code) in cases {
        let response = app.get(&format!("/v1/companies?{query}")).await;
        assert_eq!(response.invalid_parameters(), [*parameter], "{query}");
        assert_eq!(
            response.json["errors"][0]["code"], *code,
            "{query}: {}",
            response.json
        );
    }
    let long = "x".repeat(201);
    let response = app.get(&format!("/v1/companies?q={long}")).await;
    assert_eq!(response.invalid_parameters(), ["q"]);
    let response = app.get("/v1/products?has_products=true").await;
    assert_eq!(response.invalid_parameters(), ["has_products"]);
    let response = app.get("/v1/products?kind=company").await;
    assert_eq!(response.invalid_parameters(), ["kind"]);
    // Query syntax of either database is just text here.
    for q in [
        "\"holz",
        "holz*",
        "NEAR(a b)",
        "a & | !",
        "'; DROP TABLE companies; --",
        "{name}: x",
        "holz:*A",
    ] {
        let response = app
            .get(&format!("/v1/companies?{}", query(&[("q", q)])))
            .await;
        assert!(
            [200, 400, 422].contains(&response.status.as_u16()),
            "{q}: {} {}",
            response.status,
            response.json
        );
    }
    assert_eq!(names(&app, &[]).await.len(), 40);
}

on_both_backends!(
    folding_and_prefixes,
    german_queries_find_czech_companies,
    czech_and_english_queries_find_german_companies,
    compounds_find_what_their_parts_find,
    filters_combine_with_the_query,
    distance_search,
    facets_count_the_whole_result,
    paging_and_orders,
    products_are_searchable,
    bad_search_parameters,
);
