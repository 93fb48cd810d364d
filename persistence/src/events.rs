//! Events and their texts per language.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::event::{EventStatus, NewEvent, RegistrationStatus};
use domain::language::{Language, LocalizedText};
use domain::notification::NotificationKind;
use domain::text::fold;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::registrations::{fill_places, lock_queue, tell};
use crate::schema::{companies, event_queues, event_registrations, event_texts, events};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = events, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct EventRow {
    pub id: String,
    pub organiser_id: String,
    pub status: String,
    pub kind: String,
    pub title_sort: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub time_zone: String,
    pub registration_deadline: Option<NaiveDateTime>,
    pub venue_name: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: Option<String>,
    /// One ISO 639-1 code per line.
    pub languages: String,
    pub interpreting: bool,
    /// One NACE code per line.
    pub topics: String,
    pub capacity_exhibitors: Option<i32>,
    pub capacity_visitors: Option<i32>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl EventRow {
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.lines().filter(|l| !l.is_empty())
    }

    pub fn topic_codes(&self) -> impl Iterator<Item = &str> {
        self.topics.lines().filter(|t| !t.is_empty())
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_texts, treat_none_as_default_value = false)]
pub struct EventTextRow {
    pub event_id: String,
    pub language: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub fee_note: Option<String>,
}

/// An event with its texts and its organiser's name.
#[derive(Debug, Clone)]
pub struct Event {
    pub row: EventRow,
    pub texts: Vec<EventTextRow>,
    pub organiser_name: String,
}

/// Which of an event's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Summary,
    Description,
    FeeNote,
}

impl Event {
    /// One of the event's texts in every language it is written in.
    pub fn text(&self, which: Text) -> LocalizedText {
        text_of(&self.texts, which)
    }
}

fn text_of(texts: &[EventTextRow], which: Text) -> LocalizedText {
    LocalizedText::from_rows(texts.iter().map(|row| {
        let value = match which {
            Text::Title => &row.title,
            Text::Summary => &row.summary,
            Text::Description => &row.description,
            Text::FeeNote => &row.fee_note,
        };
        (row.language.as_str(), value)
    }))
}

fn to_rows(new: &NewEvent, id: String, at: NaiveDateTime) -> (EventRow, Vec<EventTextRow>) {
    let texts = Language::ALL
        .iter()
        .map(|&language| EventTextRow {
            event_id: id.clone(),
            language: language.as_str().to_owned(),
            title: new.title.get(language).map(str::to_owned),
            summary: new.summary.get(language).map(str::to_owned),
            description: new.description.get(language).map(str::to_owned),
            fee_note: new.fee_note.get(language).map(str::to_owned),
        })
        .filter(|t| {
            t.title.is_some()
                || t.summary.is_some()
                || t.description.is_some()
                || t.fee_note.is_some()
        })
        .collect();
    let venue = new.venue.as_ref();
    let address = venue.map(|v| &v.address);
    let coordinates = address.and_then(|a| a.coordinates);
    let schedule = &new.schedule;
    let row = EventRow {
        organiser_id: new.organiser_id.clone(),
        status: new.status.as_str().to_owned(),
        kind: new.kind.as_str().to_owned(),
        title_sort: fold(new.sort_title()),
        starts_at: schedule.starts_at().naive_utc(),
        ends_at: schedule.ends_at().naive_utc(),
        time_zone: schedule.zone().as_str().to_owned(),
        registration_deadline: schedule.registration_deadline().map(|d| d.naive_utc()),
        venue_name: venue.map(|v| v.name.clone()),
        street: address.and_then(|a| a.street.clone()),
        postal_code: address.and_then(|a| a.postal_code.clone()),
        city: address.and_then(|a| a.city.clone()),
        country: address.map(|a| a.country.as_str().to_owned()),
        region: address.and_then(|a| a.region.as_ref().map(|r| r.as_str().to_owned())),
        latitude: coordinates.map(|c| c.latitude),
        longitude: coordinates.map(|c| c.longitude),
        online_url: new.online_url.clone(),
        languages: lines(new.languages.iter().map(|l| l.as_str())),
        interpreting: new.interpreting,
        topics: lines(new.topics.iter().map(|t| t.as_str())),
        capacity_exhibitors: new.capacity.exhibitors.map(clamp),
        capacity_visitors: new.capacity.visitors.map(clamp),
        version: 1,
        created_at: at,
        updated_at: at,
        id,
    };
    (row, texts)
}

