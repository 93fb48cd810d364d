//! Cooperation opportunities: what organisations offer and seek, searched through the index
//! like companies and edited by the organisation's members.

pub mod input;

use actix_web::http::header::EntityTag;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use domain::company::CompanyStatus;
use domain::country::Country;
use domain::opportunity::{OpportunityStatus, OpportunityType, PartnershipType};
use domain::reference::{Catalog, NaceCode, RegionCode};
use domain::search::{EventFilters, OpportunityFilters, SearchRequest, Sort};
use persistence::DbConn;
use persistence::opportunities::{self as store, Opportunity, Text, lines};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use self::input::{OpportunityInput, OpportunityPatch, partnership_types, target_countries};
use super::companies::{corrupt, not_found as company_not_found};
use super::events::OrganisationRef;
use super::labels::{IndustryRef, LocalizedTextDto};
use super::reference::CountryDto;
use super::search::{self, Search, SearchPage};
use crate::auth::{Caller, UserCaller};
use crate::body::{self, Json};
use crate::conditional::{self, IfMatchHeader, IfNoneMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination::{self, Page, PageParams};
use crate::policy::{self, Action};
use crate::query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = OpportunityType)]
pub enum OpportunityTypeDto {
    BusinessOffer,
    BusinessRequest,
    TechnologyOffer,
    TechnologyRequest,
    ResearchRequest,
}

mirror_enum!(
    OpportunityTypeDto,
    OpportunityType {
        BusinessOffer,
        BusinessRequest,
        TechnologyOffer,
        TechnologyRequest,
        ResearchRequest
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PartnershipType)]
pub enum PartnershipTypeDto {
    Supplier,
    Subcontracting,
    ManufacturingAgreement,
    DistributionAgency,
    JointVenture,
    TechnicalCooperation,
    ResearchCooperation,
    Licence,
}

mirror_enum!(
    PartnershipTypeDto,
    PartnershipType {
        Supplier,
        Subcontracting,
        ManufacturingAgreement,
        DistributionAgency,
        JointVenture,
        TechnicalCooperation,
        ResearchCooperation,
        Licence
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = OpportunityStatus)]
pub enum OpportunityStatusDto {
    Draft,
    Published,
}

mirror_enum!(OpportunityStatusDto, OpportunityStatus { Draft, Published });

