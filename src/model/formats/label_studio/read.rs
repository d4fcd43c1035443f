//! Reading Label Studio exports: the JSON export (a list of tasks, each with `data` and
//! `annotations`, or `completions` before 1.0) and the JSON-MIN export (one flat object per
//! annotation, regions under the labelling control's name).
//!
//! The text is found by `text` (a task with only links to files, or paragraphs, is refused).
//! Each annotation of a task is a document of its own (several annotators stay apart), named by
//! its annotator when there are several; cancelled annotations, predictions, drafts and results
//! claimmark does not carry (choices, ratings, text answers, other relations) are counted in
//! warnings.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::text::{is_html, text_of};
use crate::model::formats::build::{DocumentBuilder, Draft};
use crate::model::formats::collect::Records;
use crate::model::formats::doccano::{CUE_LABEL, CUE_RELATION, RELATION_TYPE, SOURCE_LABEL};
use crate::model::formats::files::ImportOptions;
use crate::model::formats::json::{integer, string};
use crate::model::formats::problem::{Decoded, Problem};
use crate::model::formats::provenance::{lenient, read_text};
use crate::model::formats::skipped::Skipped;
use crate::model::formats::units::Unit;
use crate::model::text::title_or_untitled;

/// Whether a JSON value is a Label Studio task (`data` an object) or a JSON-MIN row (a list of
/// regions with `start` and `labels` under some key).
pub fn is_task(value: &Value) -> bool {
    value.get("data").is_some_and(Value::is_object) || !min_regions(value).is_empty()
}

/// A JSON-MIN row's regions: (control name, regions).
fn min_regions(value: &Value) -> Vec<(&str, &Vec<Value>)> {
    let Some(object) = value.as_object() else {
        return Vec::new();
    };
    object
        .iter()
        .filter_map(|(key, v)| Some((key.as_str(), v.as_array()?)))
        .filter(|(_, items)| {
            items
                .iter()
                .any(|r| r.get("start").is_some() && r.get("labels").is_some())
        })
        .collect()
}

/// A JSON-MIN row as a task of the full export.
fn task_of_min(row: &Value) -> Value {
    let regions = min_regions(row);
    let mut data = Map::new();
    for (key, value) in row.as_object().into_iter().flatten() {
        if !regions.iter().any(|(k, _)| k == key) {
            data.insert(key.clone(), value.clone());
        }
    }
    let mut result = Vec::new();
    for (from_name, items) in regions {
        for (n, item) in items.iter().enumerate() {
            let mut value = item.clone();
            let id = value
                .get("id")
                .cloned()
                .unwrap_or_else(|| Value::from(format!("{from_name}-{n}")));
            if let Some(v) = value.as_object_mut() {
                v.remove("id");
            }
            result.push(serde_json::json!({ "id": id, "from_name": from_name, "type": "labels", "value": value }));
        }
    }
    let annotator = row.get("annotator").cloned().unwrap_or(Value::Null);
    serde_json::json!({ "data": data, "annotations": [{ "result": result, "completed_by": annotator }] })
}

