//! Events of the region (cooperation exchanges, workshops, information events …) and the
//! rules of taking part in them: when they happen, who may register, and who gets a place.

pub mod calendar;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::InvalidValue;
use crate::account::Email;
use crate::company::Address;
use crate::language::{Language, LocalizedText, SpokenLanguage};
use crate::reference::NaceCode;
use crate::search::Sort;

string_enum!(
    /// What kind of event it is.
    EventKind, "unknown_event_kind", "kind of event" {
        CooperationExchange = "cooperation_exchange",
        Workshop = "workshop",
        InformationEvent = "information_event",
        TradeFair = "trade_fair",
        Matchmaking = "matchmaking",
        Webinar = "webinar",
    }
);

string_enum!(
    /// Where an event stands: drafts are its organiser's, published and cancelled ones public.
    EventStatus, "unknown_event_status", "event status" {
        Draft = "draft",
        Published = "published",
        Cancelled = "cancelled",
    }
);

string_enum!(
    /// The time zones of the region, in which organisers give and calendars show an event's times.
    EventTimeZone, "unknown_time_zone", "time zone of the region" {
        Berlin = "Europe/Berlin",
        Prague = "Europe/Prague",
    }
);

string_enum!(
    /// How an organisation takes part in an event.
    ParticipationKind, "unknown_participation_kind", "way of taking part" {
        Exhibitor = "exhibitor",
        Visitor = "visitor",
    }
);

string_enum!(
    /// Where a registration stands.
    RegistrationStatus, "unknown_registration_status", "registration status" {
        Confirmed = "confirmed",
        Waiting = "waiting",
        Cancelled = "cancelled",
    }
);

string_enum!(
    /// The order of an event search.
    EventSort, "unknown_sort", "sort order" {
        Relevance = "relevance",
        Start = "start",
        Distance = "distance",
    }
);

impl EventSort {
    /// The index's order: events' sort names begin with their start (see the index's fields).
    pub fn order(self) -> Sort {
        match self {
            EventSort::Relevance => Sort::Relevance,
            EventSort::Start => Sort::Name,
            EventSort::Distance => Sort::Distance,
        }
    }
}

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_DESCRIPTION: usize = 10_000;
pub const MAX_FEE_NOTE: usize = 500;
pub const MAX_VENUE_NAME: usize = 200;
pub const MAX_LANGUAGES: usize = 10;
pub const MAX_CAPACITY: u32 = 100_000;
/// The longest event: a trade fair of a few weeks at most.
pub const MAX_DAYS: i64 = 60;
pub const MAX_PARTICIPANTS: usize = 20;
pub const MAX_NOTE: usize = 1_000;

impl EventTimeZone {
    pub fn tz(self) -> Tz {
        match self {
            EventTimeZone::Berlin => chrono_tz::Europe::Berlin,
            EventTimeZone::Prague => chrono_tz::Europe::Prague,
        }
    }

    /// A moment as the zone's local time, with its offset.
    pub fn local(self, at: DateTime<Utc>) -> DateTime<Tz> {
        at.with_timezone(&self.tz())
    }

    /// A moment written `2027-03-25T09:00:00` (local time of this zone) or with an offset,
    /// `2027-03-25T09:00:00+01:00`. A local time that the change to summer time skips does
    /// not exist and is refused; one the change back repeats is the first of the two.
    pub fn moment(self, raw: &str) -> Result<DateTime<Utc>, InvalidValue> {
        if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
            return Ok(at.with_timezone(&Utc));
        }
        let local = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(raw, format).ok())
            .ok_or_else(|| {
                InvalidValue::new(
                    "invalid_date_time",
                    format!(
                        "'{raw}' is not a date and time such as 2027-03-25T09:00 (local time) \
                         or 2027-03-25T09:00:00+01:00"
                    ),
                )
            })?;
        match self.tz().from_local_datetime(&local) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.with_timezone(&Utc)),
            LocalResult::None => Err(InvalidValue::new(
                "nonexistent_local_time",
                format!(
                    "{raw} does not exist in {}: the clocks skip it when summer time starts",
                    self.as_str()
                ),
            )),
        }
    }
}

/// A bound of a search in time: a date (its midnight in the region) or a date and time with
/// an offset.
pub fn boundary(raw: &str) -> Result<DateTime<Utc>, InvalidValue> {
    let invalid = || {
        InvalidValue::new(
            "invalid_date_time",
            format!(
                "'{raw}' is not a date such as 2027-03-25 or a time such as 2027-03-25T09:00:00+01:00"
            ),
        )
    };
    if let Ok(date) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(invalid)?;
        // Midnight exists in both zones on every day: the clocks change at 02:00 and 03:00.
        return EventTimeZone::Berlin
            .moment(&midnight.format("%Y-%m-%dT%H:%M").to_string())
            .map_err(|_| invalid());
    }
    DateTime::parse_from_rfc3339(raw)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| invalid())
}

