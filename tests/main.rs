//! Black-box tests of the whole service: a real server on a free port, a real database.
//!
//! Every test runs on SQLite, and on PostgreSQL too when `PARTNERNET_TEST_POSTGRES_URL` names a
//! server (e.g. `postgres://postgres@127.0.0.1:5432/postgres`); each test gets its own database.

mod support;

mod accounts;
mod authorisation;
mod changes;
mod companies;
mod contract;
mod documentation;
mod events;
mod export;
mod faults;
mod hostile;
mod imports;
mod limits;
mod openapi;
mod operations;
mod opportunities;
mod partnerships;
mod products;
mod properties;
mod recommendations;
mod reference;
mod search;
mod search_index;
mod seeding;
mod stats;
mod webhooks;
mod writes;
