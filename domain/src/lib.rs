//! PartnerNet's domain: the types and rules of the cross-border business network, free of IO.
//!
//! Values that come from outside (HTTP, register files, the database) are parsed into the types
//! here once, so code further in can rely on them being valid ("parse, don't validate").

#[macro_use]
mod string_enum;

pub mod account;
pub mod company;
pub mod country;
pub mod error;
pub mod event;
pub mod import;
pub mod language;
pub mod notification;
pub mod opportunity;
pub mod partnership;
pub mod product;
pub mod recommendation;
pub mod reference;
pub mod register;
pub mod retry;
pub mod search;
pub mod synthetic;
pub mod text;
pub mod webhook;

pub use error::InvalidValue;
