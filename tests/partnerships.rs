//! Partnership proposals: every step for each side, privacy of the thread, one open proposal
//! per pair, the daily limit, and the notifications and e-mails they cause.

use std::time::Duration;

use api::mail::{Outbox, Sender};
use domain::country::Country;
use domain::retry::Backoff;
use persistence::mail_outbox;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::fixtures::company;
use crate::support::smtp::{Received, SmtpServer};
use crate::support::{Backend, Session, TestApp};

async fn organisation(app: &TestApp, owner: &Session, name: &str) -> String {
    let created = app
        .post(
            "/v1/companies",
            &json!({"kind": "company", "name": name, "address": {"country": "DE"}, "status": "published"}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    created.json["id"].as_str().expect("id").to_owned()
}

fn proposal(from: &str, to: &str) -> Value {
    json!({
        "from_company_id": from,
        "to_company_id": to,
        "type": "subcontracting",
        "message": "Wir fertigen Ihre Aluminiumteile in Serie."
    })
}

/// Two organisations with an owner each, and a proposal from the first to the second.
struct Pair {
    app: TestApp,
    proposer: Session,
    receiver: Session,
    from: String,
    to: String,
}

async fn pair(backend: Backend) -> Pair {
    let app = TestApp::spawn(backend).await;
    let proposer = app.sign_up("owner@feinmechanik.example").await;
    let receiver = app.sign_up("owner@strojirna.example").await;
    let from = organisation(&app, &proposer, "Feinmechanik Zittau GmbH").await;
    let to = organisation(&app, &receiver, "Strojírna Novák s.r.o.").await;
    Pair {
        app,
        proposer,
        receiver,
        from,
        to,
    }
}

impl Pair {
    async fn propose(&self) -> String {
        self.propose_as(&self.proposer).await
    }

    async fn propose_as(&self, proposer: &Session) -> String {
        let response = self
            .app
            .post(
                "/v1/partnerships",
                &proposal(&self.from, &self.to),
                Some(&proposer.bearer()),
            )
            .await;
        assert_eq!(response.status, 201, "{}", response.json);
        assert_eq!(response.json["status"], "proposed");
        assert_eq!(response.json["allowed_steps"], json!(["withdraw"]));
        response.json["id"].as_str().expect("id").to_owned()
    }

    async fn step(&self, id: &str, who: &Session, step: &str) -> crate::support::Response {
        self.app
            .post(
                &format!("/v1/partnerships/{id}/steps"),
                &json!({"step": step, "message": format!("{step}!")}),
                Some(&who.bearer()),
            )
            .await
    }
}

type Reach = (
    &'static str,
    &'static [(&'static str, bool)],
    &'static [&'static str],
    &'static [&'static str],
);

