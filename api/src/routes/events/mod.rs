//! Events: cooperation exchanges, workshops, information events … organised by multiplier
//! organisations, found through the search index, with registrations and calendar feeds.

pub mod calendar;
pub mod input;
pub mod registrations;

use actix_web::http::header::EntityTag;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use domain::event::{
    EventKind, EventSort, EventStatus, EventTimeZone, ParticipationKind, boundary,
    registration_open,
};
use domain::language::SpokenLanguage;
use domain::reference::{Catalog, NaceCode, RegionCode};
use domain::search::{EventFilters, OpportunityFilters, SearchRequest};
use persistence::DbConn;
use persistence::events::{self as store, Event, Text};
use persistence::registrations::{self as places, Counts};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use self::input::{EventInput, EventPatch};
use super::companies::{corrupt, not_found as company_not_found};
use super::labels::{IndustryRef, LocalizedTextDto};
use super::reference::CountryDto;
use super::search::{self, Search, SearchPage};
use crate::auth::{Caller, UserCaller};
use crate::body::{self, Json};
use crate::conditional::{self, IfMatchHeader, IfNoneMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::openapi::enums::domain_enum_schema;
use crate::pagination::{self, Page, PageParams};
use crate::policy::{self, Action};
use crate::query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = EventKind)]
pub enum EventKindDto {
    CooperationExchange,
    Workshop,
    InformationEvent,
    TradeFair,
    Matchmaking,
    Webinar,
}

mirror_enum!(
    EventKindDto,
    EventKind {
        CooperationExchange,
        Workshop,
        InformationEvent,
        TradeFair,
        Matchmaking,
        Webinar
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = EventStatus)]
pub enum EventStatusDto {
    Draft,
    Published,
    Cancelled,
}

mirror_enum!(
    EventStatusDto,
    EventStatus {
        Draft,
        Published,
        Cancelled
    }
);

/// The time zone an event's times are given and shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = EventTimeZone)]
pub enum TimeZoneDto {
    #[serde(rename = "Europe/Berlin")]
    Berlin,
    #[serde(rename = "Europe/Prague")]
    Prague,
}

mirror_enum!(TimeZoneDto, EventTimeZone { Berlin, Prague });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ParticipationKind)]
pub enum ParticipationKindDto {
    Exhibitor,
    Visitor,
}

mirror_enum!(
    ParticipationKindDto,
    ParticipationKind { Exhibitor, Visitor }
);

/// An organisation an event belongs to or a registration is for, with its profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationRef {
    pub id: String,
    pub name: String,
    /// The organisation's profile.
    #[schema(example = "/v1/companies/0193e5a0-0000-7000-8000-000000000001")]
    pub href: String,
}

impl OrganisationRef {
    pub fn new(id: String, name: String) -> Self {
        Self {
            href: format!("/v1/companies/{id}"),
            id,
            name,
        }
    }
}

