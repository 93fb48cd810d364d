//! Partnership proposals between organisations: proposing, the steps of the lifecycle
//! (`domain::partnership`), and each side's list. Only the two organisations' members see a
//! partnership; everybody else gets 404.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Duration, Utc};
use domain::InvalidValue;
use domain::company::CompanyStatus;
use domain::event::EventStatus;
use domain::opportunity::{OpportunityStatus, PartnershipType};
use domain::partnership::{PartnershipStatus, Side, Transition, message};
use persistence::DbConn;
use persistence::db::is_unique_violation;
use persistence::partnerships::{self as store, Filter, NewProposal, Partnership, Taken};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::companies::corrupt;
use super::events::OrganisationRef;
use super::opportunities::PartnershipTypeDto;
use crate::auth::{Auth, Caller, UserCaller};
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::pagination;
use crate::policy;
use crate::query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PartnershipStatus)]
pub enum PartnershipStatusDto {
    Proposed,
    Accepted,
    Declined,
    Withdrawn,
    Ended,
}

mirror_enum!(
    PartnershipStatusDto,
    PartnershipStatus {
        Proposed,
        Accepted,
        Declined,
        Withdrawn,
        Ended
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PartnershipStep)]
pub enum TransitionDto {
    Accept,
    Decline,
    Withdraw,
    End,
}

mirror_enum!(
    TransitionDto,
    Transition {
        Accept,
        Decline,
        Withdraw,
        End
    }
);

/// A proposal of a partnership from an organisation of the caller's to another.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    /// The proposing organisation: one the caller is a member of.
    #[schema(max_length = 64)]
    pub from_company_id: String,
    /// The organisation proposed to: a published one.
    #[schema(max_length = 64)]
    pub to_company_id: String,
    #[serde(rename = "type")]
    pub kind: PartnershipTypeDto,
    /// Up to 2,000 characters.
    #[schema(
        max_length = 2000,
        example = "Wir fertigen Ihre Aluminiumteile in Serie."
    )]
    pub message: Option<String>,
    /// The receiving organisation's opportunity the proposal answers (an expression of
    /// interest).
    #[schema(max_length = 64)]
    pub opportunity_id: Option<String>,
    /// The event where the two met.
    #[schema(max_length = 64)]
    pub event_id: Option<String>,
}

/// A step of a partnership's lifecycle, with an optional message.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepInput {
    pub step: TransitionDto,
    #[schema(max_length = 2000)]
    pub message: Option<String>,
}

/// One entry of a partnership's thread.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadEntry {
    /// `propose`, then the steps taken.
    #[schema(example = "accept")]
    pub step: String,
    /// The side that took it: `proposer` or `receiver`.
    #[schema(example = "receiver")]
    pub side: String,
    /// Who took it, while the account exists.
    pub by: Option<String>,
    pub message: Option<String>,
    pub at: DateTime<Utc>,
}

