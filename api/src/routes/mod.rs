//! The HTTP resources, assembled in one place.

pub mod auth;
pub mod companies;
pub mod health;
pub mod labels;
pub mod me;
pub mod reference;
pub mod search;

use utoipa_actix_web::{scope, service_config::ServiceConfig};

/// Registers every documented endpoint. Only `.service(...)` registrations reach the OpenAPI
/// document, so every handler is a `#[utoipa::path]`-annotated service.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            scope::scope("/v1")
                .service(auth::register)
                .service(auth::login)
                .service(auth::refresh)
                .service(auth::logout)
                .service(me::get)
                .service(me::update)
                .service(me::change_password)
                .service(me::remove)
                .service(companies::list)
                .service(companies::write::create)
                .service(companies::get)
                .service(companies::write::update)
                .service(companies::write::remove)
                .service(companies::write::verify)
                .service(companies::write::unverify)
                .service(companies::members::list)
                .service(companies::members::add)
                .service(companies::members::remove)
                .service(companies::api_keys::create)
                .service(companies::api_keys::list)
                .service(companies::api_keys::revoke)
                .service(companies::history::history)
                .service(reference::industries)
                .service(reference::regions)
                .service(reference::legal_forms),
        );
}