/// What an organisation offers or seeks, and the partners it looks for.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Opportunity)]
pub struct OpportunityDto {
    pub id: String,
    pub company: OrganisationRef,
    #[serde(rename = "type")]
    pub kind: OpportunityTypeDto,
    pub status: OpportunityStatusDto,
    pub title: LocalizedTextDto,
    pub summary: LocalizedTextDto,
    pub description: LocalizedTextDto,
    pub industries: Vec<IndustryRef>,
    pub keywords: Vec<String>,
    pub partnership_types: Vec<PartnershipTypeDto>,
    pub target_countries: Vec<CountryDto>,
    pub target_regions: Vec<String>,
    pub valid_until: NaiveDate,
    /// Whether `valid_until` has passed: the opportunity is out of the public lists.
    pub expired: bool,
    /// Increases with every change; the ETag is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In searches with `near` or `near_postal_code`: the distance of the organisation in km.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

impl OpportunityDto {
    pub fn new(opportunity: Opportunity) -> Result<Self, ApiError> {
        let row = &opportunity.row;
        let kind = OpportunityType::parse(&row.kind).map_err(|_| corrupt("type", &row.kind))?;
        let status =
            OpportunityStatus::parse(&row.status).map_err(|_| corrupt("status", &row.status))?;
        let [title, summary, description] = [Text::Title, Text::Summary, Text::Description]
            .map(|which| opportunity.text(which).into());
        Ok(Self {
            industries: IndustryRef::all(lines(&row.nace))?,
            keywords: lines(&row.keywords).map(str::to_owned).collect(),
            partnership_types: partnership_types(row)?,
            target_countries: target_countries(row)?,
            target_regions: lines(&row.target_regions).map(str::to_owned).collect(),
            expired: row.valid_until < Utc::now().date_naive(),
            valid_until: row.valid_until,
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
            distance_km: None,
            kind: kind.into(),
            status: status.into(),
            title,
            summary,
            description,
            company: OrganisationRef::new(row.company_id.clone(), opportunity.publisher.name),
            id: opportunity.row.id,
        })
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::no_such("opportunity", id)
}

fn etag(opportunity: &Opportunity) -> EntityTag {
    EntityTag::new_strong(format!(
        "{}.{}",
        opportunity.row.version,
        &Catalog::get().fingerprint()[..8]
    ))
}

fn respond(req: &HttpRequest, opportunity: Opportunity) -> Result<HttpResponse, ApiError> {
    let etag = etag(&opportunity);
    let dto = OpportunityDto::new(opportunity)?;
    Ok(conditional::respond(req, etag, |mut response| {
        response.json(dto)
    }))
}

/// How visible an opportunity is: like its organisation when published, else a draft.
fn visibility(opportunity: &Opportunity) -> &str {
    if opportunity.row.status == OpportunityStatus::Published.as_str() {
        &opportunity.publisher.status
    } else {
        CompanyStatus::Draft.as_str()
    }
}

/// An opportunity the caller may see; 404 otherwise.
fn visible(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<Opportunity, ApiError> {
    let opportunity = store::find(conn, id)?.ok_or_else(|| not_found(id))?;
    let company_id = opportunity.row.company_id.clone();
    if policy::can_see(conn, caller, &company_id, visibility(&opportunity))? {
        Ok(opportunity)
    } else {
        Err(not_found(id))
    }
}

/// Loads an opportunity for a change by its organisation's members (404 when the caller may
/// not see it).
fn load_for_change(
    conn: &mut DbConn,
    user: &UserCaller,
    id: &str,
) -> Result<Opportunity, ApiError> {
    let opportunity = store::find(conn, id)?.ok_or_else(|| not_found(id))?;
    let company_id = opportunity.row.company_id.clone();
    match policy::authorise(conn, user, &company_id, Action::ManageOpportunities) {
        Ok(_) => Ok(opportunity),
        Err(ApiError::Forbidden(_))
            if visibility(&opportunity) != CompanyStatus::Published.as_str() =>
        {
            Err(not_found(id))
        }
        Err(ApiError::NotFound(_)) => Err(not_found(id)),
        Err(other) => Err(other),
    }
}

/// The query of `GET /v1/opportunities`.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpportunityParams {
    /// Words to search for in titles, texts and keywords, in German, Czech or English, matched
    /// like the company search: a German word finds an opportunity written only in Czech.
    #[param(max_length = 200, example = "Lohnfertigung")]
    #[validate(length(max = 200, message = "the query is too long: at most 200 characters"))]
    q: Option<String>,
    /// Only these types. Repeatable or comma-separated.
    #[serde(rename = "type", default)]
    #[param(value_type = Option<Vec<OpportunityTypeDto>>, max_items = 5)]
    #[validate(length(max = 5, message = "at most 5 types"))]
    kind: Vec<String>,
    /// Only opportunities seeking one of these partnership types.
    #[serde(default)]
    #[param(value_type = Option<Vec<PartnershipTypeDto>>, max_items = 8)]
    #[validate(length(max = 8, message = "at most 8 partnership types"))]
    partnership_type: Vec<String>,
    /// Only opportunities of organisations in this country.
    #[param(value_type = Option<CountryDto>)]
    country: Option<String>,
    /// Only opportunities of organisations in these NUTS-3 regions.
    #[serde(default)]
    #[param(value_type = Option<Vec<String>>, example = "CZ042", max_items = 27)]
    #[validate(length(max = 27, message = "at most 27 regions"))]
    region: Vec<String>,
    /// `true`: only organisations in the Interreg Sachsen–Česko programme area.
    #[param(value_type = Option<bool>)]
    programme_area: Option<String>,
    /// Only opportunities in these industries, NACE Rev. 2 at any level.
    #[serde(default)]
    #[param(value_type = Option<Vec<String>>, example = "25", max_items = 20)]
    #[validate(length(max = 20, message = "at most 20 NACE codes"))]
    nace: Vec<String>,
    /// Only opportunities aimed at partners in this country.
    #[param(value_type = Option<CountryDto>)]
    target_country: Option<String>,
    /// Only opportunities of these organisations (company ids).
    #[serde(default)]
    #[param(value_type = Option<Vec<String>>, max_items = 20)]
    #[validate(length(max = 20, message = "at most 20 organisations"))]
    company: Vec<String>,
    /// Measure distances from this point, `latitude,longitude`.
    #[param(example = "50.66,14.03", max_length = 64)]
    #[validate(length(max = 64, message = "not a position"))]
    near: Option<String>,
    /// Measure distances from this postal code's centre, `DE-01067` or `CZ-40001`.
    #[param(example = "CZ-40001", max_length = 16)]
    #[validate(length(max = 16, message = "not a postal code"))]
    near_postal_code: Option<String>,
    /// Only opportunities of organisations at most this far, in km (up to 500).
    #[param(value_type = Option<f64>, example = 50)]
    radius_km: Option<String>,
    /// `relevance` (the default with `q`), `name` (by title, the default without), `distance`
    /// or `newest`.
    #[param(inline, value_type = Option<search::SortOrder>)]
    sort: Option<String>,
    /// Count the results by `kind` (their type), `partnership_type`, `country`, `region`,
    /// `nace_section`, comma-separated.
    #[param(example = "kind,partnership_type,country", max_length = 100)]
    #[validate(length(max = 100, message = "too many facets"))]
    facets: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    cursor: Option<String>,
}

const FACETS: &[domain::search::Facet] = &[
    domain::search::Facet::Kind,
    domain::search::Facet::PartnershipType,
    domain::search::Facet::Country,
    domain::search::Facet::Region,
    domain::search::Facet::NaceSection,
];

/// Search opportunities
///
/// Published opportunities that are still valid, of published organisations: offers and
/// requests for business, technology and research partners, searched like the company
/// directory (folding, glossary, cross-language) and filtered, with facets.
#[utoipa::path(
    operation_id = "listOpportunities",
    tag = "opportunities",
    params(OpportunityParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of matching opportunities, with facets", body = SearchPage<OpportunityDto>, headers(("Link" = String, description = "`<...>; rel=\"next\"` while there are more pages"))),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/opportunities")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: OpportunityParams = query::parse(&req)?;
    let request = SearchRequest {
        query: None,
        country: query::optional("country", params.country.as_deref(), str::parse)?,
        regions: query::each("region", &params.region, RegionCode::parse)?,
        programme_area: search::flag("programme_area", params.programme_area.as_deref())?
            .unwrap_or(false),
        nace: query::each("nace", &params.nace, NaceCode::parse)?,
        kinds: query::each("type", &params.kind, |raw| {
            OpportunityType::parse(raw).map(OpportunityType::as_str)
        })?,
        sizes: Vec::new(),
        verified: None,
        has_products: None,
        near: search::near(
            params.near.as_deref(),
            params.near_postal_code.as_deref(),
            params.radius_km.as_deref(),
        )?,
        sort: query::optional("sort", params.sort.as_deref(), Sort::parse)?,
        facets: search::facets(params.facets.as_deref(), FACETS)?,
        events: EventFilters::default(),
        opportunities: OpportunityFilters {
            valid_at: Some(Utc::now()),
            partnership_types: query::each("partnership_type", &params.partnership_type, |raw| {
                PartnershipType::parse(raw).map(PartnershipType::as_str)
            })?,
            target_countries: query::optional(
                "target_country",
                params.target_country.as_deref(),
                str::parse::<Country>,
            )?
            .into_iter()
            .collect(),
            companies: params.company.clone(),
        },
    };
    let search = Search::new(
        Target::Opportunities,
        params.q,
        request,
        params.cursor.as_deref(),
        params.limit.as_deref(),
    )?;
    search
        .respond(
            &req,
            &db,
            &index,
            store::by_ids,
            |o| &o.row.id,
            |opportunity, distance_km| {
                Ok(OpportunityDto {
                    distance_km,
                    ..OpportunityDto::new(opportunity)?
                })
            },
        )
        .await
}

/// Publish an opportunity
///
/// For the organisation's members and administrators. A draft unless `status` says
/// `published`; a draft organisation's opportunities stay private until it is published.
#[utoipa::path(
    operation_id = "createOpportunity",
    tag = "opportunities",
    request_body = OpportunityInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The created opportunity", body = OpportunityDto, headers(("Location" = String), ("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organisation, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No organisation with `company_id` is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/opportunities")]
pub async fn create(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<OpportunityInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let new = body.0.validate()?;
    let opportunity = db
        .run(move |conn| {
            policy::authorise(conn, &user, &new.company_id, Action::ManageOpportunities)?;
            let id = store::create(conn, &new)?;
            store::find(conn, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    let location = format!("/v1/opportunities/{}", opportunity.row.id);
    conditional::created(respond(&req, opportunity)?, &location)
}

/// Get an opportunity
///
/// Published ones of published organisations for everybody (also after they expired, marked
/// `expired`); drafts for the organisation's members and administrators.
#[utoipa::path(
    operation_id = "getOpportunity",
    tag = "opportunities",
    params(("id" = String, Path, description = "The opportunity's id"), IfNoneMatchHeader),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The opportunity", body = OpportunityDto, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No opportunity with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/opportunities/{id}")]
pub async fn get(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let id = id.into_inner();
    let opportunity = db.run(move |conn| visible(conn, &caller, &id)).await?;
    respond(&req, opportunity)
}

/// Change an opportunity
///
/// A JSON merge patch (RFC 7396) of `OpportunityInput`, for the organisation's members and
/// administrators; `If-Match` with the `ETag` avoids overwriting someone else's change (412).
/// Extending `valid_until` brings an expired opportunity back.
#[utoipa::path(
    operation_id = "updateOpportunity",
    tag = "opportunities",
    params(("id" = String, Path, description = "The opportunity's id"), IfMatchHeader),
    request_body(content(
        (OpportunityPatch = "application/merge-patch+json"),
        (OpportunityPatch = "application/json"),
    )),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The updated opportunity", body = OpportunityDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No opportunity with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The opportunity changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/opportunities/{id}")]
