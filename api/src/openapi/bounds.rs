//! Bounds for every string, array and integer of the document, so clients, generators and
//! validators (and the OWASP lint in CI) know how large anything can get. What the server checks
//! on input is declared where the input is (`max_length` on the request schemas and parameters);
//! this adds what follows from the data itself: formats, ids, the pages' limits, the reference
//! lists, and one bound for all text the API answers with, which is the longest text it
//! stores. It also documents the headers every response may carry (rate limits, CORS).

use serde_json::{Map, Value, json};

use crate::error::MAX_FIELD_ERRORS;
use crate::operations::MAX_CONDITION_BYTES;
use crate::pagination;
use crate::routes::companies::api_keys;
use crate::routes::{changes, imports};
use domain::reference::Catalog;

/// No text the API answers with is longer than the longest text it stores: descriptions of
/// events and opportunities. Problems stay shorter (`crate::error`); imported register data
/// passes the same constructors as typed input.
const ANSWERED_TEXT: usize = const_max(
    domain::event::MAX_DESCRIPTION,
    domain::opportunity::MAX_DESCRIPTION,
);

/// The text of an id: a UUID.
const ID: usize = 36;

const fn const_max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

/// Lengths that follow from a string's format.
fn by_format(format: &str) -> Option<usize> {
    match format {
        "date" => Some(10),
        // `2026-12-06T10:11:33.123456789+01:00`.
        "date-time" => Some(35),
        "uuid" => Some(ID),
        "email" => Some(domain::account::MAX_EMAIL_LENGTH),
        "uri" => Some(domain::webhook::MAX_URL),
        _ => None,
    }
}

/// Longest value of each kind of code, by the names of the parameters and properties that
/// take them (in lists, each element).
fn codes() -> Vec<(&'static [&'static str], usize)> {
    let catalog = Catalog::get();
    let longest = |codes: &mut dyn Iterator<Item = usize>| codes.max().unwrap_or(0);
    vec![
        (
            &["region", "regions", "target_regions"],
            longest(&mut catalog.regions().iter().map(|r| r.code.as_str().len())),
        ),
        (
            &["nace", "industries", "topic", "topics"],
            longest(&mut catalog.nace_entries().iter().map(|e| e.code.len())),
        ),
        (
            &["kind"],
            longest(
                &mut domain::company::CompanyKind::ALL
                    .iter()
                    .map(|k| k.as_str().len())
                    .chain(
                        domain::product::ProductKind::ALL
                            .iter()
                            .map(|k| k.as_str().len()),
                    ),
            ),
        ),
        (
            &["language", "languages"],
            domain::language::SpokenLanguage::LENGTH,
        ),
        (&["organiser", "company"], ID),
        (&["keywords"], domain::product::MAX_KEYWORD),
        (
            &["de", "cs", "en"],
            domain::search::glossary::MAX_TERM_LENGTH,
        ),
        (&["If-Match", "If-None-Match"], MAX_CONDITION_BYTES),
    ]
}

