//! Errors as RFC 9457 `application/problem+json` with a stable machine `code`.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::operations::Operations;

/// An RFC 9457 problem document. `code` is stable and meant for programs; `title` and `detail`
/// are for people and may change.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:partnernet:problem:invalid_parameter",
    "title": "Invalid parameter",
    "status": 400,
    "detail": "limit: '1000' is out of range; expected a whole number from 1 to 100",
    "code": "invalid_parameter",
    "errors": [{"parameter": "limit", "code": "out_of_range", "message": "'1000' is out of range; expected a whole number from 1 to 100"}]
}))]
pub struct Problem {
    /// `urn:partnernet:problem:{code}`.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
    pub code: &'static str,
    /// What exactly was wrong, one entry per field or parameter.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// With `register_id_taken`: the company that has the identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "/v1/companies/01a2262f-f60f-7757-94b9-1d6bc3976d34")]
    pub existing: Option<String>,
    /// With `register_id_taken`, when nobody manages that company yet: where to claim it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "/v1/companies/01a2262f-f60f-7757-94b9-1d6bc3976d34/claims")]
    pub claim: Option<String>,
}

/// One invalid input: a query or path `parameter`, or a body field named by JSON `pointer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    pub code: String,
    pub message: String,
}

impl FieldError {
    /// A body field, named by JSON pointer (`/address/postal_code`).
    pub fn pointer(
        pointer: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            parameter: None,
            pointer: Some(pointer.into()),
            code: code.into(),
            message: message.into(),
        }
    }

    pub fn parameter(name: &str, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            parameter: Some(name.to_owned()),
            pointer: None,
            code: code.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    NotFound(String),
    /// Parameters that break a rule the OpenAPI document cannot express (a code that must
    /// exist, parameters that exclude each other, a cursor of another listing): 422.
    #[error("{}", describe(.0))]
    InvalidParameters(Vec<FieldError>),
    /// A body that matches its schema but breaks a rule the schema cannot express (a check
    /// digit, a postal code that must exist, a legal form of another country): 422.
    #[error("{}", describe(.0))]
    InvalidBody(Vec<FieldError>),
    /// Parameters that do not match the document: undeclared, of the wrong type or out of their
    /// declared bounds: 400.
    #[error("{}", describe(.0))]
    MalformedParameters(Vec<FieldError>),
    /// A body that does not match its schema: wrong types, unknown or missing fields: 400.
    #[error("{}", describe(.0))]
    MalformedBody(Vec<FieldError>),
    #[error("{0}")]
    BadRequest(String),
    /// No credentials, or credentials that do not identify anyone.
    #[error("{0}")]
    Unauthenticated(String),
    /// A bearer token that is malformed, expired, revoked or not ours.
    #[error("{0}")]
    InvalidToken(String),
    /// Login failed; deliberately silent on whether the e-mail or the password was wrong.
    #[error("the e-mail address or the password is wrong")]
    InvalidCredentials,
    #[error("{0}")]
    Forbidden(String),
    #[error("this API key lacks the '{0}' scope")]
    InsufficientScope(&'static str),
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// What was asked for existed once and is gone for good.
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    #[error(
        "company {company_id} already has this IČO or register entry; {}",
        if *.claimable { "nobody manages it yet: claim it at its `claim` link" } else { "ask its owners or the platform's administrators to transfer it" }
    )]
    RegisterIdTaken { company_id: String, claimable: bool },
    #[error("the resource has changed since the ETag in If-Match; fetch it again and retry")]
    PreconditionFailed,
    #[error(
        "this Idempotency-Key was used for another request in the last 24 hours; use a new key for a new request"
    )]
    IdempotencyKeyReused,
    #[error("a request with this Idempotency-Key is still running; retry after it answered")]
    IdempotencyKeyInUse,
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("the request body did not arrive within {0} seconds")]
    RequestTimeout(u64),
    #[error("the URL is longer than {0} bytes; send long filters as several requests")]
    UriTooLong(usize),
    #[error("the request's headers are larger than {0} bytes together")]
    HeadersTooLarge(usize),
    /// The media types the operation takes, as a list for people.
    #[error("send the body as {0}")]
    UnsupportedMediaType(String),
    #[error("too many attempts; try again in {0} seconds")]
    TooManyRequests(u64),
    #[error("{path} answers only {allow}")]
    MethodNotAllowed { path: String, allow: String },
    #[error("the service is busy or its database is unreachable; try again shortly")]
    Unavailable,
    #[error("an internal error occurred; it has been logged")]
    Internal(#[source] anyhow::Error),
}

