//! PartnerNet's storage: one diesel schema over SQLite (default) and PostgreSQL (production).
//!
//! Every query function takes a `&mut DbConn` and returns diesel's `QueryResult`, so callers
//! decide on transactions and map `NotFound` and pool errors to their own outcomes.

pub mod api_keys;
pub mod audit;
pub mod changes;
pub mod claims;
pub mod clock;
pub mod companies;
pub mod db;
pub mod events;
pub mod exports;
pub mod glossary;
pub mod idempotency;
pub mod import_jobs;
pub mod imports;
pub mod mail_outbox;
pub mod members;
pub mod notifications;
pub mod opportunities;
pub mod partnerships;
pub mod products;
pub mod queues;
pub mod reference;
pub mod registrations;
pub mod schema;
pub mod sessions;
pub mod users;
pub mod webhooks;

// Linked only for their `bundled` features: SQLite and libpq are compiled from source, so a fresh
// machine needs no system database library.
use libsqlite3_sys as _;
use pq_sys as _;

pub use db::{Backend, DatabaseUrl, DbConn, Pool, PoolConfig};
