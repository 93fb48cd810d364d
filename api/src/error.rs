//! Errors as RFC 9457 `application/problem+json` with a stable machine `code`.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

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
    #[error("{}", describe(.0))]
    InvalidParameters(Vec<FieldError>),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0} only answers GET")]
    MethodNotAllowed(String),
    #[error("the service is busy or its database is unreachable; try again shortly")]
    Unavailable,
    #[error("an internal error occurred; it has been logged")]
    Internal(#[source] anyhow::Error),
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

    fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound(_) => "not_found",
            ApiError::InvalidParameters(_) => "invalid_parameter",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::MethodNotAllowed(_) => "method_not_allowed",
            ApiError::Unavailable => "service_unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::NotFound(_) => "Not found",
            ApiError::InvalidParameters(_) => "Invalid parameter",
            ApiError::BadRequest(_) => "Bad request",
            ApiError::MethodNotAllowed(_) => "Method not allowed",
            ApiError::Unavailable => "Service unavailable",
            ApiError::Internal(_) => "Internal server error",
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => ApiError::NotFound("no such resource".into()),
            other => ApiError::internal(other),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::InvalidParameters(_) | ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
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
            detail: self.to_string(),
            code: self.code(),
            errors: match self {
                ApiError::InvalidParameters(errors) => errors.clone(),
                _ => Vec::new(),
            },
        };
        let mut response = HttpResponse::build(status);
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        match self {
            ApiError::Unavailable => {
                response.insert_header((header::RETRY_AFTER, HeaderValue::from_static("1")));
            }
            ApiError::MethodNotAllowed(_) => {
                response.insert_header((header::ALLOW, HeaderValue::from_static("GET")));
            }
            _ => {}
        }
        response.json(problem)
    }
}
