//! Claims: users asking to manage an unclaimed (imported) profile, decided by administrators.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::account::MemberRole;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::companies::new_id;
use crate::schema::{companies, company_claims, company_members, users};

pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";
pub const REJECTED: &str = "rejected";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_claims, treat_none_as_default_value = false)]
pub struct ClaimRow {
    pub id: String,
    pub company_id: String,
    pub user_id: String,
    pub message: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<String>,
}

/// A claim with the names an administrator decides by.
#[derive(Debug, Clone, Queryable)]
pub struct ClaimView {
    pub row: ClaimRow,
    pub company_name: String,
    pub user_name: String,
    pub user_email: String,
}

/// Why a claim cannot be filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The company has members already; they can invite the user instead.
    AlreadyClaimed,
    /// The user has a claim on this company that awaits a decision.
    AlreadyPending,
}

/// Files a pending claim of `user_id` on a company without members.
pub fn file(
    conn: &mut DbConn,
    company_id: &str,
    user_id: &str,
    message: Option<String>,
) -> QueryResult<Result<ClaimRow, Refusal>> {
    conn.transaction(|conn| {
        let members: i64 = company_members::table
            .filter(company_members::company_id.eq(company_id))
            .count()
            .get_result(conn)?;
        if members > 0 {
            return Ok(Err(Refusal::AlreadyClaimed));
        }
        let pending: i64 = company_claims::table
            .filter(company_claims::company_id.eq(company_id))
            .filter(company_claims::user_id.eq(user_id))
            .filter(company_claims::status.eq(PENDING))
            .count()
            .get_result(conn)?;
        if pending > 0 {
            return Ok(Err(Refusal::AlreadyPending));
        }
        let row = ClaimRow {
            id: new_id(),
            company_id: company_id.to_owned(),
            user_id: user_id.to_owned(),
            message,
            status: PENDING.to_owned(),
            created_at: now(),
            decided_at: None,
            decided_by: None,
        };
        diesel::insert_into(company_claims::table)
            .values(&row)
            .execute(conn)?;
        Ok(Ok(row))
    })
}

fn find_row(conn: &mut DbConn, id: &str) -> QueryResult<Option<ClaimRow>> {
    company_claims::table
        .find(id)
        .select(ClaimRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ClaimView>> {
    company_claims::table
        .inner_join(companies::table)
        .inner_join(users::table.on(users::id.eq(company_claims::user_id)))
        .filter(company_claims::id.eq(id))
        .select((
            ClaimRow::as_select(),
            companies::name,
            users::name,
            users::email,
        ))
        .first(conn)
        .optional()
}

/// Which claims to list.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    /// Only this user's claims.
    pub user_id: Option<&'a str>,
    pub company_id: Option<&'a str>,
    pub status: Option<&'a str>,
}

/// Claims oldest first (the order administrators work through them), after the claim `after`.
pub fn list(
    conn: &mut DbConn,
    filter: &Filter<'_>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ClaimView>> {
    let mut query = company_claims::table
        .inner_join(companies::table)
        .inner_join(users::table.on(users::id.eq(company_claims::user_id)))
        .select((
            ClaimRow::as_select(),
            companies::name,
            users::name,
            users::email,
        ))
        .order_by(company_claims::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(user) = filter.user_id {
        query = query.filter(company_claims::user_id.eq(user.to_owned()));
    }
    if let Some(company) = filter.company_id {
        query = query.filter(company_claims::company_id.eq(company.to_owned()));
    }
    if let Some(status) = filter.status {
        query = query.filter(company_claims::status.eq(status.to_owned()));
    }
    if let Some(after) = after {
        query = query.filter(company_claims::id.gt(after.to_owned()));
    }
    query.load(conn)
}

/// Decides a pending claim. Accepting makes the claimant the company's owner and rejects the
/// other pending claims on it. `None` when there is no such claim; the claim and `false` when
/// it was decided before.
pub fn decide(
    conn: &mut DbConn,
    id: &str,
    accept: bool,
    admin: &str,
) -> QueryResult<Option<(ClaimView, bool)>> {
    conn.transaction(|conn| {
        let Some(claim) = find_row(conn, id)? else {
            return Ok(None);
        };
        if claim.status != PENDING {
            return Ok(find(conn, id)?.map(|view| (view, false)));
        }
        let at = now();
        let decide = |conn: &mut DbConn, ids: &[&str], status: &str| {
            diesel::update(
                company_claims::table
                    .filter(company_claims::id.eq_any(ids))
                    .filter(company_claims::status.eq(PENDING)),
            )
            .set((
                company_claims::status.eq(status),
                company_claims::decided_at.eq(at),
                company_claims::decided_by.eq(admin),
            ))
            .execute(conn)
        };
        // Conditional, so that of two administrators deciding at once only one does.
        if decide(conn, &[id], if accept { ACCEPTED } else { REJECTED })? == 0 {
            return Ok(find(conn, id)?.map(|view| (view, false)));
        }
        let member = crate::members::role_of(conn, &claim.company_id, &claim.user_id)?.is_some();
        if accept && !member {
            diesel::insert_into(company_members::table)
                .values((
                    company_members::company_id.eq(&claim.company_id),
                    company_members::user_id.eq(&claim.user_id),
                    company_members::role.eq(MemberRole::Owner.as_str()),
                    company_members::created_at.eq(at),
                ))
                .execute(conn)?;
        }
        if accept {
            diesel::update(companies::table.find(&claim.company_id))
                .set(companies::version.eq(companies::version + 1))
                .execute(conn)?;
            audit::record(
                conn,
                &claim.company_id,
                "claim_accepted",
                &["members"],
                Actor::User(admin),
            )?;
            let others: Vec<String> = company_claims::table
                .filter(company_claims::company_id.eq(&claim.company_id))
                .filter(company_claims::status.eq(PENDING))
                .filter(company_claims::id.ne(id))
                .select(company_claims::id)
                .load(conn)?;
            let others: Vec<&str> = others.iter().map(String::as_str).collect();
            decide(conn, &others, REJECTED)?;
        }
        Ok(find(conn, id)?.map(|view| (view, true)))
    })
}
