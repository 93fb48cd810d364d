//! API keys of multiplier institutions, stored as hashes.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::schema::api_keys;

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

/// The active key hashed as `key_hash`, noting that it was used.
pub fn authenticate(conn: &mut DbConn, key_hash: &str) -> QueryResult<Option<ApiKeyRow>> {
    let key: Option<ApiKeyRow> = api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()?;
    if let Some(key) = &key {
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
