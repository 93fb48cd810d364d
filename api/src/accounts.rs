//! Creating accounts outside HTTP: the administrator bootstrap and test set-up.

use domain::account::{Email, check_password, person_name};
use domain::language::Language;
use persistence::DbConn;
use persistence::db::is_unique_violation;
use persistence::users::{self, NewUser, UserRow};

use crate::auth::passwords;

#[derive(Debug)]
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub name: &'a str,
    pub language: Language,
    pub admin: bool,
}

/// Checks the account against the same rules as registration, hashes the password on this
/// thread and stores the account.
pub fn create(conn: &mut DbConn, new: &NewAccount<'_>) -> anyhow::Result<UserRow> {
    let email = Email::parse(new.email).map_err(|e| anyhow::anyhow!("e-mail: {e}"))?;
    check_password(new.password, &email).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let name = person_name(new.name).map_err(|e| anyhow::anyhow!("name: {e}"))?;
    let hash = passwords::hash_blocking(new.password)?;
    users::insert(
        conn,
        &NewUser {
            email: email.as_str(),
            name: &name,
            language: new.language.as_str(),
            password_hash: &hash,
            is_admin: new.admin,
        },
    )
    .map_err(|e| {
        if is_unique_violation(&e) {
            anyhow::anyhow!("an account with the e-mail {} exists", email.as_str())
        } else {
            e.into()
        }
    })
}