/// Capacities are at most `domain::event::MAX_CAPACITY`, far below `i32::MAX`.
fn clamp(capacity: u32) -> i32 {
    i32::try_from(capacity).unwrap_or(i32::MAX)
}

fn lines<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// An event has a row of texts per language at most.
const TEXT_ROWS: usize = 3;

/// Stores a new event; returns its id.
pub fn create(conn: &mut DbConn, new: &NewEvent) -> QueryResult<String> {
    let (row, texts) = to_rows(new, new_id(), now());
    conn.transaction(|conn| {
        diesel::insert_into(events::table)
            .values(&row)
            .execute(conn)?;
        crate::bulk_insert!(conn, event_texts::table, &texts, TEXT_ROWS)?;
        diesel::insert_into(event_queues::table)
            .values((
                event_queues::event_id.eq(&row.id),
                event_queues::arrivals.eq(0),
            ))
            .execute(conn)?;
        Ok(row.id.clone())
    })
}

/// Replaces the event with `new` if it is still at `expected_version`; `false` when it is gone
/// or was changed meanwhile. Places that a larger capacity frees go to the waiting list.
pub fn update(
    conn: &mut DbConn,
    current: &EventRow,
    expected_version: i64,
    new: &NewEvent,
) -> QueryResult<bool> {
    let (mut row, texts) = to_rows(new, current.id.clone(), now());
    row.created_at = current.created_at;
    row.version = expected_version + 1;
    conn.transaction(|conn| {
        // Registrations read the event under this lock: none sees half of a change.
        if !lock_queue(conn, &current.id)? {
            return Ok(false);
        }
        let updated = diesel::update(
            events::table
                .find(&current.id)
                .filter(events::version.eq(expected_version)),
        )
        .set(&row)
        .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        diesel::delete(event_texts::table.filter(event_texts::event_id.eq(&row.id)))
            .execute(conn)?;
        crate::bulk_insert!(conn, event_texts::table, &texts, TEXT_ROWS)?;
        fill_places(conn, &row)?;
        let cancelled = EventStatus::Cancelled.as_str();
        let news = if current.status != cancelled && row.status == cancelled {
            Some(NotificationKind::EventCancelled)
        } else if row.status == EventStatus::Published.as_str() && moved(current, &row) {
            Some(NotificationKind::EventChanged)
        } else {
            None
        };
        if let Some(kind) = news {
            let registered: Vec<String> = event_registrations::table
                .filter(event_registrations::event_id.eq(&row.id))
                .filter(event_registrations::status.ne(RegistrationStatus::Cancelled.as_str()))
                .select(event_registrations::id)
                .load(conn)?;
            tell(conn, &row.id, &registered, kind)?;
        }
        Ok(true)
    })
}

/// Whether the time or the place of an event changed: what its participants must hear of.
fn moved(before: &EventRow, after: &EventRow) -> bool {
    before.starts_at != after.starts_at
        || before.ends_at != after.ends_at
        || before.venue_name != after.venue_name
        || before.street != after.street
        || before.postal_code != after.postal_code
        || before.city != after.city
        || before.online_url != after.online_url
}

/// Deletes the event if it is still at `expected_version`.
pub fn delete(conn: &mut DbConn, id: &str, expected_version: i64) -> QueryResult<bool> {
    let deleted = diesel::delete(
        events::table
            .find(id)
            .filter(events::version.eq(expected_version)),
    )
    .execute(conn)?;
    Ok(deleted > 0)
}

