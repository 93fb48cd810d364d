//! Entity tags and `If-None-Match` for cacheable resources.

use actix_web::http::header::{self, EntityTag, IfMatch, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, HttpResponseBuilder};
use utoipa::IntoParams;

use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// Documents `If-None-Match` on the operations that answer through [`respond`].
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfNoneMatchHeader {
    /// An `ETag` received before: if the resource is unchanged, the answer is a bodiless 304.
    #[param(rename = "If-None-Match")]
    pub if_none_match: Option<String>,
}

/// Documents `If-Match` on the operations that check a [`Precondition`].
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatchHeader {
    /// The `ETag` of the version the change is based on: if the resource changed since, the
    /// answer is 412 and nothing is changed. Without it the change applies to whatever is stored.
    #[param(rename = "If-Match")]
    pub if_match: Option<String>,
}

/// The tag of a resource at `version` shown as `body`: the version, which `If-Match` compares,
/// and a digest of the body, so the tag also changes with what the version does not cover
/// (an account's memberships, say).
pub fn versioned(version: i64, body: &impl serde::Serialize) -> Result<EntityTag, ApiError> {
    let bytes = serde_json::to_vec(body).map_err(ApiError::internal)?;
    let digest = crate::auth::tokens::hex(&Sha256::digest(&bytes));
    Ok(EntityTag::new_strong(format!("{version}.{}", &digest[..8])))
}

/// Whether the client's `If-None-Match` already names `etag` (weak comparison, RFC 9110 §13.1.2).
fn not_modified(req: &HttpRequest, etag: &EntityTag) -> bool {
    match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|tag| tag.weak_eq(etag)),
        None => false,
    }
}

/// A 200 with `etag` set, or a bodiless 304 when the client has this version already.
pub fn respond(
    req: &HttpRequest,
    etag: EntityTag,
    build: impl FnOnce(HttpResponseBuilder) -> HttpResponse,
) -> HttpResponse {
    if not_modified(req, &etag) {
        return HttpResponse::NotModified()
            .insert_header(header::ETag(etag))
            .finish();
    }
    let mut response = HttpResponse::Ok();
    response.insert_header(header::ETag(etag));
    build(response)
}

/// A representation from [`respond`] answered as newly created at `location`: the client
/// has the ETag for its next `If-Match` without reading it again.
pub fn created(mut response: HttpResponse, location: &str) -> Result<HttpResponse, ApiError> {
    *response.status_mut() = actix_web::http::StatusCode::CREATED;
    response.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(location).map_err(ApiError::internal)?,
    );
    Ok(response)
}

/// The request's `If-Match`, taken apart so it can travel to the database thread. Our tags start
/// with the version (`"7.ab12cd34"`); any tag we issued for a version matches it, whichever view
/// of the resource it came with.
#[derive(Debug, Clone)]
pub enum Precondition {
    None,
    Any,
    Versions(Vec<i64>),
}

impl Precondition {
    /// A malformed `If-Match` matches nothing rather than being ignored.
    pub fn of(req: &HttpRequest) -> Self {
        if !req.headers().contains_key(header::IF_MATCH) {
            return Precondition::None;
        }
        match req.get_header::<IfMatch>() {
            Some(IfMatch::Any) => Precondition::Any,
            Some(IfMatch::Items(tags)) => Precondition::Versions(
                tags.iter()
                    .filter(|tag| !tag.weak)
                    .filter_map(|tag| tag.tag().split('.').next()?.parse().ok())
                    .collect(),
            ),
            None => Precondition::Versions(Vec::new()),
        }
    }

    pub fn allows(&self, version: i64) -> bool {
        match self {
            Precondition::None | Precondition::Any => true,
            Precondition::Versions(versions) => versions.contains(&version),
        }
    }
}
