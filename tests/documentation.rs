//! Every example request in the README and in docs/ runs against the demo data and shows what
//! the text says. A new example fails here until it has an expectation below.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::on_both_backends;
use crate::support::{Backend, TestApp};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const SERVER: &str = "http://127.0.0.1:8080";

/// The example URLs of the README and docs/, as paths on the server.
fn documented_examples() -> BTreeSet<String> {
    let mut files = vec![format!("{ROOT}/README.md")];
    for entry in std::fs::read_dir(format!("{ROOT}/docs")).expect("docs/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path.display().to_string());
        }
    }
    let mut examples = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (at, _) in text.match_indices(SERVER) {
            let rest = &text[at + SERVER.len()..];
            let end = rest
                .find(|c: char| c.is_whitespace() || ">)`\"'".contains(c))
                .unwrap_or(rest.len());
            let path = &rest[..end];
            if path.len() > 1 {
                examples.insert(path.to_owned());
            }
        }
    }
    examples
}

fn countries(items: &Value) -> BTreeSet<String> {
    items
        .as_array()
        .expect("items")
        .iter()
        .map(|c| {
            c["address"]["country"]
                .as_str()
                .expect("country")
                .to_owned()
        })
        .collect()
}

async fn documented_examples_show_what_the_text_says(backend: Backend) {
    let app = TestApp::spawn_with_demo(backend).await;
    let expected: BTreeSet<String> = [
        "/docs/",
        "/openapi.json",
        "/v1/companies?country=CZ&nace=C",
        "/v1/companies?q=S%C3%A4gewerk&facets=country,region",
        "/v1/events?q=Zulieferer&facets=kind,country",
        "/v1/events.ics?lang=cs",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(
        documented_examples(),
        expected,
        "an example in the README or docs/ has no expectation here, or one here is gone"
    );

    // Interactive documentation and the document itself.
    let docs = app.get("/docs/").await;
    assert_eq!(docs.status, 200);
    assert!(
        docs.header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    let document = app.get("/openapi.json").await;
    assert_eq!(document.json["openapi"], "3.1.0");

    // "Czech manufacturing companies".
    let manufacturing = app.get("/v1/companies?country=CZ&nace=C").await;
    assert_eq!(manufacturing.status, 200);
    let items = &manufacturing.json["items"];
    assert!(!items.as_array().expect("items").is_empty());
    assert_eq!(countries(items), BTreeSet::from(["CZ".to_owned()]));
    // Section C, manufacturing, holds the divisions 10 to 33.
    for company in items.as_array().expect("items") {
        let in_section_c = company["industries"]
            .as_array()
            .expect("industries")
            .iter()
            .filter_map(|i| i["code"].as_str()?.get(..2)?.parse::<u8>().ok())
            .any(|division| (10..=33).contains(&division));
        assert!(in_section_c, "{}", company["name"]);
    }

    // "Sawmills on both sides of the border, found in German also where they only write Czech".
    let sawmills = app
        .get("/v1/companies?q=S%C3%A4gewerk&facets=country,region")
        .await;
    assert_eq!(sawmills.status, 200);
    assert_eq!(
        countries(&sawmills.json["items"]),
        BTreeSet::from(["CZ".to_owned(), "DE".to_owned()])
    );
    let facet_countries: BTreeSet<&str> = sawmills.json["facets"]["country"]
        .as_array()
        .expect("country facet")
        .iter()
        .map(|f| f["value"].as_str().expect("value"))
        .collect();
    assert_eq!(facet_countries, BTreeSet::from(["CZ", "DE"]));
    let czech_only = sawmills.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|c| c["address"]["country"] == "CZ")
        .all(|c| !c["name"].as_str().unwrap_or_default().contains("Säge"));
    assert!(
        czech_only,
        "the Czech sawmills are found by their Czech names"
    );

    // "Upcoming events for suppliers, soonest first".
    let events = app.get("/v1/events?q=Zulieferer&facets=kind,country").await;
    assert_eq!(events.status, 200);
    let found = events.json["items"].as_array().expect("items");
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .any(|e| e["kind"] == "cooperation_exchange" && e["venue"]["country"] == "DE")
    );
    assert!(events.json["facets"]["kind"].is_array());

    // "The upcoming events as a calendar feed, in Czech".
    let feed = app.get("/v1/events.ics?lang=cs").await;
    assert_eq!(feed.status, 200);
    assert_eq!(feed.header("content-language"), Some("cs"));
    let text = feed.json.as_str().expect("calendar text");
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        5,
        "the demo's five events"
    );
    assert!(text.contains("SUMMARY:Burza subdodavatelů Krušné hory"));
}

on_both_backends!(documented_examples_show_what_the_text_says);
