//! Checking a parsed native v1 file, field by field, into a [`Workspace`].
//!
//! Reading walks the JSON value by hand rather than through serde derive so that each problem
//! names its record (`annotations[3] (id "a7")`) and field, and so that all problems are
//! reported at once instead of the first.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::rules::{self, Extras, Imported, FALLBACK_COLOR, FORMAT, OFFSET_UNIT, VERSION};
use crate::model::annotation::{
    default_labels, Annotation, AnnotationId, Attribution, Label, LabelId, Source, Suggested,
};
use crate::model::formats::json::kind;
use crate::model::formats::problem::{ImportError, Problem, MAX_ANNOTATIONS};
use crate::model::span::Span;
use crate::model::suggest::learn::Model;
use crate::model::text::Text;
use crate::model::text::{content_id, Document};
use crate::model::workspace::ExerciseLink;

/// Collects problems while reading.
struct Reader {
    problems: Vec<Problem>,
    warnings: Vec<String>,
    /// The annotations marked as suggested.
    suggested: Vec<(AnnotationId, Suggested)>,
}

impl Reader {
    fn problem(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.to_string(),
            message: message.into(),
        });
    }

    /// A string field, or `None` (with a problem recorded when it is present but not a string,
    /// or absent and `required`).
    fn string(
        &mut self,
        object: &Map<String, Value>,
        at: &str,
        key: &str,
        required: bool,
    ) -> Option<String> {
        match object.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) if !required => None,
            None => {
                self.problem(at, format!("\"{key}\" is missing"));
                None
            }
            Some(other) => {
                self.problem(
                    at,
                    format!("\"{key}\" must be a string, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// A code point offset: a non-negative integer.
    fn offset(&mut self, object: &Map<String, Value>, at: &str, key: &str) -> Option<usize> {
        match object.get(key) {
            Some(Value::Number(n)) => match n.as_u64().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => Some(n),
                None => {
                    self.problem(
                        at,
                        format!("\"{key}\" must be a whole number ≥ 0, found {n}"),
                    );
                    None
                }
            },
            None => {
                self.problem(at, format!("\"{key}\" is missing"));
                None
            }
            Some(other) => {
                self.problem(
                    at,
                    format!(
                        "\"{key}\" must be a whole number ≥ 0, found {}",
                        kind(other)
                    ),
                );
                None
            }
        }
    }

    /// A span from `start`/`end` fields, checked by the format's rules (`rules::span`).
    fn checked_span(
        &mut self,
        object: &Map<String, Value>,
        at: &str,
        text: &Text,
        quote: Option<&str>,
    ) -> Option<Span> {
        let start = self.offset(object, at, "start");
        let end = self.offset(object, at, "end");
        let (start, end) = (start?, end?);
        rules::span(text, start, end, quote)
            .map_err(|message| self.problem(at, message))
            .ok()
    }

    /// An array field; absent or null gives an empty list.
    fn array<'v>(&mut self, object: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match object.get(key) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => &[],
            Some(other) => {
                self.problem(key, format!("must be a list, found {}", kind(other)));
                &[]
            }
        }
    }
}

/// Checks a parsed native file.
pub(super) fn read(root: &Value) -> Result<Imported, ImportError> {
    let invalid = |at: &str, message: String| {
        ImportError::Invalid(vec![Problem {
            at: at.to_string(),
            message,
        }])
    };
    let Value::Object(root) = root else {
        return Err(invalid(
            "file",
            format!("must be a JSON object, found {}", kind(root)),
        ));
    };
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(invalid(
                "format",
                format!("this is not a claimmark file (format is {other})"),
            ))
        }
        None => {
            return Err(invalid(
                "format",
                "this is not a claimmark file (no \"format\": \"claimmark\")".into(),
            ))
        }
    }
    match root.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => {
            return Err(invalid(
                "version",
                format!("version {v} is not supported; this app reads version {VERSION}"),
            ))
        }
        None => return Err(invalid("version", "\"version\" is missing".into())),
    }
    let mut reader = Reader {
        problems: Vec::new(),
        warnings: Vec::new(),
        suggested: Vec::new(),
    };
    match root.get("offset_unit") {
        None => reader
            .warnings
            .push("the file does not state its offset unit; read as code points".into()),
        Some(Value::String(unit)) if unit == OFFSET_UNIT => {}
        Some(other) => reader.problem(
            "offset_unit",
            format!("must be \"{OFFSET_UNIT}\", found {other}"),
        ),
    }
    let Some(document) = read_document(&mut reader, root) else {
        return Err(ImportError::Invalid(reader.problems));
    };
    let labels = read_labels(&mut reader, root);
    let sources = read_sources(&mut reader, root);
    let annotations = read_annotations(&mut reader, root, &document, &labels);
    if !reader.problems.is_empty() {
        return Err(ImportError::Invalid(reader.problems));
    }
    let extras = Extras {
        done: root.get("done").and_then(Value::as_bool).unwrap_or(false),
        annotator: root
            .get("annotator")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        exercise: root
            .get("exercise")
            .and_then(Value::as_object)
            .and_then(|e| {
                Some(ExerciseLink {
                    id: e.get("id")?.as_str()?.to_string(),
                    instructions: e
                        .get("instructions")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    allow_check: e
                        .get("allow_check")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    allow_suggestions: e
                        .get("allow_suggestions")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                })
            }),
        suggester: read_suggester(&mut reader, root),
        suggested: std::mem::take(&mut reader.suggested),
    };
    Ok(Imported {
        workspace: rules::workspace(document, labels, sources, annotations, extras),
        warnings: reader.warnings,
    })
}

