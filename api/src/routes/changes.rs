//! The change feed: every create, update and delete of public companies, products, events and
//! opportunities in commit order, for multiplier systems that keep a copy.

use std::collections::{HashMap, HashSet};

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};
use domain::account::ApiScope;
use domain::company::CompanyStatus;
use domain::event::EventStatus;
use domain::opportunity::OpportunityStatus;
use persistence::DbConn;
use persistence::changes::{self, Change};
use persistence::{companies, events, opportunities, products, registrations};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AnyOfBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::companies::CompanyDto;
use super::events::EventDto;
use super::opportunities::OpportunityDto;
use super::products::ProductDto;
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination::whole_number;
use crate::query;

/// The response header naming the change-log position a response is consistent with.
pub const POSITION_HEADER: &str = "x-change-position";

const DEFAULT_LIMIT: i64 = 100;
pub(crate) const MAX_LIMIT: i64 = 1000;

/// What the feed tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeEntity {
    Company,
    Product,
    Event,
    Opportunity,
}

impl ChangeEntity {
    pub(crate) const ALL: [ChangeEntity; 4] = [
        ChangeEntity::Company,
        ChangeEntity::Product,
        ChangeEntity::Event,
        ChangeEntity::Opportunity,
    ];

    /// The entity's name in the change log.
    pub(crate) fn logged(self) -> &'static str {
        match self {
            ChangeEntity::Company => "company",
            ChangeEntity::Product => "product",
            ChangeEntity::Event => "event",
            ChangeEntity::Opportunity => "opportunity",
        }
    }

    pub(crate) fn of(logged: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.logged() == logged)
    }
}

/// What happened. A resource that is no longer public (deleted, or back to a draft) is a
/// `delete`: remove it if you hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Create,
    Update,
    Delete,
}

/// The resource as it is now, as its `GET` shows it to the caller: a `Company`, `Product`,
/// `Event` or `Opportunity` as `entity` says. (Serialised once per resource and page, since
/// several entries may name it.)
#[derive(Debug)]
pub struct ChangeData;

impl utoipa::PartialSchema for ChangeData {
    fn schema() -> RefOr<Schema> {
        ["Company", "Product", "Event", "Opportunity"]
            .into_iter()
            .fold(AnyOfBuilder::new(), |any_of, name| {
                any_of.item(Ref::from_schema_name(name))
            })
            .description(Some(
                "The resource as it is now, as its GET shows it to the caller, by `entity`",
            ))
            .into()
    }
}

impl ToSchema for ChangeData {}

/// One entry of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeDto {
    /// The entry's position: pass the last one you applied as `after`.
    pub seq: i64,
    pub entity: ChangeEntity,
    pub id: String,
    pub op: ChangeOp,
    pub at: DateTime<Utc>,
    /// The current representation; `null` for a `delete`.
    #[schema(value_type = Option<ChangeData>)]
    pub data: Option<serde_json::Value>,
}

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangePage {
    pub items: Vec<ChangeDto>,
    /// Pass as `after` for the next page. Beyond the last item when entries of other kinds
    /// followed it.
    pub next_after: i64,
    /// The last position of the log when this page was read: you are up to date once
    /// `next_after` reaches it.
    pub latest: i64,
}

/// The query of the feed.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangeParams {
    /// The last position you applied (`next_after` of the previous page, or the
    /// `X-Change-Position` of an export); 0 for the start of the log.
    #[param(value_type = Option<i64>, minimum = 0, maximum = 9_223_372_036_854_775_807_i64, default = 0)]
    after: Option<String>,
    /// Entries per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000, default = 100)]
    limit: Option<String>,
}

/// Follow the changes
///
/// For API keys with the `changes` scope and administrators: every create, update and delete
/// of public companies, products, events and opportunities after position `after`, in commit
/// order, each with the resource as it is now (a `delete` when it is gone or no longer
/// public; drafts never appear). Start from an export's `X-Change-Position`, apply each page,
/// and continue from its `next_after`: you end with exactly the platform's public data. The
/// log keeps entries for `PARTNERNET_CHANGE_RETENTION_DAYS`; a client further behind gets
/// `410` and exports again.
#[utoipa::path(
    operation_id = "listChanges",
    tag = "data access",
    params(ChangeParams),
    security(("api_key" = ["changes"]), ("user_token" = [])),
    responses(
        (status = 200, description = "A page of changes", body = ChangePage, headers(("X-Change-Position" = i64, description = "The log's last position when the page was read"))),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `changes` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "`after` is older than the log keeps: export again", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/changes")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Changes)?;
    let params: ChangeParams = query::parse(&req)?;
    let after = whole_number("after", params.after.as_deref(), 0, 0..=i64::MAX)?;
    let limit = whole_number(
        "limit",
        params.limit.as_deref(),
        DEFAULT_LIMIT,
        1..=MAX_LIMIT,
    )?;
    let with_contacts = caller.sees_contacts();
    let page = db
        .run(move |conn| {
            let pruned = changes::pruned_through(conn)?;
            if after < pruned {
                return Err(ApiError::Gone {
                    code: "too_far_behind",
                    message: format!(
                        "the change log no longer holds the entries after {after} (it keeps \
                         them for a limited time; removed up to {pruned}): export again and \
                         follow the feed from the export's X-Change-Position"
                    ),
                });
            }
            // Read the last position first: every entry up to it is committed, so a page
            // that ends early may skip to it.
            let latest = changes::latest(conn)?;
            let logged: Vec<&str> = ChangeEntity::ALL.iter().map(|e| e.logged()).collect();
            let entries = changes::of_entities_after(conn, &logged, after, limit)?;
            let next_after = match entries.last() {
                Some(last) if entries.len() as i64 == limit => last.seq,
                _ => latest.max(after),
            };
            let items = represent(conn, entries, with_contacts)?;
            Ok(ChangePage {
                items,
                next_after,
                latest,
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            HeaderName::from_static(POSITION_HEADER),
            HeaderValue::from(page.latest),
        ))
        .json(page))
}

fn json(dto: impl Serialize) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(dto).map_err(ApiError::internal)
}

