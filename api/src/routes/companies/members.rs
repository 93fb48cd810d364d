//! The members of an organisation: owners and editors.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use domain::account::{Email, MemberRole};
use persistence::audit::Actor;
use persistence::db::is_unique_violation;
use persistence::members::{self, Removal};
use persistence::users;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::pagination::Page;
use crate::policy::{self, Action};

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = MemberRole)]
pub enum MemberRoleDto {
    Owner,
    Editor,
}

mirror_enum!(MemberRoleDto, MemberRole { Owner, Editor });

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Member)]
pub struct MemberDto {
    pub user_id: String,
    pub name: String,
    pub email: String,
    #[schema(value_type = MemberRoleDto)]
    pub role: String,
    pub since: DateTime<Utc>,
}

/// Adds the user with this e-mail address; an `editor` unless `role` says `owner`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMember {
    #[schema(example = "petr.novak@example.cz", format = Email, max_length = 254)]
    pub email: String,
    pub role: Option<MemberRoleDto>,
}

impl From<members::Member> for MemberDto {
    fn from(m: members::Member) -> Self {
        MemberDto {
            user_id: m.user_id,
            name: m.name,
            email: m.email,
            role: m.role,
            since: m.since.and_utc(),
        }
    }
}

/// List members
///
/// For the organisation's members and administrators.
#[utoipa::path(
    operation_id = "listMembers",
    tag = "members",
    params(("id" = String, Path, description = "The company's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "All of the organisation's members, in one page", body = Page<MemberDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/members")]
pub async fn list(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let found = db
        .run(move |conn| {
            policy::authorise(conn, &user, &id, Action::ListMembers)?;
            Ok(members::list(conn, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page::whole(
        found.into_iter().map(MemberDto::from).collect(),
    )))
}

/// Add a member
///
/// For owners and administrators: adds a registered user by e-mail address.
#[utoipa::path(
    operation_id = "addMember",
    tag = "members",
    params(("id" = String, Path, description = "The company's id")),
    request_body = NewMember,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The new member", body = MemberDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an owner or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unknown_user`: nobody has registered with this e-mail, or it is no e-mail address", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a member", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/members")]
pub async fn add(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<NewMember>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let email = Email::parse(&body.0.email).map_err(|e| ApiError::invalid_field("/email", e))?;
    let role = body.0.role.map_or(MemberRole::Editor, Into::into);
    let id = id.into_inner();
    let found = db
        .run(move |conn| {
            policy::authorise(conn, &user, &id, Action::ManageMembers)?;
            // The e-mail names no resource of the URL: an unknown one breaks a rule of the body.
            let member = users::find_by_email(conn, email.as_str())?.ok_or_else(|| {
                ApiError::InvalidBody(vec![FieldError::pointer(
                    "/email",
                    "unknown_user",
                    format!(
                        "nobody has registered with '{}'; ask them to sign up first",
                        email.as_str()
                    ),
                )])
            })?;
            members::add(conn, &id, &member.id, role, Actor::User(&user.id)).map_err(|e| {
                if is_unique_violation(&e) {
                    ApiError::conflict("already_member", "this user is already a member")
                } else {
                    e.into()
                }
            })?;
            let added = members::list(conn, &id)?
                .into_iter()
                .find(|m| m.user_id == member.id)
                .ok_or(diesel::result::Error::NotFound)?;
            Ok(added)
        })
        .await?;
    Ok(HttpResponse::Created().json(MemberDto::from(found)))
}

/// Remove a member
///
/// Owners and administrators remove anybody; every member may leave. The last owner cannot
/// leave (409): add another owner first.
#[utoipa::path(
    operation_id = "removeMember",
    tag = "members",
    params(
        ("id" = String, Path, description = "The company's id"),
        ("user_id" = String, Path, description = "The member's user id"),
    ),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an owner or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such company or member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The last owner cannot leave", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/companies/{id}/members/{user_id}")]
pub async fn remove(
    path: web::Path<(String, String)>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let (id, member) = path.into_inner();
    db.run(move |conn| {
        let (_, access) = policy::organisation(conn, &user, &id)?;
        // Any member may leave; removing somebody else is managing the members.
        if member != user.id {
            policy::require(access, Action::ManageMembers)?;
        }
        match members::remove(conn, &id, &member, Actor::User(&user.id))? {
            Removal::Removed => Ok(()),
            Removal::NotMember => Err(ApiError::NotFound("this user is not a member".into())),
            Removal::LastOwner => Err(ApiError::conflict(
                "last_owner",
                "the last owner cannot leave; make another member owner first",
            )),
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
