//! What an import can go wrong with, shared by every codec: a [`Problem`] names where in the
//! file and what is wrong; a [`Rejected`] document is left out of an import with its
//! problems; an [`ImportError`] refuses the whole import; [`Decoded`] is what each codec's
//! import returns; and the size limits every import is held to.

use std::fmt;

use super::units::Verdict;
use crate::model::workspace::Workspace;

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Documents with more annotations than this are refused.
pub const MAX_ANNOTATIONS: usize = 200_000;

/// At most this many problems are listed in a message; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;

/// What a codec's import read from a file it could read: the documents that fit, the ones
/// that did not (each with its problems), what is worth saying, and the offset unit found.
/// A codec returns `Err` only when the file as a whole cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub documents: Vec<Workspace>,
    pub warnings: Vec<String>,
    pub rejected: Vec<Rejected>,
    pub verdict: Verdict,
}

impl Decoded {
    /// Documents that all fit, read in code points.
    pub fn clean(documents: Vec<Workspace>, warnings: Vec<String>) -> Decoded {
        Decoded {
            documents,
            warnings,
            rejected: Vec::new(),
            verdict: Verdict::Agree(super::units::Unit::CodePoint),
        }
    }
}

/// A document of a file that is left out of an import, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Where it is in its file: `line 4`, `task 2`, `a.ann`.
    pub record: String,
    pub title: String,
    pub problems: Vec<Problem>,
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

/// One problem as an import error.
pub(crate) fn invalid(at: &str, message: impl Into<String>) -> ImportError {
    ImportError::Invalid(vec![Problem {
        at: at.to_string(),
        message: message.into(),
    }])
}

/// The problems of an import error (a whole-file error becomes one problem at "file").
pub(crate) fn problems_of(error: ImportError) -> Vec<Problem> {
    match error {
        ImportError::Invalid(problems) => problems,
        other => vec![Problem {
            at: "file".into(),
            message: other.to_string(),
        }],
    }
}
