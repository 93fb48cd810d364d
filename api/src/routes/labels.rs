use domain::language::LocalizedText;
use domain::reference::Labels;
use serde::Serialize;
use utoipa::ToSchema;

use crate::openapi::enums::domain_enum_schema;

/// A reference label in every platform language.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"de": "Sägewerke", "cs": "Pilařská výroba", "en": "Sawmilling"}))]
#[schema(as = Labels)]
pub struct LabelsDto {
    pub de: String,
    pub cs: String,
    pub en: String,
}

impl From<&Labels> for LabelsDto {
    fn from(labels: &Labels) -> Self {
        Self {
            de: labels.de.clone(),
            cs: labels.cs.clone(),
            en: labels.en.clone(),
        }
    }
}

/// A text its author wrote per language; a language without text is `null`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = LocalizedText)]
pub struct LocalizedTextDto {
    pub de: Option<String>,
    pub cs: Option<String>,
    pub en: Option<String>,
}

impl From<LocalizedText> for LocalizedTextDto {
    fn from(text: LocalizedText) -> Self {
        Self {
            de: text.de,
            cs: text.cs,
            en: text.en,
        }
    }
}

domain_enum_schema!(
    /// A platform language: the language of a text, or the one the platform speaks to a user.
    Language for domain::language::Language
);
