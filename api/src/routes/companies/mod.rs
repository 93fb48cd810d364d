//! Companies and institutions: the directory, and editing by their members.

pub mod api_keys;
pub mod history;
pub mod input;
pub mod members;
pub mod write;

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::http::header::{self, EntityTag};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::QueryResult;
use domain::company::{CompanyKind, CompanyStatus, SizeClass};
use domain::import::{RegisterSource, RegisterStatus};
use domain::language::LocalizedText;
use domain::reference::Catalog;
use persistence::DbConn;
use persistence::companies::{self as store, Company, ContactRow};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::labels::{LabelsDto, LocalizedTextDto};
use super::reference::CountryDto;
use crate::auth::Caller;
use crate::conditional::{self, IfNoneMatchHeader};
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::policy;
use crate::routes::search::{FilterParams, Search, SearchPage, SearchParams};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CompanyKind)]
pub enum CompanyKindDto {
    Company,
    ResearchInstitution,
    Multiplier,
    PublicBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = SizeClass)]
pub enum SizeClassDto {
    Micro,
    Small,
    Medium,
    Large,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CompanyStatus)]
pub enum CompanyStatusDto {
    Draft,
    Published,
}

mirror_enum!(
    CompanyKindDto,
    CompanyKind {
        Company,
        ResearchInstitution,
        Multiplier,
        PublicBody
    }
);
mirror_enum!(
    SizeClassDto,
    SizeClass {
        Micro,
        Small,
        Medium,
        Large
    }
);
mirror_enum!(CompanyStatusDto, CompanyStatus { Draft, Published });

/// The legal form, by code (see `/v1/reference/legal-forms`) and abbreviation.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalFormRef {
    #[schema(example = "cz_sro")]
    pub code: String,
    #[schema(example = "s.r.o.")]
    pub abbreviation: String,
}

/// An entry in a German register (Handelsregister, Genossenschafts-, Partnerschafts- or
/// Vereinsregister).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = GermanRegisterEntry)]
pub struct GermanRegisterDto {
    /// The register court (Amtsgericht).
    #[schema(example = "Dresden")]
    pub court: String,
    #[serde(rename = "type")]
    #[schema(example = "HRB")]
    pub register_type: String,
    #[schema(example = "12345")]
    pub number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Identifiers {
    /// The Czech company id (IČO).
    #[schema(example = "26168685")]
    pub ico: Option<String>,
    pub register: Option<GermanRegisterDto>,
    #[schema(example = "CZ26168685")]
    pub vat_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Address)]
pub struct AddressDto {
    pub street: Option<String>,
    #[schema(example = "40001")]
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: CountryDto,
    /// NUTS-3 code, derived from the postal code.
    #[schema(example = "CZ042")]
    pub region: Option<String>,
    /// WGS 84, the centroid of the postal code.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// An activity of the company as a NACE Rev. 2 code.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyIndustry {
    #[schema(example = "16.10")]
    pub code: String,
    /// Whether this is the company's main activity (exactly one is).
    pub primary: bool,
    pub label: LabelsDto,
}

/// A person to contact at the organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactPerson {
    #[schema(example = "Jana Dvořáková")]
    pub name: String,
    #[schema(example = "Obchod / Vertrieb")]
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 639-1 codes of the languages the person speaks.
    #[schema(example = json!(["cs", "de"]))]
    pub languages: Vec<String>,
}

impl From<ContactRow> for ContactPerson {
    fn from(row: ContactRow) -> Self {
        Self {
            languages: row.language_codes().map(str::to_owned).collect(),
            name: row.name,
            role: row.role,
            email: row.email,
            phone: row.phone,
        }
    }
}

/// The public register a profile was imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = RegisterSource)]
pub enum RegisterSourceDto {
    Ares,
    Handelsregister,
}

/// Whether the organisation still exists according to its register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = RegisterStatus)]
pub enum RegisterStatusDto {
    Registered,
    /// Dissolved or deleted in the register; the profile stays, marked.
    Dissolved,
}

mirror_enum!(
    RegisterSourceDto,
    RegisterSource {
        Ares,
        Handelsregister
    }
);
mirror_enum!(
    RegisterStatusDto,
    RegisterStatus {
        Registered,
        Dissolved
    }
);

/// Where an imported profile's register data comes from. The register owns the name, legal
/// form, identifiers, address, industries and founding date of such a profile: a newer record
/// from the register updates them. Everything else belongs to the company's members.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegisterRecord {
    pub source: RegisterSourceDto,
    pub status: RegisterStatusDto,
    /// The register's legal form as given, when it is none of the platform's legal forms
    /// (`legal_form` is then `null`).
    #[schema(example = "999")]
    pub legal_form_as_registered: Option<String>,
    /// The date of the register record last applied.
    pub record_date: Option<DateTime<Utc>>,
    /// When the record was last applied.
    pub imported_at: DateTime<Utc>,
}

