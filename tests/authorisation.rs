//! Who may change what: the authorisation matrix, mass assignment, lost updates, drafts,
//! contact persons, API keys and the change history.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, Session, TestApp};

/// A published multiplier institution with every writable field set.
fn chamber() -> Value {
    json!({
        "kind": "multiplier",
        "name": "Wirtschaftskammer Grenzland e.V.",
        "legal_form": "de_ev",
        "address": {"street": "Postplatz 1", "postal_code": "02826", "city": "Görlitz", "country": "DE"},
        "industries": ["94.11"],
        "website": "https://kammer.example",
        "email": "info@kammer.example",
        "phone": "+49 3581 123",
        "description": {"de": "Wir verbinden Unternehmen beiderseits der Grenze."},
        "languages": ["de", "cs"],
        "contact_persons": [{"name": "Katrin Vogel", "role": "Netzwerk", "email": "vogel@kammer.example", "languages": ["de"]}],
        "status": "published"
    })
}

/// The callers of the matrix, in the order of its columns.
struct Callers {
    stranger: Session,
    editor: Session,
    owner: Session,
    admin: Session,
    read_key: String,
    stats_key: String,
}

impl Callers {
    fn all(&self) -> [Option<String>; 7] {
        [
            None,
            Some(self.stranger.bearer()),
            Some(self.editor.bearer()),
            Some(self.owner.bearer()),
            Some(self.admin.bearer()),
            Some(format!("Bearer {}", self.read_key)),
            Some(format!("Bearer {}", self.stats_key)),
        ]
    }
}

const COLUMNS: [&str; 7] = [
    "anonymous",
    "stranger",
    "editor",
    "owner",
    "admin",
    "key with read",
    "key without read",
];