/// Every step from every status for each side: the allowed ones move the partnership, the
/// others are 409 naming what the side may do.
async fn every_step_for_each_side(backend: Backend) {
    let pair = pair(backend).await;
    let steps = ["accept", "decline", "withdraw", "end"];
    // The way to reach each status from a new proposal (steps, and whether the proposer
    // takes them), and what the proposer and the receiver may do there.
    let statuses: [Reach; 5] = [
        ("proposed", &[], &["withdraw"], &["accept", "decline"]),
        ("accepted", &[("accept", false)], &["end"], &["end"]),
        ("declined", &[("decline", false)], &[], &[]),
        ("withdrawn", &[("withdraw", true)], &[], &[]),
        ("ended", &[("accept", false), ("end", true)], &[], &[]),
    ];
    for (n, (status, path, proposer_may, receiver_may)) in statuses.into_iter().enumerate() {
        // A member of the proposing organisation per status: each proposes 8 times, within
        // the daily limit of one user.
        let email = format!("member{n}@feinmechanik.example");
        let member = pair.app.sign_up(&email).await;
        let added = pair
            .app
            .post(
                &format!("/v1/companies/{}/members", pair.from),
                &json!({"email": email}),
                Some(&pair.proposer.bearer()),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.json);
        for (side, may) in [("proposer", proposer_may), ("receiver", receiver_may)] {
            for step in steps {
                let id = pair.propose_as(&member).await;
                for (taken, by_proposer) in path {
                    let who = if *by_proposer {
                        &member
                    } else {
                        &pair.receiver
                    };
                    let moved = pair.step(&id, who, taken).await;
                    assert_eq!(moved.status, 200, "{taken}: {}", moved.json);
                }
                let who = if side == "proposer" {
                    &member
                } else {
                    &pair.receiver
                };
                let response = pair.step(&id, who, step).await;
                if may.contains(&step) {
                    assert_eq!(
                        response.status, 200,
                        "{status}/{side}/{step}: {}",
                        response.json
                    );
                    let thread = response.json["thread"].as_array().expect("thread");
                    let last = thread.last().expect("a step");
                    assert_eq!(last["step"], step);
                    assert_eq!(last["side"], side);
                    assert_eq!(last["message"], format!("{step}!"));
                    assert_eq!(thread[0]["step"], "propose");
                } else {
                    let problem = response.assert_problem(409, "invalid_transition");
                    let detail = problem["detail"].as_str().expect("detail");
                    let allowed = if may.is_empty() {
                        "nothing more".to_owned()
                    } else {
                        may.join(", ")
                    };
                    assert!(
                        detail.ends_with(&allowed),
                        "{status}/{side}/{step}: {detail}"
                    );
                }
                // Close it so the pair may propose again.
                let now = pair
                    .app
                    .get_as(&format!("/v1/partnerships/{id}"), &pair.proposer.bearer())
                    .await;
                if now.json["status"] == "proposed" {
                    assert_eq!(pair.step(&id, &member, "withdraw").await.status, 200);
                }
            }
        }
    }
}

async fn nobody_else_sees_a_partnership(backend: Backend) {
    let pair = pair(backend).await;
    let id = pair.propose().await;
    let third = pair.app.sign_up("owner@third.example").await;
    let other = organisation(&pair.app, &third, "Dritte GmbH").await;
    // A verified chamber's API key, which reads the directory but no partnership.
    let chamber = pair
        .app
        .post(
            "/v1/companies",
            &json!({"kind": "multiplier", "name": "IHK Dresden", "address": {"country": "DE"}, "status": "published"}),
            Some(&third.bearer()),
        )
        .await;
    let chamber = chamber.json["id"].as_str().expect("id").to_owned();
    pair.app.verify(&chamber).await;
    let admin = pair.app.log_in("admin@partnernet.example").await;
    let key = pair
        .app
        .post(
            &format!("/v1/companies/{chamber}/api-keys"),
            &json!({"name": "CRM", "scopes": ["read"]}),
            Some(&third.bearer()),
        )
        .await;
    assert_eq!(key.status, 201, "{}", key.json);
    let path = format!("/v1/partnerships/{id}");
    pair.app
        .get(&path)
        .await
        .assert_problem(401, "unauthenticated");
    pair.app
        .get_as(&path, &third.bearer())
        .await
        .assert_problem(404, "not_found");
    pair.app
        .get_as(&path, &admin.bearer())
        .await
        .assert_problem(404, "not_found");
    let secret = format!("Bearer {}", key.json["secret"].as_str().expect("secret"));
    pair.app
        .get_as(&path, &secret)
        .await
        .assert_problem(403, "forbidden");
    for who in [&third, &admin] {
        pair.step(&id, who, "accept")
            .await
            .assert_problem(404, "not_found");
        let listed = pair.app.get_as("/v1/partnerships", &who.bearer()).await;
        assert_eq!(listed.json["items"], json!([]));
    }
    // Proposing in another organisation's name is refused.
    pair.app
        .post(
            "/v1/partnerships",
            &proposal(&pair.to, &other),
            Some(&third.bearer()),
        )
        .await
        .assert_problem(403, "forbidden");
    // Both sides see it, each from its direction.
    let outgoing = pair
        .app
        .get_as(
            "/v1/partnerships?direction=outgoing",
            &pair.proposer.bearer(),
        )
        .await;
    assert_eq!(outgoing.json["items"][0]["id"], id.as_str());
    let incoming = pair
        .app
        .get_as(
            "/v1/partnerships?direction=incoming",
            &pair.receiver.bearer(),
        )
        .await;
    assert_eq!(incoming.json["items"][0]["id"], id.as_str());
    assert_eq!(
        incoming.json["items"][0]["allowed_steps"],
        json!(["accept", "decline"])
    );
    let none = pair
        .app
        .get_as(
            "/v1/partnerships?direction=incoming",
            &pair.proposer.bearer(),
        )
        .await;
    assert_eq!(none.json["items"], json!([]));
    let filtered = pair
        .app
        .get_as(
            &format!("/v1/partnerships?status=proposed&counterpart={}", pair.to),
            &pair.proposer.bearer(),
        )
        .await;
    assert_eq!(filtered.json["items"].as_array().expect("items").len(), 1);
}

