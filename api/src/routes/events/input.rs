//! The writable fields of an event and of a registration, and their validation.

use domain::InvalidValue;
use domain::account::{Email, person_name};
use domain::company::{Website, text};
use domain::country::Country;
use domain::event::{
    Capacity, EventKind, EventStatus, EventTimeZone, MAX_DESCRIPTION, MAX_FEE_NOTE, MAX_LANGUAGES,
    MAX_NOTE, MAX_PARTICIPANTS, MAX_SUMMARY, MAX_TITLE, MAX_VENUE_NAME, NewEvent, NewRegistration,
    Participant, ParticipationKind, Schedule, Venue, capacity,
};
use domain::language::{Language, SpokenLanguage};
use persistence::events::{Event, Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{EventKindDto, EventStatusDto, ParticipationKindDto, TimeZoneDto};
use crate::error::ApiError;
use crate::openapi::merge_patch::merge_patch_schema;
use crate::routes::companies::corrupt;
use crate::routes::companies::input::{AddressInput, Errors, industries, optional_text};
use crate::routes::texts::{TextInput, TitleInput};

/// Where an event takes place; the postal code gives its region and coordinates.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VenueInput {
    #[schema(max_length = 200, example = "Baldauf Villa")]
    pub name: String,
    pub address: AddressInput,
}

/// How many organisations may take part in each way: absent or `null` is no limit, 0 that
/// the event does not take this kind of participant.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CapacityInput {
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 100000, example = 50)]
    pub exhibitors: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 100000, example = 200)]
    pub visitors: Option<serde_json::Number>,
}

/// An event as its organiser writes it. The id, version, timestamps, region and coordinates
/// are the platform's.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// The organising organisation: a multiplier the caller is a member of (administrators:
    /// any). Cannot change later.
    #[schema(max_length = 64)]
    pub organiser_id: String,
    pub kind: EventKindDto,
    /// The title per language (at least one).
    pub title: TitleInput,
    /// A short teaser per language, up to 500 characters.
    pub summary: Option<TextInput>,
    pub description: Option<TextInput>,
    /// What taking part costs, per language, up to 500 characters.
    pub fee_note: Option<TextInput>,
    /// Local time in `time_zone` (`2027-03-25T09:00`), or with an offset.
    #[schema(example = "2027-03-25T09:00", max_length = 40)]
    pub starts_at: String,
    #[schema(example = "2027-03-25T16:00", max_length = 40)]
    pub ends_at: String,
    pub time_zone: TimeZoneDto,
    /// The last moment registrations are taken, like `starts_at`; without it, until the end.
    #[schema(example = "2027-03-18T23:59", max_length = 40)]
    pub registration_deadline: Option<String>,
    /// A venue, an online link, or both.
    pub venue: Option<VenueInput>,
    /// An `http` or `https` address where the event is streamed or held.
    #[schema(max_length = 500)]
    pub online_url: Option<String>,
    /// ISO 639-1 codes of the languages the event is held in.
    #[serde(default)]
    #[schema(example = json!(["de", "cs"]), max_items = 10)]
    pub languages: Vec<String>,
    /// Whether interpreting between the languages is offered.
    #[serde(default)]
    pub interpreting: bool,
    /// NACE Rev. 2 codes of the industries the event is about, at any level (`C`, `25`, `25.62`).
    #[serde(default)]
    #[schema(example = json!(["25", "28"]), max_items = 20)]
    pub topics: Vec<String>,
    pub capacity: Option<CapacityInput>,
    /// `draft` (the default), `published` or `cancelled`. A draft is published or dropped, a
    /// published event cancelled; a cancelled event stays cancelled.
    pub status: Option<EventStatusDto>,
}

merge_patch_schema!(
    /// The body of `PATCH /v1/events/{id}`.
    EventPatch of EventInput
);

