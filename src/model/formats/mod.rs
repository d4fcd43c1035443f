//! Every file format claimmark reads and writes, behind one [`export`] and one [`import`].
//!
//! Each format lives in its own module with an `export` of documents to text (or files, for
//! brat) and an `import` back to [`Workspace`]s that returns [`Decoded`]: documents and
//! warnings, or every [`Problem`]. All offsets they write are Unicode code points, as in the
//! model; importers check every span against its text and report problems by file and line or
//! record. The browser and the command line both call these functions, so they produce the
//! same bytes.
//!
//! Shared pieces: `files` (formats, files in and out, names), `problem` (problems, errors,
//! limits), `json` (JSON helpers), `provenance` (a merged annotation's provenance as every
//! format holds it), `build` (the checked builder foreign importers use);
//! `gather` reads a set of files as one import and `detect` recognises each file's format;
//! `importing` does the same import in steps, for the web app to paint between them.

pub mod brat;
pub mod build;
mod collect;
mod detect;
pub mod doccano;
mod files;
mod gather;
pub mod importing;
mod json;
pub mod label_studio;
pub mod native;
pub mod preview;
mod problem;
pub mod provenance;
mod skipped;
pub mod spacy;
pub mod texts;
pub mod units;
pub mod w3c;
pub mod zip;

pub use files::{safe_stem, text_of, ExportFile, Format, ImportOptions, ImportReport, InputFile};
pub use json::json_error;
pub use problem::{Decoded, ImportError, Problem, Rejected, MAX_ANNOTATIONS, MAX_IMPORT_BYTES};
pub use units::{Offsets, Unit, Verdict};

use super::workspace::Workspace;

/// Exports `documents` (one or more) in `format`. The file is named after the document's
/// title, or `corpus` when there are several.
pub fn export(format: Format, documents: &[&Workspace]) -> ExportFile {
    export_in(format, documents, Unit::CodePoint)
}

/// [`export`] with doccano's offsets in `unit` (UTF-16 for doccano 1.6 and later); the other
/// formats always count code points.
pub fn export_in(format: Format, documents: &[&Workspace], unit: Unit) -> ExportFile {
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
            doccano::export_in(documents, unit).into_bytes(),
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

/// Reads `files` as one import. The format is recognised from names and content. `known` are
/// the documents already open: formats that do not carry the text (W3C) are placed on them.
pub fn import(files: &[InputFile], known: &[&Workspace]) -> Result<ImportReport, ImportError> {
    gather::import(files, known, &ImportOptions::default())
}

/// [`import`] with options (the offset unit).
pub fn import_with(
    files: &[InputFile],
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    gather::import(files, known, options)
}