async fn one_open_proposal_per_pair_and_a_daily_limit(backend: Backend) {
    let pair = pair(backend).await;
    let id = pair.propose().await;
    // Neither side opens a second one while it is open.
    pair.app
        .post(
            "/v1/partnerships",
            &proposal(&pair.from, &pair.to),
            Some(&pair.proposer.bearer()),
        )
        .await
        .assert_problem(409, "open_proposal");
    pair.app
        .post(
            "/v1/partnerships",
            &proposal(&pair.to, &pair.from),
            Some(&pair.receiver.bearer()),
        )
        .await
        .assert_problem(409, "open_proposal");
    assert_eq!(pair.step(&id, &pair.receiver, "decline").await.status, 200);
    pair.propose().await;

    // Bad references are named.
    let mut body = proposal(&pair.from, &pair.from);
    body["event_id"] = json!("no-such-event");
    assert_eq!(
        pair.app
            .post("/v1/partnerships", &body, Some(&pair.proposer.bearer()))
            .await
            .invalid_fields(422),
        ["/to_company_id"]
    );

    // The default limit is 20 proposals a day; the proposer made 2.
    let names: Vec<String> = (0..19).map(|n| format!("Empfänger {n:02} GmbH")).collect();
    pair.app
        .insert(
            names
                .iter()
                .map(|name| company(name, Country::Germany, "01067", &["25.62"]))
                .collect(),
        )
        .await;
    let names_for_lookup = names.clone();
    let targets: Vec<String> = pair
        .app
        .db
        .blocking(move |conn| {
            names_for_lookup
                .iter()
                .map(|name| {
                    persistence::companies::named(conn, name)?
                        .ok_or_else(|| anyhow::anyhow!("{name} was inserted"))
                })
                .collect()
        })
        .expect("targets found");
    for target in &targets[..18] {
        let response = pair
            .app
            .post(
                "/v1/partnerships",
                &proposal(&pair.from, target),
                Some(&pair.proposer.bearer()),
            )
            .await;
        assert_eq!(response.status, 201, "{}", response.json);
    }
    let limited = pair
        .app
        .post(
            "/v1/partnerships",
            &proposal(&pair.from, &targets[18]),
            Some(&pair.proposer.bearer()),
        )
        .await;
    limited.assert_problem(429, "too_many_requests");
    let retry: u64 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!(retry > 23 * 3600 && retry <= 24 * 3600, "{retry}");
}

/// The notifications of a user: (kind, title, body), newest first, and the unread count.
async fn notifications(app: &TestApp, who: &Session) -> (Vec<(String, String, String)>, u64) {
    let response = app.get_as("/v1/me/notifications", &who.bearer()).await;
    assert_eq!(response.status, 200, "{}", response.json);
    let unread = response
        .header("x-unread-count")
        .expect("X-Unread-Count")
        .parse()
        .expect("a count");
    let items = response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| {
            let text = |key: &str| n[key].as_str().expect("text").to_owned();
            (text("kind"), text("title"), text("body"))
        })
        .collect();
    (items, unread)
}

