use domain::language::LocalizedText;
use domain::reference::{Catalog, Labels};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::openapi::enums::domain_enum_schema;
use crate::routes::companies::corrupt;

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

/// A NACE Rev. 2 code a product, event or opportunity names, with its label.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndustryRef {
    #[schema(example = "25.62")]
    pub code: String,
    pub label: LabelsDto,
}

impl IndustryRef {
    /// The stored `codes` with their labels.
    pub fn all<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<Vec<Self>, ApiError> {
        let catalog = Catalog::get();
        codes
            .into_iter()
            .map(|code| {
                let entry = catalog
                    .nace(code)
                    .ok_or_else(|| corrupt("nace_code", code))?;
                Ok(IndustryRef {
                    code: code.to_owned(),
                    label: LabelsDto::from(&entry.label),
                })
            })
            .collect()
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
