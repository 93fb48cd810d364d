//! The API's operations as the OpenAPI document declares them: which methods each path answers,
//! which query parameters and which body media types each operation takes. The document is generated from the same
//! handlers, so answering 405s and rejecting undeclared parameters from it cannot drift from
//! the routes, and no handler has to remember to do either.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr};

use crate::error::{ApiError, FieldError};

#[derive(Debug)]
struct Path {
    segments: Vec<String>,
    /// By method, in upper case, in the order an `Allow` header lists them.
    operations: Vec<(String, Declared)>,
}

#[derive(Debug)]
struct Declared {
    query: Vec<(String, Option<Longest>)>,
    media_types: Vec<String>,
    /// Whether it answers `201 Created`.
    creates: bool,
    /// Whether it may be called without credentials.
    open: bool,
}

#[derive(Debug)]
pub struct Operations(Vec<Path>);

impl Operations {
    pub fn of(document: &OpenApi) -> Self {
        let paths = document
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    ("GET", &item.get),
                    ("POST", &item.post),
                    ("PUT", &item.put),
                    ("PATCH", &item.patch),
                    ("DELETE", &item.delete),
                ];
                Path {
                    segments: path.split('/').map(str::to_owned).collect(),
                    operations: methods
                        .into_iter()
                        .filter_map(|(method, operation)| {
                            let operation = operation.as_ref()?;
                            let declared = Declared {
                                query: query_parameters(operation),
                                media_types: operation
                                    .request_body
                                    .iter()
                                    .flat_map(|body| match body {
                                        RefOr::T(body) => body.content.keys().cloned().collect(),
                                        RefOr::Ref(_) => Vec::new(),
                                    })
                                    .collect(),
                                creates: operation.responses.responses.contains_key("201"),
                                open: operation.security.as_ref().is_none_or(|requirements| {
                                    requirements.iter().any(|requirement| {
                                        serde_json::to_value(requirement)
                                            .is_ok_and(|r| r == serde_json::json!({}))
                                    })
                                }),
                            };
                            Some((method.to_owned(), declared))
                        })
                        .collect(),
                }
            })
            .collect();
        Self(paths)
    }

    /// The documented path `path` matches, `{parameters}` matching any segment.
    fn path(&self, path: &str) -> Option<&Path> {
        let segments: Vec<&str> = path.split('/').collect();
        self.0.iter().find(|pattern| {
            pattern.segments.len() == segments.len()
                && pattern
                    .segments
                    .iter()
                    .zip(&segments)
                    .all(|(p, s)| p == s || (p.starts_with('{') && !s.is_empty()))
        })
    }

    fn operation(&self, method: &str, path: &str) -> Option<&Declared> {
        let operations = &self.path(path)?.operations;
        operations
            .iter()
            .find(|(m, _)| m == method)
            .map(|(_, declared)| declared)
    }

    /// The body media types the operation at `method` and `path` takes, for its 415 problem.
    pub fn media_types(&self, method: &str, path: &str) -> Option<&[String]> {
        Some(&self.operation(method, path)?.media_types)
    }

    /// Whether the operation at `method` and `path` creates something (answers `201`).
    pub fn creates(&self, method: &str, path: &str) -> bool {
        self.operation(method, path)
            .is_some_and(|declared| declared.creates)
    }

    /// Whether the operation at `method` and `path` may be called without credentials.
    pub fn is_open(&self, method: &str, path: &str) -> bool {
        self.operation(method, path)
            .is_some_and(|declared| declared.open)
    }

    /// The methods `path` answers, as an `Allow` header lists them; `None` for unknown paths.
    pub fn allowed_methods(&self, path: &str) -> Option<String> {
        let path = self.path(path)?;
        let methods: Vec<&str> = path.operations.iter().map(|(m, _)| m.as_str()).collect();
        Some(methods.join(", "))
    }
}

/// The operation's query parameters and the longest value each takes, as declared (for lists,
/// each element: they may come comma-separated).
fn query_parameters(operation: &Operation) -> Vec<(String, Option<Longest>)> {
    operation
        .parameters
        .iter()
        .flatten()
        .filter_map(|parameter| match parameter {
            RefOr::T(parameter) if matches!(parameter.parameter_in, ParameterIn::Query) => {
                let schema = serde_json::to_value(&parameter.schema).unwrap_or_default();
                let whole = schema["maxLength"]
                    .as_u64()
                    .map(|n| Longest::Value(n as usize));
                let each = schema["items"]["maxLength"]
                    .as_u64()
                    .map(|n| Longest::Element(n as usize));
                let longest = whole.or(each);
                Some((parameter.name.clone(), longest))
            }
            _ => None,
        })
        .collect()
}

const NUL: &str = "NUL characters (%00) are not allowed";

