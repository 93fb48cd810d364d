//! Reading register files: JSON documents, NDJSON lines, folders of them, standard input.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use domain::InvalidValue;
use serde_json::Value;

/// Where register data comes from.
#[derive(Debug)]
pub enum Input {
    /// NDJSON on standard input.
    Stdin,
    /// A file, or a folder whose `.json`, `.jsonl` and `.ndjson` files are read in name order.
    Path(PathBuf),
    /// Data received over HTTP, with the name it was sent under.
    Bytes {
        name: String,
        data: Vec<u8>,
        lines: bool,
    },
}

impl Input {
    /// `-` is standard input, anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The files behind the input, for the progress bar's total: `None` when unknown.
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Stdin => None,
            Input::Path(path) => files(path)
                .ok()?
                .iter()
                .map(|f| f.metadata().map(|m| m.len()).ok())
                .sum(),
            Input::Bytes { data, .. } => Some(data.len() as u64),
        }
    }
}

/// One JSON value read, or why it could not be read, with where it starts ("file:line").
#[derive(Debug)]
pub struct Item {
    pub location: String,
    pub value: Result<Value, InvalidValue>,
    /// Input bytes consumed since the previous item, for progress bars.
    pub bytes: u64,
}

/// Calls `each` for every JSON value in `input`. A line that is not JSON (NDJSON) or a document
/// that is not (a `.json` file) is passed on as an error, and reading goes on with the next line
/// or file. Only IO errors end the reading.
pub fn read(input: Input, each: &mut dyn FnMut(Item) -> anyhow::Result<()>) -> anyhow::Result<()> {
    match input {
        Input::Stdin => lines("stdin", std::io::stdin().lock(), each),
        Input::Bytes {
            name,
            data,
            lines: true,
        } => lines(&name, data.as_slice(), each),
        Input::Bytes {
            name,
            data,
            lines: false,
        } => document(&name, &data, each),
        Input::Path(path) => {
            for file in files(&path)? {
                let name = file.display().to_string();
                let open = || {
                    fs::File::open(&file).map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))
                };
                if is_lines(&file) {
                    lines(&name, BufReader::new(open()?), each)?;
                } else {
                    let mut data = Vec::new();
                    open()?.read_to_end(&mut data)?;
                    document(&name, &data, each)?;
                }
            }
            Ok(())
        }
    }
}

fn is_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// The file itself, or the JSON files in a folder (not its subfolders) in name order.
fn files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let metadata =
        fs::metadata(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(path)? {
        let file = entry?.path();
        let json = matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("json" | "jsonl" | "ndjson")
        );
        if json && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// NDJSON: one value per line; blank lines are skipped.
fn lines(
    name: &str,
    mut reader: impl BufRead,
    each: &mut dyn FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut bytes = 0;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        bytes += read as u64;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value = serde_json::from_slice(&line).map_err(|e| malformed(&e));
        each(Item {
            location: format!("{name}:{number}"),
            value,
            bytes: std::mem::take(&mut bytes),
        })?;
    }
}

/// A whole file: one JSON value, or several one after the other. A syntax error ends the file
/// (nothing after it can be trusted) and is passed on with the line it is on.
fn document(
    name: &str,
    data: &[u8],
    each: &mut dyn FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut values = serde_json::Deserializer::from_slice(data).into_iter::<Value>();
    let mut start = 0;
    loop {
        // The value starts at the first non-blank byte after the previous one.
        let begin = start
            + data[start..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        let line = data[..begin].iter().filter(|&&b| b == b'\n').count() + 1;
        match values.next() {
            None => break,
            Some(Ok(value)) => each(Item {
                location: format!("{name}:{line}"),
                value: Ok(value),
                bytes: (values.byte_offset() - start) as u64,
            })?,
            Some(Err(e)) => {
                each(Item {
                    location: format!("{name}:{}", e.line()),
                    value: Err(malformed(&e)),
                    bytes: (data.len() - start) as u64,
                })?;
                break;
            }
        }
        start = values.byte_offset();
    }
    Ok(())
}

fn malformed(error: &serde_json::Error) -> InvalidValue {
    let code = if error.is_eof() {
        "truncated_json"
    } else {
        "malformed_json"
    };
    InvalidValue::new(code, format!("not valid JSON: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: Input) -> Vec<(String, Result<Value, &'static str>)> {
        let mut out = Vec::new();
        read(input, &mut |r| {
            out.push((r.location, r.value.map_err(|e| e.code)));
            Ok(())
        })
        .expect("read");
        out
    }

    #[test]
    fn lines_are_read_one_by_one() {
        let data = b"{\"a\":1}\n\n{\"a\":\nnot json\n{\"a\":2}".to_vec();
        let read = collect(Input::Bytes {
            name: "x".into(),
            data,
            lines: true,
        });
        let locations: Vec<&str> = read.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(locations, ["x:1", "x:3", "x:4", "x:5"]);
        assert_eq!(read[1].1, Err("truncated_json"));
        assert_eq!(read[2].1, Err("malformed_json"));
        assert!(read[3].1.is_ok());
    }

    #[test]
    fn documents_stop_at_the_first_syntax_error() {
        let data = b"{\"a\":1}\n\n{\"b\":\n  2}\n{\"c\": [".to_vec();
        let read = collect(Input::Bytes {
            name: "f.json".into(),
            data,
            lines: false,
        });
        let locations: Vec<&str> = read.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(locations, ["f.json:1", "f.json:3", "f.json:5"]);
        assert_eq!(read[2].1, Err("truncated_json"));
    }
}
