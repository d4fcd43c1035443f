//! Building checked documents from foreign formats.
//!
//! Importers read their own syntax and hand each span to a [`DocumentBuilder`], which checks it
//! against the text (code points, `start < end <= len`), maps label names onto the document's
//! labels (case-insensitively, creating a label for a name it has not seen), and records a
//! [`Problem`] naming the record instead of panicking.

use std::collections::HashSet;

use crate::model::annotation::{
    default_labels, is_rfc3339, Annotation, AnnotationId, Attribution, IdAllocator, Label, LabelId,
    Source,
};
use crate::model::span::Span;
use crate::model::text::{title_or_untitled, Document};
use crate::model::workspace::Workspace;

use super::problem::Problem;
use crate::model::boundaries::split_problem;
use crate::model::language::is_tag;
use crate::model::offsets::unit_hint;

/// Colours for labels that arrive from other tools, after the defaults.
const EXTRA_COLORS: [&str; 6] = [
    "#cc79a7", "#e69f00", "#56b4e9", "#8a6d00", "#6a3d9a", "#4d4d4d",
];

/// One annotation as a foreign format states it, offsets already in code points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: Option<String>,
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub source: Option<String>,
    pub mention: Option<(i64, i64)>,
    /// The reporting verb or phrase, as offsets.
    pub cue: Option<(i64, i64)>,
    pub note: String,
    /// The text the format says the span covers, checked when present.
    pub quote: Option<String>,
    pub created: String,
    pub modified: String,
}

/// Collects the annotations of one document.
pub struct DocumentBuilder {
    document: Document,
    labels: Vec<Label>,
    sources: Vec<Source>,
    annotations: Vec<Annotation>,
    /// The ids in `annotations`, and the allocator for drafts without a usable one.
    taken: HashSet<String>,
    ids: IdAllocator,
    /// What was repaired, worth telling the user (time stamps left out).
    warnings: Vec<String>,
}

impl DocumentBuilder {
    /// A builder for `text` with the default labels.
    pub fn new(title: &str, text: &str) -> DocumentBuilder {
        DocumentBuilder::with_labels(title, text, default_labels())
    }

    pub fn with_labels(title: &str, text: &str, labels: Vec<Label>) -> DocumentBuilder {
        let title = title_or_untitled(title.trim());
        DocumentBuilder {
            document: Document::new(title, text),
            labels,
            sources: Vec::new(),
            annotations: Vec::new(),
            taken: HashSet::new(),
            ids: IdAllocator::default(),
            warnings: Vec::new(),
        }
    }

