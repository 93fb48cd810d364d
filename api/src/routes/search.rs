//! The search parameters shared by the company and product directories, their facets and
//! paging.

use actix_web::http::header;
use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use diesel::QueryResult;
use domain::InvalidValue;
use domain::company::SizeClass;
use domain::reference::{Catalog, NaceCode, RegionCode};
use domain::search::{
    EventFilters, Facet, Near, OpportunityFilters, SearchQuery, SearchRequest, Sort,
};
use persistence::DbConn;
use search_index::{FacetCount, Matching, Position, Results, SearchIndex, Target};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::labels::LabelsDto;
use super::reference::CountryDto;
use crate::db::Db;
use crate::error::{ApiError, FieldError};
use crate::openapi::enums::domain_enum_schema;
use crate::pagination;
use crate::query;

/// The directory's filters as query parameters: of `GET /v1/companies` and `GET /v1/products`,
/// and of the export and the statistics. Values arrive as text and are parsed one by one so
/// that an error names the parameter; the declared types document them. (Parameters nobody
/// declared are refused before any handler runs: `operations::declared_parameters`.)
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// Words to search for, in German, Czech or English. Case, diacritics and `ß`/`ss` do not
    /// matter; each word also matches longer words it begins ("zprac" finds "zpracování"), its
    /// translations in the industry glossary and, for German compounds, its parts. Every word
    /// must match; when no result matches every word, the results matching the most words
    /// are returned with `match: partial`.
    #[param(max_length = 200, example = "Holzverarbeitung Bautzen")]
    #[validate(length(max = 200, message = "the query is too long: at most 200 characters"))]
    q: Option<String>,
    /// Only results in this country.
    #[param(value_type = Option<CountryDto>)]
    country: Option<String>,
    /// Only results in one of these NUTS-3 regions (repeat the parameter, `region=DED2C&region=CZ042`, or separate by commas).
    #[param(value_type = Option<Vec<String>>, example = "DED2C", max_items = 27)]
    #[serde(default)]
    #[validate(length(max = 27, message = "at most 27 regions"))]
    region: Vec<String>,
    /// `true`: only the Interreg Sachsen–Česko programme area (`false` is the same as leaving
    /// it out).
    #[param(value_type = Option<bool>)]
    programme_area: Option<String>,
    /// Only results active in one of these NACE Rev. 2 codes, at any level: a section (`C`) or
    /// division (`16`) matches every code below it. Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, example = "16", max_items = 20)]
    #[serde(default)]
    #[validate(length(max = 20, message = "at most 20 NACE codes"))]
    nace: Vec<String>,
    /// Companies: the kind of organisation (`company`, `research_institution`, `multiplier`,
    /// `public_body`). Products: `product` or `service`. Repeatable or comma-separated.
    #[param(value_type = Option<Vec<String>>, example = "company", max_items = 4)]
    #[serde(default)]
    #[validate(length(max = 4, message = "at most 4 kinds"))]
    kind: Vec<String>,
    /// Only companies (or products of companies) of these size classes. Repeatable or comma-separated.
    #[param(value_type = Option<Vec<super::companies::SizeClassDto>>, max_items = 4)]
    #[serde(default)]
    #[validate(length(max = 4, message = "at most 4 size classes"))]
    size: Vec<String>,
    /// Only verified (`true`) or only unverified (`false`) organisations.
    #[param(value_type = Option<bool>)]
    verified: Option<String>,
    /// Companies only: only those with (`true`) or without (`false`) products and services.
    #[param(value_type = Option<bool>)]
    has_products: Option<String>,
    /// Measure distances from this point, `latitude,longitude` (WGS 84); results carry
    /// `distance_km`. Give `near` or `near_postal_code`, not both (else 422).
    #[param(example = "51.0504,13.7373", max_length = 64)]
    #[validate(length(max = 64, message = "not a position"))]
    near: Option<String>,
    /// Measure distances from this postal code's centre, `DE-01067` or `CZ-40001` (a postal
    /// code that exists). Not together with `near`.
    #[param(example = "DE-01067", max_length = 16)]
    #[validate(length(max = 16, message = "not a postal code"))]
    near_postal_code: Option<String>,
    /// Only results at most this far from `near` / `near_postal_code`, in km (up to 500).
    /// Results without a known location are then left out.
    #[param(value_type = Option<f64>, example = 25)]
    radius_km: Option<String>,
}

