//! Reference data: NACE industries, NUTS-3 regions, legal forms. Served from the embedded
//! catalogue (no database round trip) and cacheable: the ETag changes only with the data.

use actix_web::http::header::{CacheControl, CacheDirective, EntityTag};
use actix_web::{HttpRequest, HttpResponse, get};
use domain::country::Country;
use domain::reference::{Catalog, LegalForm, NaceEntry, NaceLevel, Region, RegionKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::labels::LabelsDto;
use crate::conditional::{self, IfNoneMatchHeader};
use crate::error::{ApiError, Problem};
use crate::query;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = NaceLevel)]
pub enum NaceLevelDto {
    Section,
    Division,
    Group,
    Class,
}

/// A code of NACE Rev. 2 (WZ 2008 / CZ-NACE 2008).
#[derive(Debug, Serialize, ToSchema)]
pub struct Industry {
    #[schema(example = "16.10")]
    pub code: String,
    pub level: NaceLevelDto,
    /// The code one level up; `null` for sections.
    #[schema(example = "16.1")]
    pub parent: Option<String>,
    /// The section letter the code belongs to.
    #[schema(example = "C")]
    pub section: String,
    pub label: LabelsDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndustryList {
    pub items: Vec<Industry>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IndustryParams {
    /// Only codes of this level.
    #[param(value_type = Option<NaceLevelDto>)]
    level: Option<String>,
    /// Only the direct children of this code.
    #[param(
        example = "16",
        max_length = 5,
        pattern = r"^([A-U]|[0-9]{2}(\.[0-9]{1,2})?)$"
    )]
    #[validate(length(max = 5, message = "a NACE code has at most 5 characters"))]
    parent: Option<String>,
}

impl From<&NaceEntry> for Industry {
    fn from(entry: &NaceEntry) -> Self {
        Self {
            code: entry.code.clone(),
            level: match entry.level {
                NaceLevel::Section => NaceLevelDto::Section,
                NaceLevel::Division => NaceLevelDto::Division,
                NaceLevel::Group => NaceLevelDto::Group,
                NaceLevel::Class => NaceLevelDto::Class,
            },
            parent: entry.parent.clone(),
            section: entry.section.clone(),
            label: (&entry.label).into(),
        }
    }
}

/// A complete reference list: small, changes only with a release, cached for an hour.
fn cached<T: Serialize>(req: &HttpRequest, body: T) -> HttpResponse {
    let etag = EntityTag::new_strong(Catalog::get().fingerprint().to_owned());
    conditional::respond(req, etag, |mut response| {
        response
            .insert_header(CacheControl(vec![
                CacheDirective::Public,
                CacheDirective::MaxAge(3600),
            ]))
            .json(body)
    })
}

/// List NACE Rev. 2 industry codes
///
/// All 996 codes (21 sections, 88 divisions, 272 groups, 615 classes) with German, Czech and
/// English labels, optionally narrowed to one level or to the children of one code.
#[utoipa::path(
    operation_id = "listIndustries",
    tag = "reference",
    params(IndustryParams, IfNoneMatchHeader),
    responses(
        (status = 200, description = "The industries", body = IndustryList, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 422, description = "Unknown level or parent code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reference/industries")]
pub async fn industries(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let params: IndustryParams = query::parse(&req)?;
    let level = query::optional("level", params.level.as_deref(), NaceLevel::parse)?;
    let parent = query::optional(
        "parent",
        params.parent.as_deref(),
        domain::reference::NaceCode::parse,
    )?;
    let items = Catalog::get()
        .nace_entries()
        .iter()
        .filter(|e| level.is_none_or(|level| e.level == level))
        .filter(|e| {
            parent
                .as_ref()
                .is_none_or(|p| e.parent.as_deref() == Some(p.as_str()))
        })
        .map(Industry::from)
        .collect();
    Ok(cached(&req, IndustryList { items }))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = RegionKind)]
