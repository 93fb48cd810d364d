//! Schemas of the domain's string enumerations, made from their values in `domain`, so the
//! document lists exactly what the parsers accept.

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