/// The order and pages of `GET /v1/companies` and `GET /v1/products`, besides their filters.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// `relevance` (the default with `q`: whole-query name matches first), `name` (the
    /// default without `q`), `distance` (needs `near`; unknown locations last) or `newest`.
    #[param(inline, value_type = Option<SortOrder>, example = "relevance")]
    sort: Option<String>,
    /// Count the results by these dimensions, comma-separated: `country`, `region`,
    /// `nace_section`, `kind`. Counts cover all results, not just the page.
    #[param(example = "country,region,nace_section,kind", max_length = 100)]
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

/// A parsed search: everything but the text query, which needs the administrators' glossary
/// terms the index keeps (see [`Search::run`]).
#[derive(Debug)]
pub struct Search {
    target: Target,
    q: Option<String>,
    request: SearchRequest,
    /// Where the previous page ended, and how much of the query its results matched.
    after: Option<(Position, Matching)>,
    pub limit: i64,
}

/// The point distances are measured from (`near` or `near_postal_code`, not both) and the
/// radius around it.
pub fn near(
    near: Option<&str>,
    near_postal_code: Option<&str>,
    radius_km: Option<&str>,
) -> Result<Option<Near>, ApiError> {
    let point = match (near, near_postal_code) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid_parameter(
                "near_postal_code",
                InvalidValue::new("conflicting", "give near or near_postal_code, not both"),
            ));
        }
        (Some(raw), None) => {
            Some(Near::parse(raw).map_err(|e| ApiError::invalid_parameter("near", e))?)
        }
        (None, Some(raw)) => Some(
            Near::postal_code(raw)
                .map_err(|e| ApiError::invalid_parameter("near_postal_code", e))?,
        ),
        (None, None) => None,
    };
    let radius_km = query::optional("radius_km", radius_km, Near::radius)?;
    if radius_km.is_some() && point.is_none() {
        return Err(ApiError::invalid_parameter(
            "radius_km",
            InvalidValue::new("needs_near", "radius_km needs near or near_postal_code"),
        ));
    }
    Ok(point.map(|(latitude, longitude)| Near {
        latitude,
        longitude,
        radius_km,
    }))
}

/// The facets of the company, product and event searches.
pub const DIRECTORY_FACETS: &[Facet] = &[
    Facet::Country,
    Facet::Region,
    Facet::NaceSection,
    Facet::Kind,
];

/// The facets asked for, comma-separated, each once; each one of `allowed`.
pub fn facets(raw: Option<&str>, allowed: &[Facet]) -> Result<Vec<Facet>, ApiError> {
    let mut facets = Vec::new();
    for name in raw
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let facet = Facet::parse(name)
            .ok()
            .filter(|f| allowed.contains(f))
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|f| f.as_str()).collect();
                ApiError::invalid_parameter(
                    "facets",
                    InvalidValue::new(
                        "unknown_facet",
                        format!(
                            "'{name}' is not a facet here; expected one of: {}",
                            names.join(", ")
                        ),
                    ),
                )
            })?;
        if !facets.contains(&facet) {
            facets.push(facet);
        }
    }
    Ok(facets)
}

/// A `true`/`false` parameter.
pub fn flag(name: &str, raw: Option<&str>) -> Result<Option<bool>, ApiError> {
    query::optional(name, raw, |value| match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(InvalidValue::new(
            "invalid_boolean",
            format!("'{value}' is neither true nor false"),
        )),
    })
}

impl FilterParams {
    /// The search request they make, without order or facets; `kind` parses kinds. The text
    /// query stays apart (see [`Search::new`]).
    pub fn request(
        &self,
        kind: impl Fn(&str) -> Result<&'static str, InvalidValue>,
    ) -> Result<SearchRequest, ApiError> {
        Ok(SearchRequest {
            query: None,
            country: query::optional("country", self.country.as_deref(), str::parse)?,
            regions: query::each("region", &self.region, RegionCode::parse)?,
            programme_area: flag("programme_area", self.programme_area.as_deref())?
                .unwrap_or(false),
            nace: query::each("nace", &self.nace, NaceCode::parse)?,
            kinds: query::each("kind", &self.kind, kind)?,
            sizes: query::each("size", &self.size, SizeClass::parse)?,
            verified: flag("verified", self.verified.as_deref())?,
            has_products: flag("has_products", self.has_products.as_deref())?,
            near: near(
                self.near.as_deref(),
                self.near_postal_code.as_deref(),
                self.radius_km.as_deref(),
            )?,
            sort: None,
            facets: Vec::new(),
            events: EventFilters::default(),
            opportunities: OpportunityFilters::default(),
        })
    }

