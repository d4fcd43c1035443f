//! Writing label_studio (see the module above for the shape).

use serde_json::{json, Value};

use crate::model::formats::doccano::{CUE_LABEL, CUE_RELATION, RELATION_TYPE, SOURCE_LABEL};
use crate::model::formats::provenance::to_text;
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
        if let Some(provenance) = &annotation.provenance {
            let text = to_text(provenance);
            result.push(region(
                id,
                "provenance",
                "textarea",
                at(json!({ "text": [text] })),
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
