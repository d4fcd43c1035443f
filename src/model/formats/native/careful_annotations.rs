//! The careful reader's annotations: each field checked, every problem named by its record
//! (`annotations[3] (id "a7")`) and field. A provenance is checked by the rule every format
//! shares (`formats::provenance`); a suggested mark (`suggested`, `confidence`) that does not
//! read is left out with a warning and the annotation kept.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::reader::Reader;
use super::rules;
use crate::model::annotation::{Annotation, AnnotationId, Attribution, Label, LabelId};
use crate::model::formats::json::kind;
use crate::model::formats::problem::MAX_ANNOTATIONS;
use crate::model::formats::provenance;
use crate::model::span::Span;
use crate::model::text::{Document, Text};

pub(super) fn read_annotations(
    reader: &mut Reader,
    root: &Map<String, Value>,
    document: &Document,
    labels: &[Label],
) -> Vec<Annotation> {
    let mut ids = HashSet::new();
    let mut annotations = Vec::new();
    let items = reader.array(root, "annotations");
    if items.len() > MAX_ANNOTATIONS {
        reader.problem(
            "annotations",
            format!(
                "there are {} annotations; claimmark opens up to {MAX_ANNOTATIONS} per document",
                items.len()
            ),
        );
        return annotations;
    }
    for (i, item) in items.iter().enumerate() {
        let Value::Object(obj) = item else {
            reader.problem(
                &format!("annotations[{i}]"),
                format!("must be an object, found {}", kind(item)),
            );
            continue;
        };
        let at = match obj.get("id") {
            Some(Value::String(id)) => format!("annotations[{i}] (id \"{id}\")"),
            _ => format!("annotations[{i}]"),
        };
        let before = reader.problems.len();
        let id = reader.string(obj, &at, "id", true);
        if let Some(problem) = id.as_deref().and_then(|id| rules::id_problem(id, &mut ids)) {
            reader.problem(&at, problem);
        }
        let quote = reader.string(obj, &at, "quote", false);
        let span = reader.checked_span(obj, &at, &document.text, quote.as_deref());
        let fragments = read_fragments(reader, obj, &at, &document.text, span);
        let label = reader.string(obj, &at, "label", true);
        if let Some(label) = &label {
            if !rules::known_label(labels, label) {
                reader.problem(
                    &at,
                    format!("label \"{label}\" is not one of the file's labels"),
                );
            }
        }
        let attribution = read_attribution(reader, obj, &at, &document.text);
        let note = reader.string(obj, &at, "note", false).unwrap_or_default();
        let mut time = |key: &str| {
            let stamp = reader.string(obj, &at, key, false)?;
            Some(rules::time(stamp).unwrap_or_else(|bad| {
                reader.warnings.push(rules::time_warning(&at, key, &bad));
                String::new()
            }))
        };
        let created = time("created").unwrap_or_default();
        let modified = rules::modified(time("modified"), &created);
        let provenance = match obj.get("provenance") {
            None | Some(Value::Null) => None,
            Some(value) => provenance::read(value)
                .map_err(|message| reader.problem(&at, format!("provenance: {message}")))
                .ok(),
        };
        let (mark, warnings) =
            rules::suggested_in(&at, obj.get("suggested"), obj.get("confidence"));
        reader.warnings.extend(warnings);
        if reader.problems.len() > before {
            continue;
        }
        if let (Some(id), Some(span), Some(label)) = (id, span, label) {
            if let Some(mark) = mark {
                reader.suggested.push((AnnotationId::new(&id), mark));
            }
            annotations.push(Annotation {
                id: AnnotationId::new(&id),
                span,
                fragments,
                label: LabelId::new(&label),
                attribution,
                note,
                created,
                modified,
                provenance,
            });
        }
    }
    annotations
}

/// The pieces of a discontinuous span (`"fragments": [{"start", "end"}, …]`), checked.
fn read_fragments(
    reader: &mut Reader,
    obj: &Map<String, Value>,
    at: &str,
    text: &Text,
    span: Option<Span>,
) -> Vec<Span> {
    let items = match obj.get("fragments") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            reader.problem(
                at,
                format!("\"fragments\" must be a list, found {}", kind(other)),
            );
            return Vec::new();
        }
    };
    let mut pieces = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{at}.fragments[{i}]");
        match item {
            Value::Object(piece) => pieces.extend(reader.checked_span(piece, &at, text, None)),
            other => reader.problem(&at, format!("must be an object, found {}", kind(other))),
        }
    }
    let Some(span) = span.filter(|_| pieces.len() == items.len()) else {
        return Vec::new();
    };
    rules::fragments(span, pieces).unwrap_or_else(|message| {
        reader.problem(at, message);
        Vec::new()
    })
}

fn read_attribution(
    reader: &mut Reader,
    obj: &Map<String, Value>,
    at: &str,
    text: &Text,
) -> Option<Attribution> {
    let attribution = match obj.get("attribution") {
        None | Some(Value::Null) => return None,
        Some(Value::Object(a)) => a,
        Some(other) => {
            reader.problem(
                at,
                format!(
                    "\"attribution\" must be an object or null, found {}",
                    kind(other)
                ),
            );
            return None;
        }
    };
    let at = format!("{at}.attribution");
    let source = reader.string(attribution, &at, "source", true)?;
    let mut part = |key: &str| match attribution.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => reader.checked_span(m, &format!("{at}.{key}"), text, None),
        Some(other) => {
            reader.problem(
                &at,
                format!("\"{key}\" must be an object or null, found {}", kind(other)),
            );
            None
        }
    };
    let mention = part("mention");
    let cue = part("cue");
    match Attribution::named(&source) {
        Some(named) => Some(Attribution {
            mention,
            cue,
            ..named
        }),
        None => {
            reader.problem(&at, "\"source\" is empty; use null for unattributed");
            None
        }
    }
}