impl EventStatus {
    /// The statuses an event of this status may change to: a draft is published or dropped,
    /// a published event is cancelled, and a cancelled one stays cancelled (its registrations
    /// remain readable).
    pub fn next(self) -> &'static [EventStatus] {
        match self {
            EventStatus::Draft => &[EventStatus::Published, EventStatus::Cancelled],
            EventStatus::Published => &[EventStatus::Cancelled],
            EventStatus::Cancelled => &[],
        }
    }

    /// Whether an event of this status may become `next` (staying as it is always may).
    pub fn may_become(self, next: EventStatus) -> bool {
        self == next || self.next().contains(&next)
    }

    /// Whether everybody may read the event.
    pub fn is_public(self) -> bool {
        self != EventStatus::Draft
    }
}

/// When an event takes place and until when one may register, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    zone: EventTimeZone,
    registration_deadline: Option<DateTime<Utc>>,
}

impl Schedule {
    /// Checks the times against each other: the end after the start, at most [`MAX_DAYS`]
    /// later, and the registration deadline not after the end. Errors name the field.
    pub fn new(
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        zone: EventTimeZone,
        registration_deadline: Option<DateTime<Utc>>,
    ) -> Result<Self, (&'static str, InvalidValue)> {
        if ends_at <= starts_at {
            return Err((
                "ends_at",
                InvalidValue::new("ends_before_start", "an event ends after it starts"),
            ));
        }
        if ends_at - starts_at > chrono::Duration::days(MAX_DAYS) {
            return Err((
                "ends_at",
                InvalidValue::new(
                    "too_long",
                    format!("an event lasts at most {MAX_DAYS} days"),
                ),
            ));
        }
        if registration_deadline.is_some_and(|deadline| deadline > ends_at) {
            return Err((
                "registration_deadline",
                InvalidValue::new(
                    "after_end",
                    "the registration deadline is before the event ends",
                ),
            ));
        }
        Ok(Self {
            starts_at,
            ends_at,
            zone,
            registration_deadline,
        })
    }

    pub fn starts_at(&self) -> DateTime<Utc> {
        self.starts_at
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.ends_at
    }

    pub fn zone(&self) -> EventTimeZone {
        self.zone
    }

    pub fn registration_deadline(&self) -> Option<DateTime<Utc>> {
        self.registration_deadline
    }

    /// Until when registrations are taken: the deadline, else the end of the event.
    pub fn registration_closes(&self) -> DateTime<Utc> {
        self.registration_deadline.unwrap_or(self.ends_at)
    }
}

/// How many organisations may take part in each way: `None` is no limit, 0 that this way of
/// taking part is not offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capacity {
    pub exhibitors: Option<u32>,
    pub visitors: Option<u32>,
}

/// A capacity: a whole number from 0 to [`MAX_CAPACITY`]. It comes as any JSON number, so
/// `50.0` is 50 as JSON Schema's `integer` says.
pub fn capacity(raw: f64) -> Result<u32, InvalidValue> {
    if raw.fract() != 0.0 || !(0.0..=f64::from(MAX_CAPACITY)).contains(&raw) {
        return Err(InvalidValue::new(
            "out_of_range",
            format!("a capacity is a whole number from 0 to {MAX_CAPACITY}"),
        ));
    }
    // Whole and within 0..=MAX_CAPACITY: the conversion is exact.
    Ok(raw as u32)
}

impl Capacity {
    pub fn of(&self, kind: ParticipationKind) -> Option<u32> {
        match kind {
            ParticipationKind::Exhibitor => self.exhibitors,
            ParticipationKind::Visitor => self.visitors,
        }
    }

    /// Where a new registration of `kind` goes when `confirmed` of that kind hold a place:
    /// a place while there is one, else the waiting list.
    pub fn place(
        &self,
        kind: ParticipationKind,
        confirmed: u64,
    ) -> Result<RegistrationStatus, InvalidValue> {
        match self.of(kind) {
            Some(0) => Err(InvalidValue::new(
                "not_offered",
                format!("this event takes no {}s", kind.as_str()),
            )),
            Some(limit) if confirmed >= u64::from(limit) => Ok(RegistrationStatus::Waiting),
            _ => Ok(RegistrationStatus::Confirmed),
        }
    }

    /// How many waiting registrations of `kind` move up when `confirmed` hold a place.
    pub fn free_places(&self, kind: ParticipationKind, confirmed: u64) -> u64 {
        match self.of(kind) {
            Some(limit) => u64::from(limit).saturating_sub(confirmed),
            None => u64::MAX,
        }
    }
}

/// The place of an event: a venue with its address, whose postal code gives region and
/// coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Venue {
    pub name: String,
    pub address: Address,
}

/// An event, valid and ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub organiser_id: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// At least one language has a title.
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub description: LocalizedText,
    pub fee_note: LocalizedText,
    pub schedule: Schedule,
    /// A venue, an online link, or both.
    pub venue: Option<Venue>,
    pub online_url: Option<String>,
    pub languages: Vec<SpokenLanguage>,
    pub interpreting: bool,
    pub topics: Vec<NaceCode>,
    pub capacity: Capacity,
}

