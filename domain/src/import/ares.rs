//! ARES, the Czech register of economic subjects: its REST API's JSON (`ekonomicke-subjekty`).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::{RegisterRecord, RegisterSource, RegisterStatus, kind_of, nace_codes};
use crate::InvalidValue;
use crate::company::{Address, CompanyName, CompanyStatus, NewCompany, RegisterId};
use crate::country::Country;
use crate::reference::{Catalog, RegionCode};
use crate::register::{Ico, VatId};

/// The economic subjects in one ARES document: a single subject (`GET /ekonomicke-subjekty/
/// {ico}`) or a search result (`{"pocetCelkem": n, "ekonomickeSubjekty": [...]}`).
pub fn subjects(document: Value) -> Result<Vec<Value>, InvalidValue> {
    match document {
        Value::Object(mut object) => match object.remove("ekonomickeSubjekty") {
            Some(Value::Array(subjects)) => Ok(subjects),
            Some(_) => Err(InvalidValue::new(
                "invalid_search_result",
                "ekonomickeSubjekty must be an array of economic subjects",
            )),
            None => Ok(vec![Value::Object(object)]),
        },
        _ => Err(InvalidValue::new(
            "not_an_object",
            "expected an ARES economic subject or search result (a JSON object)",
        )),
    }
}

