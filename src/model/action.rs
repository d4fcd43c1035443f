//! Every change a user can make to the work, as one [`Action`] enum, with what an applied
//! action reports ([`Outcome`]) and why one is refused ([`ActionError`]).
//!
//! Actions say what the user wants; `plan` checks them and turns them into primitive edits,
//! and `editor` runs those and keeps the history. Undo, redo and showing another document are
//! not actions: they are the editor's own methods, as they change the history or the view of
//! the corpus rather than the work.

use std::fmt;

use super::annotation::{AnnotationId, Attribution, Label, LabelId};
use super::sources::{SourceEdit, SourceError};
use super::span::Span;
use super::suggest::learn::Feedback;
use super::suggest::suggestion::Suggestion;
use super::workspace::Workspace;

/// A user's intent. Annotation actions apply to the document being shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tag a new span. `now` is the RFC 3339 time stamp to record.
    Add {
        span: Span,
        label: LabelId,
        attribution: Option<Attribution>,
        note: String,
        now: String,
    },
    /// Tag several spans at once (search matches), as one undo step. Spans that already
    /// carry the label are skipped.
    AddMany {
        spans: Vec<Span>,
        label: LabelId,
        attribution: Option<Attribution>,
        note: String,
        now: String,
    },
    /// Change one property of an annotation.
    Edit {
        id: AnnotationId,
        change: Change,
        now: String,
    },
    Delete {
        id: AnnotationId,
    },
    /// Open texts: documents not in the corpus yet are added; the first one is shown.
    Open {
        documents: Vec<Workspace>,
        description: String,
    },
    /// Import annotated documents; the first one is shown. With `replace_open`, an imported
    /// document of a text that is open takes the place of that open document (the k-th
    /// imported of a text replaces the k-th open one, the shown document first); every other
    /// is added. Documents are never merged: equal texts may be open several times.
    Import {
        documents: Vec<Workspace>,
        description: String,
        replace_open: bool,
    },
    /// Change the shown document's sources (rename, aliases, merge, add).
    Sources(SourceEdit),
    /// Mark the shown document done or not done.
    SetDone(bool),
    /// Replace the shown document's label set. Labels in use must stay (by id).
    SetLabels(Vec<Label>),
    /// Set the shown document's language (a BCP 47 tag; `None`: unknown).
    SetLanguage(Option<String>),
    /// Teach the suggestion engine one answer. What it learns is kept in the shown document
    /// (the native format's `suggester`); a refused span is not suggested there again.
    Learn(Feedback),
    /// Accept a suggestion for the shown document, as it is or with another label or source: it
    /// becomes an annotation (see `Suggestion::attribution_as`) and the engine learns the
    /// answer (`Feedback::Accepted`, or `Edited` with another label), as one undo step.
    Accept {
        suggestion: Suggestion,
        label: LabelId,
        source: Option<String>,
        now: String,
    },
    /// Accept every suggestion given that is at least `min_confidence` sure (and not an
    /// annotation yet), learning from each, as one undo step.
    AcceptAll {
        suggestions: Vec<Suggestion>,
        min_confidence: f64,
        now: String,
    },
    /// Tag a span by hand (as `Add`) where the engine saw `candidate` (`suggest::candidate_at`),
    /// and teach the engine the label given (`Feedback::Added`), as one undo step. Where
    /// suggestions are not allowed it is a plain `Add`.
    AddTeaching {
        span: Span,
        label: LabelId,
        attribution: Option<Attribution>,
        note: String,
        now: String,
        candidate: Suggestion,
    },
    /// Forget everything the suggestion engine learned, in every document.
    ResetLearning,
    /// Close a document (not the last one).
    Close {
        index: usize,
    },
}

impl Action {
    /// This action, teaching the engine when it is an `Add` of a span where the engine saw
    /// `candidate`: an `AddTeaching` (one undo step). Any other action, or no candidate: as it
    /// is.
    pub fn teaching(self, candidate: Option<Suggestion>) -> Action {
        match (self, candidate) {
            (
                Action::Add {
                    span,
                    label,
                    attribution,
                    note,
                    now,
                },
                Some(candidate),
            ) => Action::AddTeaching {
                span,
                label,
                attribution,
                note,
                now,
                candidate,
            },
            (action, _) => action,
        }
    }
}

/// One property of an annotation to set.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Label(LabelId),
    Attribution(Option<Attribution>),
    Note(String),
    Span(Span),
}

/// What an applied action did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added(AnnotationId),
    /// The corpus changed; the text says how (for a status line).
    Changed(String),
    /// Another document is shown; nothing was recorded.
    Shown,
    /// The action asked for what was already the case.
    Unchanged,
}

/// Why an action was refused. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    UnknownAnnotation(AnnotationId),
    UnknownLabel(LabelId),
    SpanOutsideText(Span),
    /// The span would cut a user-perceived character (a letter and its accent, an emoji).
    SplitsCharacter(String),
    UnknownDocument(usize),
    /// The label set is not usable; the text says why.
    BadLabels(String),
    /// Not a BCP 47 language tag.
    BadLanguage(String),
    /// The source edit is not possible; the text says why.
    BadSource(String),
    /// Every span given is already tagged with the label.
    AlreadyTagged,
    /// The suggestion is already an annotation (same span and label).
    AlreadyAccepted,
    /// No suggestion given is sure enough, or each is an annotation already.
    NothingToAccept,
    /// The shown document is an exercise whose teacher did not allow suggestions.
    SuggestionsNotAllowed,
    LastDocument,
    NothingToOpen,
    NothingToUndo,
    NothingToRedo,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::UnknownAnnotation(id) => write!(f, "there is no annotation {id}"),
            ActionError::UnknownLabel(id) => write!(f, "there is no label \"{id}\""),
            ActionError::SpanOutsideText(span) => {
                write!(f, "the span {span} does not fit the document")
            }
            ActionError::SplitsCharacter(why) => f.write_str(why),
            ActionError::UnknownDocument(index) => write!(f, "there is no document {}", index + 1),
            ActionError::BadLabels(why) => write!(f, "the labels cannot be used: {why}"),
            ActionError::BadSource(why) => f.write_str(why),
            ActionError::BadLanguage(tag) => {
                write!(f, "“{tag}” is not a language tag such as en, ar or zh-Hans")
            }
            ActionError::AlreadyTagged => {
                f.write_str("every match is already tagged with that label")
            }
            ActionError::AlreadyAccepted => f.write_str("that suggestion is already an annotation"),
            ActionError::NothingToAccept => {
                f.write_str("no suggestion left to accept at that confidence")
            }
            ActionError::SuggestionsNotAllowed => {
                f.write_str("your teacher has not allowed suggestions in this exercise")
            }
            ActionError::LastDocument => f.write_str("the last document cannot be closed"),
            ActionError::NothingToOpen => f.write_str("there is nothing to open"),
            ActionError::NothingToUndo => f.write_str("nothing to undo"),
            ActionError::NothingToRedo => f.write_str("nothing to redo"),
        }
    }
}

impl std::error::Error for ActionError {}

impl From<SourceError> for ActionError {
    fn from(error: SourceError) -> ActionError {
        ActionError::BadSource(error.to_string())
    }
}
