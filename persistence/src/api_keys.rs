//! API keys of multiplier institutions, stored as hashes.

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::schema::{api_key_usage, api_keys, companies};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub id: String,
    pub company_id: String,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub scopes: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl ApiKeyRow {
    pub fn scope_names(&self) -> impl Iterator<Item = &str> {
        self.scopes.split(',').filter(|s| !s.is_empty())
    }
}

/// `last_used_at` is written at most this often per key, so reads do not each cost a write.
const LAST_USED_RESOLUTION: Duration = Duration::from_secs(60);

pub fn insert(conn: &mut DbConn, row: &ApiKeyRow, actor: Actor<'_>) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::insert_into(api_keys::table)
            .values(row)
            .execute(conn)?;
        audit::record(
            conn,
            &row.company_id,
            "api_key_created",
            &["api_keys"],
            actor,
        )
    })
}

/// Every organisation's keys with the organisation's name, revoked ones included, oldest
/// first, after key `after`.
pub fn all(
    conn: &mut DbConn,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<(ApiKeyRow, String)>> {
    let mut query = api_keys::table
        .inner_join(companies::table)
        .select((ApiKeyRow::as_select(), companies::name))
        .order_by(api_keys::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(api_keys::id.gt(after.to_owned()));
    }
    query.load(conn)
}

/// The key `id`, revoked or not.
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .find(id)
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

/// The company's keys, revoked ones included, oldest first.
pub fn list(conn: &mut DbConn, company_id: &str) -> QueryResult<Vec<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::company_id.eq(company_id))
        .select(ApiKeyRow::as_select())
        .order_by((api_keys::created_at.asc(), api_keys::id.asc()))
        .load(conn)
}

/// Revokes a key of the company; `false` when it has no such active key.
pub fn revoke(
    conn: &mut DbConn,
    company_id: &str,
    key_id: &str,
    actor: Actor<'_>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let revoked = diesel::update(
            api_keys::table
                .find(key_id)
                .filter(api_keys::company_id.eq(company_id))
                .filter(api_keys::revoked_at.is_null()),
        )
        .set(api_keys::revoked_at.eq(now()))
        .execute(conn)?;
        if revoked == 1 {
            audit::record(conn, company_id, "api_key_revoked", &["api_keys"], actor)?;
        }
        Ok(revoked == 1)
    })
}

/// The organisation holding a key, as far as the right to hold keys goes.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Holder {
    pub kind: String,
    pub verified: bool,
}

/// The active key hashed as `key_hash` with its organisation, noting that it was used.
pub fn authenticate(conn: &mut DbConn, key_hash: &str) -> QueryResult<Option<(ApiKeyRow, Holder)>> {
    let key: Option<(ApiKeyRow, Holder)> = api_keys::table
        .inner_join(companies::table)
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select((
            ApiKeyRow::as_select(),
            (companies::kind, companies::verified),
        ))
        .first(conn)
        .optional()?;
    if let Some((key, _)) = &key {
        let at = now();
        let stale = key.last_used_at.is_none_or(|last| {
            at.signed_duration_since(last).to_std().unwrap_or_default() >= LAST_USED_RESOLUTION
        });
        if stale {
            diesel::update(api_keys::table.find(&key.id))
                .set(api_keys::last_used_at.eq(at))
                .execute(conn)?;
        }
    }
    Ok(key)
}

/// Adds `(key id, day, requests)` counts to the keys' usage.
pub fn add_usage(conn: &mut DbConn, counts: &[(String, NaiveDate, i64)]) -> QueryResult<()> {
    use diesel::upsert::excluded;
    conn.transaction(|conn| {
        for (key_id, day, requests) in counts {
            let row = (
                api_key_usage::key_id.eq(key_id),
                api_key_usage::day.eq(day),
                api_key_usage::requests.eq(requests),
            );
            crate::on_backend!(conn, |c| diesel::insert_into(api_key_usage::table)
                .values(row)
                .on_conflict((api_key_usage::key_id, api_key_usage::day))
                .do_update()
                .set(
                    api_key_usage::requests
                        .eq(api_key_usage::requests + excluded(api_key_usage::requests))
                )
                .execute(c))?;
        }
        Ok(())
    })
}

/// The key's requests per day from `since` on, oldest first; days without requests are absent.
pub fn usage(
    conn: &mut DbConn,
    key_id: &str,
    since: NaiveDate,
) -> QueryResult<Vec<(NaiveDate, i64)>> {
    api_key_usage::table
        .filter(api_key_usage::key_id.eq(key_id))
        .filter(api_key_usage::day.ge(since))
        .order_by(api_key_usage::day)
        .select((api_key_usage::day, api_key_usage::requests))
        .load(conn)
}
