//! utoipa writes a generic type's argument inline (`Page<Company>` becomes `Page_Company` with a
//! copy of `Company` in it), so generated clients would get a second, anonymous `Company` type
//! per list. This points such copies back at the named schema.

use serde_json::{Value, json};
use utoipa::openapi::OpenApi;

use super::{from_value, to_value};

/// Replaces in every `Name_Argument` schema each inline copy of the schema `Argument` by a
/// reference to it.
pub fn reference_arguments(document: &mut OpenApi) {
    let Some(components) = document.components.as_mut() else {
        return;
    };
    let named: Vec<(String, Value)> = components
        .schemas
        .iter()
        .map(|(name, schema)| (name.clone(), to_value(schema)))
        .collect();
    for (name, schema) in components.schemas.iter_mut() {
        let Some((_, argument)) = name.rsplit_once('_') else {
            continue;
        };
        let Some((_, inline)) = named.iter().find(|(n, _)| n == argument) else {
            continue;
        };
        let mut value = to_value(schema);
        replace(
            &mut value,
            inline,
            &json!({ "$ref": format!("#/components/schemas/{argument}") }),
        );
        *schema = from_value(value);
    }
}

fn replace(value: &mut Value, inline: &Value, reference: &Value) {
    if value == inline {
        *value = reference.clone();
        return;
    }
    match value {
        Value::Object(members) => members
            .values_mut()
            .for_each(|member| replace(member, inline, reference)),
        Value::Array(elements) => elements
            .iter_mut()
            .for_each(|element| replace(element, inline, reference)),
        _ => {}
    }
}
