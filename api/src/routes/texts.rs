//! Texts written per language in the bodies of events and opportunities, and their checks.

use domain::language::{Language, LocalizedText};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::routes::companies::input::{Errors, optional_text};

/// A title per language; any may be left out or `null`, one is needed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TitleInput {
    #[schema(max_length = 200, example = "Zulieferbörse Erzgebirge")]
    pub de: Option<String>,
    #[schema(max_length = 200, example = "Burza subdodavatelů Krušné hory")]
    pub cs: Option<String>,
    #[schema(max_length = 200)]
    pub en: Option<String>,
}

/// A text per language; any may be left out or `null`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextInput {
    #[schema(max_length = 10000)]
    pub de: Option<String>,
    #[schema(max_length = 10000)]
    pub cs: Option<String>,
    #[schema(max_length = 10000)]
    pub en: Option<String>,
}

/// Each language's text trimmed and at most `max` characters, errors under `pointer/<lang>`.
fn localized(
    errors: &mut Errors,
    pointer: &str,
    [de, cs, en]: [Option<&String>; 3],
    max: usize,
) -> LocalizedText {
    let mut one = |language: Language, value: Option<&String>| {
        errors
            .optional(
                &format!("{pointer}/{}", language.as_str()),
                value.map(String::as_str),
                optional_text(max),
            )
            .flatten()
    };
    LocalizedText {
        de: one(Language::De, de),
        cs: one(Language::Cs, cs),
        en: one(Language::En, en),
    }
}

impl TitleInput {
    /// The titles, at most `max` characters each and at least one.
    pub(crate) fn validate(&self, errors: &mut Errors, pointer: &str, max: usize) -> LocalizedText {
        let title = localized(
            errors,
            pointer,
            [self.de.as_ref(), self.cs.as_ref(), self.en.as_ref()],
            max,
        );
        if title == LocalizedText::default() && errors.0.is_empty() {
            errors.check::<()>(
                pointer,
                Err(domain::InvalidValue::new(
                    "required",
                    "a title in at least one of de, cs, en is required",
                )),
            );
        }
        title
    }
}

impl From<LocalizedText> for TitleInput {
    fn from(text: LocalizedText) -> Self {
        Self {
            de: text.de,
            cs: text.cs,
            en: text.en,
        }
    }
}

impl TextInput {
    /// The texts of an optional field, at most `max` characters each.
    pub(crate) fn validate(
        input: Option<&TextInput>,
        errors: &mut Errors,
        pointer: &str,
        max: usize,
    ) -> LocalizedText {
        let part = |pick: fn(&TextInput) -> Option<&String>| input.and_then(pick);
        localized(
            errors,
            pointer,
            [
                part(|t| t.de.as_ref()),
                part(|t| t.cs.as_ref()),
                part(|t| t.en.as_ref()),
            ],
            max,
        )
    }

    /// A stored text in the shape it is written, `None` when no language has one.
    pub fn of(text: LocalizedText) -> Option<TextInput> {
        (text != LocalizedText::default()).then_some(TextInput {
            de: text.de,
            cs: text.cs,
            en: text.en,
        })
    }
}
