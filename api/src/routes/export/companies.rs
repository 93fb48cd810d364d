//! The bulk export of the public company directory.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDateTime;
use domain::account::ApiScope;
use domain::company::{CompanyKind, CompanyStatus};
use persistence::DbConn;
use persistence::companies::{self as store, Company};
use persistence::products;
use search_index::{SearchIndex, Target};
use serde::Serialize;
use utoipa::ToSchema;

use super::super::companies::CompanyDto;
use super::super::products::ProductDto;
use super::super::search::FilterParams;
use super::{ExportFormat, ExportParams, Source, csv_record, joined};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::query;

/// One line of an NDJSON export: the profile as `GET /v1/companies/{id}` shows it to the key,
/// with its products and services.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportedCompany {
    #[serde(flatten)]
    pub company: CompanyDto,
    pub products: Vec<ProductDto>,
}

/// Export companies
///
/// For API keys with the `export` scope and administrators: every published company matching
/// the company search's filters (all of them without filters), with its products, as NDJSON
/// or CSV, streamed. The export reads one snapshot of the database, so a company changed
/// meanwhile appears once, and `X-Change-Position` names the change-log position it is
/// consistent with: follow `GET /v1/changes?after=<position>` from there. Contact persons are
/// included for keys that also hold `read`. See `docs/data-access.md` for the CSV columns.
#[utoipa::path(
    operation_id = "exportCompanies",
    tag = "data access",
    params(ExportParams, FilterParams),
    security(("api_key" = ["export"]), ("user_token" = [])),
    responses(
        (status = 200, description = "The companies, one per line (NDJSON) or row (CSV with a header)", headers(("X-Change-Position" = i64, description = "The change-log position the export is consistent with")), content(
            (ExportedCompany = "application/x-ndjson"),
            (String = "text/csv"),
        )),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key or access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `export` scope, or the user is no administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/export/companies")]
pub async fn export_companies(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_scope(ApiScope::Export)?;
    let (format, since) = ExportParams::parse(&req)?;
    let filters: FilterParams = query::parse(&req)?;
    let request = filters.request(|raw| CompanyKind::parse(raw).map(CompanyKind::as_str))?;
    let chosen = super::choose(&index, Target::Companies, filters.q(), request).await?;
    let source = Companies {
        with_contacts: caller.sees_contacts(),
        since,
        in_id_order: chosen.is_none(),
    };
    super::stream(&db, source, format, chosen).await
}

/// The published companies with their products and services.
struct Companies {
    with_contacts: bool,
    since: Option<NaiveDateTime>,
    /// The ids come from [`Source::ids_after`], so a batch is every published company between
    /// its first and last id (changed since `since`), read by ranges of the indexes.
    in_id_order: bool,
}

/// Companies read for the export, with their products by company.
type Loaded = (Vec<Company>, HashMap<String, Vec<products::Product>>);

impl Source for Companies {
    type Batch = Loaded;

    fn ids_after(
        &self,
        conn: &mut DbConn,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<String>, ApiError> {
        Ok(store::published_ids(conn, after, self.since, limit)?)
    }

    fn load(&self, conn: &mut DbConn, ids: &[String]) -> Result<Loaded, ApiError> {
        if self.in_id_order
            && let (Some(first), Some(last)) = (ids.first(), ids.last())
        {
            let found = store::published_between(conn, first, last, self.since)?;
            let products = products::all_of_companies_between(conn, first, last)?;
            return Ok((found, products));
        }
        let found: Vec<Company> = store::by_ids(conn, ids)?
            .into_iter()
            .filter(|c| c.row.status == CompanyStatus::Published.as_str())
            .filter(|c| self.since.is_none_or(|since| c.row.updated_at >= since))
            .collect();
        let ids: Vec<String> = found.iter().map(|c| c.row.id.clone()).collect();
        let products = products::all_of_companies(conn, &ids)?;
        Ok((found, products))
    }

    fn csv_columns(&self) -> Vec<&'static str> {
        let mut columns = CSV_COLUMNS.to_vec();
        if self.with_contacts {
            columns.push("contact_persons");
        }
        columns
    }

    fn write(
        &self,
        (found, mut products): Loaded,
        format: ExportFormat,
        out: &mut Vec<u8>,
    ) -> Result<(), ApiError> {
        for company in found {
            let offered = products.remove(&company.row.id).unwrap_or_default();
            match format {
                ExportFormat::Ndjson => {
                    let line = ExportedCompany {
                        company: CompanyDto::new(company, self.with_contacts)?,
                        products: offered
                            .into_iter()
                            .map(ProductDto::new)
                            .collect::<Result<_, _>>()?,
                    };
                    serde_json::to_writer(&mut *out, &line).map_err(ApiError::internal)?;
                    out.push(b'\n');
                }
                ExportFormat::Csv => csv_row(out, &company, &offered, self.with_contacts)?,
            }
        }
        Ok(())
    }
}

/// The CSV columns, in order; `contact_persons` follows for keys that may read them.
const CSV_COLUMNS: [&str; 26] = [
    "id",
    "name",
    "kind",
    "legal_form",
    "ico",
    "vat_id",
    "register_court",
    "register_type",
    "register_number",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "size_class",
    "founded_on",
    "website",
    "email",
    "phone",
    "industries",
    "languages",
    "description_de",
    "description_cs",
    "description_en",
    "verified",
    "products",
];

fn csv_row(
    out: &mut Vec<u8>,
    company: &Company,
    offered: &[products::Product],
    with_contacts: bool,
) -> Result<(), ApiError> {
    let row = &company.row;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let industries = joined(company.nace.iter().map(|n| &n.nace_code));
    let languages = joined(&company.languages);
    let product_names = joined(offered.iter().filter_map(|p| {
        p.row
            .name_de
            .as_ref()
            .or(p.row.name_cs.as_ref())
            .or(p.row.name_en.as_ref())
    }));
    let mut record = vec![
        row.id.clone(),
        row.name.clone(),
        row.kind.clone(),
        opt(&row.legal_form),
        opt(&row.ico),
        opt(&row.vat_id),
        opt(&row.register_court),
        opt(&row.register_type),
        opt(&row.register_number),
        opt(&row.street),
        opt(&row.postal_code),
        opt(&row.city),
        opt(&row.region),
        row.country.clone(),
        opt(&row.size_class),
        row.founded_on.map(|d| d.to_string()).unwrap_or_default(),
        opt(&row.website),
        opt(&row.email),
        opt(&row.phone),
        industries,
        languages,
        opt(&row.description_de),
        opt(&row.description_cs),
        opt(&row.description_en),
        row.verified.to_string(),
        product_names,
    ];
    if with_contacts {
        record.push(joined(company.contacts.iter().map(|c| match &c.email {
            Some(email) => format!("{} <{email}>", c.name),
            None => c.name.clone(),
        })));
    }
    csv_record(out, record)
}
