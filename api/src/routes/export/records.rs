//! Bulk exports of public products, events and opportunities: each record as its `GET` and the
//! change feed show it, so an export followed by the feed from its position ends with exactly
//! the platform's public data.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDateTime};
use domain::account::ApiScope;
use domain::product::ProductKind;
use persistence::DbConn;
use persistence::exports::{self, Exported};
use search_index::{SearchIndex, Target};
use serde_json::Value;

use super::super::changes::{ChangeEntity, current};
use super::super::events::EventDto;
use super::super::opportunities::OpportunityDto;
use super::super::products::ProductDto;
use super::super::search::FilterParams;
use super::{ExportFormat, ExportParams, Source, csv_record, joined};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::query;

/// A CSV column: its name and where its value is in the record's JSON. `a.b` is a member of
/// a member; `a[]` is a list, whose values (or the rest of the path in each) are joined.
type Column = (&'static str, &'static str);

const PRODUCT_COLUMNS: &[Column] = &[
    ("id", "id"),
    ("company_id", "company.id"),
    ("company_name", "company.name"),
    ("kind", "kind"),
    ("name_de", "name.de"),
    ("name_cs", "name.cs"),
    ("name_en", "name.en"),
    ("description_de", "description.de"),
    ("description_cs", "description.cs"),
    ("description_en", "description.en"),
    ("industries", "industries[].code"),
    ("keywords", "keywords[]"),
    ("image_url", "image_url"),
    ("updated_at", "updated_at"),
];

const EVENT_COLUMNS: &[Column] = &[
    ("id", "id"),
    ("organiser_id", "organiser.id"),
    ("organiser_name", "organiser.name"),
    ("status", "status"),
    ("kind", "kind"),
    ("title_de", "title.de"),
    ("title_cs", "title.cs"),
    ("title_en", "title.en"),
    ("summary_de", "summary.de"),
    ("summary_cs", "summary.cs"),
    ("summary_en", "summary.en"),
    ("starts_at", "starts_at"),
    ("ends_at", "ends_at"),
    ("time_zone", "time_zone"),
    ("registration_deadline", "registration_deadline"),
    ("registration_open", "registration_open"),
    ("venue_name", "venue.name"),
    ("venue_street", "venue.street"),
    ("venue_postal_code", "venue.postal_code"),
    ("venue_city", "venue.city"),
    ("venue_country", "venue.country"),
    ("online_url", "online_url"),
    ("languages", "languages[]"),
    ("interpreting", "interpreting"),
    ("topics", "topics[].code"),
    ("exhibitor_places", "places.exhibitors.capacity"),
    ("exhibitors_confirmed", "places.exhibitors.confirmed"),
    ("visitor_places", "places.visitors.capacity"),
    ("visitors_confirmed", "places.visitors.confirmed"),
    ("updated_at", "updated_at"),
];

const OPPORTUNITY_COLUMNS: &[Column] = &[
    ("id", "id"),
    ("company_id", "company.id"),
    ("company_name", "company.name"),
    ("kind", "kind"),
    ("status", "status"),
    ("title_de", "title.de"),
    ("title_cs", "title.cs"),
    ("title_en", "title.en"),
    ("summary_de", "summary.de"),
    ("summary_cs", "summary.cs"),
    ("summary_en", "summary.en"),
    ("industries", "industries[].code"),
    ("keywords", "keywords[]"),
    ("partnership_types", "partnership_types[]"),
    ("target_countries", "target_countries[]"),
    ("target_regions", "target_regions[]"),
    ("valid_until", "valid_until"),
    ("expired", "expired"),
    ("updated_at", "updated_at"),
];

/// The public records of one kind, as the change feed represents them.
struct Records {
    entity: ChangeEntity,
    exported: Exported,
    columns: &'static [Column],
    since: Option<NaiveDateTime>,
}

impl Records {
    fn new(exported: Exported, since: Option<NaiveDateTime>) -> Self {
        let (entity, columns) = match exported {
            Exported::Product => (ChangeEntity::Product, PRODUCT_COLUMNS),
            Exported::Event => (ChangeEntity::Event, EVENT_COLUMNS),
            Exported::Opportunity => (ChangeEntity::Opportunity, OPPORTUNITY_COLUMNS),
        };
        Self {
            entity,
            exported,
            columns,
            since,
        }
    }

    fn changed_since(&self, record: &Value) -> bool {
        let Some(since) = self.since else {
            return true;
        };
        record["updated_at"]
            .as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .is_some_and(|t| t.naive_utc() >= since)
    }
}

impl Source for Records {
    type Batch = Vec<Value>;

