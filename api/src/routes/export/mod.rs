//! Bulk exports of public data for multiplier systems: NDJSON or CSV, streamed from one database
//! snapshot, naming the change-log position they are consistent with. Companies
//! ([`companies`]) and products, events and opportunities ([`records`]) share how an export
//! runs: one thread reads batches from the snapshot while another turns them into bytes, and a
//! bounded channel to the client keeps memory flat.

pub mod companies;
pub mod records;

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime};
use domain::search::SearchRequest;
use persistence::DbConn;
use persistence::changes;
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::changes::POSITION_HEADER;
use super::search::Search;
use crate::db::Db;
use crate::error::ApiError;
use crate::query;
use search_index::{SearchIndex, Target};

/// Records read from the database at a time: memory stays flat however many there are. (500
/// was 10 % faster and took twice the memory: docs/benchmarks.md.)
const BATCH: usize = 250;
/// Batches waiting for a slow client before reading pauses; one more waits between the
/// reading and the writing thread.
const BUFFERED: usize = 2;
/// How the values of a multi-valued CSV column are joined.
const JOIN: &str = " | ";

/// The query of an export besides the search's filters: `updated_since` and the format.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `ndjson` (one record per line, the default) or `csv`; without it, `Accept: text/csv`
    /// asks for CSV.
    #[param(inline, value_type = Option<ExportFormat>)]
    format: Option<String>,
    /// Only records changed at or after this moment (RFC 3339).
    #[param(value_type = Option<chrono::DateTime<chrono::Utc>>, example = "2026-12-01T00:00:00Z")]
    updated_since: Option<String>,
}

impl ExportParams {
    /// The format and `updated_since` of the request.
    fn parse(req: &HttpRequest) -> Result<(ExportFormat, Option<NaiveDateTime>), ApiError> {
        let params: ExportParams = query::parse(req)?;
        let format = match params.format.as_deref() {
            Some(raw) => query::optional("format", Some(raw), |raw| match raw {
                "ndjson" => Ok(ExportFormat::Ndjson),
                "csv" => Ok(ExportFormat::Csv),
                _ => Err(domain::InvalidValue::new(
                    "unknown_format",
                    format!("'{raw}' is not a format; expected ndjson or csv"),
                )),
            })?
            .unwrap_or(ExportFormat::Ndjson),
            None if super::accepts_csv(req) => ExportFormat::Csv,
            None => ExportFormat::Ndjson,
        };
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
        Ok((format, since))
    }
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

/// What an export reads, batch by batch, and how it writes a batch.
trait Source: Send + Sync + 'static {
    type Batch: Send;