/// An event's title in every language it has.
pub(crate) fn title(conn: &mut DbConn, id: &str) -> QueryResult<LocalizedText> {
    let texts = event_texts::table
        .filter(event_texts::event_id.eq(id))
        .select(EventTextRow::as_select())
        .load(conn)?;
    Ok(text_of(&texts, Text::Title))
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Event>> {
    Ok(by_ids(conn, &[id.to_owned()])?.pop())
}

/// Events by id, in the order of `ids` (ids not found are left out).
pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Event>> {
    let rows = events::table
        .inner_join(companies::table)
        .filter(events::id.eq_any(ids))
        .select((EventRow::as_select(), companies::name))
        .load(conn)?;
    let mut found: HashMap<String, Event> = with_texts(conn, rows)?
        .into_iter()
        .map(|e| (e.row.id.clone(), e))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// When each public event (published or cancelled, of a published organiser) starts, by id.
pub fn public_starts(conn: &mut DbConn) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    events::table
        .inner_join(companies::table)
        .filter(events::status.ne(domain::event::EventStatus::Draft.as_str()))
        .filter(companies::status.eq(domain::company::CompanyStatus::Published.as_str()))
        .select((events::id, events::starts_at))
        .load(conn)
}

/// The events organised by the companies `organiser_ids`.
pub fn ids_of_organisers(conn: &mut DbConn, organiser_ids: &[String]) -> QueryResult<Vec<String>> {
    events::table
        .filter(events::organiser_id.eq_any(organiser_ids))
        .select(events::id)
        .load(conn)
}

/// Every event in id order, a page at a time (for building the search index).
pub fn page_by_id(conn: &mut DbConn, after: Option<&str>, limit: i64) -> QueryResult<Vec<Event>> {
    let mut query = events::table
        .inner_join(companies::table)
        .select((EventRow::as_select(), companies::name))
        .order_by(events::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(events::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_texts(conn, rows)
}

/// The events company `company_id` organises or takes part in (a registration not
/// cancelled), by start, continuing after `(starts_at, id)`. Drafts only with `drafts`.
pub fn of_company(
    conn: &mut DbConn,
    company_id: &str,
    drafts: bool,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<Event>> {
    let taking_part = event_registrations::table
        .filter(event_registrations::company_id.eq(company_id.to_owned()))
        .filter(event_registrations::status.ne("cancelled"))
        .select(event_registrations::event_id);
    let mut query = events::table
        .inner_join(companies::table)
        .filter(
            events::organiser_id
                .eq(company_id.to_owned())
                .or(events::id.eq_any(taking_part)),
        )
        .select((EventRow::as_select(), companies::name))
        .order_by((events::starts_at.asc(), events::id.asc()))
        .limit(limit)
        .into_boxed();
    if !drafts {
        query = query.filter(events::status.ne("draft"));
    }
    if let Some((starts_at, id)) = after {
        query = query.filter(
            events::starts_at
                .gt(starts_at)
                .or(events::starts_at.eq(starts_at).and(events::id.gt(id))),
        );
    }
    let rows = query.load(conn)?;
    with_texts(conn, rows)
}

fn with_texts(conn: &mut DbConn, rows: Vec<(EventRow, String)>) -> QueryResult<Vec<Event>> {
    let ids: Vec<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    let mut texts: HashMap<String, Vec<EventTextRow>> = HashMap::new();
    for text in event_texts::table
        .filter(event_texts::event_id.eq_any(&ids))
        .select(EventTextRow::as_select())
        .load(conn)?
    {
        texts.entry(text.event_id.clone()).or_default().push(text);
    }
    Ok(rows
        .into_iter()
        .map(|(row, organiser_name)| Event {
            texts: texts.remove(&row.id).unwrap_or_default(),
            row,
            organiser_name,
        })
        .collect())
}
