//! PartnerNet's HTTP API (actix-web) and the `partnernet` command line.

pub mod accounts;
pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod idempotency;
pub mod import;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod rate_limit;
pub mod routes;
pub mod seed;
pub mod telemetry;
pub mod usage;
pub mod webhooks;

mod body;
pub mod conditional;
mod operations;
mod pagination;
pub mod policy;
mod query;
mod recommend;

pub use app::{Application, ServerOptions, prepare_database};
