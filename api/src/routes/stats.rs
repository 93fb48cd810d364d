//! Statistics for chambers and associations: counts of companies by region, NACE section,
//! country and kind, of opportunities by type and partnerships by status (never their parties),
//! and events and registrations per month. As JSON or CSV.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::Utc;
use domain::account::ApiScope;
use domain::company::CompanyKind;
use domain::search::{Facet, OpportunityFilters, SearchRequest};
use persistence::{events, partnerships, registrations};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::search::{Facets, FilterParams, Search};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::query;

/// What companies can be grouped by.
const GROUPS: [Facet; 5] = [
    Facet::Region,
    Facet::NaceSection,
    Facet::Country,
    Facet::Kind,
    Facet::Size,
];

/// The query of the statistics besides the company search's filters: groups and format.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsParams {
    /// Count companies by these, comma-separated: `region`, `nace_section`, `country`, `kind`,
    /// `size` (default: all five).
    #[param(example = "region,nace_section", max_length = 100)]
    #[validate(length(max = 100, message = "too many groups"))]
    group_by: Option<String>,
    /// `json` (the default) or `csv`; without it, `Accept: text/csv` asks for CSV.
    #[param(example = "csv", max_length = 8)]
    #[validate(length(max = 8, message = "not a format"))]
    format: Option<String>,
}

/// A count of one value.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    pub value: String,
    pub count: i64,
}

/// Events starting in a month, and the registrations for them (holding a place or waiting).
#[derive(Debug, Serialize, ToSchema)]
pub struct Month {
    #[schema(example = "2027-03")]
    pub month: String,
    pub events: i64,
    pub registrations: i64,
}

/// The statistics.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statistics {
    /// Published companies matching the filters, by the groups asked for.
    pub companies: Facets,
    /// Valid published opportunities, by type.
    pub opportunities: Facets,
    /// Partnerships by status: counts only.
    pub partnerships: Vec<Count>,
    /// Public events (published or cancelled) and their registrations by the month they start.
    pub events: Vec<Month>,
}

/// Statistics of the platform
///
/// For API keys with the `stats` scope and administrators. Company counts go through the
/// search index and take the company search's filters; labels of regions and NACE sections
/// come in German, Czech and English. `format=csv` (or `Accept: text/csv`) gives one row per
/// count: `group,value,label_de,label_cs,label_en,count`.
#[utoipa::path(
    operation_id = "getStatistics",
    tag = "data access",
    params(StatsParams, FilterParams),
    security(("api_key" = ["stats"]), ("user_token" = [])),
    responses(
        (status = 200, description = "The counts", content(
            (Statistics = "application/json"),
            (String = "text/csv"),
        )),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `stats` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/stats/companies")]
pub async fn get_statistics(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Stats)?;
    let params: StatsParams = query::parse(&req)?;
    let filters: FilterParams = query::parse(&req)?;
    let csv = match params.format.as_deref() {
        None => super::accepts_csv(&req),
        Some("json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::invalid_parameter(
                "format",
                domain::InvalidValue::new(
                    "unknown_format",
                    format!("'{other}' is not a format; expected json or csv"),
                ),
            ));
        }
    };
    let groups = match params.group_by.as_deref() {
        None => GROUPS.to_vec(),
        Some(raw) => raw
            .split(',')
            .map(|name| match Facet::parse(name.trim()) {
                Ok(facet) if GROUPS.contains(&facet) => Ok(facet),
                _ => Err(ApiError::invalid_parameter(
                    "group_by",
                    domain::InvalidValue::new(
                        "unknown_group",
                        format!(
                            "'{name}' is not a group; expected region, nace_section, country or \
                             kind"
                        ),
                    ),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?,
    };
    let companies = SearchRequest {
        facets: groups,
        ..filters.request(|raw| CompanyKind::parse(raw).map(CompanyKind::as_str))?
    };
    let companies = Search::new(Target::Companies, filters.q(), companies, None, None)?;
    let opportunities = Search::new(
        Target::Opportunities,
        None,
        SearchRequest {
            facets: vec![Facet::Kind],
            opportunities: OpportunityFilters {
                valid_at: Some(Utc::now()),
                ..OpportunityFilters::default()
            },
            ..SearchRequest::default()
        },
        None,
        None,
    )?;
    let index = index.into_inner();
    let statistics = db
        .run(move |conn| {
            let partnerships = partnerships::count_by_status(conn)?
                .into_iter()
                .map(|(value, count)| Count { value, count })
                .collect();
            let starts = events::public_starts(conn)?;
            let ids: Vec<String> = starts.iter().map(|(id, _)| id.clone()).collect();
            let counts = registrations::counts(conn, &ids)?;
            let mut months: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            for (id, starts_at) in starts {
                let month = months
                    .entry(starts_at.format("%Y-%m").to_string())
                    .or_default();
                month.0 += 1;
                if let Some(c) = counts.get(&id) {
                    month.1 += c.exhibitors_confirmed
                        + c.exhibitors_waiting
                        + c.visitors_confirmed
                        + c.visitors_waiting;
                }
            }
            Ok(Statistics {
                companies: companies.counts(&index)?,
                opportunities: opportunities.counts(&index)?,
                partnerships,
                events: months
                    .into_iter()
                    .map(|(month, (events, registrations))| Month {
                        month,
                        events,
                        registrations,
                    })
                    .collect(),
            })
        })
        .await?;
    if csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(rows(&statistics)?));
    }
    Ok(HttpResponse::Ok().json(statistics))
}

/// The statistics as CSV rows: `group,value,label_de,label_cs,label_en,count`.
fn rows(statistics: &Statistics) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "group", "value", "label_de", "label_cs", "label_en", "count",
        ])
        .map_err(ApiError::internal)?;
    let facets = |name: &str, facets: &Facets| -> Vec<(String, String, [String; 3], i64)> {
        let mut out = vec![(
            name.to_owned(),
            "total".to_owned(),
            Default::default(),
            facets.total,
        )];
        for (group, values) in [
            ("region", &facets.region),
            ("nace_section", &facets.nace_section),
            ("country", &facets.country),
            ("kind", &facets.kind),
            ("size", &facets.size),
        ] {
            for value in values.iter().flatten() {
                let label = value.label.as_ref().map_or_else(Default::default, |l| {
                    [l.de.clone(), l.cs.clone(), l.en.clone()]
                });
                out.push((
                    format!("{name}.{group}"),
                    value.value.clone(),
                    label,
                    value.count,
                ));
            }
        }
        out
    };
    let mut all = facets("companies", &statistics.companies);
    all.extend(facets("opportunities", &statistics.opportunities));
    for count in &statistics.partnerships {
        all.push((
            "partnerships.status".into(),
            count.value.clone(),
            Default::default(),
            count.count,
        ));
    }
    for month in &statistics.events {
        all.push((
            "events.month".into(),
            month.month.clone(),
            Default::default(),
            month.events,
        ));
        all.push((
            "registrations.month".into(),
            month.month.clone(),
            Default::default(),
            month.registrations,
        ));
    }
    for (group, value, [de, cs, en], count) in &all {
        let count = count.to_string();
        writer
            .write_record([group, value, de, cs, en, &count])
            .map_err(ApiError::internal)?;
    }
    writer.into_inner().map_err(ApiError::internal)
}
