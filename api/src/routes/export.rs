//! Bulk export of the public company directory for multiplier systems: NDJSON or CSV, streamed
//! from one database snapshot, naming the change-log position it is consistent with.

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDateTime};
use domain::account::ApiScope;
use domain::company::{CompanyKind, CompanyStatus};
use persistence::DbConn;
use persistence::companies::{self as store, Company};
use persistence::{changes, products};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::changes::POSITION_HEADER;
use super::companies::CompanyDto;
use super::products::ProductDto;
use super::search::{FilterParams, Search};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::query;

/// Companies read from the database at a time: memory stays flat however many there are.
const BATCH: usize = 500;
/// Batches waiting for a slow client before reading pauses.
const BUFFERED: usize = 4;
/// How the values of a multi-valued CSV column are joined.
const JOIN: &str = " | ";

/// The query of an export besides the company search's filters: `updated_since` and the
/// format.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `ndjson` (one company per line, the default) or `csv`; without it, `Accept:
    /// text/csv` asks for CSV.
    #[param(inline, value_type = Option<ExportFormat>)]
    format: Option<String>,
    /// Only companies changed at or after this moment (RFC 3339).
    #[param(value_type = Option<chrono::DateTime<chrono::Utc>>, example = "2026-12-01T00:00:00Z")]
    updated_since: Option<String>,
}

/// The formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Ndjson,
    Csv,
}

impl ExportFormat {
    fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Ndjson => "application/x-ndjson",
            ExportFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// One line of an NDJSON export: the profile as `GET /v1/companies/{id}` shows it to the key,
/// with its products and services.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportedCompany {
    #[serde(flatten)]
    pub company: CompanyDto,
    pub products: Vec<ProductDto>,
}

fn format(req: &HttpRequest, asked: Option<&str>) -> Result<ExportFormat, ApiError> {
    if let Some(raw) = asked {
        return query::optional("format", Some(raw), |raw| match raw {
            "ndjson" => Ok(ExportFormat::Ndjson),
            "csv" => Ok(ExportFormat::Csv),
            _ => Err(domain::InvalidValue::new(
                "unknown_format",
                format!("'{raw}' is not a format; expected ndjson or csv"),
            )),
        })
        .map(|f| f.unwrap_or(ExportFormat::Ndjson));
    }
    Ok(if super::accepts_csv(req) {
        ExportFormat::Csv
    } else {
        ExportFormat::Ndjson
    })
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
    let params: ExportParams = query::parse(&req)?;
    let format = format(&req, params.format.as_deref())?;
    let since = query::optional("updated_since", params.updated_since.as_deref(), |raw| {
        DateTime::parse_from_rfc3339(raw)
            .map(|t| t.naive_utc())
            .map_err(|_| {
                domain::InvalidValue::new(
                    "invalid_timestamp",
                    format!("'{raw}' is not a moment such as 2026-12-01T00:00:00Z"),
                )
            })
    })?;
    let filters: FilterParams = query::parse(&req)?;
    let request = filters.request(|raw| CompanyKind::parse(raw).map(CompanyKind::as_str))?;
    let q = filters.q();
    let filtered = q.is_some() || request_filters(&request);
    // With filters, the index picks the companies; the export is then consistent with the
    // position the index had reached, which is at most the snapshot's (following the feed from
    // there repeats some changes, which is harmless, and misses none).
    let chosen = if filtered {
        let search = Search::new(Target::Companies, q, request, None, None)?;
        let index = index.into_inner();
        let position = index.applied();
        let ids = web::block(move || search.all_ids(&index))
            .await
            .map_err(ApiError::internal)??;
        Some((position, ids))
    } else {
        None
    };
    let with_contacts = caller.sees_contacts();
    let lease = db.lease().await?;
    let (head, position) = oneshot::channel();
    let (body, chunks) = mpsc::channel::<Result<Bytes, std::io::Error>>(BUFFERED);
    actix_web::rt::task::spawn_blocking(move || {
        let mut lease = lease;
        let mut export = Export {
            format,
            with_contacts,
            since,
            body,
            head: Some(head),
        };
        let outcome = persistence::db::snapshot(&mut lease.conn, |conn| export.run(conn, chosen));
        if let Err(error) = outcome {
            match export.head.take() {
                Some(head) => {
                    let _ = head.send(Err(error));
                }
                // The body has begun: all that can be done is to break it off, so the client
                // sees an incomplete transfer rather than a short export.
                None => {
                    tracing::warn!(%error, "export broken off");
                    let _ = export
                        .body
                        .blocking_send(Err(std::io::Error::other("export broken off")));
                }
            }
        }
    });
    let position = position
        .await
        .map_err(|_| ApiError::internal(anyhow::anyhow!("the export ended before it began")))??;
    let stream = futures_util::stream::unfold(chunks, |mut chunks| async move {
        chunks.recv().await.map(|chunk| (chunk, chunks))
    });
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            HeaderName::from_static(POSITION_HEADER),
            HeaderValue::from(position),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(stream))
}

