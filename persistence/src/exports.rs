//! Paging through every product, event or opportunity for bulk exports; which of them are
//! public is decided where the change feed decides it (`api::routes::changes`), so an export and
//! the feed always agree.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::schema::{events, opportunities, products};

/// What an export pages through besides companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exported {
    Product,
    Event,
    Opportunity,
}

/// Up to `$limit` ids of `$table` after `$after`, in id order, of rows changed at or after
/// `$since`.
macro_rules! ids_after {
    ($conn:expr, $table:ident, $after:expr, $since:expr, $limit:expr) => {{
        let mut query = $table::table
            .select($table::id)
            .order_by($table::id.asc())
            .limit($limit)
            .into_boxed();
        if let Some(after) = $after {
            query = query.filter($table::id.gt(after.to_owned()));
        }
        if let Some(since) = $since {
            query = query.filter($table::updated_at.ge(since));
        }
        query.load::<String>($conn)
    }};
}

/// Up to `limit` ids of `what` after `after` in id order, changed at or after `since`, public or
/// not.
pub fn ids_after(
    conn: &mut DbConn,
    what: Exported,
    after: Option<&str>,
    since: Option<NaiveDateTime>,
    limit: i64,
) -> QueryResult<Vec<String>> {
    match what {
        Exported::Product => ids_after!(conn, products, after, since, limit),
        Exported::Event => ids_after!(conn, events, after, since, limit),
        Exported::Opportunity => ids_after!(conn, opportunities, after, since, limit),
    }
}
