//! Reading a set of files as one import: unpacking zips, reading `.ann`/`.txt` pairs as brat
//! (its `.conf` files said to be left out), taking a doccano label file as the names of
//! numbered labels, every other file through [`super::detect`], and combining what they hold. Documents claimmark cannot open (no text,
//! too many annotations) join the rejected ones; the import fails only when no document is
//! left. The size limit is checked before anything is read.

use serde_json::Value;

use super::brat;
use super::detect;
use super::files::{file_extension, text_of, Format, ImportOptions, ImportReport, InputFile};
use super::problem::{
    invalid, Decoded, ImportError, Problem, Rejected, MAX_ANNOTATIONS, MAX_IMPORT_BYTES,
};
use super::units::Verdict;
use super::zip;
use crate::model::workspace::Workspace;

/// Reads every file and combines their documents.
pub fn import(
    files: &[InputFile],
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
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
    let mut options = options.clone();
    let mut label_files = Vec::new();
    expanded.retain(|file| match label_file(file) {
        Some(names) => {
            options.label_names.extend(names);
            label_files.push(file.name.clone());
            false
        }
        None => true,
    });
    // brat's configuration files (annotation.conf, visual.conf…) travel with its documents.
    let (configs, expanded): (Vec<&InputFile>, Vec<&InputFile>) = expanded
        .into_iter()
        .partition(|f| file_extension(&f.name) == "conf");
    let (brat_files, others): (Vec<&InputFile>, Vec<&InputFile>) = expanded
        .into_iter()
        .partition(|f| matches!(file_extension(&f.name).as_str(), "ann" | "txt"));
    let many = others.len() + usize::from(!brat_files.is_empty()) > 1;
    let mut report: Option<ImportReport> = None;
    if !brat_files.is_empty() {
        add(
            &mut report,
            Format::Brat,
            None,
            brat::import_files(&brat_files, &options)?,
        );
    }
    for file in others {
        let (format, decoded) =
            detect::decode(file, known, &options).map_err(|error| match error {
                ImportError::Invalid(problems) if many => ImportError::Invalid(
                    problems
                        .into_iter()
                        .map(|p| Problem {
                            at: format!("{} {}", file.name, p.at),
                            message: p.message,
                        })
                        .collect(),
                ),
                other => other,
            })?;
        add(
            &mut report,
            format,
            many.then_some(file.name.as_str()),
            decoded,
        );
    }
    let Some(mut report) = report else {
        return Err(match (label_files.first(), configs.first()) {
            (Some(name), _) => invalid(name, "this is a doccano label file: choose it together with the doccano export whose labels it names"),
            (None, Some(config)) => invalid(&config.name, "this is a brat configuration file: choose the .txt and .ann files of the documents"),
            (None, None) => invalid("import", "no file was given"),
        });
    };
    for config in configs {
        report.warnings.push(format!(
            "{} (brat's configuration) not imported: labels come from the annotations",
            config.name
        ));
    }
    refuse_unopenable(&mut report);
    if report.documents.is_empty() {
        let problems = report.rejected_problems();
        if problems.is_empty() {
            let said = report.warnings.join("; ");
            return Err(invalid(
                "import",
                format!("there is no document to import ({said})"),
            ));
        }
        return Err(ImportError::Invalid(problems));
    }
    Ok(report)
}

/// Adds one file's documents to the report, naming the file in what it says when there are
/// several.
fn add(report: &mut Option<ImportReport>, format: Format, file: Option<&str>, decoded: Decoded) {
    let name = |s: String| file.map_or(s.clone(), |f| format!("{f}: {s}"));
    let rejected = decoded.rejected.into_iter().map(|r| Rejected {
        record: name(r.record),
        title: r.title,
        problems: r
            .problems
            .into_iter()
            .map(|p| Problem {
                at: file.map_or(p.at.clone(), |f| format!("{f} {}", p.at)),
                message: p.message,
            })
            .collect(),
    });
    let warnings = decoded.warnings.into_iter().map(name);
    let report = report.get_or_insert_with(|| ImportReport {
        format,
        documents: Vec::new(),
        warnings: Vec::new(),
        rejected: Vec::new(),
        verdict: decoded.verdict,
    });
    report.documents.extend(decoded.documents);
    report.warnings.extend(warnings);
    report.rejected.extend(rejected);
    let weight = |v: Verdict| match v {
        Verdict::Unsure { .. } => 2,
        Verdict::Decided(unit) if unit != super::units::Unit::CodePoint => 1,
        _ => 0,
    };
    if weight(decoded.verdict) > weight(report.verdict) {
        report.verdict = decoded.verdict;
    }
}

/// Moves documents claimmark cannot open to the rejected ones.
fn refuse_unopenable(report: &mut ImportReport) {
    let documents = std::mem::take(&mut report.documents);
    for document in documents {
        let title = document.document.title.clone();
        let at = format!("“{title}”");
        let message = if document.document.text.is_empty() {
            "has no text: there is nothing to annotate".to_string()
        } else if document.annotations().len() > MAX_ANNOTATIONS {
            let n = document.annotations().len();
            format!("has {n} annotations; claimmark opens up to {MAX_ANNOTATIONS} per document")
        } else {
            report.documents.push(document);
            continue;
        };
        report.rejected.push(Rejected {
            record: at.clone(),
            title,
            problems: vec![Problem { at, message }],
        });
    }
}

/// The label names of a doccano label file (`[{"id": 1, "text": "PER", "background_color":
/// …}]`), or `None` when the file is not one.
fn label_file(file: &InputFile) -> Option<Vec<(i64, String)>> {
    if file_extension(&file.name) != "json" {
        return None;
    }
    let value: Value = serde_json::from_str(text_of(file).ok()?).ok()?;
    let items = value.as_array().filter(|items| !items.is_empty())?;
    items
        .iter()
        .map(|item| {
            let looks = item.get("background_color").is_some() || item.get("suffix_key").is_some();
            let id = item.get("id")?.as_i64()?;
            let name = item.get("text")?.as_str()?;
            looks.then(|| (id, name.to_string()))
        })
        .collect()
}
