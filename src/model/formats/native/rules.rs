//! The rules of the native format, written once for both readers (`fast`, which accepts only
//! clean files, and `careful`, which names every problem): the header, titles, label ids and
//! colours, source names and aliases, spans and quotes, time stamps, and the document's extras.
//! Where a rule is broken, the careful reader reports it and the fast one gives up.

use std::collections::HashSet;

use crate::model::annotation::{is_hex_color, is_rfc3339, AnnotationId, Label, Source, Suggested};
use crate::model::boundaries::split_problem;
use crate::model::formats::json::kind;
use crate::model::language::is_tag;
use crate::model::offsets::unit_hint;
use crate::model::span::Span;
use crate::model::suggest::learn::Model;
use crate::model::text::{title_or_untitled, Document, Text};
use crate::model::workspace::{ExerciseLink, Workspace};

pub const FORMAT: &str = "claimmark";
pub const VERSION: u64 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

/// The colour a label gets when its own is not `#rrggbb` (the careful reader warns).
pub(super) const FALLBACK_COLOR: &str = "#777777";

/// A successfully read file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub workspace: Workspace,
    /// Things that were repaired or ignored, worth telling the user.
    pub warnings: Vec<String>,
}

/// The document of a file: its title (blank → "Untitled") and text.
pub(super) fn document(title: &str, text: &str) -> Document {
    Document::new(title_or_untitled(title), text)
}

/// A document language as stored, or `None` when it is not a BCP 47 tag (the careful reader
/// warns and keeps the language guessed from the text).
pub(super) fn language(tag: &str) -> Option<String> {
    is_tag(tag).then(|| tag.to_string())
}

/// Why a label id cannot be used after `earlier` labels: empty, or used twice.
pub(super) fn label_id_problem(id: &str, earlier: &[Label]) -> Option<String> {
    let bad = id.trim().is_empty() || earlier.iter().any(|l| l.id.as_str() == id);
    bad.then(|| format!("label id \"{id}\" is empty or used twice"))
}

/// A label's colour as stored (lower case), or `None` when it is not `#rrggbb`.
pub(super) fn label_color(color: &str) -> Option<String> {
    is_hex_color(color).then(|| color.to_lowercase())
}

/// A registry source: name and aliases trimmed. `None` when an alias is blank.
pub(super) fn source<'a>(name: &str, aliases: impl IntoIterator<Item = &'a str>) -> Option<Source> {
    let aliases: Option<Vec<String>> = aliases.into_iter().map(alias).collect();
    Some(Source {
        name: source_name(name),
        aliases: aliases?,
    })
}

/// A source's name as stored: trimmed.
pub(super) fn source_name(name: &str) -> String {
    name.trim().to_string()
}

/// An alias as stored (trimmed), or `None` when it is blank.
pub(super) fn alias(alias: &str) -> Option<String> {
    let alias = alias.trim();
    (!alias.is_empty()).then(|| alias.to_string())
}

/// Why an annotation id cannot be used: invalid, or already in `seen` (else it is added).
pub(super) fn id_problem(id: &str, seen: &mut HashSet<String>) -> Option<&'static str> {
    if !AnnotationId::is_valid(id) {
        Some("the id must be non-empty and without spaces")
    } else if !seen.insert(id.to_string()) {
        Some("the id is used by an earlier annotation")
    } else {
        None
    }
}

/// A span of `text` from code point offsets, checked: inside the text, between whole
/// characters, and covering `quote` when one is given. A mismatch that other offset units
/// would explain says so.
pub(super) fn span(
    text: &Text,
    start: usize,
    end: usize,
    quote: Option<&str>,
) -> Result<Span, String> {
    let hint = |quote: Option<&str>| {
        quote
            .and_then(|q| unit_hint(text.as_str(), start, end, q))
            .map_or(String::new(), |h| format!(" ({h})"))
    };
    let span = Span::new(start, end, text.len()).map_err(|e| format!("{e}{}", hint(quote)))?;
    if let Some(problem) = split_problem(text, span) {
        return Err(problem);
    }
    if let Some(quote) = quote {
        let actual = text.quote(span);
        if quote != actual {
            return Err(format!(
                "quote {quote:?} does not match the text at {span}, which is {actual:?}{}",
                hint(Some(quote))
            ));
        }
    }
    Ok(span)
}

/// Whether `label` is the id of one of `labels`.
pub(super) fn known_label(labels: &[Label], label: &str) -> bool {
    labels.iter().any(|l| l.id.as_str() == label)
}

