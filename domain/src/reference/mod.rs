//! Reference data: official classifications embedded in the binary (codes and labels are facts,
//! and a lookup must never need a database round trip). Sources and licences: README.md.

mod catalog;
mod legal_form;
mod nace;
mod postal;
mod region;

pub use catalog::{Catalog, Labels};
pub use legal_form::LegalForm;
pub use nace::{NaceCode, NaceEntry, NaceLevel};
pub use postal::PostalPlace;
pub use region::{Region, RegionCode, RegionKind};