pub enum RegionKindDto {
    Landkreis,
    KreisfreieStadt,
    Kraj,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[schema(as = Country)]
pub enum CountryDto {
    #[serde(rename = "DE")]
    De,
    #[serde(rename = "CZ")]
    Cz,
}

impl From<Country> for CountryDto {
    fn from(country: Country) -> Self {
        match country {
            Country::Germany => CountryDto::De,
            Country::Czechia => CountryDto::Cz,
        }
    }
}

impl From<CountryDto> for Country {
    fn from(country: CountryDto) -> Self {
        match country {
            CountryDto::De => Country::Germany,
            CountryDto::Cz => Country::Czechia,
        }
    }
}

/// A NUTS-3 region of Saxony or Czechia.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Region)]
pub struct RegionDto {
    #[schema(example = "DED2C")]
    pub code: String,
    pub country: CountryDto,
    pub name: LabelsDto,
    pub kind: RegionKindDto,
    /// The German Kreisschlüssel or the Czech RÚIAN kraj code (ARES `kodKraje`).
    #[schema(example = "14625")]
    pub official_code: String,
    /// Part of the Interreg Sachsen–Česko 2021–2027 programme area.
    pub programme_area: bool,
}

impl From<&Region> for RegionDto {
    fn from(region: &Region) -> Self {
        Self {
            code: region.code.as_str().to_owned(),
            country: region.country.into(),
            name: (&region.name).into(),
            kind: match region.kind {
                RegionKind::Landkreis => RegionKindDto::Landkreis,
                RegionKind::KreisfreieStadt => RegionKindDto::KreisfreieStadt,
                RegionKind::Kraj => RegionKindDto::Kraj,
            },
            official_code: region.official_code.clone(),
            programme_area: region.programme_area,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegionList {
    pub items: Vec<RegionDto>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CountryParams {
    /// Only entries of this country.
    #[param(value_type = Option<CountryDto>)]
    country: Option<String>,
}

impl CountryParams {
    fn country(&self) -> Result<Option<Country>, ApiError> {
        query::optional("country", self.country.as_deref(), str::parse)
    }
}

/// List NUTS-3 regions
///
/// The 13 Saxon districts and 14 Czech kraje, with names in all three languages and whether
/// they belong to the Interreg programme area.
#[utoipa::path(
    operation_id = "listRegions",
    tag = "reference",
    params(CountryParams, IfNoneMatchHeader),
    responses(
        (status = 200, description = "The regions", body = RegionList, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 422, description = "Unknown country", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reference/regions")]
pub async fn regions(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let country = query::parse::<CountryParams>(&req)?.country()?;
    let items = Catalog::get()
        .regions()
        .iter()
        .filter(|r| country.is_none_or(|c| r.country == c))
        .map(RegionDto::from)
        .collect();
    Ok(cached(&req, RegionList { items }))
}

/// A legal form of a German or Czech organisation.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = LegalForm)]
pub struct LegalFormDto {
    #[schema(example = "cz_sro")]
    pub code: String,
    pub country: CountryDto,
    #[schema(example = "s.r.o.")]
    pub abbreviation: String,
    pub name: LabelsDto,
    /// The ARES `pravniForma` code, for Czech forms.
    #[schema(example = "112")]
    pub ares_code: Option<String>,
}

impl From<&LegalForm> for LegalFormDto {
    fn from(form: &LegalForm) -> Self {
        Self {
            code: form.code.to_owned(),
            country: form.country.into(),
            abbreviation: form.abbreviation.to_owned(),
            name: (&form.name).into(),
            ares_code: form.ares_code.map(str::to_owned),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LegalFormList {
    pub items: Vec<LegalFormDto>,
}

/// List legal forms
///
/// The common legal forms of both countries (GmbH, UG, AG, KG, e. K., e. V., eG, ...; s.r.o.,
/// a.s., v.o.s., k.s., družstvo, z. s., ...), Czech ones with their ARES code.
#[utoipa::path(
    operation_id = "listLegalForms",
    tag = "reference",
    params(CountryParams, IfNoneMatchHeader),
    responses(
        (status = 200, description = "The legal forms", body = LegalFormList, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 422, description = "Unknown country", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reference/legal-forms")]
pub async fn legal_forms(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let country = query::parse::<CountryParams>(&req)?.country()?;
    let items = Catalog::get()
        .legal_forms()
        .iter()
        .filter(|f| country.is_none_or(|c| f.country == c))
        .map(LegalFormDto::from)
        .collect();
    Ok(cached(&req, LegalFormList { items }))
}
