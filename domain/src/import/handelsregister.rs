//! The German commercial register as published by OffeneRegister.de: one JSON object per line.

use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use serde_json::Value;

use super::{RegisterRecord, RegisterSource, RegisterStatus, kind_of};
use crate::InvalidValue;
use crate::company::{Address, CompanyName, CompanyStatus, NewCompany, RegisterId};
use crate::country::Country;
use crate::reference::Catalog;
use crate::register::GermanRegisterEntry;
use crate::text::fold;

/// Parses one OffeneRegister record. A record without a valid register entry (court, register
/// type, number) or without a name is rejected; anything else that is missing or unknown is
/// left out with a warning. Officers are personal data and are not read at all.
pub fn parse(record: Value) -> Result<RegisterRecord, InvalidValue> {
    if !record.is_object() {
        return Err(InvalidValue::new(
            "not_an_object",
            "expected an OffeneRegister company record (a JSON object)",
        ));
    }
    let record: Record = serde_path_to_error::deserialize(record)
        .map_err(|e| InvalidValue::new("invalid_field", format!("{}: {}", e.path(), e.inner())))?;
    let mut warnings = Vec::new();
    let attributes = &record.all_attributes;
    let court = record.registrar.as_ref().or(attributes.registrar.as_ref());
    let register_type = record
        .register_art
        .as_ref()
        .or(attributes.register_art.as_ref());
    let number = record
        .register_nummer
        .as_ref()
        .or(attributes.register_nummer.as_ref());
    let entry = match (court, register_type, number) {
        (Some(court), Some(register_type), Some(number)) => {
            GermanRegisterEntry::parse(court, register_type, &number.text())?
        }
        _ => {
            return Err(InvalidValue::new(
                "missing_register_entry",
                "registrar, register_art and register_nummer (in all_attributes: _registerArt, _registerNummer) are required",
            ));
        }
    };
    let name = match record.name.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => CompanyName::parse(raw)?,
        _ => return Err(InvalidValue::new("missing_name", "name is missing")),
    };
    let (legal_form, legal_form_as_registered) = match record.company_type.as_deref() {
        Some(given) => match legal_form_named(given) {
            Some(code) => (Some(code), None),
            None => {
                warnings.push(InvalidValue::new(
                    "unknown_legal_form",
                    format!("company_type '{given}' is not a known legal form: kept as given"),
                ));
                (None, Some(given.trim().to_owned()))
            }
        },
        None => {
            let guessed = legal_form_from_name(name.as_str());
            if guessed.is_none() {
                warnings.push(InvalidValue::new(
                    "unknown_legal_form",
                    format!("no legal form recognised at the end of the name '{name}'"),
                ));
            }
            (guessed, None)
        }
    };
    let office = record
        .registered_office
        .as_deref()
        .or(attributes.registered_office.as_deref());
    let address = address(record.registered_address.as_deref(), office, &mut warnings);
    let status = match record.current_status.as_deref().map(str::trim) {
        None | Some("currently registered" | "in liquidation" | "liquidation") => {
            RegisterStatus::Registered
        }
        Some("removed" | "dissolved" | "deleted" | "closed") => RegisterStatus::Dissolved,
        Some(other) => {
            warnings.push(InvalidValue::new(
                "unknown_status",
                format!("current_status '{other}' is not known: treated as registered"),
            ));
            RegisterStatus::Registered
        }
    };
    let record_date = record
        .retrieved_at
        .as_deref()
        .and_then(|raw| timestamp(raw).map_err(|e| warnings.push(e)).ok());
    Ok(RegisterRecord {
        source: RegisterSource::Handelsregister,
        company: NewCompany {
            kind: kind_of(legal_form),
            name,
            legal_form,
            register_id: Some(RegisterId::German(entry)),
            vat_id: None,
            address,
            nace: Vec::new(),
            size_class: None,
            founded_on: None,
            website: None,
            email: None,
            phone: None,
            description: Default::default(),
            languages: Vec::new(),
            contacts: Vec::new(),
            products: Vec::new(),
            status: CompanyStatus::Published,
            verified: false,
        },
        legal_form_as_registered,
        status,
        record_date,
        warnings,
    })
}

