//! How much each API key is used: requests per day, counted in memory by every server as they
//! arrive and added to the database every few seconds (`persistence::api_keys::add_usage`), so
//! a request costs no write. A server that stops abruptly loses at most its last seconds of
//! counts; reading the usage first writes this server's counts, so it is exact on one server.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::db::Db;
use crate::error::ApiError;

#[derive(Debug, Default)]
pub struct Usage {
    pending: Mutex<HashMap<(String, NaiveDate), i64>>,
}

impl Usage {
    /// Counts one request of key `key_id` today (UTC).
    pub fn record(&self, key_id: &str) {
        let today = chrono::Utc::now().date_naive();
        if let Ok(mut pending) = self.pending.lock() {
            *pending.entry((key_id.to_owned(), today)).or_default() += 1;
        }
    }

    /// Adds the counts so far to the database; on failure they are kept for the next time.
    pub async fn flush(&self, db: &Db) -> Result<(), ApiError> {
        let counts: Vec<(String, NaiveDate, i64)> = match self.pending.lock() {
            Ok(mut pending) => pending
                .drain()
                .map(|((key, day), n)| (key, day, n))
                .collect(),
            Err(_) => return Ok(()),
        };
        if counts.is_empty() {
            return Ok(());
        }
        let written = counts.clone();
        let outcome = db
            .run(move |conn| Ok(persistence::api_keys::add_usage(conn, &written)?))
            .await;
        if outcome.is_err()
            && let Ok(mut pending) = self.pending.lock()
        {
            for (key, day, n) in counts {
                *pending.entry((key, day)).or_default() += n;
            }
        }
        outcome
    }
}
