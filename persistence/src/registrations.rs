//! Registrations of organisations for events: places, the waiting list and participants.
//!
//! Every write that can change who holds a place starts with [`lock_queue`], so on both
//! backends the writes of one event run one after the other: capacity is checked and taken
//! in one step, and no concurrent registrations overbook an event.

use std::collections::HashMap;

use chrono::{NaiveDateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use domain::InvalidValue;
use domain::event::{
    Capacity, EventStatus, MAX_PARTICIPANTS, NewRegistration, ParticipationKind,
    RegistrationStatus, registration_open,
};
use domain::notification::NotificationKind;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::events::EventRow;
use crate::notifications::{Subject, notify_members};
use crate::schema::{companies, event_participants, event_queues, event_registrations, events};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_registrations, treat_none_as_default_value = false)]
pub struct RegistrationRow {
    pub id: String,
    pub event_id: String,
    pub company_id: String,
    pub kind: String,
    pub status: String,
    pub arrival: i64,
    pub note: Option<String>,
    pub listed: bool,
    pub registered_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub cancelled_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_participants, treat_none_as_default_value = false)]
pub struct ParticipantRow {
    pub registration_id: String,
    pub position: i32,
    pub name: String,
    pub email: String,
    pub language: String,
}

/// A registration with its participants, the registered organisation's name and, while it
/// waits, its place on the waiting list (1 = next to move up).
#[derive(Debug, Clone)]
pub struct Registration {
    pub row: RegistrationRow,
    pub participants: Vec<ParticipantRow>,
    pub company_name: String,
    pub waiting_position: Option<i64>,
}

/// Why a registration is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The event is gone.
    NoEvent,
    /// The organisation already takes part (or waits).
    AlreadyRegistered(String),
    /// The event takes no registration of this kind now: cancelled, closed, not offered.
    Closed(InvalidValue),
}

/// Takes the write lock of the event's registrations; `false` when the event is gone.
pub(crate) fn lock_queue(conn: &mut DbConn, event_id: &str) -> QueryResult<bool> {
    let touched = diesel::update(event_queues::table.find(event_id))
        .set(event_queues::arrivals.eq(event_queues::arrivals))
        .execute(conn)?;
    Ok(touched > 0)
}

fn capacity(event: &EventRow) -> Capacity {
    let limit = |c: Option<i32>| c.map(|c| u32::try_from(c).unwrap_or(0));
    Capacity {
        exhibitors: limit(event.capacity_exhibitors),
        visitors: limit(event.capacity_visitors),
    }
}

fn confirmed(conn: &mut DbConn, event_id: &str, kind: ParticipationKind) -> QueryResult<u64> {
    let count: i64 = event_registrations::table
        .filter(event_registrations::event_id.eq(event_id))
        .filter(event_registrations::kind.eq(kind.as_str()))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .select(count_star())
        .first(conn)?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// Registers an organisation: a place while the event has one of the kind, else the end of
/// the waiting list. Returns the registration's id.
pub fn create(
    conn: &mut DbConn,
    event_id: &str,
    new: &NewRegistration,
    user_id: &str,
) -> QueryResult<Result<String, Refused>> {
    conn.transaction(|conn| {
        // Counting the arrival takes the lock and numbers the registration in one statement.
        let arrival: Option<i64> = diesel::update(event_queues::table.find(event_id))
            .set(event_queues::arrivals.eq(event_queues::arrivals + 1))
            .returning(event_queues::arrivals)
            .get_result(conn)
            .optional()?;
        let Some(arrival) = arrival else {
            return Ok(Err(Refused::NoEvent));
        };
        let event: EventRow = events::table
            .find(event_id)
            .select(EventRow::as_select())
            .first(conn)?;
        let status = EventStatus::parse(&event.status).unwrap_or(EventStatus::Cancelled);
        let closes = event
            .registration_deadline
            .unwrap_or(event.ends_at)
            .and_utc();
        if let Err(closed) = registration_open(status, closes, Utc::now()) {
            return Ok(Err(Refused::Closed(closed)));
        }
        let existing: Option<String> = event_registrations::table
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::company_id.eq(&new.company_id))
            .filter(event_registrations::status.ne(RegistrationStatus::Cancelled.as_str()))
            .select(event_registrations::id)
            .first(conn)
            .optional()?;
        if let Some(existing) = existing {
            return Ok(Err(Refused::AlreadyRegistered(existing)));
        }
        let taken = confirmed(conn, event_id, new.kind)?;
        let place = match capacity(&event).place(new.kind, taken) {
            Ok(place) => place,
            Err(not_offered) => return Ok(Err(Refused::Closed(not_offered))),
        };
        let at = now();
        let id = new_id();
        diesel::insert_into(event_registrations::table)
            .values(&RegistrationRow {
                id: id.clone(),
                event_id: event_id.to_owned(),
                company_id: new.company_id.clone(),
                kind: new.kind.as_str().to_owned(),
                status: place.as_str().to_owned(),
                arrival,
                note: new.note.clone(),
                listed: new.listed,
                registered_by: Some(user_id.to_owned()),
                created_at: at,
                updated_at: at,
                cancelled_at: None,
            })
            .execute(conn)?;
        let participants: Vec<ParticipantRow> = new
            .participants
            .iter()
            .zip(0..)
            .map(|(p, position)| ParticipantRow {
                registration_id: id.clone(),
                position,
                name: p.name.clone(),
                email: p.email.as_str().to_owned(),
                language: p.language.as_str().to_owned(),
            })
            .collect();
        crate::bulk_insert!(
            conn,
            event_participants::table,
            &participants,
            MAX_PARTICIPANTS
        )?;
        Ok(Ok(id))
    })
}