/// A partnership as its two organisations see it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Partnership)]
pub struct PartnershipDto {
    pub id: String,
    pub proposer: OrganisationRef,
    pub receiver: OrganisationRef,
    #[serde(rename = "type")]
    pub kind: PartnershipTypeDto,
    pub status: PartnershipStatusDto,
    pub opportunity_id: Option<String>,
    pub event_id: Option<String>,
    /// The steps the caller may take now.
    pub allowed_steps: Vec<TransitionDto>,
    pub thread: Vec<ThreadEntry>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn status(partnership: &Partnership) -> Result<PartnershipStatus, ApiError> {
    PartnershipStatus::parse(&partnership.row.status)
        .map_err(|_| corrupt("partnership status", &partnership.row.status))
}

impl PartnershipDto {
    fn new(partnership: Partnership, sides: &[Side]) -> Result<Self, ApiError> {
        let status = status(&partnership)?;
        let row = partnership.row;
        let kind = PartnershipType::parse(&row.kind).map_err(|_| corrupt("type", &row.kind))?;
        let mut allowed_steps: Vec<TransitionDto> = Vec::new();
        for side in sides {
            for step in status.allowed(*side) {
                if !allowed_steps.contains(&step.into()) {
                    allowed_steps.push(step.into());
                }
            }
        }
        Ok(Self {
            id: row.id,
            proposer: OrganisationRef::new(row.proposer_id, partnership.proposer_name),
            receiver: OrganisationRef::new(row.receiver_id, partnership.receiver_name),
            kind: kind.into(),
            status: status.into(),
            opportunity_id: row.opportunity_id,
            event_id: row.event_id,
            allowed_steps,
            thread: partnership
                .thread
                .into_iter()
                .map(|step| ThreadEntry {
                    step: step.row.step,
                    side: step.row.side,
                    by: step.user_name,
                    message: step.row.message,
                    at: step.row.at.and_utc(),
                })
                .collect(),
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::no_such("partnership", id)
}

/// A partnership and the sides `user` acts for; 404 for anybody not on either side.
fn of_side(
    conn: &mut DbConn,
    user: &UserCaller,
    id: &str,
) -> Result<(Partnership, Vec<Side>), ApiError> {
    let partnership = store::find(conn, id)?.ok_or_else(|| not_found(id))?;
    let sides = policy::partnership_sides(
        conn,
        user,
        &partnership.row.proposer_id,
        &partnership.row.receiver_id,
    )?;
    if sides.is_empty() {
        return Err(not_found(id));
    }
    Ok((partnership, sides))
}

fn invalid(pointer: &str, code: &'static str, message: &str) -> ApiError {
    ApiError::invalid_field(pointer, InvalidValue::new(code, message))
}

/// Checks what a proposal names, and the caller's daily limit.
fn check_proposal(
    conn: &mut DbConn,
    user: &UserCaller,
    input: &ProposalInput,
    per_day: u32,
) -> Result<(), ApiError> {
    let from = persistence::companies::find(conn, &input.from_company_id)?
        .ok_or_else(|| ApiError::no_such("company", &input.from_company_id))?;
    policy::partner_as(conn, user, &from)?;
    if input.from_company_id == input.to_company_id {
        return Err(invalid(
            "/to_company_id",
            "same_organisation",
            "an organisation does not propose a partnership to itself",
        ));
    }
    let to = persistence::companies::find(conn, &input.to_company_id)?;
    if to.is_none_or(|c| c.row.status != CompanyStatus::Published.as_str()) {
        return Err(invalid(
            "/to_company_id",
            "unknown_organisation",
            "no published organisation has this id",
        ));
    }
    if let Some(id) = &input.opportunity_id {
        let answers = persistence::opportunities::find(conn, id)?.is_some_and(|o| {
            o.row.company_id == input.to_company_id
                && o.row.status == OpportunityStatus::Published.as_str()
        });
        if !answers {
            return Err(invalid(
                "/opportunity_id",
                "not_theirs",
                "no published opportunity of the receiving organisation has this id",
            ));
        }
    }
    if let Some(id) = &input.event_id
        && persistence::events::find(conn, id)?
            .is_none_or(|e| e.row.status == EventStatus::Draft.as_str())
    {
        return Err(invalid(
            "/event_id",
            "unknown_event",
            "no public event has this id",
        ));
    }
    let day = Duration::hours(24);
    let since = (Utc::now() - day).naive_utc();
    let (made, oldest) = store::proposed_since(conn, &user.id, since)?;
    if made >= i64::from(per_day) {
        let free_at = oldest.map_or_else(Utc::now, |at| (at + day).and_utc());
        let seconds = (free_at - Utc::now()).num_seconds().max(1);
        return Err(ApiError::TooManyRequests(seconds.unsigned_abs()));
    }
    Ok(())
}

/// Propose a partnership
///
/// From an organisation the caller is a member of to another, with a type, a message and
/// optionally the receiving side's opportunity it answers or the event where they met. A pair
/// of organisations has one open proposal at a time (409), and a user makes a limited number
/// of proposals a day (429 with `Retry-After`).
#[utoipa::path(
    operation_id = "proposePartnership",
    tag = "partnerships",
    request_body = ProposalInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The proposal", body = PartnershipDto, headers(("Location" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the proposing organisation, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No proposing organisation with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The two organisations have an open proposal already (`open_proposal`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The caller's proposals of the last 24 hours reached the limit", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    )
)]
#[post("/partnerships")]
pub async fn propose(
    caller: Caller,
    db: web::Data<Db>,
    auth: web::Data<Auth>,
    body: Json<ProposalInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let input = body.0;
    let note = input
        .message
        .as_deref()
        .map(message)
        .transpose()
        .map_err(|e| ApiError::invalid_field("/message", e))?
        .flatten();
    let per_day = auth.limits.proposals_per_day;
    let partnership = db
        .run(move |conn| {
            check_proposal(conn, &user, &input, per_day)?;
            let open = |existing: &str| {
                ApiError::conflict(
                    "open_proposal",
                    format!(
                        "the two organisations have an open proposal: /v1/partnerships/{existing}"
                    ),
                )
            };
            if let Some(existing) =
                store::open_between(conn, &input.from_company_id, &input.to_company_id)?
            {
                return Err(open(&existing));
            }
            let kind = PartnershipType::from(input.kind);
            let id = match store::propose(
                conn,
                &NewProposal {
                    proposer_id: &input.from_company_id,
                    receiver_id: &input.to_company_id,
                    kind: kind.as_str(),
                    message: note,
                    opportunity_id: input.opportunity_id.clone(),
                    event_id: input.event_id.clone(),
                    user_id: &user.id,
                },
            ) {
                Ok(id) => id,
                // Another proposal of the pair committed between the check and the insert.
                Err(e) if is_unique_violation(&e) => {
                    return Err(ApiError::conflict(
                        "open_proposal",
                        "the two organisations have an open proposal",
                    ));
                }
                Err(e) => return Err(e.into()),
            };
            of_side(conn, &user, &id)
        })
        .await?;
    let (partnership, sides) = partnership;
    let location = format!("/v1/partnerships/{}", partnership.row.id);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(PartnershipDto::new(partnership, &sides)?))
}