/// JSON-MIN rows as tasks: the rows of one task (the same `id`: one row per annotation) come
/// together as one task's annotations, in the order first met.
fn tasks_of_min(rows: &[&Value]) -> Vec<Value> {
    let mut tasks: Vec<(Option<Value>, Value)> = Vec::new();
    for row in rows {
        let task = task_of_min(row);
        let id = row.get("id").cloned();
        let annotation = task["annotations"][0].clone();
        match tasks.iter_mut().find(|(key, _)| id.is_some() && *key == id) {
            Some((_, existing)) => {
                if let Some(list) = existing["annotations"].as_array_mut() {
                    list.push(annotation);
                }
            }
            None => tasks.push((id, task)),
        }
    }
    tasks.into_iter().map(|(_, task)| task).collect()
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

/// The first string of a textarea result's `value.text`.
fn textarea_text(value: &Map<String, Value>) -> Option<String> {
    match value.get("text")? {
        Value::Array(items) => items.first()?.as_str().map(str::to_string),
        Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// One annotation's results looked up by id, so that linking each region to its textareas
/// and relations does not scan every result again.
struct ResultIndex<'a> {
    /// The first `labels` region with each id.
    regions: HashMap<&'a str, &'a Value>,
    /// The first `textarea` result for each (id, `from_name`).
    textareas: HashMap<(&'a str, &'a str), &'a Value>,
    /// The `to_id` of every relation of claimmark's (`None` where it is missing).
    targets: HashSet<Option<&'a str>>,
    /// Each `from_id`'s relations' `to_id`s, in file order.
    relations: HashMap<&'a str, Vec<Option<&'a str>>>,
}

impl<'a> ResultIndex<'a> {
    fn new(results: &'a [Value], skipped: &mut Skipped) -> ResultIndex<'a> {
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
                    let labels = result.get("labels").and_then(Value::as_array);
                    let label = labels
                        .and_then(|l| l.first())
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    if label.is_empty() {
                        skipped.add("relation without a label", "relations without a label");
                        continue;
                    }
                    if label != RELATION_TYPE && label != CUE_RELATION {
                        let one = format!("relation of type “{label}”");
                        skipped.add(&one, &format!("relations of type “{label}”"));
                        continue;
                    }
                    let to = result.get("to_id").and_then(Value::as_str);
                    index.targets.insert(to);
                    if let Some(from) = result.get("from_id").and_then(Value::as_str) {
                        index.relations.entry(from).or_default().push(to);
                    }
                }
                other => skipped.add(
                    &format!("result of type “{other}”"),
                    &format!("results of type “{other}”"),
                ),
            }
        }
        // A textarea is carried only as a region's source or note (claimmark's own export).
        let textareas = results
            .iter()
            .filter(|r| kind(r) == "textarea")
            .filter(|r| {
                let from = r.get("from_name").and_then(Value::as_str).unwrap_or("");
                let region = id_of(r).is_some_and(|id| index.regions.contains_key(id));
                !(region && (from == "source" || from == "note"))
            });
        skipped.add_n(
            "text answer (textarea)",
            "text answers (textarea)",
            textareas.count(),
        );
        index
    }

    fn targeted(&self, id: Option<&str>) -> bool {
        self.targets.contains(&id)
    }

    fn textarea(&self, id: &str, from: &str) -> Option<String> {
        textarea_text(&value_of(self.textareas.get(&(id, from))?))
    }

    /// The offsets of the first region labelled `wanted` that a relation from `id` points to.
    fn linked(&self, id: &str, wanted: &str) -> Option<(i64, i64)> {
        self.relations.get(id)?.iter().find_map(|to| {
            let v = value_of(self.regions.get((*to)?)?);
            let labels = v.get("labels").and_then(Value::as_array)?;
            if labels.first().and_then(Value::as_str) != Some(wanted) {
                return None;
            }
            Some((v.get("start")?.as_i64()?, v.get("end")?.as_i64()?))
        })
    }
}

