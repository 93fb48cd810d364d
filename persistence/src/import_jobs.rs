//! Imports started over HTTP: their state while they run and their summary when done.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::clock::now;
use crate::schema::import_jobs;

pub const RUNNING: &str = "running";
pub const SUCCEEDED: &str = "succeeded";
pub const FAILED: &str = "failed";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = import_jobs, treat_none_as_default_value = false)]
pub struct ImportJobRow {
    pub id: String,
    pub source: String,
    pub status: String,
    pub dry_run: bool,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub warnings: i64,
    /// JSON: the rejected records and the warnings.
    pub report: Option<String>,
    pub error: Option<String>,
}

/// The counts of a job so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub warnings: i64,
}

pub fn start(
    conn: &mut DbConn,
    id: &str,
    source: &str,
    dry_run: bool,
    created_by: &str,
) -> QueryResult<ImportJobRow> {
    let row = ImportJobRow {
        id: id.to_owned(),
        source: source.to_owned(),
        status: RUNNING.to_owned(),
        dry_run,
        created_by: Some(created_by.to_owned()),
        created_at: now(),
        finished_at: None,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        warnings: 0,
        report: None,
        error: None,
    };
    diesel::insert_into(import_jobs::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// Records the counts of a running job, so callers polling it see it progress.
pub fn progress(conn: &mut DbConn, id: &str, counts: Counts) -> QueryResult<()> {
    diesel::update(import_jobs::table.find(id))
        .set((
            import_jobs::inserted.eq(counts.inserted),
            import_jobs::updated.eq(counts.updated),
            import_jobs::unchanged.eq(counts.unchanged),
            import_jobs::rejected.eq(counts.rejected),
            import_jobs::warnings.eq(counts.warnings),
        ))
        .execute(conn)
        .map(drop)
}

/// Ends a job: `error` is `None` when it ran to the end.
pub fn finish(
    conn: &mut DbConn,
    id: &str,
    counts: Counts,
    report: &str,
    error: Option<&str>,
) -> QueryResult<()> {
    progress(conn, id, counts)?;
    diesel::update(import_jobs::table.find(id))
        .set((
            import_jobs::status.eq(if error.is_some() { FAILED } else { SUCCEEDED }),
            import_jobs::finished_at.eq(now()),
            import_jobs::report.eq(report),
            import_jobs::error.eq(error),
        ))
        .execute(conn)
        .map(drop)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ImportJobRow>> {
    import_jobs::table
        .find(id)
        .select(ImportJobRow::as_select())
        .first(conn)
        .optional()
}

/// Up to `limit` jobs, newest first (ids grow with time), before the job `before`.
pub fn newest(
    conn: &mut DbConn,
    before: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ImportJobRow>> {
    let mut query = import_jobs::table
        .select(ImportJobRow::as_select())
        .order(import_jobs::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(import_jobs::id.lt(before));
    }
    query.load(conn)
}

/// Whether an import job is running.
pub fn any_running(conn: &mut DbConn) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        import_jobs::table.filter(import_jobs::status.eq(RUNNING)),
    ))
    .get_result(conn)
}

/// Marks jobs that were running when the service stopped as failed; returns how many. The
/// batches they committed stay, and running the same input again completes them.
pub fn fail_interrupted(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::update(import_jobs::table.filter(import_jobs::status.eq(RUNNING)))
        .set((
            import_jobs::status.eq(FAILED),
            import_jobs::finished_at.eq(now()),
            import_jobs::error.eq("interrupted: the service stopped while the import ran; run it again to complete it"),
        ))
        .execute(conn)
}
