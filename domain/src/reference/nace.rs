use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, Labels};
use crate::InvalidValue;

/// The four levels of NACE Rev. 2: section `C`, division `16`, group `16.1`, class `16.10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NaceLevel {
    Section,
    Division,
    Group,
    Class,
}

impl NaceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            NaceLevel::Section => "section",
            NaceLevel::Division => "division",
            NaceLevel::Group => "group",
            NaceLevel::Class => "class",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        match raw {
            "section" => Ok(NaceLevel::Section),
            "division" => Ok(NaceLevel::Division),
            "group" => Ok(NaceLevel::Group),
            "class" => Ok(NaceLevel::Class),
            _ => Err(InvalidValue::new(
                "unknown_nace_level",
                format!("'{raw}' is not one of the levels section, division, group, class"),
            )),
        }
    }
}

/// One code of NACE Rev. 2 (the version WZ 2008 and CZ-NACE 2008 use) with its labels.
#[derive(Debug, Clone)]
pub struct NaceEntry {
    pub code: String,
    pub level: NaceLevel,
    pub parent: Option<String>,
    /// The section letter the code belongs to, for facets and section filters.
    pub section: String,
    pub label: Labels,
}

/// A code known to NACE Rev. 2, at any level.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NaceCode(String);

impl NaceCode {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        match Catalog::get().nace(raw) {
            Some(entry) => Ok(Self(entry.code.clone())),
            None => Err(InvalidValue::new(
                "unknown_nace_code",
                format!("'{raw}' is not a NACE Rev. 2 code (examples: C, 16, 16.1, 16.10)"),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn entry(&self) -> &'static NaceEntry {
        Catalog::get()
            .nace(&self.0)
            .expect("a parsed NaceCode is in the catalogue")
    }
}

#[derive(Deserialize)]
struct Row {
    code: String,
    level: NaceLevel,
    parent: String,
    label_de: String,
    label_cs: String,
    label_en: String,
}

pub(super) fn load() -> Vec<NaceEntry> {
    let rows: Vec<Row> = csv::Reader::from_reader(include_str!("../../data/nace.csv").as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("embedded nace.csv parses");
    // Parents always precede their children in the file, so one pass finds every section.
    let mut sections: std::collections::HashMap<String, String> = Default::default();
    rows.into_iter()
        .map(|row| {
            let section = if row.level == NaceLevel::Section {
                row.code.clone()
            } else {
                sections
                    .get(&row.parent)
                    .cloned()
                    .expect("nace.csv lists parents before children")
            };
            sections.insert(row.code.clone(), section.clone());
            NaceEntry {
                code: row.code,
                level: row.level,
                parent: (!row.parent.is_empty()).then_some(row.parent),
                section,
                label: Labels {
                    de: row.label_de,
                    cs: row.label_cs,
                    en: row.label_en,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_of_every_level() {
        for code in ["C", "16", "16.1", "16.10"] {
            assert_eq!(NaceCode::parse(code).map(|c| c.0), Ok(code.to_owned()));
        }
        for bad in ["", "c", "16.", "16.100", "1610", "Z"] {
            assert!(NaceCode::parse(bad).is_err(), "{bad} must be rejected");
        }
    }
}
