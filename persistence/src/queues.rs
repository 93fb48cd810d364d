//! How much background work waits, for the metrics.

use diesel::prelude::*;
use domain::webhook::DeliveryStatus;

use crate::DbConn;
use crate::import_jobs::RUNNING;
use crate::schema::{import_jobs, mail_outbox, webhook_deliveries};

/// Work waiting or under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Depths {
    /// Webhook deliveries not yet delivered (pending or being sent).
    pub webhook_deliveries: i64,
    /// E-mails neither sent nor given up.
    pub mails: i64,
    /// Imports running.
    pub imports: i64,
    /// Records the running imports have handled so far.
    pub imported_records: i64,
}

pub fn depths(conn: &mut DbConn) -> QueryResult<Depths> {
    let webhook_deliveries = webhook_deliveries::table
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()))
        .count()
        .get_result(conn)?;
    let mails = mail_outbox::table
        .filter(mail_outbox::sent_at.is_null())
        .filter(mail_outbox::given_up_at.is_null())
        .count()
        .get_result(conn)?;
    // Few imports run at once: their counts are added up here rather than by SQL, whose sum
    // of BIGINT is NUMERIC on PostgreSQL.
    let running: Vec<(i64, i64, i64, i64)> = import_jobs::table
        .filter(import_jobs::status.eq(RUNNING))
        .select((
            import_jobs::inserted,
            import_jobs::updated,
            import_jobs::unchanged,
            import_jobs::rejected,
        ))
        .load(conn)?;
    Ok(Depths {
        webhook_deliveries,
        mails,
        imports: running.len() as i64,
        imported_records: running.iter().map(|(i, u, n, r)| i + u + n + r).sum(),
    })
}