fn read_document(reader: &mut Reader, root: &Map<String, Value>) -> Option<Document> {
    let Some(Value::Object(doc)) = root.get("document") else {
        reader.problem("document", "must be an object with the document's \"text\"");
        return None;
    };
    let text = reader.string(doc, "document", "text", true)?;
    if text.is_empty() {
        reader.problem("document.text", "is empty: there is nothing to annotate");
        return None;
    }
    let title = reader
        .string(doc, "document", "title", false)
        .unwrap_or_default();
    if let Some(id) = reader.string(doc, "document", "id", false) {
        if id != content_id(&text) {
            reader
                .warnings
                .push("document.id does not match the text's SHA-256; the text was used".into());
        }
    }
    let mut document = rules::document(&title, &text);
    if let Some(tag) = reader.string(doc, "document", "language", false) {
        match rules::language(&tag) {
            Some(language) => document.language = Some(language),
            None => reader.warnings.push(format!(
                "document.language “{tag}” is not a language tag (such as en, ar or zh-Hans); the language was guessed from the text"
            )),
        }
    }
    Some(document)
}

fn read_labels(reader: &mut Reader, root: &Map<String, Value>) -> Vec<Label> {
    if root.get("labels").is_none_or(Value::is_null) {
        return default_labels();
    }
    let mut labels: Vec<Label> = Vec::new();
    for (i, item) in reader.array(root, "labels").iter().enumerate() {
        let at = format!("labels[{i}]");
        let Value::Object(obj) = item else {
            reader.problem(&at, format!("must be an object, found {}", kind(item)));
            continue;
        };
        let Some(id) = reader.string(obj, &at, "id", true) else {
            continue;
        };
        if let Some(problem) = rules::label_id_problem(&id, &labels) {
            reader.problem(&at, problem);
            continue;
        }
        let name = reader
            .string(obj, &at, "name", false)
            .unwrap_or_else(|| id.clone());
        let description = reader
            .string(obj, &at, "description", false)
            .unwrap_or_default();
        let color = reader.string(obj, &at, "color", false).unwrap_or_default();
        let color = rules::label_color(&color).unwrap_or_else(|| {
            reader.warnings.push(format!(
                "{at}: colour \"{color}\" is not #rrggbb; grey is used"
            ));
            FALLBACK_COLOR.to_string()
        });
        labels.push(Label {
            id: LabelId::new(&id),
            name,
            description,
            color,
        });
    }
    labels
}

fn read_sources(reader: &mut Reader, root: &Map<String, Value>) -> Vec<Source> {
    let mut sources = Vec::new();
    for (i, item) in reader.array(root, "sources").iter().enumerate() {
        let at = format!("sources[{i}]");
        let Value::Object(obj) = item else {
            reader.problem(&at, format!("must be an object, found {}", kind(item)));
            continue;
        };
        let Some(name) = reader.string(obj, &at, "name", true) else {
            continue;
        };
        let mut aliases = Vec::new();
        for alias in reader.array(obj, "aliases") {
            match alias.as_str().and_then(rules::alias) {
                Some(alias) => aliases.push(alias),
                None => {
                    let other = alias;
                    reader.problem(&at, format!("aliases must be names, found {}", kind(other)))
                }
            }
        }
        sources.push(Source {
            name: rules::source_name(&name),
            aliases,
        });
    }
    sources
}

