//! Products and services: who may add, change and remove them, conditional requests, input
//! checks, and that every change is searchable in the next request; the glossary's
//! administration.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, Session, TestApp};

async fn create_company(app: &TestApp, session: &Session, body: Value) -> String {
    let created = app
        .post("/v1/companies", &body, Some(&session.bearer()))
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    created.json["id"].as_str().expect("id").to_owned()
}

fn workshop(status: &str) -> Value {
    json!({
        "kind": "company",
        "name": "Wagner Feinmechanik GmbH",
        "address": {"country": "DE", "postal_code": "02763", "city": "Zittau"},
        "industries": ["25.62"],
        "description": {"de": "Lohnfertigung in der Oberlausitz."},
        "status": status,
    })
}

fn pump() -> Value {
    json!({
        "kind": "product",
        "name": {"de": "Zahnradpumpe ZP 40"},
        "description": {"de": "Für Hydrauliköl, bis 250 bar."},
        "industries": ["28.13"],
        "keywords": ["Hydraulik", "Pumpe"],
        "image_url": "https://wagner.example/zp40.jpg",
    })
}

/// Company names a search returns.
async fn found(app: &TestApp, path: &str) -> Vec<String> {
    let response = app.get(path).await;
    assert_eq!(response.status, 200, "{path}: {}", response.json);
    response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            i["name"]
                .as_str()
                .or(i["name"]["de"].as_str())
                .expect("name")
                .to_owned()
        })
        .collect()
}