impl NewEvent {
    /// The title to sort by: the first of German, Czech, English that exists.
    pub fn sort_title(&self) -> &str {
        self.title
            .de
            .as_deref()
            .or(self.title.cs.as_deref())
            .or(self.title.en.as_deref())
            .unwrap_or_default()
    }
}

/// Whether an event of `status` whose registration closes at `closes` takes a registration
/// at `now`.
pub fn registration_open(
    status: EventStatus,
    closes: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), InvalidValue> {
    match status {
        EventStatus::Cancelled => Err(InvalidValue::new(
            "event_cancelled",
            "the event is cancelled and takes no registrations",
        )),
        EventStatus::Draft => Err(InvalidValue::new(
            "event_not_published",
            "the event is not published yet",
        )),
        EventStatus::Published if now > closes => Err(InvalidValue::new(
            "registration_closed",
            format!("registration closed at {}", closes.to_rfc3339()),
        )),
        EventStatus::Published => Ok(()),
    }
}

/// A person an organisation sends to an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub email: Email,
    /// The language the person wants to be addressed in.
    pub language: Language,
}

/// A registration, valid and ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRegistration {
    pub company_id: String,
    pub kind: ParticipationKind,
    /// One to [`MAX_PARTICIPANTS`] people.
    pub participants: Vec<Participant>,
    /// What the organisation offers or seeks at the event.
    pub note: Option<String>,
    /// Whether it appears on the public participant list.
    pub listed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(raw)
            .expect("test time")
            .with_timezone(&Utc)
    }

    #[test]
    fn local_times_follow_summer_time() {
        let berlin = EventTimeZone::Berlin;
        assert_eq!(
            berlin.moment("2027-03-27T09:00"),
            Ok(utc("2027-03-27T08:00:00Z"))
        );
        assert_eq!(
            berlin.moment("2027-03-29T09:00:00"),
            Ok(utc("2027-03-29T07:00:00Z"))
        );
        assert_eq!(
            EventTimeZone::Prague.moment("2027-03-29T09:00:00+01:00"),
            Ok(utc("2027-03-29T08:00:00Z"))
        );
        let skipped = berlin.moment("2027-03-28T02:30").expect_err("skipped hour");
        assert_eq!(skipped.code, "nonexistent_local_time");
        assert!(berlin.moment("29.03.2027 09:00").is_err());
    }

    #[test]
    fn schedules_are_consistent() {
        let start = utc("2027-05-10T08:00:00Z");
        let zone = EventTimeZone::Prague;
        assert!(Schedule::new(start, start, zone, None).is_err());
        assert!(Schedule::new(start, start + chrono::Duration::days(61), zone, None).is_err());
        let end = start + chrono::Duration::hours(8);
        let late = Some(end + chrono::Duration::hours(1));
        assert_eq!(
            Schedule::new(start, end, zone, late).map_err(|e| e.0),
            Err("registration_deadline")
        );
        let schedule = Schedule::new(start, end, zone, None).expect("valid");
        assert_eq!(schedule.registration_closes(), end);
    }

    #[test]
    fn places_then_waiting_list() {
        let capacity = Capacity {
            exhibitors: Some(2),
            visitors: Some(0),
        };
        let exhibitor = ParticipationKind::Exhibitor;
        assert_eq!(
            capacity.place(exhibitor, 1),
            Ok(RegistrationStatus::Confirmed)
        );
        assert_eq!(
            capacity.place(exhibitor, 2),
            Ok(RegistrationStatus::Waiting)
        );
        assert!(capacity.place(ParticipationKind::Visitor, 0).is_err());
        assert_eq!(capacity.free_places(exhibitor, 1), 1);
        assert_eq!(Capacity::default().free_places(exhibitor, 1_000), u64::MAX);
    }

    #[test]
    fn capacities_are_whole_numbers() {
        assert_eq!(capacity(50.0), Ok(50));
        assert!(capacity(50.5).is_err());
        assert!(capacity(-1.0).is_err());
        assert!(capacity(f64::NAN).is_err());
        assert!(capacity(f64::from(MAX_CAPACITY) + 1.0).is_err());
    }

    #[test]
    fn status_changes() {
        assert!(EventStatus::Draft.may_become(EventStatus::Published));
        assert!(EventStatus::Published.may_become(EventStatus::Cancelled));
        assert!(!EventStatus::Published.may_become(EventStatus::Draft));
        assert!(!EventStatus::Cancelled.may_become(EventStatus::Published));
    }

    #[test]
    fn registration_closes_at_the_deadline() {
        let closes = utc("2027-05-01T22:00:00Z");
        let before = closes - chrono::Duration::minutes(1);
        assert!(registration_open(EventStatus::Published, closes, before).is_ok());
        let after = closes + chrono::Duration::minutes(1);
        assert_eq!(
            registration_open(EventStatus::Published, closes, after).map_err(|e| e.code),
            Err("registration_closed")
        );
        assert!(registration_open(EventStatus::Cancelled, closes, before).is_err());
    }
}
