//! Register imports over HTTP, for administrators: upload the data, get a job, poll it.

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use domain::import::RegisterSource;
use futures_util::StreamExt;
use persistence::DbConn;
use persistence::audit::Actor;
use persistence::import_jobs::{self, Counts, ImportJobRow};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::import::{self, Finding, Input, Options, Severity, Sink, Summary};
use crate::pagination::{self, Page, PageParams};
use crate::query;
use crate::routes::companies::RegisterSourceDto;

/// The largest upload accepted: about 60,000 ARES subjects. Larger imports run from the
/// command line, which streams.
pub(crate) const MAX_UPLOAD_BYTES: usize = 64 << 20;
/// Findings of each severity kept with a job; the counts include all of them.
pub(crate) const KEPT_FINDINGS: usize = 1_000;

/// A multipart upload: one or more files, each in a part of its own under any name of
/// printable ASCII. Files named `*.jsonl` or `*.ndjson` are read by line, others as one JSON document.
#[derive(Debug)]
pub struct ImportFiles;

impl utoipa::PartialSchema for ImportFiles {
    fn schema() -> RefOr<Schema> {
        let file = ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .max_length(Some(MAX_UPLOAD_BYTES));
        let name = ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(MAX_PART_NAME))
            .pattern(Some(PART_NAME_PATTERN));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "One or more files, each in a part of its own, named in printable ASCII without `\"` or `\\`",
            ))
            .additional_properties(Some(file))
            .property_names(Some(name))
            .min_properties(Some(1))
            .into()
    }
}

impl ToSchema for ImportFiles {}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// Which register the data comes from: `ares` or `handelsregister`.
    #[param(required = true, inline, value_type = RegisterSourceDto)]
    pub source: Option<String>,
    /// Validate and count as a real import would, but write nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Where an import job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportJobStatus {
    Running,
    Succeeded,
    /// Stopped by a database error or a restart; the batches stored before stay, and importing
    /// the same data again completes the import.
    Failed,
}

/// A rejected record or a warning.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportFinding {
    /// The record's place: the uploaded file's name and line, and its index in an ARES search
    /// result.
    #[schema(example = "upload.ndjson:17")]
    pub location: String,
    #[schema(example = "invalid_ico_check_digit")]
    pub code: String,
    pub message: String,
}

/// Counts of what the import did with the records.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummary {
    pub inserted: i64,
    pub updated: i64,
    /// Equal to what is stored, or older than what is stored.
    pub unchanged: i64,
    pub rejected: i64,
    /// Records imported with something left out, such as an unknown postal code.
    pub warnings: i64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Report {
    rejects: Vec<ImportFinding>,
    warnings: Vec<ImportFinding>,
}

/// An import started over HTTP.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportJob {
    pub id: String,
    pub source: RegisterSourceDto,
    pub status: ImportJobStatus,
    pub dry_run: bool,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// While running: the counts of the batches done so far.
    pub summary: ImportSummary,
    /// When done: the rejected records (the first 1,000). Left out in the list of jobs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejects: Option<Vec<ImportFinding>>,
    /// When done: the warnings (the first 1,000). Left out in the list of jobs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<ImportFinding>>,
    /// Why a failed job stopped.
    pub error: Option<String>,
}

impl ImportJob {
    /// The job with its findings.
    fn new(row: ImportJobRow) -> Result<Self, ApiError> {
        let report: Report = match &row.report {
            Some(json) => serde_json::from_str(json).map_err(ApiError::internal)?,
            None => Report::default(),
        };
        let mut job = Self::overview(row)?;
        job.rejects = Some(report.rejects);
        job.warnings = Some(report.warnings);
        Ok(job)
    }

