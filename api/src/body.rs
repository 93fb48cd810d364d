//! JSON request bodies: size-limited, content-type checked, errors named by JSON pointer.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use actix_web::error::PayloadError;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::Segment;

use crate::error::{ApiError, FieldError};

/// Largest body accepted (the API's convention: 1 MiB).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// How long a client may take to send a body. A slow client holds a connection and memory
/// meanwhile; an honest one sends 1 MiB in far less.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The whole body, at most [`MAX_BODY_BYTES`], within [`BODY_TIMEOUT`].
pub async fn read(req: &HttpRequest, payload: &mut Payload) -> Result<web::Bytes, ApiError> {
    let bytes = actix_web::rt::time::timeout(BODY_TIMEOUT, web::Bytes::from_request(req, payload))
        .await
        .map_err(|_| ApiError::RequestTimeout(BODY_TIMEOUT.as_secs()))?;
    bytes.map_err(|error| match error.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) => ApiError::PayloadTooLarge(MAX_BODY_BYTES),
        _ => ApiError::BadRequest(format!("the request body could not be read: {error}")),
    })
}

/// Fields the platform manages. Sent in a body they are named as read-only rather than as
/// unknown, so a client trying to set them learns why it cannot.
const READ_ONLY: &[&str] = &[
    "id",
    "verified",
    "version",
    "created_at",
    "updated_at",
    "owner_id",
    "is_admin",
    "role",
    "password_hash",
];

/// A JSON body parsed into `T`. Unknown fields are rejected by the body types
/// (`deny_unknown_fields`), so nothing a client sends is silently ignored or applied.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let is_json = req.mime_type().ok().flatten().is_some_and(|mime| {
                mime.type_() == "application"
                    && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
            });
            if !is_json {
                return Err(ApiError::unsupported_media_type(&req));
            }
            let bytes = read(&req, &mut payload).await?;
            parse(&bytes).map(Json)
        })
    }
}

/// The most problems reported for one body; a body with more is likely not meant for this API.
const MAX_REPORTED: usize = 20;

/// Parses `bytes` as JSON into `T`; each problem names its field by JSON pointer.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|error| ApiError::BadRequest(format!("the body is not valid JSON: {error}")))?;
    // serde would also read a struct from a list of its field values; no body of ours is one.
    if !value.is_object() {
        return Err(ApiError::MalformedBody(vec![FieldError::pointer(
            "/",
            "invalid",
            "expected a JSON object",
        )]));
    }
    // Schemas allow any character in a string, so this is a rule beyond them: a 422.
    let mut nul = Vec::new();
    find_nul(&value, String::new(), &mut nul);
    if !nul.is_empty() {
        return Err(ApiError::InvalidBody(nul));
    }
    from_value(value)
}

/// The strings of `value` (keys too) that hold a NUL character: no text of ours has one, and
/// PostgreSQL cannot store it, so it is refused here for every body.
fn find_nul(value: &Value, at: String, found: &mut Vec<FieldError>) {
    let nul = |at: String| {
        FieldError::pointer(
            if at.is_empty() { "/".to_owned() } else { at },
            "invalid_characters",
            "NUL characters (\\u0000) are not allowed",
        )
    };
    match value {
        Value::String(text) if text.contains('\0') => found.push(nul(at)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                find_nul(item, format!("{at}/{i}"), found);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                let at = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if key.contains('\0') {
                    found.push(nul(at));
                } else {
                    find_nul(member, at, found);
                }
            }
        }
        _ => {}
    }
}

