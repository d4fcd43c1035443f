//! Label Studio JSON: a list of tasks, one per document, each with one annotation whose
//! `result` holds the regions.
//!
//! Each claimmark annotation is a `labels` region (`value.start/end/text/labels`, offsets in
//! code points) whose id is the annotation id. Its source name and note are per-region
//! `textarea` results with the same id (`from_name` `source` and `note`). A source mention is a
//! `labels` region labelled `Source`, linked by a `relation` result labelled `attribution`;
//! a reporting cue is a region labelled `Cue`, linked by a relation labelled `cue`.
//! The labelling config that loads this is in the README.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::build::{DocumentBuilder, Draft};
use super::doccano::{CUE_LABEL, CUE_RELATION, RELATION_TYPE, SOURCE_LABEL};
use super::json::{integer, string};
use super::problem::{Decoded, Problem};
use crate::model::workspace::Workspace;

fn region(id: &str, from_name: &str, kind: &str, value: Value) -> Value {
    json!({ "id": id, "from_name": from_name, "to_name": "text", "type": kind, "origin": "manual", "value": value })
}

fn task(index: usize, workspace: &Workspace) -> Value {
    let text = &workspace.document.text;
    let mut result = Vec::new();
    for annotation in workspace.annotations() {
        let (id, span) = (annotation.id.as_str(), annotation.span);
        let at = |extra: Value| {
            let mut value = json!({ "start": span.start(), "end": span.end() });
            if let (Some(value), Value::Object(extra)) = (value.as_object_mut(), extra) {
                value.extend(extra);
            }
            value
        };
        result.push(region(
            id,
            "label",
            "labels",
            at(json!({ "text": text.quote(span), "labels": [annotation.label.as_str()] })),
        ));
        if let Some(source) = annotation.source() {
            result.push(region(
                id,
                "source",
                "textarea",
                at(json!({ "text": [source] })),
            ));
        }
        if !annotation.note.is_empty() {
            result.push(region(
                id,
                "note",
                "textarea",
                at(json!({ "text": [annotation.note] })),
            ));
        }
        let Some(attribution) = &annotation.attribution else {
            continue;
        };
        let linked = [
            (attribution.mention, "source", SOURCE_LABEL, RELATION_TYPE),
            (attribution.cue, "cue", CUE_LABEL, CUE_RELATION),
        ];
        for (span, suffix, label, relation) in linked {
            let Some(span) = span else { continue };
            let linked_id = format!("{id}-{suffix}");
            let value = json!({ "start": span.start(), "end": span.end(), "text": text.quote(span), "labels": [label] });
            result.push(region(&linked_id, "label", "labels", value));
            result.push(json!({ "from_id": id, "to_id": linked_id, "type": "relation", "direction": "right", "labels": [relation] }));
        }
    }
    let mut data = json!({ "text": text.as_str(), "title": workspace.document.title, "document_id": workspace.document.id() });
    if let (Some(language), Some(data)) = (&workspace.document.language, data.as_object_mut()) {
        data.insert("language".into(), json!(language));
    }
    json!({
        "id": index + 1,
        "data": data,
        "annotations": [ { "id": index + 1, "result": result } ],
    })
}

pub fn export(documents: &[&Workspace]) -> String {
    let tasks: Vec<Value> = documents
        .iter()
        .enumerate()
        .map(|(i, w)| task(i, w))
        .collect();
    serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default()
}

