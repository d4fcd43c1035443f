//! The native file format, version 1: export and checked import.
//!
//! The format is documented in `docs/FORMAT.md` with a JSON Schema in
//! `static/claimmark.schema.json`. Offsets are code points, end-exclusive. Import never
//! panics: it returns the workspace (plus warnings) or every problem it found, each naming the
//! record and what is wrong; the caller's current work is not touched either way.
//!
//! Two readers share the format's rules (`rules`): `fast` deserialises a clean file into typed
//! structs that borrow from the input, and `careful` walks a JSON value to name every problem
//! (with `reader` keeping the problems and `careful_annotations` reading annotations).
//! Import tries the fast one first; a test checks both agree wherever the fast one accepts.
//! `reading` runs the fast one's steps, at once or one at a time ([`Reading`], for the web app
//! to paint between them). `write` writes files.

mod careful;
mod careful_annotations;
mod fast;
mod reader;
mod reading;
mod rules;
mod write;

pub use reading::Reading;
pub use rules::{Imported, FORMAT, OFFSET_UNIT, VERSION};
pub use write::{export, export_file_name, export_lines};

use serde_json::Value;

use super::json::json_error;
use super::problem::{problems_of, Decoded, ImportError, Problem, Rejected, MAX_IMPORT_BYTES};

/// Reads JSON Lines of native v1 files (one document per line; blank lines are skipped).
/// Problems are prefixed with their line number.
pub fn import_lines(input: &str) -> Result<Vec<Imported>, ImportError> {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |p: Problem| Problem {
            at: format!("line {} {}", number + 1, p.at),
            message: p.message,
        };
        match import(line) {
            Ok(imported) => documents.push(imported),
            Err(ImportError::Invalid(list)) => problems.extend(list.into_iter().map(at)),
            Err(other) => problems.push(Problem {
                at: format!("line {}", number + 1),
                message: other.to_string(),
            }),
        }
    }
    if problems.is_empty() {
        Ok(documents)
    } else {
        Err(ImportError::Invalid(problems))
    }
}

/// Reads a native v1 file.
pub fn import(input: &str) -> Result<Imported, ImportError> {
    if input.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len() });
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if let Some(imported) = reading::read(input) {
        return Ok(imported);
    }
    let root: Value = serde_json::from_str(input).map_err(|e| json_error(input, &e))?;
    read_value(&root)
}

/// Reads a native v1 file if it is entirely clean (no problem, no warning); `None` otherwise.
pub fn read_clean(input: &str) -> Option<Imported> {
    reading::read(input.strip_prefix('\u{feff}').unwrap_or(input))
}

/// Reads a native v1 file the careful way only (tests compare it with the fast path).
pub fn import_carefully(input: &str) -> Result<Imported, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let root: Value = serde_json::from_str(input).map_err(|e| json_error(input, &e))?;
    read_value(&root)
}

/// Checks an already parsed native v1 file.
pub fn read_value(root: &Value) -> Result<Imported, ImportError> {
    careful::read(root)
}

/// Documents and warnings of read files, as every codec's import returns them.
fn documents(imported: Vec<Imported>) -> Decoded {
    let mut warnings = Vec::new();
    let documents = imported
        .into_iter()
        .map(|i| {
            warnings.extend(i.warnings);
            i.workspace
        })
        .collect();
    Decoded::clean(documents, warnings)
}

/// A read file, as every codec's import returns it.
pub(super) fn decoded(imported: Imported) -> Decoded {
    documents(vec![imported])
}

/// A clean file read by the fast reader alone, or `None` when it needs the careful one.
pub(super) fn decode_clean(input: &str) -> Option<Decoded> {
    read_clean(input).map(|imported| documents(vec![imported]))
}

/// JSON Lines of native files, as every codec's import returns them: a line with problems is
/// a rejected document, the others are read.
pub(super) fn decode_lines(input: &str) -> Result<Decoded, Vec<Problem>> {
    let mut read = Vec::new();
    let mut rejected = Vec::new();
    for (number, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = format!("line {}", number + 1);
        let at = |p: Problem| Problem {
            at: format!("{record} {}", p.at),
            message: p.message,
        };
        match import(line) {
            Ok(imported) => read.push(imported),
            Err(error) => {
                let title = serde_json::from_str::<Value>(line)
                    .ok()
                    .and_then(|v| v.pointer("/document/title")?.as_str().map(str::to_string))
                    .unwrap_or_default();
                let problems = match error {
                    ImportError::Invalid(list) => list.into_iter().map(at).collect(),
                    other => vec![Problem {
                        at: record.clone(),
                        message: other.to_string(),
                    }],
                };
                rejected.push(Rejected {
                    record,
                    title,
                    problems,
                });
            }
        }
    }
    let mut decoded = documents(read);
    decoded.rejected = rejected;
    Ok(decoded)
}

/// A parsed native file, as every codec's import returns them.
pub(super) fn decode_value(root: &Value) -> Result<Decoded, Vec<Problem>> {
    read_value(root)
        .map(|imported| documents(vec![imported]))
        .map_err(problems_of)
}