/// Longest URL (path and query) accepted: room for every filter of a search many times over.
pub const MAX_URL_BYTES: usize = 8 * 1024;

/// Most header bytes (names and values) accepted: credentials are a token of a few hundred
/// bytes, and no cookies are used.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Longest `If-Match` or `If-None-Match`: entity tags as we issue them are short, but a client
/// may list many; half the headers' room, leaving the other half to the rest.
pub const MAX_CONDITION_BYTES: usize = MAX_HEADER_BYTES / 2;

/// Rejects a request with an over-long URL or headers, or a NUL character in its URL, or whose query string is malformed or
/// holds a parameter its operation does not declare: a typo such as `regoin=` would otherwise
/// return unfiltered data that looks right. Requests for unknown paths or methods pass on to
/// their 404 or 405.
pub async fn declared_parameters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req
        .uri()
        .path_and_query()
        .is_some_and(|url| url.as_str().len() > MAX_URL_BYTES)
    {
        return Err(ApiError::UriTooLong(MAX_URL_BYTES).into());
    }
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return Err(ApiError::HeadersTooLarge(MAX_HEADER_BYTES).into());
    }
    for (name, header) in [
        ("If-Match", header::IF_MATCH),
        ("If-None-Match", header::IF_NONE_MATCH),
    ] {
        if req
            .headers()
            .get_all(&header)
            .map(|value| value.len())
            .sum::<usize>()
            > MAX_CONDITION_BYTES
        {
            return Err(ApiError::MalformedParameters(vec![FieldError::parameter(
                name,
                "too_long",
                format!("at most {MAX_CONDITION_BYTES} bytes"),
            )])
            .into());
        }
    }
    // No text of ours holds a NUL character and PostgreSQL cannot store one: refused in every
    // URL, before any handler can pass it to the database. The document allows any character
    // in a string parameter, so this is a rule beyond it: a 422.
    if let Some(url) = req.uri().path_and_query()
        && url.as_str().contains("%00")
    {
        let (path, query) = url.as_str().split_once('?').unwrap_or((url.as_str(), ""));
        let mut named: Vec<FieldError> = serde_html_form::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, value)| name.contains('\0') || value.contains('\0'))
            .map(|(name, _)| FieldError::parameter(&name, "invalid_characters", NUL))
            .collect();
        if path.contains("%00") {
            named.push(FieldError::parameter("path", "invalid_characters", NUL));
        }
        return Err(ApiError::InvalidParameters(named).into());
    }
    if !req.query_string().is_empty()
        && let Some(operations) = req.app_data::<web::Data<Operations>>()
        && let Some(declared) = operations.operation(req.method().as_str(), req.path())
    {
        check(req.query_string(), &declared.query)?;
    }
    next.call(req).await
}

/// The longest a query parameter's value may be: the whole value, or each element of a list.
#[derive(Debug, Clone, Copy)]
enum Longest {
    Value(usize),
    Element(usize),
}

impl Longest {
    /// The bound, if `value` is longer than it.
    fn exceeded_by(self, value: &str) -> Option<usize> {
        let too_long = |text: &str, bound: usize| text.chars().count() > bound;
        match self {
            Longest::Value(bound) => too_long(value, bound).then_some(bound),
            Longest::Element(bound) => value
                .split(',')
                .any(|element| too_long(element, bound))
                .then_some(bound),
        }
    }
}

fn check(query: &str, declared: &[(String, Option<Longest>)]) -> Result<(), ApiError> {
    let pairs: Vec<(String, String)> = serde_html_form::from_str(query).map_err(|_| {
        ApiError::BadRequest(
            "the query string is malformed: percent-encode it as UTF-8 (RFC 3986)".into(),
        )
    })?;
    let mut unknown: Vec<FieldError> = Vec::new();
    for (name, value) in pairs {
        if unknown.iter().any(|e| e.parameter.as_ref() == Some(&name)) {
            continue;
        }
        match declared.iter().find(|(declared, _)| *declared == name) {
            None => {
                let names: Vec<&str> = declared.iter().map(|(n, _)| n.as_str()).collect();
                let takes = if names.is_empty() {
                    "this operation takes no query parameters".to_owned()
                } else {
                    format!("this operation takes: {}", names.join(", "))
                };
                let message = format!("'{name}' is not a parameter here; {takes}");
                unknown.push(FieldError::parameter(&name, "unknown_parameter", message));
            }
            // The document's bound holds for every value, also where no handler checks it.
            Some((_, Some(longest))) => {
                if let Some(bound) = longest.exceeded_by(&value) {
                    let message = format!("at most {bound} characters");
                    unknown.push(FieldError::parameter(&name, "too_long", message));
                }
            }
            Some(_) => {}
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(ApiError::MalformedParameters(unknown))
    }
}