/// Lists in answers, by schema and property, and how long each can get.
fn answered_lists() -> Vec<(&'static str, &'static str, usize)> {
    use domain::{account, company, event, opportunity, partnership, product};
    let catalog = Catalog::get();
    let regions = catalog.regions().len();
    let industries = catalog.nace_entries().len();
    let findings = imports::KEPT_FINDINGS;
    let terms = domain::search::glossary::MAX_TERMS;
    vec![
        ("ApiKey", "scopes", account::ApiScope::ALL.len()),
        ("ApiKeyUsage", "days", api_keys::MAX_USAGE_DAYS as usize),
        (
            "ChangeBatch",
            "items",
            crate::webhooks::BATCH_ENTRIES as usize,
        ),
        ("ChangePage", "items", changes::MAX_LIMIT as usize),
        ("Company", "contact_persons", company::MAX_LIST_ITEMS),
        ("Company", "industries", company::MAX_LIST_ITEMS),
        ("Company", "languages", company::MAX_LIST_ITEMS),
        ("ContactPerson", "languages", company::MAX_LIST_ITEMS),
        ("Event", "languages", event::MAX_LANGUAGES),
        ("Facets", "country", domain::country::Country::ALL.len()),
        // Facets are shared by companies, products, events and opportunities.
        (
            "Facets",
            "kind",
            [
                company::CompanyKind::ALL.len(),
                product::ProductKind::ALL.len(),
                event::EventKind::ALL.len(),
                opportunity::OpportunityType::ALL.len(),
            ]
            .into_iter()
            .max()
            .unwrap_or_default(),
        ),
        ("Facets", "nace_section", industries),
        (
            "Facets",
            "partnership_type",
            opportunity::PartnershipType::ALL.len(),
        ),
        ("Facets", "region", regions),
        ("Facets", "size", company::SizeClass::ALL.len()),
        ("GlossaryEntry", "cs", terms),
        ("GlossaryEntry", "de", terms),
        ("GlossaryEntry", "en", terms),
        ("ImportJob", "rejects", findings),
        ("ImportJob", "warnings", findings),
        ("IndustryList", "items", industries),
        ("LegalFormList", "items", catalog.legal_forms().len()),
        (
            "Opportunity",
            "partnership_types",
            opportunity::PartnershipType::ALL.len(),
        ),
        (
            "Opportunity",
            "target_countries",
            domain::country::Country::ALL.len(),
        ),
        ("Opportunity", "target_regions", regions),
        (
            "Partnership",
            "allowed_steps",
            partnership::Transition::ALL.len(),
        ),
        // The proposal and at most two steps: accept and end, or one that closes it.
        ("Partnership", "thread", 3),
        ("Problem", "errors", MAX_FIELD_ERRORS),
        ("Recommendations", "items", pagination::MAX_LIMIT as usize),
        ("Product", "keywords", product::MAX_KEYWORDS),
        ("RegionList", "items", regions),
        ("Registration", "participants", event::MAX_PARTICIPANTS),
        (
            "Statistics",
            "partnerships",
            partnership::PartnershipStatus::ALL.len(),
        ),
        ("Webhook", "entities", changes::ChangeEntity::ALL.len()),
    ]
}

pub fn add(document: &mut utoipa::openapi::OpenApi) {
    let mut value = serde_json::to_value(&*document).expect("the document serialises");
    let requested = requested_schemas(&value);
    if let Some(schemas) = value
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (schema, property, items) in answered_lists() {
            if let Some(list) = schemas
                .get_mut(schema)
                .and_then(|s| property_of(s, property))
            {
                list.insert("maxItems".into(), items.into());
            }
        }
        let accepted = accepted_lists(schemas);
        for (schema, property, items) in accepted {
            if let Some(list) = schemas
                .get_mut(&schema)
                .and_then(|s| property_of(s, &property))
            {
                list.insert("maxItems".into(), items.into());
            }
        }
        for (name, schema) in schemas.iter_mut() {
            if (name.starts_with("Page_") || name.starts_with("SearchPage_"))
                && let Some(list) = property_of(schema, "items")
            {
                list.entry("maxItems")
                    .or_insert(pagination::MAX_LIMIT.into());
            }
            let answered = !requested.contains(name.as_str());
            bound(schema, None, answered);
        }
    }
    if let Some(paths) = value.get_mut("paths").and_then(Value::as_object_mut) {
        for operation in paths.values_mut().flat_map(operations) {
            for parameter in operation
                .get_mut("parameters")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                let name = parameter["name"].as_str().unwrap_or_default().to_owned();
                if let Some(schema) = parameter.get_mut("schema") {
                    bound(schema, Some(&name), false);
                }
            }
            // The only text body is an import's upload.
            if let Some(contents) = operation
                .pointer_mut("/requestBody/content")
                .and_then(Value::as_object_mut)
            {
                for schema in contents.values_mut().filter_map(|c| c.get_mut("schema")) {
                    if schema["type"] == "string" && schema.get("maxLength").is_none() {
                        schema["maxLength"] = imports::MAX_UPLOAD_BYTES.into();
                    }
                }
            }
            if let Some(responses) = operation
                .get_mut("responses")
                .and_then(Value::as_object_mut)
            {
                bound_answers(responses);
            }
        }
    }
    if let Some(shared) = value
        .pointer_mut("/components/responses")
        .and_then(Value::as_object_mut)
    {
        bound_answers(shared);
    }
    add_common_headers(&mut value);
    *document = serde_json::from_value(value).expect("a bounded document is a document");
}