/// A time stamp as stored: empty, or RFC 3339; `Err` gives back one that is neither (the
/// careful reader warns and leaves it out, so a W3C export is always a valid `xsd:dateTime`).
pub(super) fn time(stamp: String) -> Result<String, String> {
    if stamp.is_empty() || is_rfc3339(&stamp) {
        Ok(stamp)
    } else {
        Err(stamp)
    }
}

/// The warning for a time stamp left out.
pub(super) fn time_warning(at: &str, key: &str, stamp: &str) -> String {
    format!(
        "{at}: {key} “{stamp}” is not an RFC 3339 time (such as 2026-11-27T10:00:00Z); left out"
    )
}

/// The modification time: as given, else the creation time.
pub(super) fn modified(modified: Option<String>, created: &str) -> String {
    modified.unwrap_or_else(|| created.to_string())
}

/// An annotation's `suggested` and `confidence` as stored: the mark (when `suggested` is true),
/// and the warning for a confidence that is not a number from 0 to 1 (left out) or that comes
/// without `suggested`.
pub(super) fn suggested(
    at: &str,
    suggested: bool,
    confidence: Option<f64>,
) -> (Option<Suggested>, Option<String>) {
    let valid = confidence.filter(|c| (0.0..=1.0).contains(c));
    let warning = match (suggested, confidence) {
        (false, Some(_)) => Some(format!(
            "{at}: a confidence without \"suggested\": true means nothing; left out"
        )),
        (true, Some(c)) if valid.is_none() => Some(format!(
            "{at}: confidence {c} is not a number from 0 to 1; left out"
        )),
        _ => None,
    };
    (
        suggested.then_some(Suggested { confidence: valid }),
        warning,
    )
}

/// [`suggested`] from JSON values: a `suggested` that is not true or false, or a `confidence`
/// that is not a number, is left out with a warning.
pub(super) fn suggested_in(
    at: &str,
    suggested: Option<&serde_json::Value>,
    confidence: Option<&serde_json::Value>,
) -> (Option<Suggested>, Vec<String>) {
    use serde_json::Value;
    let mut warnings = Vec::new();
    let mut wrong = |key: &str, what: &str, found: &Value| {
        let found = kind(found);
        warnings.push(format!(
            "{at}: \"{key}\" must be {what}, found {found}; left out"
        ));
    };
    let suggested = match suggested {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            wrong("suggested", "true or false", other);
            false
        }
    };
    let confidence = match confidence {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => {
            wrong("confidence", "a number from 0 to 1", other);
            None
        }
    };
    let (mark, warning) = self::suggested(at, suggested, confidence);
    warnings.extend(warning);
    (mark, warnings)
}

/// The `suggester` field: what suggestions learned, or why it was left out.
pub(super) fn suggester(value: &serde_json::Value) -> Result<Model, String> {
    Model::from_json(value)
        .map_err(|why| format!("suggester: {why}; what suggestions learned was left out"))
}

/// The document's extras besides its annotations.
pub(super) struct Extras {
    pub done: bool,
    pub annotator: String,
    pub exercise: Option<ExerciseLink>,
    pub suggester: Option<Model>,
    /// The annotations marked as suggested.
    pub suggested: Vec<(AnnotationId, Suggested)>,
}

/// The workspace of a read file, with its extras (the annotator's name trimmed).
pub(super) fn workspace(
    document: Document,
    labels: Vec<Label>,
    sources: Vec<Source>,
    annotations: Vec<crate::model::annotation::Annotation>,
    extras: Extras,
) -> Workspace {
    let mut workspace = Workspace::from_parts(document, labels, sources, annotations);
    workspace.done = extras.done;
    workspace.annotator = extras.annotator.trim().to_string();
    workspace.exercise = extras.exercise;
    workspace.suggester = extras.suggester;
    for (id, mark) in extras.suggested {
        workspace.mark_suggested(&id, mark);
    }
    workspace
}

/// The pieces of a discontinuous span, checked: at least two, in text order, apart, the first
/// starting where the span starts and the last ending where it ends. None given: a whole span.
pub(super) fn fragments(span: Span, pieces: Vec<Span>) -> Result<Vec<Span>, String> {
    if pieces.is_empty() {
        return Ok(pieces);
    }
    let ordered = pieces.windows(2).all(|w| w[0].end() < w[1].start());
    let ends = pieces.first().map(|p| p.start()) == Some(span.start())
        && pieces.last().map(|p| p.end()) == Some(span.end());
    if pieces.len() < 2 || !ordered || !ends {
        return Err(format!(
            "\"fragments\" must be two or more pieces in text order with gaps between them, from {} to {}",
            span.start(),
            span.end()
        ));
    }
    Ok(pieces)
}