/// Where an event takes place.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Venue)]
pub struct VenueDto {
    pub name: String,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: CountryDto,
    /// The NUTS-3 region of the postal code, when it is known.
    #[schema(example = "DED43")]
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// The places of one way of taking part.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Places)]
pub struct PlacesDto {
    /// How many organisations may take part this way; `null`: no limit, 0: not offered.
    pub capacity: Option<i64>,
    /// Registrations holding a place.
    pub confirmed: i64,
    /// Registrations on the waiting list.
    pub waiting: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventPlaces {
    pub exhibitors: PlacesDto,
    pub visitors: PlacesDto,
}

/// An event: when and where, what about, for whom, and how many places are left.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Event)]
pub struct EventDto {
    pub id: String,
    pub organiser: OrganisationRef,
    pub status: EventStatusDto,
    pub kind: EventKindDto,
    pub title: LocalizedTextDto,
    pub summary: LocalizedTextDto,
    pub description: LocalizedTextDto,
    pub fee_note: LocalizedTextDto,
    /// Local time of `time_zone` with its offset.
    #[schema(value_type = String, format = DateTime, example = "2027-03-25T09:00:00+01:00")]
    pub starts_at: DateTime<FixedOffset>,
    #[schema(value_type = String, format = DateTime, example = "2027-03-25T16:00:00+01:00")]
    pub ends_at: DateTime<FixedOffset>,
    pub time_zone: TimeZoneDto,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub registration_deadline: Option<DateTime<FixedOffset>>,
    /// Whether the event takes registrations now.
    pub registration_open: bool,
    pub venue: Option<VenueDto>,
    pub online_url: Option<String>,
    /// ISO 639-1 codes of the languages it is held in.
    pub languages: Vec<String>,
    /// Whether interpreting is offered.
    pub interpreting: bool,
    /// The industries (NACE Rev. 2) it is about.
    pub topics: Vec<IndustryRef>,
    pub places: EventPlaces,
    /// The event as an iCalendar file.
    #[schema(example = "/v1/events/0193e5a0-0000-7000-8000-0000000000e1/calendar.ics")]
    pub calendar: String,
    /// Increases with every change; the ETag is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In searches with `near` or `near_postal_code`: the distance of the venue in km (absent
    /// for online events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

/// The zone of a stored event.
pub(crate) fn zone(event: &Event) -> Result<EventTimeZone, ApiError> {
    EventTimeZone::parse(&event.row.time_zone)
        .map_err(|_| corrupt("time_zone", &event.row.time_zone))
}

pub(crate) fn status(event: &Event) -> Result<EventStatus, ApiError> {
    EventStatus::parse(&event.row.status).map_err(|_| corrupt("status", &event.row.status))
}

fn places(capacity: Option<i32>, confirmed: i64, waiting: i64) -> PlacesDto {
    PlacesDto {
        capacity: capacity.map(i64::from),
        confirmed,
        waiting,
    }
}

impl EventDto {
    pub fn new(event: Event, counts: Counts) -> Result<Self, ApiError> {
        let zone = zone(&event)?;
        let status = status(&event)?;
        let kind =
            EventKind::parse(&event.row.kind).map_err(|_| corrupt("kind", &event.row.kind))?;
        let local = |at: NaiveDateTime| zone.local(at.and_utc()).fixed_offset();
        let [title, summary, description, fee_note] =
            [Text::Title, Text::Summary, Text::Description, Text::FeeNote]
                .map(|which| event.text(which).into());
        let topics = IndustryRef::all(event.row.topic_codes())?;
        let row = event.row;
        let languages = row.language_codes().map(str::to_owned).collect();
        let closes = row.registration_deadline.unwrap_or(row.ends_at).and_utc();
        let venue = match (row.venue_name, row.country.as_deref()) {
            (Some(name), Some(country)) => Some(VenueDto {
                name,
                street: row.street,
                postal_code: row.postal_code,
                city: row.city,
                country: country
                    .parse::<domain::country::Country>()
                    .map_err(|_| corrupt("country", country))?
                    .into(),
                region: row.region,
                latitude: row.latitude,
                longitude: row.longitude,
            }),
            _ => None,
        };
        Ok(Self {
            calendar: format!("/v1/events/{}/calendar.ics", row.id),
            organiser: OrganisationRef::new(row.organiser_id, event.organiser_name),
            status: status.into(),
            kind: kind.into(),
            title,
            summary,
            description,
            fee_note,
            starts_at: local(row.starts_at),
            ends_at: local(row.ends_at),
            time_zone: zone.into(),
            registration_deadline: row.registration_deadline.map(local),
            registration_open: registration_open(status, closes, Utc::now()).is_ok(),
            venue,
            languages,
            online_url: row.online_url,
            interpreting: row.interpreting,
            topics,
            places: EventPlaces {
                exhibitors: places(
                    row.capacity_exhibitors,
                    counts.exhibitors_confirmed,
                    counts.exhibitors_waiting,
                ),
                visitors: places(
                    row.capacity_visitors,
                    counts.visitors_confirmed,
                    counts.visitors_waiting,
                ),
            },
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
            distance_km: None,
            id: row.id,
        })
    }
}

pub(crate) fn not_found(id: &str) -> ApiError {
    ApiError::no_such("event", id)
}

/// Events by id with their registration counts, in the order of `ids`.
fn with_counts(conn: &mut DbConn, ids: &[String]) -> diesel::QueryResult<Vec<(Event, Counts)>> {
    let events = store::by_ids(conn, ids)?;
    let mut counts = places::counts(conn, ids)?;
    Ok(events
        .into_iter()
        .map(|e| {
            let c = counts.remove(&e.row.id).unwrap_or_default();
            (e, c)
        })
        .collect())
}

/// The event's entity tag: its version, the reference data (labels are in the body) and the
/// registration counts, which change without the event changing. `If-Match` compares the
/// version only.
fn etag(event: &Event, counts: &Counts) -> EntityTag {
    EntityTag::new_strong(format!(
        "{}.{}.{}-{}-{}-{}",
        event.row.version,
        &Catalog::get().fingerprint()[..8],
        counts.exhibitors_confirmed,
        counts.exhibitors_waiting,
        counts.visitors_confirmed,
        counts.visitors_waiting,
    ))
}

fn respond(req: &HttpRequest, (event, counts): (Event, Counts)) -> Result<HttpResponse, ApiError> {
    let etag = etag(&event, &counts);
    let dto = EventDto::new(event, counts)?;
    Ok(conditional::respond(req, etag, |mut response| {
        response.json(dto)
    }))
}

/// An event the caller may see, with its counts; 404 otherwise.
pub(crate) fn visible(
    conn: &mut DbConn,
    caller: &Caller,
    id: &str,
) -> Result<(Event, Counts), ApiError> {
    let (event, counts) = with_counts(conn, &[id.to_owned()])?
        .pop()
        .ok_or_else(|| not_found(id))?;
    if policy::can_see_event(conn, caller, &event.row.organiser_id, status(&event)?)? {
        Ok((event, counts))
    } else {
        Err(not_found(id))
    }
}

/// Loads an event for a change by its organiser (404 when the caller may not see it).
pub(crate) fn load_for_organiser(
    conn: &mut DbConn,
    user: &UserCaller,
    id: &str,
) -> Result<Event, ApiError> {
    let event = store::find(conn, id)?.ok_or_else(|| not_found(id))?;
    let organiser = policy::authorise(conn, user, &event.row.organiser_id, Action::ManageEvents);
    match organiser {
        Ok(_) => Ok(event),
        Err(ApiError::Forbidden(_) | ApiError::NotFound(_)) if !status(&event)?.is_public() => {
            Err(not_found(id))
        }
        Err(ApiError::NotFound(_)) => Err(not_found(id)),
        Err(other) => Err(other),
    }
}

/// What events are searched for: the filters of the event list and of the calendar feed.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilterParams {
    /// Words to search for in titles, texts, venue and organiser, in German, Czech or English,
    /// matched like the company search (folding, glossary, translations): a German word
    /// finds an event described only in Czech.
    #[param(max_length = 200, example = "Zulieferer")]
    #[validate(length(max = 200, message = "the query is too long: at most 200 characters"))]
    q: Option<String>,
    /// Only events that have not ended by then: a date (`2027-03-01`, midnight in the region)
    /// or a date and time with offset. Default: now, so the list shows upcoming events.
    #[param(example = "2027-01-01", max_length = 40)]
    #[validate(length(max = 40, message = "not a date"))]
    from: Option<String>,
    /// Only events that start before then (same forms as `from`).
    #[param(example = "2027-12-31", max_length = 40)]
    #[validate(length(max = 40, message = "not a date"))]
    to: Option<String>,
    /// Only events of these kinds. Repeatable or comma-separated.
    #[param(value_type = Option<Vec<EventKindDto>>, max_items = 6)]
    #[serde(default)]
    #[validate(length(max = 6, message = "at most 6 kinds"))]
    kind: Vec<String>,
    /// Only events in these NUTS-3 regions. Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, example = "DED43", max_items = 27)]
    #[serde(default)]
    #[validate(length(max = 27, message = "at most 27 regions"))]
    region: Vec<String>,
    /// Only events in this country.
    #[param(value_type = Option<CountryDto>)]
    country: Option<String>,
    /// `true`: only events in the Interreg Sachsen–Česko programme area.
    #[param(value_type = Option<bool>)]
    programme_area: Option<String>,
    /// Only events held in one of these languages (ISO 639-1). Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, example = "cs", max_items = 10)]
    #[serde(default)]
    #[validate(length(max = 10, message = "at most 10 languages"))]
    language: Vec<String>,
    /// Only events with (`true`) or without (`false`) an online link.
    #[param(value_type = Option<bool>)]
    online: Option<String>,
    /// Only events about these industries, NACE Rev. 2 at any level (`C`, `25`, `25.62`).
    /// Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, example = "25", max_items = 20)]
    #[serde(default)]
    #[validate(length(max = 20, message = "at most 20 NACE codes"))]
    topic: Vec<String>,
    /// Only events of these organisations (company ids). Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, max_items = 20)]
    #[serde(default)]
    #[validate(length(max = 20, message = "at most 20 organisers"))]
    organiser: Vec<String>,
    /// Measure distances from this point, `latitude,longitude`. Not with `near_postal_code`.
    #[param(example = "50.6607,13.0863", max_length = 64)]
    #[validate(length(max = 64, message = "not a position"))]
    near: Option<String>,
    /// Measure distances from this postal code's centre, `DE-09496` or `CZ-40001`.
    #[param(example = "DE-09496", max_length = 16)]
    #[validate(length(max = 16, message = "not a postal code"))]
    near_postal_code: Option<String>,
    /// Only events at most this far from `near` / `near_postal_code`, in km (up to 500);
    /// online-only events are then left out.
    #[param(value_type = Option<f64>, example = 50)]
    radius_km: Option<String>,
}

/// How the event list is ordered, counted and paged.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventListParams {
    /// `start` (the default without `q`: soonest first), `relevance` (the default with `q`)
    /// or `distance` (needs `near`).
    #[param(inline, value_type = Option<EventSortOrder>, example = "start")]
    sort: Option<String>,
    /// Count the results by these dimensions, comma-separated: `country`, `region`,
    /// `nace_section` (of the topics), `kind`.
    #[param(example = "kind,country", max_length = 100)]
    #[validate(length(max = 100, message = "too many facets"))]
    facets: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    cursor: Option<String>,
}

domain_enum_schema!(
    /// The order of an event search.
    EventSortOrder for EventSort
);

/// The search request of the event filters, ordered by `sort`.
pub(crate) fn search_request(
    params: EventFilterParams,
    sort: Option<EventSort>,
    facets: Vec<domain::search::Facet>,
) -> Result<(Option<String>, SearchRequest), ApiError> {
    let near = search::near(
        params.near.as_deref(),
        params.near_postal_code.as_deref(),
        params.radius_km.as_deref(),
    )?;
    let from = query::optional("from", params.from.as_deref(), boundary)?;
    let to = query::optional("to", params.to.as_deref(), boundary)?;
    let request = SearchRequest {
        query: None,
        country: query::optional("country", params.country.as_deref(), str::parse)?,
        regions: query::each("region", &params.region, RegionCode::parse)?,
        programme_area: search::flag("programme_area", params.programme_area.as_deref())?
            .unwrap_or(false),
        nace: query::each("topic", &params.topic, NaceCode::parse)?,
        kinds: query::each("kind", &params.kind, |raw| {
            EventKind::parse(raw).map(EventKind::as_str)
        })?,
        sizes: Vec::new(),
        verified: None,
        has_products: None,
        near,
        sort: sort.map(EventSort::order),
        facets,
        events: EventFilters {
            from: Some(from.unwrap_or_else(Utc::now)),
            to,
            languages: query::each("language", &params.language, SpokenLanguage::parse)?,
            online: search::flag("online", params.online.as_deref())?,
            organisers: params.organiser.clone(),
        },
        opportunities: OpportunityFilters::default(),
    };
    Ok((params.q, request))
}

/// Find events
///
/// Upcoming events (those that have not ended) soonest first, or as filtered: by time, kind,
/// place, language, topic, organiser, distance and words, through the same search as the
/// company directory. Cancelled events stay listed with `status: cancelled`; drafts never
/// appear.
#[utoipa::path(
    operation_id = "listEvents",
    tag = "events",
    params(EventFilterParams, EventListParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of matching events, with facets", body = SearchPage<EventDto>, headers(("Link" = String, description = "`<...>; rel=\"next\"` while there are more pages"))),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let filters: EventFilterParams = query::parse(&req)?;
    let listing: EventListParams = query::parse(&req)?;
    let sort = query::optional("sort", listing.sort.as_deref(), EventSort::parse)?;
    let facets = search::facets(listing.facets.as_deref(), search::DIRECTORY_FACETS)?;
    let (q, request) = search_request(filters, sort, facets)?;
    let search = Search::new(
        Target::Events,
        q,
        request,
        listing.cursor.as_deref(),
        listing.limit.as_deref(),
    )?;
    search
        .respond(
            &req,
            &db,
            &index,
            with_counts,
            |(e, _)| &e.row.id,
            |(event, counts), distance_km| {
                Ok(EventDto {
                    distance_km,
                    ..EventDto::new(event, counts)?
                })
            },
        )
        .await
}

/// Create an event
///
/// For members of a multiplier organisation (chambers, associations, agencies), for their
/// organisation, and for administrators. A draft unless `status` says `published`.
#[utoipa::path(
    operation_id = "createEvent",
    tag = "events",
    request_body = EventInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The created event", body = EventDto, headers(("Location" = String), ("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organiser, the organiser is not a multiplier, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No organisation with `organiser_id` is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The organiser's profile is a draft: its events stay drafts until it is published (`organiser_not_published`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events")]
pub async fn create(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<EventInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let new = body.0.validate()?;
    let event = db
        .run(move |conn| {
            let (organiser, access) =
                policy::authorise(conn, &user, &new.organiser_id, Action::ManageEvents)?;
            policy::may_organise(&organiser, access)?;
            policy::may_show_event(&organiser, new.status)?;
            let id = store::create(conn, &new)?;
            with_counts(conn, std::slice::from_ref(&id))?
                .pop()
                .ok_or_else(|| not_found(&id))
        })
        .await?;
    let location = format!("/v1/events/{}", event.0.row.id);
    conditional::created(respond(&req, event)?, &location)
}

/// Get an event
///
/// Published and cancelled events for everybody, drafts for the organiser's members and
/// administrators. Carries an `ETag` for `If-None-Match` and `If-Match`.
#[utoipa::path(
    operation_id = "getEvent",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), IfNoneMatchHeader),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The event", body = EventDto, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}")]