/// An answer holds no more than was accepted: lists of `X` without a bound take the bound of
/// the same list in `XInput`.
fn accepted_lists(schemas: &Map<String, Value>) -> Vec<(String, String, u64)> {
    let mut found = Vec::new();
    for (name, schema) in schemas {
        let Some(properties) = schema["properties"].as_object() else {
            continue;
        };
        for (property, list) in properties {
            if !list.is_object() || list.get("maxItems").is_some() {
                continue;
            }
            if let Some(items) = schemas
                .get(&format!("{name}Input"))
                .and_then(|input| input["properties"][property]["maxItems"].as_u64())
            {
                found.push((name.clone(), property.clone(), items));
            }
        }
    }
    found
}

/// Names of the component schemas a request body refers to, directly or through others.
fn requested_schemas(document: &Value) -> std::collections::BTreeSet<String> {
    let mut found = std::collections::BTreeSet::new();
    let mut pending: Vec<&Value> = document["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .flat_map(|item| item.as_object().into_iter().flat_map(|ops| ops.values()))
        .filter_map(|operation| operation.get("requestBody"))
        .collect();
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                if let Some(name) = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                    && found.insert(name.to_owned())
                    && let Some(schema) = document["components"]["schemas"].get(name)
                {
                    pending.push(schema);
                }
                pending.extend(map.values());
            }
            Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    found
}

fn operations(item: &mut Value) -> impl Iterator<Item = &mut Value> {
    item.as_object_mut()
        .into_iter()
        .flat_map(|methods| methods.values_mut())
        .filter(|operation| operation.is_object())
}

fn bound_answers(responses: &mut Map<String, Value>) {
    for response in responses.values_mut() {
        for schema in response_schemas(response) {
            bound(schema, None, true);
        }
    }
}

/// The schemas of a response's headers and contents, but for downloads (CSV, iCalendar): a
/// whole document of text is as long as the data it holds.
fn response_schemas(response: &mut Value) -> Vec<&mut Value> {
    let mut schemas = Vec::new();
    let Some(response) = response.as_object_mut() else {
        return schemas;
    };
    for (part, entries) in response.iter_mut() {
        let Some(entries) = entries.as_object_mut() else {
            continue;
        };
        for entry in entries.values_mut() {
            if let Some(schema) = entry.get_mut("schema")
                && !(part == "content" && schema["type"] == "string")
            {
                schemas.push(schema);
            }
        }
    }
    schemas
}

fn property_of<'a>(schema: &'a mut Value, property: &str) -> Option<&'a mut Map<String, Value>> {
    let schema = match schema.get("allOf") {
        Some(_) => schema["allOf"]
            .as_array_mut()?
            .iter_mut()
            .find(|part| part["properties"].get(property).is_some())?,
        None => schema,
    };
    schema["properties"].get_mut(property)?.as_object_mut()
}

fn is(schema: &Map<String, Value>, kind: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == kind,
        Some(Value::Array(types)) => types.iter().any(|t| t == kind),
        _ => false,
    }
}

