//! Properties of what we write for other programs and of the register records we read, over
//! generated input (proptest): calendars parse back to the text that went in, register
//! records of any shape are taken or refused without a panic.

use chrono::{TimeZone, Utc};
use domain::event::calendar::{CalendarEvent, write};
use domain::event::{EventStatus, EventTimeZone};
use domain::import::{ares, handelsregister};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The text of `name` in the calendar's one event, unfolded and unescaped by an iCalendar
/// parser we did not write.
fn parsed(calendar: &str, name: &str) -> Option<String> {
    let unfolded = icalendar::parser::unfold(calendar);
    let calendar = icalendar::parser::read_calendar(&unfolded).ok()?;
    let event = calendar.components.iter().find(|c| c.name == "VEVENT")?;
    let property = event.find_prop(name)?;
    Some(property.val.clone().unescape_text().as_str().to_owned())
}

/// What a calendar can hold of a text: control characters but the line break are dropped.
fn representable(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// A register record's fields, with values of any JSON type and strings of any kind.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,30}".prop_map(Value::from),
        "[0-9]{1,10}".prop_map(Value::from),
        "(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
    ]
}

fn record(fields: &'static [&'static str]) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((prop::sample::select(fields), any_value()), 0..12),
        prop::collection::vec((prop::sample::select(fields), any_value()), 0..6),
    )
        .prop_map(|(top, nested)| {
            let mut object: serde_json::Map<String, Value> =
                top.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            let inner: serde_json::Map<String, Value> =
                nested.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            object.insert("sidlo".into(), Value::Object(inner.clone()));
            object.insert("address".into(), Value::Object(inner));
            Value::Object(object)
        })
}

const ARES_FIELDS: &[&str] = &[
    "ico",
    "obchodniJmeno",
    "pravniForma",
    "dic",
    "datumVzniku",
    "datumZaniku",
    "datumAktualizace",
    "czNace",
    "nazevObce",
    "psc",
    "nazevUlice",
    "cisloDomovni",
    "kodKraje",
    "textovaAdresa",
    "stavSubjektu",
];

const HANDELSREGISTER_FIELDS: &[&str] = &[
    "name",
    "company_number",
    "registered_office",
    "register_art",
    "register_nummer",
    "registrar",
    "retrieved_at",
    "current_status",
    "native_company_number",
    "zip",
    "city",
    "street",
    "legal_form",
    "all_attributes",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// A title, description and place of any text come back from a calendar program's parser
    /// as written, however they are escaped and folded. Backslashes are left out: for a
    /// backslash followed by `N` (written doubled, `\\N`, as RFC 5545 says) the `icalendar`
    /// crate's parser gives back a line break.
    #[test]
    fn calendars_round_trip(title in "[^\\\\\\p{Cc}]{0,200}", description in "([^\\\\\\p{Cc}]|\\n){0,300}", place in "[^\\\\\\p{Cc}]{0,100}") {
        let at = Utc.with_ymd_and_hms(2027, 3, 27, 8, 0, 0).unwrap();
        let event = CalendarEvent {
            id: "01a24b0b-ab96-7296-9e76-0d3fba4fc7c9",
            version: 3,
            updated_at: at,
            starts_at: at,
            ends_at: at + chrono::Duration::hours(8),
            zone: EventTimeZone::Berlin,
            status: EventStatus::Published,
            title: &title,
            description: Some(description.clone()),
            location: Some(place.clone()),
            coordinates: None,
            url: None,
        };
        let calendar = write("Börse; Kalender, Test", &[event]);
        prop_assert!(calendar.lines().all(|line| line.len() <= 75), "a line is not folded");
        prop_assert_eq!(parsed(&calendar, "SUMMARY"), Some(representable(&title)));
        prop_assert_eq!(parsed(&calendar, "DESCRIPTION"), Some(representable(&description)));
        prop_assert_eq!(parsed(&calendar, "LOCATION"), Some(representable(&place)));
    }

    /// ARES subjects of any shape are imported or refused with a reason, never a panic; what
    /// is imported has a valid IČO.
    #[test]
    fn ares_records_never_panic(subject in record(ARES_FIELDS)) {
        if ares::parse(subject.clone()).is_ok() {
            prop_assert!(!subject["ico"].is_null(), "imported without an IČO: {subject}");
        }
    }

    /// Handelsregister (OffeneRegister) records of any shape are imported or refused, never a
    /// panic.
    #[test]
    fn handelsregister_records_never_panic(record in record(HANDELSREGISTER_FIELDS)) {
        let _ = handelsregister::parse(record);
    }
}

/// The generators reach records that are imported, so the properties above are not only
/// about refusals.
#[test]
fn a_generated_shape_can_be_imported() {
    let subject = json!({
        "ico": "26168685", "obchodniJmeno": "Pila Dvořák s.r.o.", "pravniForma": "112",
        "sidlo": {"nazevObce": "Ústí nad Labem", "psc": 40001, "kodKraje": 42},
    });
    assert!(ares::parse(subject).is_ok());
}
