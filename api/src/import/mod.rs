//! Importing register data, from the command line (`partnernet import`) and over HTTP
//! (`POST /v1/admin/imports`): read values, parse them into records, upsert them in batches.

pub mod read;
pub mod terminal;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use domain::InvalidValue;
use domain::import::{RegisterRecord, RegisterSource, ares, handelsregister};
use persistence::DbConn;
use persistence::audit::Actor;
use persistence::imports::{self, Outcome, Staged};
use serde::Serialize;
use serde_json::Value;

pub use read::Input;

/// Records per transaction: large enough to amortise the commit, small enough that an import
/// killed midway loses little and holds the SQLite write lock only briefly.
pub const BATCH: usize = 2_000;

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
///
/// A second thread reads, parses and stages the records (their rows) while this
/// one writes the batch before: the writer only talks to the database.
pub fn run(
    conn: &mut DbConn,
    inputs: Vec<Input>,
    options: Options<'_>,
    sink: &mut dyn Sink,
) -> anyhow::Result<(Summary, Duration)> {
    let started = Instant::now();
    let source = options.source;
    let summary = std::thread::scope(|scope| {
        // At most two staged batches wait while one is written: memory stays bounded.
        let (sender, batches) = mpsc::sync_channel(2);
        let reader = scope.spawn(move || stage_all(inputs, source, &sender));
        let mut writer = Writer {
            conn,
            options,
            summary: Summary::default(),
        };
        for batch in batches {
            writer.write(batch, sink)?;
        }
        reader
            .join()
            .map_err(|_| anyhow::anyhow!("the import's reading thread panicked"))??;
        anyhow::Ok(writer.summary)
    })?;
    Ok((summary, started.elapsed()))
}

/// A value read that became a record ready to store, or was rejected.
enum Staging {
    Record {
        location: String,
        warnings: Vec<InvalidValue>,
        staged: Box<Staged>,
    },
    Rejected {
        location: String,
        reason: InvalidValue,
    },
}

/// Records and rejects in the order read, with the input bytes they were read from.
struct Batch {
    items: Vec<Staging>,
    bytes: u64,
}

/// Values read and not yet parsed, with where each starts.
type Read = Vec<(String, Result<Value, InvalidValue>)>;

/// Reads every input and sends its records on in staged batches. Stops early, without an
/// error, when the writer is gone (it failed and reports why).
fn stage_all(
    inputs: Vec<Input>,
    source: RegisterSource,
    sender: &mpsc::SyncSender<Batch>,
) -> anyhow::Result<()> {
    let mut read = Read::with_capacity(BATCH);
    let mut records = 0;
    let mut bytes = 0;
    let mut writer_gone = false;
    let send = |read: Read, bytes: u64| {
        let items = stage_batch(source, read);
        sender.send(Batch { items, bytes }).is_ok()
    };
    for input in inputs {
        read::read(input, &mut |item| {
            bytes += item.bytes;
            records += records_in(&item.value);
            read.push((item.location, item.value));
            if records >= BATCH {
                records = 0;
                let full = std::mem::replace(&mut read, Read::with_capacity(BATCH));
                if !send(full, std::mem::take(&mut bytes)) {
                    writer_gone = true;
                    anyhow::bail!("the import's writer stopped");
                }
            }
            Ok(())
        })
        .or_else(|e| if writer_gone { Ok(()) } else { Err(e) })?;
        if writer_gone {
            return Ok(());
        }
    }
    // A send fails only when the writer is gone, and then it reports why.
    send(read, bytes);
    Ok(())
}

/// How many records a value read holds: an ARES search result holds its subjects. Batches are
/// cut by records, so a folder of search results does not gather thousands in memory.
fn records_in(value: &Result<Value, InvalidValue>) -> usize {
    value
        .as_ref()
        .ok()
        .and_then(|v| v.get("ekonomickeSubjekty"))
        .and_then(Value::as_array)
        .map_or(1, |subjects| subjects.len().max(1))
}

