//! Refresh tokens: stored as hashes, rotated on every use, revoked by family on reuse.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::clock::{after, now};
use crate::companies::new_id;
use crate::schema::refresh_tokens;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
struct TokenRow {
    token_hash: String,
    user_id: String,
    family_id: String,
    expires_at: NaiveDateTime,
    created_at: NaiveDateTime,
    used_at: Option<NaiveDateTime>,
    revoked: bool,
}

/// Starts a new token family for a login; the family ends `lifetime` from now, however often
/// its tokens are rotated.
pub fn start(
    conn: &mut DbConn,
    user_id: &str,
    token_hash: &str,
    lifetime: Duration,
) -> QueryResult<()> {
    let row = TokenRow {
        token_hash: token_hash.to_owned(),
        user_id: user_id.to_owned(),
        family_id: new_id(),
        expires_at: after(lifetime),
        created_at: now(),
        used_at: None,
        revoked: false,
    };
    diesel::insert_into(refresh_tokens::table)
        .values(&row)
        .execute(conn)
        .map(drop)
}

/// What presenting a refresh token led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The token was current; it is now used and `new` replaces it. Holds the user's id.
    Rotated { user_id: String },
    /// The token had been rotated before: someone replayed it, so its family is now revoked.
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

/// Exchanges the token hashed as `presented` for the one hashed as `replacement`.
///
/// The conditional UPDATE is the arbiter: of concurrent requests with one token, exactly one
/// marks it used; the others find it used and are treated as replays.
pub fn rotate(conn: &mut DbConn, presented: &str, replacement: &str) -> QueryResult<Rotation> {
    conn.transaction(|conn| {
        let at = now();
        let claimed = diesel::update(
            refresh_tokens::table
                .find(presented)
                .filter(refresh_tokens::used_at.is_null())
                .filter(refresh_tokens::revoked.eq(false))
                .filter(refresh_tokens::expires_at.gt(at)),
        )
        .set(refresh_tokens::used_at.eq(at))
        .execute(conn)?;
        let Some(old) = refresh_tokens::table
            .find(presented)
            .select(TokenRow::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(Rotation::Invalid);
        };
        if claimed == 1 {
            let row = TokenRow {
                token_hash: replacement.to_owned(),
                user_id: old.user_id.clone(),
                family_id: old.family_id,
                expires_at: old.expires_at,
                created_at: at,
                used_at: None,
                revoked: false,
            };
            diesel::insert_into(refresh_tokens::table)
                .values(&row)
                .execute(conn)?;
            Ok(Rotation::Rotated {
                user_id: old.user_id,
            })
        } else if old.used_at.is_some() && !old.revoked {
            revoke_family(conn, &old.family_id)?;
            Ok(Rotation::Reused)
        } else {
            Ok(Rotation::Invalid)
        }
    })
}

fn revoke_family(conn: &mut DbConn, family_id: &str) -> QueryResult<()> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id)))
        .set(refresh_tokens::revoked.eq(true))
        .execute(conn)
        .map(drop)
}

/// Logout: revokes the family of the token hashed as `token_hash`, if there is one.
pub fn end(conn: &mut DbConn, token_hash: &str) -> QueryResult<()> {
    let family: Option<String> = refresh_tokens::table
        .find(token_hash)
        .select(refresh_tokens::family_id)
        .first(conn)
        .optional()?;
    match family {
        Some(family) => revoke_family(conn, &family),
        None => Ok(()),
    }
}