/// The first string of a textarea result's `value.text`.
fn textarea_text(value: &Map<String, Value>) -> Option<String> {
    match value.get("text")? {
        Value::Array(items) => items.first()?.as_str().map(str::to_string),
        Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

fn kind(result: &Value) -> &str {
    result.get("type").and_then(Value::as_str).unwrap_or("")
}

fn id_of(result: &Value) -> Option<&str> {
    result.get("id").and_then(Value::as_str)
}

fn value_of(result: &Value) -> Map<String, Value> {
    result
        .get("value")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// One task's results looked up by id, so that linking each region to its textareas and
/// relations does not scan every result again.
struct ResultIndex<'a> {
    /// The first `labels` region with each id.
    regions: HashMap<&'a str, &'a Value>,
    /// The first `textarea` result for each (id, `from_name`).
    textareas: HashMap<(&'a str, &'a str), &'a Value>,
    /// The `to_id` of every relation (`None` where it is missing or not a string).
    targets: HashSet<Option<&'a str>>,
    /// Each `from_id`'s relations' `to_id`s, in file order.
    relations: HashMap<&'a str, Vec<Option<&'a str>>>,
}

impl<'a> ResultIndex<'a> {
    fn new(results: &'a [Value]) -> ResultIndex<'a> {
        let mut index = ResultIndex {
            regions: HashMap::new(),
            textareas: HashMap::new(),
            targets: HashSet::new(),
            relations: HashMap::new(),
        };
        for result in results {
            match kind(result) {
                "labels" => {
                    if let Some(id) = id_of(result) {
                        index.regions.entry(id).or_insert(result);
                    }
                }
                "textarea" => {
                    let from = result.get("from_name").and_then(Value::as_str);
                    if let (Some(id), Some(from)) = (id_of(result), from) {
                        index.textareas.entry((id, from)).or_insert(result);
                    }
                }
                "relation" => {
                    let to = result.get("to_id").and_then(Value::as_str);
                    index.targets.insert(to);
                    if let Some(from) = result.get("from_id").and_then(Value::as_str) {
                        index.relations.entry(from).or_default().push(to);
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// Whether a relation points to the region with this id.
    fn targeted(&self, id: Option<&str>) -> bool {
        self.targets.contains(&id)
    }

    /// The text of region `id`'s textarea named `from`.
    fn textarea(&self, id: &str, from: &str) -> Option<String> {
        textarea_text(&value_of(self.textareas.get(&(id, from))?))
    }

    /// The offsets of the first region labelled `wanted` that a relation from `id` points to.
    fn linked(&self, id: &str, wanted: &str) -> Option<(i64, i64)> {
        self.relations.get(id)?.iter().find_map(|to| {
            let target = self.regions.get((*to)?)?;
            let v = value_of(target);
            let labels = v.get("labels").and_then(Value::as_array)?;
            if labels.first().and_then(Value::as_str) != Some(wanted) {
                return None;
            }
            Some((v.get("start")?.as_i64()?, v.get("end")?.as_i64()?))
        })
    }
}

fn import_task(
    index: usize,
    task: &Value,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<String>,
) -> Option<Workspace> {
    let at = format!("task {}", index + 1);
    let data = task.get("data").and_then(Value::as_object);
    let Some(text) = data.and_then(|d| string(d, "text")) else {
        problems.push(Problem {
            at,
            message: "\"data.text\" is missing".into(),
        });
        return None;
    };
    let title = data.and_then(|d| string(d, "title")).unwrap_or("");
    let mut builder = DocumentBuilder::new(title, text);
    builder.set_language(data.and_then(|d| string(d, "language")));
    let annotations = task
        .get("annotations")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let results = annotations
        .first()
        .and_then(|a| a.get("result"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let index = ResultIndex::new(results);
    for (number, result) in results.iter().enumerate() {
        if kind(result) != "labels" {
            continue;
        }
        let at = format!("{at} result[{number}]");
        let value = value_of(result);
        let label = value
            .get("labels")
            .and_then(Value::as_array)
            .and_then(|l| l.first())
            .and_then(Value::as_str);
        let Some(label) = label else {
            problems.push(Problem {
                at,
                message: "\"value.labels\" is missing".into(),
            });
            continue;
        };
        // Source and Cue regions that a relation points to are parts of attributions; any
        // others are annotations whose label happens to have that name.
        if (label == SOURCE_LABEL || label == CUE_LABEL) && index.targeted(id_of(result)) {
            continue;
        }
        let (Some(start), Some(end)) = (
            integer(&value, "start", &at, problems),
            integer(&value, "end", &at, problems),
        ) else {
            continue;
        };
        let id = id_of(result).unwrap_or_default();
        let linked = |wanted: &str| index.linked(id, wanted);
        let (mention, cue) = (linked(SOURCE_LABEL), linked(CUE_LABEL));
        let draft = Draft {
            id: Some(id.to_string()),
            start,
            end,
            label: label.to_string(),
            source: index.textarea(id, "source"),
            mention,
            cue,
            note: index.textarea(id, "note").unwrap_or_default(),
            quote: string(&value, "text").map(str::to_string),
            ..Draft::default()
        };
        builder.add(&at, draft, problems);
    }
    let (workspace, repaired) = builder.finish();
    warnings.extend(repaired);
    Some(workspace)
}

pub fn import(text: &str) -> Decoded {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            at: "file".into(),
            message: format!("is not valid JSON ({e})"),
        }]
    })?;
    let tasks = match &value {
        Value::Array(tasks) => tasks.as_slice(),
        single @ Value::Object(_) => std::slice::from_ref(single),
        _ => {
            return Err(vec![Problem {
                at: "file".into(),
                message: "must be a list of tasks".into(),
            }])
        }
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    for (index, task) in tasks.iter().enumerate() {
        let count = task
            .get("annotations")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if count > 1 {
            warnings.push(format!(
                "task {} has {count} annotations; the first was imported",
                index + 1
            ));
        }
        if let Some(document) = import_task(index, task, &mut problems, &mut warnings) {
            documents.push(document);
        }
    }
    if problems.is_empty() {
        Ok((documents, warnings))
    } else {
        Err(problems)
    }
}
