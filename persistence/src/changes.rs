//! The change log: every create, update and delete of companies, products and glossary terms,
//! in commit order. Triggers write it (migration `change_log`) in the transaction of the
//! change, so no write path can forget it; the search index follows it.

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

use crate::DbConn;
use crate::schema::changes;

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = changes)]
pub struct Change {
    pub seq: i64,
    /// `company`, `product` or `glossary`.
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

/// The position of the last committed entry, 0 for an empty log.
pub fn latest(conn: &mut DbConn) -> QueryResult<i64> {
    changes::table
        .select(max(changes::seq))
        .first::<Option<i64>>(conn)
        .map(Option::unwrap_or_default)
}
