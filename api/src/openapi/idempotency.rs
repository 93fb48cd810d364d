//! `Idempotency-Key` on every operation that creates something (`crate::idempotency` applies
//! it from the same `201`), and the answers it adds.

use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, Required, ResponseBuilder};

use crate::idempotency::MAX_KEY;

const DESCRIPTION: &str = "Makes retrying safe: a request sent again with the same key by the same caller within 24 hours is answered as the first was (`Idempotent-Replayed: true`), and nothing is created twice. Use a new random key (a UUID) for each new request.";

pub fn add(document: &mut OpenApi) {
    for item in document.paths.paths.values_mut() {
        let Some(operation) = item.post.as_mut() else {
            continue;
        };
        if !operation.responses.responses.contains_key("201") {
            continue;
        }
        operation.parameters.get_or_insert_with(Vec::new).push(
            ParameterBuilder::new()
                .name("Idempotency-Key")
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(DESCRIPTION))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(MAX_KEY))
                        .pattern(Some("^[!-~]+$")),
                ))
                .build()
                .into(),
        );
        for (status, description) in [
            (
                "409",
                "A request with this `Idempotency-Key` is still running; retry after `Retry-After` seconds",
            ),
            (
                "422",
                "The `Idempotency-Key` was used for another request (`idempotency_key_reused`), or the body breaks a rule its schema cannot express",
            ),
        ] {
            operation
                .responses
                .responses
                .entry(status.to_owned())
                .or_insert_with(|| {
                    ResponseBuilder::new()
                        .description(description)
                        .content(
                            "application/problem+json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("Problem")))
                                .build(),
                        )
                        .build()
                        .into()
                });
        }
    }
}
