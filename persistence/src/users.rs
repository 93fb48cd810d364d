//! User accounts.

use diesel::prelude::*;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::schema::{refresh_tokens, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub language: String,
    pub password_hash: String,
    pub is_admin: bool,
    pub session_version: i64,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// Rises with every change of the profile or role.
    pub version: i64,
}

/// A new account's values; the e-mail must already be normalised and the password hashed.
#[derive(Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub language: &'a str,
    pub password_hash: &'a str,
    pub is_admin: bool,
}

/// Stores a new account. A taken e-mail address is a unique violation.
pub fn insert(conn: &mut DbConn, new: &NewUser<'_>) -> QueryResult<UserRow> {
    let at = now();
    let row = UserRow {
        id: new_id(),
        email: new.email.to_owned(),
        name: new.name.to_owned(),
        language: new.language.to_owned(),
        password_hash: new.password_hash.to_owned(),
        is_admin: new.is_admin,
        session_version: 1,
        created_at: at,
        updated_at: at,
        version: 1,
    };
    diesel::insert_into(users::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Changes name and preferred language (each when given); `None` for an unknown id.
/// Changes the profile of the account at `version`; `false` when it is at another version
/// (changed meanwhile) or gone.
pub fn update_profile(
    conn: &mut DbConn,
    id: &str,
    version: i64,
    name: Option<&str>,
    language: Option<&str>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let current = users::table.find(id).filter(users::version.eq(version));
        let updated = diesel::update(current)
            .set((users::version.eq(version + 1), users::updated_at.eq(now())))
            .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        if let Some(name) = name {
            diesel::update(users::table.find(id))
                .set(users::name.eq(name))
                .execute(conn)?;
        }
        if let Some(language) = language {
            diesel::update(users::table.find(id))
                .set(users::language.eq(language))
                .execute(conn)?;
        }
        Ok(true)
    })
}

/// Replaces the password hash and ends every session: all refresh tokens are deleted and the
/// session version rises, so access tokens issued before stop working too.
pub fn set_password(conn: &mut DbConn, id: &str, password_hash: &str) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(password_hash),
                users::session_version.eq(users::session_version + 1),
                users::updated_at.eq(now()),
            ))
            .execute(conn)?;
        diesel::delete(refresh_tokens::table.filter(refresh_tokens::user_id.eq(id)))
            .execute(conn)?;
        Ok(())
    })
}

/// Grants or withdraws the platform administrator role of the account with `email`; `None`
/// when there is none. It applies to the next request: the role is read with every access
/// token, not carried in it.
pub fn set_admin(conn: &mut DbConn, email: &str, admin: bool) -> QueryResult<Option<UserRow>> {
    conn.transaction(|conn| {
        diesel::update(users::table.filter(users::email.eq(email)))
            .set((
                users::is_admin.eq(admin),
                users::version.eq(users::version + 1),
                users::updated_at.eq(now()),
            ))
            .execute(conn)?;
        find_by_email(conn, email)
    })
}

/// Deletes an account and with it its sessions and memberships (by cascade). Organisations,
/// their other members and the change history stay.
pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    Ok(diesel::delete(users::table.find(id)).execute(conn)? == 1)
}
