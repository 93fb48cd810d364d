//! The OpenAPI 3.1 document: collected from the registered handlers, with fixed `info` so the
//! checked-in `openapi.yaml` only changes when the API does.

use actix_web::App;
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "PartnerNet API",
        description = "The API of PartnerNet, the bilingual German–Czech business network of the Saxony–Czechia border region: companies and research institutions, their products and services, industries and regions, searchable across both languages.\n\nErrors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists are paged by an opaque `cursor`. Reads are public; contact persons need a signed-in user or an API key with the `read` scope; changes need a signed-in member of the organisation.",
        license(name = "MIT", identifier = "MIT"),
    ),
    modifiers(&SecuritySchemes),
    tags(
        (name = "auth", description = "Registration and sessions: access tokens (JWT, 15 minutes) and single-use refresh tokens"),
        (name = "me", description = "The signed-in user's account"),
        (name = "companies", description = "The directory of companies and institutions, and editing by their members"),
        (name = "products", description = "Products and services of companies, and their search"),
        (name = "search", description = "The industry glossary that translates search queries between German, Czech and English"),
        (name = "members", description = "Owners and editors of an organisation"),
        (name = "api keys", description = "Keys of multiplier institutions for machine access"),
        (name = "claims", description = "Claims of unclaimed profiles (imported from the registers), decided by administrators"),
        (name = "imports", description = "Imports of register data (ARES, Handelsregister), for administrators"),
        (name = "reference", description = "Classifications: NACE Rev. 2 industries, NUTS-3 regions, legal forms"),
        (name = "operations", description = "Health and readiness probes"),
    )
)]
struct ApiDoc;

/// Both credentials travel as `Authorization: Bearer ...`: users' access tokens from
/// `/v1/auth/login`, and API keys (`pn_...`) of multiplier institutions, scoped.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "user_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("An access token from `/v1/auth/login` or `/v1/auth/refresh`; valid 15 minutes."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("pn_...")
                    .description(Some("An API key of a multiplier institution. Scopes: `read` (companies with contact persons), `export`, `changes`, `webhooks`, `stats`."))
                    .build(),
            ),
        );
    }
}

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
