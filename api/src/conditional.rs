//! Entity tags and `If-None-Match` for cacheable resources.

use actix_web::http::header::{self, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, HttpResponseBuilder};

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
