//! What a W3C annotation's bodies say, read the ways claimmark, Recogito and Hypothesis write
//! them: the label from `tagging` or `classifying` bodies (or Hypothesis's `tags`, or
//! `bodyValue`), the source from an `identifying` or `describing` body, the mention and cue
//! from `SpecificResource` bodies with a position, the note from comments (bodies without a
//! purpose, `commenting`, `replying`, Hypothesis's `text`), a merged annotation's provenance
//! from an `assessing` body of JSON. An annotation without a label comes in labelled
//! [`UNLABELLED`] (the preview lets the user choose a label for them); further tags and links to
//! outside resources are counted, and a provenance that does not read is left out with a
//! warning.

use serde_json::{Map, Value};

use super::write::{JSON, PROVENANCE_PURPOSE};
use crate::model::formats::build::Draft;
use crate::model::formats::provenance::{lenient, read_text};
use crate::model::formats::skipped::Skipped;
use crate::model::formats::units::UnitMap;

/// The label of annotations that arrive without one.
pub const UNLABELLED: &str = "unlabelled";

/// An object, or the first object of a list.
pub(super) fn first_object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    match value? {
        Value::Array(items) => items.iter().find_map(Value::as_object),
        Value::Object(object) => Some(object),
        _ => None,
    }
}

/// Every object of a value that may be one object or a list.
pub(super) fn objects(value: Option<&Value>) -> Vec<&Map<String, Value>> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(object)) => vec![object],
        _ => Vec::new(),
    }
}

pub(super) fn selector<'v>(
    selectors: &[&'v Map<String, Value>],
    kind: &str,
) -> Option<&'v Map<String, Value>> {
    selectors
        .iter()
        .copied()
        .find(|s| s.get("type").and_then(Value::as_str) == Some(kind))
}

/// Whether a body has `purpose`, given as one string or a list of them (both are allowed).
fn has_purpose(body: &Map<String, Value>, purpose: &str) -> bool {
    match body.get("purpose") {
        Some(Value::String(one)) => one == purpose,
        Some(Value::Array(many)) => many.iter().any(|p| p.as_str() == Some(purpose)),
        _ => false,
    }
}

pub(super) fn str_of<'v>(object: &'v Map<String, Value>, key: &str) -> &'v str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The draft of an annotation placed at `start..end` (code points).
pub(super) fn draft(
    item: &Map<String, Value>,
    start: i64,
    end: i64,
    shift: i64,
    map: &UnitMap,
    skipped: &mut Skipped,
) -> Draft {
    let bodies = objects(item.get("body"));
    let textual = |purposes: &[&str]| -> Vec<String> {
        bodies
            .iter()
            .filter(|b| str_of(b, "type") == "TextualBody" || b.contains_key("value"))
            .filter(|b| {
                purposes.iter().any(|p| {
                    if p.is_empty() {
                        !b.contains_key("purpose")
                    } else {
                        has_purpose(b, p)
                    }
                })
            })
            .map(|b| str_of(b, "value").to_string())
            .filter(|v| !v.trim().is_empty())
            .collect()
    };
    let tags = textual(&["tagging", "classifying"]);
    let hypothesis_tags: Vec<String> = item
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let body_value = item
        .get("bodyValue")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut labels = tags.into_iter().chain(hypothesis_tags).chain(body_value);
    let label = labels.next().unwrap_or_else(|| {
        skipped.add(
            "annotation had no label: it came in as “unlabelled”",
            "annotations had no label: they came in as “unlabelled”",
        );
        UNLABELLED.to_string()
    });
    let extra = labels.count();
    skipped.add_n(
        "further tag (an annotation keeps one label)",
        "further tags (an annotation keeps one label)",
        extra,
    );
    let links = bodies
        .iter()
        .filter(|b| str_of(b, "type") == "SpecificResource" && !b.contains_key("selector"))
        .count();
    skipped.add_n(
        "linked resource (such as a gazetteer link)",
        "linked resources (such as gazetteer links)",
        links,
    );
    let linked = |describing: bool| {
        bodies
            .iter()
            .filter(|b| str_of(b, "type") == "SpecificResource")
            .filter(|b| has_purpose(b, "describing") == describing)
            .find_map(|b| {
                let s = selector(&objects(b.get("selector")), "TextPositionSelector")?;
                let one = |k: &str| {
                    let o = s.get(k)?.as_i64()?;
                    let c = map.to_code_points(usize::try_from(o).ok()?)? as i64;
                    Some(c + shift)
                };
                Some((one("start")?, one("end")?))
            })
    };
    let mut notes = textual(&["commenting", "replying", ""]);
    notes.extend(
        item.get("text")
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string),
    );
    let provenance = bodies
        .iter()
        .find(|b| has_purpose(b, PROVENANCE_PURPOSE) && str_of(b, "format") == JSON)
        .map(|b| read_text(str_of(b, "value")));
    Draft {
        id: str_of(item, "id").rsplit(':').next().map(str::to_string),
        start,
        end,
        label,
        source: textual(&["identifying", "describing"]).into_iter().next(),
        mention: linked(false),
        cue: linked(true),
        note: notes.join("\n"),
        created: str_of(item, "created").to_string(),
        modified: str_of(item, "modified").to_string(),
        provenance: lenient(provenance, skipped),
        ..Draft::default()
    }
}