pub async fn get(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let id = id.into_inner();
    let event = db.run(move |conn| visible(conn, &caller, &id)).await?;
    respond(&req, event)
}

/// Change an event
///
/// A JSON merge patch (RFC 7396) of `EventInput`, for the organiser's members and
/// administrators. Cancelling (`"status": "cancelled"`) records news for every registered
/// organisation and keeps the registrations readable; a larger capacity moves the waiting
/// list up. Send the `ETag` in `If-Match` to avoid overwriting someone else's change (else 412).
#[utoipa::path(
    operation_id = "updateEvent",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), IfMatchHeader),
    request_body(content(
        (EventPatch = "application/merge-patch+json"),
        (EventPatch = "application/json"),
    )),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The updated event", body = EventDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organiser", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The status cannot change this way (`invalid_status_change` names the allowed ones), or the organiser's profile is a draft (`organiser_not_published`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The event changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/events/{id}")]
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
    let event = db
        .run(move |conn| {
            let event = load_for_organiser(conn, &user, &id)?;
            let current =
                serde_json::to_value(EventInput::try_from(&event)?).map_err(ApiError::internal)?;
            let mut merged = current.clone();
            body::merge_patch(&mut merged, patch);
            let unchanged = merged == current;
            let new = body::from_merged::<EventInput>(merged)?.validate()?;
            if new.organiser_id != event.row.organiser_id {
                return Err(ApiError::invalid_field(
                    "/organiser_id",
                    domain::InvalidValue::new(
                        "read_only",
                        "an event's organiser cannot change; create the event anew",
                    ),
                ));
            }
            let was = status(&event)?;
            if !was.may_become(new.status) {
                let allowed: Vec<&str> = was.next().iter().map(|s| s.as_str()).collect();
                return Err(ApiError::conflict(
                    "invalid_status_change",
                    format!(
                        "a {} event cannot become {}; it may become: {}",
                        was.as_str(),
                        new.status.as_str(),
                        if allowed.is_empty() {
                            "nothing else".into()
                        } else {
                            allowed.join(", ")
                        }
                    ),
                ));
            }
            if let Some(organiser) = persistence::companies::find(conn, &event.row.organiser_id)? {
                policy::may_show_event(&organiser, new.status)?;
            }
            // Checked last: an invalid patch is a 400, 409 or 422 whatever version it names.
            if !precondition.allows(event.row.version) {
                return Err(ApiError::PreconditionFailed);
            }
            if !unchanged && !store::update(conn, &event.row, event.row.version, &new)? {
                return Err(ApiError::PreconditionFailed);
            }
            with_counts(conn, std::slice::from_ref(&id))?
                .pop()
                .ok_or_else(|| not_found(&id))
        })
        .await?;
    respond(&req, event)
}

