//! Creating accounts outside HTTP: the administrator bootstrap and test set-up.

use domain::account::check_sign_up;
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
    let (email, name) = check_sign_up(new.email, new.name, new.password).map_err(|errors| {
        let reasons: Vec<String> = errors
            .iter()
            .map(|(field, e)| format!("{field}: {e}"))
            .collect();
        anyhow::anyhow!(reasons.join("; "))
    })?;
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
