//! Suggesting annotations for a document: the candidates a [`Reading`] finds, those likely
//! enough to be attributions, the candidate under a span the person tagged, a corpus's model,
//! and turning suggestions into annotations. The same code runs in the browser and on the
//! command line; a 1 MB document takes well under a second.

use super::features::NONE;
use super::learn::Model;
use super::reading::Reading;
use super::suggestion::Suggestion;
use crate::model::action::Action;
use crate::model::annotation::{Annotation, LabelId, Suggested};
use crate::model::span::Span;
use crate::model::workspace::Workspace;

/// Candidates less likely than this to be an attribution (with any label) are not suggested.
pub const MIN_LIKELIHOOD: f64 = 0.5;

/// The suggestions for a document, in text order: the candidates at least [`MIN_LIKELIHOOD`]
/// likely to be an attribution. None for a language without a lexicon (English only so far).
pub fn suggest(ws: &Workspace, model: &Model) -> Vec<Suggestion> {
    partition(model, candidates(ws, model)).0
}

/// Candidates (in text order) split into the suggestions, at least [`MIN_LIKELIHOOD`] likely,
/// and the others, each in text order.
pub fn partition(model: &Model, candidates: Vec<Suggestion>) -> (Vec<Suggestion>, Vec<Suggestion>) {
    candidates
        .into_iter()
        .partition(|s| likelihood(model, s) >= MIN_LIKELIHOOD)
}

/// How likely a candidate is to be an attribution with some label (its confidence is that of
/// its own label).
pub fn likelihood(model: &Model, suggestion: &Suggestion) -> f64 {
    1.0 - model.probabilities(&suggestion.features)[NONE]
}

/// Every candidate the engine sees, whatever its confidence, in text order: one per span and
/// label (the surest), none repeating an annotation or a refusal of the document's own model.
pub fn candidates(ws: &Workspace, model: &Model) -> Vec<Suggestion> {
    let mut reading = Reading::new(ws);
    reading.step(ws, model, usize::MAX);
    reading.candidates()
}

/// The candidate that overlaps `span` most (for learning from a span the person tagged).
pub fn candidate_at(ws: &Workspace, model: &Model, span: Span) -> Option<Suggestion> {
    candidate_among(&candidates(ws, model), span).cloned()
}

/// Of `candidates`, the one that overlaps `span` most (the last of equals).
pub fn candidate_among<'c>(
    candidates: impl IntoIterator<Item = &'c Suggestion>,
    span: Span,
) -> Option<&'c Suggestion> {
    candidates
        .into_iter()
        .filter(|s| s.span.overlaps(span))
        .max_by_key(|s| s.span.overlap_len(span))
}

/// What the suggestions of a corpus are scored with: every document's learning added up.
pub fn model_of<'a>(documents: impl IntoIterator<Item = &'a Workspace>) -> Model {
    Model::sum(documents.into_iter().filter_map(|ws| ws.suggester.as_ref()))
}

impl Suggestion {
    /// The action that accepts the suggestion: an `Action::Add` of its span, label and
    /// attribution, stamped `now`.
    pub fn to_action(&self, now: &str) -> Action {
        Action::Add {
            span: self.span,
            label: self.label.clone(),
            attribution: self.attribution(),
            note: String::new(),
            now: now.to_string(),
        }
    }

    /// The action that accepts the suggestion as it is (one undo step with its learning).
    pub fn accept(&self, now: &str) -> Action {
        self.accept_as(self.label.clone(), self.source.clone(), now)
    }

    /// The action that accepts the suggestion with `label` and `source` (edited before
    /// accepting).
    pub fn accept_as(&self, label: LabelId, source: Option<String>, now: &str) -> Action {
        Action::Accept {
            suggestion: self.clone(),
            label,
            source,
            now: now.to_string(),
        }
    }
}

/// The document with the suggestions added as annotations marked suggested (with their
/// confidence), for a pre-annotated file: `claimmark suggest`.
pub fn pre_annotated(ws: &Workspace, suggestions: &[Suggestion], now: &str) -> Workspace {
    let mut out = ws.clone();
    let mut ids = ws.fresh_ids();
    for s in suggestions {
        let annotation = Annotation {
            id: ids.next().expect("an endless sequence"),
            span: s.span,
            fragments: Vec::new(),
            label: s.label.clone(),
            attribution: s.attribution(),
            note: String::new(),
            created: now.to_string(),
            modified: now.to_string(),
            provenance: None,
        };
        let mark = Suggested {
            confidence: Some(s.confidence),
        };
        out.insert_marked(annotation, Some(mark));
    }
    out
}
