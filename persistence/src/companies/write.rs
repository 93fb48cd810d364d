//! Companies edited by their members and the platform's administrators.

use diesel::prelude::*;
use domain::account::MemberRole;
use domain::company::NewCompany;

use super::{Children, insert_children, new_id, to_rows};
use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::schema::{
    companies, company_contacts, company_languages, company_members, company_nace,
};

/// Stores a profile created through the API, makes `owner` its owner and records the change
/// with the names of the fields given. A taken register identity is a unique violation.
pub fn create(
    conn: &mut DbConn,
    new: &NewCompany,
    owner: &str,
    fields: &[&str],
) -> QueryResult<String> {
    let at = now();
    let (row, children) = to_rows(new, new_id(), at);
    conn.transaction(|conn| {
        diesel::insert_into(companies::table)
            .values(&row)
            .execute(conn)?;
        insert_children(conn, &children)?;
        let (products, codes): (Vec<_>, Vec<_>) = new
            .products
            .iter()
            .map(|product| crate::products::to_rows(product, new_id(), &row.id, at))
            .unzip();
        crate::products::insert_rows(conn, &products, &codes.concat())?;
        diesel::insert_into(company_members::table)
            .values((
                company_members::company_id.eq(&row.id),
                company_members::user_id.eq(owner),
                company_members::role.eq(MemberRole::Owner.as_str()),
                company_members::created_at.eq(at),
            ))
            .execute(conn)?;
        audit::record(conn, &row.id, "created", fields, Actor::User(owner))?;
        Ok(row.id.clone())
    })
}

/// Replaces the profile with `new` if it is still at `expected_version`, raising the version and
/// recording which `fields` changed. `false` when the company is gone or was changed meanwhile.
pub fn update(
    conn: &mut DbConn,
    id: &str,
    expected_version: i64,
    new: &NewCompany,
    fields: &[&str],
    actor: Actor<'_>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let Some(created_at) = companies::table
            .find(id)
            .filter(companies::version.eq(expected_version))
            .select(companies::created_at)
            .first(conn)
            .optional()?
        else {
            return Ok(false);
        };
        let (mut row, children) = to_rows(new, id.to_owned(), now());
        row.created_at = created_at;
        row.version = expected_version + 1;
        let updated = diesel::update(
            companies::table
                .find(id)
                .filter(companies::version.eq(expected_version)),
        )
        .set(&row)
        .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        replace_children(conn, id, &children)?;
        audit::record(conn, id, "updated", fields, actor)?;
        Ok(true)
    })
}

fn replace_children(conn: &mut DbConn, id: &str, children: &Children) -> QueryResult<()> {
    diesel::delete(company_nace::table.filter(company_nace::company_id.eq(id))).execute(conn)?;
    diesel::delete(company_languages::table.filter(company_languages::company_id.eq(id)))
        .execute(conn)?;
    diesel::delete(company_contacts::table.filter(company_contacts::company_id.eq(id)))
        .execute(conn)?;
    insert_children(conn, children)
}

/// Deletes the company with everything that belongs to it (memberships, keys, contacts); the
/// history keeps a record of the deletion. `expected_version` guards against lost updates.
pub fn delete(
    conn: &mut DbConn,
    id: &str,
    expected_version: Option<i64>,
    actor: Actor<'_>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let mut query = diesel::delete(companies::table.find(id)).into_boxed();
        if let Some(version) = expected_version {
            query = query.filter(companies::version.eq(version));
        }
        let deleted = query.execute(conn)? == 1;
        if deleted {
            audit::record(conn, id, "deleted", &[], actor)?;
        }
        Ok(deleted)
    })
}

/// Marks the company as checked (or not) by the platform's administrators.
pub fn set_verified(
    conn: &mut DbConn,
    id: &str,
    verified: bool,
    actor: Actor<'_>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let updated = diesel::update(companies::table.find(id))
            .set((
                companies::verified.eq(verified),
                companies::version.eq(companies::version + 1),
                companies::updated_at.eq(now()),
            ))
            .execute(conn)?;
        if updated == 1 {
            audit::record(conn, id, "verified", &["verified"], actor)?;
        }
        Ok(updated == 1)
    })
}
