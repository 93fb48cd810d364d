//! Taking part in events: registrations with places and a waiting list, the organisers' list
//! and CSV export, and the public participant list.

use actix_web::http::header::{self, Accept};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use domain::event::{ParticipationKind, RegistrationStatus};
use domain::language::Language;
use persistence::DbConn;
use persistence::registrations::{self as store, Refused, Registration};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::input::RegistrationInput;
use super::{OrganisationRef, ParticipationKindDto, not_found as event_not_found, visible};
use crate::auth::{Caller, UserCaller};
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::pagination::{self, Page, PageParams};
use crate::policy::{self, Action};
use crate::query;
use crate::routes::companies::corrupt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = RegistrationStatus)]
pub enum RegistrationStatusDto {
    /// Holds a place.
    Confirmed,
    /// On the waiting list: moves up, in order of arrival, when a place becomes free.
    Waiting,
    Cancelled,
}

mirror_enum!(
    RegistrationStatusDto,
    RegistrationStatus {
        Confirmed,
        Waiting,
        Cancelled
    }
);

/// A person an organisation sends to an event.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Participant)]
pub struct ParticipantDto {
    pub name: String,
    pub email: String,
    #[schema(value_type = crate::routes::labels::Language)]
    pub language: Language,
}

/// An organisation's registration for an event. Seen by the organisation's members, the
/// event's organisers and administrators.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Registration)]
pub struct RegistrationDto {
    pub id: String,
    pub event_id: String,
    pub company: OrganisationRef,
    pub kind: ParticipationKindDto,
    pub status: RegistrationStatusDto,
    /// While waiting: the place on the waiting list of its kind (1 moves up next).
    pub waiting_position: Option<i64>,
    pub participants: Vec<ParticipantDto>,
    /// What the organisation offers or seeks at the event.
    pub note: Option<String>,
    /// Whether the organisation appears on the public participant list.
    pub listed: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

fn kind(raw: &str) -> Result<ParticipationKind, ApiError> {
    ParticipationKind::parse(raw).map_err(|_| corrupt("registration kind", raw))
}

impl RegistrationDto {
    pub fn new(registration: Registration) -> Result<Self, ApiError> {
        let row = registration.row;
        let status = RegistrationStatus::parse(&row.status)
            .map_err(|_| corrupt("registration status", &row.status))?;
        let participants = registration
            .participants
            .into_iter()
            .map(|p| {
                Ok(ParticipantDto {
                    language: p
                        .language
                        .parse()
                        .map_err(|_| corrupt("participant language", &p.language))?,
                    name: p.name,
                    email: p.email,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(Self {
            kind: kind(&row.kind)?.into(),
            company: OrganisationRef::new(row.company_id, registration.company_name),
            status: status.into(),
            waiting_position: registration.waiting_position,
            participants,
            note: row.note,
            listed: row.listed,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
            cancelled_at: row.cancelled_at.map(|at| at.and_utc()),
            event_id: row.event_id,
            id: row.id,
        })
    }
}

/// An organisation on an event's public participant list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantListEntry {
    pub company: OrganisationRef,
    pub kind: ParticipationKindDto,
    /// What it offers or seeks at the event.
    pub note: Option<String>,
}

fn no_registration(id: &str) -> ApiError {
    ApiError::no_such("registration", id)
}

fn registered(registration: Registration) -> Result<HttpResponse, ApiError> {
    let location = format!("/v1/registrations/{}", registration.row.id);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(RegistrationDto::new(registration)?))
}

/// Register for an event
///
/// For members of the registering organisation (and administrators). The organisation gets a
/// place of its kind while there is one, else joins the end of the waiting list
/// (`status: waiting`); it moves up by itself when a place becomes free. An organisation
/// registers once per event.
#[utoipa::path(
    operation_id = "registerForEvent",
    tag = "events",
    params(("id" = String, Path, description = "The event's id")),
    request_body = RegistrationInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The registration, with a place or on the waiting list", body = RegistrationDto, headers(("Location" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the registering organisation, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event (or organisation) with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already registered (`already_registered`), or the event takes no such registration now: `event_cancelled`, `event_not_published`, `registration_closed`, `not_offered`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events/{id}/registrations")]
pub async fn register(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<RegistrationInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let new = body.0.validate()?;
    let event_id = id.into_inner();
    let registration = db
        .run(move |conn| {
            visible(conn, &caller, &event_id)?;
            policy::authorise(conn, &user, &new.company_id, Action::RegisterForEvents)?;
            match store::create(conn, &event_id, &new, &user.id)? {
                Ok(id) => store::find(conn, &id)?.ok_or_else(|| no_registration(&id)),
                Err(Refused::NoEvent) => Err(event_not_found(&event_id)),
                Err(Refused::AlreadyRegistered(existing)) => Err(ApiError::conflict(
                    "already_registered",
                    format!(
                        "the organisation is registered for this event already: /v1/registrations/{existing}"
                    ),
                )),
                Err(Refused::Closed(reason)) => Err(ApiError::conflict(reason.code, reason.message)),
            }
        })
        .await?;
    registered(registration)
}

/// Whether `user` may read registration `registration`: its organisation's members, the
/// event's organisers, administrators. Others get 404, so they do not learn it exists.
fn readable(conn: &mut DbConn, user: &UserCaller, id: &str) -> Result<Registration, ApiError> {
    let registration = store::find(conn, id)?.ok_or_else(|| no_registration(id))?;
    let organiser = persistence::events::find(conn, &registration.row.event_id)?
        .map(|event| event.row.organiser_id);
    if policy::may_read_registration(
        conn,
        user,
        &registration.row.company_id,
        organiser.as_deref(),
    )? {
        Ok(registration)
    } else {
        Err(no_registration(id))
    }
}

/// Get a registration
///
/// For the registered organisation's members, the event's organisers and administrators.
#[utoipa::path(
    operation_id = "getRegistration",
    tag = "events",
    params(("id" = String, Path, description = "The registration's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The registration", body = RegistrationDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No registration with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/registrations/{id}")]
pub async fn get(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let registration = db.run(move |conn| readable(conn, &user, &id)).await?;
    Ok(HttpResponse::Ok().json(RegistrationDto::new(registration)?))
}

/// Cancel a registration
///
/// For the registered organisation's members and administrators. The registration stays
/// readable as `cancelled`; a place it frees goes to the first on the waiting list, whose
/// organisation is told. Cancelling a cancelled registration changes nothing.
#[utoipa::path(
    operation_id = "cancelRegistration",
    tag = "events",
    params(("id" = String, Path, description = "The registration's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The cancelled registration", body = RegistrationDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the registered organisation (organisers read, but do not cancel), or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No registration with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/registrations/{id}/cancel")]
pub async fn cancel(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let registration = db
        .run(move |conn| {
            let registration = readable(conn, &user, &id)?;
            policy::authorise(
                conn,
                &user,
                &registration.row.company_id,
                Action::RegisterForEvents,
            )?;
            store::cancel(conn, &registration.row)?;
            store::find(conn, &id)?.ok_or_else(|| no_registration(&id))
        })
        .await?;
    Ok(HttpResponse::Ok().json(RegistrationDto::new(registration)?))
}

/// The query of the organisers' registration list.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationListParams {
    /// `csv` for the whole list as CSV, one row per participant (the same as
    /// `Accept: text/csv`); `json` (the default) for pages.
    #[param(inline, value_type = Option<ExportFormat>)]
    format: Option<String>,
    /// Page size (JSON).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
    /// `next_cursor` of the previous page (JSON).
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    cursor: Option<String>,
}

/// How a list is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Csv,
}

fn wants_csv(req: &HttpRequest, format: Option<&str>) -> Result<bool, ApiError> {
    match format {
        Some("csv") => Ok(true),
        Some("json") => Ok(false),
        Some(other) => Err(ApiError::MalformedParameters(vec![FieldError::parameter(
            "format",
            "unknown_format",
            format!("'{other}' is not a format; expected csv or json"),
        )])),
        None => Ok(req
            .get_header::<Accept>()
            .is_some_and(|accept| accept.preference().essence_str() == "text/csv")),
    }
}

/// An arrival cursor of a list in order of arrival.
fn arrival_cursor(raw: Option<&str>) -> Result<Option<i64>, ApiError> {
    pagination::id_cursor(raw)?
        .map(|arrival| {
            arrival.parse::<i64>().map_err(|_| {
                ApiError::invalid_parameter(
                    "cursor",
                    domain::InvalidValue::new(
                        "malformed_cursor",
                        "the cursor is not one this API issued for this listing",
                    ),
                )
            })
        })
        .transpose()
}

/// The cursor after a row of a list in order of arrival.
fn after_arrival(arrival: i64) -> String {
    pagination::encode_cursor(&[&arrival.to_string()])
}

/// The CSV columns of the registration export.
const CSV_HEADER: [&str; 12] = [
    "registration_id",
    "company_id",
    "company_name",
    "kind",
    "status",
    "waiting_position",
    "registered_at",
    "listed",
    "note",
    "participant_name",
    "participant_email",
    "participant_language",
];

fn csv(registrations: Vec<Registration>) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CSV_HEADER)
        .map_err(ApiError::internal)?;
    for registration in registrations {
        let row = &registration.row;
        let waiting = registration
            .waiting_position
            .map(|p| p.to_string())
            .unwrap_or_default();
        let registered_at = row.created_at.and_utc().to_rfc3339();
        let listed = row.listed.to_string();
        let note = row.note.as_deref().unwrap_or_default();
        let organisation = [
            row.id.as_str(),
            &row.company_id,
            &registration.company_name,
            &row.kind,
            &row.status,
            &waiting,
            &registered_at,
            &listed,
            note,
        ];
        for participant in &registration.participants {
            let mut record = organisation.to_vec();
            record.extend([
                participant.name.as_str(),
                &participant.email,
                &participant.language,
            ]);
            writer
                .write_record(record.into_iter().map(crate::routes::csv_cell))
                .map_err(ApiError::internal)?;
        }
    }
    writer.into_inner().map_err(ApiError::internal)
}

/// An event's registrations
///
/// For the event's organisers and administrators, in order of arrival, with participants;
/// cancelled ones included. As CSV (`format=csv` or `Accept: text/csv`): every registration
/// in one file, a row per participant, UTF-8 with a header row.
#[utoipa::path(
    operation_id = "listEventRegistrations",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), RegistrationListParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of registrations, or all of them as CSV", content(
            (Page<RegistrationDto> = "application/json"),
            (String = "text/csv"),
        )),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organiser, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/registrations")]