/// A problem names at most this many invalid fields: enough to fix a request, and a hostile
/// body with thousands of bad items cannot make the answer larger than itself.
pub const MAX_FIELD_ERRORS: usize = 50;

/// Longest `detail` or field `message`, in characters. Messages quote what was sent, and a
/// problem should not echo a megabyte back.
const MAX_MESSAGE: usize = 1_000;

fn capped(mut message: String) -> String {
    if let Some((end, _)) = message.char_indices().nth(MAX_MESSAGE) {
        message.truncate(end);
        message.push('…');
    }
    message
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| match (&e.parameter, &e.pointer) {
            (Some(name), _) | (None, Some(name)) => format!("{name}: {}", e.message),
            (None, None) => e.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl ApiError {
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(error.into())
    }

    pub fn invalid_parameter(name: &str, error: domain::InvalidValue) -> Self {
        ApiError::InvalidParameters(vec![FieldError::parameter(name, error.code, error.message)])
    }

    /// A 400 for one body field, named by JSON pointer.
    pub fn invalid_field(pointer: &str, error: domain::InvalidValue) -> Self {
        ApiError::InvalidBody(vec![FieldError::pointer(
            pointer,
            error.code,
            error.message,
        )])
    }

    /// A 404 for the `what` with this id, without echoing absurdly long ids back.
    pub fn no_such(what: &str, id: &str) -> Self {
        if id.len() > 64 {
            ApiError::NotFound(format!("no {what} has this id"))
        } else {
            ApiError::NotFound(format!("no {what} has the id '{id}'"))
        }
    }

    /// A 415 naming the media types the operation at the request's method and path takes.
    pub fn unsupported_media_type(req: &actix_web::HttpRequest) -> Self {
        let declared = req
            .app_data::<actix_web::web::Data<Operations>>()
            .and_then(|operations| operations.media_types(req.method().as_str(), req.path()))
            .filter(|types| !types.is_empty())
            .map(|types| types.join(" or "));
        ApiError::UnsupportedMediaType(declared.unwrap_or_else(|| "application/json".into()))
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::Conflict {
            code,
            message: message.into(),
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound(_) => "not_found",
            ApiError::InvalidParameters(_) | ApiError::MalformedParameters(_) => {
                "invalid_parameter"
            }
            ApiError::InvalidBody(_) | ApiError::MalformedBody(_) => "invalid_body",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unauthenticated(_) => "unauthenticated",
            ApiError::InvalidToken(_) => "invalid_token",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::InsufficientScope(_) => "insufficient_scope",
            ApiError::Conflict { code, .. } | ApiError::Gone { code, .. } => code,
            ApiError::RegisterIdTaken { .. } => "register_id_taken",
            ApiError::PreconditionFailed => "precondition_failed",
            ApiError::RequestTimeout(_) => "request_timeout",
            ApiError::UriTooLong(_) => "uri_too_long",
            ApiError::HeadersTooLarge(_) => "headers_too_large",
            ApiError::IdempotencyKeyReused => "idempotency_key_reused",
            ApiError::IdempotencyKeyInUse => "idempotency_key_in_use",
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::TooManyRequests(_) => "too_many_requests",
            ApiError::MethodNotAllowed { .. } => "method_not_allowed",
            ApiError::Unavailable => "service_unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::NotFound(_) => "Not found",
            ApiError::InvalidParameters(_) | ApiError::MalformedParameters(_) => {
                "Invalid parameter"
            }
            ApiError::InvalidBody(_) | ApiError::MalformedBody(_) => "Invalid request body",
            ApiError::BadRequest(_) => "Bad request",
            ApiError::Unauthenticated(_) => "Authentication required",
            ApiError::InvalidToken(_) => "Invalid token",
            ApiError::InvalidCredentials => "Invalid credentials",
            ApiError::Forbidden(_) => "Forbidden",
            ApiError::InsufficientScope(_) => "Insufficient scope",
            ApiError::Conflict { .. } | ApiError::RegisterIdTaken { .. } => "Conflict",
            ApiError::Gone { .. } => "Gone",
            ApiError::PreconditionFailed => "Precondition failed",
            ApiError::RequestTimeout(_) => "Request timeout",
            ApiError::UriTooLong(_) => "URI too long",
            ApiError::HeadersTooLarge(_) => "Request header fields too large",
            ApiError::IdempotencyKeyReused => "Idempotency key reused",
            ApiError::IdempotencyKeyInUse => "Idempotency key in use",
            ApiError::PayloadTooLarge(_) => "Payload too large",
            ApiError::UnsupportedMediaType(_) => "Unsupported media type",
            ApiError::TooManyRequests(_) => "Too many requests",
            ApiError::MethodNotAllowed { .. } => "Method not allowed",
            ApiError::Unavailable => "Service unavailable",
            ApiError::Internal(_) => "Internal server error",
        }
    }
}

impl From<search_index::SearchError> for ApiError {
    fn from(error: search_index::SearchError) -> Self {
        match error {
            search_index::SearchError::NotReady => ApiError::Unavailable,
            other => ApiError::internal(other),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => ApiError::NotFound("no such resource".into()),
            // Nothing was written; a retry after `Retry-After` can succeed.
            error if persistence::db::is_unavailable(&error) => {
                tracing::warn!(%error, "the database cannot serve this request now");
                ApiError::Unavailable
            }
            other => ApiError::internal(other),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MalformedParameters(_)
            | ApiError::MalformedBody(_)
            | ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::InvalidParameters(_) | ApiError::InvalidBody(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::Unauthenticated(_)
            | ApiError::InvalidToken(_)
            | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::InsufficientScope(_) => StatusCode::FORBIDDEN,
            ApiError::Conflict { .. } | ApiError::RegisterIdTaken { .. } => StatusCode::CONFLICT,
            ApiError::Gone { .. } => StatusCode::GONE,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::IdempotencyKeyInUse => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(error) = self {
            // The cause goes to the log (with the request id of the surrounding span), never to
            // the client.
            tracing::error!(error = format!("{error:#}"), "internal error");
        }
        let status = self.status_code();
        let problem = Problem {
            type_: format!("urn:partnernet:problem:{}", self.code()),
            title: self.title(),
            status: status.as_u16(),
            detail: capped(self.to_string()),
            code: self.code(),
            errors: match self {
                ApiError::InvalidParameters(errors)
                | ApiError::InvalidBody(errors)
                | ApiError::MalformedParameters(errors)
                | ApiError::MalformedBody(errors) => errors
                    .iter()
                    .take(MAX_FIELD_ERRORS)
                    .map(|error| FieldError {
                        parameter: error.parameter.clone().map(capped),
                        pointer: error.pointer.clone().map(capped),
                        code: error.code.clone(),
                        message: capped(error.message.clone()),
                    })
                    .collect(),
                _ => Vec::new(),
            },
            existing: match self {
                ApiError::RegisterIdTaken { company_id, .. } => {
                    Some(format!("/v1/companies/{company_id}"))
                }
                _ => None,
            },
            claim: match self {
                ApiError::RegisterIdTaken {
                    company_id,
                    claimable: true,
                } => Some(format!("/v1/companies/{company_id}/claims")),
                _ => None,
            },
        };
        let mut response = HttpResponse::build(status);
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        match self {
            ApiError::Unavailable | ApiError::IdempotencyKeyInUse => {
                response.insert_header((header::RETRY_AFTER, HeaderValue::from_static("1")));
            }
            ApiError::MethodNotAllowed { allow, .. } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            ApiError::TooManyRequests(seconds) => {
                response.insert_header((header::RETRY_AFTER, seconds.to_string()));
            }
            // RFC 6750 §3: tell the client how to authenticate, and whether its token was bad.
            ApiError::Unauthenticated(_) | ApiError::InvalidCredentials => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"partnernet\""),
                ));
            }
            ApiError::InvalidToken(_) => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(
                        "Bearer realm=\"partnernet\", error=\"invalid_token\"",
                    ),
                ));
            }
            ApiError::InsufficientScope(_) => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(
                        "Bearer realm=\"partnernet\", error=\"insufficient_scope\"",
                    ),
                ));
            }
            _ => {}
        }
        response.json(problem)
    }
}