/// Get a partnership
///
/// With its whole thread, for the members of its two organisations; nobody else learns that
/// it exists (404), administrators included.
#[utoipa::path(
    operation_id = "getPartnership",
    tag = "partnerships",
    params(("id" = String, Path, description = "The partnership's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The partnership", body = PartnershipDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No partnership with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partnerships/{id}")]
pub async fn get(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let (partnership, sides) = db.run(move |conn| of_side(conn, &user, &id)).await?;
    Ok(HttpResponse::Ok().json(PartnershipDto::new(partnership, &sides)?))
}

/// Take a step
///
/// `accept` or `decline` (the receiving side, while proposed), `withdraw` (the proposing side,
/// while proposed), `end` (either side, once accepted). Any other step is a 409
/// `invalid_transition` naming the steps the caller may take.
#[utoipa::path(
    operation_id = "stepPartnership",
    tag = "partnerships",
    params(("id" = String, Path, description = "The partnership's id")),
    request_body = StepInput,
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The partnership after the step", body = PartnershipDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No partnership with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The step is not allowed now or not for this side (`invalid_transition`), or someone else took a step first", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/partnerships/{id}/steps")]
pub async fn take_step(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<StepInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let input = body.0;
    let note = input
        .message
        .as_deref()
        .map(message)
        .transpose()
        .map_err(|e| ApiError::invalid_field("/message", e))?
        .flatten();
    let id = id.into_inner();
    let (partnership, sides) = db
        .run(move |conn| {
            let (partnership, sides) = of_side(conn, &user, &id)?;
            let from = status(&partnership)?;
            let wanted = Transition::from(input.step);
            // A user on both sides takes the step for the side that may.
            let mut outcome = Err(InvalidValue::new("invalid_transition", ""));
            for side in &sides {
                outcome = from.apply(*side, wanted).map(|to| (*side, to));
                if outcome.is_ok() {
                    break;
                }
            }
            let (side, to) = outcome.map_err(|e| ApiError::conflict(e.code, e.message))?;
            let taken = Taken {
                transition: wanted,
                side,
                from,
                to,
            };
            if !store::step(conn, &id, taken, &user.id, note)? {
                return Err(ApiError::conflict(
                    "changed_meanwhile",
                    "the other side took a step first; read the partnership again",
                ));
            }
            let (partnership, _) = of_side(conn, &user, &id)?;
            Ok((partnership, sides))
        })
        .await?;
    Ok(HttpResponse::Ok().json(PartnershipDto::new(partnership, &sides)?))
}

/// The query of `GET /v1/partnerships`.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnershipParams {
    /// Only partnerships of this status.
    #[param(inline, value_type = Option<PartnershipStatusDto>)]
    status: Option<String>,
    /// `outgoing`: those the caller's organisations proposed; `incoming`: those proposed to them.
    #[param(inline, value_type = Option<Direction>)]
    direction: Option<String>,
    /// Only partnerships with this organisation (a company id).
    #[param(max_length = 64)]
    #[validate(length(max = 64, message = "not a company id"))]
    counterpart: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    cursor: Option<String>,
}

/// Which way a proposal went, seen from the caller's organisations.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Outgoing,
    Incoming,
}

/// The caller's partnerships
///
/// Of every organisation the caller is a member of, in the order they were proposed, each
/// with its thread.
#[utoipa::path(
    operation_id = "listPartnerships",
    tag = "partnerships",
    params(PartnershipParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of partnerships", body = pagination::Page<PartnershipDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partnerships")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: PartnershipParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let direction = match params.direction.as_deref() {
        None => None,
        Some("outgoing") => Some(Side::Proposer),
        Some("incoming") => Some(Side::Receiver),
        Some(other) => {
            return Err(ApiError::MalformedParameters(vec![FieldError::parameter(
                "direction",
                "unknown_direction",
                format!("'{other}' is not a direction; expected outgoing or incoming"),
            )]));
        }
    };
    let filter = Filter {
        status: query::optional("status", params.status.as_deref(), PartnershipStatus::parse)?,
        direction,
        counterpart: params.counterpart,
    };
    let rows = db
        .run(move |conn| {
            let mine: Vec<String> = persistence::members::of_user(conn, &user.id)?
                .into_iter()
                .map(|m| m.company_id)
                .collect();
            let found = store::of_companies(conn, &mine, &filter, after.as_deref(), limit + 1)?;
            Ok(found
                .into_iter()
                .map(|p| {
                    let sides: Vec<Side> = [
                        (&p.row.proposer_id, Side::Proposer),
                        (&p.row.receiver_id, Side::Receiver),
                    ]
                    .into_iter()
                    .filter(|(id, _)| mine.contains(id))
                    .map(|(_, side)| side)
                    .collect();
                    (p, sides)
                })
                .collect::<Vec<_>>())
        })
        .await?;
    pagination::respond_by_id(
        &req,
        rows,
        limit,
        |(p, _)| &p.row.id,
        |(p, sides)| PartnershipDto::new(p, &sides),
    )
}
