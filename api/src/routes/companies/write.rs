//! Creating, editing, deleting and verifying companies.

use actix_web::{HttpRequest, HttpResponse, delete, patch, post, web};
use domain::company::RegisterId;
use persistence::DbConn;
use persistence::audit::Actor;
use persistence::companies as store;
use persistence::db::is_unique_violation;
use serde_json::Value;

use super::input::{CompanyInput, CompanyPatch};
use super::{CompanyDto, not_found, respond};
use crate::auth::Caller;
use crate::body::{self, Json};
use crate::conditional::{self, IfMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::policy::{self, Action};

/// A unique violation on the register identity: a 409 naming the company that has it and,
/// when nobody manages that one yet, where to claim it.
fn register_id_taken(
    conn: &mut DbConn,
    register_id: Option<&RegisterId>,
    error: diesel::result::Error,
) -> ApiError {
    if !is_unique_violation(&error) {
        return error.into();
    }
    match register_id.map(|id| store::holder_of(conn, id)).transpose() {
        Ok(Some(Some((company_id, managed)))) => ApiError::RegisterIdTaken {
            company_id,
            claimable: !managed,
        },
        Ok(_) => ApiError::conflict(
            "register_id_taken",
            "another company already has this IČO or register entry",
        ),
        Err(error) => error.into(),
    }
}

/// The top-level fields of `value` that are set, for the change history.
fn set_fields(value: &Value) -> Vec<String> {
    value
        .as_object()
        .map(|object| {
            object
                .iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Create a company
///
/// The signed-in user becomes the new organisation's owner. The profile starts as a `draft`
/// unless `status` says `published`.
#[utoipa::path(
    operation_id = "createCompany",
    tag = "companies",
    request_body = CompanyInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The created company", body = CompanyDto, headers(("Location" = String), ("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "API keys cannot create companies", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another company has this register identity", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies")]
pub async fn create(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<CompanyInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let fields = set_fields(&serde_json::to_value(&body.0).map_err(ApiError::internal)?);
    let new = body.0.validate(false, &[])?;
    let company = db
        .run(move |conn| {
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            let id = store::create(conn, &new, &user.id, &fields)
                .map_err(|e| register_id_taken(conn, new.register_id.as_ref(), e))?;
            store::find(conn, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    let location = format!("/v1/companies/{}", company.row.id);
    conditional::created(respond(&req, &caller, company)?, &location)
}

/// Change a company
///
/// A JSON merge patch (RFC 7396) of `CompanyInput`: fields sent replace the stored ones, `null`
/// clears a field, lists are replaced whole. For owners, editors and administrators; only
/// owners and administrators change `status`. Send the `ETag` in `If-Match` to make sure
/// nobody changed the profile since you read it (else 412).
#[utoipa::path(
    operation_id = "updateCompany",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id"), IfMatchHeader),
    request_body(content(
        (CompanyPatch = "application/merge-patch+json"),
        (CompanyPatch = "application/json"),
    )),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The updated company", body = CompanyDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member, or an editor changing the status", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another company has this register identity", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The company changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/companies/{id}")]
pub async fn update(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let patch = body.0;
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    let company = db
        .run(move |conn| {
            let (company, access) = policy::authorise(conn, &user, &id, Action::EditProfile)?;
            let current = serde_json::to_value(CompanyInput::try_from(&company)?)
                .map_err(ApiError::internal)?;
            let mut merged = current.clone();
            body::merge_patch(&mut merged, patch.clone());
            let input: CompanyInput = body::from_merged(merged)?;
            let updated = serde_json::to_value(&input).map_err(ApiError::internal)?;
            let changed: Vec<&str> = patch
                .as_object()
                .into_iter()
                .flat_map(|object| object.keys())
                .filter(|key| current.get(key.as_str()) != updated.get(key.as_str()))
                .map(String::as_str)
                .collect();
            if changed.contains(&"status") {
                policy::require(access, Action::ChangeStatus)?;
            }
            let kept: Vec<String> = company.nace.iter().map(|n| n.nace_code.clone()).collect();
            let new = input.validate(company.row.verified, &kept)?;
            // Checked last: an invalid patch is a 400 or 422 whatever version it names.
            if !precondition.allows(company.row.version) {
                return Err(ApiError::PreconditionFailed);
            }
            if changed.is_empty() {
                return Ok(company);
            }
            let actor = Actor::User(&user.id);
            if !store::update(conn, &id, company.row.version, &new, &changed, actor)
                .map_err(|e| register_id_taken(conn, new.register_id.as_ref(), e))?
            {
                return Err(ApiError::PreconditionFailed);
            }
            store::find(conn, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    respond(&req, &caller, company)
}

/// Delete a company
///
/// For owners and administrators. Removes the profile with its members, contact persons and
/// API keys; the change history keeps a record. Honours `If-Match`.
#[utoipa::path(
    operation_id = "deleteCompany",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id"), IfMatchHeader),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an owner or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The company changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/companies/{id}")]
pub async fn remove(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    db.run(move |conn| {
        let (company, _) = policy::authorise(conn, &user, &id, Action::DeleteCompany)?;
        if !precondition.allows(company.row.version) {
            return Err(ApiError::PreconditionFailed);
        }
        let expected = Some(company.row.version);
        if store::delete(conn, &id, expected, Actor::User(&user.id))? {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn set_verified(
    req: HttpRequest,
    id: String,
    caller: Caller,
    db: web::Data<Db>,
    verified: bool,
) -> Result<HttpResponse, ApiError> {
    let user = caller.admin("verify organisations")?.clone();
    let company = db
        .run(move |conn| {
            if !store::set_verified(conn, &id, verified, Actor::User(&user.id))? {
                return Err(not_found(&id));
            }
            store::find(conn, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    respond(&req, &caller, company)
}

/// Verify a company
///
/// For administrators: marks the organisation as checked by the platform.
#[utoipa::path(
    operation_id = "verifyCompany",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The company, now verified", body = CompanyDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/verify")]
pub async fn verify(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    set_verified(req, id.into_inner(), caller, db, true).await
}

/// Withdraw a verification
///
/// For administrators.
#[utoipa::path(
    operation_id = "unverifyCompany",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The company, no longer verified", body = CompanyDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/companies/{id}/verify")]
pub async fn unverify(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    set_verified(req, id.into_inner(), caller, db, false).await
}