async fn create_company(app: &TestApp, session: &Session, body: &Value) -> String {
    let created = app
        .post("/v1/companies", body, Some(&session.bearer()))
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    created.json["id"].as_str().expect("id").to_owned()
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

async fn new_key(
    app: &TestApp,
    company: &str,
    session: &Session,
    scopes: &[&str],
) -> (String, String) {
    let created = app
        .post(
            &format!("/v1/companies/{company}/api-keys"),
            &json!({"name": "CRM", "scopes": scopes}),
            Some(&session.bearer()),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    (
        created.json["id"].as_str().expect("id").to_owned(),
        created.json["secret"].as_str().expect("secret").to_owned(),
    )
}

async fn setup(app: &TestApp) -> (Callers, String) {
    let owner = app.sign_up("owner@kammer.example").await;
    let editor = app.sign_up("editor@kammer.example").await;
    let stranger = app.sign_up("stranger@example.cz").await;
    let admin = app.admin().await;
    let company = create_company(app, &owner, &chamber()).await;
    app.verify(&company).await;
    add_member(app, &company, &owner, "editor@kammer.example").await;
    let (_, read_key) = new_key(app, &company, &owner, &["read", "export"]).await;
    let (_, stats_key) = new_key(app, &company, &owner, &["stats"]).await;
    let callers = Callers {
        stranger,
        editor,
        owner,
        admin,
        read_key,
        stats_key,
    };
    (callers, company)
}

async fn authorisation_matrix(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (callers, company) = setup(&app).await;
    for n in 0..7 {
        app.sign_up(&format!("newcomer{n}@example.cz")).await;
    }
    // Things each column's request may consume, made one per column by the owner.
    let mut targets = Vec::new();
    let mut keys = Vec::new();
    for n in 0..7 {
        let mut body = chamber();
        body["name"] = json!(format!("Throwaway {n}"));
        targets.push(create_company(&app, &callers.owner, &body).await);
        keys.push(new_key(&app, &company, &callers.owner, &["read"]).await.0);
        add_member(
            &app,
            &company,
            &callers.owner,
            &format!("newcomer{n}@example.cz"),
        )
        .await;
    }
    let newcomers: Vec<String> = {
        let members = app
            .get_as(
                &format!("/v1/companies/{company}/members"),
                &callers.owner.bearer(),
            )
            .await;
        members.json["items"]
            .as_array()
            .expect("members")
            .iter()
            .filter(|m| {
                m["email"]
                    .as_str()
                    .is_some_and(|e| e.starts_with("newcomer"))
            })
            .map(|m| m["user_id"].as_str().expect("id").to_owned())
            .collect()
    };
    assert_eq!(newcomers.len(), 7);

    // The editor's column may delete a throwaway company only as a member of it.
    add_member(&app, &targets[2], &callers.owner, "editor@kammer.example").await;
    // Verified and unverified by the administrator's column; not the chamber, whose keys hold
    // only while it is verified.
    let mut plain = chamber();
    plain["kind"] = json!("company");
    plain["name"] = json!("Prüfling GmbH");
    let checked = create_company(&app, &callers.owner, &plain).await;
    let v = &checked;
    let c = &company;
    #[allow(clippy::type_complexity)]
    let cases: Vec<(
        &str,
        Box<dyn Fn(usize) -> String + '_>,
        Option<Value>,
        [u16; 7],
    )> = vec![
        (
            "POST",
            Box::new(|n| format!("/v1/companies#{n}")),
            Some(
                json!({"kind": "company", "name": "Nová firma s.r.o.", "address": {"country": "CZ"}}),
            ),
            [401, 201, 201, 201, 201, 403, 403],
        ),
        (
            "PATCH",
            Box::new(move |_| format!("/v1/companies/{c}")),
            Some(json!({"description": {"en": "Connecting companies."}})),
            [401, 403, 200, 200, 200, 403, 403],
        ),
        (
            "POST",
            Box::new(move |_| format!("/v1/companies/{v}/verify")),
            None,
            [401, 403, 403, 403, 200, 403, 403],
        ),
        (
            "DELETE",
            Box::new(move |_| format!("/v1/companies/{v}/verify")),
            None,
            [401, 403, 403, 403, 200, 403, 403],
        ),
        (
            "POST",
            Box::new(move |_| format!("/v1/companies/{c}/api-keys")),
            Some(json!({"name": "ERP", "scopes": ["read"]})),
            [401, 403, 201, 201, 201, 403, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/companies/{c}/api-keys")),
            None,
            [401, 403, 200, 200, 200, 403, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/companies/{c}/members")),
            None,
            [401, 403, 200, 200, 200, 403, 403],
        ),
        (
            "GET",
            Box::new(move |_| format!("/v1/companies/{c}/history")),
            None,
            [401, 403, 200, 200, 200, 403, 403],
        ),
        (
            "PATCH",
            Box::new(|_| "/v1/me".to_owned()),
            Some(json!({"language": "cs"})),
            [401, 200, 200, 200, 200, 403, 403],
        ),
        (
            "POST",
            Box::new(|_| "/v1/me/password".to_owned()),
            Some(json!({"current_password": "x", "new_password": "y"})),
            [401, 422, 422, 422, 422, 403, 403],
        ),
        (
            "DELETE",
            Box::new(|_| "/v1/me#keys-only".to_owned()),
            None,
            [401, 0, 0, 0, 0, 403, 403],
        ),
        // These consume their target, so each column has its own.
        (
            "DELETE",
            Box::new(|n| format!("/v1/companies/{}/api-keys/{}", c, keys[n])),
            None,
            [401, 403, 204, 204, 204, 403, 403],
        ),
        (
            "DELETE",
            Box::new(|n| format!("/v1/companies/{}/members/{}", c, newcomers[n])),
            None,
            [401, 403, 403, 204, 204, 403, 403],
        ),
        (
            "DELETE",
            Box::new(|n| format!("/v1/companies/{}", targets[n])),
            None,
            [401, 403, 403, 204, 204, 403, 403],
        ),
    ];
    for (method, path, body, expected) in &cases {
        for (column, bearer) in callers.all().iter().enumerate() {
            if expected[column] == 0 {
                continue;
            }
            let path = path(column);
            let path = path.split('#').next().expect("path");
            let auth: Vec<(&str, &str)> = bearer
                .iter()
                .map(|b| ("authorization", b.as_str()))
                .collect();
            let response = app.send(method, path, body.as_ref(), &auth).await;
            assert_eq!(
                response.status.as_u16(),
                expected[column],
                "{method} {path} as {}: {}",
                COLUMNS[column],
                response.json
            );
        }
    }

    // Members removed: the editor's and stranger's attempts left theirs in place.
    let members = app
        .get_as(
            &format!("/v1/companies/{company}/members"),
            &callers.owner.bearer(),
        )
        .await;
    assert_eq!(
        members.json["items"].as_array().expect("members").len(),
        2 + 5
    );
}

async fn mass_assignment_is_refused_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (callers, company) = setup(&app).await;
    let path = format!("/v1/companies/{company}");
    let before = app.get_as(&path, &callers.owner.bearer()).await;
    for (field, value) in [
        ("verified", json!(false)),
        ("owner_id", json!(callers.stranger.user_id)),
        ("role", json!("owner")),
        ("version", json!(99)),
        ("id", json!("other")),
        ("created_at", json!("2000-01-01T00:00:00Z")),
    ] {
        let mut body = json!({"name": "Renamed"});
        body[field] = value;
        let response = app.patch(&path, &body, Some(&callers.owner.bearer())).await;
        let problem = response.assert_problem(400, "invalid_body");
        assert_eq!(problem["errors"][0]["pointer"], format!("/{field}"));
        assert_eq!(problem["errors"][0]["code"], "read_only");
        let mut create = chamber();
        create[field] = json!(true);
        app.post("/v1/companies", &create, Some(&callers.owner.bearer()))
            .await
            .assert_problem(400, "invalid_body");
    }
    let after = app.get_as(&path, &callers.owner.bearer()).await;
    assert_eq!(before.json, after.json, "nothing changed");
    assert_eq!(after.json["verified"], true);
    let register = json!({"email": "x@example.cz", "password": "long enough password", "name": "X", "language": "de", "role": "admin"});
    app.post("/v1/auth/register", &register, None)
        .await
        .assert_problem(400, "invalid_body");
    // Invalid values are named; nothing is half-written.
    let invalid = app
        .patch(&path, &json!({"name": "Renamed", "website": "javascript:alert(1)", "industries": ["16"], "address": {"postal_code": "1"}}), Some(&callers.owner.bearer()))
        .await;
    assert_eq!(
        invalid.invalid_fields(422),
        ["/address/postal_code", "/industries/0", "/website"]
    );
    assert_eq!(
        app.get_as(&path, &callers.owner.bearer()).await.json,
        after.json
    );
    // Bodies that are not JSON, or too large, are refused with problems too.
    let text = app
        .send(
            "PATCH",
            &path,
            None,
            &[
                ("authorization", &callers.owner.bearer()),
                ("content-type", "text/plain"),
            ],
        )
        .await;
    text.assert_problem(415, "unsupported_media_type");
    app.patch(&path, &json!("Renamed"), Some(&callers.owner.bearer()))
        .await
        .assert_problem(400, "invalid_body");
    let huge = json!({"description": {"de": "x".repeat(1_100_000)}});
    app.patch(&path, &huge, Some(&callers.owner.bearer()))
        .await
        .assert_problem(413, "payload_too_large");
}

async fn edits_honour_if_match_and_roles(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (callers, company) = setup(&app).await;
    let path = format!("/v1/companies/{company}");
    let read = app.get_as(&path, &callers.editor.bearer()).await;
    let etag = read.header("etag").expect("ETag").to_owned();
    let edit = json!({"description": {"cs": "Spojujeme firmy na obou stranách hranice."}});
    let first = app
        .send(
            "PATCH",
            &path,
            Some(&edit),
            &[
                ("authorization", &callers.editor.bearer()),
                ("if-match", &etag),
            ],
        )
        .await;
    assert_eq!(first.status, 200, "{}", first.json);
    assert_eq!(
        first.json["version"],
        read.json["version"].as_i64().expect("version") + 1
    );
    assert_eq!(
        first.json["description"]["de"], read.json["description"]["de"],
        "merge keeps other languages"
    );
    // The same stale ETag again: somebody changed it meanwhile.
    let stale = app
        .send(
            "PATCH",
            &path,
            Some(&json!({"name": "Lost update"})),
            &[
                ("authorization", &callers.owner.bearer()),
                ("if-match", &etag),
            ],
        )
        .await;
    stale.assert_problem(412, "precondition_failed");
    app.send(
        "DELETE",
        &path,
        None,
        &[
            ("authorization", &callers.owner.bearer()),
            ("if-match", &etag),
        ],
    )
    .await
    .assert_problem(412, "precondition_failed");
    // Editors edit but do not publish or unpublish.
    app.patch(
        &path,
        &json!({"status": "draft"}),
        Some(&callers.editor.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    let unpublished = app
        .patch(
            &path,
            &json!({"status": "draft"}),
            Some(&callers.owner.bearer()),
        )
        .await;
    assert_eq!(unpublished.json["status"], "draft");
    // A draft is invisible to outsiders, keys included, and visible to members and admins.
    app.get(&path).await.assert_problem(404, "not_found");
    app.get_as(&path, &callers.stranger.bearer())
        .await
        .assert_problem(404, "not_found");
    app.get_as(&path, &format!("Bearer {}", callers.read_key))
        .await
        .assert_problem(404, "not_found");
    app.patch(
        &path,
        &json!({"name": "x"}),
        Some(&callers.stranger.bearer()),
    )
    .await
    .assert_problem(404, "not_found");
    assert_eq!(
        app.get_as(&path, &callers.editor.bearer()).await.status,
        200
    );
    assert_eq!(app.get_as(&path, &callers.admin.bearer()).await.status, 200);
    assert!(
        app.get("/v1/companies").await.json["items"]
            .as_array()
            .expect("items")
            .is_empty()
    );
    // The last owner cannot leave; an editor can.
    let owner_leaves = app
        .delete(
            &format!("{path}/members/{}", callers.owner.user_id),
            Some(&callers.owner.bearer()),
        )
        .await;
    owner_leaves.assert_problem(409, "last_owner");
    let editor_leaves = app
        .delete(
            &format!("{path}/members/{}", callers.editor.user_id),
            Some(&callers.editor.bearer()),
        )
        .await;
    assert_eq!(editor_leaves.status, 204);
    app.patch(&path, &json!({"name": "x"}), Some(&callers.editor.bearer()))
        .await
        .assert_problem(404, "not_found");
}

async fn contacts_keys_and_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (callers, company) = setup(&app).await;
    let path = format!("/v1/companies/{company}");
    let public = app.get(&path).await;
    assert_eq!(public.status, 200);
    assert!(
        public.json.get("contact_persons").is_none(),
        "anonymous callers see no personal data"
    );
    let signed_in = app.get_as(&path, &callers.stranger.bearer()).await;
    assert_eq!(signed_in.json["contact_persons"][0]["name"], "Katrin Vogel");
    assert_ne!(public.header("etag"), signed_in.header("etag"));
    let by_key = app
        .get_as(&path, &format!("Bearer {}", callers.read_key))
        .await;
    assert_eq!(
        by_key.json["contact_persons"][0]["email"],
        "vogel@kammer.example"
    );
    app.get_as(&path, &format!("Bearer {}", callers.stats_key))
        .await
        .assert_problem(403, "insufficient_scope");
    app.get_as(
        &path,
        "Bearer pn_unknownkeyunknownkeyunknownkeyunknownkey12",
    )
    .await
    .assert_problem(401, "invalid_token");
    let listed = app
        .get_as("/v1/companies", &format!("Bearer {}", callers.read_key))
        .await;
    assert_eq!(
        listed.json["items"][0]["contact_persons"][0]["name"],
        "Katrin Vogel"
    );

    // Keys are listed without secrets, with their use, and stop working when revoked.
    let keys = app
        .get_as(&format!("{path}/api-keys"), &callers.owner.bearer())
        .await;
    let listed_keys = keys.json["items"].as_array().expect("keys");
    assert_eq!(listed_keys.len(), 2);
    assert!(
        listed_keys.iter().all(|k| k.get("secret").is_none()
            && k["prefix"].as_str().is_some_and(|p| p.starts_with("pn_")))
    );
    let read_entry = listed_keys
        .iter()
        .find(|k| k["scopes"] == json!(["export", "read"]))
        .expect("read key");
    assert!(read_entry["last_used_at"].is_string());
    let revoked = app
        .delete(
            &format!("{path}/api-keys/{}", read_entry["id"].as_str().expect("id")),
            Some(&callers.owner.bearer()),
        )
        .await;
    assert_eq!(revoked.status, 204);
    app.get_as(&path, &format!("Bearer {}", callers.read_key))
        .await
        .assert_problem(401, "invalid_token");

    // The history names who changed which fields.
    app.patch(
        &path,
        &json!({"website": "https://kammer.example/cz", "phone": "+49 3581 999"}),
        Some(&callers.editor.bearer()),
    )
    .await;
    let history = app
        .get_as(&format!("{path}/history?limit=2"), &callers.owner.bearer())
        .await;
    assert_eq!(history.status, 200);
    let latest = &history.json["items"][0];
    assert_eq!(latest["action"], "updated");
    assert_eq!(latest["fields"], json!(["phone", "website"]));
    assert_eq!(latest["actor"]["kind"], "user");
    assert_eq!(latest["actor"]["id"], callers.editor.user_id.as_str());
    assert_eq!(history.json["items"][1]["action"], "api_key_revoked");
    let next = history.json["next_cursor"].as_str().expect("more pages");
    let rest = app
        .get_as(
            &format!("{path}/history?cursor={next}&limit=100"),
            &callers.owner.bearer(),
        )
        .await;
    let actions: Vec<&str> = rest.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["action"].as_str().expect("action"))
        .collect();
    assert_eq!(actions.last(), Some(&"created"));
    assert!(actions.contains(&"member_added") && actions.contains(&"api_key_created"));

    // Keys are for multiplier institutions an administrator has verified, and work only while
    // they are.
    let mut plain = chamber();
    plain["kind"] = json!("company");
    plain["name"] = json!("Holzbau Zittau GmbH");
    let other = create_company(&app, &callers.owner, &plain).await;
    let mut second = chamber();
    second["name"] = json!("Hospodářská komora Liberec");
    let unverified = create_company(&app, &callers.owner, &second).await;
    for refused in [&other, &unverified] {
        app.post(
            &format!("/v1/companies/{refused}/api-keys"),
            &json!({"name": "x", "scopes": ["read"]}),
            Some(&callers.owner.bearer()),
        )
        .await
        .assert_problem(409, "not_a_verified_multiplier");
    }
    let stats = format!("Bearer {}", callers.stats_key);
    let reads_stats = || app.get_as("/v1/me", &stats);
    reads_stats().await.assert_problem(403, "forbidden");
    let unverify = app
        .delete(&format!("{path}/verify"), Some(&callers.admin.bearer()))
        .await;
    assert_eq!(unverify.status, 200, "{}", unverify.json);
    let detail = reads_stats().await.assert_problem(401, "invalid_token")["detail"]
        .as_str()
        .expect("detail")
        .to_owned();
    assert!(
        detail.contains("no longer a verified multiplier"),
        "{detail}"
    );
    app.verify(&company).await;
    reads_stats().await.assert_problem(403, "forbidden");

    // Administrators see every organisation's keys and revoke any; nobody else does.
    app.verify(&unverified).await;
    let (theirs, their_secret) = new_key(&app, &unverified, &callers.owner, &["read"]).await;
    for who in [&callers.owner, &callers.stranger] {
        app.get_as("/v1/admin/api-keys", &who.bearer())
            .await
            .assert_problem(403, "forbidden");
        app.delete(&format!("/v1/admin/api-keys/{theirs}"), Some(&who.bearer()))
            .await
            .assert_problem(403, "forbidden");
    }
    let all = app
        .get_as("/v1/admin/api-keys?limit=100", &callers.admin.bearer())
        .await;
    assert_eq!(all.status, 200, "{}", all.json);
    let held: Vec<(String, String)> = all.json["items"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| {
            assert!(k.get("secret").is_none());
            (
                k["company"]["id"].as_str().expect("company").to_owned(),
                k["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect();
    assert!(
        held.contains(&(unverified.clone(), theirs.clone())),
        "{held:?}"
    );
    assert!(held.iter().any(|(holder, _)| *holder == company));
    let first_page = app
        .get_as("/v1/admin/api-keys?limit=1", &callers.admin.bearer())
        .await;
    assert!(first_page.json["next_cursor"].is_string());
    let revoked = app
        .delete(
            &format!("/v1/admin/api-keys/{theirs}"),
            Some(&callers.admin.bearer()),
        )
        .await;
    assert_eq!(revoked.status, 204);
    app.get_as("/v1/me", &format!("Bearer {their_secret}"))
        .await
        .assert_problem(401, "invalid_token");
    app.delete(
        &format!("/v1/admin/api-keys/{theirs}"),
        Some(&callers.admin.bearer()),
    )
    .await
    .assert_problem(404, "not_found");
}

/// The "done when": register, log in, create, add an editor, publish; strangers cannot
/// change it; an admin verifies it; a multiplier key reads it with contact persons.
async fn the_whole_story(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jana = app.sign_up("jana@pila-dvorak.cz").await;
    let petr = app.sign_up("petr@pila-dvorak.cz").await;
    let sawmill = json!({
        "kind": "company", "name": "Pila Dvořák s.r.o.", "legal_form": "cz_sro",
        "identifiers": {"ico": "26168685", "vat_id": "CZ26168685"},
        "address": {"street": "Průmyslová 12", "postal_code": "400 01", "city": "Ústí nad Labem", "country": "CZ"},
        "industries": ["16.10", "46.73"], "size_class": "small", "founded_on": "1998-03-14",
        "description": {"cs": "Zpracování dřeva, řezivo a palety."}, "languages": ["cs", "de"],
        "contact_persons": [{"name": "Jana Dvořáková", "role": "Obchod", "email": "jana@pila-dvorak.cz", "phone": "+420 602 111 222", "languages": ["cs", "de"]}]
    });
    let created = app
        .post("/v1/companies", &sawmill, Some(&jana.bearer()))
        .await;
    assert_eq!(created.status, 201, "{}", created.json);
    let id = created.json["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.header("location"),
        Some(format!("/v1/companies/{id}").as_str())
    );
    assert_eq!(created.json["status"], "draft");
    assert_eq!(created.json["address"]["region"], "CZ042");
    assert_eq!(created.json["identifiers"]["ico"], "26168685");
    let me = app.get_as("/v1/me", &jana.bearer()).await;
    assert_eq!(me.json["memberships"][0]["role"], "owner");
    // Someone else cannot claim the same IČO.
    app.post("/v1/companies", &sawmill, Some(&petr.bearer()))
        .await
        .assert_problem(409, "register_id_taken");

    add_member(&app, &id, &jana, "petr@pila-dvorak.cz").await;
    let path = format!("/v1/companies/{id}");
    let members = format!("{path}/members");
    app.post(
        &members,
        &json!({"email": "petr@pila-dvorak.cz"}),
        Some(&jana.bearer()),
    )
    .await
    .assert_problem(409, "already_member");
    app.post(
        &members,
        &json!({"email": "nobody@example.cz"}),
        Some(&jana.bearer()),
    )
    .await
    .assert_problem(422, "invalid_body");
    let published = app
        .patch(&path, &json!({"status": "published"}), Some(&jana.bearer()))
        .await;
    assert_eq!(published.json["status"], "published");
    assert_eq!(app.get(&path).await.json["name"], "Pila Dvořák s.r.o.");

    let stranger = app.sign_up("mallory@example.com").await;
    app.patch(
        &path,
        &json!({"name": "Mallory s.r.o."}),
        Some(&stranger.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    app.post(
        &format!("{path}/members"),
        &json!({"email": "mallory@example.com", "role": "owner"}),
        Some(&stranger.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    app.delete(&path, Some(&stranger.bearer()))
        .await
        .assert_problem(403, "forbidden");

    let admin = app.admin().await;
    let verified = app
        .post(&format!("{path}/verify"), &json!({}), Some(&admin.bearer()))
        .await;
    assert_eq!(verified.json["verified"], true);

    let (chamber_owner, chamber_id) = {
        let owner = app.sign_up("kammer@example.de").await;
        let id = create_company(&app, &owner, &chamber()).await;
        (owner, id)
    };
    app.verify(&chamber_id).await;
    let (_, key) = new_key(&app, &chamber_id, &chamber_owner, &["read"]).await;
    let read = app.get_as(&path, &format!("Bearer {key}")).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json["verified"], true);
    assert_eq!(read.json["contact_persons"][0]["phone"], "+420 602 111 222");
}

on_both_backends!(
    authorisation_matrix,
    mass_assignment_is_refused_and_changes_nothing,
    edits_honour_if_match_and_roles,
    contacts_keys_and_history,
    the_whole_story,
);

/// The editor, owner and admin columns of docs/security.md's table are the policy's.
#[test]
fn the_documented_table_is_the_policy() {
    use api::policy::{Access, Action};

    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/security.md"))
        .expect("docs/security.md");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| line.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let header = rows
        .iter()
        .find(|row| row.contains(&"editor") && row.contains(&"owner"))
        .expect("the table's header");
    let column = |name: &str| header.iter().position(|c| *c == name).expect(name);
    let columns = [
        (Access::Editor, column("editor")),
        (Access::Owner, column("owner")),
        (Access::Admin, column("admin")),
    ];
    for action in Action::ALL {
        let row = rows
            .iter()
            .find(|row| row[0] == action.described())
            .unwrap_or_else(|| panic!("no row '{}' in docs/security.md", action.described()));
        for (access, at) in columns {
            assert_eq!(
                row[at].starts_with('✓'),
                action.allowed().contains(&access),
                "'{}' for {access:?}: the table says {}",
                action.described(),
                row[at]
            );
        }
    }
}