fn timestamp(raw: &str) -> Result<NaiveDateTime, InvalidValue> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.naive_utc())
        .map_err(|_| {
            InvalidValue::new(
                "invalid_date",
                format!("retrieved_at '{raw}' is not an RFC 3339 timestamp: left out"),
            )
        })
}

/// "Musterweg 7, 01796 Pirna." → street, postal code and city. An address in another shape
/// keeps the registered office as its city.
fn address(raw: Option<&str>, office: Option<&str>, warnings: &mut Vec<InvalidValue>) -> Address {
    let raw = raw
        .map(|a| a.trim().trim_end_matches('.').trim())
        .unwrap_or_default();
    let parsed = raw.rsplit_once(',').and_then(|(street, place)| {
        let (postal_code, city) = place.trim().split_once(' ')?;
        let five_digits = postal_code.len() == 5 && postal_code.bytes().all(|b| b.is_ascii_digit());
        five_digits.then(|| (street.trim(), postal_code, city.trim()))
    });
    let Some((street, postal_code, city)) = parsed else {
        if !raw.is_empty() {
            warnings.push(InvalidValue::new(
                "address_not_understood",
                format!("registered_address '{raw}' is not 'street, postal code city': only the city kept"),
            ));
        }
        return Address {
            street: None,
            postal_code: None,
            city: office
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned),
            country: Country::Germany,
            region: None,
            coordinates: None,
        };
    };
    let known = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    let address = Address::locate(
        Country::Germany,
        known(street),
        Some(postal_code.to_owned()),
        known(city),
    )
    .expect("five digits are a postal code");
    if address.region.is_none() {
        warnings.push(InvalidValue::new(
            "unknown_postal_code",
            format!("postal code {postal_code} is not in the postal code list (Saxony): no region, no coordinates"),
        ));
    }
    address
}

/// The German legal form whose abbreviation or name is `given`.
fn legal_form_named(given: &str) -> Option<&'static str> {
    let wanted = fold(given);
    Catalog::get()
        .legal_forms()
        .iter()
        .filter(|f| f.country == Country::Germany)
        .find(|f| fold(f.abbreviation) == wanted || fold(&f.name.de) == wanted)
        .map(|f| f.code)
        .or_else(|| legal_form_from_name(given))
}

/// Legal-form endings of German company names (folded, dots as spaces), most specific first.
const SUFFIXES: &[(&str, &str)] = &[
    ("gmbh & co kgaa", "de_kgaa"),
    ("gmbh & co kg", "de_gmbh_co_kg"),
    ("kgaa", "de_kgaa"),
    ("kommanditgesellschaft auf aktien", "de_kgaa"),
    ("kg", "de_kg"),
    ("kommanditgesellschaft", "de_kg"),
    ("ug (haftungsbeschrankt)", "de_ug"),
    ("ug", "de_ug"),
    ("gmbh", "de_gmbh"),
    ("ggmbh", "de_gmbh"),
    ("mbh", "de_gmbh"),
    ("gesellschaft mit beschrankter haftung", "de_gmbh"),
    ("ag", "de_ag"),
    ("aktiengesellschaft", "de_ag"),
    ("se", "de_se"),
    ("ohg", "de_ohg"),
    ("offene handelsgesellschaft", "de_ohg"),
    ("e k", "de_ek"),
    ("e kfm", "de_ek"),
    ("e kfr", "de_ek"),
    ("eingetragener kaufmann", "de_ek"),
    ("eingetragene kauffrau", "de_ek"),
    ("eg", "de_eg"),
    ("eingetragene genossenschaft", "de_eg"),
    ("e v", "de_ev"),
    ("ev", "de_ev"),
    ("eingetragener verein", "de_ev"),
    ("partg mbb", "de_partg"),
    ("partg", "de_partg"),
    ("partnerschaftsgesellschaft", "de_partg"),
    ("gbr", "de_gbr"),
];

