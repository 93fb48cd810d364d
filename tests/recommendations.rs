//! Partner recommendations on a small hand-made corpus around a machining company in Zittau:
//! the expected order, the expected reasons in the caller's language, and who may ask.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::days_ahead;
use crate::support::{Backend, TestApp};

fn organisation(kind: &str, name: &str, country: &str, postal_code: &str, nace: &[&str]) -> Value {
    json!({
        "kind": kind,
        "name": name,
        "address": {"postal_code": postal_code, "country": country},
        "industries": nace,
        "status": "published"
    })
}

fn opportunity(company: &str, kind: &str, title: &str, nace: &[&str], keywords: &[&str]) -> Value {
    json!({
        "company_id": company,
        "type": kind,
        "title": {"de": title},
        "industries": nace,
        "keywords": keywords,
        "partnership_types": ["subcontracting"],
        "valid_until": days_ahead(90),
        "status": "published"
    })
}

/// (organisation, opportunity title or "", score, reason kinds) of each recommendation.
type Row = (String, String, u64, Vec<String>);

fn rows(response: &crate::support::Response) -> Vec<Row> {
    assert_eq!(response.status, 200, "{}", response.json);
    response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            (
                item["organisation"]["name"]
                    .as_str()
                    .expect("name")
                    .to_owned(),
                item["opportunity"]["title"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                item["score"].as_u64().expect("score"),
                item["reasons"]
                    .as_array()
                    .expect("reasons")
                    .iter()
                    .map(|r| r["kind"].as_str().expect("kind").to_owned())
                    .collect(),
            )
        })
        .collect()
}

fn row(name: &str, title: &str, score: u64, kinds: &[&str]) -> Row {
    (
        name.to_owned(),
        title.to_owned(),
        score,
        kinds.iter().map(|k| (*k).to_owned()).collect(),
    )
}

