//! Company register records (ARES, Handelsregister) turned into profiles the platform stores.
//!
//! Each source module parses one raw record into a [`RegisterRecord`] or rejects it with an
//! [`InvalidValue`] that says why. Nothing here reads files or touches the database: the
//! importer in `api` reads, `persistence::imports` upserts.

pub mod ares;
pub mod handelsregister;

use chrono::NaiveDateTime;

use crate::InvalidValue;
use crate::company::{CompanyKind, NewCompany, RegisterId};
use crate::reference::NaceCode;

string_enum!(
    /// The public register a record comes from.
    RegisterSource, "unknown_register_source", "register source" {
        Ares = "ares",
        Handelsregister = "handelsregister",
    }
);

string_enum!(
    /// Whether the organisation still exists according to its register.
    RegisterStatus, "unknown_register_status", "register status" {
        Registered = "registered",
        Dissolved = "dissolved",
    }
);

/// The register a raw record looks like it comes from, by the members only that register's
/// records have: ARES subjects carry `ico` and `obchodniJmeno` (search results carry
/// `ekonomickeSubjekty`), OffeneRegister.de records carry `company_number` and
/// `all_attributes`. Used to tell an importer that chose the wrong source.
pub fn looks_like(record: &serde_json::Value) -> Option<RegisterSource> {
    let has = |key: &str| record.get(key).is_some();
    if (has("ico") && has("obchodniJmeno")) || has("ekonomickeSubjekty") {
        Some(RegisterSource::Ares)
    } else if has("company_number") && has("all_attributes") {
        Some(RegisterSource::Handelsregister)
    } else {
        None
    }
}

/// One organisation as its register describes it, ready to be stored.
#[derive(Debug, Clone)]
pub struct RegisterRecord {
    pub source: RegisterSource,
    /// The register-owned fields (name, legal form, identifiers, address, NACE codes, founding
    /// date), with `register_id` always set. Member-owned fields (descriptions, contacts,
    /// website, products) are empty: registers do not hold them, and imports never write them.
    pub company: NewCompany,
    /// The register's legal form as given, when it is none of the platform's legal forms.
    pub legal_form_as_registered: Option<String>,
    pub status: RegisterStatus,
    /// When the register last changed or published the record; an older record never replaces
    /// a newer one.
    pub record_date: Option<NaiveDateTime>,
    /// What was not understood and left out, such as an unknown postal code.
    pub warnings: Vec<InvalidValue>,
}

impl RegisterRecord {
    pub fn register_id(&self) -> &RegisterId {
        self.company
            .register_id
            .as_ref()
            .expect("register records always carry their register identity")
    }
}

/// The kind of organisation a legal form implies; members may refine it later.
fn kind_of(legal_form: Option<&str>) -> CompanyKind {
    match legal_form {
        Some("cz_vvi") => CompanyKind::ResearchInstitution,
        Some("cz_obec" | "cz_kraj" | "cz_oss" | "cz_po" | "de_kdoer") => CompanyKind::PublicBody,
        _ => CompanyKind::Company,
    }
}

/// NACE Rev. 2 codes from national activity codes written without dots ("16", "161", "1610")
/// or as 5-digit national subclasses ("16100", mapped to their class). Codes that are not in
/// NACE Rev. 2 (CZ-NACE 2025 codes, typos) are left out, and so are repeats.
pub fn nace_codes<'a>(raw: impl IntoIterator<Item = &'a str>) -> Vec<NaceCode> {
    let mut codes: Vec<NaceCode> = Vec::new();
    for raw in raw {
        let digits = raw.trim();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let dotted = match digits.len() {
            2 => digits.to_owned(),
            3 | 4 => format!("{}.{}", &digits[..2], &digits[2..]),
            5 => format!("{}.{}", &digits[..2], &digits[2..4]),
            _ => continue,
        };
        if let Ok(code) = NaceCode::parse(&dotted)
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    #[test]
    fn tells_the_registers_records_apart() {
        let ares = serde_json::json!({"ico": "26168685", "obchodniJmeno": "Seznam.cz, a.s."});
        let search = serde_json::json!({"pocetCelkem": 1, "ekonomickeSubjekty": []});
        let german = serde_json::json!({"company_number": "M_1", "all_attributes": {}});
        assert_eq!(super::looks_like(&ares), Some(RegisterSource::Ares));
        assert_eq!(super::looks_like(&search), Some(RegisterSource::Ares));
        assert_eq!(
            super::looks_like(&german),
            Some(RegisterSource::Handelsregister)
        );
        assert_eq!(super::looks_like(&serde_json::json!({"name": "x"})), None);
    }

    use super::*;

    #[test]
    fn national_codes_map_to_nace_rev_2() {
        let codes = nace_codes(["461", "46900", "6820", "62", "4690", "99999", "x1", "1"]);
        let codes: Vec<&str> = codes.iter().map(NaceCode::as_str).collect();
        assert_eq!(codes, ["46.1", "46.90", "68.20", "62"]);
    }

    #[test]
    fn legal_forms_imply_kinds() {
        assert_eq!(kind_of(Some("cz_vvi")), CompanyKind::ResearchInstitution);
        assert_eq!(kind_of(Some("cz_obec")), CompanyKind::PublicBody);
        assert_eq!(kind_of(Some("de_gmbh")), CompanyKind::Company);
        assert_eq!(kind_of(None), CompanyKind::Company);
    }
}
