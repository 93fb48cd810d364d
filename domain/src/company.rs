//! Companies and institutions: what a profile consists of and the rules its values follow.

use std::fmt;

use chrono::NaiveDate;

use crate::InvalidValue;
use crate::account::Email;
use crate::country::Country;
use crate::language::{LocalizedText, SpokenLanguage};
use crate::product::NewProduct;
use crate::reference::{Catalog, NaceCode, NaceLevel, RegionCode};
use crate::register::{GermanRegisterEntry, Ico, VatId};

string_enum!(
    /// What sort of organisation a profile describes.
    CompanyKind, "unknown_company_kind", "kind of organisation" {
        Company = "company",
        ResearchInstitution = "research_institution",
        Multiplier = "multiplier",
        PublicBody = "public_body",
    }
);

string_enum!(
    /// Whether a profile is visible to the public.
    CompanyStatus, "unknown_company_status", "company status" {
        Draft = "draft",
        Published = "published",
    }
);

string_enum!(
    /// The EU SME size class (Recommendation 2003/361/EC) by head count and turnover.
    SizeClass, "unknown_size_class", "size class" {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
    }
);

/// A postal address in Saxony or Czechia with the region and coordinates of its postal code.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Country,
    pub region: Option<RegionCode>,
    pub coordinates: Option<Coordinates>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinates {
    pub latitude: f64,
    pub longitude: f64,
}

impl Address {
    /// Builds an address and derives its NUTS-3 region and coordinates from the postal code.
    /// A postal code we do not know leaves both empty rather than rejecting the address: the
    /// reference list has no PO-box codes and covers only the programme-area kraje.
    pub fn locate(
        country: Country,
        street: Option<String>,
        postal_code: Option<String>,
        city: Option<String>,
    ) -> Result<Self, InvalidValue> {
        let postal_code = postal_code
            .map(|code| normalise_postal_code(&code))
            .transpose()?;
        let place = postal_code
            .as_deref()
            .and_then(|code| Catalog::get().postal_place(country, code, city.as_deref()));
        Ok(Self {
            street,
            region: place.map(|p| RegionCode::parse(&p.nuts3)).transpose()?,
            coordinates: place.map(|p| Coordinates {
                latitude: p.latitude,
                longitude: p.longitude,
            }),
            postal_code,
            city,
            country,
        })
    }
}

/// Both countries use five-digit postal codes; Czech ones are written "400 01", stored `40001`.
pub fn normalise_postal_code(raw: &str) -> Result<String, InvalidValue> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == 5 && compact.bytes().all(|b| b.is_ascii_digit()) {
        Ok(compact)
    } else {
        Err(InvalidValue::new(
            "invalid_postal_code",
            format!("'{raw}' is not a postal code: expected five digits"),
        ))
    }
}

/// The identity of an organisation in its country's public register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterId {
    Ico(Ico),
    German(GermanRegisterEntry),
}

/// A complete, valid company profile ready to be stored.
#[derive(Debug, Clone)]
pub struct NewCompany {
    pub kind: CompanyKind,
    pub name: CompanyName,
    pub legal_form: Option<&'static str>,
    pub register_id: Option<RegisterId>,
    pub vat_id: Option<VatId>,
    pub address: Address,
    /// The primary activity first, then further activities.
    pub nace: Vec<NaceCode>,
    pub size_class: Option<SizeClass>,
    pub founded_on: Option<NaiveDate>,
    pub website: Option<Website>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub description: LocalizedText,
    pub languages: Vec<SpokenLanguage>,
    /// The people to contact; personal data, shown only to signed-in users and API keys.
    pub contacts: Vec<ContactPerson>,
    /// Products and services stored with a new profile (seeding, imports). Changing a profile
    /// leaves its products alone: they have their own endpoints.
    pub products: Vec<NewProduct>,
    pub status: CompanyStatus,
    pub verified: bool,
}

/// A person to contact at an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPerson {
    pub name: String,
    /// The person's job or responsibility, such as "Vertrieb Tschechien".
    pub role: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub languages: Vec<SpokenLanguage>,
}

/// The longest organisation name, in characters.
pub const MAX_NAME: usize = 300;
/// The longest street, in characters.
pub const MAX_STREET: usize = 200;
/// The longest city name, in characters.
pub const MAX_CITY: usize = 100;
/// The longest description per language, in characters.
pub const MAX_DESCRIPTION: usize = 5_000;
/// The longest role of a contact person, in characters.
pub const MAX_ROLE: usize = 100;
/// The longest phone number, in characters.
pub const MAX_PHONE: usize = 40;
/// The most entries of each list of a profile: industries, languages, contact persons.
pub const MAX_LIST_ITEMS: usize = 20;
/// The earliest founding date a profile may give.
pub const EARLIEST_FOUNDING_YEAR: i32 = 1800;

/// An organisation's name: trimmed, 1 to [`MAX_NAME`] characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CompanyName(String);