pub async fn of_event(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: RegistrationListParams = query::parse(&req)?;
    let as_csv = wants_csv(&req, params.format.as_deref())?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = arrival_cursor(params.cursor.as_deref())?;
    let event_id = id.into_inner();
    let (registrations, filename) = db
        .run(move |conn| {
            let event = super::load_for_organiser(conn, &user, &event_id)?;
            let limit = (!as_csv).then_some(limit + 1);
            let after = if as_csv { None } else { after };
            let registrations = store::of_event(conn, &event_id, after, limit)?;
            Ok((registrations, format!("registrations-{}.csv", event.row.id)))
        })
        .await?;
    if as_csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ))
            .body(csv(registrations)?));
    }
    pagination::respond_after(
        &req,
        registrations,
        limit,
        |r| after_arrival(r.row.arrival),
        RegistrationDto::new,
    )
}

/// An event's participant list
///
/// The organisations that hold a place and agreed to be listed, in order of registration,
/// with what they offer or seek, so that visitors see who will be there. Public like the event.
#[utoipa::path(
    operation_id = "listEventParticipants",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), PageParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of the participant list", body = Page<ParticipantListEntry>),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/participants")]
pub async fn participant_list(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = arrival_cursor(params.cursor.as_deref())?;
    let event_id = id.into_inner();
    let listed = db
        .run(move |conn| {
            visible(conn, &caller, &event_id)?;
            Ok(store::listed(conn, &event_id, after, limit + 1)?)
        })
        .await?;
    pagination::respond_after(
        &req,
        listed,
        limit,
        |(row, _)| after_arrival(row.arrival),
        |(row, name)| {
            Ok(ParticipantListEntry {
                kind: kind(&row.kind)?.into(),
                company: OrganisationRef::new(row.company_id, name),
                note: row.note,
            })
        },
    )
}

/// An organisation's registrations
///
/// For the organisation's members and administrators, with participants, in the order they
/// were made; cancelled ones included.
#[utoipa::path(
    operation_id = "listCompanyRegistrations",
    tag = "events",
    params(("id" = String, Path, description = "The company's id"), PageParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of the organisation's registrations", body = Page<RegistrationDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organisation, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/registrations")]
pub async fn of_company(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let company_id = id.into_inner();
    let registrations = db
        .run(move |conn| {
            policy::authorise(conn, &user, &company_id, Action::RegisterForEvents)?;
            Ok(store::of_company(
                conn,
                &company_id,
                after.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    pagination::respond_by_id(
        &req,
        registrations,
        limit,
        |r| &r.row.id,
        RegistrationDto::new,
    )
}
