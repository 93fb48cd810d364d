//! The change history of companies: who changed which fields, and when.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::schema::{api_keys, company_changes, users};

/// Who made a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    User(&'a str),
    ApiKey(&'a str),
    /// A register import run from the command line.
    Register,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_changes, treat_none_as_default_value = false)]
pub struct ChangeRow {
    pub id: String,
    pub company_id: String,
    pub action: String,
    pub fields: String,
    pub actor_user_id: Option<String>,
    pub actor_api_key_id: Option<String>,
    pub at: NaiveDateTime,
}

impl ChangeRow {
    pub fn field_names(&self) -> impl Iterator<Item = &str> {
        self.fields.split(',').filter(|f| !f.is_empty())
    }
}

/// One entry of the history with the actor's current name, if the actor still exists.
#[derive(Debug, Clone)]
pub struct Change {
    pub row: ChangeRow,
    pub actor_name: Option<String>,
}

/// Records a change; call it inside the transaction that makes the change.
pub fn record(
    conn: &mut DbConn,
    company_id: &str,
    action: &str,
    fields: &[&str],
    actor: Actor<'_>,
) -> QueryResult<()> {
    insert(conn, &[entry(company_id, action, fields, actor)])
}

/// A change as recorded now, for [`insert`].
pub fn entry(company_id: &str, action: &str, fields: &[&str], actor: Actor<'_>) -> ChangeRow {
    let (user, key) = match actor {
        Actor::User(id) => (Some(id.to_owned()), None),
        Actor::ApiKey(id) => (None, Some(id.to_owned())),
        Actor::Register => (None, None),
    };
    ChangeRow {
        id: new_id(),
        company_id: company_id.to_owned(),
        action: action.to_owned(),
        fields: fields.join(","),
        actor_user_id: user,
        actor_api_key_id: key,
        at: now(),
    }
}

/// Records many changes at once (imports); call it inside the transaction that makes them.
pub fn insert(conn: &mut DbConn, changes: &[ChangeRow]) -> QueryResult<()> {
    // 7 columns × 1,000 rows stays below both backends' limits on bind parameters.
    crate::bulk_insert!(conn, company_changes::table, changes, 1_000)
}

/// The company's history, newest first, continuing below the entry `before`.
pub fn list(
    conn: &mut DbConn,
    company_id: &str,
    before: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Change>> {
    let mut query = company_changes::table
        .left_join(users::table.on(company_changes::actor_user_id.eq(users::id.nullable())))
        .left_join(
            api_keys::table.on(company_changes::actor_api_key_id.eq(api_keys::id.nullable())),
        )
        .filter(company_changes::company_id.eq(company_id))
        .select((
            ChangeRow::as_select(),
            users::name.nullable(),
            api_keys::name.nullable(),
        ))
        .order_by(company_changes::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(company_changes::id.lt(before.to_owned()));
    }
    Ok(query
        .load::<(ChangeRow, Option<String>, Option<String>)>(conn)?
        .into_iter()
        .map(|(row, user, key)| Change {
            row,
            actor_name: user.or(key),
        })
        .collect())
}
