//! The HTTP resources, assembled in one place.

pub mod companies;
pub mod health;
pub mod labels;
pub mod reference;

use utoipa_actix_web::{scope, service_config::ServiceConfig};

/// Registers every documented endpoint. Only `.service(...)` registrations reach the OpenAPI
/// document, so every handler is a `#[utoipa::path]`-annotated service.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            scope::scope("/v1")
                .service(companies::list)
                .service(companies::get)
                .service(reference::industries)
                .service(reference::regions)
                .service(reference::legal_forms),
        );
}