    /// Refuses filters that do not apply to `target`: `has_products` is about companies.
    pub fn check_target(&self, target: Target) -> Result<(), ApiError> {
        if target == Target::Products && self.has_products.is_some() {
            return Err(ApiError::invalid_parameter(
                "has_products",
                InvalidValue::new("not_applicable", "has_products applies to companies only"),
            ));
        }
        Ok(())
    }

    /// The text query, if any.
    pub fn q(&self) -> Option<String> {
        self.q.clone()
    }
}

impl Search {
    /// Parses the request's query string for a search of `target`; `kind` parses its kinds.
    pub fn parse(
        req: &HttpRequest,
        target: Target,
        kind: impl Fn(&str) -> Result<&'static str, InvalidValue>,
    ) -> Result<Self, ApiError> {
        let filters: FilterParams = query::parse(req)?;
        let params: SearchParams = query::parse(req)?;
        filters.check_target(target)?;
        let request = SearchRequest {
            sort: query::optional("sort", params.sort.as_deref(), Sort::parse)?,
            facets: facets(params.facets.as_deref(), DIRECTORY_FACETS)?,
            ..filters.request(kind)?
        };
        Self::new(
            target,
            filters.q(),
            request,
            params.cursor.as_deref(),
            params.limit.as_deref(),
        )
    }

    /// A search of `target` for `request` and the text `q`, continuing after `cursor`.
    pub fn new(
        target: Target,
        q: Option<String>,
        request: SearchRequest,
        cursor: Option<&str>,
        limit: Option<&str>,
    ) -> Result<Self, ApiError> {
        request
            .check()
            .map_err(|(name, e)| ApiError::invalid_parameter(name, e))?;
        let limit = pagination::limit(limit)?;
        let q = q.filter(|q| !q.trim().is_empty());
        let sort = Sort::effective(request.sort, q.is_some());
        let after = cursor.map(|raw| decode_position(raw, sort)).transpose()?;
        Ok(Search {
            target,
            q,
            request,
            after,
            limit,
        })
    }

