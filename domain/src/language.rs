//! The platform's content languages and text that exists once per language.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::InvalidValue;

/// A language in which companies write their texts and the platform labels its reference data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    De,
    Cs,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::De, Language::Cs, Language::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::Cs => "cs",
            Language::En => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Language {
    type Err = InvalidValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "de" => Ok(Language::De),
            "cs" => Ok(Language::Cs),
            "en" => Ok(Language::En),
            _ => Err(InvalidValue::new(
                "unknown_language",
                format!("'{s}' is not one of the languages de, cs, en"),
            )),
        }
    }
}

/// A text that a company or the platform keeps per language; any language may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    pub de: Option<String>,
    pub cs: Option<String>,
    pub en: Option<String>,
}

impl LocalizedText {
    pub fn get(&self, language: Language) -> Option<&str> {
        match language {
            Language::De => self.de.as_deref(),
            Language::Cs => self.cs.as_deref(),
            Language::En => self.en.as_deref(),
        }
    }

    /// The text in `language`, else the first of German, Czech and English there is: what a
    /// reader of `language` is shown.
    pub fn in_or_else(&self, language: Language) -> Option<&str> {
        self.get(language)
            .or_else(|| Language::ALL.iter().find_map(|&l| self.get(l)))
    }

    /// A text from stored rows of (language code, value); rows of other languages are left out.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a Option<String>)>) -> Self {
        let mut text = Self::default();
        for (language, value) in rows {
            let slot = match language.parse::<Language>() {
                Ok(Language::De) => &mut text.de,
                Ok(Language::Cs) => &mut text.cs,
                Ok(Language::En) => &mut text.en,
                Err(_) => continue,
            };
            slot.clone_from(value);
        }
        text
    }
}

/// A language a company's staff speaks, as an ISO 639-1 code (`de`, `cs`, `pl`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SpokenLanguage(String);

impl SpokenLanguage {
    /// Every code has two letters.
    pub const LENGTH: usize = 2;

    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        if raw.len() == Self::LENGTH && raw.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidValue::new(
                "invalid_language_code",
                format!("'{raw}' is not a two-letter lower-case ISO 639-1 language code"),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_content_languages() {
        assert_eq!("cs".parse::<Language>(), Ok(Language::Cs));
        assert!("DE".parse::<Language>().is_err());
        assert!("pl".parse::<Language>().is_err());
    }

    #[test]
    fn spoken_languages_are_iso_codes() {
        assert_eq!(SpokenLanguage::parse("pl").map(|l| l.0), Ok("pl".into()));
        assert!(SpokenLanguage::parse("PL").is_err());
        assert!(SpokenLanguage::parse("pol").is_err());
    }
}
