//! doccano JSON Lines: one document per line, loadable as a sequence-labelling project
//! (`"label": [[start, end, "label"]]`) and as a relation-extraction project (`"entities"`,
//! `"relations"`).
//!
//! Annotation `i` is both `label[i]` and entity `i`. Attribution mentions are extra entities
//! labelled `Source`, linked from their annotation by an `attribution` relation; reporting
//! cues are entities labelled `Cue`, linked by a `cue` relation. Source names
//! (with or without a mention) and notes travel as metadata keys `attributions` and `notes`,
//! which doccano keeps as document metadata. Offsets are code points.

use serde::Serialize;
use serde_json::{Map, Value};

use super::build::{DocumentBuilder, Draft};
use super::json::{integer, records, string, text_field};
use super::problem::{Decoded, Problem};
use crate::model::workspace::Workspace;

/// The label of mention entities and the type of attribution relations.
pub const SOURCE_LABEL: &str = "Source";
pub const RELATION_TYPE: &str = "attribution";
/// The label of reporting-cue entities and the type of their relations.
pub const CUE_LABEL: &str = "Cue";
pub const CUE_RELATION: &str = "cue";

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    entities: Vec<Entity<'a>>,
    relations: Vec<Relation>,
    attributions: Vec<Attributed<'a>>,
    notes: Vec<Noted<'a>>,
    title: &'a str,
    document_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct Relation {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Attributed<'a> {
    entity_id: usize,
    source: &'a str,
}

#[derive(Serialize)]
struct Noted<'a> {
    entity_id: usize,
    note: &'a str,
}

fn line(workspace: &Workspace) -> Line<'_> {
    let annotations = workspace.annotations();
    let mut entities: Vec<Entity> = annotations
        .iter()
        .enumerate()
        .map(|(id, a)| Entity {
            id,
            start_offset: a.span.start(),
            end_offset: a.span.end(),
            label: a.label.as_str(),
        })
        .collect();
    let mut relations = Vec::new();
    for (from, annotation) in annotations.iter().enumerate() {
        let Some(attribution) = &annotation.attribution else {
            continue;
        };
        let linked = [
            (attribution.mention, SOURCE_LABEL, RELATION_TYPE),
            (attribution.cue, CUE_LABEL, CUE_RELATION),
        ];
        for (span, label, kind) in linked {
            let Some(span) = span else { continue };
            let existing = entities.iter().skip(annotations.len()).find(|e| {
                (e.start_offset, e.end_offset, e.label) == (span.start(), span.end(), label)
            });
            let to = match existing {
                Some(entity) => entity.id,
                None => {
                    let id = entities.len();
                    entities.push(Entity {
                        id,
                        start_offset: span.start(),
                        end_offset: span.end(),
                        label,
                    });
                    id
                }
            };
            relations.push(Relation {
                id: relations.len(),
                from_id: from,
                to_id: to,
                kind,
            });
        }
    }
    Line {
        text: workspace.document.text.as_str(),
        label: annotations
            .iter()
            .map(|a| (a.span.start(), a.span.end(), a.label.as_str()))
            .collect(),
        entities,
        relations,
        attributions: annotations
            .iter()
            .enumerate()
            .filter_map(|(entity_id, a)| a.source().map(|source| Attributed { entity_id, source }))
            .collect(),
        notes: annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.note.is_empty())
            .map(|(entity_id, a)| Noted {
                entity_id,
                note: &a.note,
            })
            .collect(),
        title: &workspace.document.title,
        document_id: workspace.document.id(),
        language: workspace.document.language.as_deref(),
    }
}

