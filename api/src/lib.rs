//! PartnerNet's HTTP API (actix-web) and the `partnernet` command line.

pub mod app;
pub mod config;
pub mod db;
pub mod error;
pub mod openapi;
pub mod routes;
pub mod seed;
pub mod telemetry;

mod conditional;
mod pagination;
mod query;

pub use app::{Application, prepare_database};
