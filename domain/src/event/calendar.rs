//! Events as an iCalendar document (RFC 5545) that calendar programs subscribe to.
//!
//! Written here rather than with a builder crate: a feed needs `VTIMEZONE` components, which
//! the crates at hand do not write, and the rest is a few escaped, folded lines.

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::{EventStatus, EventTimeZone};

/// The `PRODID` of our calendars.
const PRODUCT: &str = "-//PartnerNet//Events//EN";
/// The domain part of every `UID`: an event's UID is its id here, so it never changes.
const UID_DOMAIN: &str = "events.partnernet.eu";
/// RFC 5545 §3.1: lines longer than 75 octets are folded.
const MAX_LINE: usize = 75;

/// One event as a calendar shows it, in one language.
#[derive(Debug, Clone)]
pub struct CalendarEvent<'a> {
    pub id: &'a str,
    /// Increases with every change: calendars replace an older copy by a newer one.
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub zone: EventTimeZone,
    pub status: EventStatus,
    pub title: &'a str,
    pub description: Option<String>,
    pub location: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    /// The event's page, or its online link.
    pub url: Option<&'a str>,
}

/// Writes `events` as one calendar named `name`, with the time zones they use.
pub fn write(name: &str, events: &[CalendarEvent<'_>]) -> String {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:{PRODUCT}"));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line(&format!("X-WR-CALNAME:{}", escape(name)));
    let zones: BTreeSet<&str> = events.iter().map(|e| e.zone.as_str()).collect();
    for zone in zones {
        time_zone(&mut out, zone);
    }
    for event in events {
        write_event(&mut out, event);
    }
    out.line("END:VCALENDAR");
    out.text
}

fn write_event(out: &mut Lines, event: &CalendarEvent<'_>) {
    let zone = event.zone.as_str();
    let local = |at: DateTime<Utc>| event.zone.local(at).format("%Y%m%dT%H%M%S").to_string();
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}@{UID_DOMAIN}", event.id));
    out.line(&format!("DTSTAMP:{}", utc(event.updated_at)));
    out.line(&format!("LAST-MODIFIED:{}", utc(event.updated_at)));
    out.line(&format!("SEQUENCE:{}", event.version.max(1) - 1));
    out.line(&format!("DTSTART;TZID={zone}:{}", local(event.starts_at)));
    out.line(&format!("DTEND;TZID={zone}:{}", local(event.ends_at)));
    out.line(&format!("SUMMARY:{}", escape(event.title)));
    if let Some(description) = &event.description {
        out.line(&format!("DESCRIPTION:{}", escape(description)));
    }
    if let Some(location) = &event.location {
        out.line(&format!("LOCATION:{}", escape(location)));
    }
    if let Some((latitude, longitude)) = event.coordinates {
        out.line(&format!("GEO:{latitude:.6};{longitude:.6}"));
    }
    if let Some(url) = event.url {
        out.line(&format!("URL:{url}"));
    }
    out.line(match event.status {
        EventStatus::Cancelled => "STATUS:CANCELLED",
        EventStatus::Draft => "STATUS:TENTATIVE",
        EventStatus::Published => "STATUS:CONFIRMED",
    });
    out.line("END:VEVENT");
}

/// Both zones of the region keep the European Union's rule since 1996: summer time from the
/// last Sunday of March, 02:00, to the last Sunday of October, 03:00 local time.
fn time_zone(out: &mut Lines, zone: &str) {
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{zone}"));
    for line in [
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19960331T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        out.line(line);
    }
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in text values.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Content lines ended by CRLF and folded at 75 octets, never inside a character.
#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > MAX_LINE {
                self.text.push_str("\r\n ");
                // The space that continues a folded line counts towards its length.
                width = 1;
            }
            self.text.push(c);
            width += c.len_utf8();
        }
        let _ = write!(self.text, "\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut lines = Lines::default();
        lines.line(&format!("SUMMARY:{}", "č".repeat(60)));
        for line in lines.text.split("\r\n") {
            assert!(line.len() <= MAX_LINE, "{line}");
        }
        let unfolded = lines.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "č".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