/// Deserialises `value` into `T`, reporting every problem serde finds rather than the first:
/// after each one the offending member is taken out (an unknown field) or replaced by a value of
/// the expected type, and the rest is tried again. A missing required field ends the search,
/// since nothing can stand in for it.
pub fn from_value<T: DeserializeOwned>(mut value: Value) -> Result<T, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    loop {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(parsed) if errors.is_empty() => return Ok(parsed),
            Ok(_) => break,
            Err(error) => error,
        };
        let raw = error.inner().to_string();
        let error = field_error(pointer(error.path()), &raw);
        let at = error.pointer.clone().unwrap_or_default();
        let repaired = match error.code.as_str() {
            "unknown_field" | "read_only" => remove(&mut value, &at),
            "invalid" => stand_in(&raw).and_then(|v| {
                *value.pointer_mut(&at)? = v;
                Some(())
            }),
            _ => None,
        };
        errors.push(error);
        if repaired.is_none() || errors.len() == MAX_REPORTED {
            break;
        }
    }
    Err(ApiError::MalformedBody(errors))
}

/// RFC 7396 JSON merge patch: objects merge recursively, `null` removes, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    target.remove(&key);
                } else {
                    merge_patch(target.entry(key).or_insert(Value::Null), value);
                }
            }
        }
        (target, patch) => *target = patch,
    }
}

/// The result of applying a merge patch, as `T`. The stored resource is valid, so a wrong type
/// or an unknown field came with the patch: its own fault (400). A missing field is the
/// combination (`null` for a required field, a nested object left incomplete), which the patch
/// schema cannot foresee: a 422.
pub fn from_merged<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    from_value(value).map_err(|error| match error {
        ApiError::MalformedBody(errors) if errors.iter().all(|e| e.code == "required") => {
            ApiError::InvalidBody(errors)
        }
        other => other,
    })
}

/// Removes the member at `pointer` of an object.
fn remove(value: &mut Value, pointer: &str) -> Option<()> {
    let (parent, key) = pointer.rsplit_once('/')?;
    let key = key.replace("~1", "/").replace("~0", "~");
    value.pointer_mut(parent)?.as_object_mut()?.remove(&key)?;
    Some(())
}

/// A value of the type serde's message says it expected, to try the rest of a body with.
fn stand_in(message: &str) -> Option<Value> {
    let (_, expected) = message.split_once("expected ")?;
    let expected = expected.split(" at line ").next().unwrap_or(expected);
    if let Some(first) = expected
        .strip_prefix("one of `")
        .or_else(|| expected.strip_prefix('`'))
    {
        return Some(Value::String(first.split('`').next()?.to_owned()));
    }
    match kind(expected) {
        "a string" => Some(Value::String(String::new())),
        "a list" => Some(Value::Array(Vec::new())),
        "true or false" => Some(Value::Bool(false)),
        "a whole number" | "a number" => Some(Value::from(0)),
        "null" => Some(Value::Null),
        _ => None,
    }
}

fn pointer(path: &serde_path_to_error::Path) -> String {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { variant } => Some(format!("/{variant}")),
            Segment::Unknown => None,
        })
        .collect()
}

/// serde's messages end with " at line 1 column 20", which means nothing next to a pointer, and
/// speak of Rust types; the client gets the field's pointer and plain words.
fn field_error(mut pointer: String, message: &str) -> FieldError {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        if !pointer.ends_with(&format!("/{field}")) {
            pointer = format!("{pointer}/{field}");
        }
        return if READ_ONLY.contains(&field) {
            FieldError::pointer(
                pointer,
                "read_only",
                format!("'{field}' is managed by the platform and cannot be set here"),
            )
        } else {
            FieldError::pointer(
                pointer,
                "unknown_field",
                format!("'{field}' is not a field here{}", allowed(expected)),
            )
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return FieldError::pointer(format!("{pointer}/{field}"), "required", "is required");
    }
    let pointer = if pointer.is_empty() {
        "/".to_owned()
    } else {
        pointer
    };
    FieldError::pointer(pointer, "invalid", plain(message))
}

/// ", expected one of `a`, `b`" → "; allowed: 'a', 'b'".
fn allowed(expected: &str) -> String {
    let list = expected
        .trim_start_matches(", expected ")
        .trim_start_matches("one of ")
        .replace('`', "'");
    if list.is_empty() || list == "nothing" {
        String::new()
    } else {
        format!("; allowed: {list}")
    }
}

