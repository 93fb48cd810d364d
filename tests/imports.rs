//! Register imports: `partnernet import` and `POST /v1/admin/imports`, checked over HTTP.

use std::time::Duration;

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::process::ServerProcess;
use crate::support::{Backend, TestApp};

/// The register samples of `../shared/data/samples`, copied into the repository.
fn sample(path: &str) -> String {
    format!("{}/../tests/data/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// A valid IČO: seven digits from `n` and their check digit.
fn ico(n: u32) -> String {
    let base = format!("{:07}", n % 10_000_000);
    let sum: u32 = base
        .bytes()
        .zip((2..=8).rev())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{base}{}", (11 - sum % 11) % 10)
}

/// An ARES subject in Děčín (PSČ 40502, Ústecký kraj) as the REST API returns it.
fn subject(ico: &str, name: &str, updated: &str) -> Value {
    json!({
        "ico": ico,
        "obchodniJmeno": name,
        "sidlo": {"kodStatu": "CZ", "kodKraje": 60, "nazevObce": "Děčín", "nazevUlice": "Labská",
                  "cisloDomovni": 12, "psc": 40502},
        "pravniForma": "112",
        "datumVzniku": "2001-02-03",
        "datumAktualizace": updated,
        "czNace": ["16100", "162"]
    })
}

fn ndjson(values: &[Value]) -> Vec<u8> {
    values
        .iter()
        .map(|v| format!("{v}\n"))
        .collect::<String>()
        .into_bytes()
}

/// All companies of the directory (at most 100), by IČO or register number.
async fn companies(app: &TestApp) -> Vec<Value> {
    let page = app.get("/v1/companies?limit=100").await;
    assert_eq!(page.status, 200, "{}", page.json);
    page.json["items"].as_array().expect("items").clone()
}

async fn by_ico(app: &TestApp, ico: &str) -> Value {
    companies(app)
        .await
        .into_iter()
        .find(|c| c["identifiers"]["ico"] == ico)
        .unwrap_or_else(|| panic!("no company with IČO {ico}"))
}

async fn by_register_number(app: &TestApp, number: &str) -> Value {
    companies(app)
        .await
        .into_iter()
        .find(|c| c["identifiers"]["register"]["number"] == number)
        .unwrap_or_else(|| panic!("no company with register number {number}"))
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("report written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("NDJSON line"))
        .collect()
}

fn temp(name: &str) -> std::path::PathBuf {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("pn_import_{}_{n}_{name}", std::process::id()))
}

async fn ares_samples_import_field_by_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let warnings = temp("warnings.ndjson");
    let run = app
        .cli(
            &[
                "import",
                "ares",
                &sample("ares"),
                "--warnings",
                warnings.to_str().expect("path"),
            ],
            b"",
        )
        .await;
    assert!(
        run.stdout
            .contains("2 inserted, 0 updated, 0 unchanged, 0 rejected; 2 with warnings"),
        "{}",
        run.stdout
    );
    let seznam = by_ico(&app, "26168685").await;
    assert_eq!(seznam["name"], "Seznam.cz, a.s.");
    assert_eq!(seznam["kind"], "company");
    assert_eq!(seznam["legal_form"]["code"], "cz_as");
    assert_eq!(seznam["identifiers"]["vat_id"], "CZ26168685");
    assert_eq!(seznam["identifiers"]["register"], Value::Null);
    let address = &seznam["address"];
    assert_eq!(address["street"], "Radlická 3294/10");
    assert_eq!(address["postal_code"], "15000");
    assert_eq!(address["city"], "Praha");
    assert_eq!(address["country"], "CZ");
    // Praha's postal codes are not in the reference list: the region comes from kodKraje 19.
    assert_eq!(address["region"], "CZ010");
    assert_eq!(address["latitude"], Value::Null);
    assert_eq!(address["longitude"], Value::Null);
    assert_eq!(seznam["founded_on"], "2000-04-05");
    let codes: Vec<&str> = seznam["industries"]
        .as_array()
        .expect("industries")
        .iter()
        .map(|i| i["code"].as_str().expect("code"))
        .collect();
    let mut expected = vec![
        "46.1", "46.90", "58.1", "62.09", "63.12", "68.20", "69.20", "73.1", "73.12", "79.1",
    ];
    assert_eq!(codes[0], "46.1", "the first listed code is the primary one");
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(seznam["industries"][0]["primary"], true);
    assert_eq!(seznam["status"], "published");
    assert_eq!(seznam["verified"], false);
    assert_eq!(seznam["claimed"], false);
    assert_eq!(seznam["website"], Value::Null);
    assert_eq!(
        seznam["description"],
        json!({"de": null, "cs": null, "en": null})
    );
    let registration = &seznam["registration"];
    assert_eq!(registration["source"], "ares");
    assert_eq!(registration["status"], "registered");
    assert_eq!(registration["legal_form_as_registered"], Value::Null);
    assert!(
        registration["record_date"]
            .as_str()
            .is_some_and(|d| d.starts_with("2023-11-25")),
        "{registration}"
    );

    let medicalc = by_ico(&app, "26350513").await;
    assert_eq!(medicalc["name"], "Medicalc software s.r.o.");
    assert_eq!(medicalc["legal_form"]["code"], "cz_sro");
    assert_eq!(medicalc["address"]["street"], "Pod Švabinami 434/13");
    assert_eq!(medicalc["address"]["region"], "CZ032");
    assert_eq!(medicalc["industries"], json!([]));

    let found = lines(&warnings);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|w| w["code"] == "unknown_postal_code"));
    assert!(found.iter().any(|w| {
        w["location"]
            .as_str()
            .is_some_and(|l| l.ends_with("ekonomickeSubjekty[0]"))
    }));
    // Imported profiles are searchable at once.
    let search = app.get("/v1/companies?q=seznam").await;
    assert_eq!(search.json["items"][0]["id"], seznam["id"]);
    let _ = std::fs::remove_file(warnings);
}

