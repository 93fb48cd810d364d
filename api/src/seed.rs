//! Filling the database: the demo dataset and deterministic synthetic companies.

use domain::synthetic;
use indicatif::{ProgressBar, ProgressStyle};
use persistence::DbConn;
use persistence::companies;

/// The seed of the demo dataset: the same 50 companies on every machine.
const DEMO_SEED: u64 = 2026;
const DEMO_SIZE: usize = 50;
/// Companies per transaction when seeding many.
const BATCH: usize = 5_000;

/// Seeds the demo dataset into a database without companies; returns how many were added.
pub fn demo_if_empty(conn: &mut DbConn) -> anyhow::Result<Option<usize>> {
    if companies::count(conn)? > 0 {
        return Ok(None);
    }
    let demo: Vec<_> = synthetic::generate(DEMO_SIZE, DEMO_SEED).collect();
    Ok(Some(companies::insert_new(conn, &demo)?))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub inserted: usize,
    /// Generated companies whose register id the database already held.
    pub skipped: usize,
}

/// Inserts `count` synthetic companies generated from `seed`, in batches, with a progress bar
/// on a terminal (indicatif hides it when stderr is not one).
pub fn synthetic(conn: &mut DbConn, count: usize, seed: u64) -> anyhow::Result<SeedReport> {
    let progress = ProgressBar::new(count as u64).with_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} companies, {per_sec}, eta {eta}",
    )?);
    let mut report = SeedReport {
        inserted: 0,
        skipped: 0,
    };
    let mut generated = synthetic::generate(count, seed).peekable();
    while generated.peek().is_some() {
        let batch: Vec<_> = generated.by_ref().take(BATCH).collect();
        let inserted = companies::insert_new(conn, &batch)?;
        report.inserted += inserted;
        report.skipped += batch.len() - inserted;
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    persistence::db::analyze(conn)?;
    Ok(report)
}