    /// Takes the language a format states for the text, when it is a BCP 47 tag (else the one
    /// guessed from the text stays).
    pub fn set_language(&mut self, tag: Option<&str>) {
        if let Some(tag) = tag.filter(|t| is_tag(t)) {
            self.document.language = Some(tag.to_string());
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn len(&self) -> usize {
        self.document.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.document.text.is_empty()
    }

    /// The label for `name`: an existing label whose id or name matches case-insensitively,
    /// else a new one.
    pub fn label(&mut self, name: &str) -> LabelId {
        let name = name.trim();
        let found = self.labels.iter().find(|l| {
            l.id.as_str().eq_ignore_ascii_case(name) || l.name.eq_ignore_ascii_case(name)
        });
        if let Some(label) = found {
            return label.id.clone();
        }
        let extra = self.labels.len().saturating_sub(3);
        let label = Label {
            id: LabelId::new(name),
            name: name.to_string(),
            description: String::new(),
            color: EXTRA_COLORS[extra % EXTRA_COLORS.len()].to_string(),
        };
        let id = label.id.clone();
        self.labels.push(label);
        id
    }

    /// Registers a source name with aliases (from a format that lists them).
    pub fn source(&mut self, name: &str, aliases: Vec<String>) {
        if !name.trim().is_empty() && !self.sources.iter().any(|s| s.name == name.trim()) {
            self.sources.push(Source {
                name: name.trim().to_string(),
                aliases,
            });
        }
    }

    /// A span of this document from signed offsets, or a problem message.
    pub fn span(&self, start: i64, end: i64) -> Result<Span, String> {
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(format!("offsets {start}..{end} must not be negative"));
        };
        let span = Span::new(start, end, self.len()).map_err(|e| e.to_string())?;
        match split_problem(&self.document.text, span) {
            Some(problem) => Err(problem),
            None => Ok(span),
        }
    }

    /// Checks a draft and adds it, or records why not under `at`.
    pub fn add(&mut self, at: &str, draft: Draft, problems: &mut Vec<Problem>) {
        let mut fail = |message: String| {
            problems.push(Problem {
                at: at.to_string(),
                message,
            })
        };
        let hint = |builder: &DocumentBuilder| {
            let (Ok(start), Ok(end)) = (usize::try_from(draft.start), usize::try_from(draft.end))
            else {
                return String::new();
            };
            draft
                .quote
                .as_deref()
                .and_then(|q| unit_hint(builder.document.text.as_str(), start, end, q))
                .map_or(String::new(), |h| format!(" ({h})"))
        };
        let span = match self.span(draft.start, draft.end) {
            Ok(span) => span,
            Err(message) => return fail(format!("{message}{}", hint(self))),
        };
        if let Some(quote) = &draft.quote {
            let actual = self.document.text.quote(span);
            if quote != actual {
                return fail(format!(
                    "text {quote:?} does not match the document at {span}, which is {actual:?}{}",
                    hint(self)
                ));
            }
        }
        if draft.label.trim().is_empty() {
            return fail("the label is empty".to_string());
        }
        let mention = match draft.mention.map(|(s, e)| self.span(s, e)) {
            Some(Err(message)) => return fail(format!("source mention: {message}")),
            Some(Ok(mention)) => Some(mention),
            None => None,
        };
        let cue = match draft.cue.map(|(s, e)| self.span(s, e)) {
            Some(Err(message)) => return fail(format!("reporting cue: {message}")),
            Some(Ok(cue)) => Some(cue),
            None => None,
        };
        let attribution = draft
            .source
            .as_deref()
            .and_then(Attribution::named)
            .map(|a| Attribution { mention, cue, ..a });
        let label = self.label(&draft.label);
        let id = match draft.id.filter(|id| AnnotationId::is_valid(id)) {
            Some(id) if !self.taken.contains(&id) => AnnotationId::new(&id),
            _ => self.ids.take(),
        };
        self.ids.see(&id);
        self.taken.insert(id.to_string());
        let created = self.time(at, "created", draft.created);
        let modified = if draft.modified.is_empty() {
            created.clone()
        } else {
            self.time(at, "modified", draft.modified)
        };
        self.annotations.push(Annotation {
            id,
            span,
            label,
            attribution,
            note: draft.note,
            created,
            modified,
        });
    }

    /// A time stamp as stored: empty or RFC 3339; any other is left out with a warning, so a W3C
    /// export is always a valid `xsd:dateTime`.
    fn time(&mut self, at: &str, key: &str, stamp: String) -> String {
        if stamp.is_empty() || is_rfc3339(&stamp) {
            return stamp;
        }
        self.warnings.push(format!(
            "{at}: {key} “{stamp}” is not an RFC 3339 time (such as 2026-11-27T10:00:00Z); left out"
        ));
        String::new()
    }

    /// The document, and the warnings about what was repaired on the way.
    pub fn finish(self) -> (Workspace, Vec<String>) {
        let workspace =
            Workspace::from_parts(self.document, self.labels, self.sources, self.annotations);
        (workspace, self.warnings)
    }
}

/// The labels to write for a set of documents: every label id used or defined, in order.
pub fn label_ids(documents: &[&Workspace]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for label in documents.iter().flat_map(|d| d.labels.iter()) {
        if !ids.contains(&label.id.to_string()) {
            ids.push(label.id.to_string());
        }
    }
    ids
}