async fn handelsregister_sample_imports(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let rejects = temp("rejects.ndjson");
    let run = app
        .cli(
            &[
                "import",
                "handelsregister",
                &sample("handelsregister/offeneregister_sample.jsonl"),
                "--rejects",
                rejects.to_str().expect("path"),
            ],
            b"",
        )
        .await;
    assert!(
        run.stdout
            .contains("2 inserted, 0 updated, 0 unchanged, 1 rejected; 0 with warnings"),
        "{}",
        run.stdout
    );
    let rejected = lines(&rejects);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["code"], "unknown_register_type");
    assert!(
        rejected[0]["location"]
            .as_str()
            .is_some_and(|l| l.ends_with("offeneregister_sample.jsonl:1"))
    );

    let gmbh = by_register_number(&app, "99901").await;
    assert_eq!(gmbh["name"], "Beispiel Feinmechanik GmbH (FIKTIV)");
    assert_eq!(
        gmbh["identifiers"]["register"],
        json!({"court": "Dresden", "type": "HRB", "number": "99901"})
    );
    assert_eq!(gmbh["legal_form"]["code"], "de_gmbh");
    assert_eq!(gmbh["address"]["street"], "Musterweg 7");
    assert_eq!(gmbh["address"]["postal_code"], "01796");
    assert_eq!(gmbh["address"]["city"], "Pirna");
    assert_eq!(gmbh["address"]["region"], "DED2F");
    assert!(gmbh["address"]["latitude"].is_f64());
    assert_eq!(gmbh["registration"]["source"], "handelsregister");
    assert_eq!(gmbh["registration"]["status"], "registered");

    let kg = by_register_number(&app, "99902").await;
    assert_eq!(kg["legal_form"]["code"], "de_gmbh_co_kg");
    assert_eq!(kg["identifiers"]["register"]["court"], "Chemnitz");
    assert_eq!(kg["identifiers"]["register"]["type"], "HRA");
    assert_eq!(kg["address"]["region"], "DED42");
    // Removed from the register: kept and marked.
    assert_eq!(kg["registration"]["status"], "dissolved");

    // Officers are personal data and are not imported.
    let user = app.sign_up("reader@example.com").await;
    let full = app
        .get_as(
            &format!("/v1/companies/{}", gmbh["id"].as_str().expect("id")),
            &user.bearer(),
        )
        .await;
    assert_eq!(full.json["contact_persons"], json!([]));
    assert!(!full.json.to_string().contains("Musterfrau"));
    let _ = std::fs::remove_file(rejects);
}

async fn reimport_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.cli(&["import", "ares", &sample("ares")], b"").await;
    app.cli(
        &[
            "import",
            "handelsregister",
            &sample("handelsregister/offeneregister_sample.jsonl"),
        ],
        b"",
    )
    .await;
    let before = companies(&app).await;
    let again = app.cli(&["import", "ares", &sample("ares")], b"").await;
    assert!(
        again
            .stdout
            .contains("0 inserted, 0 updated, 2 unchanged, 0 rejected"),
        "{}",
        again.stdout
    );
    let again = app
        .cli(
            &["import", "handelsregister", "-"],
            &std::fs::read(sample("handelsregister/offeneregister_sample.jsonl")).expect("sample"),
        )
        .await;
    assert!(
        again
            .stdout
            .contains("0 inserted, 0 updated, 2 unchanged, 1 rejected"),
        "{}",
        again.stdout
    );
    assert_eq!(
        companies(&app).await,
        before,
        "versions and timestamps unchanged too"
    );
}

