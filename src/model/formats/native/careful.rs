//! Checking a parsed native v1 file, field by field, into a [`Workspace`].
//!
//! Reading walks the JSON value by hand rather than through serde derive so that each problem
//! names its record (`annotations[3] (id "a7")`) and field, and so that all problems are
//! reported at once instead of the first. The record of problems is `reader`; annotations are
//! read in `careful_annotations`.

use serde_json::{Map, Value};

use super::careful_annotations::read_annotations;
use super::reader::Reader;
use super::rules::{self, Extras, Imported, FALLBACK_COLOR, FORMAT, OFFSET_UNIT, VERSION};
use crate::model::annotation::{default_labels, Label, LabelId, Source};
use crate::model::formats::json::kind;
use crate::model::formats::problem::{ImportError, Problem};
use crate::model::suggest::learn::Model;
use crate::model::text::{content_id, Document};
use crate::model::workspace::ExerciseLink;

/// Checks a parsed native file.
pub(super) fn read(root: &Value) -> Result<Imported, ImportError> {
    let invalid = |at: &str, message: String| {
        ImportError::Invalid(vec![Problem {
            at: at.to_string(),
            message,
        }])
    };
    let Value::Object(root) = root else {
        return Err(invalid(
            "file",
            format!("must be a JSON object, found {}", kind(root)),
        ));
    };
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(invalid(
                "format",
                format!("this is not a claimmark file (format is {other})"),
            ))
        }
        None => {
            return Err(invalid(
                "format",
                "this is not a claimmark file (no \"format\": \"claimmark\")".into(),
            ))
        }
    }
    match root.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => {
            return Err(invalid(
                "version",
                format!("version {v} is not supported; this app reads version {VERSION}"),
            ))
        }
        None => return Err(invalid("version", "\"version\" is missing".into())),
    }
    let mut reader = Reader {
        problems: Vec::new(),
        warnings: Vec::new(),
        suggested: Vec::new(),
    };
    match root.get("offset_unit") {
        None => reader
            .warnings
            .push("the file does not state its offset unit; read as code points".into()),
        Some(Value::String(unit)) if unit == OFFSET_UNIT => {}
        Some(other) => reader.problem(
            "offset_unit",
            format!("must be \"{OFFSET_UNIT}\", found {other}"),
        ),
    }
    let Some(document) = read_document(&mut reader, root) else {
        return Err(ImportError::Invalid(reader.problems));
    };
    let labels = read_labels(&mut reader, root);
    let sources = read_sources(&mut reader, root);
    let annotations = read_annotations(&mut reader, root, &document, &labels);
    if !reader.problems.is_empty() {
        return Err(ImportError::Invalid(reader.problems));
    }
    let extras = Extras {
        done: root.get("done").and_then(Value::as_bool).unwrap_or(false),
        annotator: root
            .get("annotator")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        exercise: root
            .get("exercise")
            .and_then(Value::as_object)
            .and_then(|e| {
                Some(ExerciseLink {
                    id: e.get("id")?.as_str()?.to_string(),
                    instructions: e
                        .get("instructions")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    allow_check: e
                        .get("allow_check")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    allow_suggestions: e
                        .get("allow_suggestions")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                })
            }),
        suggester: read_suggester(&mut reader, root),
        suggested: std::mem::take(&mut reader.suggested),
    };
    Ok(Imported {
        workspace: rules::workspace(document, labels, sources, annotations, extras),
        warnings: reader.warnings,
    })
}

fn read_document(reader: &mut Reader, root: &Map<String, Value>) -> Option<Document> {
    let Some(Value::Object(doc)) = root.get("document") else {
        reader.problem("document", "must be an object with the document's \"text\"");
        return None;
    };
    let text = reader.string(doc, "document", "text", true)?;
    if text.is_empty() {
        reader.problem("document.text", "is empty: there is nothing to annotate");
        return None;
    }
    let title = reader
        .string(doc, "document", "title", false)
        .unwrap_or_default();
    if let Some(id) = reader.string(doc, "document", "id", false) {
        if id != content_id(&text) {
            reader
                .warnings
                .push("document.id does not match the text's SHA-256; the text was used".into());
        }
    }
    let mut document = rules::document(&title, &text);
    if let Some(tag) = reader.string(doc, "document", "language", false) {
        match rules::language(&tag) {
            Some(language) => document.language = Some(language),
            None => reader.warnings.push(format!(
                "document.language “{tag}” is not a language tag (such as en, ar or zh-Hans); the language was guessed from the text"
            )),
        }
    }
    Some(document)
}

fn read_labels(reader: &mut Reader, root: &Map<String, Value>) -> Vec<Label> {
    if root.get("labels").is_none_or(Value::is_null) {
        return default_labels();
    }
    let mut labels: Vec<Label> = Vec::new();
    for (i, item) in reader.array(root, "labels").iter().enumerate() {
        let at = format!("labels[{i}]");
        let Value::Object(obj) = item else {
            reader.problem(&at, format!("must be an object, found {}", kind(item)));
            continue;
        };
        let Some(id) = reader.string(obj, &at, "id", true) else {
            continue;
        };
        if let Some(problem) = rules::label_id_problem(&id, &labels) {
            reader.problem(&at, problem);
            continue;
        }
        let name = reader
            .string(obj, &at, "name", false)
            .unwrap_or_else(|| id.clone());
        let description = reader
            .string(obj, &at, "description", false)
            .unwrap_or_default();
        let color = reader.string(obj, &at, "color", false).unwrap_or_default();
        let color = rules::label_color(&color).unwrap_or_else(|| {
            reader.warnings.push(format!(
                "{at}: colour \"{color}\" is not #rrggbb; grey is used"
            ));
            FALLBACK_COLOR.to_string()
        });
        labels.push(Label {
            id: LabelId::new(&id),
            name,
            description,
            color,
        });
    }
    labels
}

fn read_sources(reader: &mut Reader, root: &Map<String, Value>) -> Vec<Source> {
    let mut sources = Vec::new();
    for (i, item) in reader.array(root, "sources").iter().enumerate() {
        let at = format!("sources[{i}]");
        let Value::Object(obj) = item else {
            reader.problem(&at, format!("must be an object, found {}", kind(item)));
            continue;
        };
        let Some(name) = reader.string(obj, &at, "name", true) else {
            continue;
        };
        let mut aliases = Vec::new();
        for alias in reader.array(obj, "aliases") {
            match alias.as_str().and_then(rules::alias) {
                Some(alias) => aliases.push(alias),
                None => {
                    let other = alias;
                    reader.problem(&at, format!("aliases must be names, found {}", kind(other)))
                }
            }
        }
        sources.push(Source {
            name: rules::source_name(&name),
            aliases,
        });
    }
    sources
}

/// The `suggester` field, or `None` (with a warning when it cannot be read).
fn read_suggester(reader: &mut Reader, root: &Map<String, Value>) -> Option<Model> {
    let value = root.get("suggester").filter(|v| !v.is_null())?;
    rules::suggester(value)
        .map_err(|warning| reader.warnings.push(warning))
        .ok()
}
