//! The OpenAPI 3.1 document: collected from the registered handlers, with fixed `info` so the
//! checked-in `openapi.yaml` only changes when the API does.

use actix_web::App;
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as Document;
use utoipa_actix_web::AppExt;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "PartnerNet API",
        description = "The API of PartnerNet, the bilingual German–Czech business network of the Saxony–Czechia border region: companies and research institutions, their industries and regions.\n\nErrors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists are paged by an opaque `cursor`.",
        license(name = "MIT", identifier = "MIT"),
    ),
    tags(
        (name = "companies", description = "The public directory of companies and institutions"),
        (name = "reference", description = "Classifications: NACE Rev. 2 industries, NUTS-3 regions, legal forms"),
        (name = "operations", description = "Health and readiness probes"),
    )
)]
struct ApiDoc;

/// The document for the routes of [`routes::configure`].
pub fn document() -> Document {
    let (_, mut document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    document.info.version = env!("CARGO_PKG_VERSION").to_owned();
    document
}

/// The document as YAML, as checked in at the repository's root.
pub fn yaml() -> anyhow::Result<String> {
    Ok(document().to_yaml()?)
}