    /// Runs the search on the index, loads its results from the database with `load` (one
    /// batch for the page) and answers the page; `item` makes a result and its distance into
    /// what the client sees. Results are matched to their hits by `id_of`, so one deleted in
    /// between is left out rather than shifting the others.
    pub async fn respond<T, D>(
        self,
        req: &HttpRequest,
        db: &Db,
        index: &web::Data<SearchIndex>,
        load: impl FnOnce(&mut DbConn, &[String]) -> QueryResult<Vec<T>> + Send + 'static,
        id_of: fn(&T) -> &str,
        item: impl Fn(T, Option<f64>) -> Result<D, ApiError>,
    ) -> Result<HttpResponse, ApiError>
    where
        T: Send + 'static,
        D: Serialize,
    {
        let sort = self.sort();
        let requested = self.request.facets.clone();
        let with_query = self.q.is_some();
        let index = index.clone().into_inner();
        let (results, has_more, near, loaded) = db
            .run(move |conn| {
                let (results, has_more, near) = self.run(&index)?;
                let ids: Vec<String> = results.hits.iter().map(|h| h.position.id.clone()).collect();
                let loaded = load(conn, &ids)?;
                Ok((results, has_more, near, loaded))
            })
            .await?;
        let next_cursor = has_more
            .then(|| results.hits.last())
            .flatten()
            .map(|last| encode_position(sort, results.matching, &last.position));
        let distances: HashMap<&str, Option<f64>> = results
            .hits
            .iter()
            .map(|h| (h.position.id.as_str(), distance_km(near, h.location)))
            .collect();
        let items = loaded
            .into_iter()
            .map(|t| {
                let distance = distances.get(id_of(&t)).copied().flatten();
                item(t, distance)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let facets = (!requested.is_empty())
            .then(|| Facets::from_counts(&requested, results.total, results.facets));
        let matched = with_query.then_some(match results.matching {
            Matching::All => MatchDto::All,
            Matching::AtLeast(_) => MatchDto::Partial,
        });
        let mut response = HttpResponse::Ok();
        response.insert_header((header::VARY, "Authorization"));
        if let Some(cursor) = &next_cursor {
            response.insert_header((header::LINK, pagination::next_link(req, cursor)));
        }
        Ok(response.json(SearchPage {
            items,
            next_cursor,
            matched,
            facets,
        }))
    }

    /// Runs the search and loads its results in order, for a listing without pages or facets.
    pub async fn load<T: Send + 'static>(
        self,
        db: &Db,
        index: &web::Data<SearchIndex>,
        load: impl FnOnce(&mut DbConn, &[String]) -> QueryResult<Vec<T>> + Send + 'static,
    ) -> Result<Vec<T>, ApiError> {
        let index = index.clone().into_inner();
        db.run(move |conn| {
            let (results, _, _) = self.run(&index)?;
            let ids: Vec<String> = results.hits.into_iter().map(|h| h.position.id).collect();
            Ok(load(conn, &ids)?)
        })
        .await
    }

    /// Expands the text query with the glossary (shipped and added) and runs the search,
    /// asking for one result more than the page to learn whether another page follows.
    fn run(mut self, index: &SearchIndex) -> Result<(Results, bool, Option<Near>), ApiError> {
        if let Some(raw) = self.q.as_deref() {
            self.request.query = Some(
                SearchQuery::parse(raw, &index.glossary())
                    .map_err(|e| ApiError::invalid_parameter("q", e))?,
            );
        }
        let (after, matching) = match &self.after {
            Some((position, matching)) => (Some(position), *matching),
            None => (None, Matching::All),
        };
        let mut results = index.search(
            self.target,
            &self.request,
            after,
            self.limit as usize + 1,
            matching,
        )?;
        let has_more = results.hits.len() as i64 > self.limit;
        results.hits.truncate(self.limit as usize);
        Ok((results, has_more, self.request.near))
    }

    /// The facet counts of every result, for statistics.
    pub fn counts(self, index: &SearchIndex) -> Result<Facets, ApiError> {
        let requested = self.request.facets.clone();
        let probe = Search { limit: 0, ..self };
        let (results, _, _) = probe.run(index)?;
        Ok(Facets::from_counts(
            &requested,
            results.total,
            results.facets,
        ))
    }

    /// The ids of every result, in the search's order, for an export: the same results a
    /// client paging through the search would get.
    pub fn all_ids(mut self, index: &SearchIndex) -> Result<Vec<String>, ApiError> {
        let counted = {
            let mut probe = Search {
                target: self.target,
                q: self.q.clone(),
                request: self.request.clone(),
                after: None,
                limit: 0,
            };
            // Only a search with facets counts every result.
            probe.request.facets = vec![Facet::Country];
            probe.run(index)?.0.total
        };
        self.limit = i64::try_from(counted).unwrap_or(i64::MAX);
        let (results, _, _) = self.run(index)?;
        Ok(results.hits.into_iter().map(|h| h.position.id).collect())
    }

    fn sort(&self) -> Sort {
        Sort::effective(self.request.sort, self.q.is_some())
    }
}

domain_enum_schema!(
    /// The order of search results.
    SortOrder for Sort
);

/// The cursor of a search: the sort order, how many words results match (0: all) and every
/// sort key of the last result. Floats travel as their exact bits so the next page starts
/// exactly after the last result.
fn encode_position(sort: Sort, matching: Matching, position: &Position) -> String {
    let words = match matching {
        Matching::All => 0,
        Matching::AtLeast(n) => n,
    };
    pagination::encode_cursor(&[
        sort.as_str(),
        &words.to_string(),
        &format!("{:016x}", position.score.to_bits()),
        &format!("{:016x}", position.distance.to_bits()),
        &position.name_sort,
        &position.id,
    ])
}

fn decode_position(raw: &str, sort: Sort) -> Result<(Position, Matching), ApiError> {
    let [cursor_sort, words, score, distance, name_sort, id] = pagination::decode_cursor::<6>(raw)?;
    let bits = |hex: &str| u64::from_str_radix(hex, 16).ok().map(f64::from_bits);
    let matching = match words.parse::<usize>() {
        Ok(0) => Some(Matching::All),
        Ok(n) if n < domain::search::query::MAX_WORDS => Some(Matching::AtLeast(n)),
        _ => None,
    };
    match (matching, bits(&score), bits(&distance)) {
        (Some(matching), Some(score), Some(distance)) if cursor_sort == sort.as_str() => Ok((
            Position {
                score,
                distance,
                name_sort,
                id,
            },
            matching,
        )),
        _ => Err(ApiError::InvalidParameters(vec![FieldError::parameter(
            "cursor",
            "malformed_cursor",
            "the cursor does not belong to this search; pass next_cursor with the same parameters",
        )])),
    }
}

/// The distance of a result from the search's point, in km with two decimals.
fn distance_km(near: Option<Near>, location: Option<(f64, f64)>) -> Option<f64> {
    let (near, (latitude, longitude)) = (near?, location?);
    Some((near.distance_km(latitude, longitude) * 100.0).round() / 100.0)
}

/// How many results have one value of a facet.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    #[schema(example = "CZ042")]
    pub value: String,
    pub count: i64,
    /// The value's name for regions and NACE sections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<LabelsDto>,
}

