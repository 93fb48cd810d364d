//! Who belongs to which organisation, in which role.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::account::MemberRole;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::schema::{companies, company_members, users};

/// A member as listed to the organisation's owners and editors.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub since: NaiveDateTime,
}

/// An organisation a user belongs to.
#[derive(Debug, Clone, Queryable)]
pub struct Membership {
    pub company_id: String,
    pub company_name: String,
    pub status: String,
    pub role: String,
}

/// The user's role in the company, or `None` for non-members.
pub fn role_of(conn: &mut DbConn, company_id: &str, user_id: &str) -> QueryResult<Option<String>> {
    company_members::table
        .find((company_id, user_id))
        .select(company_members::role)
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConn, company_id: &str) -> QueryResult<Vec<Member>> {
    company_members::table
        .inner_join(users::table)
        .filter(company_members::company_id.eq(company_id))
        .select((
            users::id,
            users::name,
            users::email,
            company_members::role,
            company_members::created_at,
        ))
        .order_by((company_members::created_at.asc(), users::id.asc()))
        .load(conn)
}

pub fn of_user(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Membership>> {
    company_members::table
        .inner_join(companies::table)
        .filter(company_members::user_id.eq(user_id))
        .select((
            companies::id,
            companies::name,
            companies::status,
            company_members::role,
        ))
        .order_by((companies::name_sort.asc(), companies::id.asc()))
        .load(conn)
}

/// Adds a member; an existing membership is a unique violation.
pub fn add(
    conn: &mut DbConn,
    company_id: &str,
    user_id: &str,
    role: MemberRole,
    actor: Actor<'_>,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::insert_into(company_members::table)
            .values((
                company_members::company_id.eq(company_id),
                company_members::user_id.eq(user_id),
                company_members::role.eq(role.as_str()),
                company_members::created_at.eq(now()),
            ))
            .execute(conn)?;
        // The profile shows whether it is claimed, so its version (and ETag) moves on.
        diesel::update(companies::table.find(company_id))
            .set(companies::version.eq(companies::version + 1))
            .execute(conn)?;
        audit::record(conn, company_id, "member_added", &["members"], actor)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Removed,
    NotMember,
    /// Refused: an organisation keeps at least one owner.
    LastOwner,
}

pub fn remove(
    conn: &mut DbConn,
    company_id: &str,
    user_id: &str,
    actor: Actor<'_>,
) -> QueryResult<Removal> {
    conn.transaction(|conn| {
        let Some(role) = role_of(conn, company_id, user_id)? else {
            return Ok(Removal::NotMember);
        };
        if role == MemberRole::Owner.as_str() {
            let owners: i64 = company_members::table
                .filter(company_members::company_id.eq(company_id))
                .filter(company_members::role.eq(MemberRole::Owner.as_str()))
                .count()
                .get_result(conn)?;
            if owners <= 1 {
                return Ok(Removal::LastOwner);
            }
        }
        diesel::delete(company_members::table.find((company_id, user_id))).execute(conn)?;
        audit::record(conn, company_id, "member_removed", &["members"], actor)?;
        Ok(Removal::Removed)
    })
}