/// Whether a request filters at all (an export without filters reads the database in id
/// order instead of asking the index).
fn request_filters(request: &domain::search::SearchRequest) -> bool {
    request.country.is_some()
        || !request.regions.is_empty()
        || request.programme_area
        || !request.nace.is_empty()
        || !request.kinds.is_empty()
        || !request.sizes.is_empty()
        || request.verified.is_some()
        || request.has_products.is_some()
        || request.near.is_some()
}

/// An export in progress on a blocking thread.
struct Export {
    format: ExportFormat,
    with_contacts: bool,
    since: Option<NaiveDateTime>,
    body: mpsc::Sender<Result<Bytes, std::io::Error>>,
    /// Until the position is known and sent, errors become the response.
    head: Option<oneshot::Sender<Result<i64, ApiError>>>,
}

/// Companies read for the export, with their products by company.
type Loaded = (
    Vec<Company>,
    std::collections::HashMap<String, Vec<products::Product>>,
);

/// Stops an export whose client has gone.
#[derive(Debug)]
struct Gone;

impl Export {
    /// Sends the position, then the export: one thread reads batches from the snapshot while
    /// another turns the previous ones into bytes, so the two cores share the work.
    fn run(
        &mut self,
        conn: &mut DbConn,
        chosen: Option<(i64, Vec<String>)>,
    ) -> Result<(), ApiError> {
        let position = match &chosen {
            Some((position, _)) => *position,
            None => changes::latest(conn)?,
        };
        if let Some(head) = self.head.take() {
            let _ = head.send(Ok(position));
        }
        let (loaded, batches) = std::sync::mpsc::sync_channel::<Loaded>(2);
        let this = &*self;
        let (read, written) = std::thread::scope(|scope| {
            let writer = scope.spawn(move || this.write_all(batches));
            let read = this.read_all(conn, chosen, &loaded);
            drop(loaded);
            (read, writer.join())
        });
        let written = written
            .map_err(|_| ApiError::internal(anyhow::anyhow!("the export writer panicked")))?;
        match (read, written) {
            (Err(ExportError::Api(error)), _) | (_, Err(ExportError::Api(error))) => Err(error),
            // Done, or the client went away: nothing more to do.
            _ => Ok(()),
        }
    }

    /// Reads the chosen companies (all published ones without a choice) in batches.
    fn read_all(
        &self,
        conn: &mut DbConn,
        chosen: Option<(i64, Vec<String>)>,
        loaded: &std::sync::mpsc::SyncSender<Loaded>,
    ) -> Result<(), ExportError> {
        let pass = |conn: &mut DbConn, ids: &[String]| {
            let batch = self.load(conn, ids)?;
            // The writer stopped (the client went away, or it failed and says why).
            loaded.send(batch).map_err(|_| ExportError::Gone(Gone))
        };
        match chosen {
            Some((_, ids)) => ids.chunks(BATCH).try_for_each(|batch| pass(conn, batch)),
            None => {
                let mut after: Option<String> = None;
                loop {
                    let ids =
                        store::published_ids(conn, after.as_deref(), self.since, BATCH as i64)?;
                    let Some(last) = ids.last().cloned() else {
                        return Ok(());
                    };
                    pass(conn, &ids)?;
                    after = Some(last);
                }
            }
        }
    }

