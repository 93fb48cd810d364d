//! The industry glossary that search expands queries with: the shipped terms and those the
//! platform's administrators add.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use domain::search::{Concept, Glossary};
use persistence::glossary::{self, EntryRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};

/// One concept in German, Czech and English: a query for any term also finds the others.
#[derive(Debug, Serialize, ToSchema)]
pub struct GlossaryEntry {
    /// The id of an added entry; `null` for shipped ones.
    pub id: Option<String>,
    /// `shipped` with the platform, or `added` by an administrator.
    #[schema(example = "added")]
    pub source: &'static str,
    #[schema(example = json!(["Fräsen"]))]
    pub de: Vec<String>,
    #[schema(example = json!(["frézování"]))]
    pub cs: Vec<String>,
    #[schema(example = json!(["milling"]))]
    pub en: Vec<String>,
    pub created_at: Option<DateTime<Utc>>,
}

impl GlossaryEntry {
    fn shipped(concept: &Concept) -> Self {
        Self {
            id: None,
            source: "shipped",
            de: concept.de.clone(),
            cs: concept.cs.clone(),
            en: concept.en.clone(),
            created_at: None,
        }
    }

    fn added(row: &EntryRow) -> Self {
        let concept = row.concept();
        Self {
            id: Some(row.id.clone()),
            source: "added",
            de: concept.de,
            cs: concept.cs,
            en: concept.en,
            created_at: Some(row.created_at.and_utc()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GlossaryList {
    pub items: Vec<GlossaryEntry>,
}

/// A concept to add: terms in at least two languages, up to 10 per language.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryInput {
    #[serde(default)]
    #[schema(example = json!(["Klöppelspitze"]), max_items = 10)]
    pub de: Vec<String>,
    #[serde(default)]
    #[schema(example = json!(["paličkovaná krajka"]), max_items = 10)]
    pub cs: Vec<String>,
    #[serde(default)]
    #[schema(example = json!(["bobbin lace"]), max_items = 10)]
    pub en: Vec<String>,
}

/// The industry glossary
///
/// Every concept search translates between German, Czech and English: the shipped ones, then
/// those administrators added.
#[utoipa::path(
    operation_id = "listGlossaryEntries",
    tag = "search",
    responses(
        (status = 200, description = "The glossary entries", body = GlossaryList),
        (status = 503, description = "The database is busy or unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/glossary")]
pub async fn list(db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let added = db.run(|conn| Ok(glossary::list(conn)?)).await?;
    let items = Glossary::shipped()
        .concepts()
        .iter()
        .map(GlossaryEntry::shipped)
        .chain(added.iter().map(GlossaryEntry::added))
        .collect();
    Ok(HttpResponse::Ok().json(GlossaryList { items }))
}

/// Add a glossary entry
///
/// For administrators. Queries use the new terms from the next request on.
#[utoipa::path(
    operation_id = "addGlossaryEntry",
    tag = "search",
    request_body = GlossaryInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The added entry", body = GlossaryEntry),
        (status = 422, description = "A term is invalid; `errors` names it", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/glossary")]
pub async fn add(
    caller: Caller,
    db: web::Data<Db>,
    body: Json<GlossaryInput>,
) -> Result<HttpResponse, ApiError> {
    let admin = caller.admin("edit the glossary")?.id.clone();
    let input = body.0;
    let concept = Concept::parse(input.de, input.cs, input.en).map_err(|errors| {
        ApiError::InvalidBody(
            errors
                .into_iter()
                .map(|(field, e)| {
                    let pointer = if field.is_empty() {
                        String::new()
                    } else {
                        format!("/{field}")
                    };
                    FieldError::pointer(pointer, e.code, e.message)
                })
                .collect(),
        )
    })?;
    let row = db
        .run(move |conn| Ok(glossary::add(conn, &concept, &admin)?))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(GlossaryEntry::added(&row)))
}

/// Remove an added glossary entry
///
/// For administrators. Shipped entries cannot be removed.
#[utoipa::path(
    operation_id = "removeGlossaryEntry",
    tag = "search",
    params(("id" = String, Path, description = "The entry's id")),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No added entry has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/glossary/{id}")]
pub async fn remove(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.admin("edit the glossary")?;
    let id = id.into_inner();
    db.run(move |conn| {
        if glossary::remove(conn, &id)? {
            Ok(())
        } else {
            Err(ApiError::NotFound(
                "no added glossary entry has this id".into(),
            ))
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