/// The annotator of an annotation: `completed_by` as an email, a number or a name.
fn annotator(annotation: &Value) -> String {
    match annotation.get("completed_by") {
        Some(Value::Object(user)) => string(user, "email")
            .map(str::to_string)
            .unwrap_or_else(|| user.get("id").map(Value::to_string).unwrap_or_default()),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn read_task(number: usize, task: &Value, out: &mut Records, skipped: &mut Skipped) {
    let at = format!("task {number}");
    let Some(data) = task.get("data").and_then(Value::as_object) else {
        return out.refuse_one(&at, "\"data\" is missing");
    };
    fn list(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
    }
    // Label Studio before 1.0 called a task's annotations its completions.
    let saved = task.get("annotations").or_else(|| task.get("completions"));
    let annotations: Vec<&Value> = list(saved)
        .iter()
        .filter(|a| {
            let cancelled = a.get("was_cancelled").and_then(Value::as_bool) == Some(true);
            if cancelled {
                skipped.add("cancelled annotation", "cancelled annotations");
            }
            !cancelled
        })
        .collect();
    for prediction in list(task.get("predictions")) {
        let regions = list(prediction.get("result")).len();
        skipped.add_n("predicted region", "predicted regions", regions);
    }
    for draft in list(task.get("drafts")) {
        let regions = list(draft.get("result")).len();
        skipped.add_n("result of a draft", "results of drafts", regions);
    }
    let quotes: Vec<&str> = annotations
        .iter()
        .flat_map(|a| list(a.get("result")))
        .filter_map(|r| r.get("value")?.get("text")?.as_str())
        .collect();
    let (key, text) = match text_of(data, &quotes) {
        Ok(found) => found,
        Err(message) => return out.refuse_one(&at, message),
    };
    if key != "text" {
        out.warn(format!("{at}: the text was read from data.{key}"));
    }
    if is_html(text) {
        out.warn(format!(
            "{at}: data.{key} is HTML; its markup is part of the text"
        ));
    }
    let title = string(data, "title").unwrap_or("");
    if string(data, "document_id").is_some_and(|id| id.starts_with("sha256:")) {
        // Written by claimmark, which counts code points.
        out.state(Unit::CodePoint);
    }
    let several = annotations.len() > 1;
    let empty = [Value::Null];
    let annotations: Vec<&Value> = if annotations.is_empty() {
        vec![&empty[0]]
    } else {
        annotations
    };
    for (n, annotation) in annotations.iter().enumerate() {
        let (title, record) = match several {
            true => {
                let who = annotator(annotation);
                let who = if who.is_empty() {
                    format!("annotation {}", n + 1)
                } else {
                    format!("annotator {who}")
                };
                (
                    format!("{} — {who}", title_or_untitled(title.trim())),
                    format!("{at} ({who})"),
                )
            }
            false => (title.to_string(), at.clone()),
        };
        let mut builder = DocumentBuilder::new(&title, text).at(record);
        builder.set_language(string(data, "language"));
        add_results(&mut builder, &at, list(annotation.get("result")), skipped);
        out.push(builder);
    }
}

fn add_results(builder: &mut DocumentBuilder, at: &str, results: &[Value], skipped: &mut Skipped) {
    let index = ResultIndex::new(results, skipped);
    for (number, result) in results.iter().enumerate() {
        if kind(result) != "labels" {
            continue;
        }
        let at = format!("{at} result[{number}]");
        let value = value_of(result);
        let labels = value.get("labels").and_then(Value::as_array);
        let Some(label) = labels.and_then(|l| l.first()).and_then(Value::as_str) else {
            builder.problem(&at, "\"value.labels\" is missing");
            continue;
        };
        // Source and Cue regions that a relation points to are parts of attributions; any
        // others are annotations whose label happens to have that name.
        if (label == SOURCE_LABEL || label == CUE_LABEL) && index.targeted(id_of(result)) {
            continue;
        }
        let mut problems = Vec::new();
        let start = integer(&value, "start", &at, &mut problems);
        let end = integer(&value, "end", &at, &mut problems);
        let (Some(start), Some(end)) = (start, end) else {
            for problem in problems {
                builder.problem(&problem.at, problem.message);
            }
            continue;
        };
        let id = id_of(result).unwrap_or_default();
        let provenance = index.textarea(id, "provenance").map(|t| read_text(&t));
        let draft = Draft {
            id: Some(id.to_string()),
            start,
            end,
            label: label.to_string(),
            source: index.textarea(id, "source"),
            mention: index.linked(id, SOURCE_LABEL),
            cue: index.linked(id, CUE_LABEL),
            note: index.textarea(id, "note").unwrap_or_default(),
            quote: string(&value, "text").map(str::to_string),
            provenance: lenient(provenance, skipped),
            ..Draft::default()
        };
        builder.add(&at, draft);
    }
}

pub fn import(text: &str, options: &ImportOptions) -> Result<Decoded, Vec<Problem>> {
    let file_problem = |message: String| {
        vec![Problem {
            at: "file".into(),
            message,
        }]
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| file_problem(format!("is not valid JSON ({e})")))?;
    let tasks = match &value {
        Value::Array(tasks) => tasks.as_slice(),
        single @ Value::Object(_) => std::slice::from_ref(single),
        _ => return Err(file_problem("must be a list of tasks".into())),
    };
    let mut out = Records::new("Label Studio", Unit::Utf16);
    let mut skipped = Skipped::default();
    // JSON-MIN: rows without `data`, some with regions (a row without any is a text with none).
    let min = tasks
        .iter()
        .any(|t| t.get("data").is_none() && !min_regions(t).is_empty());
    if min {
        let rows: Vec<&Value> = tasks.iter().filter(|t| t.get("data").is_none()).collect();
        for (index, task) in tasks_of_min(&rows).iter().enumerate() {
            read_task(index + 1, task, &mut out, &mut skipped);
        }
        for task in tasks.iter().filter(|t| t.get("data").is_some()) {
            read_task(0, task, &mut out, &mut skipped);
        }
    } else {
        for (index, task) in tasks.iter().enumerate() {
            read_task(index + 1, task, &mut out, &mut skipped);
        }
    }
    for warning in skipped.warnings("") {
        out.warn(warning);
    }
    Ok(out.finish(options.offsets))
}
