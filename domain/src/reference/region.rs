use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, Labels};
use crate::InvalidValue;
use crate::country::Country;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Landkreis,
    KreisfreieStadt,
    Kraj,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Landkreis => "landkreis",
            RegionKind::KreisfreieStadt => "kreisfreie_stadt",
            RegionKind::Kraj => "kraj",
        }
    }
}

/// A NUTS-3 region of Saxony or Czechia.
#[derive(Debug, Clone)]
pub struct Region {
    pub code: RegionCode,
    pub country: Country,
    pub name: Labels,
    pub kind: RegionKind,
    /// The German Kreisschlüssel or the Czech RÚIAN kraj code (ARES `kodKraje`).
    pub official_code: String,
    /// Whether the region belongs to the Interreg Sachsen–Česko 2021–2027 programme area.
    pub programme_area: bool,
}

/// A NUTS-3 code known to the platform, such as `DED2C` (Bautzen) or `CZ042` (Ústecký kraj).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RegionCode(String);

impl RegionCode {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        match Catalog::get().region(raw) {
            Some(region) => Ok(region.code.clone()),
            None => Err(InvalidValue::new(
                "unknown_region",
                format!(
                    "'{raw}' is not a NUTS-3 region of Saxony or Czechia (examples: DED2C, CZ042)"
                ),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Deserialize)]
struct Row {
    nuts3: String,
    country: String,
    name_de: String,
    name_cs: String,
    name_en: String,
    kind: RegionKind,
    official_code: String,
    programme_area: bool,
}

pub(super) fn load() -> Vec<Region> {
    csv::Reader::from_reader(include_str!("../../data/regions.csv").as_bytes())
        .deserialize()
        .map(|row| {
            let row: Row = row.expect("embedded regions.csv parses");
            Region {
                code: RegionCode(row.nuts3),
                country: row
                    .country
                    .parse()
                    .expect("regions.csv holds DE and CZ only"),
                name: Labels {
                    de: row.name_de,
                    cs: row.name_cs,
                    en: row.name_en,
                },
                kind: row.kind,
                official_code: row.official_code,
                programme_area: row.programme_area,
            }
        })
        .collect()
}