/// Cancels a registration (it stays readable) and gives a place it frees to the first on the
/// waiting list. `false` when it was cancelled already.
pub fn cancel(conn: &mut DbConn, registration: &RegistrationRow) -> QueryResult<bool> {
    conn.transaction(|conn| {
        lock_queue(conn, &registration.event_id)?;
        let at = now();
        let cancelled = diesel::update(
            event_registrations::table
                .find(&registration.id)
                .filter(event_registrations::status.ne(RegistrationStatus::Cancelled.as_str())),
        )
        .set((
            event_registrations::status.eq(RegistrationStatus::Cancelled.as_str()),
            event_registrations::cancelled_at.eq(Some(at)),
            event_registrations::updated_at.eq(at),
        ))
        .execute(conn)?;
        if cancelled == 0 {
            return Ok(false);
        }
        let event: EventRow = events::table
            .find(&registration.event_id)
            .select(EventRow::as_select())
            .first(conn)?;
        fill_places(conn, &event)?;
        Ok(true)
    })
}

/// Moves waiting registrations up, in order of arrival, into the places the event has free.
/// Call it holding the event's lock. A cancelled event moves nobody up.
pub(crate) fn fill_places(conn: &mut DbConn, event: &EventRow) -> QueryResult<()> {
    if event.status != EventStatus::Published.as_str() {
        return Ok(());
    }
    let limits = capacity(event);
    for kind in ParticipationKind::ALL.iter().copied() {
        let free = limits.free_places(kind, confirmed(conn, &event.id, kind)?);
        if free == 0 {
            continue;
        }
        let next: Vec<String> = event_registrations::table
            .filter(event_registrations::event_id.eq(&event.id))
            .filter(event_registrations::kind.eq(kind.as_str()))
            .filter(event_registrations::status.eq(RegistrationStatus::Waiting.as_str()))
            .order_by(event_registrations::arrival.asc())
            .limit(i64::try_from(free).unwrap_or(i64::MAX))
            .select(event_registrations::id)
            .load(conn)?;
        if next.is_empty() {
            continue;
        }
        diesel::update(event_registrations::table.filter(event_registrations::id.eq_any(&next)))
            .set((
                event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()),
                event_registrations::updated_at.eq(now()),
            ))
            .execute(conn)?;
        tell(
            conn,
            &event.id,
            &next,
            NotificationKind::RegistrationMovedUp,
        )?;
    }
    Ok(())
}

/// Tells the members of the organisations of registrations `ids` of `kind`, naming the event.
pub(crate) fn tell(
    conn: &mut DbConn,
    event_id: &str,
    ids: &[String],
    kind: NotificationKind,
) -> QueryResult<()> {
    let title = crate::events::title(conn, event_id)?;
    let companies: Vec<(String, String)> = event_registrations::table
        .filter(event_registrations::id.eq_any(ids))
        .select((event_registrations::id, event_registrations::company_id))
        .load(conn)?;
    for (id, company_id) in companies {
        notify_members(
            conn,
            &company_id,
            kind,
            Subject::Text(&title),
            &format!("/v1/registrations/{id}"),
        )?;
    }
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Registration>> {
    let rows = event_registrations::table
        .inner_join(companies::table)
        .filter(event_registrations::id.eq(id))
        .select((RegistrationRow::as_select(), companies::name))
        .load(conn)?;
    Ok(with_details(conn, rows)?.pop())
}

/// The registrations of an event in order of arrival, after arrival `after`; all when
/// `limit` is `None`.
pub fn of_event(
    conn: &mut DbConn,
    event_id: &str,
    after: Option<i64>,
    limit: Option<i64>,
) -> QueryResult<Vec<Registration>> {
    let mut query = event_registrations::table
        .inner_join(companies::table)
        .filter(event_registrations::event_id.eq(event_id))
        .select((RegistrationRow::as_select(), companies::name))
        .order_by(event_registrations::arrival.asc())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(event_registrations::arrival.gt(after));
    }
    if let Some(limit) = limit {
        query = query.limit(limit);
    }
    let rows = query.load(conn)?;
    with_details(conn, rows)
}

