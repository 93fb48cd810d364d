//! The time as stored.

use chrono::{NaiveDateTime, Utc};

/// The current UTC time at the precision both backends store (microseconds), so a value reads
/// back exactly as it was written.
pub fn now() -> NaiveDateTime {
    let micros = Utc::now().timestamp_micros();
    chrono::DateTime::from_timestamp_micros(micros)
        .expect("the current time is representable")
        .naive_utc()
}

/// `now` plus `duration`, saturating far in the future instead of overflowing.
pub fn after(duration: std::time::Duration) -> NaiveDateTime {
    chrono::Duration::from_std(duration)
        .ok()
        .and_then(|d| now().checked_add_signed(d))
        .unwrap_or(NaiveDateTime::MAX)
}