pub async fn update(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let patch = body.0;
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    let opportunity = db
        .run(move |conn| {
            let opportunity = load_for_change(conn, &user, &id)?;
            let current = serde_json::to_value(OpportunityInput::try_from(&opportunity)?)
                .map_err(ApiError::internal)?;
            let mut merged = current.clone();
            body::merge_patch(&mut merged, patch);
            let unchanged = merged == current;
            let new = body::from_merged::<OpportunityInput>(merged)?.validate()?;
            if new.company_id != opportunity.row.company_id {
                return Err(ApiError::invalid_field(
                    "/company_id",
                    domain::InvalidValue::new(
                        "read_only",
                        "an opportunity's organisation cannot change; publish it anew",
                    ),
                ));
            }
            // Checked last: an invalid patch is a 400 or 422 whatever version it names.
            if !precondition.allows(opportunity.row.version) {
                return Err(ApiError::PreconditionFailed);
            }
            let version = opportunity.row.version;
            if !unchanged && !store::update(conn, &opportunity.row, version, &new)? {
                return Err(ApiError::PreconditionFailed);
            }
            store::find(conn, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    respond(&req, opportunity)
}

/// Delete an opportunity
///
/// For the organisation's members and administrators. Honours `If-Match`.
#[utoipa::path(
    operation_id = "deleteOpportunity",
    tag = "opportunities",
    params(("id" = String, Path, description = "The opportunity's id"), IfMatchHeader),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No opportunity with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The opportunity changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/opportunities/{id}")]
pub async fn remove(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    db.run(move |conn| {
        let opportunity = load_for_change(conn, &user, &id)?;
        if !precondition.allows(opportunity.row.version) {
            return Err(ApiError::PreconditionFailed);
        }
        if store::delete(conn, &id, opportunity.row.version)? {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An organisation's opportunities
///
/// In the order they were published, expired ones included; its drafts for its members and
/// administrators. Visible like the organisation.
#[utoipa::path(
    operation_id = "listCompanyOpportunities",
    tag = "opportunities",
    params(("id" = String, Path, description = "The company's id"), PageParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of the organisation's opportunities", body = Page<OpportunityDto>),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/opportunities")]
pub async fn of_company(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let id = id.into_inner();
    let opportunities = db
        .run(move |conn| {
            let company =
                persistence::companies::find(conn, &id)?.ok_or_else(|| company_not_found(&id))?;
            if !policy::can_see(conn, &caller, &id, &company.row.status)? {
                return Err(company_not_found(&id));
            }
            let drafts = policy::can_see(conn, &caller, &id, CompanyStatus::Draft.as_str())?;
            Ok(store::of_company(
                conn,
                &id,
                drafts,
                after.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    pagination::respond_by_id(
        &req,
        opportunities,
        limit,
        |o| &o.row.id,
        OpportunityDto::new,
    )
}
