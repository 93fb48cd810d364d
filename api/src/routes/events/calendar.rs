//! Events as iCalendar (RFC 5545) for calendar programs: a feed of the events a search
//! finds, and one file per event, in the language the caller asks for.

use actix_web::http::header::AcceptLanguage;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, get, web};
use domain::event::EventSort;
use domain::event::calendar::{self, CalendarEvent};
use domain::language::{Language, LocalizedText};
use persistence::events::{Event, Text};
use search_index::{SearchIndex, Target};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

use super::{EventFilterParams, search_request, status, visible, zone};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination;
use crate::query;
use crate::routes::search::Search;

/// The language of a calendar.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarParams {
    /// The language of titles and descriptions (`de`, `cs`, `en`); without it, the
    /// `Accept-Language` header decides, else German. Texts missing in the language are
    /// taken from another.
    #[param(value_type = Option<crate::routes::labels::Language>, example = "cs")]
    lang: Option<String>,
}

fn language(req: &HttpRequest, params: &CalendarParams) -> Result<Language, ApiError> {
    if let Some(language) = query::optional("lang", params.lang.as_deref(), str::parse)? {
        return Ok(language);
    }
    Ok(req
        .get_header::<AcceptLanguage>()
        .map(|accepted| accepted.ranked())
        .unwrap_or_default()
        .iter()
        .filter_map(|preference| preference.item())
        .find_map(|tag| tag.primary_language().parse::<Language>().ok())
        .unwrap_or(Language::De))
}

fn respond(
    events: &[Event],
    name: &str,
    language: Language,
    filename: &str,
) -> Result<HttpResponse, ApiError> {
    let mut entries = Vec::with_capacity(events.len());
    let texts: Vec<[LocalizedText; 3]> = events
        .iter()
        .map(|e| [Text::Title, Text::Summary, Text::Description].map(|which| e.text(which)))
        .collect();
    for (event, [title, summary, description]) in events.iter().zip(&texts) {
        let row = &event.row;
        let description = [
            summary.in_or_else(language),
            description.in_or_else(language),
        ]
        .into_iter()
        .flatten()
        .chain(std::iter::once(event.organiser_name.as_str()))
        .collect::<Vec<_>>()
        .join("\n\n");
        let location = row.venue_name.as_ref().map(|venue| {
            [
                Some(venue.as_str()),
                row.street.as_deref(),
                row.postal_code.as_deref(),
                row.city.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
        });
        entries.push(CalendarEvent {
            id: &row.id,
            version: row.version,
            updated_at: row.updated_at.and_utc(),
            starts_at: row.starts_at.and_utc(),
            ends_at: row.ends_at.and_utc(),
            zone: zone(event)?,
            status: status(event)?,
            title: title.in_or_else(language).unwrap_or_default(),
            description: Some(description),
            location: location.or_else(|| row.online_url.clone()),
            coordinates: row.latitude.zip(row.longitude),
            url: row.online_url.as_deref(),
        });
    }
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((actix_web::http::header::CONTENT_LANGUAGE, language.as_str()))
        .insert_header((actix_web::http::header::VARY, "Accept-Language"))
        .body(calendar::write(name, &entries)))
}

/// Calendar feed of events
///
/// The events the same filters as `GET /v1/events` find, soonest first (at most 100), as an
/// iCalendar feed to subscribe to: local times with their `VTIMEZONE`, stable `UID`s, and
/// `STATUS:CANCELLED` for cancelled events so subscribed calendars drop them.
#[utoipa::path(
    operation_id = "getEventsCalendar",
    tag = "events",
    params(EventFilterParams, CalendarParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The feed", content_type = "text/calendar", body = String),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events.ics")]
pub async fn feed(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let filters: EventFilterParams = query::parse(&req)?;
    let params: CalendarParams = query::parse(&req)?;
    let language = language(&req, &params)?;
    let (q, request) = search_request(filters, Some(EventSort::Start), Vec::new())?;
    // A feed is one page of the largest size, soonest first: a year of the region's events.
    let size = pagination::MAX_LIMIT.to_string();
    let search = Search::new(Target::Events, q, request, None, Some(&size))?;
    let events = search
        .load(&db, &index, persistence::events::by_ids)
        .await?;
    respond(&events, "PartnerNet", language, "events.ics")
}

/// An event as a calendar file
///
/// One event as iCalendar, to add to a calendar, in the language asked for. Visible like the
/// event.
#[utoipa::path(
    operation_id = "getEventCalendar",
    tag = "events",
    params(("id" = String, Path, description = "The event's id"), CalendarParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The event as iCalendar", content_type = "text/calendar", body = String),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No event with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/calendar.ics")]
pub async fn single(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: CalendarParams = query::parse(&req)?;
    let language = language(&req, &params)?;
    let id = id.into_inner();
    let (event, _) = db.run(move |conn| visible(conn, &caller, &id)).await?;
    let filename = format!("event-{}.ics", event.row.id);
    let name = event
        .text(Text::Title)
        .in_or_else(language)
        .unwrap_or("PartnerNet")
        .to_owned();
    respond(&[event], &name, language, &filename)
}
