//! Statistics for multiplier institutions: who may read them, company counts through the
//! index with the search's filters, counts of opportunities and partnerships without their
//! parties, events per month, and the CSV form.

use domain::company::SizeClass;
use domain::country::Country;
use serde_json::json;

use crate::on_both_backends;
use crate::support::fixtures::{company, draft};
use crate::support::{Backend, TestApp};

async fn statistics_count_through_the_index(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let created = app
        .post(
            "/v1/companies",
            &json!({"kind": "multiplier", "name": "IHK Dresden", "address": {"country": "DE", "postal_code": "01067"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    let chamber = created.json["id"].as_str().expect("id").to_owned();
    app.verify(&chamber).await;
    let key = |scopes: serde_json::Value| {
        let (app, owner, chamber) = (&app, &owner, &chamber);
        async move {
            let response = app
                .post(
                    &format!("/v1/companies/{chamber}/api-keys"),
                    &json!({"name": "BI", "scopes": scopes}),
                    Some(&owner.bearer()),
                )
                .await;
            format!(
                "Bearer {}",
                response.json["secret"].as_str().expect("secret")
            )
        }
    };
    let stats = key(json!(["stats"])).await;
    let read = key(json!(["read"])).await;
    let sized = |mut firm: domain::company::NewCompany, size| {
        firm.size_class = Some(size);
        firm
    };
    app.insert(vec![
        sized(
            company("Pila A", Country::Czechia, "46001", &["16.10"]),
            SizeClass::Small,
        ),
        sized(
            company("Pila B", Country::Czechia, "40001", &["16.10"]),
            SizeClass::Small,
        ),
        sized(
            company("Fräserei C", Country::Germany, "01067", &["25.62"]),
            SizeClass::Medium,
        ),
        draft("Entwurf D"),
    ])
    .await;

    app.get("/v1/stats/companies")
        .await
        .assert_problem(401, "unauthenticated");
    app.get_as("/v1/stats/companies", &read)
        .await
        .assert_problem(403, "insufficient_scope");
    app.get_as("/v1/stats/companies", &owner.bearer())
        .await
        .assert_problem(403, "forbidden");
    app.get_as("/v1/stats/companies?group_by=headcount", &stats)
        .await
        .assert_problem(422, "invalid_parameter");
    app.get_as("/v1/stats/companies?format=xml", &stats)
        .await
        .assert_problem(422, "invalid_parameter");

    let all = app.get_as("/v1/stats/companies", &stats).await;
    assert_eq!(all.status, 200, "{}", all.json);
    // The three firms and the chamber; never the draft.
    assert_eq!(all.json["companies"]["total"], 4);
    assert_eq!(
        all.json["companies"]["country"],
        json!([{"value": "CZ", "count": 2}, {"value": "DE", "count": 2}])
    );
    let sections = all.json["companies"]["nace_section"]
        .as_array()
        .expect("sections");
    let wood = sections
        .iter()
        .find(|s| s["value"] == "C")
        .expect("section C");
    assert_eq!(wood["count"], 3);
    assert_eq!(wood["label"]["de"], "Verarbeitendes Gewerbe");
    // By size class; the chamber has none and is not counted there.
    assert_eq!(
        all.json["companies"]["size"],
        json!([{"value": "small", "count": 2}, {"value": "medium", "count": 1}])
    );
    let czech_sizes = app
        .get_as("/v1/stats/companies?country=CZ&group_by=size", &stats)
        .await;
    assert_eq!(
        czech_sizes.json["companies"]["size"],
        json!([{"value": "small", "count": 2}])
    );
    // Filtered like the search.
    let czech = app
        .get_as("/v1/stats/companies?country=CZ&group_by=region", &stats)
        .await;
    assert_eq!(czech.json["companies"]["total"], 2);
    assert_eq!(
        czech.json["companies"]["region"]
            .as_array()
            .expect("regions")
            .len(),
        2
    );
    assert!(czech.json["companies"].get("country").is_none());

    // Opportunities by type, partnerships by status (counts only), events per month.
    let pila = app
        .post(
            "/v1/companies",
            &json!({"kind": "company", "name": "Pila E", "address": {"country": "CZ"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    let pila = pila.json["id"].as_str().expect("id").to_owned();
    let valid_until = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let offer = app
        .post(
            "/v1/opportunities",
            &json!({"company_id": pila, "type": "business_offer", "title": {"cs": "Řezivo"}, "partnership_types": ["supplier"], "valid_until": valid_until, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(offer.status, 201, "{}", offer.json);
    let proposed = app
        .post(
            "/v1/partnerships",
            &json!({"from_company_id": chamber, "to_company_id": pila, "type": "supplier", "message": "Hallo"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(proposed.status, 201, "{}", proposed.json);
    let starts = (chrono::Utc::now() + chrono::Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let event = app
        .post(
            "/v1/events",
            &json!({"organiser_id": chamber, "kind": "workshop", "title": {"de": "Holzforum"}, "starts_at": format!("{starts}T09:00"), "ends_at": format!("{starts}T12:00"), "time_zone": "Europe/Berlin", "online_url": "https://ihk.example/holz", "capacity": {"visitors": 10}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(event.status, 201, "{}", event.json);
    let event = event.json["id"].as_str().expect("id").to_owned();
    let registered = app
        .post(
            &format!("/v1/events/{event}/registrations"),
            &json!({"company_id": pila, "kind": "visitor", "participants": [{"name": "Jan Novák", "email": "jan@pila.example", "language": "cs"}]}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(registered.status, 201, "{}", registered.json);

    let now = app
        .get_as("/v1/stats/companies?group_by=kind", &stats)
        .await;
    assert_eq!(
        now.json["opportunities"]["kind"],
        json!([{"value": "business_offer", "count": 1}])
    );
    assert_eq!(
        now.json["partnerships"],
        json!([{"value": "proposed", "count": 1}])
    );
    assert_eq!(
        now.json["events"],
        json!([{"month": &starts[..7], "events": 1, "registrations": 1}])
    );
    let text = now.json.to_string();
    assert!(
        !text.contains(&pila) && !text.contains(&chamber),
        "no parties are named"
    );

    // The same as CSV.
    let csv = app
        .get_with(
            "/v1/stats/companies?group_by=country",
            &[("authorization", &stats), ("accept", "text/csv")],
        )
        .await;
    assert_eq!(csv.status, 200);
    let body = csv.json.as_str().expect("CSV").to_owned();
    let mut lines = body.lines();
    assert_eq!(
        lines.next(),
        Some("group,value,label_de,label_cs,label_en,count")
    );
    assert!(body.contains("companies.country,CZ,,,,3"), "{body}");
    assert!(body.contains("partnerships.status,proposed,,,,1"), "{body}");
}

on_both_backends!(statistics_count_through_the_index);
