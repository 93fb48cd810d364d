//! The HTTP resources, assembled in one place.

/// Converts between a DTO enum and the domain enum of the same variants, both ways.
macro_rules! mirror_enum {
    ($dto:ident, $domain:ident { $($variant:ident),+ $(,)? }) => {
        impl From<$domain> for $dto {
            fn from(value: $domain) -> Self {
                match value { $($domain::$variant => $dto::$variant),+ }
            }
        }
        impl From<$dto> for $domain {
            fn from(value: $dto) -> Self {
                match value { $($dto::$variant => $domain::$variant),+ }
            }
        }
    };
}

pub mod auth;
pub mod changes;
pub mod claims;
pub mod companies;
pub mod events;
pub mod export;
pub mod glossary;
pub mod health;
pub mod imports;
pub mod labels;
pub mod me;
pub mod metrics;
pub mod notifications;
pub mod opportunities;
pub mod partnerships;
pub mod products;
pub mod recommendations;
pub mod reference;
pub mod search;
pub mod stats;
pub mod texts;
pub mod webhooks;

use actix_web::HttpRequest;
use actix_web::http::header;
use utoipa_actix_web::{scope, service_config::ServiceConfig};

/// Whether the client asks for CSV by `Accept` (for endpoints whose `format` parameter is
/// absent).
pub(crate) fn accepts_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/csv"))
}

/// A CSV cell as spreadsheets read it safely: text that starts like a formula (`=`, `+`, `-`,
/// `@`, a tab or carriage return) is prefixed with `'`, so a value such as `=HYPERLINK(...)`
/// stays text when the export is opened (OWASP, CSV injection).
pub(crate) fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Registers every documented endpoint. Only `.service(...)` registrations reach the OpenAPI
/// document, so every handler is a `#[utoipa::path]`-annotated service.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(metrics::metrics)
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
                .service(notifications::list)
                .service(notifications::mark_read)
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
                .service(companies::api_keys::usage)
                .service(companies::api_keys::list_all)
                .service(companies::api_keys::revoke_any)
                .service(companies::history::history)
                .service(recommendations::list)
                .service(changes::list)
                .service(export::companies::export_companies)
                .service(export::records::export_products)
                .service(export::records::export_events)
                .service(export::records::export_opportunities)
                .service(stats::get_statistics)
                .service(webhooks::create)
                .service(webhooks::list)
                .service(webhooks::get)
                .service(webhooks::update)
                .service(webhooks::remove)
                .service(webhooks::rotate_secret)
                .service(webhooks::deliveries)
                .service(claims::file)
                .service(claims::list)
                .service(claims::get)
                .service(claims::accept)
                .service(claims::reject)
                .service(imports::start)
                .service(imports::list)
                .service(imports::get)
                .service(products::list)
                .service(products::of_company)
                .service(products::create)
                .service(products::get)
                .service(products::update)
                .service(products::remove)
                .service(events::list)
                .service(events::calendar::feed)
                .service(events::create)
                .service(events::get)
                .service(events::update)
                .service(events::remove)
                .service(events::calendar::single)
                .service(events::of_company)
                .service(events::registrations::register)
                .service(events::registrations::of_event)
                .service(events::registrations::participant_list)
                .service(events::registrations::get)
                .service(events::registrations::cancel)
                .service(events::registrations::of_company)
                .service(opportunities::list)
                .service(opportunities::create)
                .service(opportunities::get)
                .service(opportunities::update)
                .service(opportunities::remove)
                .service(opportunities::of_company)
                .service(partnerships::propose)
                .service(partnerships::list)
                .service(partnerships::get)
                .service(partnerships::take_step)
                .service(glossary::list)
                .service(glossary::add)
                .service(glossary::remove)
                .service(reference::industries)
                .service(reference::regions)
                .service(reference::legal_forms),
        );
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    proptest::proptest! {
        /// Any text goes through a CSV file and back as its cell, and no cell read back starts
        /// like a spreadsheet formula.
        #[test]
        fn csv_cells_round_trip_and_never_start_a_formula(text in "(\\PC|[\\t\\r\\n\",;=+@-]){0,60}") {
            let cell = csv_cell(&text);
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record([cell.as_str(), "next"]).expect("written");
            let bytes = writer.into_inner().expect("flushed");
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[..]);
            let row = reader.records().next().expect("a row").expect("parsed");
            proptest::prop_assert_eq!(&row[0], cell.as_str());
            proptest::prop_assert_eq!(row[0].trim_start_matches('\''), text.as_str().trim_start_matches('\''));
            proptest::prop_assert!(!row[0].starts_with(['=', '+', '-', '@', '\t', '\r']));
            proptest::prop_assert_eq!(&row[1], "next");
        }
    }
}
