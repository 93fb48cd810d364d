//! The change log: every create, update and delete of companies, products, events,
//! registrations, opportunities and glossary terms, in commit order. Triggers write it (migration `change_log`) in the transaction of the
//! change, so no write path can forget it; the search index follows it.

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

use crate::DbConn;
use crate::schema::{changes, settings};

/// The `settings` key of the last position removed from the log by [`prune`].
const PRUNED_THROUGH: &str = "change_log_pruned_through";

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = changes)]
pub struct Change {
    pub seq: i64,
    /// `company`, `product`, `event`, `registration`, `opportunity` or `glossary`.
    pub entity: String,
    pub entity_id: String,
    /// `create`, `update` or `delete`.
    pub op: String,
    pub at: NaiveDateTime,
}

/// At most `limit` entries after `seq`, in order.
pub fn after(conn: &mut DbConn, seq: i64, limit: i64) -> QueryResult<Vec<Change>> {
    changes::table
        .filter(changes::seq.gt(seq))
        .order_by(changes::seq.asc())
        .limit(limit)
        .select(Change::as_select())
        .load(conn)
}

/// At most `limit` entries of the `entities` after `seq`, in order.
pub fn of_entities_after(
    conn: &mut DbConn,
    entities: &[&str],
    seq: i64,
    limit: i64,
) -> QueryResult<Vec<Change>> {
    changes::table
        .filter(changes::seq.gt(seq))
        .filter(changes::entity.eq_any(entities))
        .order_by(changes::seq.asc())
        .limit(limit)
        .select(Change::as_select())
        .load(conn)
}

/// The last position [`prune`] removed, 0 while nothing was: a reader behind it has missed
/// entries.
pub fn pruned_through(conn: &mut DbConn) -> QueryResult<i64> {
    let stored: Option<String> = settings::table
        .find(PRUNED_THROUGH)
        .select(settings::value)
        .first(conn)
        .optional()?;
    Ok(stored.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Removes the entries written before `before`, always keeping the last one (its position is
/// where readers stand), and records how far it removed. Returns how many it removed.
pub fn prune(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let last = latest(conn)?;
        let cut: Option<i64> = changes::table
            .filter(changes::at.lt(before))
            .filter(changes::seq.lt(last))
            .select(max(changes::seq))
            .first(conn)?;
        let Some(cut) = cut else {
            return Ok(0);
        };
        let removed = diesel::delete(changes::table.filter(changes::seq.le(cut))).execute(conn)?;
        let through = cut.max(pruned_through(conn)?);
        diesel::delete(settings::table.find(PRUNED_THROUGH)).execute(conn)?;
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(PRUNED_THROUGH),
                settings::value.eq(through.to_string()),
            ))
            .execute(conn)?;
        Ok(removed)
    })
}

/// The position of the last committed entry, 0 for an empty log.
pub fn latest(conn: &mut DbConn) -> QueryResult<i64> {
    changes::table
        .select(max(changes::seq))
        .first::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}