    /// Up to `limit` candidate ids after `after`, in id order (for an export without a choice
    /// by the search index); [`Source::load`] leaves out what is not public.
    fn ids_after(
        &self,
        conn: &mut DbConn,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<String>, ApiError>;

    /// The public records among `ids`, changed since the export's `updated_since`.
    fn load(&self, conn: &mut DbConn, ids: &[String]) -> Result<Self::Batch, ApiError>;

    /// The CSV columns, in order.
    fn csv_columns(&self) -> Vec<&'static str>;

    /// Appends the batch as NDJSON lines or CSV rows.
    fn write(
        &self,
        batch: Self::Batch,
        format: ExportFormat,
        out: &mut Vec<u8>,
    ) -> Result<(), ApiError>;
}

/// What the search index chose, when the export is filtered: the index's position and the ids
/// in the search's order.
type Chosen = Option<(i64, Vec<String>)>;

/// With filters, the index picks the records, in the search's order; the export is then
/// consistent with the position the index had reached, which is at most the snapshot's
/// (following the feed from there repeats some changes, which is harmless, and misses none).
/// Without filters, `None`: the export reads the database in id order.
async fn choose(
    index: &web::Data<SearchIndex>,
    target: Target,
    q: Option<String>,
    request: SearchRequest,
) -> Result<Chosen, ApiError> {
    if q.is_none() && !filters(&request) {
        return Ok(None);
    }
    let search = Search::new(target, q, request, None, None)?;
    let index = index.clone().into_inner();
    let position = index.applied();
    let ids = web::block(move || search.all_ids(&index))
        .await
        .map_err(ApiError::internal)??;
    Ok(Some((position, ids)))
}

/// Whether a request filters at all.
fn filters(request: &SearchRequest) -> bool {
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

/// Streams the export of `source`: the response (with the position) as soon as the snapshot is
/// taken, then the records while the client reads.
async fn stream<S: Source>(
    db: &Db,
    source: S,
    format: ExportFormat,
    chosen: Chosen,
) -> Result<HttpResponse, ApiError> {
    let lease = db.lease().await?;
    let (head, position) = oneshot::channel();
    let (body, chunks) = mpsc::channel::<Result<Bytes, std::io::Error>>(BUFFERED);
    actix_web::rt::task::spawn_blocking(move || {
        let mut lease = lease;
        let mut export = Export {
            source,
            format,
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
        .streaming(stream))
}

/// An export in progress on a blocking thread.
struct Export<S: Source> {
    source: S,
    format: ExportFormat,
    body: mpsc::Sender<Result<Bytes, std::io::Error>>,
    /// Until the position is known and sent, errors become the response.
    head: Option<oneshot::Sender<Result<i64, ApiError>>>,
}

/// Stops an export whose client has gone.
#[derive(Debug)]
struct Gone;

/// Why a batch was not read or written.
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

impl<S: Source> Export<S> {
    /// Sends the position, then the export: one thread reads batches from the snapshot while
    /// another turns the previous ones into bytes, so the two cores share the work.
    fn run(&mut self, conn: &mut DbConn, chosen: Chosen) -> Result<(), ApiError> {
        let position = match &chosen {
            Some((position, _)) => *position,
            None => changes::latest(conn)?,
        };
        if let Some(head) = self.head.take() {
            let _ = head.send(Ok(position));
        }
        let (loaded, batches) = std::sync::mpsc::sync_channel::<S::Batch>(1);
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

    /// Reads the chosen records (every candidate without a choice) in batches.
    fn read_all(
        &self,
        conn: &mut DbConn,
        chosen: Chosen,
        loaded: &std::sync::mpsc::SyncSender<S::Batch>,
    ) -> Result<(), ExportError> {
        let pass = |conn: &mut DbConn, ids: &[String]| {
            let batch = self.source.load(conn, ids)?;
            // The writer stopped (the client went away, or it failed and says why).
            loaded.send(batch).map_err(|_| ExportError::Gone(Gone))
        };
        match chosen {
            Some((_, ids)) => ids.chunks(BATCH).try_for_each(|batch| pass(conn, batch)),
            None => {
                let mut after: Option<String> = None;
                loop {
                    let ids = self
                        .source
                        .ids_after(conn, after.as_deref(), BATCH as i64)?;
                    let Some(last) = ids.last().cloned() else {
                        return Ok(());
                    };
                    pass(conn, &ids)?;
                    after = Some(last);
                }
            }
        }
    }

    /// Writes the CSV header, then each batch as it comes.
    fn write_all(&self, batches: std::sync::mpsc::Receiver<S::Batch>) -> Result<(), ExportError> {
        if self.format == ExportFormat::Csv {
            let mut out = Vec::new();
            csv_record(&mut out, self.source.csv_columns())?;
            self.send(out).map_err(ExportError::Gone)?;
        }
        for batch in batches {
            let mut out = Vec::with_capacity(BATCH * 2048);
            self.source.write(batch, self.format, &mut out)?;
            self.send(out).map_err(ExportError::Gone)?;
        }
        Ok(())
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

/// Appends one CSV record, each cell escaped against spreadsheet formulas.
fn csv_record<I, T>(out: &mut Vec<u8>, cells: I) -> Result<(), ApiError>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(cells.into_iter().map(|cell| super::csv_cell(cell.as_ref())))
        .map_err(ApiError::internal)?;
    writer.flush().map_err(ApiError::internal)
}

/// Joins the values of a multi-valued CSV cell; a `|` inside a value becomes `/`.
fn joined<I, T>(values: I) -> String
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    values
        .into_iter()
        .map(|v| v.as_ref().replace('|', "/"))
        .collect::<Vec<_>>()
        .join(JOIN)
}