async fn member_edits_survive_and_newer_records_update(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let number = ico(4711);
    let first = ndjson(&[subject(&number, "Pila Labe s.r.o.", "2024-01-10")]);
    app.cli(&["import", "ares", "-"], &first).await;
    let company = by_ico(&app, &number).await;
    let id = company["id"].as_str().expect("id").to_owned();

    // A user claims the profile, an administrator accepts, and the new owner edits it.
    let owner = app.sign_up("jana@pila-labe.cz").await;
    let admin = app.admin().await;
    let claim = app
        .post(
            &format!("/v1/companies/{id}/claims"),
            &json!({}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(claim.status, 201, "{}", claim.json);
    let accepted = app
        .post(
            &format!(
                "/v1/claims/{}/accept",
                claim.json["id"].as_str().expect("id")
            ),
            &json!({}),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.json);
    let current = app
        .get_as(&format!("/v1/companies/{id}"), &owner.bearer())
        .await;
    let etag = current.header("etag").expect("etag").to_owned();
    let edit = json!({
        "description": {"cs": "Pila a zpracování dřeva", "de": "Sägewerk"},
        "website": "https://pila-labe.cz",
        "email": "info@pila-labe.cz",
        "contact_persons": [{"name": "Jana Nováková", "languages": ["cs", "de"]}]
    });
    let edited = app
        .send(
            "PATCH",
            &format!("/v1/companies/{id}"),
            Some(&edit),
            &[("authorization", &owner.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.json);
    let product = app
        .post(
            &format!("/v1/companies/{id}/products"),
            &json!({"kind": "product", "name": {"cs": "Smrková prkna"}}),
            Some(&owner.bearer()),
        )
        .await;
    assert_eq!(product.status, 201, "{}", product.json);

    // The same record again: nothing changes.
    let same = app.cli(&["import", "ares", "-"], &first).await;
    assert!(same.stdout.contains("1 unchanged"), "{}", same.stdout);
    // The same data in a later record: still unchanged, but the register date moves on.
    let before = app
        .get_as(&format!("/v1/companies/{id}"), &owner.bearer())
        .await
        .json;
    let restated = app
        .cli(
            &["import", "ares", "-"],
            &ndjson(&[subject(&number, "Pila Labe s.r.o.", "2024-06-30")]),
        )
        .await;
    assert!(
        restated.stdout.contains("1 unchanged"),
        "{}",
        restated.stdout
    );
    let restated = app
        .get_as(&format!("/v1/companies/{id}"), &owner.bearer())
        .await
        .json;
    assert_eq!(restated["version"], before["version"]);
    assert_ne!(
        restated["registration"]["record_date"],
        before["registration"]["record_date"]
    );
    assert!(
        restated["registration"]["record_date"]
            .as_str()
            .is_some_and(|d| d.starts_with("2024-06-30")),
        "{restated}"
    );

    let here = app.get("/v1/products?q=prkna%20Decin").await;
    assert_eq!(
        here.json["items"][0]["name"]["cs"], "Smrková prkna",
        "{}",
        here.json
    );

    // A newer record: register-owned fields change, member-owned fields stay.
    let mut newer = subject(&number, "Pila Labe a.s.", "2025-03-01");
    newer["pravniForma"] = json!("121");
    newer["sidlo"] = json!({"kodStatu": "CZ", "kodKraje": 60, "nazevObce": "Ústí nad Labem",
                            "nazevUlice": "Masarykova", "cisloDomovni": 5, "psc": 40001});
    newer["datumZaniku"] = json!("2025-02-28");
    let updated = app.cli(&["import", "ares", "-"], &ndjson(&[newer])).await;
    assert!(updated.stdout.contains("1 updated"), "{}", updated.stdout);
    let after = app
        .get_as(&format!("/v1/companies/{id}"), &owner.bearer())
        .await
        .json;
    assert_eq!(after["name"], "Pila Labe a.s.");
    assert_eq!(after["legal_form"]["code"], "cz_as");
    assert_eq!(after["address"]["city"], "Ústí nad Labem");
    assert_eq!(after["address"]["region"], "CZ042");
    assert!(after["address"]["latitude"].is_f64());
    assert_eq!(after["registration"]["status"], "dissolved");
    assert_eq!(after["description"]["cs"], "Pila a zpracování dřeva");
    assert_eq!(after["description"]["de"], "Sägewerk");
    assert_eq!(after["website"], "https://pila-labe.cz");
    assert_eq!(after["email"], "info@pila-labe.cz");
    assert_eq!(after["contact_persons"][0]["name"], "Jana Nováková");
    assert_eq!(after["claimed"], true);
    let products = app.get(&format!("/v1/companies/{id}/products")).await;
    assert_eq!(products.json["items"].as_array().map(Vec::len), Some(1));
    // The renamed company is found under its new name, its product no more at the old place.
    let search = app.get("/v1/companies?q=Pila%20Labe").await;
    assert_eq!(search.json["items"][0]["name"], "Pila Labe a.s.");
    // No product matches both words any more: what comes back matches only some of them.
    let moved = app.get("/v1/products?q=prkna%20Decin").await;
    assert_eq!(moved.json["match"], "partial", "{}", moved.json);

    // An older record never replaces a newer one.
    let older = app
        .cli(
            &["import", "ares", "-"],
            &ndjson(&[subject(&number, "Pila Labe s.r.o.", "2023-05-05")]),
        )
        .await;
    assert!(
        older.stdout.contains("1 unchanged") && older.stderr.contains("outdated_record"),
        "{}{}",
        older.stdout,
        older.stderr
    );
    assert_eq!(by_ico(&app, &number).await["name"], "Pila Labe a.s.");

    let history = app
        .get_as(&format!("/v1/companies/{id}/history"), &owner.bearer())
        .await;
    let actions: Vec<&str> = history.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["action"].as_str().expect("action"))
        .collect();
    assert_eq!(
        actions[..2],
        ["register_updated", "product_created"],
        "{actions:?}"
    );
    assert_eq!(actions.last(), Some(&"imported"));
    assert_eq!(history.json["items"][0]["actor"]["kind"], "register");
    let fields = &history.json["items"][0]["fields"];
    for field in ["name", "legal_form", "address", "register_status"] {
        assert!(
            fields
                .as_array()
                .is_some_and(|f| f.iter().any(|x| x == field)),
            "{field} in {fields}"
        );
    }
}

async fn bad_records_are_rejected_and_the_rest_imported(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let folder = temp("ares");
    std::fs::create_dir_all(&folder).expect("folder");
    let good = [ico(100), ico(200), ico(300)];
    let mut wrong_digit = subject(&ico(400), "Špatná číslice s.r.o.", "2024-01-01");
    let digits = wrong_digit["ico"].as_str().expect("ico").to_owned();
    let last = (digits.as_bytes()[7] - b'0' + 1) % 10;
    wrong_digit["ico"] = json!(format!("{}{last}", &digits[..7]));
    let mut nameless = subject(&ico(500), "", "2024-01-01");
    nameless
        .as_object_mut()
        .expect("object")
        .remove("obchodniJmeno");
    let mut lines_file = String::new();
    lines_file.push_str(&format!(
        "{}\n",
        subject(&good[0], "Dobrá firma s.r.o.", "2024-01-01")
    ));
    lines_file.push_str("{\"ico\": \"12345678\", \"obchodniJmeno\": \n");
    lines_file.push_str(&format!("{wrong_digit}\n"));
    lines_file.push_str(&format!("{nameless}\n"));
    lines_file.push_str(&format!(
        "{}\n",
        subject(&good[1], "Druhá firma s.r.o.", "2024-01-01")
    ));
    // The last line was cut off, as by an interrupted download.
    let cut = subject(&ico(600), "Useknutá s.r.o.", "2024-01-01").to_string();
    lines_file.push_str(&cut[..cut.len() / 2]);
    std::fs::write(folder.join("a.ndjson"), lines_file).expect("file");
    // A search result with one good and one bad subject, and a truncated document.
    let result = json!({"pocetCelkem": 2, "ekonomickeSubjekty": [
        subject(&good[2], "Třetí firma s.r.o.", "2024-01-01"),
        {"ico": "2", "obchodniJmeno": "Bez platného IČO"}
    ]});
    std::fs::write(
        folder.join("b.json"),
        serde_json::to_string_pretty(&result).expect("json"),
    )
    .expect("file");
    std::fs::write(
        folder.join("c.json"),
        "{\n  \"ico\": \"26168685\",\n  \"obchodni",
    )
    .expect("file");
    let rejects = temp("rejects.ndjson");

    let run = app
        .cli(
            &[
                "import",
                "ares",
                folder.to_str().expect("path"),
                "--rejects",
                rejects.to_str().expect("path"),
            ],
            b"",
        )
        .await;
    assert!(
        run.stdout
            .contains("3 inserted, 0 updated, 0 unchanged, 6 rejected"),
        "{}",
        run.stdout
    );
    let rejected: Vec<(String, String)> = lines(&rejects)
        .iter()
        .map(|r| {
            let location = r["location"].as_str().expect("location");
            let file = location.rsplit('/').next().expect("file name").to_owned();
            (file, r["code"].as_str().expect("code").to_owned())
        })
        .collect();
    let expected = [
        ("a.ndjson:2", "truncated_json"),
        ("a.ndjson:3", "invalid_ico_check_digit"),
        ("a.ndjson:4", "missing_name"),
        ("a.ndjson:6", "truncated_json"),
        ("b.json:1 ekonomickeSubjekty[1]", "invalid_ico_check_digit"),
        ("c.json:3", "truncated_json"),
    ];
    assert_eq!(
        rejected,
        expected
            .iter()
            .map(|(l, c)| ((*l).to_owned(), (*c).to_owned()))
            .collect::<Vec<_>>()
    );
    let stored: Vec<String> = companies(&app)
        .await
        .iter()
        .map(|c| c["identifiers"]["ico"].as_str().expect("ico").to_owned())
        .collect();
    let mut expected_icos = good.to_vec();
    expected_icos.sort();
    let mut stored_sorted = stored.clone();
    stored_sorted.sort();
    assert_eq!(stored_sorted, expected_icos, "nothing half-written");
    let _ = std::fs::remove_dir_all(folder);
    let _ = std::fs::remove_file(rejects);
}

async fn unknown_postal_code_and_legal_form_are_warnings(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let number = ico(777);
    let mut record = subject(&number, "Neznámá forma z.s.", "2024-06-01");
    record["pravniForma"] = json!("999");
    record["sidlo"] = json!({"kodStatu": "CZ", "kodKraje": 124, "nazevObce": "Olomouc",
                             "nazevUlice": "Horní náměstí", "cisloDomovni": 1, "psc": 77900});
    let warnings = temp("warnings.ndjson");
    let run = app
        .cli(
            &[
                "import",
                "ares",
                "-",
                "--warnings",
                warnings.to_str().expect("path"),
            ],
            &ndjson(&[record]),
        )
        .await;
    assert!(
        run.stdout
            .contains("1 inserted, 0 updated, 0 unchanged, 0 rejected; 1 with warnings"),
        "{}",
        run.stdout
    );
    let codes: Vec<Value> = lines(&warnings).iter().map(|w| w["code"].clone()).collect();
    assert_eq!(
        codes,
        [json!("unknown_legal_form"), json!("unknown_postal_code")]
    );
    let company = by_ico(&app, &number).await;
    assert_eq!(company["legal_form"], Value::Null);
    assert_eq!(company["registration"]["legal_form_as_registered"], "999");
    assert_eq!(company["address"]["postal_code"], "77900");
    assert_eq!(company["address"]["city"], "Olomouc");
    assert_eq!(company["address"]["region"], "CZ071");
    assert_eq!(company["address"]["latitude"], Value::Null);
    let _ = std::fs::remove_file(warnings);
}

/// A search result with more records than one transaction takes is stored in several, and each
/// record's findings stay with it across the cut.
async fn a_large_search_result_spans_transactions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut subjects: Vec<Value> = (1..=2_003)
        .map(|n| subject(&ico(50_000 + n), &format!("Firma {n} s.r.o."), "2024-01-01"))
        .collect();
    subjects[5]["ico"] = json!("12345678");
    subjects[2_001]["pravniForma"] = json!("999");
    let file = temp("search.json");
    let document = json!({"pocetCelkem": subjects.len(), "ekonomickeSubjekty": subjects});
    std::fs::write(&file, document.to_string()).expect("write search result");
    let warnings = temp("warnings.ndjson");
    let path = file.to_str().expect("path");
    let run = app
        .cli(
            &[
                "import",
                "ares",
                path,
                "--warnings",
                warnings.to_str().expect("path"),
            ],
            &[],
        )
        .await;
    assert!(
        run.stdout
            .contains("2002 inserted, 0 updated, 0 unchanged, 1 rejected; 1 with warnings"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    let found: Vec<(String, String)> = lines(&warnings)
        .iter()
        .map(|w| {
            let location = w["location"].as_str().expect("location");
            let at = location.rsplit(' ').next().expect("position").to_owned();
            (at, w["code"].as_str().expect("code").to_owned())
        })
        .collect();
    assert_eq!(
        found,
        [(
            "ekonomickeSubjekty[2001]".to_owned(),
            "unknown_legal_form".to_owned()
        )]
    );
    let again = app.cli(&["import", "ares", path], &[]).await;
    assert!(
        again
            .stdout
            .contains("0 inserted, 0 updated, 2002 unchanged"),
        "{}",
        again.stdout
    );
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(warnings);
}

async fn dry_run_and_interrupted_runs(backend: Backend) {
    let records: Vec<Value> = (1..=30)
        .map(|n| {
            subject(
                &ico(n * 1_000),
                &format!("Firma {n:02} s.r.o."),
                "2024-01-01",
            )
        })
        .collect();
    let data = ndjson(&records);

    let app = TestApp::spawn(backend).await;
    let dry = app.cli(&["import", "ares", "-", "--dry-run"], &data).await;
    assert!(
        dry.stdout.contains("dry run") && dry.stdout.contains("30 inserted"),
        "{}",
        dry.stdout
    );
    assert_eq!(companies(&app).await, Vec::<Value>::new());

    // An import killed after its first batches committed, then run again in full...
    let cut = ndjson(&records[..12]);
    app.cli(&["import", "ares", "-"], &cut).await;
    let rerun = app.cli(&["import", "ares", "-"], &data).await;
    assert!(
        rerun
            .stdout
            .contains("18 inserted, 0 updated, 12 unchanged"),
        "{}",
        rerun.stdout
    );
    // ...ends where one clean run ends.
    let clean = TestApp::spawn(backend).await;
    clean.cli(&["import", "ares", "-"], &data).await;
    let state = |companies: Vec<Value>| -> Vec<Value> {
        companies
            .into_iter()
            .map(|c| {
                json!([
                    c["name"],
                    c["identifiers"],
                    c["address"],
                    c["industries"],
                    c["version"]
                ])
            })
            .collect()
    };
    assert_eq!(state(companies(&app).await), state(companies(&clean).await));
}

/// Polls an import job until it is no longer running and what it wrote is searchable.
async fn finished(app: &TestApp, location: &str, bearer: &str) -> Value {
    for _ in 0..200 {
        let job = app.get_as(location, bearer).await;
        assert_eq!(job.status, 200, "{}", job.json);
        if job.json["status"] != "running" {
            app.searchable().await;
            return job.json;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the import job did not finish");
}

async fn admins_import_over_http(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin().await;
    let user = app.sign_up("someone@example.com").await;
    let body = {
        let mut body = ndjson(&[
            subject(&ico(11), "HTTP import s.r.o.", "2024-01-01"),
            subject("26168686", "Špatné IČO a.s.", "2024-01-01"),
        ]);
        body.extend_from_slice(b"not json\n");
        body
    };
    let path = "/v1/admin/imports?source=ares";

    app.send_bytes("POST", path, "application/x-ndjson", body.clone(), None)
        .await
        .assert_problem(401, "unauthenticated");
    app.send_bytes(
        "POST",
        path,
        "application/x-ndjson",
        body.clone(),
        Some(&user.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    app.send_bytes(
        "POST",
        path,
        "text/csv",
        body.clone(),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(415, "unsupported_media_type");
    let bad_source = app
        .send_bytes(
            "POST",
            "/v1/admin/imports?source=firmenbuch",
            "application/x-ndjson",
            body.clone(),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(bad_source.invalid_parameters(), ["source"]);
    app.send_bytes(
        "POST",
        path,
        "application/x-ndjson",
        b"\n".to_vec(),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(422, "invalid_body");

    let dry = app
        .send_bytes(
            "POST",
            "/v1/admin/imports?source=ares&dry_run=true",
            "application/x-ndjson",
            body.clone(),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(dry.status, 202, "{}", dry.json);
    let location = dry.header("location").expect("location").to_owned();
    let job = finished(&app, &location, &admin.bearer()).await;
    assert_eq!(job["dry_run"], true);
    assert_eq!(job["summary"]["inserted"], 1);
    assert_eq!(companies(&app).await.len(), 0);

    let started = app
        .send_bytes(
            "POST",
            path,
            "application/x-ndjson",
            body,
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(started.status, 202, "{}", started.json);
    assert_eq!(started.json["source"], "ares");
    let location = started.header("location").expect("location").to_owned();
    assert_eq!(
        location,
        format!(
            "/v1/admin/imports/{}",
            started.json["id"].as_str().expect("id")
        )
    );
    let job = finished(&app, &location, &admin.bearer()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        job["summary"],
        json!({"inserted": 1, "updated": 0, "unchanged": 0, "rejected": 2, "warnings": 0})
    );
    let rejects: Vec<(&str, &str)> = job["rejects"]
        .as_array()
        .expect("rejects")
        .iter()
        .map(|r| {
            (
                r["location"].as_str().expect("l"),
                r["code"].as_str().expect("c"),
            )
        })
        .collect();
    assert_eq!(
        rejects,
        [
            ("body:2", "invalid_ico_check_digit"),
            ("body:3", "malformed_json")
        ]
    );
    app.get_as(&location, &user.bearer())
        .await
        .assert_problem(403, "forbidden");
    app.get_as("/v1/admin/imports/nope", &admin.bearer())
        .await
        .assert_problem(404, "not_found");
    let imported = by_ico(&app, &ico(11)).await;
    let history = app
        .get_as(
            &format!(
                "/v1/companies/{}/history",
                imported["id"].as_str().expect("id")
            ),
            &admin.bearer(),
        )
        .await;
    assert_eq!(history.json["items"][0]["action"], "imported");
    assert_eq!(
        history.json["items"][0]["actor"]["id"],
        admin.user_id.as_str()
    );

    // Files as multipart/form-data: the Handelsregister sample, read by line.
    let file =
        std::fs::read(sample("handelsregister/offeneregister_sample.jsonl")).expect("sample");
    let boundary = "pnboundary7MA4YWxkTrZu0gW";
    let mut multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offeneregister.jsonl\"\r\nContent-Type: application/x-ndjson\r\n\r\n"
    )
    .into_bytes();
    multipart.extend_from_slice(&file);
    multipart.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let started = app
        .send_bytes(
            "POST",
            "/v1/admin/imports?source=handelsregister",
            &format!("multipart/form-data; boundary={boundary}"),
            multipart,
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(started.status, 202, "{}", started.json);
    let job = finished(
        &app,
        started.header("location").expect("location"),
        &admin.bearer(),
    )
    .await;
    assert_eq!(job["summary"]["inserted"], 2, "{job}");
    assert_eq!(job["rejects"][0]["location"], "offeneregister.jsonl:1");
    assert_eq!(job["rejects"][0]["code"], "unknown_register_type");
}

async fn claims_are_decided_by_administrators(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.cli(&["import", "ares", &sample("ares")], b"").await;
    let id = by_ico(&app, "26168685").await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/v1/companies/{id}/claims");
    let admin = app.admin().await;
    let first = app.sign_up("first@seznam.example").await;
    let second = app.sign_up("second@example.com").await;

    app.post(&path, &json!({}), None)
        .await
        .assert_problem(401, "unauthenticated");
    let long = "x".repeat(2_001);
    let invalid = app
        .post(&path, &json!({"message": long}), Some(&first.bearer()))
        .await;
    invalid.assert_problem(422, "invalid_body");
    let claim = app
        .post(
            &path,
            &json!({"message": "Jednatelka"}),
            Some(&first.bearer()),
        )
        .await;
    assert_eq!(claim.status, 201, "{}", claim.json);
    assert_eq!(claim.json["status"], "pending");
    assert_eq!(claim.json["company"]["name"], "Seznam.cz, a.s.");
    assert_eq!(claim.json["claimant"]["email"], "first@seznam.example");
    let claim_id = claim.json["id"].as_str().expect("id").to_owned();
    assert_eq!(
        claim.header("location"),
        Some(format!("/v1/claims/{claim_id}").as_str())
    );
    app.post(&path, &json!({}), Some(&first.bearer()))
        .await
        .assert_problem(409, "claim_pending");
    let other = app.post(&path, &json!({}), Some(&second.bearer())).await;
    assert_eq!(other.status, 201);
    let other_id = other.json["id"].as_str().expect("id").to_owned();

    // Users see their own claims only; administrators see the queue.
    let own = app.get_as("/v1/claims", &second.bearer()).await;
    assert_eq!(own.json["items"].as_array().map(Vec::len), Some(1));
    app.get_as(&format!("/v1/claims/{claim_id}"), &second.bearer())
        .await
        .assert_problem(404, "not_found");
    let queue = app
        .get_as("/v1/claims?status=pending", &admin.bearer())
        .await;
    assert_eq!(queue.json["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.get_as("/v1/claims?status=maybe", &admin.bearer())
            .await
            .invalid_parameters(),
        ["status"]
    );

    // Only administrators decide; the claimant becomes the owner and may edit.
    app.post(
        &format!("/v1/claims/{claim_id}/accept"),
        &json!({}),
        Some(&first.bearer()),
    )
    .await
    .assert_problem(403, "forbidden");
    let accepted = app
        .post(
            &format!("/v1/claims/{claim_id}/accept"),
            &json!({}),
            Some(&admin.bearer()),
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.json);
    assert_eq!(accepted.json["status"], "accepted");
    app.post(
        &format!("/v1/claims/{claim_id}/reject"),
        &json!({}),
        Some(&admin.bearer()),
    )
    .await
    .assert_problem(409, "claim_decided");
    let rejected = app
        .get_as(&format!("/v1/claims/{other_id}"), &second.bearer())
        .await;
    assert_eq!(rejected.json["status"], "rejected");
    let company = app.get(&format!("/v1/companies/{id}")).await;
    assert_eq!(company.json["claimed"], true);
    let etag = company.header("etag").expect("etag").to_owned();
    let edit = app
        .send(
            "PATCH",
            &format!("/v1/companies/{id}"),
            Some(&json!({"website": "https://www.seznam.cz"})),
            &[("authorization", &first.bearer()), ("if-match", &etag)],
        )
        .await;
    assert_eq!(edit.status, 200, "{}", edit.json);
    app.post(&path, &json!({}), Some(&second.bearer()))
        .await
        .assert_problem(409, "already_claimed");
    app.post("/v1/claims/nope/accept", &json!({}), Some(&admin.bearer()))
        .await
        .assert_problem(404, "not_found");
}

on_both_backends!(
    a_large_search_result_spans_transactions,
    ares_samples_import_field_by_field,
    handelsregister_sample_imports,
    reimport_changes_nothing,
    member_edits_survive_and_newer_records_update,
    bad_records_are_rejected_and_the_rest_imported,
    unknown_postal_code_and_legal_form_are_warnings,
    dry_run_and_interrupted_runs,
    admins_import_over_http,
    claims_are_decided_by_administrators,
    a_crash_in_the_middle_of_an_import_loses_nothing,
);

/// The server process is killed (SIGKILL) while it imports 20,000 records over HTTP. Started
/// again, it reports the job failed as interrupted; what it had committed is whole batches of
/// whole companies, and the same upload again completes the import without a duplicate.
async fn a_crash_in_the_middle_of_an_import_loses_nothing(backend: Backend) {
    const RECORDS: u64 = 20_000;
    // Records one import transaction takes: a crash loses at most the one open.
    let batch = api::import::BATCH as u64;
    let app = TestApp::spawn(backend).await;
    let admin = app.admin().await;
    let bearer = admin.bearer();
    let records: Vec<Value> = (1..=RECORDS)
        .map(|n| {
            subject(
                &ico(200_000 + n as u32),
                &format!("Firma {n} s.r.o."),
                "2024-01-01",
            )
        })
        .collect();
    let body = ndjson(&records);
    let settings = [("PARTNERNET_RATE_LIMIT_PER_USER", "0")];
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .finish();
    let base = |server: &ServerProcess| format!("http://127.0.0.1:{}", server.port);
    // Starts the import of `body`; returns where its job is.
    let upload = async |server: &ServerProcess| -> String {
        let mut response = client
            .post(format!("{}/v1/admin/imports?source=ares", base(server)))
            .insert_header(("authorization", bearer.as_str()))
            .content_type("application/x-ndjson")
            .send_body(body.clone())
            .await
            .expect("answered");
        let job: Value = response.json().limit(1 << 20).await.expect("JSON");
        assert_eq!(response.status(), 202, "{job}");
        format!("/v1/admin/imports/{}", job["id"].as_str().expect("id"))
    };
    let job = async |server: &ServerProcess, location: &str| -> Value {
        let mut response = client
            .get(format!("{}{location}", base(server)))
            .insert_header(("authorization", bearer.as_str()))
            .send()
            .await
            .expect("answered");
        let job: Value = response.json().limit(1 << 20).await.expect("JSON");
        assert_eq!(response.status(), 200, "{job}");
        job
    };

    let mut server = ServerProcess::start(app.database_url(), &settings);
    let location = upload(&server).await;
    let inserted_before_the_kill = loop {
        let job = job(&server, &location).await;
        assert_eq!(job["status"], "running", "the kill came too late: {job}");
        let inserted = job["summary"]["inserted"].as_u64().expect("count");
        if inserted >= batch {
            server.child.kill().expect("killed");
            break inserted;
        }
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
    };
    let _ = server.child.wait();
    drop(server);

    let again = ServerProcess::start(app.database_url(), &settings);
    let interrupted = job(&again, &location).await;
    assert_eq!(interrupted["status"], "failed", "{interrupted}");
    assert!(
        interrupted["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("interrupted")),
        "{interrupted}"
    );
    let location = upload(&again).await;
    let rerun = loop {
        let job = job(&again, &location).await;
        if job["status"] != "running" {
            break job;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(rerun["status"], "succeeded", "{rerun}");
    // What the first run committed is there, unchanged: whole batches of whole records.
    let summary = &rerun["summary"];
    let kept = summary["unchanged"].as_u64().expect("count");
    assert!(kept >= inserted_before_the_kill, "{rerun}");
    assert!(kept < RECORDS, "{rerun}");
    assert_eq!(kept % batch, 0, "a batch committed in part: {rerun}");
    assert_eq!(
        summary["inserted"].as_u64(),
        Some(RECORDS - kept),
        "{rerun}"
    );
    assert_eq!(summary["updated"], 0, "{rerun}");
    assert_eq!(summary["rejected"], 0, "{rerun}");
    drop(again);
    app.searchable().await;
    let all = app.get("/v1/companies?limit=1&facets=country").await;
    assert_eq!(
        all.json["facets"]["total"].as_u64(),
        Some(RECORDS),
        "{}",
        all.json
    );
}