impl CompanyName {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        match text(raw, MAX_NAME)? {
            Some(name) => Ok(Self(name)),
            None => Err(InvalidValue::new("required", "a name is required")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CompanyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for CompanyName {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A phone number as people write it (`+420 475 123 456`, `0351 / 123-45`): digits, spaces and
/// `+-()/.`, at most [`MAX_PHONE`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    /// The number in `raw`; empty text is no number.
    pub fn parse(raw: &str) -> Result<Option<Self>, InvalidValue> {
        let phone = text(raw, MAX_PHONE)?;
        if phone.as_deref().is_some_and(|p| {
            !p.chars()
                .all(|c| c.is_ascii_digit() || " +-()/.".contains(c))
        }) {
            return Err(InvalidValue::new(
                "invalid_phone",
                format!("'{raw}' is not a phone number such as +420 475 123 456"),
            ));
        }
        Ok(phone.map(Self))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A website address: an absolute `http` or `https` URL of at most 500 characters without
/// spaces, so frontends can link it without turning it into a `javascript:` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website(String);

impl Website {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let url = raw.trim();
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or_default();
        if url.len() <= 500
            && !host.is_empty()
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            Ok(Self(url.to_owned()))
        } else {
            Err(InvalidValue::new(
                "invalid_url",
                format!("'{url}' is not an http(s) address such as https://example.com"),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Free text of at most `max` characters, trimmed; empty text is no text.
pub fn text(raw: &str, max: usize) -> Result<Option<String>, InvalidValue> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > max {
        Err(InvalidValue::new(
            "too_long",
            format!("at most {max} characters"),
        ))
    } else if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Err(InvalidValue::new(
            "invalid_characters",
            "control characters are not allowed",
        ))
    } else {
        Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
    }
}

/// A NACE code of the most detailed level, a class (`16.10`): what profiles and products list.
pub fn nace_class(raw: &str) -> Result<NaceCode, InvalidValue> {
    let code = NaceCode::parse(raw)?;
    if code.entry().level == NaceLevel::Class {
        Ok(code)
    } else {
        Err(InvalidValue::new(
            "not_a_nace_class",
            format!(
                "'{raw}' is a NACE {}; list classes such as 16.10",
                code.entry().level.as_str()
            ),
        ))
    }
}

/// The code of a legal form of `country` (see the reference data's legal forms).
pub fn legal_form(raw: &str, country: Country) -> Result<&'static str, InvalidValue> {
    match Catalog::get().legal_form(raw) {
        Some(form) if form.country == country => Ok(form.code),
        _ => Err(InvalidValue::new(
            "unknown_legal_form",
            format!(
                "'{raw}' is not a legal form of {}; see /v1/reference/legal-forms",
                country.as_str()
            ),
        )),
    }
}

/// A founding date between [`EARLIEST_FOUNDING_YEAR`] and `today`.
pub fn founding_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, InvalidValue> {
    let earliest = NaiveDate::from_ymd_opt(EARLIEST_FOUNDING_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest || date > today {
        Err(InvalidValue::new(
            "out_of_range",
            format!("a founding date lies between {EARLIEST_FOUNDING_YEAR} and today"),
        ))
    } else {
        Ok(date)
    }
}

/// At most [`MAX_LIST_ITEMS`] entries.
pub fn bounded_list<T>(items: &[T]) -> Result<(), InvalidValue> {
    if items.len() <= MAX_LIST_ITEMS {
        Ok(())
    } else {
        Err(InvalidValue::new(
            "too_many_items",
            format!("at most {MAX_LIST_ITEMS} items"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_takes_region_and_coordinates_from_postal_code() {
        let address = Address::locate(
            Country::Czechia,
            Some("Masarykova 12".into()),
            Some("400 01".into()),
            Some("Ústí nad Labem".into()),
        )
        .expect("valid address");
        assert_eq!(address.postal_code.as_deref(), Some("40001"));
        assert_eq!(
            address.region.as_ref().map(RegionCode::as_str),
            Some("CZ042")
        );
        assert!(address.coordinates.is_some());
    }

    #[test]
    fn unknown_postal_code_keeps_the_address_without_location() {
        let address = Address::locate(Country::Germany, None, Some("99999".into()), None)
            .expect("well-formed code");
        assert_eq!(address.region, None);
        assert_eq!(address.coordinates, None);
        assert!(Address::locate(Country::Germany, None, Some("0106".into()), None).is_err());
    }

    #[test]
    fn websites_are_http_urls() {
        assert_eq!(
            Website::parse(" https://pila.cz/kontakt ").map(Website::into_string),
            Ok("https://pila.cz/kontakt".into())
        );
        for bad in [
            "pila.cz",
            "javascript:alert(1)",
            "https://",
            "http://a b.cz",
            "ftp://x.cz",
        ] {
            assert!(Website::parse(bad).is_err(), "{bad} must be rejected");
        }
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(text("  ", 10), Ok(None));
        assert_eq!(
            text(" Holz\nund Metall ", 20),
            Ok(Some("Holz\nund Metall".into()))
        );
        assert!(text("abcdef", 5).is_err());
        assert!(CompanyName::parse(" ").is_err());
    }

    #[test]
    fn enums_name_their_allowed_values() {
        assert_eq!(
            CompanyKind::parse("multiplier"),
            Ok(CompanyKind::Multiplier)
        );
        let err = SizeClass::parse("huge").expect_err("unknown size");
        assert_eq!(err.code, "unknown_size_class");
        assert!(err.message.contains("micro, small, medium, large"));
    }
}
