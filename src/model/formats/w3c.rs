//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose first page lists one
//! `Annotation` per claimmark annotation.
//!
//! Each annotation has the motivation `classifying`; bodies are a `TextualBody` with purpose
//! `tagging` (the label id), one with purpose `identifying` (the source's name), one with
//! purpose `commenting` (the note), and, for a source mention, a `SpecificResource` with purpose
//! `identifying` and a `TextPositionSelector`; the reporting cue likewise, with purpose
//! `describing`. The target names the document by
//! `urn:claimmark:document:<sha256 hex>` and selects the span twice: `TextQuoteSelector` (exact,
//! and up to 32 code points of prefix and suffix) and `TextPositionSelector` (code points, the
//! spec's unit). The file does not carry the text: importing places annotations on open
//! documents, by document id or else on the first one, re-checking each position with the quote
//! and recovering it from the quote when the text has moved.

use serde::Serialize;
use serde_json::{Map, Value};

use super::build::{DocumentBuilder, Draft};
use super::problem::{Decoded, Problem};
use crate::model::anchor::find_quote;
use crate::model::annotation::Annotation;
use crate::model::workspace::Workspace;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const DOCUMENT_PREFIX: &str = "urn:claimmark:document:";
/// Code points of context in `prefix` and `suffix`.
const CONTEXT_CHARS: usize = 32;

fn hex_of(workspace: &Workspace) -> &str {
    workspace.document.id().trim_start_matches("sha256:")
}

fn document_iri(workspace: &Workspace) -> String {
    format!("{DOCUMENT_PREFIX}{}", hex_of(workspace))
}

/// A body: a `TextualBody` (label, source name, note) or, for a mention, a
/// `SpecificResource` with a position selector.
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

/// An object, or the first object of a list.
fn first_object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    match value? {
        Value::Array(items) => items.iter().find_map(Value::as_object),
        Value::Object(object) => Some(object),
        _ => None,
    }
}

/// Every object of a value that may be one object or a list.
fn objects(value: Option<&Value>) -> Vec<&Map<String, Value>> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(object)) => vec![object],
        _ => Vec::new(),
    }
}

fn selector<'v>(
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

fn str_of<'v>(object: &'v Map<String, Value>, key: &str) -> &'v str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The annotations of a collection, page, list or single annotation.
fn items(root: &Value) -> Result<Vec<&Map<String, Value>>, Problem> {
    let kind = root.get("type").and_then(Value::as_str);
    let list = match (root, kind) {
        (Value::Array(_), _) => objects(Some(root)),
        (_, Some("AnnotationCollection")) => match root.get("first") {
            Some(Value::Object(page)) => objects(page.get("items")),
            Some(Value::String(iri)) => {
                return Err(Problem { at: "first".into(), message: format!("the collection's first page is only linked ({iri}); save a file that embeds its annotations") })
            }
            _ => Vec::new(),
        },
        (_, Some("AnnotationPage")) => objects(root.get("items")),
        (Value::Object(single), _) => vec![single],
        _ => Vec::new(),
    };
    Ok(list)
}

