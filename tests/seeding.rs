//! `partnernet seed --synthetic` and the demo dataset.

use crate::on_both_backends;
use crate::support::{Backend, TestApp};

async fn synthetic_seeding_is_deterministic_and_skips_duplicates(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app
        .db
        .blocking(|conn| api::seed::synthetic(conn, 1_200, 42))
        .expect("seeded");
    assert_eq!((first.inserted, first.skipped), (1_200, 0));
    // The same seed again generates the same register ids: nothing is inserted twice.
    let again = app
        .db
        .blocking(|conn| api::seed::synthetic(conn, 1_200, 42))
        .expect("seeded again");
    assert_eq!((again.inserted, again.skipped), (0, 1_200));
    app.searchable().await;

    let published = domain::synthetic::generate(1_200, 42)
        .filter(|c| c.status == domain::company::CompanyStatus::Published)
        .count();
    let mut listed = 0;
    let mut path = "/v1/companies?limit=100".to_owned();
    loop {
        let page = app.get(&path).await;
        listed += page.json["items"].as_array().expect("items").len();
        match page.json["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/companies?limit=100&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(listed, published);
}

async fn demo_has_companies_of_both_countries(backend: Backend) {
    let app = TestApp::spawn_with_demo(backend).await;
    for country in ["DE", "CZ"] {
        let page = app
            .get(&format!("/v1/companies?country={country}&limit=100"))
            .await;
        let items = page.json["items"].as_array().expect("items");
        assert!(items.len() >= 10, "{country}: {}", items.len());
        assert!(
            items
                .iter()
                .all(|c| c["description"]["de"].is_string() && c["description"]["cs"].is_string())
        );
    }
}

on_both_backends!(
    synthetic_seeding_is_deterministic_and_skips_duplicates,
    demo_has_companies_of_both_countries,
);
