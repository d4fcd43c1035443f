//! Writing w3c (see the module above for the shape).

use serde::Serialize;

use crate::model::annotation::Annotation;
use crate::model::formats::provenance::to_text;
use crate::model::workspace::Workspace;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
pub(super) const DOCUMENT_PREFIX: &str = "urn:claimmark:document:";
/// The purpose and format of the body that holds a merged annotation's provenance.
pub(super) const PROVENANCE_PURPOSE: &str = "assessing";
pub(super) const JSON: &str = "application/json";
/// Code points of context in `prefix` and `suffix`.
const CONTEXT_CHARS: usize = 32;

pub(super) fn hex_of(workspace: &Workspace) -> &str {
    workspace.document.id().trim_start_matches("sha256:")
}

fn document_iri(workspace: &Workspace) -> String {
    format!("{DOCUMENT_PREFIX}{}", hex_of(workspace))
}

/// A body: a `TextualBody` (label, source name, note; a merged annotation's provenance as JSON
/// text with purpose `assessing`) or, for a mention, a `SpecificResource` with a position
/// selector.
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Textual {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: &'a str,
    },
    Mention {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        source: &'a str,
        selector: Selector<'a>,
    },
    Json {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        format: &'static str,
        value: String,
    },
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    /// The document's language (BCP 47).
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    selector: [Selector<'a>; 2],
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    created: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    modified: &'a str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page<'a>,
}

fn annotation<'a>(
    workspace: &'a Workspace,
    source: &'a str,
    a: &'a Annotation,
) -> AnnotationOut<'a> {
    let text = &workspace.document.text;
    let (start, end) = (a.span.start(), a.span.end());
    let textual = |purpose, value| Body::Textual {
        kind: "TextualBody",
        purpose,
        value,
    };
    let mut body = vec![textual("tagging", a.label.as_str())];
    if let Some(attribution) = &a.attribution {
        body.push(textual("identifying", &attribution.source));
        let linked = [
            (attribution.mention, "identifying"),
            (attribution.cue, "describing"),
        ];
        for (span, purpose) in linked {
            let Some(span) = span else { continue };
            body.push(Body::Mention {
                kind: "SpecificResource",
                purpose,
                source,
                selector: Selector::TextPositionSelector {
                    start: span.start(),
                    end: span.end(),
                },
            });
        }
    }
    if !a.note.is_empty() {
        body.push(textual("commenting", &a.note));
    }
    if let Some(provenance) = &a.provenance {
        body.push(Body::Json {
            kind: "TextualBody",
            purpose: PROVENANCE_PURPOSE,
            format: JSON,
            value: to_text(provenance),
        });
    }
    AnnotationOut {
        context: CONTEXT,
        id: format!("urn:claimmark:annotation:{}:{}", hex_of(workspace), a.id),
        kind: "Annotation",
        motivation: "classifying",
        created: &a.created,
        modified: &a.modified,
        body,
        target: Target {
            source,
            language: workspace.document.language.as_deref(),
            selector: [
                Selector::TextQuoteSelector {
                    exact: text.slice(start, end),
                    prefix: text.slice(start.saturating_sub(CONTEXT_CHARS), start),
                    suffix: text.slice(end, end + CONTEXT_CHARS),
                },
                Selector::TextPositionSelector { start, end },
            ],
        },
    }
}

/// One collection with every annotation of every document.
pub fn export(documents: &[&Workspace]) -> String {
    let sources: Vec<String> = documents.iter().map(|w| document_iri(w)).collect();
    let items: Vec<AnnotationOut> = documents
        .iter()
        .zip(&sources)
        .flat_map(|(w, source)| {
            w.annotations()
                .iter()
                .map(move |a| annotation(w, source, a))
        })
        .collect();
    let ids: Vec<&str> = documents.iter().map(|w| hex_of(w)).collect();
    let label = match documents {
        [only] => only.document.title.clone(),
        _ => format!("{} documents", documents.len()),
    };
    let id = format!(
        "urn:claimmark:collection:{}",
        ids.join("-").chars().take(64).collect::<String>()
    );
    let collection = Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label,
        total: items.len(),
        first: Page {
            id: format!("{id}:page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
        id,
    };
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}