    /// The job without its findings, as lists show it.
    fn overview(row: ImportJobRow) -> Result<Self, ApiError> {
        let corrupt = |column: &str, value: &str| crate::routes::companies::corrupt(column, value);
        let source =
            RegisterSource::parse(&row.source).map_err(|_| corrupt("source", &row.source))?;
        let status = match row.status.as_str() {
            import_jobs::RUNNING => ImportJobStatus::Running,
            import_jobs::SUCCEEDED => ImportJobStatus::Succeeded,
            import_jobs::FAILED => ImportJobStatus::Failed,
            other => return Err(corrupt("import job status", other)),
        };
        Ok(Self {
            id: row.id,
            source: source.into(),
            status,
            dry_run: row.dry_run,
            created_at: row.created_at.and_utc(),
            finished_at: row.finished_at.map(|t| t.and_utc()),
            summary: ImportSummary {
                inserted: row.inserted,
                updated: row.updated,
                unchanged: row.unchanged,
                rejected: row.rejected,
                warnings: row.warnings,
            },
            rejects: None,
            warnings: None,
            error: row.error,
        })
    }
}

/// Start an import
///
/// For administrators. The body is NDJSON (`application/x-ndjson`: one ARES subject or search
/// result, or one OffeneRegister record, per line), one JSON document
/// (`application/json`: an ARES subject or search result), or `multipart/form-data` with
/// one or more files (`.jsonl`/`.ndjson` files are read by line, others as documents); at most
/// 64 MiB. The import runs in the background exactly as `partnernet import` does: poll the job
/// at its `Location` until `status` is no longer `running`.
#[utoipa::path(
    operation_id = "startImport",
    tag = "imports",
    params(ImportParams),
    request_body(
        description = "NDJSON, a JSON document, or multipart/form-data with files",
        content(
            (String = "application/x-ndjson"),
            (Object = "application/json"),
            (ImportFiles = "multipart/form-data"),
        ),
    ),
    security(("admin_token" = [])),
    responses(
        (status = 202, description = "The started import job", body = ImportJob, headers(("Location" = String))),
        (status = 400, description = "A parameter is invalid, or the body is not a JSON object or not well-formed multipart", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The upload holds no data, or records of the other register than `source` says (`source_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`import_running`: another import is running", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 64 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not NDJSON, JSON or multipart/form-data", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/imports")]
pub async fn start(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let admin = caller.admin("import register data")?.id.clone();
    let params: ImportParams = query::parse(&req)?;
    let source = query::optional("source", params.source.as_deref(), RegisterSource::parse)?
        .ok_or_else(|| {
            ApiError::invalid_parameter(
                "source",
                domain::InvalidValue::new(
                    "required",
                    "source is required: ares or handelsregister",
                ),
            )
        })?;
    let inputs = read_body(&req, payload).await?;
    check_source(source, &inputs)?;
    let dry_run = params.dry_run;
    let id = persistence::companies::new_id();
    let job = db
        .run({
            let (id, admin) = (id.clone(), admin.clone());
            move |conn| {
                // One import at a time: each holds a connection and the write lock for its
                // batches, and two would only slow each other down.
                if import_jobs::any_running(conn)? {
                    return Err(ApiError::conflict(
                        "import_running",
                        "another import is running; start this one when it has finished",
                    ));
                }
                Ok(import_jobs::start(
                    conn,
                    &id,
                    source.as_str(),
                    dry_run,
                    &admin,
                )?)
            }
        })
        .await?;
    let db = db.get_ref().clone();
    // Imports take seconds to minutes: they run on a thread of their own, not on the
    // blocking pool that serves requests.
    std::thread::spawn(move || run_job(&db, &id, &admin, source, dry_run, inputs));
    Ok(HttpResponse::build(StatusCode::ACCEPTED)
        .insert_header((header::LOCATION, format!("/v1/admin/imports/{}", job.id)))
        .json(ImportJob::new(job)?))
}

/// Refuses an upload whose first record looks like another register's: importing it would
/// only reject every record.
fn check_source(source: RegisterSource, inputs: &[Input]) -> Result<(), ApiError> {
    let first = inputs.iter().find_map(|input| match input {
        Input::Bytes {
            data, lines: true, ..
        } => data
            .split(|b| *b == b'\n')
            .find(|line| !line.iter().all(u8::is_ascii_whitespace))
            .and_then(|line| serde_json::from_slice::<serde_json::Value>(line).ok()),
        Input::Bytes { data, .. } => serde_json::from_slice(data).ok(),
        _ => None,
    });
    match first.as_ref().and_then(domain::import::looks_like) {
        Some(looks) if looks != source => Err(ApiError::invalid_parameter(
            "source",
            domain::InvalidValue::new(
                "source_mismatch",
                format!(
                    "the records look like {looks} data, not {source}; send source={looks}",
                    looks = looks.as_str(),
                    source = source.as_str()
                ),
            ),
        )),
        _ => Ok(()),
    }
}

fn run_job(
    db: &Db,
    id: &str,
    admin: &str,
    source: RegisterSource,
    dry_run: bool,
    inputs: Vec<Input>,
) {
    let outcome = db.blocking(|conn| {
        let mut sink = JobSink {
            id,
            report: Report::default(),
        };
        let options = Options {
            source,
            dry_run,
            actor: Actor::User(admin),
        };
        let result = import::run(conn, inputs, options, &mut sink);
        let (counts, error) = match &result {
            Ok((summary, _)) => (counts(summary), None),
            Err(e) => (sink_counts(conn, id), Some(format!("{e:#}"))),
        };
        let report = serde_json::to_string(&sink.report)?;
        import_jobs::finish(conn, id, counts, &report, error.as_deref())?;
        result.map(drop)
    });
    if let Err(error) = outcome {
        tracing::error!(job = id, error = format!("{error:#}"), "import job failed");
    }
}

/// The counts a failed job reached, as last recorded.
fn sink_counts(conn: &mut DbConn, id: &str) -> Counts {
    import_jobs::find(conn, id)
        .ok()
        .flatten()
        .map(|row| Counts {
            inserted: row.inserted,
            updated: row.updated,
            unchanged: row.unchanged,
            rejected: row.rejected,
            warnings: row.warnings,
        })
        .unwrap_or_default()
}

fn counts(summary: &Summary) -> Counts {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    Counts {
        inserted: n(summary.inserted),
        updated: n(summary.updated),
        unchanged: n(summary.unchanged),
        rejected: n(summary.rejected),
        warnings: n(summary.warnings),
    }
}

struct JobSink<'a> {
    id: &'a str,
    report: Report,
}

impl Sink for JobSink<'_> {
    fn finding(&mut self, severity: Severity, finding: Finding) -> anyhow::Result<()> {
        let kept = match severity {
            Severity::Rejected => &mut self.report.rejects,
            Severity::Warning => &mut self.report.warnings,
        };
        if kept.len() < KEPT_FINDINGS {
            kept.push(ImportFinding {
                location: finding.location,
                code: finding.code.to_owned(),
                message: finding.message,
            });
        }
        Ok(())
    }

    fn batch_done(&mut self, conn: &mut DbConn, summary: &Summary) -> anyhow::Result<()> {
        import_jobs::progress(conn, self.id, counts(summary))?;
        Ok(())
    }

    fn read(&mut self, _: u64) {}
}

/// The uploaded data as import inputs, at most `MAX_UPLOAD_BYTES` in all.
async fn read_body(req: &HttpRequest, mut payload: web::Payload) -> Result<Vec<Input>, ApiError> {
    let mime = req.mime_type().ok().flatten();
    let essence = mime
        .as_ref()
        .map(|m| (m.type_().as_str(), m.subtype().as_str()));
    let lines = match essence {
        Some(("multipart", "form-data")) => return read_multipart(req, payload).await,
        Some(("application", "x-ndjson" | "jsonl" | "ndjson" | "x-jsonlines")) => true,
        Some(("application", "json")) => false,
        _ => return Err(ApiError::unsupported_media_type(req)),
    };
    let mut data = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("the body could not be read: {e}")))?;
        if data.len() + chunk.len() > MAX_UPLOAD_BYTES {
            return Err(ApiError::PayloadTooLarge(MAX_UPLOAD_BYTES));
        }
        data.extend_from_slice(&chunk);
    }
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(no_records());
    }
    // A JSON document is one ARES subject or search result: anything but an object is the
    // wrong body, not a record to reject.
    if !lines && !serde_json::from_slice::<serde_json::Value>(&data).is_ok_and(|v| v.is_object()) {
        return Err(ApiError::MalformedBody(vec![FieldError::pointer(
            "/",
            "invalid",
            "expected a JSON object: an ARES subject or search result",
        )]));
    }
    Ok(vec![Input::Bytes {
        name: "body".into(),
        data,
        lines,
    }])
}

/// An upload without data matches the body's schema (any text, any files) but imports nothing.
fn no_records() -> ApiError {
    ApiError::InvalidBody(vec![FieldError::pointer(
        "/",
        "empty",
        "the upload holds no register data",
    )])
}

/// Part names: 1 to 200 printable ASCII characters but `"` and `\`, which a
/// `Content-Disposition` header would have to escape. [`is_part_name`] checks the same.
const PART_NAME_PATTERN: &str = r#"^[ !#-\[\]-~]{1,200}$"#;
/// The longest part name [`PART_NAME_PATTERN`] allows.
const MAX_PART_NAME: usize = 200;

fn is_part_name(name: &str) -> bool {
    (1..=200).contains(&name.len())
        && name
            .bytes()
            .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
}

async fn read_multipart(req: &HttpRequest, payload: web::Payload) -> Result<Vec<Input>, ApiError> {
    let malformed = |e: actix_multipart::MultipartError| {
        ApiError::BadRequest(format!("the multipart body is malformed: {e}"))
    };
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut inputs = Vec::new();
    let mut total = 0;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(malformed)?;
        let disposition = field.content_disposition();
        let part = disposition.and_then(|d| d.get_name()).unwrap_or_default();
        if !is_part_name(part) {
            return Err(ApiError::BadRequest(format!(
                "the multipart part '{part}' needs a name of 1 to 200 printable ASCII characters"
            )));
        }
        let name = disposition
            .and_then(|d| d.get_filename())
            .unwrap_or(part)
            .to_owned();
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            total += chunk.len();
            if total > MAX_UPLOAD_BYTES {
                return Err(ApiError::PayloadTooLarge(MAX_UPLOAD_BYTES));
            }
            data.extend_from_slice(&chunk);
        }
        let lines = name.ends_with(".jsonl") || name.ends_with(".ndjson");
        inputs.push(Input::Bytes { name, data, lines });
    }
    if inputs
        .iter()
        .all(|i| matches!(i, Input::Bytes { data, .. } if data.iter().all(u8::is_ascii_whitespace)))
    {
        return Err(no_records());
    }
    Ok(inputs)
}

/// List import jobs
///
/// For administrators: the jobs started over HTTP, newest first, without their findings (get
/// a job for those).
#[utoipa::path(
    operation_id = "listImports",
    tag = "imports",
    params(PageParams),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "A page of import jobs, newest first", body = Page<ImportJob>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/imports")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.admin("import register data")?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let before = pagination::id_cursor(params.cursor.as_deref())?;
    let rows = db
        .run(move |conn| Ok(import_jobs::newest(conn, before.as_deref(), limit + 1)?))
        .await?;
    pagination::respond_by_id(&req, rows, limit, |row| &row.id, ImportJob::overview)
}

/// An import job
///
/// For administrators: the job's status, its counts so far, and when it is done the rejected
/// records and warnings.
#[utoipa::path(
    operation_id = "getImport",
    tag = "imports",
    params(("id" = String, Path, description = "The job's id")),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "The import job", body = ImportJob),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No import job has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/imports/{id}")]
pub async fn get(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.admin("import register data")?;
    let id = id.into_inner();
    let row = db
        .run(move |conn| {
            import_jobs::find(conn, &id)?.ok_or_else(|| ApiError::no_such("import job", &id))
        })
        .await?;
    Ok(HttpResponse::Ok().json(ImportJob::new(row)?))
}
