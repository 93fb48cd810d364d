//! Schemas of the domain's string enumerations and texts, made from its value lists and
//! constants, so the document lists exactly what the parsers accept.

use domain::account::MAX_PERSON_NAME;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

/// Declares `$schema`, documenting the values of the domain enumeration `$domain` (which has
/// `ALL` and `as_str`), for `value_type = ...` in parameters and bodies.
macro_rules! domain_enum_schema {
    ($(#[$doc:meta])* $schema:ident for $domain:ty) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $schema;

        impl utoipa::PartialSchema for $schema {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::openapi::enums::string_enum(
                    <$domain>::ALL.iter().map(|value| value.as_str()),
                )
            }
        }

        impl utoipa::ToSchema for $schema {}
    };
}
pub(crate) use domain_enum_schema;

pub fn string_enum<'a>(values: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .into()
}

/// A person's display name ([`domain::account::person_name`]): with at least one character that
/// is not white space, no control characters.
#[derive(Debug)]
pub struct PersonName;

impl utoipa::PartialSchema for PersonName {
    fn schema() -> RefOr<Schema> {
        const TEXT: &str = r"[^\u0000-\u001F\u007F-\u009F]";
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(format!(
                "A person's name: up to {MAX_PERSON_NAME} characters, no control characters."
            )))
            .min_length(Some(1))
            .max_length(Some(MAX_PERSON_NAME))
            .pattern(Some(format!(
                r"^{TEXT}*[^\s\u0000-\u001F\u007F-\u009F]{TEXT}*$"
            )))
            .examples([serde_json::json!("Jana Nováková")])
            .into()
    }
}

impl utoipa::ToSchema for PersonName {}