async fn evidence_ranks_partners_and_says_why(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@feinmechanik.example").await;
    let others = app.sign_up("owner@others.example").await;
    // The company asking: CNC machining in Zittau, with a product and an open request.
    let company = app
        .created(
            "/v1/companies",
            &organisation(
                "company",
                "Feinmechanik Zittau GmbH",
                "DE",
                "02763",
                &["25.62"],
            ),
            &owner,
        )
        .await;
    app.created(
        &format!("/v1/companies/{company}/products"),
        &json!({"kind": "service", "name": {"de": "CNC-Fräsen"}, "industries": ["25.62"]}),
        &owner,
    )
    .await;
    let own_request = opportunity(
        &company,
        "business_request",
        "Suche Pulverbeschichtung für Gehäuse",
        &[],
        &["Pulverbeschichtung"],
    );
    app.created("/v1/opportunities", &own_request, &owner).await;

    let org = |kind, name, country, postal, nace: &'static [&'static str]| {
        let body = organisation(kind, name, country, postal, nace);
        let (app, others) = (&app, &others);
        async move { app.created("/v1/companies", &body, others).await }
    };
    // A Czech request for what the company's product does, in its activity, 20 km away.
    let liberec = org(
        "company",
        "Strojírna Liberec s.r.o.",
        "CZ",
        "46001",
        &["25.62"],
    )
    .await;
    let cnc_request = opportunity(
        &liberec,
        "business_request",
        "Suche Lohnfertiger für CNC-Frästeile",
        &["25.62"],
        &[],
    );
    app.created("/v1/opportunities", &cnc_request, &others)
        .await;
    // A Czech offer answering the company's request, 85 km away.
    let most = org("company", "Lakovna Most a.s.", "CZ", "43401", &["25.61"]).await;
    let coating = opportunity(
        &most,
        "business_offer",
        "Pulverbeschichtung von Metallteilen",
        &["25.61"],
        &[],
    );
    app.created("/v1/opportunities", &coating, &others).await;
    // Steel suppliers (24 supplies 25) on both sides of the border.
    org("company", "Ocelárna Děčín a.s.", "CZ", "40502", &["24.10"]).await;
    org(
        "company",
        "Metallhandel Dresden GmbH",
        "DE",
        "01067",
        &["24.10"],
    )
    .await;
    // A bakery next door that will be at the same event, and what recommends nothing: a
    // bakery that is not, and a steel supplier whose profile is a draft.
    let bakery = org("company", "Bäckerei Zittau", "DE", "02763", &["10.71"]).await;
    org("company", "Bäckerei Görlitz", "DE", "02826", &["10.71"]).await;
    let mut draft = organisation("company", "Stahl Entwurf GmbH", "DE", "02763", &["24.10"]);
    draft["status"] = json!("draft");
    app.created("/v1/companies", &draft, &others).await;
    // An upcoming event both the company and the bakery take part in.
    let chamber = org("multiplier", "IHK Dresden", "DE", "01067", &[]).await;
    let event = app
        .created(
            "/v1/events",
            &json!({
                "organiser_id": chamber,
                "kind": "cooperation_exchange",
                "title": {"de": "Zulieferbörse Oberlausitz"},
                "starts_at": format!("{}T09:00", days_ahead(30)),
                "ends_at": format!("{}T16:00", days_ahead(30)),
                "time_zone": "Europe/Berlin",
                "online_url": "https://ihk.example/boerse",
                "capacity": {"visitors": 100},
                "status": "published"
            }),
            &others,
        )
        .await;
    for (who, session) in [(&company, &owner), (&bakery, &others)] {
        let body = json!({"company_id": who, "kind": "visitor", "participants": [{"name": "Jana Nováková", "email": "jana@firma.example", "language": "cs"}], "listed": true});
        app.created(&format!("/v1/events/{event}/registrations"), &body, session)
            .await;
    }

    let path = format!("/v1/companies/{company}/recommendations");
    let response = app.get_as(&path, &owner.bearer()).await;
    assert_eq!(response.header("content-language"), Some("de"));
    // Scores: 40 product + 25 activity + 15 border + 8 (20 km); 40 request + 15 + 2 (85 km);
    // 20 supplier + 15 + 6 (45 km); 15 event + 10 (next door); 20 supplier + 3 (73 km).
    assert_eq!(
        rows(&response),
        [
            row(
                "Strojírna Liberec s.r.o.",
                "Suche Lohnfertiger für CNC-Frästeile",
                88,
                &[
                    "request_matches_product",
                    "request_matches_activity",
                    "cross_border",
                    "nearby"
                ]
            ),
            row(
                "Lakovna Most a.s.",
                "Pulverbeschichtung von Metallteilen",
                57,
                &["offer_answers_request", "cross_border", "nearby"]
            ),
            row(
                "Ocelárna Děčín a.s.",
                "",
                41,
                &["supplies_activity", "cross_border", "nearby"]
            ),
            row("Bäckerei Zittau", "", 25, &["same_event", "nearby"]),
            row(
                "Metallhandel Dresden GmbH",
                "",
                23,
                &["supplies_activity", "nearby"]
            ),
        ]
    );
    let top = &response.json["items"][0];
    assert_eq!(
        top["reasons"][0]["text"],
        "Die offene Anfrage „Suche Lohnfertiger für CNC-Frästeile“ passt zu Ihrem Produkt „CNC-Fräsen“."
    );
    assert_eq!(top["reasons"][0]["points"], 40);
    assert_eq!(top["country"], "CZ");

    // In the caller's language: the account's, or the one asked for.
    let czech = app
        .patch("/v1/me", &json!({"language": "cs"}), Some(&owner.bearer()))
        .await;
    assert_eq!(czech.status, 200, "{}", czech.json);
    let response = app.get_as(&path, &owner.bearer()).await;
    assert_eq!(response.header("content-language"), Some("cs"));
    assert_eq!(
        response.json["items"][0]["reasons"][0]["text"],
        "Otevřená poptávka „Suche Lohnfertiger für CNC-Frästeile“ odpovídá vašemu produktu „CNC-Fräsen“."
    );
    assert_eq!(
        response.json["items"][0]["reasons"][2]["text"],
        "Přeshraniční: partner v Česku."
    );
    let english = app
        .get_as(&format!("{path}?lang=en&limit=2"), &owner.bearer())
        .await;
    assert_eq!(rows(&english).len(), 2);
    assert_eq!(
        english.json["items"][2 - 1]["reasons"][0]["text"],
        "Offer “Pulverbeschichtung von Metallteilen” matches your request “Suche Pulverbeschichtung für Gehäuse”."
    );

    // Only the organisation's members (and administrators) ask.
    app.get(&path).await.assert_problem(401, "unauthenticated");
    app.get_as(&path, &others.bearer())
        .await
        .assert_problem(403, "forbidden");
    let admin = app.admin().await;
    assert_eq!(app.get_as(&path, &admin.bearer()).await.status, 200);
    app.get_as(&format!("{path}?lang=fr"), &owner.bearer())
        .await
        .assert_problem(422, "invalid_parameter");
}

on_both_backends!(evidence_ranks_partners_and_says_why);