/// Parses one economic subject. A subject without a valid IČO or without a name is rejected;
/// anything else that is missing or unknown is left out with a warning.
pub fn parse(subject: Value) -> Result<RegisterRecord, InvalidValue> {
    let subject: Subject = serde_path_to_error::deserialize(subject)
        .map_err(|e| InvalidValue::new("invalid_field", format!("{}: {}", e.path(), e.inner())))?;
    let mut warnings = Vec::new();
    let ico = match subject.ico.as_ref().map(Scalar::text) {
        Some(raw) => Ico::parse(&raw)?,
        None => return Err(InvalidValue::new("missing_ico", "ico is missing")),
    };
    let name = match subject.obchodni_jmeno.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => CompanyName::parse(raw)?,
        _ => {
            return Err(InvalidValue::new(
                "missing_name",
                "obchodniJmeno (the name) is missing",
            ));
        }
    };
    let catalog = Catalog::get();
    let (legal_form, legal_form_as_registered) = match subject.pravni_forma.as_ref() {
        Some(raw) => {
            let code = raw.text();
            match catalog.legal_form_by_ares_code(&code) {
                Some(form) => (Some(form.code), None),
                None => {
                    warnings.push(InvalidValue::new(
                        "unknown_legal_form",
                        format!("pravniForma '{code}' is not a known legal form: kept as given"),
                    ));
                    (None, Some(code))
                }
            }
        }
        None => (None, None),
    };
    let address = subject
        .sidlo
        .as_ref()
        .map_or_else(|| Ok(empty_address()), |seat| seat.address(&mut warnings))?;
    let vat_id = subject.dic.as_deref().and_then(|raw| {
        VatId::parse(raw)
            .map_err(|e| warnings.push(InvalidValue::new(e.code, format!("dic: {e}"))))
            .ok()
    });
    let founded_on = subject
        .datum_vzniku
        .as_deref()
        .and_then(|raw| date(raw, "datumVzniku", &mut warnings));
    let record_date = subject
        .datum_aktualizace
        .as_deref()
        .and_then(|raw| date(raw, "datumAktualizace", &mut warnings))
        .map(|d| d.and_time(chrono::NaiveTime::MIN));
    let activities = subject.cz_nace2008.as_ref().or(subject.cz_nace.as_ref());
    let nace = activities.map_or_else(Vec::new, |codes| {
        let texts: Vec<String> = codes.iter().map(Scalar::text).collect();
        nace_codes(texts.iter().map(String::as_str))
    });
    let status = if subject.datum_zaniku.is_some() || subject.primary_source_ended() {
        RegisterStatus::Dissolved
    } else {
        RegisterStatus::Registered
    };
    Ok(RegisterRecord {
        source: RegisterSource::Ares,
        company: NewCompany {
            kind: kind_of(legal_form),
            name,
            legal_form,
            register_id: Some(RegisterId::Ico(ico)),
            vat_id,
            address,
            nace,
            size_class: None,
            founded_on,
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

fn empty_address() -> Address {
    Address {
        street: None,
        postal_code: None,
        city: None,
        country: Country::Czechia,
        region: None,
        coordinates: None,
    }
}

fn date(raw: &str, field: &str, warnings: &mut Vec<InvalidValue>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| {
            warnings.push(InvalidValue::new(
                "invalid_date",
                format!("{field} '{raw}' is not a date (YYYY-MM-DD): left out"),
            ));
        })
        .ok()
}

/// ARES writes some codes as numbers and others as strings; both are read as text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Number(u64),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Text(text) => text.trim().to_owned(),
            Scalar::Number(number) => number.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Subject {
    ico: Option<Scalar>,
    obchodni_jmeno: Option<String>,
    sidlo: Option<Seat>,
    pravni_forma: Option<Scalar>,
    datum_vzniku: Option<String>,
    datum_zaniku: Option<String>,
    datum_aktualizace: Option<String>,
    dic: Option<String>,
    cz_nace: Option<Vec<Scalar>>,
    cz_nace2008: Option<Vec<Scalar>>,
    primarni_zdroj: Option<String>,
    #[serde(default)]
    seznam_registraci: HashMap<String, Value>,
}

impl Subject {
    /// Whether the register the subject primarily comes from (`primarniZdroj`, such as `vr`,
    /// the commercial register) lists it as ended.
    fn primary_source_ended(&self) -> bool {
        let Some(source) = self.primarni_zdroj.as_deref() else {
            return false;
        };
        let mut key = String::from("stavZdroje");
        let mut chars = source.chars();
        key.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        key.push_str(chars.as_str());
        matches!(
            self.seznam_registraci.get(&key).and_then(Value::as_str),
            Some("ZANIKLY" | "HISTORICKY")
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Seat {
    kod_statu: Option<String>,
    kod_kraje: Option<Scalar>,
    nazev_obce: Option<String>,
    nazev_casti_obce: Option<String>,
    nazev_ulice: Option<String>,
    cislo_domovni: Option<Scalar>,
    cislo_orientacni: Option<Scalar>,
    cislo_orientacni_pismeno: Option<String>,
    psc: Option<Scalar>,
}

impl Seat {
    fn address(&self, warnings: &mut Vec<InvalidValue>) -> Result<Address, InvalidValue> {
        if let Some(country) = self.kod_statu.as_deref()
            && country != "CZ"
        {
            warnings.push(InvalidValue::new(
                "foreign_seat",
                format!("the seat is outside Czechia (kodStatu {country}): address left out"),
            ));
            return Ok(empty_address());
        }
        let city = non_empty(self.nazev_obce.as_deref());
        let postal_code = self.psc.as_ref().map(|psc| format!("{:0>5}", psc.text()));
        let located = Address::locate(
            Country::Czechia,
            self.street(),
            postal_code.clone(),
            city.clone(),
        );
        let mut address = located.unwrap_or_else(|e| {
            warnings.push(InvalidValue::new(e.code, format!("psc: {e}: left out")));
            Address {
                street: self.street(),
                city,
                ..empty_address()
            }
        });
        if address.region.is_none() {
            let kraj = self.kod_kraje.as_ref().map(Scalar::text);
            address.region = kraj.as_deref().and_then(|code| {
                Catalog::get()
                    .region_by_official_code(Country::Czechia, code)
                    .map(|r| r.code.clone())
            });
            warnings.push(InvalidValue::new(
                "unknown_postal_code",
                format!(
                    "psc {} is not in the postal code list: region {} from kodKraje {}, no coordinates",
                    address.postal_code.as_deref().unwrap_or("(none)"),
                    address.region.as_ref().map_or("unknown", RegionCode::as_str),
                    kraj.as_deref().unwrap_or("(none)"),
                ),
            ));
        }
        Ok(address)
    }

    /// "Radlická 3294/10": the street (or, in places without streets, the part of the town)
    /// with the house number (číslo popisné) and the number in the street (číslo orientační).
    fn street(&self) -> Option<String> {
        let number = match (&self.cislo_domovni, &self.cislo_orientacni) {
            (Some(house), Some(street)) => Some(format!(
                "{}/{}{}",
                house.text(),
                street.text(),
                self.cislo_orientacni_pismeno.as_deref().unwrap_or_default()
            )),
            (Some(house), None) => Some(house.text()),
            (None, Some(street)) => Some(street.text()),
            (None, None) => None,
        };
        let place = non_empty(self.nazev_ulice.as_deref())
            .or_else(|| non_empty(self.nazev_casti_obce.as_deref()));
        match (place, number) {
            (Some(place), Some(number)) => Some(format!("{place} {number}")),
            (place, number) => place.or(number),
        }
    }
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn subject() -> Value {
        json!({
            "ico": "26168685",
            "obchodniJmeno": "Seznam.cz, a.s.",
            "sidlo": {"kodStatu": "CZ", "kodKraje": 19, "nazevObce": "Praha",
                      "nazevUlice": "Radlická", "cisloDomovni": 3294, "cisloOrientacni": 10,
                      "psc": 15000},
            "pravniForma": "121",
            "datumVzniku": "2000-04-05",
            "datumAktualizace": "2023-11-25",
            "dic": "CZ26168685",
            "czNace": ["461", "46900"]
        })
    }

    #[test]
    fn maps_a_subject() {
        let record = parse(subject()).expect("valid subject");
        let company = &record.company;
        assert_eq!(company.name, "Seznam.cz, a.s.");
        assert_eq!(company.legal_form, Some("cz_as"));
        assert_eq!(company.address.street.as_deref(), Some("Radlická 3294/10"));
        assert_eq!(
            company.address.region.as_ref().map(RegionCode::as_str),
            Some("CZ010")
        );
        assert_eq!(company.address.coordinates, None);
        assert_eq!(record.status, RegisterStatus::Registered);
        assert_eq!(record.warnings.len(), 1, "{:?}", record.warnings);
        assert_eq!(record.warnings[0].code, "unknown_postal_code");
    }

    #[test]
    fn rejects_what_identifies_nothing() {
        let mut wrong_digit = subject();
        wrong_digit["ico"] = json!("26168686");
        assert_eq!(
            parse(wrong_digit).map(drop).map_err(|e| e.code),
            Err("invalid_ico_check_digit")
        );
        let mut nameless = subject();
        nameless["obchodniJmeno"] = json!("  ");
        assert_eq!(
            parse(nameless).map(drop).map_err(|e| e.code),
            Err("missing_name")
        );
        let mut wrong_type = subject();
        wrong_type["czNace"] = json!("461");
        let err = parse(wrong_type)
            .map(drop)
            .expect_err("czNace must be a list");
        assert!(err.message.starts_with("czNace"), "{}", err.message);
    }

    #[test]
    fn ended_subjects_are_dissolved_and_unknown_forms_kept() {
        let mut ended = subject();
        ended["pravniForma"] = json!("999");
        ended["primarniZdroj"] = json!("vr");
        ended["seznamRegistraci"] = json!({"stavZdrojeVr": "ZANIKLY"});
        let record = parse(ended).expect("valid subject");
        assert_eq!(record.status, RegisterStatus::Dissolved);
        assert_eq!(record.company.legal_form, None);
        assert_eq!(record.legal_form_as_registered.as_deref(), Some("999"));
    }

    #[test]
    fn search_results_hold_subjects() {
        let result = json!({"pocetCelkem": 2, "ekonomickeSubjekty": [subject(), subject()]});
        assert_eq!(subjects(result).map(|s| s.len()), Ok(2));
        assert_eq!(subjects(subject()).map(|s| s.len()), Ok(1));
        assert!(subjects(json!([1])).is_err());
    }
}