/// The public representation of the `entity` resources `ids`, as their `GET` shows it to the
/// caller, by id. What is not public (deleted, a draft, of an unpublished organisation) is
/// absent: the one rule of what the feed, webhooks and exports show.
pub(crate) fn current(
    conn: &mut DbConn,
    entity: ChangeEntity,
    ids: &[String],
    with_contacts: bool,
) -> Result<HashMap<String, serde_json::Value>, ApiError> {
    let mut current = HashMap::new();
    match entity {
        ChangeEntity::Company => {
            for company in companies::by_ids(conn, ids)? {
                if company.row.status == CompanyStatus::Published.as_str() {
                    let id = company.row.id.clone();
                    current.insert(id, json(CompanyDto::new(company, with_contacts)?)?);
                }
            }
        }
        ChangeEntity::Product => {
            let products = products::by_ids(conn, ids)?;
            let owners: Vec<String> = products.iter().map(|p| p.row.company_id.clone()).collect();
            let published = companies::published_among(conn, &owners)?;
            for product in products {
                if published.contains(&product.row.company_id) {
                    let id = product.row.id.clone();
                    current.insert(id, json(ProductDto::new(product)?)?);
                }
            }
        }
        ChangeEntity::Event => {
            let events = events::by_ids(conn, ids)?;
            let organisers: Vec<String> =
                events.iter().map(|e| e.row.organiser_id.clone()).collect();
            let published = companies::published_among(conn, &organisers)?;
            let public: Vec<_> = events
                .into_iter()
                .filter(|e| published.contains(&e.row.organiser_id))
                .filter(|e| e.row.status != EventStatus::Draft.as_str())
                .collect();
            let event_ids: Vec<String> = public.iter().map(|e| e.row.id.clone()).collect();
            let mut counts = registrations::counts(conn, &event_ids)?;
            for event in public {
                let id = event.row.id.clone();
                let counted = counts.remove(&id).unwrap_or_default();
                current.insert(id, json(EventDto::new(event, counted)?)?);
            }
        }
        ChangeEntity::Opportunity => {
            for opportunity in opportunities::by_ids(conn, ids)? {
                let public = opportunity.row.status == OpportunityStatus::Published.as_str()
                    && opportunity.publisher.status == CompanyStatus::Published.as_str();
                if public {
                    let id = opportunity.row.id.clone();
                    current.insert(id, json(OpportunityDto::new(opportunity)?)?);
                }
            }
        }
    }
    Ok(current)
}

/// The entries with the current, public representation of what they name.
pub(crate) fn represent(
    conn: &mut DbConn,
    entries: Vec<Change>,
    with_contacts: bool,
) -> Result<Vec<ChangeDto>, ApiError> {
    let mut current: HashMap<(ChangeEntity, String), serde_json::Value> = HashMap::new();
    for entity in ChangeEntity::ALL {
        let named: HashSet<&str> = entries
            .iter()
            .filter(|c| c.entity == entity.logged())
            .map(|c| c.entity_id.as_str())
            .collect();
        let ids: Vec<String> = named.into_iter().map(str::to_owned).collect();
        for (id, data) in self::current(conn, entity, &ids, with_contacts)? {
            current.insert((entity, id), data);
        }
    }
    entries
        .into_iter()
        .filter_map(|change| {
            let entity = ChangeEntity::of(&change.entity)?;
            Some((entity, change))
        })
        .map(|(entity, change)| {
            // Entries name the same resource more than once; each carries it as it is now.
            let data = current.get(&(entity, change.entity_id.clone())).cloned();
            let op = match (&data, change.op.as_str()) {
                (None, _) => ChangeOp::Delete,
                (Some(_), "create") => ChangeOp::Create,
                (Some(_), _) => ChangeOp::Update,
            };
            Ok(ChangeDto {
                seq: change.seq,
                entity,
                id: change.entity_id,
                op,
                at: change.at.and_utc(),
                data,
            })
        })
        .collect()
}
