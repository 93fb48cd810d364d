//! Query strings: repeated keys (`region=A&region=B`), unknown parameters rejected by name.

use actix_web::HttpRequest;
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, FieldError};

/// Parses the request's query string into `T` and checks `T`'s declared bounds. Unknown
/// parameters are a 400 rather than silently ignored: a typo such as `regoin=` would otherwise
/// return unfiltered data that looks right.
pub fn parse<T: DeserializeOwned + Validate>(req: &HttpRequest) -> Result<T, ApiError> {
    let params: T = serde_html_form::from_str(req.query_string())
        .map_err(|e| ApiError::BadRequest(format!("invalid query string: {e}")))?;
    params.validate().map_err(validation_errors)?;
    Ok(params)
}

fn validation_errors(errors: ValidationErrors) -> ApiError {
    let mut fields: Vec<FieldError> = errors
        .errors()
        .iter()
        .flat_map(|(name, kind)| match kind {
            ValidationErrorsKind::Field(list) => list
                .iter()
                .map(|e| {
                    let message = e
                        .message
                        .as_ref()
                        .map_or_else(|| e.code.to_string(), ToString::to_string);
                    FieldError::parameter(name, e.code.to_string(), message)
                })
                .collect(),
            _ => vec![FieldError::parameter(name, "invalid", "invalid value")],
        })
        .collect();
    fields.sort_by(|a, b| a.parameter.cmp(&b.parameter));
    ApiError::MalformedParameters(fields)
}

/// Parses an optional parameter with `parse`, naming the parameter in the error.
pub fn optional<T>(
    name: &str,
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, domain::InvalidValue>,
) -> Result<Option<T>, ApiError> {
    raw.map(|value| parse(value).map_err(|e| ApiError::invalid_parameter(name, e)))
        .transpose()
}

/// Parses every value of a repeatable parameter, reporting all bad values at once. Values may
/// also come comma-separated (`region=CZ042,CZ041`), as clients that do not repeat parameters
/// send lists; no value of ours contains a comma.
pub fn each<T>(
    name: &str,
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, domain::InvalidValue>,
) -> Result<Vec<T>, ApiError> {
    let mut values = Vec::with_capacity(raw.len());
    let mut errors = Vec::new();
    for value in raw.iter().flat_map(|value| value.split(',')) {
        match parse(value) {
            Ok(v) => values.push(v),
            Err(e) => errors.push(FieldError::parameter(name, e.code, e.message)),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(ApiError::InvalidParameters(errors))
    }
}
