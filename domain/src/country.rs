use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::InvalidValue;

/// The two countries of the Saxony–Czechia border region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Country {
    #[serde(rename = "DE")]
    Germany,
    #[serde(rename = "CZ")]
    Czechia,
}

impl Country {
    pub const ALL: [Country; 2] = [Country::Germany, Country::Czechia];

    pub fn as_str(self) -> &'static str {
        match self {
            Country::Germany => "DE",
            Country::Czechia => "CZ",
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Country {
    type Err = InvalidValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "DE" => Ok(Country::Germany),
            "CZ" => Ok(Country::Czechia),
            _ => Err(InvalidValue::new(
                "unknown_country",
                format!("'{s}' is not one of the countries DE, CZ"),
            )),
        }
    }
}
