//! Claims of unclaimed profiles: a user asks to manage a company imported from a register, an
//! administrator accepts (the user becomes its owner) or rejects.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use domain::company::text;
use persistence::claims::{self, ClaimView, Filter, Refusal};
use persistence::companies as store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::Caller;
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination::{self, Page};
use crate::policy;
use crate::query;
use crate::routes::companies::not_found;

/// Where a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Pending,
    Accepted,
    Rejected,
}

impl ClaimStatus {
    fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Pending => claims::PENDING,
            ClaimStatus::Accepted => claims::ACCEPTED,
            ClaimStatus::Rejected => claims::REJECTED,
        }
    }

    fn parse(raw: &str) -> Result<Self, domain::InvalidValue> {
        [Self::Pending, Self::Accepted, Self::Rejected]
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or_else(|| {
                domain::InvalidValue::new(
                    "unknown_claim_status",
                    format!("'{raw}' is not a claim status; expected one of: pending, accepted, rejected"),
                )
            })
    }

    fn stored(raw: &str) -> Result<Self, ApiError> {
        Self::parse(raw).map_err(|_| crate::routes::companies::corrupt("claim status", raw))
    }
}

/// The user who claims a profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct Claimant {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// The profile claimed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimedCompany {
    pub id: String,
    pub name: String,
}

/// A user's request to manage an unclaimed profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct Claim {
    pub id: String,
    pub company: ClaimedCompany,
    pub claimant: Claimant,
    /// What the claimant wrote to show they represent the company.
    pub message: Option<String>,
    pub status: ClaimStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl Claim {
    fn new(view: ClaimView) -> Result<Self, ApiError> {
        let row = view.row;
        Ok(Self {
            status: ClaimStatus::stored(&row.status)?,
            id: row.id,
            company: ClaimedCompany {
                id: row.company_id,
                name: view.company_name,
            },
            claimant: Claimant {
                id: row.user_id,
                name: view.user_name,
                email: view.user_email,
            },
            message: row.message,
            created_at: row.created_at.and_utc(),
            decided_at: row.decided_at.map(|d| d.and_utc()),
        })
    }
}

/// A claim to file. The message helps administrators decide; it is optional.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    /// Up to 2,000 characters, such as "I am the managing director; see the imprint of
    /// https://pila-novak.cz".
    #[schema(max_length = 2000)]
    pub message: Option<String>,
}

/// Claim a profile
///
/// For signed-in users: asks to manage a profile that nobody manages yet (imported profiles
/// start that way). An administrator accepts the claim, which makes the claimant its owner, or
/// rejects it. Send `{}` or a `message`.
#[utoipa::path(
    operation_id = "fileClaim",
    tag = "claims",
    params(("id" = String, Path, description = "The company's id")),
    request_body = ClaimInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The filed claim", body = Claim, headers(("Location" = String))),
        (status = 422, description = "The message is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "API keys cannot claim", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`already_claimed`: the profile has members, or `claim_pending`: the caller's earlier claim awaits a decision", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/claims")]
pub async fn file(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<ClaimInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.id.clone();
    let message = body
        .0
        .message
        .as_deref()
        .map(|m| text(m, 2_000))
        .transpose()
        .map_err(|e| ApiError::invalid_field("/message", e))?
        .flatten();
    let id = id.into_inner();
    let claim = db
        .run(move |conn| {
            let company = store::find(conn, &id)?;
            match company {
                Some(c) if policy::can_see(conn, &caller, &c.row.id, &c.row.status)? => {}
                _ => return Err(not_found(&id)),
            }
            let row = match claims::file(conn, &id, &user, message)? {
                Ok(row) => row,
                Err(Refusal::AlreadyClaimed) => {
                    return Err(ApiError::conflict(
                        "already_claimed",
                        "the profile is managed by its members already; ask them to add you",
                    ));
                }
                Err(Refusal::AlreadyPending) => {
                    return Err(ApiError::conflict(
                        "claim_pending",
                        "your earlier claim on this profile awaits a decision",
                    ));
                }
            };
            claims::find(conn, &row.id)?.ok_or_else(|| claim_not_found(&row.id))
        })
        .await?;
    let claim = Claim::new(claim)?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, format!("/v1/claims/{}", claim.id)))
        .json(claim))
}

fn claim_not_found(id: &str) -> ApiError {
    ApiError::no_such("claim", id)
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ClaimListParams {
    /// Only claims with this status.
    #[param(inline, value_type = Option<ClaimStatus>)]
    pub status: Option<String>,
    /// Only claims on this company.
    pub company_id: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    pub cursor: Option<String>,
}

/// List claims
///
/// Administrators see all claims (the queue: `status=pending`); other users see their own.
/// Oldest first.
#[utoipa::path(
    operation_id = "listClaims",
    tag = "claims",
    params(ClaimListParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of claims", body = Page<Claim>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "API keys cannot see claims", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/claims")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: ClaimListParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let status = query::optional("status", params.status.as_deref(), ClaimStatus::parse)?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let views = db
        .run(move |conn| {
            let filter = Filter {
                user_id: (!user.is_admin).then_some(user.id.as_str()),
                company_id: params.company_id.as_deref(),
                status: status.map(ClaimStatus::as_str),
            };
            Ok(claims::list(conn, &filter, after.as_deref(), limit + 1)?)
        })
        .await?;
    pagination::respond_by_id(&req, views, limit, |v| &v.row.id, Claim::new)
}

/// Get a claim
///
/// For administrators and the claimant.
#[utoipa::path(
    operation_id = "getClaim",
    tag = "claims",
    params(("id" = String, Path, description = "The claim's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The claim", body = Claim),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "API keys cannot see claims", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No claim with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/claims/{id}")]
pub async fn get(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let view = db
        .run(move |conn| match claims::find(conn, &id)? {
            Some(view) if user.is_admin || view.row.user_id == user.id => Ok(view),
            _ => Err(claim_not_found(&id)),
        })
        .await?;
    Ok(HttpResponse::Ok().json(Claim::new(view)?))
}

async fn decide(
    id: String,
    caller: Caller,
    db: web::Data<Db>,
    accepting: bool,
) -> Result<HttpResponse, ApiError> {
    let admin = caller.admin("decide claims")?.id.clone();
    let view = db
        .run(move |conn| {
            let (view, decided_now) = claims::decide(conn, &id, accepting, &admin)?
                .ok_or_else(|| claim_not_found(&id))?;
            if !decided_now {
                return Err(ApiError::conflict(
                    "claim_decided",
                    format!("the claim was {} before", view.row.status),
                ));
            }
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Claim::new(view)?))
}

/// Accept a claim
///
/// For administrators: the claimant becomes the profile's owner, and other pending claims on
/// the profile are rejected.
#[utoipa::path(
    operation_id = "acceptClaim",
    tag = "claims",
    params(("id" = String, Path, description = "The claim's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The accepted claim", body = Claim),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No claim has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`claim_decided`: the claim was decided before", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/claims/{id}/accept")]
pub async fn accept(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    decide(id.into_inner(), caller, db, true).await
}

/// Reject a claim
///
/// For administrators.
#[utoipa::path(
    operation_id = "rejectClaim",
    tag = "claims",
    params(("id" = String, Path, description = "The claim's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The rejected claim", body = Claim),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No claim has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`claim_decided`: the claim was decided before", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/claims/{id}/reject")]
pub async fn reject(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    decide(id.into_inner(), caller, db, false).await
}