/// Delete a draft event
///
/// For the organiser's members and administrators. Only drafts are deleted: a published
/// event is cancelled instead (`PATCH` with `"status": "cancelled"`), so that registered
/// organisations learn of it. Honours `If-Match`.
#[utoipa::path(
    operation_id = "deleteEvent",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), IfMatchHeader),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organiser", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The event is published or cancelled (`not_a_draft`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The event changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/events/{id}")]
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
        let event = load_for_organiser(conn, &user, &id)?;
        if status(&event)? != EventStatus::Draft {
            return Err(ApiError::conflict(
                "not_a_draft",
                "only drafts are deleted; cancel a published event instead",
            ));
        }
        if !precondition.allows(event.row.version) {
            return Err(ApiError::PreconditionFailed);
        }
        if store::delete(conn, &id, event.row.version)? {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An organisation's events
///
/// The events an organisation organises or has registered for (not cancelled), by start, past
/// ones included. Visible like the organisation; its drafts only to its members and
/// administrators.
#[utoipa::path(
    operation_id = "listCompanyEvents",
    tag = "events",
    params(("id" = String, Path, description = "The company's id"), PageParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of the organisation's events", body = Page<EventDto>),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/events")]
pub async fn of_company(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = params
        .cursor
        .as_deref()
        .map(pagination::decode_cursor::<2>)
        .transpose()?
        .map(|[starts_at, id]| {
            NaiveDateTime::parse_from_str(&starts_at, CURSOR_TIME)
                .map(|at| (at, id))
                .map_err(|_| ApiError::invalid_parameter("cursor", malformed_cursor()))
        })
        .transpose()?;
    let id = id.into_inner();
    let events = db
        .run(move |conn| {
            let company =
                persistence::companies::find(conn, &id)?.ok_or_else(|| company_not_found(&id))?;
            if !policy::can_see(conn, &caller, &id, &company.row.status)? {
                return Err(company_not_found(&id));
            }
            let drafts = caller.is_admin()
                || match caller.user_id() {
                    Some(user) => persistence::members::role_of(conn, &id, user)?.is_some(),
                    None => false,
                };
            let events = store::of_company(conn, &id, drafts, after, limit + 1)?;
            let ids: Vec<String> = events.iter().map(|e| e.row.id.clone()).collect();
            let mut counts = places::counts(conn, &ids)?;
            Ok(events
                .into_iter()
                .map(|e| {
                    let c = counts.remove(&e.row.id).unwrap_or_default();
                    (e, c)
                })
                .collect::<Vec<_>>())
        })
        .await?;
    pagination::respond_after(
        &req,
        events,
        limit,
        |(last, _)| {
            pagination::encode_cursor(&[
                &last.row.starts_at.format(CURSOR_TIME).to_string(),
                &last.row.id,
            ])
        },
        |(event, counts)| EventDto::new(event, counts),
    )
}

/// How a start time travels in a cursor: exact to the microsecond stored.
const CURSOR_TIME: &str = "%Y-%m-%dT%H:%M:%S%.6f";

fn malformed_cursor() -> domain::InvalidValue {
    domain::InvalidValue::new(
        "malformed_cursor",
        "the cursor is not one this API issued for this listing; pass next_cursor unchanged",
    )
}
