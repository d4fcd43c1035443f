//! spaCy / Prodigy JSON Lines: one document per line,
//! `{"text", "spans": [{"start", "end", "label", …}], "meta": {…}}`.
//!
//! Offsets are code points, which is what spaCy's `Doc.char_span` and Prodigy expect. Each
//! span carries claimmark's extras as flat keys: `id`, `source`, `mention_start`/`mention_end`,
//! `cue_start`/`cue_end` (the reporting verb) and `note` (absent when empty), so nothing is lost; spaCy ignores them.

use serde::Serialize;
use serde_json::{Map, Value};

use super::build::{DocumentBuilder, Draft};
use super::json::{integer, records, string, text_field};
use super::problem::{Decoded, Problem};
use crate::model::workspace::Workspace;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mention_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mention_end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue_end: Option<usize>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    document_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    offset_unit: &'static str,
}

/// One JSON line per document.
pub fn export(documents: &[&Workspace]) -> String {
    let mut out = String::new();
    for workspace in documents {
        let line = Line {
            text: workspace.document.text.as_str(),
            spans: workspace
                .annotations()
                .iter()
                .map(|a| {
                    let mention = a.attribution.as_ref().and_then(|at| at.mention);
                    let cue = a.attribution.as_ref().and_then(|at| at.cue);
                    SpanOut {
                        start: a.span.start(),
                        end: a.span.end(),
                        label: a.label.as_str(),
                        id: a.id.as_str(),
                        source: a.source(),
                        mention_start: mention.map(|m| m.start()),
                        mention_end: mention.map(|m| m.end()),
                        cue_start: cue.map(|c| c.start()),
                        cue_end: cue.map(|c| c.end()),
                        note: &a.note,
                    }
                })
                .collect(),
            meta: Meta {
                title: &workspace.document.title,
                document_id: workspace.document.id(),
                language: workspace.document.language.as_deref(),
                offset_unit: "codepoint",
            },
        };
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
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
        let meta = record.get("meta").and_then(Value::as_object);
        let title = meta
            .and_then(|m| string(m, "title"))
            .or_else(|| string(&record, "title"))
            .unwrap_or("");
        let mut builder = DocumentBuilder::new(title, body);
        builder.set_language(meta.and_then(|m| string(m, "language")));
        let spans = match record.get("spans") {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(spans)) => spans,
            Some(_) => {
                problems.push(Problem {
                    at,
                    message: "\"spans\" must be a list".into(),
                });
                continue;
            }
        };
        for (index, span) in spans.iter().enumerate() {
            let at = format!("line {line} spans[{index}]");
            let Some(span) = span.as_object() else {
                problems.push(Problem {
                    at,
                    message: "must be an object".into(),
                });
                continue;
            };
            let (Some(start), Some(end)) = (
                integer(span, "start", &at, &mut problems),
                integer(span, "end", &at, &mut problems),
            ) else {
                continue;
            };
            let Ok(mention) = pair(span, "mention", &at, &mut problems) else {
                continue;
            };
            let Ok(cue) = pair(span, "cue", &at, &mut problems) else {
                continue;
            };
            let draft = Draft {
                id: string(span, "id").map(str::to_string),
                start,
                end,
                label: string(span, "label").unwrap_or_default().to_string(),
                source: string(span, "source").map(str::to_string),
                mention,
                cue,
                note: string(span, "note").unwrap_or_default().to_string(),
                quote: string(span, "text").map(str::to_string),
                ..Draft::default()
            };
            builder.add(&at, draft, &mut problems);
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

/// The optional `<prefix>_start`/`<prefix>_end` pair; `Err` when only half of it is usable.
fn pair(
    span: &Map<String, Value>,
    prefix: &str,
    at: &str,
    problems: &mut Vec<Problem>,
) -> Result<Option<(i64, i64)>, ()> {
    let (start_key, end_key) = (format!("{prefix}_start"), format!("{prefix}_end"));
    if span.get(&start_key).is_none() && span.get(&end_key).is_none() {
        return Ok(None);
    }
    match (
        integer(span, &start_key, at, problems),
        integer(span, &end_key, at, problems),
    ) {
        (Some(s), Some(e)) => Ok(Some((s, e))),
        _ => Err(()),
    }
}
