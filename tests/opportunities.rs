//! Cooperation opportunities: who may publish and read them, search across languages with
//! filters and facets, expiry, and input checks.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::days_ahead;
use crate::support::{Backend, Response, TestApp};

fn firm(name: &str, country: &str, postal_code: &str, status: &str) -> Value {
    json!({
        "kind": "company",
        "name": name,
        "address": {"postal_code": postal_code, "country": country},
        "status": status
    })
}

/// A published Czech request for CNC subcontractors, written only in Czech.
fn request(company: &str) -> Value {
    json!({
        "company_id": company,
        "type": "business_request",
        "title": {"cs": "Hledáme subdodavatele pro CNC obrábění"},
        "summary": {"cs": "Frézování hliníkových dílů, série 500 až 5 000 kusů."},
        "industries": ["25.62"],
        "keywords": ["CNC", "hliník"],
        "partnership_types": ["subcontracting", "supplier"],
        "target_countries": ["DE"],
        "valid_until": days_ahead(90),
        "status": "published"
    })
}

fn ids(response: &Response) -> Vec<String> {
    assert_eq!(response.status, 200, "{}", response.json);
    response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|o| o["id"].as_str().expect("id").to_owned())
        .collect()
}

async fn published_opportunities_are_found_across_languages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@strojirna.example").await;
    let company = app
        .created(
            "/v1/companies",
            &firm("Strojírna Novák s.r.o.", "CZ", "40001", "published"),
            &owner,
        )
        .await;
    let czech = app
        .created("/v1/opportunities", &request(&company), &owner)
        .await;
    let mut offer = request(&company);
    offer["type"] = json!("technology_offer");
    offer["title"] = json!({"de": "Laserschneiden für Blechteile"});
    offer["summary"] = Value::Null;
    offer["keywords"] = json!(["Laser"]);
    offer["partnership_types"] = json!(["licence"]);
    offer["target_countries"] = json!([]);
    let laser = app.created("/v1/opportunities", &offer, &owner).await;
    let mut draft = request(&company);
    draft["status"] = json!("draft");
    let draft = app.created("/v1/opportunities", &draft, &owner).await;

    assert_eq!(
        ids(&app.get("/v1/opportunities?q=Zulieferer").await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app.get("/v1/opportunities?q=Aluminium").await),
        [czech.as_str()],
        "the glossary takes the German word to 'hliník'"
    );
    assert_eq!(
        ids(&app.get("/v1/opportunities?type=technology_offer").await),
        [laser.as_str()]
    );
    assert_eq!(
        ids(&app
            .get("/v1/opportunities?partnership_type=subcontracting")
            .await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app.get("/v1/opportunities?target_country=DE").await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app
            .get(&format!("/v1/opportunities?company={company}&nace=C"))
            .await)
        .len(),
        2
    );
    assert_eq!(
        ids(&app
            .get("/v1/opportunities?near_postal_code=CZ-40001&radius_km=10")
            .await)
        .len(),
        2
    );
    let faceted = app
        .get("/v1/opportunities?facets=kind,partnership_type,country")
        .await;
    assert_eq!(faceted.status, 200, "{}", faceted.json);
    assert_eq!(faceted.json["facets"]["total"], 2);
    assert_eq!(
        faceted.json["facets"]["country"],
        json!([{"value": "CZ", "count": 2}])
    );
    let partnerships = &faceted.json["facets"]["partnership_type"];
    assert_eq!(partnerships.as_array().expect("values").len(), 3);
    for bad in [
        "type=party",
        "partnership_type=marriage",
        "facets=size",
        "target_country=PL",
    ] {
        let response = app.get(&format!("/v1/opportunities?{bad}")).await;
        assert!(
            response.status == 400 || response.status == 422,
            "{bad}: {}",
            response.status
        );
    }

    // Drafts are the organisation's own.
    let stranger = app.sign_up("stranger@example.de").await;
    app.get(&format!("/v1/opportunities/{draft}"))
        .await
        .assert_problem(404, "not_found");
    app.get_as(&format!("/v1/opportunities/{draft}"), &stranger.bearer())
        .await
        .assert_problem(404, "not_found");
    let own = app
        .get_as(&format!("/v1/opportunities/{draft}"), &owner.bearer())
        .await;
    assert_eq!(own.status, 200);
    let listed = app
        .get(&format!("/v1/companies/{company}/opportunities"))
        .await;
    assert_eq!(ids(&listed).len(), 2, "the public sees no draft");
    let listed = app
        .get_as(
            &format!("/v1/companies/{company}/opportunities"),
            &owner.bearer(),
        )
        .await;
    assert_eq!(ids(&listed).len(), 3);

    // Changes are merge patches with If-Match, searchable at once.
    let path = format!("/v1/opportunities/{laser}");
    let current = app.get(&path).await;
    let etag = current.header("etag").expect("ETag").to_owned();
    let changed = app
        .send(
            "PATCH",
            &path,
            Some(&json!({"title": {"cs": "Řezání laserem"}})),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.json);
    assert_eq!(
        changed.json["title"],
        json!({"de": "Laserschneiden für Blechteile", "cs": "Řezání laserem", "en": null})
    );
    let stale = app
        .send(
            "PATCH",
            &path,
            Some(&json!({"keywords": []})),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    stale.assert_problem(412, "precondition_failed");
    app.patch(&path, &json!({"keywords": []}), Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");
    let deleted = app.delete(&path, Some(&owner.bearer())).await;
    assert_eq!(deleted.status, 204);
    assert!(
        !ids(&app.get("/v1/opportunities").await).contains(&laser),
        "a deleted opportunity leaves the index"
    );
}

async fn expired_ones_leave_the_lists(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@strojirna.example").await;
    let company = app
        .created(
            "/v1/companies",
            &firm("Strojírna Novák s.r.o.", "CZ", "40001", "published"),
            &owner,
        )
        .await;
    let id = app
        .created("/v1/opportunities", &request(&company), &owner)
        .await;
    assert_eq!(ids(&app.get("/v1/opportunities").await), [id.as_str()]);
    // Time passes: its last valid day was yesterday.
    let yesterday = (Utc::now() - Duration::days(1)).date_naive();
    let changed = id.clone();
    app.db
        .blocking(move |conn| {
            use persistence::schema::opportunities::dsl::{opportunities, valid_until};
            diesel::update(opportunities.find(changed))
                .set(valid_until.eq(yesterday))
                .execute(conn)?;
            Ok(())
        })
        .expect("moved into the past");
    app.searchable().await;
    assert!(ids(&app.get("/v1/opportunities").await).is_empty());
    let expired = app.get(&format!("/v1/opportunities/{id}")).await;
    assert_eq!(expired.json["expired"], true);
    // Extending it brings it back.
    let extended = app
        .patch(
            &format!("/v1/opportunities/{id}"),
            &json!({"valid_until": days_ahead(30)}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(extended.status, 200, "{}", extended.json);
    assert_eq!(extended.json["expired"], false);
    assert_eq!(ids(&app.get("/v1/opportunities").await), [id.as_str()]);
}

async fn who_may_publish_and_what_is_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@strojirna.example").await;
    let stranger = app.sign_up("stranger@example.de").await;
    let admin = app.admin().await;
    let company = app
        .created(
            "/v1/companies",
            &firm("Strojírna Novák s.r.o.", "CZ", "40001", "published"),
            &owner,
        )
        .await;
    app.post("/v1/opportunities", &request(&company), None)
        .await
        .assert_problem(401, "unauthenticated");
    app.post(
        "/v1/opportunities",
        &request(&company),
        Some(&stranger.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    app.created("/v1/opportunities", &request(&company), &admin)
        .await;

    // A draft organisation's published opportunity stays out of public view.
    let hidden = app
        .created(
            "/v1/companies",
            &firm("Tajná firma s.r.o.", "CZ", "40001", "draft"),
            &stranger,
        )
        .await;
    let secret = app
        .created("/v1/opportunities", &request(&hidden), &stranger)
        .await;
    assert!(!ids(&app.get("/v1/opportunities").await).contains(&secret));
    app.get(&format!("/v1/opportunities/{secret}"))
        .await
        .assert_problem(404, "not_found");
    app.post(
        "/v1/opportunities",
        &request(&hidden),
        Some(&owner.bearer()),
    )
    .await
    .assert_problem(404, "not_found");

    let mut body = request(&company);
    body["valid_until"] = json!(days_ahead(400));
    body["title"] = json!({"de": " "});
    body["target_regions"] = json!(["XX000"]);
    body["keywords"] = json!(["a\nb"]);
    let mut fields = app
        .post("/v1/opportunities", &body, Some(&owner.bearer()))
        .await
        .invalid_fields(422);
    fields.sort();
    assert_eq!(
        fields,
        ["/keywords/0", "/target_regions/0", "/title", "/valid_until"]
    );
    let mut body = request(&company);
    body["valid_until"] = json!(
        (Utc::now() - Duration::days(2))
            .format("%Y-%m-%d")
            .to_string()
    );
    assert_eq!(
        app.post("/v1/opportunities", &body, Some(&owner.bearer()))
            .await
            .invalid_fields(422),
        ["/valid_until"]
    );
    let mut body = request(&company);
    body["partnership_types"] = json!(["marriage"]);
    app.post("/v1/opportunities", &body, Some(&owner.bearer()))
        .await
        .assert_problem(400, "invalid_body");
    let id = app
        .created("/v1/opportunities", &request(&company), &owner)
        .await;
    let moved = app
        .patch(
            &format!("/v1/opportunities/{id}"),
            &json!({"company_id": hidden}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(moved.invalid_fields(422), ["/company_id"]);
}

async fn owners_are_told_a_week_before_expiry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@strojirna.example").await;
    let company = app
        .created(
            "/v1/companies",
            &firm("Strojírna Novák s.r.o.", "CZ", "40001", "published"),
            &owner,
        )
        .await;
    let mut soon = request(&company);
    soon["valid_until"] = json!(days_ahead(5));
    let soon = app.created("/v1/opportunities", &soon, &owner).await;
    app.created("/v1/opportunities", &request(&company), &owner)
        .await;
    let sweep = || {
        app.db
            .blocking(|conn| {
                let today = Utc::now().date_naive();
                Ok(persistence::opportunities::notice_expiring(conn, today)?)
            })
            .expect("sweep")
    };
    assert_eq!(sweep(), 1, "only the one ending within a week");
    assert_eq!(sweep(), 0, "told once");
    let told = app.get_as("/v1/me/notifications", &owner.bearer()).await;
    let items = told.json["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["kind"], "opportunity_expiring");
    assert_eq!(items[0]["link"], format!("/v1/opportunities/{soon}"));
    // A new last day, a new notice when it nears.
    let moved = app
        .patch(
            &format!("/v1/opportunities/{soon}"),
            &json!({"valid_until": days_ahead(6)}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(moved.status, 200);
    assert_eq!(sweep(), 1);
}

on_both_backends!(
    owners_are_told_a_week_before_expiry,
    published_opportunities_are_found_across_languages,
    expired_ones_leave_the_lists,
    who_may_publish_and_what_is_checked,
);
