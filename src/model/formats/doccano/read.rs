//! Reading doccano JSON Lines in every shape doccano has written:
//!
//! - records one per line, spread over several lines (a stream of JSON values), or as the
//!   1.0 REST API's page of `results`;
//! - the text under `text`, or `data` (doccano 1.3–1.5), or under column names chosen in
//!   doccano's import dialog (recognised by [`columns`]);
//! - spans as `label` or `labels` lists of `[start, end, "LABEL"]` (sequence labelling, the
//!   tutorial's form), as `entities` objects with relations (relation extraction) or as
//!   `entities` lists (intent detection), or as `annotations` objects with `label` ids and a
//!   `user` each (doccano 1.x; several users of one text become one document each);
//! - labels by name, or by number, named by a label file given with the import.
//!
//! Relations other than claimmark's, document categories and comments are counted in a
//! warning. doccano's front end counts UTF-16 units, so the unit is weighed (`collect`).

use serde_json::{Map, Value};

use super::write::{CUE_LABEL, CUE_RELATION, RELATION_TYPE, SOURCE_LABEL};
use crate::model::formats::build::{DocumentBuilder, Draft};
use crate::model::formats::collect::Records;
use crate::model::formats::files::ImportOptions;
use crate::model::formats::json::{records, string};
use crate::model::formats::problem::{Decoded, Problem};
use crate::model::formats::provenance::{lenient, read};
use crate::model::formats::skipped::Skipped;
use crate::model::formats::units::Unit;
use crate::model::text::title_or_untitled;

/// A span of a record: from a list, an entity or a 1.x annotation.
struct Found {
    /// The entity's id (or the span's index), which relations and metadata name.
    key: i64,
    start: i64,
    end: i64,
    label: String,
    /// The doccano user who made it (1.x), if stated.
    user: Option<String>,
}

