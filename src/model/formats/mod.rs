//! Every file format claimmark reads and writes, behind one [`export`] and one [`import`].
//!
//! Each format lives in its own module with an `export` of documents to text (or files, for
//! brat) and an `import` back to [`Workspace`]s. All offsets they write are Unicode code
//! points, as in the model; importers check every span against its text and report problems
//! by file and line or record. The browser and the command line both call these functions, so
//! they produce the same bytes.

pub mod brat;
pub mod build;
pub mod detect;
pub mod doccano;
pub mod label_studio;
pub mod native;
mod native_fast;
mod native_read;
pub mod spacy;
pub mod texts;
pub mod w3c;
pub mod zip;

pub use native::{ImportError, Problem, MAX_IMPORT_BYTES};

use super::workspace::Workspace;

/// A supported format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Native,
    W3c,
    Spacy,
    Doccano,
    LabelStudio,
    Brat,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Native,
        Format::W3c,
        Format::Spacy,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
    ];

    /// The name used on the command line (`--to spacy`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::W3c => "w3c",
            Format::Spacy => "spacy",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
        }
    }

    /// The name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "claimmark JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Spacy => "spaCy / Prodigy JSONL",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio JSON",
            Format::Brat => "brat standoff (.txt + .ann, zipped)",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The file name ending, for one document and for several.
    fn extension(self, many: bool) -> &'static str {
        match (self, many) {
            (Format::Native, false) => "claimmark.json",
            (Format::Native, true) => "claimmark.jsonl",
            (Format::W3c, _) => "w3c.jsonld",
            (Format::Spacy, _) => "spacy.jsonl",
            (Format::Doccano, _) => "doccano.jsonl",
            (Format::LabelStudio, _) => "label-studio.json",
            (Format::Brat, _) => "brat.zip",
        }
    }
}

/// A file to hand to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// A file name stem made safe for file systems: no path or control characters, at most 100
/// code points, never empty.
pub fn safe_stem(title: &str) -> String {
    let safe: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    let safe = safe.trim().trim_matches('.');
    if safe.is_empty() {
        "untitled".to_string()
    } else {
        safe.to_string()
    }
}

/// Exports `documents` (one or more) in `format`. The file is named after the document's
/// title, or `corpus` when there are several.
pub fn export(format: Format, documents: &[&Workspace]) -> ExportFile {
    let many = documents.len() != 1;
    let stem = match documents {
        [only] => safe_stem(&only.document.title),
        _ => "corpus".to_string(),
    };
    let name = format!("{stem}.{}", format.extension(many));
    let (mime, bytes) = match format {
        Format::Native if !many => (
            "application/json",
            native::export(documents[0]).into_bytes(),
        ),
        Format::Native => (
            "application/x-ndjson",
            native::export_lines(documents).into_bytes(),
        ),
        Format::W3c => ("application/ld+json", w3c::export(documents).into_bytes()),
        Format::Spacy => (
            "application/x-ndjson",
            spacy::export(documents).into_bytes(),
        ),
        Format::Doccano => (
            "application/x-ndjson",
            doccano::export(documents).into_bytes(),
        ),
        Format::LabelStudio => (
            "application/json",
            label_studio::export(documents).into_bytes(),
        ),
        Format::Brat => (
            "application/zip",
            zip::write_stored(&brat::export(documents)),
        ),
    };
    ExportFile { name, mime, bytes }
}

/// A file given to an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an import found: the documents (with their annotations) and anything worth saying.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub format: Format,
    pub documents: Vec<Workspace>,
    pub warnings: Vec<String>,
}

impl ImportReport {
    pub fn annotation_count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations().len()).sum()
    }
}

/// Reads `files` as one import. The format is recognised from names and content. `known` are
/// the documents already open: formats that do not carry the text (W3C) are placed on them.
pub fn import(files: &[InputFile], known: &[&Workspace]) -> Result<ImportReport, ImportError> {
    detect::import(files, known)
}
