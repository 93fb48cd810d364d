//! Importing register data, from the command line (`partnernet import`) and over HTTP
//! (`POST /v1/admin/imports`): read values, parse them into records, upsert them in batches.

pub mod read;
pub mod terminal;

use std::time::{Duration, Instant};

use domain::InvalidValue;
use domain::import::{RegisterRecord, RegisterSource, ares, handelsregister};
use persistence::DbConn;
use persistence::audit::Actor;
use persistence::imports::{self, Outcome};
use serde::Serialize;
use serde_json::Value;

pub use read::Input;

/// Records per transaction: large enough to amortise the commit, small enough that an import
/// killed midway loses little and holds the SQLite write lock only briefly.
const BATCH: usize = 2_000;

/// What an import did, in counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub inserted: u64,
    pub updated: u64,
    /// Records equal to what is stored, and records older than what is stored.
    pub unchanged: u64,
    pub rejected: u64,
    /// Records imported with something left out (counted once per record).
    pub warnings: u64,
}

impl Summary {
    pub fn records(&self) -> u64 {
        self.inserted + self.updated + self.unchanged + self.rejected
    }
}

/// Whether a finding rejected its record or only left something out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Rejected,
    Warning,
}

/// A rejected record or a warning, with where the record is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// "file:line" of the record, plus its position in a search result.
    pub location: String,
    pub code: &'static str,
    pub message: String,
}

/// Where an import reports what it finds and how far it got.
pub trait Sink {
    fn finding(&mut self, severity: Severity, finding: Finding) -> anyhow::Result<()>;
    /// Called after each batch is stored, with the connection that stored it.
    fn batch_done(&mut self, conn: &mut DbConn, summary: &Summary) -> anyhow::Result<()>;
    /// Bytes of input consumed so far grew by `bytes`.
    fn read(&mut self, bytes: u64);
}

/// How to run an import.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub source: RegisterSource,
    /// Validate and count, write nothing.
    pub dry_run: bool,
    pub actor: Actor<'a>,
}

/// Imports `inputs` and returns the counts and the time taken. Bad records are reported to
/// `sink` and skipped; only IO and database errors end the run early, and then every batch
/// stored before stays stored (running the same input again completes the import).
pub fn run(
    conn: &mut DbConn,
    inputs: Vec<Input>,
    options: Options<'_>,
    sink: &mut dyn Sink,
) -> anyhow::Result<(Summary, Duration)> {
    let started = Instant::now();
    let mut importer = Importer {
        conn,
        options,
        batch: Vec::with_capacity(BATCH),
        summary: Summary::default(),
    };
    for input in inputs {
        read::read(input, &mut |item| {
            sink.read(item.bytes);
            importer.value(item.location, item.value, sink)
        })?;
    }
    importer.flush(sink)?;
    Ok((importer.summary, started.elapsed()))
}

struct Importer<'c, 'a> {
    conn: &'c mut DbConn,
    options: Options<'a>,
    batch: Vec<(String, RegisterRecord)>,
    summary: Summary,
}

impl Importer<'_, '_> {
    fn value(
        &mut self,
        location: String,
        value: Result<Value, InvalidValue>,
        sink: &mut dyn Sink,
    ) -> anyhow::Result<()> {
        let value = match value {
            Ok(value) => value,
            Err(e) => return self.reject(location, e, sink),
        };
        match self.options.source {
            RegisterSource::Handelsregister => match handelsregister::parse(value) {
                Ok(record) => self.record(location, record, sink),
                Err(e) => self.reject(location, e, sink),
            },
            RegisterSource::Ares => {
                let search_result = value.get("ekonomickeSubjekty").is_some();
                let subjects = match ares::subjects(value) {
                    Ok(subjects) => subjects,
                    Err(e) => return self.reject(location, e, sink),
                };
                for (i, subject) in subjects.into_iter().enumerate() {
                    let location = if search_result {
                        format!("{location} ekonomickeSubjekty[{i}]")
                    } else {
                        location.clone()
                    };
                    match ares::parse(subject) {
                        Ok(record) => self.record(location, record, sink)?,
                        Err(e) => self.reject(location, e, sink)?,
                    }
                }
                Ok(())
            }
        }
    }

    fn reject(
        &mut self,
        location: String,
        reason: InvalidValue,
        sink: &mut dyn Sink,
    ) -> anyhow::Result<()> {
        self.summary.rejected += 1;
        sink.finding(
            Severity::Rejected,
            Finding {
                location,
                code: reason.code,
                message: reason.message,
            },
        )
    }

    fn record(
        &mut self,
        location: String,
        record: RegisterRecord,
        sink: &mut dyn Sink,
    ) -> anyhow::Result<()> {
        self.batch.push((location, record));
        if self.batch.len() >= BATCH {
            self.flush(sink)?;
        }
        Ok(())
    }

    fn flush(&mut self, sink: &mut dyn Sink) -> anyhow::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let (locations, records): (Vec<String>, Vec<RegisterRecord>) =
            std::mem::take(&mut self.batch).into_iter().unzip();
        let outcomes = imports::apply(
            self.conn,
            &records,
            self.options.actor,
            self.options.dry_run,
        )?;
        for ((location, record), outcome) in locations.into_iter().zip(records).zip(outcomes) {
            match outcome {
                Outcome::Inserted => self.summary.inserted += 1,
                Outcome::Updated(_) => self.summary.updated += 1,
                Outcome::Unchanged | Outcome::Outdated => self.summary.unchanged += 1,
            }
            let mut warnings = record.warnings;
            if outcome == Outcome::Outdated {
                warnings.push(InvalidValue::new(
                    "outdated_record",
                    "the stored register record is newer: this one was not applied",
                ));
            }
            if !warnings.is_empty() {
                self.summary.warnings += 1;
            }
            for warning in warnings {
                sink.finding(
                    Severity::Warning,
                    Finding {
                        location: location.clone(),
                        code: warning.code,
                        message: warning.message,
                    },
                )?;
            }
        }
        sink.batch_done(self.conn, &self.summary)
    }
}
