use domain::language::LocalizedText;
use domain::reference::Labels;
use serde::Serialize;
use utoipa::ToSchema;

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

/// A platform language, documenting `domain::language::Language` (whose codes it mirrors).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = Language)]
pub enum LanguageCode {
    De,
    Cs,
    En,
}
