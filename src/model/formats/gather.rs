//! Reading a set of files as one import: unpacking stored zips, reading `.ann`/`.txt` pairs as
//! brat, every other file through [`super::detect`], combining their documents, and refusing
//! documents claimmark cannot open (no text, too many annotations). The size limit is checked
//! before anything is read.

use super::brat;
use super::detect;
use super::files::{file_extension, Format, ImportReport, InputFile};
use super::problem::{invalid, ImportError, Problem, MAX_ANNOTATIONS, MAX_IMPORT_BYTES};
use super::zip;
use crate::model::workspace::Workspace;

/// Reads every file and combines their documents.
pub fn import(files: &[InputFile], known: &[&Workspace]) -> Result<ImportReport, ImportError> {
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    if total > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: total });
    }
    if files.is_empty() {
        return Err(invalid("import", "no file was given"));
    }
    // Zip entries are unpacked; other files are borrowed, never copied (a 4 MB import would
    // otherwise hold its bytes twice at the peak of the browser's memory).
    let mut unpacked = Vec::new();
    for file in files.iter().filter(|f| file_extension(&f.name) == "zip") {
        let entries = zip::read(&file.bytes, MAX_IMPORT_BYTES)
            .map_err(|message| invalid(&file.name, message))?;
        unpacked.push(
            entries
                .into_iter()
                .map(|(name, bytes)| InputFile { name, bytes })
                .collect::<Vec<_>>(),
        );
    }
    let mut unpacked = unpacked.iter();
    let mut expanded: Vec<&InputFile> = Vec::new();
    for file in files {
        if file_extension(&file.name) == "zip" {
            expanded.extend(unpacked.next().into_iter().flatten());
        } else {
            expanded.push(file);
        }
    }
    let (brat_files, others): (Vec<&InputFile>, Vec<&InputFile>) = expanded
        .into_iter()
        .partition(|f| matches!(file_extension(&f.name).as_str(), "ann" | "txt"));

    let mut report: Option<ImportReport> = None;
    let mut merge =
        |format: Format, (documents, warnings): (Vec<Workspace>, Vec<String>)| match &mut report {
            Some(report) => {
                report.documents.extend(documents);
                report.warnings.extend(warnings);
            }
            None => {
                report = Some(ImportReport {
                    format,
                    documents,
                    warnings,
                })
            }
        };
    if !brat_files.is_empty() {
        merge(Format::Brat, brat::import_files(&brat_files)?);
    }
    let many = others.len() > 1;
    for file in others {
        let (format, decoded) = detect::decode(file, known)?;
        let decoded = decoded.map_err(|problems| {
            let problems = problems
                .into_iter()
                .map(|p| Problem {
                    at: if many {
                        format!("{} {}", file.name, p.at)
                    } else {
                        p.at
                    },
                    message: p.message,
                })
                .collect();
            ImportError::Invalid(problems)
        })?;
        merge(format, decoded);
    }
    let report = report.ok_or_else(|| invalid("import", "no file was given"))?;
    let problems: Vec<Problem> = report
        .documents
        .iter()
        .filter_map(|d| {
            let at = format!("“{}”", d.document.title);
            if d.document.text.is_empty() {
                Some(Problem {
                    at,
                    message: "has no text: there is nothing to annotate".into(),
                })
            } else if d.annotations().len() > MAX_ANNOTATIONS {
                let n = d.annotations().len();
                Some(Problem {
                    at,
                    message: format!(
                        "has {n} annotations; claimmark opens up to {MAX_ANNOTATIONS} per document"
                    ),
                })
            } else {
                None
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(ImportError::Invalid(problems))
    }
}
