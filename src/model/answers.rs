//! Planning the answers to suggestions: one answer learned (`Action::Learn`), a suggestion
//! accepted as it is or edited (`Accept`), every suggestion above a confidence accepted
//! (`AcceptAll`), a span tagged by hand where the engine saw a candidate (`AddTeaching`), and
//! forgetting what was learned (`ResetLearning`). Each is one undo step: an annotation added
//! with what it teaches undoes together.
//!
//! What is learned goes into the shown document's `suggester` (the corpus's model is the sum
//! of its documents'). In an exercise whose teacher did not allow suggestions, answers are
//! refused, and a span tagged by hand teaches nothing.

use std::collections::HashSet;

use super::action::ActionError;
use super::annotation::{Annotation, LabelId};
use super::corpus::Corpus;
use super::edit::Edit;
use super::planning::{changed, check_label, check_mention, check_span, Plan};
use super::sources;
use super::suggest::learn::{Feedback, Model};
use super::suggest::suggestion::Suggestion;
use super::workspace::Workspace;

/// Refuses answers in an exercise that does not allow suggestions.
fn check_allowed(ws: &Workspace) -> Result<(), ActionError> {
    match ws.allows_suggestions() {
        true => Ok(()),
        false => Err(ActionError::SuggestionsNotAllowed),
    }
}

/// The edit that adds what `answers` teach, one after the other, to document `doc`'s learning.
fn learning(corpus: &Corpus, doc: usize, answers: &[Feedback]) -> Edit {
    let documents = corpus.documents();
    let mut model = Model::sum(documents.iter().filter_map(|w| w.suggester.as_ref()));
    let mut learned = documents[doc].suggester.clone().unwrap_or_default();
    for answer in answers {
        let change = model.change(answer);
        model.add(&change);
        learned.add(&change);
    }
    Edit::SetSuggester(doc, Some(Box::new(learned)))
}

/// `Action::Learn`: one answer, nothing else changed.
pub(crate) fn learn(corpus: &Corpus, feedback: Feedback) -> Result<Option<Plan>, ActionError> {
    check_allowed(corpus.current())?;
    let what = match feedback {
        Feedback::Accepted(_) => "accept a suggestion",
        Feedback::Rejected(_) => "reject a suggestion",
        Feedback::Edited { .. } => "relabel a suggestion",
        Feedback::Added { .. } => "learn from a new annotation",
    };
    let doc = corpus.current_index();
    let edits = vec![learning(corpus, doc, &[feedback])];
    changed(edits, what.to_string(), Some(doc))
}

/// The annotation an accepted suggestion becomes, with id `id`: its span, `label`, and the
/// attribution to `source` (see [`Suggestion::attribution_as`]) under its canonical name.
fn accepted(
    ws: &Workspace,
    suggestion: &Suggestion,
    label: LabelId,
    source: Option<&str>,
    now: &str,
) -> Result<Annotation, ActionError> {
    check_label(ws, &label)?;
    check_span(ws, suggestion.span)?;
    let attribution = suggestion.attribution_as(source);
    check_mention(ws, &attribution)?;
    Ok(Annotation {
        id: ws.fresh_id(),
        span: suggestion.span,
        fragments: Vec::new(),
        label,
        attribution: sources::canonical_attribution(ws, attribution),
        note: String::new(),
        created: now.to_string(),
        modified: now.to_string(),
        provenance: None,
    })
}

/// Whether the document has an annotation of `span` with `label`.
fn annotated(ws: &Workspace, suggestion: &Suggestion, label: &LabelId) -> bool {
    ws.annotations()
        .iter()
        .any(|a| a.span == suggestion.span && &a.label == label)
}

/// `Action::Accept`: the suggestion becomes an annotation and the engine learns that it was
/// right (`Accepted`) or, with another label, what the label is (`Edited`).
pub(crate) fn accept(
    corpus: &Corpus,
    suggestion: Suggestion,
    label: LabelId,
    source: Option<String>,
    now: String,
) -> Result<Option<Plan>, ActionError> {
    let (doc, ws) = (corpus.current_index(), corpus.current());
    check_allowed(ws)?;
    if annotated(ws, &suggestion, &label) {
        return Err(ActionError::AlreadyAccepted);
    }
    let annotation = accepted(ws, &suggestion, label.clone(), source.as_deref(), &now)?;
    let (feedback, what) = if label == suggestion.label {
        (
            Feedback::Accepted(suggestion),
            "accept a suggestion".to_string(),
        )
    } else {
        let what = format!("accept a suggestion as {label}");
        (Feedback::Edited { suggestion, label }, what)
    };
    let edits = vec![
        Edit::Insert(doc, Box::new(annotation), None),
        learning(corpus, doc, &[feedback]),
    ];
    changed(edits, what, Some(doc))
}

/// `Action::AcceptAll`: every suggestion at least `min_confidence` sure that is not an
/// annotation yet, each learned as accepted; refused when none is left.
pub(crate) fn accept_all(
    corpus: &Corpus,
    suggestions: Vec<Suggestion>,
    min_confidence: f64,
    now: String,
) -> Result<Option<Plan>, ActionError> {
    let (doc, ws) = (corpus.current_index(), corpus.current());
    check_allowed(ws)?;
    let mut taken: HashSet<(usize, usize, LabelId)> = ws
        .annotations()
        .iter()
        .map(|a| (a.span.start(), a.span.end(), a.label.clone()))
        .collect();
    let mut ids = ws.fresh_ids();
    let (mut edits, mut answers) = (Vec::new(), Vec::new());
    for s in suggestions {
        let key = (s.span.start(), s.span.end(), s.label.clone());
        let sure = s.confidence >= min_confidence;
        if !sure || !taken.insert(key) {
            continue;
        }
        let mut annotation = accepted(ws, &s, s.label.clone(), s.source.as_deref(), &now)?;
        annotation.id = ids.next().expect("an endless sequence");
        edits.push(Edit::Insert(doc, Box::new(annotation), None));
        answers.push(Feedback::Accepted(s));
    }
    if answers.is_empty() {
        return Err(ActionError::NothingToAccept);
    }
    let what = match answers.len() {
        1 => "accept 1 suggestion".to_string(),
        n => format!("accept {n} suggestions"),
    };
    edits.push(learning(corpus, doc, &answers));
    changed(edits, what, Some(doc))
}

/// `Action::AddTeaching`: the planned `Add` and, where suggestions are allowed, what the
/// person's label teaches about the candidate under the span (`Added`), in the same step.
pub(crate) fn teaching(
    corpus: &Corpus,
    mut add: Plan,
    candidate: Suggestion,
    label: LabelId,
) -> Result<Plan, ActionError> {
    if !corpus.current().allows_suggestions() {
        return Ok(add);
    }
    let answer = Feedback::Added { candidate, label };
    add.edits
        .push(learning(corpus, corpus.current_index(), &[answer]));
    add.description = format!("{} and learn from it", add.description);
    Ok(add)
}

/// `Action::ResetLearning`: every document forgets what it learned.
pub(crate) fn reset(corpus: &Corpus) -> Result<Option<Plan>, ActionError> {
    let edits: Vec<Edit> = (0..corpus.len())
        .filter(|&i| corpus.documents()[i].suggester.is_some())
        .map(|i| Edit::SetSuggester(i, None))
        .collect();
    if edits.is_empty() {
        return Ok(None);
    }
    changed(edits, "forget what suggestions learned".into(), None)
}
