//! spaCy / Prodigy JSON Lines: one document per line,
//! `{"text", "spans": [{"start", "end", "label", …}], "meta": {…}}`.
//!
//! Offsets are code points, which is what spaCy's `Doc.char_span` and Prodigy expect. Each
//! span carries claimmark's extras as flat keys: `id`, `source`, `mention_start`/`mention_end`,
//! `cue_start`/`cue_end` (the reporting verb), `note` (absent when empty) and, in a merged gold
//! set, `provenance` (docs/FORMAT.md), so nothing is lost; spaCy ignores them.

use serde::Serialize;
use serde_json::{Map, Value};

use super::build::{DocumentBuilder, Draft};
use super::collect::Records;
use super::files::ImportOptions;
use super::json::{integer, records, string};
use super::problem::{Decoded, Problem};
use super::provenance::{encoded, lenient, read, Encoded};
use super::skipped::Skipped;
use super::texts::title_from_text;
use super::units::Unit;
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
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<Encoded<'a>>,
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
                        provenance: a.provenance.as_ref().map(encoded),
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

/// Reads spaCy or Prodigy JSON Lines. A Prodigy record answered `reject` or `ignore` is left
/// out (its spans are what the annotator turned down), as is a span answered `reject`; both are
/// counted. Records that share a text (`_input_hash`) stay documents of their own, named by
/// their annotator (`_annotator_id`, `_session_id`) when stated.
pub fn import(text: &str, options: &ImportOptions) -> Result<Decoded, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Records::new("the tool that wrote this file", Unit::Utf16);
    let mut skipped = Skipped::default();
    for (line, record) in records(text, &mut problems) {
        let at = format!("line {line}");
        let Some(body) = string(&record, "text") else {
            out.refuse_one(&at, "\"text\" is missing or not a string");
            continue;
        };
        if let Some(answer) = string(&record, "answer").filter(|a| *a != "accept") {
            skipped.add(
                &format!("record answered “{answer}”"),
                &format!("records answered “{answer}”"),
            );
            continue;
        }
        count_unused(&record, &mut skipped);
        let meta = record.get("meta").and_then(Value::as_object);
        let title = meta
            .and_then(|m| string(m, "title"))
            .or_else(|| string(&record, "title"))
            .unwrap_or("");
        let annotator = string(&record, "_annotator_id").or_else(|| string(&record, "_session_id"));
        let titled;
        let title = match annotator {
            Some(who) => {
                let title = match title.trim() {
                    "" => title_from_text(body),
                    title => title.to_string(),
                };
                titled = format!("{title} — {who}");
                titled.as_str()
            }
            None => title,
        };
        let mut builder = DocumentBuilder::new(title, body).at(&at);
        builder.set_language(meta.and_then(|m| string(m, "language")));
        if let Some(unit) = meta
            .and_then(|m| string(m, "offset_unit"))
            .and_then(Unit::from_id)
        {
            out.state(unit);
        }
        // A span's `source` is claimmark's attribution; in Prodigy it names the model that
        // suggested the span, which is not who makes the claim.
        let ours =
            meta.is_some_and(|m| m.contains_key("offset_unit") || m.contains_key("document_id"));
        match record.get("spans") {
            None | Some(Value::Null) => {}
            Some(Value::Array(spans)) => add_spans(&mut builder, line, spans, ours, &mut skipped),
            Some(_) => builder.problem(&at, "\"spans\" must be a list"),
        }
        out.push(builder);
    }
    for problem in problems {
        let record = problem.at.clone();
        out.refuse(&record, vec![problem]);
    }
    for warning in skipped.warnings("") {
        out.warn(warning);
    }
    Ok(out.finish(options.offsets))
}

/// Counts what a record holds that claimmark does not carry: relations, categories, choices.
fn count_unused(record: &Map<String, Value>, skipped: &mut Skipped) {
    for relation in record
        .get("relations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let kind = relation.get("label").and_then(Value::as_str).unwrap_or("");
        skipped.add(
            &format!("relation of type “{kind}”"),
            &format!("relations of type “{kind}”"),
        );
    }
    let cats = record
        .get("cats")
        .and_then(Value::as_object)
        .map_or(0, Map::len);
    let chosen = record
        .get("accept")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    // Prodigy's review recipe keeps each annotator's version beside the reviewed answer.
    let versions = record
        .get("versions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    skipped.add_n(
        "annotator's version kept by the review",
        "annotators' versions kept by the review",
        versions,
    );
    let label = usize::from(record.get("label").is_some_and(Value::is_string));
    skipped.add_n(
        "document category",
        "document categories",
        cats + chosen + label,
    );
}

fn add_spans(
    builder: &mut DocumentBuilder,
    line: usize,
    spans: &[Value],
    ours: bool,
    skipped: &mut Skipped,
) {
    for (index, span) in spans.iter().enumerate() {
        let at = format!("line {line} spans[{index}]");
        let Some(span) = span.as_object() else {
            builder.problem(&at, "must be an object");
            continue;
        };
        if let Some(answer) = string(span, "answer").filter(|a| *a != "accept") {
            skipped.add(
                &format!("span answered “{answer}”"),
                &format!("spans answered “{answer}”"),
            );
            continue;
        }
        let mut problems = Vec::new();
        let start = integer(span, "start", &at, &mut problems);
        let end = integer(span, "end", &at, &mut problems);
        let mention = pair(span, "mention", &at, &mut problems);
        let cue = pair(span, "cue", &at, &mut problems);
        let (Some(start), Some(end), Ok(mention), Ok(cue)) = (start, end, mention, cue) else {
            for problem in problems {
                builder.problem(&problem.at, problem.message);
            }
            continue;
        };
        let found = span.get("provenance").filter(|p| !p.is_null()).map(read);
        let draft = Draft {
            id: string(span, "id").map(str::to_string),
            start,
            end,
            label: string(span, "label").unwrap_or_default().to_string(),
            source: string(span, "source").filter(|_| ours).map(str::to_string),
            mention,
            cue,
            note: string(span, "note").unwrap_or_default().to_string(),
            quote: string(span, "text").map(str::to_string),
            provenance: lenient(found, skipped),
            ..Draft::default()
        };
        builder.add(&at, draft);
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
