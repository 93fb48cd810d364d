//! Events: who may do what, places and the waiting list under concurrency, deadlines and
//! cancellation, calendars read by an independent parser, and search across languages.

use chrono::{Duration, Utc};
use domain::country::Country;
use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::company;
use crate::support::{Backend, Session, TestApp};

/// A local date and time `days` from now in the region, as organisers write it.
fn days_ahead(days: i64, time: &str) -> String {
    format!(
        "{}T{time}",
        (Utc::now() + Duration::days(days)).format("%Y-%m-%d")
    )
}

fn chamber(name: &str) -> Value {
    json!({
        "kind": "multiplier",
        "name": name,
        "address": {"street": "Postplatz 1", "postal_code": "02826", "city": "Görlitz", "country": "DE"},
        "status": "published"
    })
}

/// A published cooperation exchange of `organiser` in two months, with `exhibitors` places.
fn exchange(organiser: &str, exhibitors: i64) -> Value {
    json!({
        "organiser_id": organiser,
        "kind": "cooperation_exchange",
        "title": {"de": "Zulieferbörse Oberlausitz", "cs": "Burza subdodavatelů Horní Lužice"},
        "summary": {"de": "Metallbearbeitung und Kunststofftechnik aus Sachsen und Böhmen."},
        "starts_at": days_ahead(60, "09:00"),
        "ends_at": days_ahead(60, "16:00"),
        "time_zone": "Europe/Berlin",
        "registration_deadline": days_ahead(50, "23:59"),
        "venue": {"name": "Wichernhaus", "address": {"street": "Langenstraße 1", "postal_code": "02826", "city": "Görlitz", "country": "DE"}},
        "languages": ["de", "cs"],
        "interpreting": true,
        "topics": ["25"],
        "capacity": {"exhibitors": exhibitors, "visitors": 100},
        "status": "published"
    })
}

fn registration(company: &str, kind: &str, listed: bool) -> Value {
    json!({
        "company_id": company,
        "kind": kind,
        "participants": [{"name": "Jana Nováková", "email": "jana@firma.example", "language": "cs"}],
        "note": "Hledáme partnery pro CNC obrábění.",
        "listed": listed
    })
}