/// The registrations of a company in the order they were made (ids grow with time), after
/// registration `after`.
pub fn of_company(
    conn: &mut DbConn,
    company_id: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Registration>> {
    let mut query = event_registrations::table
        .inner_join(companies::table)
        .filter(event_registrations::company_id.eq(company_id))
        .select((RegistrationRow::as_select(), companies::name))
        .order_by(event_registrations::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(event_registrations::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_details(conn, rows)
}

/// The organisations on an event's public participant list: published, holding a place and
/// agreeing to be listed, in order of arrival, after arrival `after`.
pub fn listed(
    conn: &mut DbConn,
    event_id: &str,
    after: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<(RegistrationRow, String)>> {
    let mut query = event_registrations::table
        .inner_join(companies::table)
        .filter(event_registrations::event_id.eq(event_id))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .filter(event_registrations::listed.eq(true))
        // A draft profile stays private, whatever its members agreed to.
        .filter(companies::status.eq("published"))
        .select((RegistrationRow::as_select(), companies::name))
        .order_by(event_registrations::arrival.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(event_registrations::arrival.gt(after));
    }
    query.load(conn)
}

/// How many registrations of each kind hold a place or wait, per event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub exhibitors_confirmed: i64,
    pub exhibitors_waiting: i64,
    pub visitors_confirmed: i64,
    pub visitors_waiting: i64,
}

pub fn counts(conn: &mut DbConn, event_ids: &[String]) -> QueryResult<HashMap<String, Counts>> {
    let rows: Vec<(String, String, String, i64)> = event_registrations::table
        .filter(event_registrations::event_id.eq_any(event_ids))
        .filter(event_registrations::status.ne(RegistrationStatus::Cancelled.as_str()))
        .group_by((
            event_registrations::event_id,
            event_registrations::kind,
            event_registrations::status,
        ))
        .select((
            event_registrations::event_id,
            event_registrations::kind,
            event_registrations::status,
            count_star(),
        ))
        .load(conn)?;
    let mut counts: HashMap<String, Counts> = HashMap::new();
    for (event_id, kind, status, n) in rows {
        let entry = counts.entry(event_id).or_default();
        let slot = match (kind.as_str(), status.as_str()) {
            ("exhibitor", "confirmed") => &mut entry.exhibitors_confirmed,
            ("exhibitor", _) => &mut entry.exhibitors_waiting,
            ("visitor", "confirmed") => &mut entry.visitors_confirmed,
            _ => &mut entry.visitors_waiting,
        };
        *slot += n;
    }
    Ok(counts)
}

fn with_details(
    conn: &mut DbConn,
    rows: Vec<(RegistrationRow, String)>,
) -> QueryResult<Vec<Registration>> {
    let ids: Vec<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    let mut participants: HashMap<String, Vec<ParticipantRow>> = HashMap::new();
    for row in event_participants::table
        .filter(event_participants::registration_id.eq_any(&ids))
        .order_by(event_participants::position.asc())
        .select(ParticipantRow::as_select())
        .load(conn)?
    {
        participants
            .entry(row.registration_id.clone())
            .or_default()
            .push(row);
    }
    let mut registrations = Vec::with_capacity(rows.len());
    for (row, company_name) in rows {
        let waiting_position = if row.status == RegistrationStatus::Waiting.as_str() {
            let ahead: i64 = event_registrations::table
                .filter(event_registrations::event_id.eq(&row.event_id))
                .filter(event_registrations::kind.eq(&row.kind))
                .filter(event_registrations::status.eq(RegistrationStatus::Waiting.as_str()))
                .filter(event_registrations::arrival.lt(row.arrival))
                .select(count_star())
                .first(conn)?;
            Some(ahead + 1)
        } else {
            None
        };
        registrations.push(Registration {
            participants: participants.remove(&row.id).unwrap_or_default(),
            row,
            company_name,
            waiting_position,
        });
    }
    Ok(registrations)
}