pub fn import(text: &str, known: &[&Workspace]) -> Decoded {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            at: "file".into(),
            message: format!("is not valid JSON ({e})"),
        }]
    })?;
    let annotations = items(&root).map_err(|p| vec![p])?;
    let Some(&fallback) = known.first() else {
        return Err(vec![Problem {
            at: "file".into(),
            message: "W3C annotations do not carry their text: open the document first".into(),
        }]);
    };
    let mut builders: Vec<(String, DocumentBuilder)> = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for (index, item) in annotations.iter().enumerate() {
        let at = format!("annotation {} ({})", index + 1, str_of(item, "id"));
        let Some(target) = first_object(item.get("target")) else {
            problems.push(Problem {
                at,
                message: "has no target with selectors".into(),
            });
            continue;
        };
        let source = str_of(target, "source");
        let workspace = known
            .iter()
            .copied()
            .find(|w| source.strip_prefix(DOCUMENT_PREFIX) == Some(hex_of(w)))
            .unwrap_or(fallback);
        let key = workspace.document.id().to_string();
        if !builders.iter().any(|(k, _)| *k == key) {
            let builder = DocumentBuilder::with_labels(
                &workspace.document.title,
                workspace.document.text.as_str(),
                workspace.labels.clone(),
            );
            let mut builder = builder;
            builder.set_language(workspace.document.language.as_deref());
            builder.set_language(target.get("language").and_then(Value::as_str));
            builders.push((key.clone(), builder));
        }
        let Some((_, builder)) = builders.iter_mut().find(|(k, _)| *k == key) else {
            continue;
        };
        let selectors = objects(target.get("selector"));
        let position = selector(&selectors, "TextPositionSelector")
            .and_then(|p| Some((p.get("start")?.as_i64()?, p.get("end")?.as_i64()?)));
        let quote = selector(&selectors, "TextQuoteSelector");
        // When the quote places the annotation elsewhere, its mention and cue move with it.
        let (start, end, shift) = match (position, quote) {
            (Some((s, e)), Some(q)) => {
                let fits = builder
                    .span(s, e)
                    .is_ok_and(|span| builder.document().text.quote(span) == str_of(q, "exact"));
                if fits {
                    (s, e, 0)
                } else {
                    let hint = usize::try_from(s).ok();
                    match find_quote(
                        &builder.document().text,
                        str_of(q, "exact"),
                        str_of(q, "prefix"),
                        str_of(q, "suffix"),
                        hint,
                    ) {
                        Some(span) => {
                            warnings.push(format!("{at}: the position did not match the quote; placed by the quote at {span}"));
                            let start = span.start() as i64;
                            (start, span.end() as i64, start - s)
                        }
                        None => {
                            problems.push(Problem {
                                at,
                                message: format!(
                                    "the quote {:?} is not in “{}”",
                                    str_of(q, "exact"),
                                    builder.document().title
                                ),
                            });
                            continue;
                        }
                    }
                }
            }
            (Some((s, e)), None) => (s, e, 0),
            (None, Some(q)) => match find_quote(
                &builder.document().text,
                str_of(q, "exact"),
                str_of(q, "prefix"),
                str_of(q, "suffix"),
                None,
            ) {
                Some(span) => (span.start() as i64, span.end() as i64, 0),
                None => {
                    problems.push(Problem {
                        at,
                        message: format!(
                            "the quote {:?} is not in the document",
                            str_of(q, "exact")
                        ),
                    });
                    continue;
                }
            },
            (None, None) => {
                problems.push(Problem {
                    at,
                    message: "has neither a TextPositionSelector nor a TextQuoteSelector".into(),
                });
                continue;
            }
        };
        let bodies = objects(item.get("body"));
        let textual = |purposes: &[&str]| {
            bodies
                .iter()
                .find(|b| {
                    str_of(b, "type") == "TextualBody" && purposes.iter().any(|p| has_purpose(b, p))
                })
                .map(|b| str_of(b, "value").to_string())
        };
        let label = textual(&["tagging", "classifying"])
            .or_else(|| {
                item.get("bodyValue")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .unwrap_or_default();
        let linked = |describing: bool| {
            bodies
                .iter()
                .filter(|b| str_of(b, "type") == "SpecificResource")
                .filter(|b| has_purpose(b, "describing") == describing)
                .find_map(|b| {
                    let s = selector(&objects(b.get("selector")), "TextPositionSelector")?;
                    Some((
                        s.get("start")?.as_i64()? + shift,
                        s.get("end")?.as_i64()? + shift,
                    ))
                })
        };
        let (mention, cue) = (linked(false), linked(true));
        let id = str_of(item, "id").rsplit(':').next().map(str::to_string);
        let draft = Draft {
            id,
            start,
            end,
            label,
            source: textual(&["identifying", "describing"]),
            mention,
            cue,
            note: textual(&["commenting"]).unwrap_or_default(),
            created: str_of(item, "created").to_string(),
            modified: str_of(item, "modified").to_string(),
            ..Draft::default()
        };
        builder.add(&at, draft, &mut problems);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if builders.is_empty() {
        return Err(vec![Problem {
            at: "file".into(),
            message: "there are no annotations in this file".into(),
        }]);
    }
    let mut documents = Vec::new();
    for (_, builder) in builders {
        let (workspace, repaired) = builder.finish();
        warnings.extend(repaired);
        documents.push(workspace);
    }
    Ok((documents, warnings))
}