async fn add_member(app: &TestApp, company: &str, owner: &Session, email: &str) {
    let added = app
        .post(
            &format!("/v1/companies/{company}/members"),
            &json!({"email": email}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
}

async fn key(app: &TestApp, company: &str, owner: &Session, scopes: &[&str]) -> String {
    app.verify(company).await;
    app.api_key(company, owner, scopes).await
}

/// Companies inserted straight into the database, by name.
async fn participants(app: &TestApp, count: usize) -> Vec<String> {
    let names: Vec<String> = (0..count)
        .map(|n| format!("Teilnehmer {n:02} GmbH"))
        .collect();
    app.insert(
        names
            .iter()
            .map(|name| company(name, Country::Germany, "01067", &["25.62"]))
            .collect(),
    )
    .await;
    let names_for_lookup = names.clone();
    app.db
        .blocking(move |conn| {
            names_for_lookup
                .iter()
                .map(|name| {
                    persistence::companies::named(conn, name)?
                        .ok_or_else(|| anyhow::anyhow!("{name} was inserted"))
                })
                .collect()
        })
        .expect("participants found")
}

/// The change log's entries of `entity`, as (id, op).
fn logged(app: &TestApp, entity: &str) -> Vec<(String, String)> {
    app.db
        .blocking(|conn| Ok(persistence::changes::after(conn, 0, 1_000_000)?))
        .expect("change log read")
        .into_iter()
        .filter(|c| c.entity == entity)
        .map(|c| (c.entity_id, c.op))
        .collect()
}

const COLUMNS: [&str; 7] = [
    "anonymous",
    "stranger",
    "organiser's member",
    "other multiplier's member",
    "admin",
    "key with read",
    "key without read",
];

async fn authorisation_of_every_operation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let editor = app.sign_up("editor@kammer.example").await;
    let stranger = app.sign_up("stranger@example.cz").await;
    let other = app.sign_up("owner@komora.example").await;
    let admin = app.admin().await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    add_member(&app, &organiser, &owner, "editor@kammer.example").await;
    let other_org = app
        .created(
            "/v1/companies",
            &chamber("Hospodářská komora Liberec"),
            &other,
        )
        .await;
    let read_key = key(&app, &organiser, &owner, &["read"]).await;
    let stats_key = key(&app, &organiser, &owner, &["stats"]).await;
    let callers: [Option<String>; 7] = [
        None,
        Some(stranger.bearer()),
        Some(editor.bearer()),
        Some(other.bearer()),
        Some(admin.bearer()),
        Some(read_key),
        Some(stats_key),
    ];

    let event = app
        .created("/v1/events", &exchange(&organiser, 10), &owner)
        .await;
    let mut draft_body = exchange(&organiser, 10);
    draft_body["status"] = json!("draft");
    let draft = app.created("/v1/events", &draft_body, &owner).await;
    // What a column's request consumes: a draft to delete, an event to register for.
    let mut drafts = Vec::new();
    let mut events = Vec::new();
    for _ in 0..7 {
        drafts.push(app.created("/v1/events", &draft_body, &owner).await);
        events.push(
            app.created("/v1/events", &exchange(&organiser, 10), &owner)
                .await,
        );
    }
    let registered = app
        .created(
            &format!("/v1/events/{event}/registrations"),
            &registration(&other_org, "exhibitor", true),
            &other,
        )
        .await;

    let e = &event;
    #[allow(clippy::type_complexity)]
    let cases: Vec<(
        &str,
        Box<dyn Fn(usize) -> String + '_>,
        Option<Value>,
        [u16; 7],
    )> = vec![
        (
            "GET",
            Box::new(|_| "/v1/events".into()),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            Box::new(|_| "/v1/events.ics".into()),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/events/{e}")),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            Box::new(|_| format!("/v1/events/{draft}")),
            None,
            [404, 404, 200, 404, 200, 404, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/events/{e}/calendar.ics")),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            Box::new(|_| format!("/v1/events/{draft}/calendar.ics")),
            None,
            [404, 404, 200, 404, 200, 404, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/events/{e}/participants")),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            Box::new(|_| format!("/v1/companies/{organiser}/events")),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "POST",
            Box::new(|_| "/v1/events".into()),
            Some(exchange(&organiser, 5)),
            [401, 403, 201, 403, 201, 403, 403],
        ),
        (
            "PATCH",
            Box::new(move |_| format!("/v1/events/{e}")),
            Some(json!({"summary": {"en": "Suppliers meet buyers."}})),
            [401, 403, 200, 403, 200, 403, 403],
        ),
        (
            "PATCH",
            Box::new(|_| format!("/v1/events/{draft}")),
            Some(json!({"summary": {"en": "Suppliers meet buyers."}})),
            [401, 404, 200, 404, 200, 403, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/events/{e}/registrations")),
            None,
            [401, 403, 200, 403, 200, 403, 403],
        ),
        (
            "GET",
            Box::new(|_| format!("/v1/registrations/{registered}")),
            None,
            [401, 404, 200, 200, 200, 403, 403],
        ),
        (
            "GET",
            Box::new(|_| format!("/v1/companies/{other_org}/registrations")),
            None,
            [401, 403, 403, 200, 200, 403, 403],
        ),
        (
            "POST",
            Box::new(|n| format!("/v1/events/{}/registrations", events[n])),
            Some(registration(&other_org, "visitor", false)),
            [401, 403, 403, 201, 201, 403, 403],
        ),
        (
            "POST",
            Box::new(|_| format!("/v1/registrations/{registered}/cancel")),
            None,
            [401, 404, 403, 200, 200, 403, 403],
        ),
        (
            "DELETE",
            Box::new(|n| format!("/v1/events/{}", drafts[n])),
            None,
            [401, 404, 204, 404, 204, 403, 403],
        ),
        (
            "DELETE",
            Box::new(move |_| format!("/v1/events/{e}")),
            None,
            [401, 403, 409, 403, 409, 403, 403],
        ),
    ];
    for (method, path, body, expected) in &cases {
        for (column, bearer) in callers.iter().enumerate() {
            let path = path(column);
            let auth: Vec<(&str, &str)> = bearer
                .iter()
                .map(|b| ("authorization", b.as_str()))
                .collect();
            let response = app.send(method, &path, body.as_ref(), &auth).await;
            assert_eq!(
                response.status.as_u16(),
                expected[column],
                "{method} {path} as {}: {}",
                COLUMNS[column],
                response.json
            );
        }
    }

    // A company that is no multiplier organises nothing; administrators organise for it.
    let firm = app.created("/v1/companies",
        &json!({"kind": "company", "name": "Feinmechanik Zittau GmbH", "address": {"country": "DE"}, "status": "published"}),
        &stranger,
    )
    .await;
    app.post("/v1/events", &exchange(&firm, 5), Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");
    app.created("/v1/events", &exchange(&firm, 5), &admin).await;
    // A draft organisation's events stay drafts: a public event would name it.
    let mut hidden = chamber("Kammer im Aufbau");
    hidden["status"] = json!("draft");
    let hidden = app.created("/v1/companies", &hidden, &stranger).await;
    app.post(
        "/v1/events",
        &exchange(&hidden, 5),
        Some(&stranger.bearer()),
    )
    .await
    .assert_problem(409, "organiser_not_published");
    let mut draft_of_draft = exchange(&hidden, 5);
    draft_of_draft["status"] = json!("draft");
    let draft_of_draft = app.created("/v1/events", &draft_of_draft, &stranger).await;
    app.patch(
        &format!("/v1/events/{draft_of_draft}"),
        &json!({"status": "published"}),
        Some(&stranger.bearer()),
    )
    .await
    .assert_problem(409, "organiser_not_published");
    // The participant list names only organisations that agreed to it.
    let listed = app
        .get(&format!("/v1/events/{}/participants", events[3]))
        .await;
    assert_eq!(
        listed.json["items"],
        json!([]),
        "visitors registered unlisted"
    );
}

async fn concurrent_registrations_never_overbook(backend: Backend) {
    let app = TestApp::spawn_with_pool(backend, 8, std::time::Duration::from_secs(20)).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let admin = app.admin().await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    let event = app
        .created("/v1/events", &exchange(&organiser, 5), &owner)
        .await;
    let companies = participants(&app, 24).await;
    let path = format!("/v1/events/{event}/registrations");
    let bearer = admin.bearer();
    let responses = join_all(companies.iter().map(|company| {
        let body = registration(company, "exhibitor", true);
        let (app, path, bearer) = (&app, &path, &bearer);
        async move { app.post(path, &body, Some(bearer)).await }
    }))
    .await;
    let mut confirmed = 0;
    let mut positions = Vec::new();
    for response in &responses {
        assert_eq!(response.status, 201, "{}", response.json);
        match response.json["status"].as_str() {
            Some("confirmed") => confirmed += 1,
            Some("waiting") => positions.push(
                response.json["waiting_position"]
                    .as_i64()
                    .expect("position"),
            ),
            other => panic!("unexpected status {other:?}"),
        }
    }
    assert_eq!(confirmed, 5, "exactly the capacity holds a place");
    let all = app
        .get_as(&format!("{path}?limit=100"), &owner.bearer())
        .await;
    let stored: Vec<&str> = all.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["status"].as_str().expect("status"))
        .collect();
    assert_eq!(stored.iter().filter(|s| **s == "confirmed").count(), 5);
    assert_eq!(stored.iter().filter(|s| **s == "waiting").count(), 19);
    // Arrival order: the first five to arrive hold the places, the rest wait in order.
    assert!(stored[..5].iter().all(|s| *s == "confirmed"), "{stored:?}");
    let waiting: Vec<i64> = all.json["items"].as_array().expect("items")[5..]
        .iter()
        .map(|r| r["waiting_position"].as_i64().expect("position"))
        .collect();
    assert_eq!(waiting, (1..=19).collect::<Vec<_>>());
    let event_now = app.get(&format!("/v1/events/{event}")).await;
    assert_eq!(
        event_now.json["places"]["exhibitors"],
        json!({"capacity": 5, "confirmed": 5, "waiting": 19})
    );

    // A second registration of one organisation, even at the same moment, is refused.
    let twice = join_all((0..4).map(|_| {
        let body = registration(&companies[0], "visitor", false);
        let (app, path, bearer) = (&app, &path, &bearer);
        async move { app.post(path, &body, Some(bearer)).await }
    }))
    .await;
    for response in twice {
        response.assert_problem(409, "already_registered");
    }
}

async fn waiting_list_moves_up_in_order(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let admin = app.admin().await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    let event = app
        .created("/v1/events", &exchange(&organiser, 2), &owner)
        .await;
    let companies = participants(&app, 5).await;
    let mut registrations = Vec::new();
    for company in &companies {
        let path = format!("/v1/events/{event}/registrations");
        registrations.push(
            app.created(&path, &registration(company, "exhibitor", true), &admin)
                .await,
        );
    }
    let status = |n: usize| {
        let path = format!("/v1/registrations/{}", registrations[n]);
        let bearer = admin.bearer();
        let app = &app;
        async move {
            let r = app.get_as(&path, &bearer).await;
            (
                r.json["status"].as_str().expect("status").to_owned(),
                r.json["waiting_position"].as_i64(),
            )
        }
    };
    assert_eq!(status(2).await, ("waiting".into(), Some(1)));
    assert_eq!(status(4).await, ("waiting".into(), Some(3)));
    // The event's ETag follows its places, so a cached copy never shows stale counts.
    let before = app.get(&format!("/v1/events/{event}")).await;
    let etag = before.header("etag").expect("ETag").to_owned();

    // A holder cancels: the first waiting moves up and is told (a change-log entry for it).
    let cancelled = app
        .post(
            &format!("/v1/registrations/{}/cancel", registrations[0]),
            &json!({}),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.json);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert!(cancelled.json["cancelled_at"].is_string());
    let after = app
        .get_with(&format!("/v1/events/{event}"), &[("if-none-match", &etag)])
        .await;
    assert_eq!(after.status, 200, "the places changed");
    assert_eq!(status(2).await, ("confirmed".into(), None));
    assert_eq!(status(3).await, ("waiting".into(), Some(1)));
    assert_eq!(
        logged(&app, "registration"),
        [(registrations[2].clone(), "moved_up".into())]
    );
    // Cancelling again changes nothing, and a waiting one leaving moves nobody up.
    let again = app
        .post(
            &format!("/v1/registrations/{}/cancel", registrations[0]),
            &json!({}),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(again.status, 200);
    app.post(
        &format!("/v1/registrations/{}/cancel", registrations[3]),
        &json!({}),
        Some(&admin.bearer()),
    )
    .await;
    assert_eq!(status(4).await, ("waiting".into(), Some(1)));

    // More places move the waiting list up as well.
    let raised = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"capacity": {"exhibitors": 3}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(raised.status, 200, "{}", raised.json);
    assert_eq!(status(4).await, ("confirmed".into(), None));
    assert_eq!(raised.json["places"]["exhibitors"]["confirmed"], 3);
}

async fn deadline_double_registration_and_cancellation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let admin = app.admin().await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    let companies = participants(&app, 3).await;

    let mut closed = exchange(&organiser, 5);
    closed["registration_deadline"] = json!((Utc::now() - Duration::hours(1)).to_rfc3339());
    let closed = app.created("/v1/events", &closed, &owner).await;
    app.post(
        &format!("/v1/events/{closed}/registrations"),
        &registration(&companies[0], "visitor", true),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(409, "registration_closed");

    let mut no_exhibitors = exchange(&organiser, 0);
    no_exhibitors["title"] = json!({"de": "Vortrag"});
    let no_exhibitors = app.created("/v1/events", &no_exhibitors, &owner).await;
    app.post(
        &format!("/v1/events/{no_exhibitors}/registrations"),
        &registration(&companies[0], "exhibitor", true),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(409, "not_offered");

    let event = app
        .created("/v1/events", &exchange(&organiser, 5), &owner)
        .await;
    let path = format!("/v1/events/{event}/registrations");
    let first = app
        .created(
            &path,
            &registration(&companies[0], "exhibitor", true),
            &admin,
        )
        .await;
    let mut formula = registration(&companies[1], "visitor", true);
    formula["note"] = json!("=HYPERLINK(\"https://evil.example\")");
    let second = app.created(&path, &formula, &admin).await;
    let twice = app
        .post(
            &path,
            &registration(&companies[0], "visitor", true),
            Some(&admin.bearer()),
        )
        .await;
    twice.assert_problem(409, "already_registered");
    assert!(
        twice.json["detail"]
            .as_str()
            .expect("detail")
            .contains(&first)
    );

    let cancelled = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"status": "cancelled"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.json);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert_eq!(cancelled.json["registration_open"], false);
    // Every registered organisation has news of the cancellation; the registrations stay.
    let mut news = logged(&app, "registration");
    news.sort();
    let mut expected = vec![
        (first.clone(), "event_cancelled".to_owned()),
        (second.clone(), "event_cancelled".to_owned()),
    ];
    expected.sort();
    assert_eq!(news, expected);
    let kept = app.get_as(&path, &owner.bearer()).await;
    assert_eq!(kept.json["items"].as_array().expect("items").len(), 2);
    let own = app
        .get_as(&format!("/v1/registrations/{first}"), &admin.bearer())
        .await;
    assert_eq!(own.json["status"], "confirmed");
    app.post(
        &path,
        &registration(&companies[2], "visitor", true),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(409, "event_cancelled");
    // A cancelled event stays cancelled, and stays in the list, marked.
    let back = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    let problem = back.assert_problem(409, "invalid_status_change");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("nothing else")
    );
    let listed = app.get("/v1/events?limit=100").await;
    let statuses: Vec<(&str, &str)> = listed.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| {
            (
                e["id"].as_str().expect("id"),
                e["status"].as_str().expect("status"),
            )
        })
        .collect();
    assert!(
        statuses.contains(&(event.as_str(), "cancelled")),
        "{statuses:?}"
    );

    // The organisers' CSV: a header and a row per participant, in order of arrival.
    let csv = app
        .get_with(
            &format!("{path}?format=csv"),
            &[("authorization", &owner.bearer())],
        )
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = csv.json.as_str().expect("CSV text");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "registration_id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], first.as_str());
    assert_eq!(&rows[0][9], "Jana Nováková");
    assert_eq!(&rows[1][3], "visitor");
    // A note that looks like a formula stays text in a spreadsheet.
    assert_eq!(&rows[1][8], "'=HYPERLINK(\"https://evil.example\")");
}

/// The properties of a parsed component, unfolded and unescaped by the parser.
fn property<'a>(
    component: &'a icalendar::parser::Component<'_>,
    name: &str,
) -> Option<&'a icalendar::parser::Property<'a>> {
    component.find_prop(name)
}

async fn calendars_keep_local_times_across_daylight_saving(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    // Summer time starts on 28 March 2027: 09:00 is 08:00 UTC the day before, 07:00 after.
    let mut winter = exchange(&organiser, 5);
    winter["starts_at"] = json!("2027-03-27T09:00");
    winter["ends_at"] = json!("2027-03-27T17:00");
    winter["registration_deadline"] = Value::Null;
    let winter = app.post("/v1/events", &winter, Some(&owner.bearer())).await;
    assert_eq!(winter.json["starts_at"], "2027-03-27T09:00:00+01:00");
    let mut summer = exchange(&organiser, 5);
    summer["title"] = json!({"de": "Frühjahrsbörse", "cs": "Jarní burza; díly, nářadí"});
    summer["starts_at"] = json!("2027-03-29T07:00:00Z");
    summer["ends_at"] = json!("2027-03-29T15:00:00Z");
    summer["time_zone"] = json!("Europe/Prague");
    summer["registration_deadline"] = Value::Null;
    let summer = app.post("/v1/events", &summer, Some(&owner.bearer())).await;
    assert_eq!(summer.json["starts_at"], "2027-03-29T09:00:00+02:00");
    let summer_id = summer.json["id"].as_str().expect("id").to_owned();
    let winter_id = winter.json["id"].as_str().expect("id").to_owned();
    // The hour the clocks skip does not exist.
    let mut skipped = exchange(&organiser, 5);
    skipped["starts_at"] = json!("2027-03-28T02:30");
    assert_eq!(
        app.post("/v1/events", &skipped, Some(&owner.bearer()))
            .await
            .invalid_fields(422),
        ["/starts_at"]
    );
    let cancelled = app
        .patch(
            &format!("/v1/events/{winter_id}"),
            &json!({"status": "cancelled"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(cancelled.status, 200);

    let feed = app
        .get("/v1/events.ics?from=2027-03-01&to=2027-04-01&lang=cs")
        .await;
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    let text = feed.json.as_str().expect("calendar text").to_owned();
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "lines are folded at 75 octets"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
    let zones: Vec<&str> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .map(|c| property(c, "TZID").expect("TZID").val.as_str())
        .collect();
    assert_eq!(zones, ["Europe/Berlin", "Europe/Prague"]);
    let berlin = calendar
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("zone");
    let daylight = berlin
        .components
        .iter()
        .find(|c| c.name == "DAYLIGHT")
        .expect("DAYLIGHT");
    assert_eq!(
        property(daylight, "TZOFFSETTO")
            .expect("offset")
            .val
            .as_str(),
        "+0200"
    );
    assert_eq!(
        property(daylight, "RRULE").expect("rule").val.as_str(),
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
    );
    let events: Vec<&icalendar::parser::Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 2);
    let by_uid = |id: &str| {
        events
            .iter()
            .find(|e| {
                property(e, "UID").expect("UID").val.as_str()
                    == format!("{id}@events.partnernet.eu")
            })
            .copied()
            .expect("event by its stable UID")
    };
    let (w, s) = (by_uid(&winter_id), by_uid(&summer_id));
    let start = |e: &icalendar::parser::Component<'_>| {
        let p = property(e, "DTSTART").expect("DTSTART");
        let zone = p
            .params
            .iter()
            .find(|p| p.key == "TZID")
            .and_then(|p| p.val.as_ref())
            .expect("TZID");
        (zone.as_str().to_owned(), p.val.as_str().to_owned())
    };
    assert_eq!(start(w), ("Europe/Berlin".into(), "20270327T090000".into()));
    assert_eq!(start(s), ("Europe/Prague".into(), "20270329T090000".into()));
    assert_eq!(
        property(w, "STATUS").expect("STATUS").val.as_str(),
        "CANCELLED"
    );
    assert_eq!(
        property(s, "STATUS").expect("STATUS").val.as_str(),
        "CONFIRMED"
    );
    // In Czech as asked, with its special characters unescaped by the parser.
    assert_eq!(
        property(s, "SUMMARY")
            .expect("SUMMARY")
            .val
            .clone()
            .unescape_text()
            .as_str(),
        "Jarní burza; díly, nářadí"
    );
    assert_eq!(
        property(w, "SUMMARY").expect("SUMMARY").val.as_str(),
        "Burza subdodavatelů Horní Lužice"
    );

    // One event, in the language of Accept-Language; the same UID every time.
    let single = app
        .get_with(
            &format!("/v1/events/{summer_id}/calendar.ics"),
            &[("accept-language", "de-DE,de;q=0.9,cs;q=0.5")],
        )
        .await;
    let text = single.json.as_str().expect("calendar text").to_owned();
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
    let event = calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .expect("event");
    assert_eq!(
        property(event, "SUMMARY").expect("SUMMARY").val.as_str(),
        "Frühjahrsbörse"
    );
    assert_eq!(
        property(event, "UID").expect("UID").val.as_str(),
        format!("{summer_id}@events.partnernet.eu")
    );
    assert_eq!(single.header("content-language"), Some("de"));
}

async fn search_in_german_finds_an_event_described_only_in_czech(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@komora.example").await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Hospodářská komora Děčín"),
            &owner,
        )
        .await;
    let mut czech = exchange(&organiser, 5);
    czech["title"] = json!({"cs": "Setkání strojírenských firem"});
    czech["summary"] =
        json!({"cs": "Subdodavatelé pro automobilový průmysl představí své služby."});
    czech["time_zone"] = json!("Europe/Prague");
    czech["venue"] = json!({"name": "Kulturní dům", "address": {"postal_code": "40001", "city": "Ústí nad Labem", "country": "CZ"}});
    czech["languages"] = json!(["cs"]);
    czech["interpreting"] = json!(false);
    let czech = app.created("/v1/events", &czech, &owner).await;
    let mut online = exchange(&organiser, 5);
    online["kind"] = json!("webinar");
    online["title"] = json!({"de": "Exportförderung"});
    online["summary"] = Value::Null;
    online["venue"] = Value::Null;
    online["online_url"] = json!("https://meet.example/export");
    let online = app.created("/v1/events", &online, &owner).await;

    let ids = |response: &crate::support::Response| -> Vec<String> {
        assert_eq!(response.status, 200, "{}", response.json);
        response.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["id"].as_str().expect("id").to_owned())
            .collect()
    };
    assert_eq!(
        ids(&app.get("/v1/events?q=Zulieferer").await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app.get("/v1/events?online=true").await),
        [online.as_str()]
    );
    assert_eq!(
        ids(&app.get("/v1/events?country=CZ&language=cs").await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app
            .get("/v1/events?near_postal_code=CZ-40001&radius_km=20")
            .await),
        [czech.as_str()]
    );
    assert_eq!(
        ids(&app.get("/v1/events?kind=webinar").await),
        [online.as_str()]
    );
    assert_eq!(
        ids(&app
            .get(&format!("/v1/events?organiser={organiser}&topic=C"))
            .await)
        .len(),
        2
    );
    assert!(ids(&app.get("/v1/events?to=2020-01-01").await).is_empty());
    let faceted = app.get("/v1/events?facets=kind,country").await;
    assert_eq!(faceted.json["facets"]["total"], 2);
    assert_eq!(
        faceted.json["facets"]["country"],
        json!([{"value": "CZ", "count": 1}])
    );
    // Paging in date order.
    let first = app.get("/v1/events?limit=1").await;
    let cursor = first.json["next_cursor"].as_str().expect("a next page");
    let second = app
        .get(&format!("/v1/events?limit=1&cursor={cursor}"))
        .await;
    let mut both = ids(&first);
    both.extend(ids(&second));
    both.sort();
    let mut expected = vec![czech.clone(), online.clone()];
    expected.sort();
    assert_eq!(both, expected);
    for bad in [
        "from=tomorrow",
        "kind=party",
        "sort=name",
        "online=yes",
        "topic=Z9",
    ] {
        let response = app.get(&format!("/v1/events?{bad}")).await;
        assert!(
            response.status == 400 || response.status == 422,
            "{bad}: {} {}",
            response.status,
            response.json
        );
    }
    // Events are found by their organiser's name, also after it changes.
    let renamed = app
        .patch(
            &format!("/v1/companies/{organiser}"),
            &json!({"name": "Komora Sever"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.json);
    assert_eq!(ids(&app.get("/v1/events?q=Sever").await).len(), 2);
    // The organisation's own page lists them too.
    assert_eq!(
        ids(&app.get(&format!("/v1/companies/{organiser}/events")).await).len(),
        2
    );
}

async fn event_bodies_are_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    let bearer = owner.bearer();
    let post = |body: Value| {
        let bearer = bearer.clone();
        let app = &app;
        async move { app.post("/v1/events", &body, Some(&bearer)).await }
    };
    let mut body = exchange(&organiser, 5);
    body["ends_at"] = body["starts_at"].clone();
    body["title"] = json!({});
    body["venue"] = Value::Null;
    body["capacity"] = json!({"exhibitors": -1, "visitors": 20.0});
    body["topics"] = json!(["99.99"]);
    let mut fields = post(body).await.invalid_fields(422);
    fields.sort();
    assert_eq!(
        fields,
        ["/", "/capacity/exhibitors", "/title", "/topics/0", "/venue"]
    );
    let mut body = exchange(&organiser, 5);
    body["kind"] = json!("party");
    post(body).await.assert_problem(400, "invalid_body");
    let mut body = exchange(&organiser, 5);
    body["organiser"] = json!("me");
    post(body).await.assert_problem(400, "invalid_body");
    let event = app
        .created("/v1/events", &exchange(&organiser, 5), &owner)
        .await;
    let moved = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"organiser_id": "someone-else"}),
            Some(&bearer),
        )
        .await;
    assert_eq!(moved.invalid_fields(422), ["/organiser_id"]);
    let participants = app
        .post(
            &format!("/v1/events/{event}/registrations"),
            &json!({"company_id": organiser, "kind": "visitor", "participants": [{"name": " ", "email": "x", "language": "de"}]}),
            Some(&bearer),
        )
        .await;
    let mut fields = participants.invalid_fields(422);
    fields.sort();
    assert_eq!(fields, ["/participants/0/email", "/participants/0/name"]);
}

