//! Problems that any operation of a kind can answer, whatever its handler does: a malformed
//! request, a bad token, an oversized or mistyped body, an unavailable database, a bug. They are
//! documented here once, as shared responses, on every operation they apply to; a handler's own
//! description of the same status wins, since it says more.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::ObjectBuilder;
use utoipa::openapi::{
    ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder, schema::Type,
};

use crate::body::{BODY_TIMEOUT, MAX_BODY_BYTES};
use crate::operations::{MAX_HEADER_BYTES, MAX_URL_BYTES};

const PROBLEM: &str = "application/problem+json";

/// A shared response: its name under `components/responses`, status, and description (made
/// from the limits it names, so it cannot drift from them).
struct Shared {
    name: &'static str,
    status: &'static str,
    description: fn() -> String,
    applies: fn(&Operation) -> bool,
}

const SHARED: &[Shared] = &[
    Shared {
        name: "BadRequest",
        status: "400",
        description: || {
            "The request does not match this document: a parameter or body field is undeclared, missing, of the wrong type or out of its bounds, or the request is malformed; `errors` names each by `parameter` or JSON `pointer`".to_owned()
        },
        applies: |_| true,
    },
    Shared {
        name: "UnprocessableContent",
        status: "422",
        description: || {
            "The request matches this document but breaks a rule a schema cannot express (a check digit, a code or postal code that must exist, parameters that exclude each other, a cursor of another listing); `errors` names each by `parameter` or JSON `pointer`, and the parameter or schema descriptions state the rules".to_owned()
        },
        applies: |operation| operation.request_body.is_some() || operation.parameters.is_some(),
    },
    Shared {
        name: "Unauthenticated",
        status: "401",
        description: || "The access token or API key is missing, invalid or expired".to_owned(),
        applies: |operation| operation.security.is_some(),
    },
    Shared {
        name: "PayloadTooLarge",
        status: "413",
        description: || format!("The body is larger than {} MiB", MAX_BODY_BYTES >> 20),
        applies: |operation| operation.request_body.is_some(),
    },
    Shared {
        name: "RequestTimeout",
        status: "408",
        description: || {
            format!(
                "The body did not arrive within {} seconds",
                BODY_TIMEOUT.as_secs()
            )
        },
        applies: |operation| operation.request_body.is_some(),
    },
    Shared {
        name: "UriTooLong",
        status: "414",
        description: || {
            format!(
                "The URL (path and query) is longer than {} KiB",
                MAX_URL_BYTES >> 10
            )
        },
        applies: |_| true,
    },
    Shared {
        name: "HeadersTooLarge",
        status: "431",
        description: || {
            format!(
                "The request's headers are larger than {} KiB together",
                MAX_HEADER_BYTES >> 10
            )
        },
        applies: |_| true,
    },
    Shared {
        name: "UnsupportedMediaType",
        status: "415",
        description: || {
            "The body's `Content-Type` is none of the operation's; `detail` names those accepted"
                .to_owned()
        },
        applies: |operation| operation.request_body.is_some(),
    },
    Shared {
        name: "TooManyRequests",
        status: "429",
        description: || {
            "The caller made more requests than its limit allows (per API key, per signed-in user, or per address without credentials); retry after `Retry-After` seconds. Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`".to_owned()
        },
        applies: |_| true,
    },
    Shared {
        name: "InternalError",
        status: "500",
        description: || "An unexpected error; it has been logged with the request's id".to_owned(),
        applies: |_| true,
    },
    Shared {
        name: "Unavailable",
        status: "503",
        description: || {
            "The database is busy or unreachable, or the search index is being built; retry after `Retry-After` seconds".to_owned()
        },
        applies: |_| true,
    },
];

/// Adds the shared responses to `components` and refers to them from every operation they
/// apply to, except the liveness probe, which answers without touching anything that can fail.
pub fn complete(document: &mut OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    for shared in SHARED {
        components
            .responses
            .insert(shared.name.to_owned(), RefOr::T(response(shared)));
    }
    for (path, item) in document.paths.paths.iter_mut() {
        if path == "/healthz" {
            continue;
        }
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            // Only `/v1` is rate limited (`crate::rate_limit`).
            let applying: Vec<&Shared> = SHARED
                .iter()
                .filter(|shared| (shared.applies)(operation))
                .filter(|shared| shared.status != "429" || path.starts_with("/v1/"))
                .collect();
            for shared in applying {
                operation
                    .responses
                    .responses
                    .entry(shared.status.to_owned())
                    .or_insert_with(|| {
                        RefOr::Ref(Ref::new(format!("#/components/responses/{}", shared.name)))
                    });
            }
        }
    }
}

fn response(shared: &Shared) -> Response {
    let mut response = ResponseBuilder::new()
        .description((shared.description)())
        .content(
            PROBLEM,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        );
    if shared.status == "503" || shared.status == "429" {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                .description(Some("Seconds to wait before retrying"))
                .build(),
        );
    }
    response.build()
}
