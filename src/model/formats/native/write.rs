//! Writing native v1 files: one document as pretty-printed JSON, several as JSON Lines (one
//! compact file per line). Annotations are written in text order with their quotes.

use serde::Serialize;

use super::rules::{FORMAT, OFFSET_UNIT, VERSION};
use crate::model::formats::files::safe_stem;
use crate::model::formats::provenance::{encoded, Encoded};
use crate::model::workspace::Workspace;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    offset_unit: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    done: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    annotator: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exercise: Option<ExerciseOut<'a>>,
    document: DocumentOut<'a>,
    labels: Vec<LabelOut<'a>>,
    sources: Vec<SourceOut>,
    annotations: Vec<AnnotationOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggester: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct ExerciseOut<'a> {
    id: &'a str,
    instructions: &'a str,
    allow_check: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    allow_suggestions: bool,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    color: &'a str,
}

#[derive(Serialize)]
struct SourceOut {
    name: String,
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    mention: Option<SpanOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<SpanOut>,
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fragments: Vec<SpanOut>,
    quote: &'a str,
    label: &'a str,
    attribution: Option<AttributionOut<'a>>,
    note: &'a str,
    created: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<Encoded<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suggested: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
}

/// The workspace as a native v1 file (pretty-printed JSON, annotations in text order).
pub fn export(workspace: &Workspace) -> String {
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&file(workspace)).unwrap_or_default()
}

/// The serialisable shape of one document's file.
fn file(workspace: &Workspace) -> FileOut<'_> {
    let document = &workspace.document;
    FileOut {
        format: FORMAT,
        version: VERSION,
        offset_unit: OFFSET_UNIT,
        done: workspace.done,
        annotator: &workspace.annotator,
        exercise: workspace.exercise.as_ref().map(|e| ExerciseOut {
            id: &e.id,
            instructions: &e.instructions,
            allow_check: e.allow_check,
            allow_suggestions: e.allow_suggestions,
        }),
        document: DocumentOut {
            id: document.id(),
            title: &document.title,
            language: document.language.as_deref(),
            text: document.text.as_str(),
        },
        labels: workspace
            .labels
            .iter()
            .map(|l| LabelOut {
                id: l.id.as_str(),
                name: &l.name,
                description: &l.description,
                color: &l.color,
            })
            .collect(),
        sources: workspace
            .sources_for_export()
            .into_iter()
            .map(|s| SourceOut {
                name: s.name,
                aliases: s.aliases,
            })
            .collect(),
        annotations: workspace
            .annotations()
            .iter()
            .map(|a| AnnotationOut {
                id: a.id.as_str(),
                start: a.span.start(),
                end: a.span.end(),
                fragments: a
                    .fragments
                    .iter()
                    .map(|f| SpanOut {
                        start: f.start(),
                        end: f.end(),
                    })
                    .collect(),
                quote: workspace.quote(a),
                label: a.label.as_str(),
                attribution: a.attribution.as_ref().map(|at| AttributionOut {
                    source: &at.source,
                    mention: at.mention.map(|m| SpanOut {
                        start: m.start(),
                        end: m.end(),
                    }),
                    cue: at.cue.map(|c| SpanOut {
                        start: c.start(),
                        end: c.end(),
                    }),
                }),
                note: &a.note,
                created: &a.created,
                modified: &a.modified,
                provenance: a.provenance.as_ref().map(encoded),
                suggested: workspace.suggested(&a.id).is_some(),
                confidence: workspace.suggested(&a.id).and_then(|m| m.confidence),
            })
            .collect(),
        suggester: workspace.suggester.as_ref().map(|m| m.to_json()),
    }
}

/// A file name for the export: the title made safe for file systems, plus `.claimmark.json`.
pub fn export_file_name(title: &str) -> String {
    format!("{}.claimmark.json", safe_stem(title))
}

/// Several documents as JSON Lines: one compact native v1 file per line.
pub fn export_lines(documents: &[&Workspace]) -> String {
    let mut out = String::new();
    for workspace in documents {
        out.push_str(&serde_json::to_string(&file(workspace)).unwrap_or_default());
        out.push('\n');
    }
    out
}
