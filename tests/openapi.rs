//! The checked-in `openapi.yaml` is what the code serves.

#[test]
fn checked_in_spec_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let generated = api::openapi::yaml().expect("spec renders");
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        generated == checked_in,
        "openapi.yaml is stale: run `cargo run -- openapi > openapi.yaml` and commit it"
    );
}

#[test]
fn every_operation_is_documented() {
    let document = serde_json::to_value(api::openapi::document()).expect("serialisable");
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["license"]["identifier"], "MIT");
    assert!(document["info"]["contact"]["email"].is_string());
    assert!(document["servers"][0]["url"].is_string());
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/healthz",
        "/readyz",
        "/v1/companies",
        "/v1/companies/{id}",
        "/v1/reference/industries",
        "/v1/reference/regions",
        "/v1/reference/legal-forms",
    ] {
        assert!(paths.contains_key(path), "{path} is missing");
    }
    let operations = paths.iter().flat_map(|(path, item)| {
        item.as_object()
            .expect("path item")
            .iter()
            .map(move |(method, operation)| (format!("{method} {path}"), operation))
    });
    // Every create links to the operations on what it created (an account is used by signing
    // in, not by id), and every link resolves.
    let ids: Vec<&str> = paths
        .values()
        .flat_map(|item| item.as_object().expect("path item").values())
        .filter_map(|operation| operation["operationId"].as_str())
        .collect();
    for (path, item) in paths {
        if let Some(post) = item.get("post")
            && let Some(created) = post["responses"].get("201")
            && path != "/v1/auth/register"
        {
            let links = created["links"].as_object();
            assert!(
                links.is_some_and(|l| !l.is_empty()),
                "POST {path} links nowhere"
            );
            for link in links.into_iter().flat_map(|l| l.values()) {
                let target = link["operationId"].as_str().expect("operationId");
                assert!(ids.contains(&target), "POST {path} links to {target}");
            }
        }
    }
    let mut operation_ids = std::collections::BTreeSet::new();
    for (path, operation) in operations {
        assert!(operation["summary"].is_string(), "{path} has no summary");
        // Generated clients name their methods after these: unique, camelCase words.
        let id = operation["operationId"].as_str().expect("operationId");
        assert!(
            id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_alphabetic()),
            "{path}: operationId {id} is not camelCase"
        );
        assert!(
            operation_ids.insert(id.to_owned()),
            "operationId {id} repeats"
        );
        let responses = operation["responses"].as_object().expect("responses");
        for (status, response) in responses {
            assert!(
                response["description"].is_string() || response["$ref"].is_string(),
                "{path} {status} has no description"
            );
        }
        // Bodies are named schemas, so clients get named types.
        if let Some(content) = operation["requestBody"]["content"].as_object() {
            for (media_type, body) in content {
                assert!(
                    body["schema"].get("properties").is_none(),
                    "{path} {media_type}: the body schema is inline"
                );
            }
            for status in ["400", "413", "415"] {
                assert!(
                    responses.contains_key(status),
                    "{path} does not document {status}"
                );
            }
        }
        if path.contains(" /v1/") {
            assert!(
                responses.contains_key("500"),
                "{path} does not document 500"
            );
        }
        assert!(
            responses.keys().any(|status| status.starts_with('2')),
            "{path} has no success response"
        );
        if path.contains(" /v1/") {
            let problem = operation["responses"]
                .as_object()
                .expect("responses")
                .iter()
                .any(|(status, r)| {
                    (status.starts_with('4') || status.starts_with('5'))
                        && (r["content"]["application/problem+json"].is_object()
                            || r["$ref"].is_string())
                });
            assert!(problem, "{path} documents no problem response");
        }
    }
}
