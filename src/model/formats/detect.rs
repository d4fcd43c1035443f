//! Recognising which format a set of imported files is in, and reading them.
//!
//! Names and content decide: a `.zip` is a brat archive, `.ann` files (with their `.txt`) are
//! brat, and JSON is recognised by its keys (`"format": "claimmark"`, `@context`, Label
//! Studio's `data`, doccano's `label`/`entities`, spaCy's `spans`). JSON Lines are recognised
//! by their first record. Several files are read one by one and their documents combined.

use serde_json::Value;

use super::native::{self, ImportError, Problem, MAX_ANNOTATIONS, MAX_IMPORT_BYTES};
use super::{brat, doccano, label_studio, spacy, w3c, zip, Format, ImportReport, InputFile};
use crate::model::workspace::Workspace;

/// What a codec's import returns: documents and warnings, or every problem found.
pub type Decoded = Result<(Vec<Workspace>, Vec<String>), Vec<Problem>>;

fn invalid(at: &str, message: impl Into<String>) -> ImportError {
    ImportError::Invalid(vec![Problem {
        at: at.to_string(),
        message: message.into(),
    }])
}

/// The file's text: UTF-8 without a byte order mark.
pub fn text_of(file: &InputFile) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(&file.bytes).map_err(|e| {
        invalid(
            &file.name,
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

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
    for file in files.iter().filter(|f| extension(&f.name) == "zip") {
        let entries =
            zip::read_stored(&file.bytes).map_err(|message| invalid(&file.name, message))?;
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
        if extension(&file.name) == "zip" {
            expanded.extend(unpacked.next().into_iter().flatten());
        } else {
            expanded.push(file);
        }
    }
    let (brat_files, others): (Vec<&InputFile>, Vec<&InputFile>) = expanded
        .into_iter()
        .partition(|f| matches!(extension(&f.name).as_str(), "ann" | "txt"));

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
        merge(Format::Brat, import_brat(&brat_files)?);
    }
    let many = others.len() > 1;
    for file in others {
        let (format, decoded) = import_one(file, known)?;
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

/// Pairs `.ann` files with the `.txt` of the same name and reads them as brat.
fn import_brat(files: &[&InputFile]) -> Result<(Vec<Workspace>, Vec<String>), ImportError> {
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for ann in files.iter().filter(|f| extension(&f.name) == "ann") {
        let txt = files
            .iter()
            .find(|f| extension(&f.name) == "txt" && stem(&f.name) == stem(&ann.name));
        match txt {
            Some(txt) => pairs.push((
                stem(&ann.name).to_string(),
                text_of(txt)?.to_string(),
                text_of(ann)?.to_string(),
            )),
            None => problems.push(Problem {
                at: ann.name.clone(),
                message: format!(
                    "brat needs the text too: choose {}.txt with it",
                    stem(&ann.name)
                ),
            }),
        }
    }
    if pairs.is_empty() && problems.is_empty() {
        problems.push(Problem {
            at: files[0].name.clone(),
            message: "a .txt alone has no annotations; use Open text to annotate it, or add its .ann file".into(),
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    brat::import(&pairs).map_err(ImportError::Invalid)
}

/// Recognises and reads one JSON or JSON Lines file.
fn import_one(file: &InputFile, known: &[&Workspace]) -> Result<(Format, Decoded), ImportError> {
    let text = text_of(file)?;
    // A clean native file is read without building a JSON value tree first.
    if let Some(imported) = native::read_clean(text) {
        return Ok((Format::Native, Ok(native_documents(vec![imported]))));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => import_value(text, &value, known),
        Err(whole) => {
            let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
                return Err(invalid(&file.name, "the file is empty"));
            };
            let first: Value =
                serde_json::from_str(first).map_err(|_| native::json_error(text, &whole))?;
            let lines = |format: Format| -> Result<(Format, Decoded), ImportError> {
                Ok((format, decode_lines(format, text)))
            };
            if is_native(&first) {
                lines(Format::Native)
            } else if first.get("spans").is_some() {
                lines(Format::Spacy)
            } else if first.get("label").is_some() || first.get("entities").is_some() {
                lines(Format::Doccano)
            } else if first.get("text").is_some() {
                lines(Format::Spacy)
            } else {
                Err(invalid(
                    &file.name,
                    "these JSON lines are not in a format claimmark knows",
                ))
            }
        }
    }
}

fn is_native(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(native::FORMAT)
}

fn decode_lines(format: Format, text: &str) -> Decoded {
    match format {
        Format::Native => match native::import_lines(text) {
            Ok(imported) => Ok(native_documents(imported)),
            Err(error) => Err(problems_of(error)),
        },
        Format::Doccano => doccano::import(text),
        _ => spacy::import(text),
    }
}

fn native_documents(imported: Vec<native::Imported>) -> (Vec<Workspace>, Vec<String>) {
    let mut warnings = Vec::new();
    let documents = imported
        .into_iter()
        .map(|i| {
            warnings.extend(i.warnings);
            i.workspace
        })
        .collect();
    (documents, warnings)
}

fn problems_of(error: ImportError) -> Vec<Problem> {
    match error {
        ImportError::Invalid(problems) => problems,
        other => vec![Problem {
            at: "file".into(),
            message: other.to_string(),
        }],
    }
}

/// Recognises a whole-file JSON value.
fn import_value(
    text: &str,
    value: &Value,
    known: &[&Workspace],
) -> Result<(Format, Decoded), ImportError> {
    let first = match value {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        other => other,
    };
    let w3c_type = |v: &Value| {
        matches!(
            v.get("type").and_then(Value::as_str),
            Some("Annotation" | "AnnotationCollection" | "AnnotationPage")
        )
    };
    if is_native(value) {
        let decoded = native::read_value(value)
            .map(|i| native_documents(vec![i]))
            .map_err(problems_of);
        Ok((Format::Native, decoded))
    } else if value.get("@context").is_some() || w3c_type(first) {
        Ok((Format::W3c, w3c::import(text, known)))
    } else if first.get("data").is_some() {
        Ok((Format::LabelStudio, label_studio::import(text)))
    } else if value.get("spans").is_some() {
        Ok((Format::Spacy, spacy::import(text)))
    } else if value.get("label").is_some() || value.get("entities").is_some() {
        Ok((Format::Doccano, doccano::import(text)))
    } else if let Value::Array(items) = value {
        if items.is_empty() {
            return Err(invalid(
                "file",
                "the list is empty: there is nothing to import",
            ));
        }
        Err(invalid(
            "file",
            "this JSON list is not W3C annotations or Label Studio tasks",
        ))
    } else {
        Err(invalid("file", "this JSON is not in a format claimmark knows (claimmark, W3C, spaCy, doccano, Label Studio)"))
    }
}