/// Result counts over the whole result set; only the facets asked for are present, each with
/// its values by count, most frequent first.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Facets {
    /// All results.
    pub total: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Vec<FacetValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Vec<FacetValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nace_section: Option<Vec<FacetValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Vec<FacetValue>>,
    /// Companies: their EU size classes (`micro`, `small`, `medium`, `large`); those without
    /// one are not counted here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<Vec<FacetValue>>,
    /// Opportunities: the partnership types they seek.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partnership_type: Option<Vec<FacetValue>>,
}

impl Facets {
    pub(crate) fn from_counts(requested: &[Facet], total: u64, counts: Vec<FacetCount>) -> Self {
        let catalog = Catalog::get();
        let mut facets = Facets {
            total: i64::try_from(total).unwrap_or(i64::MAX),
            ..Facets::default()
        };
        for facet in requested {
            let slot = match facet {
                Facet::Country => &mut facets.country,
                Facet::Region => &mut facets.region,
                Facet::NaceSection => &mut facets.nace_section,
                Facet::Kind => &mut facets.kind,
                Facet::Size => &mut facets.size,
                Facet::PartnershipType => &mut facets.partnership_type,
            };
            *slot = Some(Vec::new());
        }
        for FacetCount {
            facet,
            value,
            count,
        } in counts
        {
            let (slot, label) = match facet {
                Facet::Country => (&mut facets.country, None),
                Facet::Region => (
                    &mut facets.region,
                    catalog.region(&value).map(|r| LabelsDto::from(&r.name)),
                ),
                Facet::NaceSection => (
                    &mut facets.nace_section,
                    catalog.nace(&value).map(|n| LabelsDto::from(&n.label)),
                ),
                Facet::Kind => (&mut facets.kind, None),
                Facet::Size => (&mut facets.size, None),
                Facet::PartnershipType => (&mut facets.partnership_type, None),
            };
            if let Some(values) = slot {
                values.push(FacetValue {
                    value,
                    count,
                    label,
                });
            }
        }
        for values in [
            &mut facets.country,
            &mut facets.region,
            &mut facets.nace_section,
            &mut facets.kind,
            &mut facets.size,
            &mut facets.partnership_type,
        ]
        .into_iter()
        .flatten()
        {
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        facets
    }
}

/// How much of a text query the results match.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = Match)]
pub enum MatchDto {
    /// Every word of the query.
    All,
    /// No result matches every word: these match the most words there are matches for.
    Partial,
}

/// One page of search results, with facet counts when asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchPage<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
    /// With `q`: `all` when the results match every word, `partial` when none does and these
    /// are the results that match the most words.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub matched: Option<MatchDto>,
    /// Present when `facets` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}