/// Bounds `schema` and everything inside it. `name` is the parameter's or property's name;
/// `answered` says that nothing here is ever sent to the server.
fn bound(schema: &mut Value, name: Option<&str>, answered: bool) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    if is(map, "string")
        && !["maxLength", "enum", "const"]
            .iter()
            .any(|k| map.contains_key(*k))
    {
        let length = map
            .get("format")
            .and_then(Value::as_str)
            .and_then(by_format)
            .or_else(|| name.filter(|n| is_id(n)).map(|_| ID))
            .or_else(|| {
                // Codes are what is sent; what is answered under the same names may be text
                // (a label `de`, a region's name).
                let name = name.filter(|_| !answered)?;
                codes()
                    .into_iter()
                    .find(|(names, _)| names.contains(&name))
                    .map(|(_, length)| length)
            })
            .or(answered.then_some(ANSWERED_TEXT));
        if let Some(length) = length {
            map.insert("maxLength".into(), length.into());
        }
    }
    if is(map, "integer") {
        let (min, max) = match map.get("format").and_then(Value::as_str) {
            Some("int32") => (i64::from(i32::MIN), i64::from(i32::MAX)),
            _ => {
                map.insert("format".into(), json!("int64"));
                (i64::MIN, i64::MAX)
            }
        };
        if !map.contains_key("exclusiveMinimum") {
            map.entry("minimum").or_insert(min.into());
        }
        if !map.contains_key("exclusiveMaximum") {
            map.entry("maximum").or_insert(max.into());
        }
    }
    for (key, inner) in map.iter_mut() {
        match key.as_str() {
            "properties" => {
                for (property, schema) in inner.as_object_mut().into_iter().flatten() {
                    bound(schema, Some(property), answered);
                }
            }
            // Elements are named by their list.
            "items" => bound(inner, name, answered),
            "additionalProperties" | "propertyNames" => bound(inner, None, answered),
            "allOf" | "anyOf" | "oneOf" => {
                for schema in inner.as_array_mut().into_iter().flatten() {
                    bound(schema, name, answered);
                }
            }
            _ => {}
        }
    }
}

/// Ids are UUIDs: `id` and `…_id`, except the VAT id, which is a register number.
fn is_id(name: &str) -> bool {
    name == "id" || (name.ends_with("_id") && name != "vat_id")
}

/// Headers any response may carry, documented once under `components/headers`.
const COMMON_HEADERS: &[(&str, &str)] = &[
    (
        "Access-Control-Allow-Origin",
        "To browsers that sent an `Origin`: the origins allowed to read the answer (`PARTNERNET_CORS_ORIGINS`; by default any origin, never with credentials)",
    ),
    (
        "RateLimit-Limit",
        "`/v1` only, while request limits are on: requests per minute the caller may make",
    ),
    (
        "RateLimit-Remaining",
        "`/v1` only, while request limits are on: requests left before the limit applies",
    ),
    (
        "RateLimit-Reset",
        "`/v1` only, while request limits are on: seconds until the full limit is available again",
    ),
];

/// Declares [`COMMON_HEADERS`] and refers to them from every response.
fn add_common_headers(document: &mut Value) {
    let headers = COMMON_HEADERS
        .iter()
        .map(|(name, description)| {
            let schema = if *name == "Access-Control-Allow-Origin" {
                json!({"type": "string", "maxLength": domain::webhook::MAX_URL})
            } else {
                json!({"type": "integer", "format": "int32", "minimum": 0, "maximum": i32::MAX})
            };
            (
                name.to_string(),
                json!({"description": description, "schema": schema}),
            )
        })
        .collect::<Map<String, Value>>();
    document["components"]["headers"] = Value::Object(headers);
    if let Some(shared) = document["components"]["responses"].as_object_mut() {
        shared.values_mut().for_each(refer_to_common_headers);
    }
    if let Some(paths) = document["paths"].as_object_mut() {
        for operation in paths.values_mut().flat_map(operations) {
            if let Some(own) = operation["responses"].as_object_mut() {
                own.values_mut()
                    .filter(|response| response.get("$ref").is_none())
                    .for_each(refer_to_common_headers);
            }
        }
    }
}

fn refer_to_common_headers(response: &mut Value) {
    if let Some(response) = response.as_object_mut() {
        let headers = response
            .entry("headers")
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("headers are a map");
        for (name, _) in COMMON_HEADERS {
            headers.insert(
                name.to_string(),
                json!({"$ref": format!("#/components/headers/{name}")}),
            );
        }
    }
}