impl EventInput {
    /// Validates every field, naming each invalid one by JSON pointer.
    pub fn validate(self) -> Result<NewEvent, ApiError> {
        let mut errors = Errors::default();
        let title = self.title.validate(&mut errors, "/title", MAX_TITLE);
        let summary =
            TextInput::validate(self.summary.as_ref(), &mut errors, "/summary", MAX_SUMMARY);
        let description = TextInput::validate(
            self.description.as_ref(),
            &mut errors,
            "/description",
            MAX_DESCRIPTION,
        );
        let fee_note = TextInput::validate(
            self.fee_note.as_ref(),
            &mut errors,
            "/fee_note",
            MAX_FEE_NOTE,
        );
        let zone: EventTimeZone = self.time_zone.into();
        let starts_at = errors.check("/starts_at", zone.moment(&self.starts_at));
        let ends_at = errors.check("/ends_at", zone.moment(&self.ends_at));
        let deadline = errors.optional(
            "/registration_deadline",
            self.registration_deadline.as_deref(),
            |raw| zone.moment(raw),
        );
        let schedule = match (starts_at, ends_at) {
            (Some(starts_at), Some(ends_at)) => errors.check(
                "/",
                Schedule::new(starts_at, ends_at, zone, deadline).map_err(|(field, e)| {
                    InvalidValue::new(e.code, format!("{field}: {}", e.message))
                }),
            ),
            _ => None,
        };
        let venue = self.venue.as_ref().and_then(|venue| {
            let name = errors
                .check("/venue/name", text(&venue.name, MAX_VENUE_NAME))
                .and_then(|name| {
                    errors.check(
                        "/venue/name",
                        name.ok_or_else(|| InvalidValue::new("required", "a venue has a name")),
                    )
                });
            let address = venue.address.clone().locate(&mut errors, "/venue/address");
            Some(Venue {
                name: name?,
                address: address?,
            })
        });
        let online_url = errors.optional("/online_url", self.online_url.as_deref(), |raw| {
            Website::parse(raw).map(Website::into_string)
        });
        if self.venue.is_none() && self.online_url.is_none() {
            errors.check::<()>(
                "/venue",
                Err(InvalidValue::new(
                    "required",
                    "an event has a venue, an online_url, or both",
                )),
            );
        }
        let mut languages: Vec<SpokenLanguage> = Vec::new();
        if self.languages.len() > MAX_LANGUAGES {
            errors.check::<()>(
                "/languages",
                Err(InvalidValue::new(
                    "too_many_items",
                    format!("at most {MAX_LANGUAGES} items"),
                )),
            );
        } else {
            for (i, raw) in self.languages.iter().enumerate() {
                if let Some(language) =
                    errors.check(&format!("/languages/{i}"), SpokenLanguage::parse(raw))
                    && !languages.contains(&language)
                {
                    languages.push(language);
                }
            }
        }
        let topics = industries(&mut errors, "/topics", &self.topics, &self.topics);
        let limits = self.capacity.unwrap_or_default();
        let capacity = Capacity {
            exhibitors: limits.exhibitors.and_then(|c| {
                errors.check(
                    "/capacity/exhibitors",
                    capacity(c.as_f64().unwrap_or(f64::NAN)),
                )
            }),
            visitors: limits.visitors.and_then(|c| {
                errors.check(
                    "/capacity/visitors",
                    capacity(c.as_f64().unwrap_or(f64::NAN)),
                )
            }),
        };
        match (errors.0.is_empty(), schedule) {
            (true, Some(schedule)) => Ok(NewEvent {
                organiser_id: self.organiser_id,
                kind: self.kind.into(),
                status: self.status.map_or(EventStatus::Draft, Into::into),
                title,
                summary,
                description,
                fee_note,
                schedule,
                venue,
                online_url,
                languages,
                interpreting: self.interpreting,
                topics,
                capacity,
            }),
            _ => Err(ApiError::InvalidBody(errors.0)),
        }
    }
}

impl TryFrom<&Event> for EventInput {
    type Error = ApiError;