fn read_annotations(
    reader: &mut Reader,
    root: &Map<String, Value>,
    document: &Document,
    labels: &[Label],
) -> Vec<Annotation> {
    let mut ids = HashSet::new();
    let mut annotations = Vec::new();
    let items = reader.array(root, "annotations");
    if items.len() > MAX_ANNOTATIONS {
        reader.problem(
            "annotations",
            format!(
                "there are {} annotations; claimmark opens up to {MAX_ANNOTATIONS} per document",
                items.len()
            ),
        );
        return annotations;
    }
    for (i, item) in items.iter().enumerate() {
        let Value::Object(obj) = item else {
            reader.problem(
                &format!("annotations[{i}]"),
                format!("must be an object, found {}", kind(item)),
            );
            continue;
        };
        let at = match obj.get("id") {
            Some(Value::String(id)) => format!("annotations[{i}] (id \"{id}\")"),
            _ => format!("annotations[{i}]"),
        };
        let before = reader.problems.len();
        let id = reader.string(obj, &at, "id", true);
        if let Some(problem) = id.as_deref().and_then(|id| rules::id_problem(id, &mut ids)) {
            reader.problem(&at, problem);
        }
        let quote = reader.string(obj, &at, "quote", false);
        let span = reader.checked_span(obj, &at, &document.text, quote.as_deref());
        let fragments = read_fragments(reader, obj, &at, &document.text, span);
        let label = reader.string(obj, &at, "label", true);
        if let Some(label) = &label {
            if !rules::known_label(labels, label) {
                reader.problem(
                    &at,
                    format!("label \"{label}\" is not one of the file's labels"),
                );
            }
        }
        let attribution = read_attribution(reader, obj, &at, &document.text);
        let note = reader.string(obj, &at, "note", false).unwrap_or_default();
        let mut time = |key: &str| {
            let stamp = reader.string(obj, &at, key, false)?;
            Some(rules::time(stamp).unwrap_or_else(|bad| {
                reader.warnings.push(rules::time_warning(&at, key, &bad));
                String::new()
            }))
        };
        let created = time("created").unwrap_or_default();
        let modified = rules::modified(time("modified"), &created);
        let (mark, warnings) =
            rules::suggested_in(&at, obj.get("suggested"), obj.get("confidence"));
        reader.warnings.extend(warnings);
        if reader.problems.len() > before {
            continue;
        }
        if let (Some(id), Some(span), Some(label)) = (id, span, label) {
            if let Some(mark) = mark {
                reader.suggested.push((AnnotationId::new(&id), mark));
            }
            annotations.push(Annotation {
                id: AnnotationId::new(&id),
                span,
                fragments,
                label: LabelId::new(&label),
                attribution,
                note,
                created,
                modified,
            });
        }
    }
    annotations
}

/// The pieces of a discontinuous span (`"fragments": [{"start", "end"}, …]`), checked.
fn read_fragments(
    reader: &mut Reader,
    obj: &Map<String, Value>,
    at: &str,
    text: &Text,
    span: Option<Span>,
) -> Vec<Span> {
    let items = match obj.get("fragments") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            reader.problem(
                at,
                format!("\"fragments\" must be a list, found {}", kind(other)),
            );
            return Vec::new();
        }
    };
    let mut pieces = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{at}.fragments[{i}]");
        match item {
            Value::Object(piece) => pieces.extend(reader.checked_span(piece, &at, text, None)),
            other => reader.problem(&at, format!("must be an object, found {}", kind(other))),
        }
    }
    let Some(span) = span.filter(|_| pieces.len() == items.len()) else {
        return Vec::new();
    };
    rules::fragments(span, pieces).unwrap_or_else(|message| {
        reader.problem(at, message);
        Vec::new()
    })
}

/// The `suggester` field, or `None` (with a warning when it cannot be read).
fn read_suggester(reader: &mut Reader, root: &Map<String, Value>) -> Option<Model> {
    let value = root.get("suggester").filter(|v| !v.is_null())?;
    rules::suggester(value)
        .map_err(|warning| reader.warnings.push(warning))
        .ok()
}

fn read_attribution(
    reader: &mut Reader,
    obj: &Map<String, Value>,
    at: &str,
    text: &Text,
) -> Option<Attribution> {
    let attribution = match obj.get("attribution") {
        None | Some(Value::Null) => return None,
        Some(Value::Object(a)) => a,
        Some(other) => {
            reader.problem(
                at,
                format!(
                    "\"attribution\" must be an object or null, found {}",
                    kind(other)
                ),
            );
            return None;
        }
    };
    let at = format!("{at}.attribution");
    let source = reader.string(attribution, &at, "source", true)?;
    let mut part = |key: &str| match attribution.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => reader.checked_span(m, &format!("{at}.{key}"), text, None),
        Some(other) => {
            reader.problem(
                &at,
                format!("\"{key}\" must be an object or null, found {}", kind(other)),
            );
            None
        }
    };
    let mention = part("mention");
    let cue = part("cue");
    match Attribution::named(&source) {
        Some(named) => Some(Attribution {
            mention,
            cue,
            ..named
        }),
        None => {
            reader.problem(&at, "\"source\" is empty; use null for unattributed");
            None
        }
    }
}