/// One of serde's messages about a value, without Rust's type names.
fn plain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = found.split(' ').next().unwrap_or(found);
        return format!("expected {}, found {}", kind(expected), kind(found));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        return format!("'{value}' is not allowed{}", allowed(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "{} is out of range; expected {}",
            found.replace('`', "'"),
            kind(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("has {found} elements; expected {expected}");
    }
    message.replace('`', "'")
}

/// A serde or Rust name of a kind of value, as JSON calls it.
fn kind(name: &str) -> &str {
    match name.trim_start_matches("a ").trim_start_matches("an ") {
        "map" => "an object",
        "sequence" | "seq" => "a list",
        "string" | "borrowed string" | "char" => "a string",
        "boolean" | "bool" => "true or false",
        "unit value" | "null" => "null",
        "integer" | "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => {
            "a whole number"
        }
        "floating point" | "f32" | "f64" => "a number",
        other if other.starts_with("struct ") => "an object",
        other if other.starts_with("string") => "a string",
        other if other.starts_with("integer") => "a whole number",
        other if other.starts_with("floating point") => "a number",
        other if other.starts_with("boolean") => "true or false",
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        city: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        address: Inner,
        tags: Vec<u8>,
    }

    fn first_error(body: &str) -> FieldError {
        match parse::<Outer>(body.as_bytes()) {
            Err(ApiError::MalformedBody(mut errors)) => errors.remove(0),
            other => panic!("expected an invalid body, got {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field() {
        let e = first_error(r#"{"name":"a","address":{"city":1},"tags":[]}"#);
        assert_eq!(
            (e.pointer.as_deref(), e.code.as_str()),
            (Some("/address/city"), "invalid")
        );
        let e = first_error(r#"{"name":"a","address":{"city":"x"},"tags":[1,300]}"#);
        assert_eq!(e.pointer.as_deref(), Some("/tags/1"));
        let e = first_error(r#"{"name":"a","address":{"city":"x"}}"#);
        assert_eq!(e.code, "required");
        let e = first_error(r#"{"name":"a","verified":true,"address":{"city":"x"},"tags":[]}"#);
        assert_eq!(
            (e.pointer.as_deref(), e.code.as_str()),
            (Some("/verified"), "read_only")
        );
        let e = first_error(r#"{"name":"a","address":{"city":"x","zip":1},"tags":[]}"#);
        assert_eq!(
            (e.pointer.as_deref(), e.code.as_str()),
            (Some("/address/zip"), "unknown_field")
        );
        assert!(matches!(parse::<Outer>(b"{"), Err(ApiError::BadRequest(_))));
    }

    #[test]
    fn nul_characters_are_refused_anywhere() {
        let body = br#"{"name":"a\u0000b","address":{"city":"x"},"tags":[],"x\u0000":1}"#;
        let Err(ApiError::InvalidBody(errors)) = parse::<Outer>(body) else {
            panic!("expected an invalid body");
        };
        let pointers: Vec<_> = errors.iter().filter_map(|e| e.pointer.as_deref()).collect();
        assert_eq!(pointers, ["/name", "/x\u{0}"]);
    }

    #[test]
    fn every_problem_is_reported_in_plain_words() {
        let body = br#"{"name":1,"address":{"city":{}},"tags":[1,"x"],"extra":1}"#;
        let Err(ApiError::MalformedBody(errors)) = parse::<Outer>(body) else {
            panic!("expected an invalid body");
        };
        let pointers: Vec<_> = errors.iter().filter_map(|e| e.pointer.as_deref()).collect();
        assert_eq!(pointers, ["/address/city", "/extra", "/name", "/tags/1"]);
        assert_eq!(errors[0].message, "expected a string, found an object");
        assert_eq!(errors[2].message, "expected a string, found a whole number");
        for error in &errors {
            assert!(!error.message.contains('`'), "{}", error.message);
        }
        let e = first_error(r#"{"address":{"city":"x"},"tags":[]}"#);
        assert_eq!(
            (e.pointer.as_deref(), e.message.as_str()),
            (Some("/name"), "is required")
        );
    }
}