async fn both_sides_are_told_in_their_language(backend: Backend) {
    let pair = pair(backend).await;
    let czech = pair
        .app
        .patch(
            "/v1/me",
            &json!({"language": "cs"}),
            Some(&pair.receiver.bearer()),
        )
        .await;
    assert_eq!(czech.status, 200, "{}", czech.json);
    let id = pair.propose().await;
    let (told, unread) = notifications(&pair.app, &pair.receiver).await;
    assert_eq!(
        told,
        [(
            "partnership_proposed".to_owned(),
            "Nový návrh partnerství".to_owned(),
            "Feinmechanik Zittau GmbH navrhuje vaší organizaci partnerství.".to_owned()
        )]
    );
    assert_eq!(unread, 1);
    assert_eq!(notifications(&pair.app, &pair.proposer).await.0, []);

    assert_eq!(pair.step(&id, &pair.receiver, "accept").await.status, 200);
    let (told, _) = notifications(&pair.app, &pair.proposer).await;
    assert_eq!(
        told,
        [(
            "partnership_accepted".to_owned(),
            "Partnerschaft angenommen".to_owned(),
            "Strojírna Novák s.r.o. hat Ihren Vorschlag angenommen.".to_owned()
        )]
    );

    // Read: the count drops; nobody marks another's notification.
    let listed = pair
        .app
        .get_as("/v1/me/notifications?unread=true", &pair.receiver.bearer())
        .await;
    let notification = listed.json["items"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/v1/me/notifications/{notification}/read");
    pair.app
        .post(&path, &json!({}), Some(&pair.proposer.bearer()))
        .await
        .assert_problem(404, "not_found");
    let read = pair
        .app
        .post(&path, &json!({}), Some(&pair.receiver.bearer()))
        .await;
    assert_eq!(read.status, 204);
    assert_eq!(notifications(&pair.app, &pair.receiver).await.1, 0);
    let unread_only = pair
        .app
        .get_as("/v1/me/notifications?unread=true", &pair.receiver.bearer())
        .await;
    assert_eq!(unread_only.json["items"], json!([]));
}

/// The ids of a user's notifications.
async fn notification_ids(app: &TestApp, who: &Session) -> Vec<String> {
    let response = app.get_as("/v1/me/notifications", &who.bearer()).await;
    assert_eq!(response.status, 200, "{}", response.json);
    response.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Rounds of two servers' senders at once until the mail server has taken `count` messages.
async fn deliver_until(servers: &[Outbox; 2], smtp: &SmtpServer, count: usize) {
    for _ in 0..200 {
        if smtp.received().len() >= count {
            break;
        }
        let (a, b) =
            futures_util::future::join(servers[0].deliver_due(), servers[1].deliver_due()).await;
        a.expect("a round");
        b.expect("a round");
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
    }
    // Once more: nothing is sent again.
    for server in servers {
        assert_eq!(server.deliver_due().await.expect("a round").sent, 0);
    }
}

async fn e_mails_survive_a_failing_mail_server(backend: Backend) {
    let pair = pair(backend).await;
    let id = pair.propose().await;
    assert_eq!(pair.step(&id, &pair.receiver, "accept").await.status, 200);
    // Two servers, one mail server that turns away the first three sessions.
    let smtp = SmtpServer::start(3);
    let retry = Backoff {
        first: Duration::from_millis(5),
        longest: Duration::from_millis(20),
        window: Duration::from_secs(3600),
    };
    let from = "PartnerNet <no-reply@partnernet.example>";
    let outbox = || {
        let sender = Sender::smtp(&smtp.url(), from).expect("an SMTP sender");
        Outbox::new(pair.app.db.clone(), sender, retry)
    };
    let servers = [outbox(), outbox()];
    deliver_until(&servers, &smtp, 2).await;
    assert_eq!(smtp.turned_away(), 3);

    let mut expected = Vec::new();
    for (who, to) in [
        (&pair.receiver, "owner@strojirna.example"),
        (&pair.proposer, "owner@feinmechanik.example"),
    ] {
        for id in notification_ids(&pair.app, who).await {
            expected.push(Received {
                to: to.to_owned(),
                message_id: format!("<{id}@partnernet.example>"),
            });
        }
    }
    let sorted = |mut messages: Vec<Received>| {
        messages.sort_by(|a, b| a.message_id.cmp(&b.message_id));
        messages
    };
    // Each notification's e-mail exactly once, to its recipient.
    assert_eq!(sorted(smtp.received()), sorted(expected.clone()));

    // A server that crashes holding an e-mail: nobody sends it while the claim lasts; after,
    // another server does, once.
    assert_eq!(pair.step(&id, &pair.proposer, "end").await.status, 200);
    let claimed = pair
        .app
        .db
        .blocking(|conn| {
            Ok(mail_outbox::claim_next(
                conn,
                persistence::clock::now(),
                Duration::from_millis(300),
            )?)
        })
        .expect("a claim")
        .expect("the e-mail of the ended partnership");
    assert_eq!(servers[0].deliver_due().await.expect("a round").sent, 0);
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    deliver_until(&servers, &smtp, 3).await;
    let received = smtp.received();
    assert_eq!(received.len(), 3, "{received:?}");
    assert_eq!(
        received[2].message_id,
        format!("<{}@partnernet.example>", claimed.id)
    );
    assert_eq!(received[2].to, "owner@strojirna.example");
}

/// A published opportunity of the receiving side, valid for two months.
async fn receivers_request(pair: &Pair, status: &str) -> String {
    let valid_until = (chrono::Utc::now() + chrono::Duration::days(60))
        .format("%Y-%m-%d")
        .to_string();
    let body = json!({
        "company_id": pair.to,
        "type": "business_request",
        "title": {"de": "Suche Lohnfertiger für Aluminiumteile"},
        "partnership_types": ["subcontracting"],
        "valid_until": valid_until,
        "status": status
    });
    let created = pair
        .app
        .post("/v1/opportunities", &body, Some(&pair.receiver.bearer()))
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    created.json["id"].as_str().expect("id").to_owned()
}

/// What a proposal refers to must exist and fit: the receiver's own published opportunity, a
/// public event.
async fn what_a_proposal_names_is_checked(backend: Backend) {
    let pair = pair(backend).await;
    let draft = receivers_request(&pair, "draft").await;
    let published = receivers_request(&pair, "published").await;
    // The proposer's own opportunity is not the receiver's.
    let own = json!({
        "company_id": pair.from,
        "type": "business_offer",
        "title": {"de": "Aluminiumteile in Serie"},
        "partnership_types": ["subcontracting"],
        "valid_until": (chrono::Utc::now() + chrono::Duration::days(60)).format("%Y-%m-%d").to_string(),
        "status": "published"
    });
    let own = pair
        .app
        .post("/v1/opportunities", &own, Some(&pair.proposer.bearer()))
        .await;
    assert_eq!(own.status, 201, "{}", own.json);
    let own = own.json["id"].as_str().expect("id").to_owned();
    for (field, value, code) in [
        ("opportunity_id", draft.as_str(), "not_theirs"),
        ("opportunity_id", own.as_str(), "not_theirs"),
        ("opportunity_id", "no-such-opportunity", "not_theirs"),
        ("event_id", "no-such-event", "unknown_event"),
    ] {
        let mut body = proposal(&pair.from, &pair.to);
        body[field] = json!(value);
        let refused = pair
            .app
            .post("/v1/partnerships", &body, Some(&pair.proposer.bearer()))
            .await;
        let problem = refused.assert_problem(422, "invalid_body");
        assert_eq!(
            problem["errors"][0]["pointer"],
            format!("/{field}"),
            "{value}"
        );
        assert_eq!(problem["errors"][0]["code"], code, "{value}");
    }
    // Nothing was proposed by the refusals.
    let listed = pair
        .app
        .get_as("/v1/partnerships", &pair.proposer.bearer())
        .await;
    assert_eq!(listed.json["items"], json!([]));

    // An answer to the receiver's published request is an expression of interest.
    let mut body = proposal(&pair.from, &pair.to);
    body["opportunity_id"] = json!(published);
    let answered = pair
        .app
        .post("/v1/partnerships", &body, Some(&pair.proposer.bearer()))
        .await;
    assert_eq!(answered.status, 201, "{}", answered.json);
    assert_eq!(answered.json["opportunity_id"], json!(published));
    let (told, _) = notifications(&pair.app, &pair.receiver).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "interest_expressed");
    assert_eq!(
        told[0].2,
        "Feinmechanik Zittau GmbH interessiert sich für Ihre Kooperationsanfrage und schlägt eine Partnerschaft vor."
    );
}

on_both_backends!(
    both_sides_are_told_in_their_language,
    what_a_proposal_names_is_checked,
    e_mails_survive_a_failing_mail_server,
    every_step_for_each_side,
    nobody_else_sees_a_partnership,
    one_open_proposal_per_pair_and_a_daily_limit,
);
