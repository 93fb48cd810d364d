//! Rules between fields that JSON Schema can state but utoipa's derive cannot, added to the
//! schemas they belong to. The server checks the same rules in `domain` (a 422 when broken);
//! stating them here lets clients and generators know them too.

use utoipa::openapi::schema::{AllOfBuilder, AnyOfBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{OpenApi, Ref, RefOr};

pub fn add(document: &mut OpenApi) {
    let Some(components) = document.components.as_mut() else {
        return;
    };
    // A Czech company has an IČO, a German one a register entry; never both.
    if let Some(identifiers) = components.schemas.remove("IdentifiersInput") {
        let rule = at_most_one_of(identifiers, &["ico", "register"]);
        components.schemas.insert("IdentifiersInput".into(), rule);
    }
    // A product has a name in at least one language: a schema of its own, so generated
    // clients get a named type for it.
    if let Some(RefOr::T(Schema::Object(product))) = components.schemas.get_mut("ProductInput")
        && let Some(name) = product.properties.remove("name")
    {
        product
            .properties
            .insert("name".into(), Ref::from_schema_name("ProductName").into());
        components.schemas.insert(
            "ProductName".into(),
            with_some_text(name, &["de", "cs", "en"], domain::product::MAX_NAME),
        );
    }
}

/// `schema`, with at most one of `fields` given (absent or `null` for the rest).
fn at_most_one_of(schema: RefOr<Schema>, fields: &[&str]) -> RefOr<Schema> {
    let mut alternatives = AnyOfBuilder::new();
    for given in fields {
        let mut others_absent = ObjectBuilder::new();
        for other in fields.iter().filter(|other| *other != given) {
            others_absent =
                others_absent.property(*other, ObjectBuilder::new().schema_type(Type::Null));
        }
        alternatives = alternatives.item(others_absent);
    }
    AllOfBuilder::new().item(schema).item(alternatives).into()
}

/// `text` (a localized text), with a non-empty string in at least one of `languages`.
fn with_some_text(text: RefOr<Schema>, languages: &[&str], max_length: usize) -> RefOr<Schema> {
    let mut alternatives = AnyOfBuilder::new();
    for language in languages {
        alternatives = alternatives.item(
            ObjectBuilder::new()
                .property(
                    *language,
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(max_length)),
                )
                .required(*language),
        );
    }
    AllOfBuilder::new().item(text).item(alternatives).into()
}
