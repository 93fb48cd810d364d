//! The OpenAPI 3.1 document: collected from the registered handlers, with fixed `info` so the
//! checked-in `openapi.yaml` only changes when the API does. What utoipa's derive cannot say is
//! added after collection, each in a module of its own: merge-patch bodies, references instead
//! of inline copies in generic pages, links, rules between fields, shared problem responses,
//! bounds on every value and the headers every response may carry.

mod bounds;
pub(crate) mod enums;
mod generics;
mod idempotency;
mod links;
pub(crate) mod merge_patch;
mod responses;
mod rules;

use actix_web::App;
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::RefOr;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::ServerBuilder;
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "PartnerNet API",
        description = "The API of PartnerNet, the bilingual German–Czech business network of the Saxony–Czechia border region: companies and research institutions, their products and services and the region's events, industries and regions, searchable across both languages.\n\nErrors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists are paged by an opaque `cursor`. Reads are public; contact persons need a signed-in user or an API key with the `read` scope; changes need a signed-in member of the organisation.",
        license(name = "MIT", identifier = "MIT"),
        contact(name = "PartnerNet API team", email = "api@partnernet.eu", url = "https://partnernet.eu"),
    ),
    modifiers(&SecuritySchemes),
    components(schemas(crate::routes::webhooks::WebhookPayload)),
    tags(
        (name = "auth", description = "Registration and sessions: access tokens (JWT, 15 minutes) and single-use refresh tokens"),
        (name = "me", description = "The signed-in user's account"),
        (name = "companies", description = "The directory of companies and institutions, and editing by their members"),
        (name = "products", description = "Products and services of companies, and their search"),
        (name = "events", description = "Cooperation exchanges, workshops and information events of the region: search, registration with places and a waiting list, participant lists and calendar feeds"),
        (name = "opportunities", description = "Cooperation opportunities: business, technology and research offers and requests of organisations, searchable across languages"),
        (name = "partnerships", description = "Partnership proposals between organisations and their lifecycle, seen only by the two"),
        (name = "search", description = "The industry glossary that translates search queries between German, Czech and English"),
        (name = "members", description = "Owners and editors of an organisation"),
        (name = "api keys", description = "Keys of multiplier institutions for machine access"),
        (name = "data access", description = "For the systems of chambers and associations: bulk exports, the change feed of public data, statistics"),
        (name = "webhooks", description = "Subscriptions that push the change feed to a multiplier system's URL in signed batches (Standard Webhooks)"),
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
                    .description(Some(USER_TOKEN))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "admin_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(ADMIN_TOKEN))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The operator's token for `/metrics` (`PARTNERNET_METRICS_TOKEN`).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("pn_...")
                    .description(Some(API_KEY_SCOPES))
                    .build(),
            ),
        );
    }
}

/// RFC8725 (so written) is what the OWASP lint asks JWT schemes to state; `auth::tokens` is where it holds.
const USER_TOKEN: &str = "An access token from `/v1/auth/login` or `/v1/auth/refresh`; valid 15 minutes. A JWT following RFC8725: HS256 only (`alg` is never taken from the token, `none` is refused), with issuer, audience, subject and expiry required and checked.";

const ADMIN_TOKEN: &str = "An access token (as `user_token`) of an account with the administrator role, which only `partnernet user grant-admin` gives. The role is read on every request, so withdrawing it takes effect at once. A JWT following RFC8725, as `user_token`.";

/// API keys are bearer tokens, so the scheme itself cannot carry scopes; OpenAPI 3.1 lets an
/// operation's security requirement name them as roles (`api_key: [read]`), and this says what
/// each one allows.
const API_KEY_SCOPES: &str = "An API key (`pn_...`) of a multiplier institution, created by its members at `POST /v1/companies/{id}/api-keys`. An operation's security requirement names the scope the key needs:\n\n- `read`: read published companies and products including their contact persons.\n- `export`: bulk exports (`/v1/export/...`).\n- `changes`: the change feed (`/v1/changes`).\n- `webhooks`: webhook subscriptions of the key's organisation (`/v1/webhooks`).\n- `stats`: statistics (`/v1/stats/...`).\n\nOnly organisations an administrator verified as multiplier institutions hold keys. Keys read; the only thing they manage is their organisation's webhook subscriptions.";

/// The document for the routes of [`routes::configure`].
pub fn document() -> Document {
    let (_, mut document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    document.info.version = env!("CARGO_PKG_VERSION").to_owned();
    document.servers = Some(vec![
        ServerBuilder::new()
            .url("/")
            .description(Some("The server that serves this document (`cargo run --release` starts one at http://localhost:8080; production answers only over TLS)"))
            // A public API: the OWASP lint asks every server to say whether it is internal.
            .extensions(Some(ExtensionsBuilder::new().add("x-internal", false).build()))
            .build(),
    ]);
    generics::reference_arguments(&mut document);
    links::add(&mut document);
    rules::add(&mut document);
    idempotency::add(&mut document);
    responses::complete(&mut document);
    bounds::add(&mut document);
    document
}

/// A schema as JSON, for the rewrites utoipa's builders do not offer.
fn to_value(schema: &RefOr<Schema>) -> serde_json::Value {
    serde_json::to_value(schema).expect("a schema serialises")
}

/// A rewritten schema back; the rewrites only drop members, swap in references or let `null`
/// in, so what they return is still a schema.
fn from_value(value: serde_json::Value) -> RefOr<Schema> {
    serde_json::from_value(value).expect("a rewritten schema is a schema")
}

/// The document as YAML, as checked in at the repository's root.
pub fn yaml() -> anyhow::Result<String> {
    Ok(document().to_yaml()?)
}
