//! JSON request bodies: size-limited, content-type checked, errors named by JSON pointer.

use std::future::Future;
use std::pin::Pin;

use actix_web::error::PayloadError;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use crate::error::{ApiError, FieldError};

/// Largest body accepted (the API's convention: 1 MiB).
pub const MAX_BODY_BYTES: usize = 1 << 20;

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
                return Err(ApiError::UnsupportedMediaType);
            }
            let bytes = web::Bytes::from_request(&req, &mut payload)
                .await
                .map_err(|error| match error.as_error::<PayloadError>() {
                    Some(PayloadError::Overflow) => ApiError::PayloadTooLarge(MAX_BODY_BYTES),
                    _ => {
                        ApiError::BadRequest(format!("the request body could not be read: {error}"))
                    }
                })?;
            parse(&bytes).map(Json)
        })
    }
}

/// Parses `bytes` as JSON into `T`; an error names the field by JSON pointer.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let pointer = pointer(error.path());
        let message = error.inner().to_string();
        if error.inner().is_syntax() || error.inner().is_eof() {
            return ApiError::BadRequest(format!("the body is not valid JSON: {message}"));
        }
        ApiError::InvalidBody(vec![field_error(pointer, &message)])
    })
}

/// Same as [`parse`], from an already parsed JSON value (used after merging a patch).
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let pointer = pointer(error.path());
        ApiError::InvalidBody(vec![field_error(pointer, &error.inner().to_string())])
    })
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

/// serde's messages end with " at line 1 column 20", which means nothing next to a pointer.
fn field_error(mut pointer: String, message: &str) -> FieldError {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
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
            FieldError::pointer(pointer, "unknown_field", message.to_owned())
        };
    }
    let code = if message.starts_with("missing field") {
        "required"
    } else {
        "invalid"
    };
    FieldError::pointer(
        if pointer.is_empty() {
            "/".to_owned()
        } else {
            pointer
        },
        code,
        message.to_owned(),
    )
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
            Err(ApiError::InvalidBody(mut errors)) => errors.remove(0),
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
}