/// `entity_id → value` pairs from a metadata list such as `attributions`.
fn keyed(record: &Map<String, Value>, list: &str, field: &str) -> Vec<(i64, String)> {
    let items = record
        .get(list)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    items
        .iter()
        .filter_map(|item| {
            Some((
                item.get("entity_id")?.as_i64()?,
                item.get(field)?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// A label given by name, or by number (named by the label file when there is one).
fn label_name(value: &Value, options: &ImportOptions, numbered: &mut bool) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        Value::Number(n) => {
            let n = n.as_i64()?;
            let named = options.label_names.iter().find(|(id, _)| *id == n);
            if named.is_none() {
                *numbered = true;
            }
            Some(named.map_or_else(|| format!("label {n}"), |(_, name)| name.clone()))
        }
        _ => None,
    }
}

/// A span from an object with `start_offset`/`end_offset`, or a `[start, end, label]` list.
fn found_of(
    item: &Value,
    index: usize,
    options: &ImportOptions,
    numbered: &mut bool,
) -> Option<Found> {
    if let Some([start, end, label]) = item.as_array().map(Vec::as_slice) {
        return Some(Found {
            key: index as i64,
            start: start.as_i64()?,
            end: end.as_i64()?,
            label: label_name(label, options, numbered)?,
            user: None,
        });
    }
    let object = item.as_object()?;
    let user = object.get("user").map(|u| match u {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    Some(Found {
        key: object
            .get("id")
            .and_then(Value::as_i64)
            .unwrap_or(index as i64),
        start: object.get("start_offset")?.as_i64()?,
        end: object.get("end_offset")?.as_i64()?,
        label: label_name(object.get("label")?, options, numbered)?,
        user,
    })
}

/// Every span of a record, with problems for items that are not spans. Items without
/// offsets (a whole-text category) are counted as categories.
fn spans_of(
    record: &Map<String, Value>,
    at: &str,
    options: &ImportOptions,
    numbered: &mut bool,
    skipped: &mut Skipped,
    problems: &mut Vec<Problem>,
) -> Vec<Found> {
    let mut found = Vec::new();
    let list = SPAN_KEYS
        .iter()
        .find_map(|key| Some((*key, record.get(*key)?.as_array()?)));
    if let Some((key, items)) = list {
        for (index, item) in items.iter().enumerate() {
            let category = item.is_string()
                || item
                    .as_object()
                    .is_some_and(|o| !o.contains_key("start_offset"));
            if category {
                skipped.add("document category", "document categories");
                continue;
            }
            match found_of(item, found.len(), options, numbered) {
                Some(span) => found.push(span),
                None => problems.push(Problem {
                    at: format!("{at} {key}[{index}]"),
                    message: format!("must be [start, end, \"label\"] or an object with start_offset, end_offset and label, found {item}"),
                }),
            }
        }
    }
    found
}

/// The keys doccano reads spans from, in order (claimmark writes both `label` and `entities`,
/// the same spans; the first present is read).
const SPAN_KEYS: [&str; 4] = ["entities", "label", "labels", "annotations"];

/// Keys that are never a record's text.
const NOT_TEXT: [&str; 5] = ["id", "title", "language", "document_id", "username"];

/// The column names of a record that keeps its text and spans under names chosen in doccano's
/// import dialog (`column_data`, `column_label`): (text key, spans key). Recognised only when
/// there is no usual key, exactly one other string field, and exactly one list of
/// `[start, end, "label"]` items.
pub fn columns(record: &Value) -> Option<(String, String)> {
    let object = record.as_object()?;
    if ["text", "data"].iter().any(|k| object.contains_key(*k))
        || SPAN_KEYS.iter().any(|k| object.contains_key(*k))
    {
        return None;
    }
    let triple = |item: &Value| matches!(item.as_array().map(Vec::as_slice), Some([s, e, l]) if s.is_i64() && e.is_i64() && l.is_string());
    let texts: Vec<&String> = object
        .iter()
        .filter(|(k, v)| v.is_string() && !NOT_TEXT.contains(&k.as_str()))
        .map(|(k, _)| k)
        .collect();
    let spans: Vec<&String> = object
        .iter()
        .filter(|(_, v)| {
            v.as_array()
                .is_some_and(|l| !l.is_empty() && l.iter().all(triple))
        })
        .map(|(k, _)| k)
        .collect();
    match (texts.as_slice(), spans.as_slice()) {
        ([text], [spans]) => Some((text.to_string(), spans.to_string())),
        _ => None,
    }
}

pub fn import(text: &str, options: &ImportOptions) -> Result<Decoded, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Records::among("doccano", &[Unit::Utf16, Unit::Grapheme]);
    let mut skipped = Skipped::default();
    let mut numbered = false;
    let records = records(text, &mut problems);
    let named = records
        .iter()
        .find_map(|(_, r)| columns(&Value::Object(r.clone())));
    if let Some((text_key, spans_key)) = &named {
        out.warn(format!("the text was read from “{text_key}” and the spans from “{spans_key}” (columns named in doccano's import dialog)"));
    }
    for (line, mut record) in records {
        let at = format!("line {line}");
        if let Some((text_key, spans_key)) = &named {
            for (from, to) in [(text_key, "text"), (spans_key, "label")] {
                if let Some(value) = record.remove(from.as_str()) {
                    record.entry(to).or_insert(value);
                }
            }
        }
        let body = string(&record, "text").or_else(|| string(&record, "data"));
        let Some(body) = body else {
            let keys: Vec<String> = record.keys().map(|k| format!("“{k}”")).collect();
            out.refuse_one(
                &at,
                format!(
                    "\"text\" (or \"data\") is missing or not a string; the record has {}",
                    keys.join(", ")
                ),
            );
            continue;
        };
        let title = string(&record, "title").unwrap_or("");
        if string(&record, "document_id").is_some_and(|id| id.starts_with("sha256:")) {
            // Written by claimmark, which counts code points unless told otherwise.
            out.state(Unit::CodePoint);
        }
        let mut item_problems = Vec::new();
        let found = spans_of(
            &record,
            &at,
            options,
            &mut numbered,
            &mut skipped,
            &mut item_problems,
        );
        let categories = record
            .get("cats")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        skipped.add_n("document category", "document categories", categories);
        let comments = ["Comments", "comments"]
            .iter()
            .filter_map(|k| record.get(*k).and_then(Value::as_array))
            .map(Vec::len)
            .sum();
        skipped.add_n("comment", "comments", comments);
        let mut users: Vec<Option<String>> = Vec::new();
        for span in &found {
            if !users.contains(&span.user) {
                users.push(span.user.clone());
            }
        }
        if users.len() < 2 {
            users = vec![None];
        }
        for user in &users {
            let mut builder = match user {
                None => DocumentBuilder::new(title, body).at(&at),
                Some(user) => {
                    let title = format!("{} — user {user}", title_or_untitled(title.trim()));
                    DocumentBuilder::new(&title, body).at(format!("{at} (user {user})"))
                }
            };
            for problem in std::mem::take(&mut item_problems) {
                builder.problem(&problem.at, problem.message);
            }
            builder.set_language(string(&record, "language"));
            let mine: Vec<&Found> = found
                .iter()
                .filter(|f| user.is_none() || f.user == *user)
                .collect();
            add_spans(&record, &at, &mine, &mut builder, &mut skipped);
            out.push(builder);
        }
    }
    for problem in problems {
        let record = problem.at.clone();
        out.refuse(&record, vec![problem]);
    }
    if numbered {
        out.warn("labels are given by number (doccano 1.x); choose the project's label file (from doccano's Labels page) with the import to name them");
    }
    for warning in skipped.warnings("claimmark keeps spans with their attribution and cue") {
        out.warn(warning);
    }
    Ok(out.finish(options.offsets))
}

/// Adds `found` to `builder`: Source and Cue entities that a relation points to become parts of
/// attributions; relations of other types are counted.
fn add_spans(
    record: &Map<String, Value>,
    at: &str,
    found: &[&Found],
    builder: &mut DocumentBuilder,
    skipped: &mut Skipped,
) {
    let sources = keyed(record, "attributions", "source");
    let notes = keyed(record, "notes", "note");
    let assessed = record
        .get("provenance")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let relations = record
        .get("relations")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let kind_of = |r: &Value| {
        r.get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let ours = |kind: &str| {
        kind.eq_ignore_ascii_case(RELATION_TYPE) || kind.eq_ignore_ascii_case(CUE_RELATION)
    };
    for relation in relations {
        let kind = kind_of(relation);
        if !ours(&kind) {
            skipped.add(
                &format!("relation of type “{kind}”"),
                &format!("relations of type “{kind}”"),
            );
        }
    }
    let linked = |key: i64, wanted: &str| {
        relations
            .iter()
            .filter(|r| kind_of(r).eq_ignore_ascii_case(wanted))
            .filter(|r| r.get("from_id").and_then(Value::as_i64) == Some(key))
            .find_map(|r| {
                let to = r.get("to_id").and_then(Value::as_i64);
                found.iter().find(|f| Some(f.key) == to)
            })
    };
    let targets: Vec<i64> = relations
        .iter()
        .filter(|r| ours(&kind_of(r)))
        .filter_map(|r| r.get("to_id").and_then(Value::as_i64))
        .collect();
    let linked_part =
        |f: &Found| (f.label == SOURCE_LABEL || f.label == CUE_LABEL) && targets.contains(&f.key);
    for (index, span) in found.iter().enumerate().filter(|(_, f)| !linked_part(f)) {
        let mention = linked(span.key, RELATION_TYPE);
        let cue = linked(span.key, CUE_RELATION);
        let pick = |list: &[(i64, String)]| {
            list.iter()
                .find(|(k, _)| *k == span.key)
                .map(|(_, s)| s.clone())
        };
        let found = assessed
            .iter()
            .find(|p| p.get("entity_id").and_then(Value::as_i64) == Some(span.key))
            .and_then(|p| p.get("provenance"))
            .map(read);
        let draft = Draft {
            start: span.start,
            end: span.end,
            label: span.label.clone(),
            source: pick(&sources),
            mention: mention.map(|m| (m.start, m.end)),
            cue: cue.map(|c| (c.start, c.end)),
            note: pick(&notes).unwrap_or_default(),
            provenance: lenient(found, skipped),
            ..Draft::default()
        };
        builder.add(&format!("{at} span {index}"), draft);
    }
}