    fn ids_after(
        &self,
        conn: &mut DbConn,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<String>, ApiError> {
        Ok(exports::ids_after(
            conn,
            self.exported,
            after,
            self.since,
            limit,
        )?)
    }

    fn load(&self, conn: &mut DbConn, ids: &[String]) -> Result<Vec<Value>, ApiError> {
        // Contact persons are a company's; these records carry none.
        let mut found = current(conn, self.entity, ids, false)?;
        Ok(ids
            .iter()
            .filter_map(|id| found.remove(id))
            .filter(|record| self.changed_since(record))
            .collect())
    }

    fn csv_columns(&self) -> Vec<&'static str> {
        self.columns.iter().map(|(name, _)| *name).collect()
    }

    fn write(
        &self,
        batch: Vec<Value>,
        format: ExportFormat,
        out: &mut Vec<u8>,
    ) -> Result<(), ApiError> {
        for record in batch {
            match format {
                ExportFormat::Ndjson => {
                    serde_json::to_writer(&mut *out, &record).map_err(ApiError::internal)?;
                    out.push(b'\n');
                }
                ExportFormat::Csv => csv_record(
                    out,
                    self.columns.iter().map(|(_, path)| cell(&record, path)),
                )?,
            }
        }
        Ok(())
    }
}

/// The text of the value at `path` in `record` (see [`Column`]); empty when it is absent.
fn cell(record: &Value, path: &str) -> String {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    if let Some(list) = head.strip_suffix("[]") {
        let values = record[list]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        return joined(values.iter().map(|v| {
            if rest.is_empty() {
                text(v)
            } else {
                cell(v, rest)
            }
        }));
    }
    if rest.is_empty() {
        text(&record[head])
    } else {
        cell(&record[head], rest)
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Export products and services
///
/// For API keys with the `export` scope and administrators: every product and service of a
/// published company matching the product search's filters (all of them without filters), as
/// NDJSON (each as `GET /v1/products/{id}` shows it) or CSV, streamed from one snapshot.
/// `X-Change-Position` names the change-log position it is consistent with. See
/// `docs/data-access.md` for the CSV columns.
#[utoipa::path(
    operation_id = "exportProducts",
    tag = "data access",
    params(ExportParams, FilterParams),
    security(("api_key" = ["export"]), ("user_token" = [])),
    responses(
        (status = 200, description = "The products, one per line (NDJSON) or row (CSV with a header)", headers(("X-Change-Position" = i64, description = "The change-log position the export is consistent with")), content(
            (ProductDto = "application/x-ndjson"),
            (String = "text/csv"),
        )),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `export` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/products")]
pub async fn export_products(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Export)?;
    let (format, since) = ExportParams::parse(&req)?;
    let filters: FilterParams = query::parse(&req)?;
    filters.check_target(Target::Products)?;
    let request = filters.request(|raw| ProductKind::parse(raw).map(ProductKind::as_str))?;
    let chosen = super::choose(&index, Target::Products, filters.q(), request).await?;
    let source = Records::new(Exported::Product, since);
    super::stream(&db, source, format, chosen).await
}

/// Export events
///
/// For API keys with the `export` scope and administrators: every public event (published or
/// cancelled, of a published organiser), as NDJSON (each as `GET /v1/events/{id}` shows it)
/// or CSV, streamed from one snapshot, optionally only those changed since `updated_since`.
/// `X-Change-Position` names the change-log position it is consistent with.
#[utoipa::path(
    operation_id = "exportEvents",
    tag = "data access",
    params(ExportParams),
    security(("api_key" = ["export"]), ("user_token" = [])),
    responses(
        (status = 200, description = "The events, one per line (NDJSON) or row (CSV with a header)", headers(("X-Change-Position" = i64, description = "The change-log position the export is consistent with")), content(
            (EventDto = "application/x-ndjson"),
            (String = "text/csv"),
        )),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `export` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/events")]
pub async fn export_events(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Export)?;
    let (format, since) = ExportParams::parse(&req)?;
    super::stream(&db, Records::new(Exported::Event, since), format, None).await
}

/// Export cooperation opportunities
///
/// For API keys with the `export` scope and administrators: every published opportunity of a
/// published organisation (expired ones included, marked `expired`), as NDJSON (each as
/// `GET /v1/opportunities/{id}` shows it) or CSV, streamed from one snapshot, optionally only
/// those changed since `updated_since`. `X-Change-Position` names the change-log position it is
/// consistent with.
#[utoipa::path(
    operation_id = "exportOpportunities",
    tag = "data access",
    params(ExportParams),
    security(("api_key" = ["export"]), ("user_token" = [])),
    responses(
        (status = 200, description = "The opportunities, one per line (NDJSON) or row (CSV with a header)", headers(("X-Change-Position" = i64, description = "The change-log position the export is consistent with")), content(
            (OpportunityDto = "application/x-ndjson"),
            (String = "text/csv"),
        )),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `export` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/opportunities")]
pub async fn export_opportunities(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Export)?;
    let (format, since) = ExportParams::parse(&req)?;
    super::stream(
        &db,
        Records::new(Exported::Opportunity, since),
        format,
        None,
    )
    .await
}