pub fn export(documents: &[&Workspace]) -> String {
    let mut out = String::new();
    for workspace in documents {
        out.push_str(&serde_json::to_string(&line(workspace)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A span of the record: `[start, end, label]` from `label`, or an entity.
struct Found {
    key: i64,
    start: i64,
    end: i64,
    label: String,
}

/// `entity_id → value` pairs from a metadata list such as `attributions`.
fn keyed(record: &Map<String, Value>, list: &str, field: &str) -> Vec<(i64, String)> {
    let items = record
        .get(list)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
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

fn spans_of(record: &Map<String, Value>, at: &str, problems: &mut Vec<Problem>) -> Vec<Found> {
    let mut found = Vec::new();
    if let Some(entities) = record.get("entities").and_then(Value::as_array) {
        for (index, entity) in entities.iter().enumerate() {
            let at = format!("{at} entities[{index}]");
            let Some(entity) = entity.as_object() else {
                problems.push(Problem {
                    at,
                    message: "must be an object".into(),
                });
                continue;
            };
            let key = integer(entity, "id", &at, problems);
            let start = integer(entity, "start_offset", &at, problems);
            let end = integer(entity, "end_offset", &at, problems);
            if let (Some(key), Some(start), Some(end)) = (key, start, end) {
                let label = string(entity, "label").unwrap_or_default().to_string();
                found.push(Found {
                    key,
                    start,
                    end,
                    label,
                });
            }
        }
        return found;
    }
    let labels = record
        .get("label")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (index, triple) in labels.iter().enumerate() {
        let parts = triple.as_array().map(Vec::as_slice).unwrap_or(&[]);
        match parts {
            [start, end, label]
                if start.as_i64().is_some() && end.as_i64().is_some() && label.is_string() =>
            {
                found.push(Found {
                    key: index as i64,
                    start: start.as_i64().unwrap_or_default(),
                    end: end.as_i64().unwrap_or_default(),
                    label: label.as_str().unwrap_or_default().to_string(),
                })
            }
            _ => problems.push(Problem {
                at: format!("{at} label[{index}]"),
                message: format!("must be [start, end, \"label\"], found {triple}"),
            }),
        }
    }
    found
}

pub fn import(text: &str) -> Decoded {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    for (line, record) in records(text, &mut problems) {
        let at = format!("line {line}");
        let Some(body) = text_field(&record, &at, &mut problems) else {
            continue;
        };
        let mut builder = DocumentBuilder::new(string(&record, "title").unwrap_or(""), body);
        builder.set_language(string(&record, "language"));
        let found = spans_of(&record, &at, &mut problems);
        let sources = keyed(&record, "attributions", "source");
        let notes = keyed(&record, "notes", "note");
        let relations = record
            .get("relations")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let linked = |key: i64, kind: &str| {
            relations
                .iter()
                .filter(|r| {
                    r.get("type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.eq_ignore_ascii_case(kind))
                })
                .filter(|r| r.get("from_id").and_then(Value::as_i64) == Some(key))
                .find_map(|r| {
                    found
                        .iter()
                        .find(|f| Some(f.key) == r.get("to_id").and_then(Value::as_i64))
                })
        };
        // Source and Cue entities that a relation points to are parts of attributions; any
        // others are annotations whose label happens to have that name.
        let targets: Vec<i64> = relations
            .iter()
            .filter(|r| {
                r.get("type").and_then(Value::as_str).is_some_and(|t| {
                    t.eq_ignore_ascii_case(RELATION_TYPE) || t.eq_ignore_ascii_case(CUE_RELATION)
                })
            })
            .filter_map(|r| r.get("to_id").and_then(Value::as_i64))
            .collect();
        let linked_part = |f: &Found| {
            (f.label == SOURCE_LABEL || f.label == CUE_LABEL) && targets.contains(&f.key)
        };
        for (index, span) in found.iter().enumerate().filter(|(_, f)| !linked_part(f)) {
            let mention = linked(span.key, RELATION_TYPE);
            let cue = linked(span.key, CUE_RELATION);
            let named = sources
                .iter()
                .find(|(k, _)| *k == span.key)
                .map(|(_, s)| s.clone());
            let source = named.or_else(|| {
                let mention = mention?;
                builder
                    .span(mention.start, mention.end)
                    .ok()
                    .map(|m| builder.document().text.quote(m).to_string())
            });
            let draft = Draft {
                start: span.start,
                end: span.end,
                label: span.label.clone(),
                source,
                mention: mention.map(|m| (m.start, m.end)),
                cue: cue.map(|c| (c.start, c.end)),
                note: notes
                    .iter()
                    .find(|(k, _)| *k == span.key)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                ..Draft::default()
            };
            builder.add(&format!("{at} span {index}"), draft, &mut problems);
        }
        let (workspace, repaired) = builder.finish();
        warnings.extend(repaired);
        documents.push(workspace);
    }
    if problems.is_empty() {
        Ok((documents, warnings))
    } else {
        Err(problems)
    }
}
