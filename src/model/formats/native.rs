//! The native file format, version 1: export and checked import.
//!
//! The format is documented in `docs/FORMAT.md` with a JSON Schema in
//! `static/claimmark.schema.json`. Offsets are code points, end-exclusive. Import never
//! panics: it returns the workspace (plus warnings) or every problem it found, each naming the
//! record and what is wrong; the caller's current work is not touched either way.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::model::workspace::Workspace;

pub const FORMAT: &str = "claimmark";
pub const VERSION: u64 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Documents with more annotations than this are refused.
pub const MAX_ANNOTATIONS: usize = 200_000;

/// At most this many problems are listed in a message; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    offset_unit: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    done: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    annotator: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exercise: Option<ExerciseOut<'a>>,
    document: DocumentOut<'a>,
    labels: Vec<LabelOut<'a>>,
    sources: Vec<SourceOut>,
    annotations: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct ExerciseOut<'a> {
    id: &'a str,
    instructions: &'a str,
    allow_check: bool,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    color: &'a str,
}

#[derive(Serialize)]
struct SourceOut {
    name: String,
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    mention: Option<SpanOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<SpanOut>,
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    quote: &'a str,
    label: &'a str,
    attribution: Option<AttributionOut<'a>>,
    note: &'a str,
    created: &'a str,
    modified: &'a str,
}

/// The workspace as a native v1 file (pretty-printed JSON, annotations in text order).
pub fn export(workspace: &Workspace) -> String {
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&file(workspace)).unwrap_or_default()
}

/// The serialisable shape of one document's file.
fn file(workspace: &Workspace) -> FileOut<'_> {
    let document = &workspace.document;
    FileOut {
        format: FORMAT,
        version: VERSION,
        offset_unit: OFFSET_UNIT,
        done: workspace.done,
        annotator: &workspace.annotator,
        exercise: workspace.exercise.as_ref().map(|e| ExerciseOut {
            id: &e.id,
            instructions: &e.instructions,
            allow_check: e.allow_check,
        }),
        document: DocumentOut {
            id: document.id(),
            title: &document.title,
            text: document.text.as_str(),
        },
        labels: workspace
            .labels
            .iter()
            .map(|l| LabelOut {
                id: l.id.as_str(),
                name: &l.name,
                description: &l.description,
                color: &l.color,
            })
            .collect(),
        sources: workspace
            .sources_for_export()
            .into_iter()
            .map(|s| SourceOut {
                name: s.name,
                aliases: s.aliases,
            })
            .collect(),
        annotations: workspace
            .annotations()
            .iter()
            .map(|a| AnnotationOut {
                id: a.id.as_str(),
                start: a.span.start(),
                end: a.span.end(),
                quote: workspace.quote(a),
                label: a.label.as_str(),
                attribution: a.attribution.as_ref().map(|at| AttributionOut {
                    source: &at.source,
                    mention: at.mention.map(|m| SpanOut {
                        start: m.start(),
                        end: m.end(),
                    }),
                    cue: at.cue.map(|c| SpanOut {
                        start: c.start(),
                        end: c.end(),
                    }),
                }),
                note: &a.note,
                created: &a.created,
                modified: &a.modified,
            })
            .collect(),
    }
}

/// A file name for the export: the title made safe for file systems, plus `.claimmark.json`.
pub fn export_file_name(title: &str) -> String {
    format!("{}.claimmark.json", super::safe_stem(title))
}

/// Several documents as JSON Lines: one compact native v1 file per line.
pub fn export_lines(documents: &[&Workspace]) -> String {
    let mut out = String::new();
    for workspace in documents {
        out.push_str(&serde_json::to_string(&file(workspace)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A problem found in an imported file: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A path into the file, such as `annotations[3] (id "a7")` or `document.text`.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all; the text has serde_json's line and column.
    Json(String),
    /// JSON, but not a usable claimmark v1 file.
    Invalid(Vec<Problem>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {} MB; claimmark opens files up to {} MB",
                bytes / (1024 * 1024),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            ImportError::Json(message) => write!(f, "the file is not valid JSON ({message})"),
            ImportError::Invalid(problems) => {
                let n = problems.len();
                write!(
                    f,
                    "the file has {n} problem{}:",
                    if n == 1 { "" } else { "s" }
                )?;
                for problem in problems.iter().take(PROBLEMS_SHOWN) {
                    write!(f, "\n• {problem}")?;
                }
                if n > PROBLEMS_SHOWN {
                    write!(f, "\n… and {} more", n - PROBLEMS_SHOWN)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A successfully read file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub workspace: Workspace,
    /// Things that were repaired or ignored, worth telling the user.
    pub warnings: Vec<String>,
}

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
    if let Some(imported) = super::native_fast::read(input) {
        return Ok(imported);
    }
    let root: Value = serde_json::from_str(input).map_err(|e| json_error(input, &e))?;
    read_value(&root)
}

/// A JSON syntax error as a message, with what is likely behind it where serde_json's words
/// would not say: an escaped half of a surrogate pair is half an emoji cut off by a tool that
/// counts UTF-16 code units.
pub fn json_error(input: &str, error: &serde_json::Error) -> ImportError {
    let mut message = error.to_string();
    let lone_half = input.match_indices("\\u").any(|(at, _)| {
        let hex = input.get(at + 2..at + 6).unwrap_or("");
        let high = u16::from_str_radix(hex, 16).is_ok_and(|v| (0xD800..0xDC00).contains(&v));
        let followed = input.get(at + 6..at + 8) == Some("\\u");
        high && !followed
    });
    if lone_half {
        message.push_str("; the text holds half of a surrogate pair (an escaped \\uD8xx without its second half), as when a tool counting UTF-16 units cuts an emoji in two");
    }
    ImportError::Json(message)
}

/// Reads a native v1 file if it is entirely clean (no problem, no warning); `None` otherwise.
pub fn read_clean(input: &str) -> Option<Imported> {
    super::native_fast::read(input.strip_prefix('\u{feff}').unwrap_or(input))
}

/// Reads a native v1 file the careful way only (tests compare it with the fast path).
pub fn import_carefully(input: &str) -> Result<Imported, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let root: Value = serde_json::from_str(input).map_err(|e| json_error(input, &e))?;
    read_value(&root)
}

/// Checks an already parsed native v1 file.
pub fn read_value(root: &Value) -> Result<Imported, ImportError> {
    super::native_read::read(root)
}
