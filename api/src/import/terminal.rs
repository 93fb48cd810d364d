//! Reporting a command-line import: a progress bar on a terminal, findings into files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use persistence::DbConn;

use super::{Finding, Severity, Sink, Summary};

/// Findings printed to stderr when they go to no file; the rest are only counted.
const PRINTED: usize = 20;

/// Writes rejects and warnings as NDJSON (`{"location", "code", "message"}`) to the files
/// given, and shows progress by bytes read (a spinner when the size is unknown).
#[derive(Debug)]
pub struct TerminalSink {
    rejects: Option<BufWriter<File>>,
    warnings: Option<BufWriter<File>>,
    printed: usize,
    progress: ProgressBar,
}

impl TerminalSink {
    pub fn new(
        rejects: Option<&Path>,
        warnings: Option<&Path>,
        total_bytes: Option<u64>,
    ) -> anyhow::Result<Self> {
        let create = |path: Option<&Path>| {
            path.map(|p| {
                File::create(p)
                    .map(BufWriter::new)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))
            })
            .transpose()
        };
        // indicatif draws nothing when stderr is not a terminal.
        let progress = match total_bytes {
            Some(total) => ProgressBar::new(total).with_style(ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {msg} eta {eta}",
            )?),
            None => ProgressBar::new_spinner().with_style(ProgressStyle::with_template(
                "{spinner} {bytes} read {msg}",
            )?),
        };
        Ok(Self {
            rejects: create(rejects)?,
            warnings: create(warnings)?,
            printed: 0,
            progress,
        })
    }

    /// Flushes the files and clears the progress bar.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.progress.finish_and_clear();
        for file in [&mut self.rejects, &mut self.warnings]
            .into_iter()
            .flatten()
        {
            file.flush()?;
        }
        Ok(())
    }
}

impl Sink for TerminalSink {
    fn finding(&mut self, severity: Severity, finding: Finding) -> anyhow::Result<()> {
        let file = match severity {
            Severity::Rejected => &mut self.rejects,
            Severity::Warning => &mut self.warnings,
        };
        match file {
            Some(file) => {
                serde_json::to_writer(&mut *file, &finding)?;
                file.write_all(b"\n")?;
            }
            None if self.printed < PRINTED => {
                self.printed += 1;
                let label = match severity {
                    Severity::Rejected => "rejected",
                    Severity::Warning => "warning",
                };
                self.progress.suspend(|| {
                    eprintln!(
                        "{label}: {}: {} ({})",
                        finding.location, finding.message, finding.code
                    );
                });
            }
            None => {}
        }
        Ok(())
    }

    fn batch_done(&mut self, _: &mut DbConn, summary: &Summary) -> anyhow::Result<()> {
        self.progress
            .set_message(format!("{} records", summary.records()));
        Ok(())
    }

    fn read(&mut self, bytes: u64) {
        self.progress.inc(bytes);
    }
}
