//! The signed-in user's own account.

use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use domain::account::{Email, check_password, person_name};
use domain::language::Language;
use persistence::members::{self, Membership};
use persistence::users::{self, UserRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::companies::members::MemberRoleDto;
use crate::auth::{Auth, Caller};
use crate::body::Json;
use crate::conditional::{self, IfMatchHeader, IfNoneMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, Problem};

/// An organisation the user belongs to.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Membership)]
pub struct MembershipDto {
    pub company_id: String,
    pub company_name: String,
    #[schema(value_type = super::companies::CompanyStatusDto)]
    pub status: String,
    #[schema(value_type = MemberRoleDto)]
    pub role: String,
}

/// The signed-in user's account.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = User)]
pub struct UserDto {
    pub id: String,
    pub email: String,
    pub name: String,
    #[schema(example = "cs")]
    pub language: String,
    /// A platform administrator.
    pub admin: bool,
    pub memberships: Vec<MembershipDto>,
    pub created_at: DateTime<Utc>,
}

impl UserDto {
    pub fn new(user: UserRow, memberships: Vec<Membership>) -> Self {
        Self {
            id: user.id,
            email: user.email,
            name: user.name,
            language: user.language,
            admin: user.is_admin,
            memberships: memberships
                .into_iter()
                .map(|m| MembershipDto {
                    company_id: m.company_id,
                    company_name: m.company_name,
                    status: m.status,
                    role: m.role,
                })
                .collect(),
            created_at: user.created_at.and_utc(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileChange {
    #[schema(value_type = Option<crate::openapi::enums::PersonName>)]
    pub name: Option<String>,
    #[schema(value_type = Option<crate::routes::labels::Language>, example = "de")]
    pub language: Option<Language>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[schema(max_length = 1024)]
    pub current_password: String,
    /// At least 10 characters, not the e-mail address.
    #[schema(min_length = 10, max_length = 1024)]
    pub new_password: String,
}

/// The account as shown, and its version.
async fn load(db: &Db, id: String) -> Result<(UserDto, i64), ApiError> {
    db.run(move |conn| {
        let user = users::find(conn, &id)?.ok_or_else(gone)?;
        let version = user.version;
        let memberships = members::of_user(conn, &id)?;
        Ok((UserDto::new(user, memberships), version))
    })
    .await
}

fn gone() -> ApiError {
    ApiError::Unauthenticated("this account no longer exists".into())
}

/// The account with its `ETag`, or a 304 when the client's `If-None-Match` names it.
async fn respond(req: &HttpRequest, db: &Db, id: String) -> Result<HttpResponse, ApiError> {
    let (user, version) = load(db, id).await?;
    let etag = conditional::versioned(version, &user)?;
    Ok(conditional::respond(req, etag, |mut response| {
        response.json(user)
    }))
}

/// Your account
///
/// With the organisations you belong to, drafts included.
#[utoipa::path(
    operation_id = "getMe",
    tag = "me",
    params(IfNoneMatchHeader),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = UserDto, headers(("ETag" = String, description = "The account's version, for `If-Match` when changing it"))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn get(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?;
    respond(&req, &db, user.id.clone()).await
}

/// Change your name or language
#[utoipa::path(
    operation_id = "updateMe",
    tag = "me",
    params(IfMatchHeader),
    request_body = ProfileChange,
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The updated user", body = UserDto, headers(("ETag" = String, description = "The account's new version"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The account changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/me")]
pub async fn update(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<ProfileChange>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let name = body
        .0
        .name
        .as_deref()
        .map(person_name)
        .transpose()
        .map_err(|e| ApiError::invalid_field("/name", e))?;
    let language = body.0.language;
    let precondition = Precondition::of(&req);
    let id = user.id.clone();
    db.run(move |conn| {
        let current = users::find(conn, &id)?.ok_or_else(gone)?;
        let language = language.map(Language::as_str);
        if !precondition.allows(current.version)
            || !users::update_profile(conn, &id, current.version, name.as_deref(), language)?
        {
            return Err(ApiError::PreconditionFailed);
        }
        Ok(())
    })
    .await?;
    let (user, version) = load(&db, user.id).await?;
    let etag = conditional::versioned(version, &user)?;
    Ok(HttpResponse::Ok()
        .insert_header(actix_web::http::header::ETag(etag))
        .json(user))
}

/// Change your password
///
/// Needs the current password. Ends every session, on every device: sign in again afterwards.
#[utoipa::path(
    operation_id = "changePassword",
    tag = "me",
    request_body = PasswordChange,
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Changed; all sessions have ended"),
        (status = 422, description = "The new password breaks the policy", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the current password is wrong", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    caller: Caller,
    db: web::Data<Db>,
    auth: web::Data<Auth>,
    body: Json<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let PasswordChange {
        current_password,
        new_password,
    } = body.0;
    let row = {
        let id = user.id.clone();
        db.run(move |conn| {
            users::find(conn, &id)?
                .ok_or_else(|| ApiError::Unauthenticated("this account no longer exists".into()))
        })
        .await?
    };
    let email = Email::parse(&row.email).map_err(ApiError::internal)?;
    check_password(&new_password, &email)
        .map_err(|e| ApiError::invalid_field("/new_password", e))?;
    if current_password.len() > domain::account::MAX_PASSWORD_BYTES
        || !auth
            .passwords
            .verify(current_password, Some(row.password_hash))
            .await?
    {
        return Err(ApiError::InvalidCredentials);
    }
    let hash = auth.passwords.hash(new_password).await?;
    db.run(move |conn| Ok(users::set_password(conn, &user.id, &hash)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Delete your account
///
/// Removes your personal data, sessions and memberships. Organisations you belonged to keep
/// existing; their history shows your changes without your name.
#[utoipa::path(
    operation_id = "deleteMe",
    tag = "me",
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me")]
pub async fn remove(caller: Caller, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    db.run(move |conn| Ok(users::delete(conn, &user.id)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