async fn members_manage_products(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@wagner.example").await;
    let editor = app.sign_up("editor@wagner.example").await;
    let stranger = app.sign_up("stranger@example.cz").await;
    let company = create_company(&app, &owner, workshop("published")).await;
    let added = app
        .post(
            &format!("/v1/companies/{company}/members"),
            &json!({"email": "editor@wagner.example"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(added.status, 201);

    let path = format!("/v1/companies/{company}/products");
    app.post(&path, &pump(), None)
        .await
        .assert_problem(401, "unauthenticated");
    app.post(&path, &pump(), Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let created = app.post(&path, &pump(), Some(&editor.bearer())).await;
    assert_eq!(created.status, 201, "{}", created.json);
    let id = created.json["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.header("location"),
        Some(format!("/v1/products/{id}").as_str())
    );
    assert_eq!(
        created.json["company"],
        json!({"id": company, "name": "Wagner Feinmechanik GmbH"})
    );
    assert_eq!(created.json["industries"][0]["code"], "28.13");
    assert_eq!(created.json["keywords"], json!(["Hydraulik", "Pumpe"]));

    // Anyone reads a published company's products; ETag and 304 as for companies.
    let product = format!("/v1/products/{id}");
    let read = app.get(&product).await;
    assert_eq!(read.status, 200);
    let etag = read.header("etag").expect("etag").to_owned();
    assert_eq!(
        app.get_with(&product, &[("if-none-match", &etag)])
            .await
            .status,
        304
    );
    let listed = app.get(&path).await;
    assert_eq!(listed.json["items"][0]["id"], id.as_str());

    // Changes: members only, merge patch, If-Match.
    let patch = json!({"name": {"cs": "Zubové čerpadlo ZP 40"}, "keywords": ["Hydraulik"]});
    app.patch(&product, &patch, Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let stale = app
        .send(
            "PATCH",
            &product,
            Some(&patch),
            &[("authorization", &owner.bearer()), ("if-match", "\"99.x\"")],
        )
        .await;
    stale.assert_problem(412, "precondition_failed");
    let changed = app
        .send(
            "PATCH",
            &product,
            Some(&patch),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.json);
    assert_eq!(
        changed.json["name"],
        json!({"de": "Zahnradpumpe ZP 40", "cs": "Zubové čerpadlo ZP 40", "en": null})
    );
    assert_eq!(changed.json["keywords"], json!(["Hydraulik"]));
    assert_eq!(changed.json["version"], 2);
    let mass = app
        .patch(
            &product,
            &json!({"company_id": "other"}),
            Some(&owner.bearer()),
        )
        .await;
    mass.assert_problem(400, "invalid_body");
    let read_only = app
        .patch(&product, &json!({"version": 7}), Some(&owner.bearer()))
        .await;
    read_only.assert_problem(400, "invalid_body");
    app.patch(
        &product,
        &json!(["not", "an object"]),
        Some(&owner.bearer()),
    )
    .await
    .assert_problem(400, "invalid_body");
    assert_eq!(app.get(&product).await.json["version"], 2);

    // The history records product changes.
    let history = app
        .get_as(&format!("/v1/companies/{company}/history"), &owner.bearer())
        .await;
    let actions: Vec<&str> = history.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["action"].as_str())
        .collect();
    assert_eq!(&actions[..2], ["product_updated", "product_created"]);

    // Deleting: members, If-Match; then gone.
    app.delete(&product, Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let deleted = app
        .send(
            "DELETE",
            &product,
            None,
            &[("authorization", &editor.bearer()), ("if-match", &etag)],
        )
        .await;
    deleted.assert_problem(412, "precondition_failed");
    assert_eq!(
        app.delete(&product, Some(&editor.bearer())).await.status,
        204
    );
    app.get(&product).await.assert_problem(404, "not_found");
    app.delete(&product, Some(&editor.bearer()))
        .await
        .assert_problem(404, "not_found");
}

async fn drafts_hide_their_products(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@wagner.example").await;
    let stranger = app.sign_up("stranger@example.cz").await;
    let company = create_company(&app, &owner, workshop("draft")).await;
    let created = app
        .post(
            &format!("/v1/companies/{company}/products"),
            &pump(),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(created.status, 201);
    let product = format!("/v1/products/{}", created.json["id"].as_str().expect("id"));
    assert_eq!(app.get_as(&product, &owner.bearer()).await.status, 200);
    app.get(&product).await.assert_problem(404, "not_found");
    app.get_as(&product, &stranger.bearer())
        .await
        .assert_problem(404, "not_found");
    app.get(&format!("/v1/companies/{company}/products"))
        .await
        .assert_problem(404, "not_found");
    // A stranger cannot learn that the draft exists by writing to it either.
    app.patch(&product, &json!({"keywords": []}), Some(&stranger.bearer()))
        .await
        .assert_problem(404, "not_found");
    assert!(found(&app, "/v1/products?q=Zahnradpumpe").await.is_empty());
    assert!(found(&app, "/v1/companies?q=Zahnradpumpe").await.is_empty());
}

async fn product_input_is_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@wagner.example").await;
    let company = create_company(&app, &owner, workshop("published")).await;
    let path = format!("/v1/companies/{company}/products");
    let bad = json!({
        "kind": "product",
        "name": {"de": " "},
        "industries": ["28", "99.99"],
        "keywords": ["ok", "x".repeat(61)],
        "image_url": "javascript:alert(1)",
    });
    let response = app.post(&path, &bad, Some(&owner.bearer())).await;
    let problem = response.assert_problem(422, "invalid_body");
    let mut pointers: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    pointers.sort_unstable();
    assert_eq!(
        pointers,
        [
            "/image_url",
            "/industries/0",
            "/industries/1",
            "/keywords/1",
            "/name"
        ]
    );
    let unknown = app
        .post(
            &path,
            &json!({"kind": "product", "name": {"de": "A"}, "price": 5}),
            Some(&owner.bearer()),
        )
        .await;
    unknown.assert_problem(400, "invalid_body");
    let kind = app
        .post(
            &path,
            &json!({"kind": "thing", "name": {"de": "A"}}),
            Some(&owner.bearer()),
        )
        .await;
    kind.assert_problem(400, "invalid_body");
    assert_eq!(
        app.get(&path).await.json["items"],
        json!([]),
        "nothing half-written"
    );
    app.post(
        "/v1/companies/nope/products",
        &pump(),
        Some(&owner.bearer()),
    )
    .await
    .assert_problem(404, "not_found");
    app.get("/v1/products/nope")
        .await
        .assert_problem(404, "not_found");
}

async fn every_change_is_searchable_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@wagner.example").await;
    let company = create_company(&app, &owner, workshop("published")).await;
    let name = "Wagner Feinmechanik GmbH";
    // Found through its description, its industry's Czech label and its region.
    assert_eq!(found(&app, "/v1/companies?q=Lohnfertigung").await, [name]);
    assert_eq!(
        found(&app, "/v1/companies?q=obr%C3%A1b%C4%9Bn%C3%AD").await,
        [name]
    );
    assert_eq!(found(&app, "/v1/companies?q=G%C3%B6rlitz").await, [name]);

    let changed = app
        .patch(
            &format!("/v1/companies/{company}"),
            &json!({"description": {"de": "Klöppelspitze aus Zittau."}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.json);
    assert!(
        found(&app, "/v1/companies?q=Lohnfertigung")
            .await
            .is_empty()
    );
    assert_eq!(
        found(&app, "/v1/companies?q=Kl%C3%B6ppelspitze").await,
        [name]
    );

    let created = app
        .post(
            &format!("/v1/companies/{company}/products"),
            &pump(),
            Some(&owner.bearer()),
        )
        .await;
    let product = format!("/v1/products/{}", created.json["id"].as_str().expect("id"));
    assert_eq!(
        found(&app, "/v1/companies?q=Zahnradpumpe&has_products=true").await,
        [name]
    );
    assert_eq!(
        found(&app, "/v1/products?q=Zahnradpumpe").await,
        ["Zahnradpumpe ZP 40"]
    );
    // The product is found through its company's name and place too.
    assert_eq!(
        found(&app, "/v1/products?q=Wagner%20Pumpe").await,
        ["Zahnradpumpe ZP 40"]
    );

    app.patch(
        &product,
        &json!({"name": {"de": "Flügelzellenpumpe"}}),
        Some(&owner.bearer()),
    )
    .await;
    assert!(found(&app, "/v1/products?q=Zahnradpumpe").await.is_empty());
    assert_eq!(
        found(&app, "/v1/products?q=Fl%C3%BCgelzellenpumpe").await,
        ["Flügelzellenpumpe"]
    );

    // A renamed company: its products are found by the new name.
    app.patch(
        &format!("/v1/companies/{company}"),
        &json!({"name": "Wagner Hydraulik GmbH"}),
        Some(&owner.bearer()),
    )
    .await;
    assert_eq!(
        found(&app, "/v1/products?q=Wagner%20Hydraulik").await,
        ["Flügelzellenpumpe"]
    );

    assert_eq!(
        app.delete(&product, Some(&owner.bearer())).await.status,
        204
    );
    assert!(
        found(&app, "/v1/companies?q=Fl%C3%BCgelzellenpumpe")
            .await
            .is_empty()
    );
    assert!(found(&app, "/v1/products?q=pumpe").await.is_empty());

    assert_eq!(
        app.delete(&format!("/v1/companies/{company}"), Some(&owner.bearer()))
            .await
            .status,
        204
    );
    assert!(
        found(&app, "/v1/companies?q=Kl%C3%B6ppelspitze")
            .await
            .is_empty()
    );
}

async fn administrators_extend_the_glossary(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@wagner.example").await;
    let admin = app.admin().await;
    create_company(
        &app,
        &owner,
        json!({
            "kind": "company",
            "name": "Spitzenmanufaktur Plauen",
            "address": {"country": "DE", "postal_code": "08523", "city": "Plauen"},
            "description": {"de": "Klöppelspitze nach altem Muster."},
            "status": "published",
        }),
    )
    .await;
    let czech = "/v1/companies?q=pali%C4%8Dkovan%C3%A1%20krajka";
    assert!(found(&app, czech).await.is_empty());

    let entry =
        json!({"de": ["Klöppelspitze"], "cs": ["paličkovaná krajka"], "en": ["bobbin lace"]});
    app.post("/v1/glossary", &entry, None)
        .await
        .assert_problem(401, "unauthenticated");
    app.post("/v1/glossary", &entry, Some(&owner.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let one_language = app
        .post(
            "/v1/glossary",
            &json!({"de": ["Spitze"]}),
            Some(&admin.bearer()),
        )
        .await;
    one_language.assert_problem(422, "invalid_body");
    let added = app
        .post("/v1/glossary", &entry, Some(&admin.bearer()))
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
    assert_eq!(added.json["source"], "added");
    assert_eq!(found(&app, czech).await, ["Spitzenmanufaktur Plauen"]);
    assert_eq!(
        found(&app, "/v1/companies?q=bobbin%20lace").await,
        ["Spitzenmanufaktur Plauen"]
    );

    let list = app.get("/v1/glossary").await;
    let items = list.json["items"].as_array().expect("items");
    assert!(items.len() > 250);
    assert_eq!(
        items.last().map(|i| &i["cs"]),
        Some(&json!(["paličkovaná krajka"]))
    );

    let id = added.json["id"].as_str().expect("id");
    app.delete(&format!("/v1/glossary/{id}"), Some(&owner.bearer()))
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(
        app.delete(&format!("/v1/glossary/{id}"), Some(&admin.bearer()))
            .await
            .status,
        204
    );
    assert!(found(&app, czech).await.is_empty());
    app.delete(&format!("/v1/glossary/{id}"), Some(&admin.bearer()))
        .await
        .assert_problem(404, "not_found");
}

on_both_backends!(
    members_manage_products,
    drafts_hide_their_products,
    product_input_is_checked,
    every_change_is_searchable_at_once,
    administrators_extend_the_glossary,
);
