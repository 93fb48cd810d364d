//! OpenAPI links from each operation that creates something to the operations on what it
//! created, so clients and stateful testers (schemathesis) can follow a create to its get,
//! update and delete.

use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{OpenApi, RefOr};

/// The id of what was created, and the path parameter the creating request named.
const CREATED_ID: &str = "$response.body#/id";
const REQUEST_COMPANY: &str = "$request.path.id";

/// Creating operation → (linked operation, its parameters and where their values come from).
type Links = &'static [(&'static str, &'static [(&'static str, &'static str)])];

const LINKS: &[(&str, Links)] = &[
    (
        "createCompany",
        &[
            ("getCompany", &[("id", CREATED_ID)]),
            ("updateCompany", &[("id", CREATED_ID)]),
            ("deleteCompany", &[("id", CREATED_ID)]),
            ("listCompanyProducts", &[("id", CREATED_ID)]),
            ("listMembers", &[("id", CREATED_ID)]),
            ("getCompanyHistory", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "createProduct",
        &[
            ("getProduct", &[("id", CREATED_ID)]),
            ("updateProduct", &[("id", CREATED_ID)]),
            ("deleteProduct", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "addMember",
        &[(
            "removeMember",
            &[
                ("id", REQUEST_COMPANY),
                ("user_id", "$response.body#/user_id"),
            ],
        )],
    ),
    (
        "createApiKey",
        &[(
            "revokeApiKey",
            &[("id", REQUEST_COMPANY), ("key_id", CREATED_ID)],
        )],
    ),
    (
        "fileClaim",
        &[
            ("getClaim", &[("id", CREATED_ID)]),
            ("acceptClaim", &[("id", CREATED_ID)]),
            ("rejectClaim", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "addGlossaryEntry",
        &[("removeGlossaryEntry", &[("id", CREATED_ID)])],
    ),
    ("startImport", &[("getImport", &[("id", CREATED_ID)])]),
    (
        "createWebhook",
        &[
            ("getWebhook", &[("id", CREATED_ID)]),
            ("updateWebhook", &[("id", CREATED_ID)]),
            ("deleteWebhook", &[("id", CREATED_ID)]),
            ("rotateWebhookSecret", &[("id", CREATED_ID)]),
            ("listWebhookDeliveries", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "createEvent",
        &[
            ("getEvent", &[("id", CREATED_ID)]),
            ("updateEvent", &[("id", CREATED_ID)]),
            ("deleteEvent", &[("id", CREATED_ID)]),
            ("getEventCalendar", &[("id", CREATED_ID)]),
            ("registerForEvent", &[("id", CREATED_ID)]),
            ("listEventRegistrations", &[("id", CREATED_ID)]),
            ("listEventParticipants", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "createOpportunity",
        &[
            ("getOpportunity", &[("id", CREATED_ID)]),
            ("updateOpportunity", &[("id", CREATED_ID)]),
            ("deleteOpportunity", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "proposePartnership",
        &[
            ("getPartnership", &[("id", CREATED_ID)]),
            ("stepPartnership", &[("id", CREATED_ID)]),
        ],
    ),
    (
        "registerForEvent",
        &[
            ("getRegistration", &[("id", CREATED_ID)]),
            ("cancelRegistration", &[("id", CREATED_ID)]),
        ],
    ),
];

/// Adds [`LINKS`] to the success response of each creating operation.
pub fn add(document: &mut OpenApi) {
    for item in document.paths.paths.values_mut() {
        let Some(operation) = item.post.as_mut() else {
            continue;
        };
        let Some((_, links)) = LINKS
            .iter()
            .find(|(id, _)| operation.operation_id.as_deref() == Some(*id))
        else {
            continue;
        };
        link(operation, links);
    }
}

fn link(operation: &mut Operation, links: Links) {
    let created = operation
        .responses
        .responses
        .iter_mut()
        .find(|(status, _)| status.starts_with('2'));
    if let Some((_, RefOr::T(response))) = created {
        for (target, parameters) in links {
            let mut builder = LinkBuilder::new().operation_id(*target);
            for (name, value) in *parameters {
                builder = builder.parameter(*name, *value);
            }
            response
                .links
                .insert(upper_first(target), RefOr::T(builder.build()));
        }
    }
}

/// `getCompany` → `GetCompany`, the usual spelling of link names.
fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