    /// The stored event in the shape organisers write it, for merging a patch into.
    fn try_from(event: &Event) -> Result<Self, ApiError> {
        let row = &event.row;
        let kind = EventKind::parse(&row.kind).map_err(|_| corrupt("kind", &row.kind))?;
        let status = EventStatus::parse(&row.status).map_err(|_| corrupt("status", &row.status))?;
        let zone = EventTimeZone::parse(&row.time_zone)
            .map_err(|_| corrupt("time_zone", &row.time_zone))?;
        let local = |at: chrono::NaiveDateTime| zone.local(at.and_utc()).to_rfc3339();
        let title = event.text(Text::Title);
        let venue = match (&row.venue_name, &row.country) {
            (Some(name), Some(country)) => Some(VenueInput {
                name: name.clone(),
                address: AddressInput {
                    street: row.street.clone(),
                    postal_code: row.postal_code.clone(),
                    city: row.city.clone(),
                    country: country
                        .parse::<Country>()
                        .map_err(|_| corrupt("country", country))?
                        .into(),
                },
            }),
            _ => None,
        };
        Ok(EventInput {
            organiser_id: row.organiser_id.clone(),
            kind: kind.into(),
            title: TitleInput::from(title),
            summary: TextInput::of(event.text(Text::Summary)),
            description: TextInput::of(event.text(Text::Description)),
            fee_note: TextInput::of(event.text(Text::FeeNote)),
            starts_at: local(row.starts_at),
            ends_at: local(row.ends_at),
            time_zone: zone.into(),
            registration_deadline: row.registration_deadline.map(local),
            venue,
            online_url: row.online_url.clone(),
            languages: row.language_codes().map(str::to_owned).collect(),
            interpreting: row.interpreting,
            topics: row.topic_codes().map(str::to_owned).collect(),
            capacity: Some(CapacityInput {
                exhibitors: row.capacity_exhibitors.map(serde_json::Number::from),
                visitors: row.capacity_visitors.map(serde_json::Number::from),
            }),
            status: Some(status.into()),
        })
    }
}

/// A person the organisation sends.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantInput {
    #[schema(value_type = crate::openapi::enums::PersonName)]
    pub name: String,
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// The language the person wants to be addressed in.
    #[schema(value_type = crate::routes::labels::Language, example = "cs")]
    pub language: Language,
}

/// The body of a registration for an event.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    /// The organisation that takes part: one the caller is a member of.
    #[schema(max_length = 64)]
    pub company_id: String,
    pub kind: ParticipationKindDto,
    /// The people the organisation sends (1 to 20).
    #[schema(min_items = 1, max_items = 20)]
    pub participants: Vec<ParticipantInput>,
    /// What the organisation offers or seeks at the event (shown on the participant list).
    #[schema(
        max_length = 1000,
        example = "Wir suchen Lohnfertiger für CNC-Frästeile."
    )]
    pub note: Option<String>,
    /// Whether the organisation appears on the event's public participant list.
    #[serde(default)]
    pub listed: bool,
}

impl RegistrationInput {
    pub fn validate(self) -> Result<NewRegistration, ApiError> {
        let mut errors = Errors::default();
        if self.participants.is_empty() || self.participants.len() > MAX_PARTICIPANTS {
            errors.check::<()>(
                "/participants",
                Err(InvalidValue::new(
                    "out_of_range",
                    format!("a registration names 1 to {MAX_PARTICIPANTS} participants"),
                )),
            );
        }
        let mut participants = Vec::new();
        for (i, raw) in self.participants.iter().enumerate() {
            let name = errors.check(&format!("/participants/{i}/name"), person_name(&raw.name));
            let email = errors.check(
                &format!("/participants/{i}/email"),
                Email::parse(&raw.email),
            );
            if let (Some(name), Some(email)) = (name, email) {
                participants.push(Participant {
                    name,
                    email,
                    language: raw.language,
                });
            }
        }
        let note = errors
            .optional("/note", self.note.as_deref(), optional_text(MAX_NOTE))
            .flatten();
        if !errors.0.is_empty() {
            return Err(ApiError::InvalidBody(errors.0));
        }
        Ok(NewRegistration {
            company_id: self.company_id,
            kind: ParticipationKind::from(self.kind),
            participants,
            note,
            listed: self.listed,
        })
    }
}
