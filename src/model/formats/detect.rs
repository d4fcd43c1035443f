//! Recognising which format one imported file is in, and handing it to that codec.
//!
//! JSON is recognised by its keys (`"format": "claimmark"`, `@context` or a Hypothesis search's
//! `rows`, Label Studio's `data`, spaCy's `spans` and Prodigy's hashes and answers, doccano's
//! `label`/`entities`, its API page of `results` or its named columns); JSON Lines by their first
//! record, which may be spread over several lines. Zips, brat's `.ann`/`.txt` pairs and its
//! `.conf` files are recognised by name, before this (see `gather`).

use serde_json::Value;

use super::files::{text_of, Format, ImportOptions, InputFile};
use super::json::{json_error, stream};
use super::problem::{invalid, Decoded, ImportError, Problem};
use super::{doccano, label_studio, native, spacy, w3c};
use crate::model::workspace::Workspace;

/// Recognises one JSON or JSON Lines file and reads it with its codec.
pub(super) fn decode(
    file: &InputFile,
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<(Format, Decoded), ImportError> {
    let text = text_of(file)?;
    // A clean native file is read without building a JSON value tree first.
    if let Some(decoded) = native::decode_clean(text) {
        return Ok((Format::Native, decoded));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => decode_value(text, &value, known, options),
        Err(whole) => {
            let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
                return Err(invalid(&file.name, "the file is empty"));
            };
            // Records may be spread over several lines (a stream of JSON values).
            let streamed = stream(text).and_then(|values| values.into_iter().next());
            let first: Value = match streamed {
                Some((_, value)) => value,
                None => serde_json::from_str(first).map_err(|_| json_error(text, &whole))?,
            };
            let format = lines_format(&first).ok_or_else(|| unknown_lines(&file.name, &first))?;
            let decoded = match format {
                Format::Native => native::decode_lines(text),
                Format::Doccano => doccano::import(text, options),
                _ => spacy::import(text, options),
            };
            Ok((format, decoded.map_err(ImportError::Invalid)?))
        }
    }
}

/// Refuses JSON lines of no known format, naming the keys of the first record.
fn unknown_lines(name: &str, first: &Value) -> ImportError {
    let keys: Vec<String> = first
        .as_object()
        .map(|o| o.keys().map(|k| format!("“{k}”")).collect())
        .unwrap_or_default();
    let found = match keys.is_empty() {
        true => "its first record is not a JSON object".to_string(),
        false => format!("its first record has the keys {}", keys.join(", ")),
    };
    invalid(name, format!("this JSON is not in a format claimmark knows: {found}; claimmark reads a text under “text” with spans under “spans” (spaCy, Prodigy), “label”, “labels”, “entities” or “annotations” (doccano)"))
}

/// The format of JSON Lines, from their first record.
fn lines_format(first: &Value) -> Option<Format> {
    if is_native(first) {
        Some(Format::Native)
    } else if first.get("spans").is_some() || is_prodigy(first) {
        Some(Format::Spacy)
    } else if is_doccano(first) || doccano::columns(first).is_some() {
        Some(Format::Doccano)
    } else if first.get("text").is_some() {
        Some(Format::Spacy)
    } else {
        None
    }
}

/// doccano's keys for spans, in every version (`annotations` with `start_offset`: 1.x).
fn is_doccano(record: &Value) -> bool {
    let old_style = record
        .get("annotations")
        .and_then(Value::as_array)
        .is_some_and(|a| {
            a.iter()
                .any(|x| x.get("start_offset").is_some() || x.get("label").is_some())
        });
    ["label", "labels", "entities"]
        .iter()
        .any(|k| record.get(*k).is_some())
        || old_style
        || record.get("data").is_some_and(Value::is_string)
}

/// Prodigy's keys: its hashes, view and answer (a text category `label` is not doccano's).
fn is_prodigy(record: &Value) -> bool {
    ["_input_hash", "_task_hash", "_view_id", "answer"]
        .iter()
        .any(|k| record.get(*k).is_some())
}

fn is_native(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(native::FORMAT)
}

/// Recognises a whole-file JSON value and reads it with its codec.
fn decode_value(
    text: &str,
    value: &Value,
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<(Format, Decoded), ImportError> {
    let (format, decoded) = recognise(text, value, known, options)?;
    Ok((format, decoded.map_err(ImportError::Invalid)?))
}

/// A whole-file JSON value's format, and what its codec read.
fn recognise(
    text: &str,
    value: &Value,
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<(Format, Result<Decoded, Vec<Problem>>), ImportError> {
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
    // A page of search results (Hypothesis's `rows`, doccano 1.0's `results`) holds the records.
    let page = |key: &str| value.get(key)?.as_array()?.first();
    let hypothesis = page("rows").is_some_and(|row| row.get("target").is_some());
    if is_native(value) {
        Ok((Format::Native, native::decode_value(value)))
    } else if value.get("@context").is_some()
        || w3c_type(first)
        || first.get("target").is_some()
        || hypothesis
    {
        Ok((Format::W3c, w3c::import(text, known, options)))
    } else if label_studio::is_task(first) {
        Ok((Format::LabelStudio, label_studio::import(text, options)))
    } else if value.get("spans").is_some() || is_prodigy(value) {
        Ok((Format::Spacy, spacy::import(text, options)))
    } else if is_doccano(value)
        || doccano::columns(value).is_some()
        || page("results").is_some_and(is_doccano)
    {
        Ok((Format::Doccano, doccano::import(text, options)))
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
        Err(unknown_lines("file", value))
    }
}
