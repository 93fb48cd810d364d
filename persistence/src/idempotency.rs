//! Idempotency keys: which creating request ran under a key, and the answer it got.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::clock::now;
use crate::on_backend;
use crate::schema::idempotency_keys;

/// A stored answer, replayed to a retry.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = idempotency_keys)]
pub struct Answer {
    pub status: Option<i32>,
    pub location: Option<String>,
    pub etag: Option<String>,
    pub content_type: Option<String>,
    pub body: Option<Vec<u8>>,
}

/// The hold of one request on a key: what it records or gives up applies only while the key
/// is still its own, not after a request that outlived [`claim`]'s `abandoned` lost the key to
/// another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(NaiveDateTime);

/// What a request under a key may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new (or its earlier use expired): run the request, then `finish` or
    /// `release` with the ticket.
    Run(Ticket),
    /// The same request ran under this key: answer as it was answered.
    Replay(Answer),
    /// Another request ran under this key.
    Mismatch,
    /// The same request is running under this key right now.
    Running,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = idempotency_keys)]
struct NewKey<'a> {
    scope: &'a str,
    idempotency_key: &'a str,
    fingerprint: &'a str,
    created_at: NaiveDateTime,
}

/// Claims `key` of `scope` for a request with `fingerprint`. A key is forgotten `kept` after
/// its first use; a request that never finished (its server stopped) gives its key up after
/// `abandoned`.
pub fn claim(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
    fingerprint: &str,
    kept: Duration,
    abandoned: Duration,
) -> QueryResult<Claim> {
    let at = now();
    let row = NewKey {
        scope,
        idempotency_key: key,
        fingerprint,
        created_at: at,
    };
    let inserted = on_backend!(conn, |c| diesel::insert_into(idempotency_keys::table)
        .values(&row)
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(Claim::Run(Ticket(at)));
    }
    let Some((stored_fingerprint, created_at, answer)) = idempotency_keys::table
        .find((scope, key))
        .select((
            idempotency_keys::fingerprint,
            idempotency_keys::created_at,
            Answer::as_select(),
        ))
        .first::<(String, NaiveDateTime, Answer)>(conn)
        .optional()?
    else {
        // Released between the insert and the read: try once more.
        return claim(conn, scope, key, fingerprint, kept, abandoned);
    };
    let age = at - created_at;
    let longer = |limit: Duration| age.to_std().is_ok_and(|age| age > limit);
    let expired = longer(kept);
    let given_up = answer.status.is_none() && longer(abandoned);
    if expired || given_up {
        // Conditional on the row being the one read, so of two takers exactly one runs.
        let taken = diesel::update(
            idempotency_keys::table
                .find((scope, key))
                .filter(idempotency_keys::created_at.eq(created_at)),
        )
        .set((
            idempotency_keys::fingerprint.eq(fingerprint),
            idempotency_keys::status.eq(None::<i32>),
            idempotency_keys::location.eq(None::<String>),
            idempotency_keys::etag.eq(None::<String>),
            idempotency_keys::content_type.eq(None::<String>),
            idempotency_keys::body.eq(None::<Vec<u8>>),
            idempotency_keys::created_at.eq(at),
        ))
        .execute(conn)?;
        return Ok(if taken == 1 {
            Claim::Run(Ticket(at))
        } else {
            Claim::Running
        });
    }
    Ok(if stored_fingerprint != fingerprint {
        Claim::Mismatch
    } else if answer.status.is_none() {
        Claim::Running
    } else {
        Claim::Replay(answer)
    })
}

/// Records the answer of the request that holds `ticket` for `key`, if the key is still its own.
pub fn finish(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
    ticket: Ticket,
    answer: &Answer,
) -> QueryResult<()> {
    diesel::update(held(scope, key, ticket))
        .set((
            idempotency_keys::status.eq(answer.status),
            idempotency_keys::location.eq(&answer.location),
            idempotency_keys::etag.eq(&answer.etag),
            idempotency_keys::content_type.eq(&answer.content_type),
            idempotency_keys::body.eq(&answer.body),
        ))
        .execute(conn)
        .map(drop)
}

/// Gives `key` up after the request holding `ticket` failed, so a retry runs again; a key
/// another request took over stays its own.
pub fn release(conn: &mut DbConn, scope: &str, key: &str, ticket: Ticket) -> QueryResult<()> {
    diesel::delete(held(scope, key, ticket))
        .execute(conn)
        .map(drop)
}

/// The row of a key, found by scope and key.
type KeyRow<'a> = diesel::dsl::Find<idempotency_keys::table, (&'a str, &'a str)>;
/// That row while one ticket holds it.
type HeldRow<'a> =
    diesel::dsl::Filter<KeyRow<'a>, diesel::dsl::Eq<idempotency_keys::created_at, NaiveDateTime>>;

/// The row of `key` while `ticket` holds it.
fn held<'a>(scope: &'a str, key: &'a str, ticket: Ticket) -> HeldRow<'a> {
    idempotency_keys::table
        .find((scope, key))
        .filter(idempotency_keys::created_at.eq(ticket.0))
}

/// Forgets keys first used before `before`; returns how many.
pub fn prune(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
        .execute(conn)
}
