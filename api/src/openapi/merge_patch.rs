//! Schemas of JSON merge patch (RFC 7396) bodies, derived from the schema of what they patch, so
//! a field added to an input type appears in its patch without a second declaration.
//!
//! A patch has the input's fields, none of them required. Nested objects merge recursively on
//! the server, so a property that refers to an object schema `XInput` refers to its own patch
//! schema `XPatch` instead; arrays and scalars are replaced whole, so they keep their schemas.

use serde_json::Value;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

use super::{from_value, to_value};

const REF_PREFIX: &str = "#/components/schemas/";

/// Declares `$patch` as the merge patch body of `$input` for `#[utoipa::path]` request bodies.
macro_rules! merge_patch_schema {
    ($(#[$doc:meta])* $patch:ident of $input:ty) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $patch;

        impl utoipa::PartialSchema for $patch {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::openapi::merge_patch::patch(
                    <$input as utoipa::PartialSchema>::schema(),
                    &<$input as utoipa::ToSchema>::name(),
                    &$crate::openapi::merge_patch::dependencies::<$input>(),
                )
            }
        }

        impl utoipa::ToSchema for $patch {
            fn schemas(
                schemas: &mut Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>,
            ) {
                let dependencies = $crate::openapi::merge_patch::dependencies::<$input>();
                schemas.extend($crate::openapi::merge_patch::nested(
                    &<$input as utoipa::PartialSchema>::schema(),
                    &dependencies,
                ));
                schemas.extend(dependencies);
            }
        }
    };
}
pub(crate) use merge_patch_schema;

/// The schemas `T`'s schema refers to.
pub fn dependencies<T: ToSchema>() -> Vec<(String, RefOr<Schema>)> {
    let mut schemas = Vec::new();
    T::schemas(&mut schemas);
    schemas
}

/// The patch schema's name for an object schema: `AddressInput` → `AddressPatch`.
fn patch_name(input: &str) -> String {
    format!("{}Patch", input.strip_suffix("Input").unwrap_or(input))
}

/// The merge patch schema of `input` (named `name`), whose dependencies are `dependencies`.
pub fn patch(
    input: RefOr<Schema>,
    name: &str,
    dependencies: &[(String, RefOr<Schema>)],
) -> RefOr<Schema> {
    let objects = object_names(dependencies);
    let mut schema = to_value(&input);
    patch_object(&mut schema, &objects);
    if let Some(schema) = schema.as_object_mut() {
        schema.insert(
            "description".into(),
            Value::String(format!(
                "A JSON merge patch (RFC 7396) of `{name}`: send only the fields to change. \
                 `null` removes an optional field, nested objects merge field by field, and \
                 lists are replaced whole. The result must be a valid `{name}`."
            )),
        );
    }
    from_value(schema)
}

/// Patch schemas of the object schemas among `dependencies` that `input` reaches through
/// object properties (not through lists), named by [`patch_name`].
pub fn nested(
    input: &RefOr<Schema>,
    dependencies: &[(String, RefOr<Schema>)],
) -> Vec<(String, RefOr<Schema>)> {
    let objects = object_names(dependencies);
    let mut reached: Vec<String> = Vec::new();
    let mut pending = vec![to_value(input)];
    while let Some(schema) = pending.pop() {
        for name in merged_objects(&schema, &objects) {
            if !reached.contains(&name)
                && let Some((_, schema)) = dependencies.iter().find(|(n, _)| *n == name)
            {
                pending.push(to_value(schema));
                reached.push(name);
            }
        }
    }
    reached
        .into_iter()
        .filter_map(|name| {
            let (_, schema) = dependencies.iter().find(|(n, _)| *n == name)?;
            let mut schema = to_value(schema);
            patch_object(&mut schema, &objects);
            Some((patch_name(&name), from_value(schema)))
        })
        .collect()
}

/// The object schemas the properties of `schema` refer to, directly or as an alternative.
fn merged_objects(schema: &Value, objects: &[String]) -> Vec<String> {
    let mut schema = schema.clone();
    let mut names = Vec::new();
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for property in properties.values_mut() {
            for_each_object_ref(property, objects, &mut |name| names.push(name.to_owned()));
        }
    }
    names
}

fn object_names(dependencies: &[(String, RefOr<Schema>)]) -> Vec<String> {
    dependencies
        .iter()
        .filter(|(_, schema)| to_value(schema).get("properties").is_some())
        .map(|(name, _)| name.clone())
        .collect()
}

/// Drops `required`, lets every optional field be `null` (which removes it, so it takes its
/// default), and points references to object schemas at their patches.
fn patch_object(schema: &mut Value, objects: &[String]) {
    let Some(schema) = schema.as_object_mut() else {
        return;
    };
    let required = schema.remove("required").unwrap_or_default();
    let required: Vec<&str> = required
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            redirect(property, objects);
            if !required.contains(&name.as_str()) {
                nullable(property);
            }
        }
    }
}

/// Makes a property schema accept `null` too, unless it does already.
fn nullable(property: &mut Value) {
    let null = Value::String("null".into());
    match property.get_mut("type") {
        Some(Value::Array(types)) => {
            if !types.contains(&null) {
                types.push(null);
            }
        }
        Some(single @ Value::String(_)) => {
            *single = Value::Array(vec![single.clone(), null]);
        }
        _ => {
            let accepts_null = property
                .get("oneOf")
                .and_then(Value::as_array)
                .is_some_and(|alternatives| alternatives.iter().any(|a| a["type"] == null));
            if !accepts_null {
                let schema = std::mem::take(property);
                *property = serde_json::json!({"oneOf": [schema, {"type": "null"}]});
            }
        }
    }
}

/// Points references to object schemas in a property at their patches.
fn redirect(property: &mut Value, objects: &[String]) {
    for_each_object_ref(property, objects, &mut |reference| {
        *reference = patch_name(reference);
    });
}

/// Calls `visit` with the name in each `$ref` of a property to one of `objects`, directly or
/// among its alternatives (`oneOf: [null, {$ref}]` for optional ones), so it can read or
/// replace it; arrays keep their item schemas and are not entered.
fn for_each_object_ref(
    property: &mut Value,
    objects: &[String],
    visit: &mut impl FnMut(&mut String),
) {
    let Some(property) = property.as_object_mut() else {
        return;
    };
    if let Some(Value::String(reference)) = property.get_mut("$ref")
        && let Some(name) = reference.strip_prefix(REF_PREFIX)
        && objects.iter().any(|object| object == name)
    {
        let mut name = name.to_owned();
        visit(&mut name);
        *reference = format!("{REF_PREFIX}{name}");
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(alternatives)) = property.get_mut(key) {
            for alternative in alternatives {
                for_each_object_ref(alternative, objects, visit);
            }
        }
    }
}