/// The legal form a German company name ends in, such as "Muster Holzbau GmbH & Co. KG";
/// trailing remarks in parentheses ("(FIKTIV)") are skipped.
pub fn legal_form_from_name(name: &str) -> Option<&'static str> {
    let mut folded = fold(&name.replace(['.', ','], " "));
    loop {
        let matched = SUFFIXES.iter().find(|(suffix, _)| {
            folded == *suffix
                || folded
                    .strip_suffix(suffix)
                    .is_some_and(|rest| rest.ends_with(' '))
        });
        if let Some((_, code)) = matched {
            return Some(code);
        }
        // "GmbH (FIKTIV)": drop one trailing remark in parentheses and look again.
        let remark = folded.strip_suffix(')').and_then(|rest| rest.rfind('('))?;
        folded.truncate(remark);
        folded.truncate(folded.trim_end().len());
    }
}

#[derive(Debug, Deserialize)]
struct Record {
    name: Option<String>,
    registered_address: Option<String>,
    current_status: Option<String>,
    retrieved_at: Option<String>,
    company_type: Option<String>,
    registrar: Option<String>,
    register_art: Option<String>,
    register_nummer: Option<Number>,
    registered_office: Option<String>,
    #[serde(default)]
    all_attributes: Attributes,
}

#[derive(Debug, Default, Deserialize)]
struct Attributes {
    registrar: Option<String>,
    #[serde(rename = "_registerArt")]
    register_art: Option<String>,
    #[serde(rename = "_registerNummer")]
    register_nummer: Option<Number>,
    registered_office: Option<String>,
}

/// Register numbers are strings ("12345 B") in most records and plain numbers in some.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Number {
    Text(String),
    Number(u64),
}

impl Number {
    fn text(&self) -> String {
        match self {
            Number::Text(text) => text.clone(),
            Number::Number(number) => number.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::reference::RegionCode;

    #[test]
    fn legal_forms_from_name_endings() {
        for (name, form) in [
            ("Beispiel Feinmechanik GmbH (FIKTIV)", Some("de_gmbh")),
            (
                "Muster Holzbau GmbH & Co. KG (FIKTIV)",
                Some("de_gmbh_co_kg"),
            ),
            ("Muster & Co KG", Some("de_kg")),
            ("Holz UG (haftungsbeschränkt)", Some("de_ug")),
            ("Max Muster e.K.", Some("de_ek")),
            ("Sportverein Pirna e. V.", Some("de_ev")),
            ("Agrar eG", Some("de_eg")),
            ("Kageg Bau", None),
            ("Mustermann", None),
        ] {
            assert_eq!(legal_form_from_name(name), form, "{name}");
        }
    }

    #[test]
    fn maps_a_record() {
        let record = parse(json!({
            "all_attributes": {"_registerArt": "HRB", "_registerNummer": "99901",
                               "registrar": "Dresden", "registered_office": "Pirna"},
            "current_status": "currently registered",
            "name": "Beispiel Feinmechanik GmbH (FIKTIV)",
            "officers": [{"name": "Erika Musterfrau"}],
            "registered_address": "Musterweg 7, 01796 Pirna.",
            "retrieved_at": "2018-12-23T09:05:00Z"
        }))
        .expect("valid record");
        let company = &record.company;
        assert_eq!(company.legal_form, Some("de_gmbh"));
        assert_eq!(company.address.street.as_deref(), Some("Musterweg 7"));
        assert_eq!(company.address.city.as_deref(), Some("Pirna"));
        assert_eq!(
            company.address.region.as_ref().map(RegionCode::as_str),
            Some("DED2F")
        );
        assert!(company.address.coordinates.is_some());
        assert!(record.warnings.is_empty(), "{:?}", record.warnings);
        assert_eq!(
            record.record_date.map(|d| d.to_string()).as_deref(),
            Some("2018-12-23 09:05:00")
        );
    }

    #[test]
    fn rejects_unknown_registers_and_missing_names() {
        let base = json!({"all_attributes": {"_registerArt": "MUS", "_registerNummer": "1",
                          "registrar": "Musterstadt"}, "name": "Muster KG"});
        assert_eq!(
            parse(base).map(drop).map_err(|e| e.code),
            Err("unknown_register_type")
        );
        let nameless = json!({"all_attributes": {"_registerArt": "HRA", "_registerNummer": "1",
                              "registrar": "Chemnitz"}});
        assert_eq!(
            parse(nameless).map(drop).map_err(|e| e.code),
            Err("missing_name")
        );
        assert_eq!(
            parse(json!([])).map(drop).map_err(|e| e.code),
            Err("not_an_object")
        );
    }
}