    /// The published companies `ids` (changed since `since`) with their products.
    fn load(&self, conn: &mut DbConn, ids: &[String]) -> Result<Loaded, ExportError> {
        let found: Vec<Company> = store::by_ids(conn, ids)?
            .into_iter()
            .filter(|c| c.row.status == CompanyStatus::Published.as_str())
            .filter(|c| self.since.is_none_or(|since| c.row.updated_at >= since))
            .collect();
        let ids: Vec<String> = found.iter().map(|c| c.row.id.clone()).collect();
        let products = products::all_of_companies(conn, &ids)?;
        Ok((found, products))
    }

    /// Writes the header, then each batch as it comes.
    fn write_all(&self, batches: std::sync::mpsc::Receiver<Loaded>) -> Result<(), ExportError> {
        self.send(self.csv_header()).map_err(ExportError::Gone)?;
        for (found, mut products) in batches {
            let mut out = Vec::with_capacity(found.len() * 4096);
            for company in found {
                let offered = products.remove(&company.row.id).unwrap_or_default();
                match self.format {
                    ExportFormat::Ndjson => {
                        let line = ExportedCompany {
                            company: CompanyDto::new(company, self.with_contacts)?,
                            products: offered
                                .into_iter()
                                .map(ProductDto::new)
                                .collect::<Result<_, _>>()?,
                        };
                        serde_json::to_writer(&mut out, &line).map_err(ApiError::internal)?;
                        out.push(b'\n');
                    }
                    ExportFormat::Csv => {
                        csv_row(&mut out, &company, &offered, self.with_contacts)?;
                    }
                }
            }
            self.send(out).map_err(ExportError::Gone)?;
        }
        Ok(())
    }

    /// The CSV header row; nothing for NDJSON.
    fn csv_header(&self) -> Vec<u8> {
        if self.format != ExportFormat::Csv {
            return Vec::new();
        }
        let mut columns = CSV_COLUMNS.to_vec();
        if self.with_contacts {
            columns.push("contact_persons");
        }
        let mut out = Vec::new();
        let mut writer = csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail.
        let _ = writer.write_record(&columns);
        drop(writer);
        out
    }

    fn send(&self, chunk: Vec<u8>) -> Result<(), Gone> {
        if chunk.is_empty() {
            return Ok(());
        }
        self.body
            .blocking_send(Ok(Bytes::from(chunk)))
            .map_err(|_| Gone)
    }
}

/// Why a batch was not written.
#[derive(Debug)]
enum ExportError {
    Gone(Gone),
    Api(ApiError),
}

impl<E: Into<ApiError>> From<E> for ExportError {
    fn from(error: E) -> Self {
        ExportError::Api(error.into())
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
    let joined = |values: Vec<String>| {
        values
            .iter()
            .map(|v| v.replace('|', "/"))
            .collect::<Vec<_>>()
            .join(JOIN)
    };
    let industries = joined(company.nace.iter().map(|n| n.nace_code.clone()).collect());
    let languages = joined(company.languages.clone());
    let product_names = joined(
        offered
            .iter()
            .filter_map(|p| {
                p.row
                    .name_de
                    .clone()
                    .or_else(|| p.row.name_cs.clone())
                    .or_else(|| p.row.name_en.clone())
            })
            .collect(),
    );
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
        record.push(joined(
            company
                .contacts
                .iter()
                .map(|c| match &c.email {
                    Some(email) => format!("{} <{email}>", c.name),
                    None => c.name.clone(),
                })
                .collect(),
        ));
    }
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(record.iter().map(|cell| super::csv_cell(cell)))
        .map_err(ApiError::internal)?;
    writer.flush().map_err(ApiError::internal)
}