/// A company or institution's profile.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Company)]
pub struct CompanyDto {
    #[schema(example = "019a8f4e-7c1b-7d2e-9f00-3b5c2a1d4e6f")]
    pub id: String,
    pub kind: CompanyKindDto,
    /// The name as registered; names are not translated.
    pub name: String,
    pub legal_form: Option<LegalFormRef>,
    pub identifiers: Identifiers,
    pub address: AddressDto,
    /// Primary activity first.
    pub industries: Vec<CompanyIndustry>,
    pub size_class: Option<SizeClassDto>,
    pub founded_on: Option<NaiveDate>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub description: LocalizedTextDto,
    /// ISO 639-1 codes of the languages the staff speaks.
    #[schema(example = json!(["cs", "de"]))]
    pub languages: Vec<String>,
    /// Personal data: present only for signed-in users and API keys with the `read` scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_persons: Option<Vec<ContactPerson>>,
    pub status: CompanyStatusDto,
    /// Checked by the platform's administrators.
    pub verified: bool,
    /// Whether anybody manages the profile. Imported profiles start unclaimed; a user can claim
    /// one (`POST /v1/companies/{id}/claims`) and an administrator decides.
    pub claimed: bool,
    /// For profiles imported from a public register; `null` for profiles created by members.
    pub registration: Option<RegisterRecord>,
    /// Increases with every change; the ETag is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In searches with `near` or `near_postal_code`: the distance in km (absent when the
    /// location is unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

/// Stored values are constrained by the schema; one that does not parse is a bug, reported as
/// an internal error rather than shown to the client.
pub(crate) fn corrupt(column: &str, value: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored {column} '{value}' is invalid"))
}

impl CompanyDto {
    /// The profile as shown; contact persons only `with_contacts`.
    pub fn new(company: Company, with_contacts: bool) -> Result<Self, ApiError> {
        let row = company.row;
        let catalog = Catalog::get();
        let kind = CompanyKind::parse(&row.kind)
            .map_err(|_| corrupt("kind", &row.kind))?
            .into();
        let size_class = row
            .size_class
            .as_deref()
            .map(|s| SizeClass::parse(s).map_err(|_| corrupt("size_class", s)))
            .transpose()?
            .map(SizeClassDto::from);
        let status = CompanyStatus::parse(&row.status)
            .map_err(|_| corrupt("status", &row.status))?
            .into();
        let country: domain::country::Country = row
            .country
            .parse()
            .map_err(|_| corrupt("country", &row.country))?;
        let legal_form = row.legal_form.as_deref().map(|code| LegalFormRef {
            code: code.to_owned(),
            abbreviation: catalog
                .legal_form(code)
                .map_or_else(String::new, |f| f.abbreviation.to_owned()),
        });
        let industries = company
            .nace
            .into_iter()
            .map(|n| {
                let entry = catalog
                    .nace(&n.nace_code)
                    .ok_or_else(|| corrupt("nace_code", &n.nace_code))?;
                Ok(CompanyIndustry {
                    label: (&entry.label).into(),
                    code: n.nace_code,
                    primary: n.is_primary,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        let registration = company
            .registration
            .map(|r| {
                let source = RegisterSource::parse(&r.source)
                    .map_err(|_| corrupt("registration source", &r.source))?;
                let status = RegisterStatus::parse(&r.status)
                    .map_err(|_| corrupt("registration status", &r.status))?;
                Ok::<_, ApiError>(RegisterRecord {
                    source: source.into(),
                    status: status.into(),
                    legal_form_as_registered: r.legal_form,
                    record_date: r.record_date.map(|d| d.and_utc()),
                    imported_at: r.imported_at.and_utc(),
                })
            })
            .transpose()?;
        let register = match (row.register_court, row.register_type, row.register_number) {
            (Some(court), Some(register_type), Some(number)) => Some(GermanRegisterDto {
                court,
                register_type,
                number,
            }),
            _ => None,
        };
        Ok(CompanyDto {
            id: row.id,
            kind,
            name: row.name,
            legal_form,
            identifiers: Identifiers {
                ico: row.ico,
                register,
                vat_id: row.vat_id,
            },
            address: AddressDto {
                street: row.street,
                postal_code: row.postal_code,
                city: row.city,
                country: CountryDto::from(country),
                region: row.region,
                latitude: row.latitude,
                longitude: row.longitude,
            },
            industries,
            size_class,
            founded_on: row.founded_on,
            website: row.website,
            email: row.email,
            phone: row.phone,
            description: LocalizedText {
                de: row.description_de,
                cs: row.description_cs,
                en: row.description_en,
            }
            .into(),
            languages: company.languages,
            contact_persons: with_contacts.then(|| {
                company
                    .contacts
                    .into_iter()
                    .map(ContactPerson::from)
                    .collect()
            }),
            status,
            verified: row.verified,
            claimed: company.claimed,
            registration,
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
            distance_km: None,
        })
    }
}

/// List and search companies
///
/// The public directory: full-text search over names, descriptions, products and services,
/// industries and places in German, Czech and English (`q`), with filters, distance
/// (`near`, `near_postal_code`, `radius_km`), order (`sort`) and facet counts (`facets`).
/// Without `q` in name order (ignoring case and diacritics). Paged by `cursor`; the `Link`
/// header names the next page. Contact persons are included for signed-in users and API keys
/// with the `read` scope.
#[utoipa::path(
    operation_id = "listCompanies",
    tag = "companies",
    params(FilterParams, SearchParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of matching companies, with facets", body = SearchPage<CompanyDto>, headers(("Link" = String, description = "`<...>; rel=\"next\"` while there are more pages"))),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let search = Search::parse(&req, Target::Companies, |raw| {
        CompanyKind::parse(raw).map(CompanyKind::as_str)
    })?;
    let with_contacts = caller.sees_contacts();
    search
        .respond(
            &req,
            &db,
            &index,
            {
                let index = index.clone();
                move |conn: &mut DbConn, ids: &[String]| load(&index, conn, ids)
            },
            |c| &c.row.id,
            |company, distance_km| {
                Ok(CompanyDto {
                    distance_km,
                    ..CompanyDto::new(company, with_contacts)?
                })
            },
        )
        .await
}

/// Get a company
///
/// Published profiles are public; drafts are visible only to their members and administrators
/// (to everybody else they do not exist). Contact persons are included for signed-in users and
/// API keys with the `read` scope. Carries an `ETag`: send it back in `If-None-Match` to get
/// `304 Not Modified` while the profile is unchanged, or in `If-Match` when changing it.
#[utoipa::path(
    operation_id = "getCompany",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id"), IfNoneMatchHeader),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The company", body = CompanyDto, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}")]
pub async fn get(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let id = id.into_inner();
    // Only published profiles are cached, and those everybody may see.
    if let Some(company) = index.cached_company(&id) {
        return respond(&req, &caller, Company::clone(&company));
    }
    let generation = index.cache_generation();
    let company = db
        .run({
            let caller = caller.clone();
            move |conn| {
                let company = store::find(conn, &id)?;
                match company {
                    Some(company) if visible(conn, &caller, &company)? => Ok(company),
                    _ => Err(not_found(&id)),
                }
            }
        })
        .await?;
    let company = Arc::new(company);
    index.cache_company(generation, company.clone());
    respond(&req, &caller, Arc::unwrap_or_clone(company))
}

/// Companies by id in the order of `ids`: from the cache where it holds them, from the
/// database (in one batch) otherwise.
fn load(index: &SearchIndex, conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Company>> {
    let generation = index.cache_generation();
    let mut found: HashMap<String, Company> = HashMap::with_capacity(ids.len());
    let mut missing = Vec::new();
    for id in ids {
        match index.cached_company(id) {
            Some(company) => {
                found.insert(id.clone(), Company::clone(&company));
            }
            None => missing.push(id.clone()),
        }
    }
    if !missing.is_empty() {
        for company in store::by_ids(conn, &missing)? {
            let company = Arc::new(company);
            index.cache_company(generation, company.clone());
            found.insert(company.row.id.clone(), Arc::unwrap_or_clone(company));
        }
    }
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

pub fn not_found(id: &str) -> ApiError {
    ApiError::no_such("company", id)
}

fn visible(
    conn: &mut persistence::DbConn,
    caller: &Caller,
    company: &Company,
) -> Result<bool, ApiError> {
    policy::can_see(conn, caller, &company.row.id, &company.row.status)
}

/// The entity tag of a company as shown to `caller`: its version, the reference data (labels are
/// part of the body) and whether contacts are included.
fn etag(company: &Company, with_contacts: bool) -> EntityTag {
    EntityTag::new_strong(format!(
        "{}.{}{}",
        company.row.version,
        &Catalog::get().fingerprint()[..8],
        if with_contacts { ".c" } else { "" }
    ))
}

/// A company as the response to a read or a change, with `ETag`.
fn respond(req: &HttpRequest, caller: &Caller, company: Company) -> Result<HttpResponse, ApiError> {
    let with_contacts = caller.sees_contacts();
    let etag = etag(&company, with_contacts);
    let dto = CompanyDto::new(company, with_contacts)?;
    Ok(conditional::respond(req, etag, |mut response| {
        response.insert_header((header::VARY, "Authorization"));
        response.json(dto)
    }))
}