/// Parses and stages a batch in two halves at once: a re-import of unchanged data leaves the
/// writer little to do, and then staging sets the pace.
fn stage_batch(source: RegisterSource, mut read: Read) -> Vec<Staging> {
    let second = read.split_off(read.len() / 2);
    let stage_each = |values: Read| {
        let mut items = Vec::with_capacity(values.len());
        for (location, value) in values {
            stage(source, location, value, &mut items);
        }
        items
    };
    std::thread::scope(|scope| {
        let later = scope.spawn(|| stage_each(second));
        let mut items = stage_each(read);
        match later.join() {
            Ok(rest) => items.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        items
    })
}

/// Parses one value read into records (a search result holds several) and stages them.
fn stage(
    source: RegisterSource,
    location: String,
    value: Result<Value, InvalidValue>,
    out: &mut Vec<Staging>,
) {
    let mut push = |location: String, parsed: Result<RegisterRecord, InvalidValue>| {
        out.push(match parsed {
            Ok(mut record) => Staging::Record {
                location,
                warnings: std::mem::take(&mut record.warnings),
                staged: Box::new(Staged::new(record)),
            },
            Err(reason) => Staging::Rejected { location, reason },
        });
    };
    let value = match value {
        Ok(value) => value,
        Err(e) => return push(location, Err(e)),
    };
    match source {
        RegisterSource::Handelsregister => push(location, handelsregister::parse(value)),
        RegisterSource::Ares => {
            let search_result = value.get("ekonomickeSubjekty").is_some();
            let subjects = match ares::subjects(value) {
                Ok(subjects) => subjects,
                Err(e) => return push(location, Err(e)),
            };
            for (i, subject) in subjects.into_iter().enumerate() {
                let location = if search_result {
                    format!("{location} ekonomickeSubjekty[{i}]")
                } else {
                    location.clone()
                };
                push(location, ares::parse(subject));
            }
        }
    }
}

/// Stores batches and reports what became of each record.
struct Writer<'c, 'a> {
    conn: &'c mut DbConn,
    options: Options<'a>,
    summary: Summary,
}

impl Writer<'_, '_> {
    fn write(&mut self, batch: Batch, sink: &mut dyn Sink) -> anyhow::Result<()> {
        sink.read(batch.bytes);
        let mut records: Vec<Staged> = Vec::with_capacity(batch.items.len());
        let mut findings = Vec::with_capacity(batch.items.len());
        for item in batch.items {
            match item {
                Staging::Rejected { location, reason } => {
                    self.summary.rejected += 1;
                    sink.finding(
                        Severity::Rejected,
                        Finding {
                            location,
                            code: reason.code,
                            message: reason.message,
                        },
                    )?;
                }
                Staging::Record {
                    location,
                    warnings,
                    staged,
                } => {
                    records.push(*staged);
                    findings.push((location, warnings));
                }
            }
        }
        if records.is_empty() {
            return sink.batch_done(self.conn, &self.summary);
        }
        // One transaction per `BATCH` records, also when one search result holds more.
        let mut findings = findings.into_iter();
        while !records.is_empty() {
            let rest = records.split_off(records.len().min(BATCH));
            let outcomes = imports::apply(
                self.conn,
                std::mem::replace(&mut records, rest),
                self.options.actor,
                self.options.dry_run,
            )?;
            // Outcomes first: `zip` takes nothing more from `findings` once they run out.
            for (outcome, (location, warnings)) in outcomes.into_iter().zip(findings.by_ref()) {
                self.tally(location, warnings, outcome, sink)?;
            }
            sink.batch_done(self.conn, &self.summary)?;
        }
        Ok(())
    }

    fn tally(
        &mut self,
        location: String,
        mut warnings: Vec<InvalidValue>,
        outcome: Outcome,
        sink: &mut dyn Sink,
    ) -> anyhow::Result<()> {
        match outcome {
            Outcome::Inserted => self.summary.inserted += 1,
            Outcome::Updated(_) => self.summary.updated += 1,
            Outcome::Unchanged | Outcome::Outdated => self.summary.unchanged += 1,
        }
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
        Ok(())
    }
}