async fn participants_are_told_of_places_and_cancellations(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.sign_up("owner@kammer.example").await;
    let first = app.sign_up("owner@first.example").await;
    let second = app.sign_up("owner@second.example").await;
    let organiser = app
        .created(
            "/v1/companies",
            &chamber("Wirtschaftskammer Lausitz"),
            &owner,
        )
        .await;
    let event = app
        .created("/v1/events", &exchange(&organiser, 1), &owner)
        .await;
    let mut registered = Vec::new();
    for (who, name) in [(&first, "Erste GmbH"), (&second, "Zweite GmbH")] {
        let company = app.created("/v1/companies",
            &json!({"kind": "company", "name": name, "address": {"country": "DE"}, "status": "published"}),
            who,
        )
        .await;
        let path = format!("/v1/events/{event}/registrations");
        registered.push(
            app.created(&path, &registration(&company, "exhibitor", true), who)
                .await,
        );
    }
    let kinds = |who: &Session| {
        let bearer = who.bearer();
        let app = &app;
        async move {
            let listed = app.get_as("/v1/me/notifications", &bearer).await;
            listed.json["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|n| {
                    (
                        n["kind"].as_str().expect("kind").to_owned(),
                        n["body"].as_str().expect("body").to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    assert!(kinds(&second).await.is_empty());
    let cancelled = app
        .post(
            &format!("/v1/registrations/{}/cancel", registered[0]),
            &json!({}),
            Some(&first.bearer()),
        )
        .await;
    assert_eq!(cancelled.status, 200);
    let told = kinds(&second).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "registration_moved_up");
    assert!(
        told[0].1.contains("Zulieferbörse Oberlausitz"),
        "{}",
        told[0].1
    );

    // A new place is news; a new summary is not.
    let moved = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"venue": {"name": "Stadthalle", "address": {"postal_code": "02826", "city": "Görlitz", "country": "DE"}}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.json);
    let reworded = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"summary": {"de": "Neu formuliert."}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(reworded.status, 200);
    let told = kinds(&second).await;
    assert_eq!(told.len(), 2);
    assert_eq!(told[0].0, "event_changed");

    let off = app
        .patch(
            &format!("/v1/events/{event}"),
            &json!({"status": "cancelled"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(off.status, 200);
    let told = kinds(&second).await;
    assert_eq!(told[0].0, "event_cancelled");
    // The first organisation had cancelled already: it is not told.
    assert!(kinds(&first).await.is_empty());
}

on_both_backends!(
    participants_are_told_of_places_and_cancellations,
    authorisation_of_every_operation,
    concurrent_registrations_never_overbook,
    waiting_list_moves_up_in_order,
    deadline_double_registration_and_cancellation,
    calendars_keep_local_times_across_daylight_saving,
    search_in_german_finds_an_event_described_only_in_czech,
    event_bodies_are_checked,
);
