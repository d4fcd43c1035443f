//! What planning an action makes ([`Plan`]) and the parts several plans share: the checks of a
//! label, a span and an attribution's mention and cue, and planning one new annotation
//! ([`add`]). `plan` plans every action with them; `answers` the answers to suggestions.

use super::action::{ActionError, Outcome};
use super::annotation::{Annotation, Attribution, LabelId};
use super::boundaries::split_problem;
use super::edit::Edit;
use super::sources;
use super::span::Span;
use super::workspace::Workspace;

/// The edits an action makes, what to call them, what to report, and which document to show
/// afterwards.
pub(crate) struct Plan {
    pub edits: Vec<Edit>,
    pub description: String,
    pub outcome: Outcome,
    pub show: Option<usize>,
}

pub(crate) fn check_label(ws: &Workspace, label: &LabelId) -> Result<(), ActionError> {
    match ws.label(label) {
        Some(_) => Ok(()),
        None => Err(ActionError::UnknownLabel(label.clone())),
    }
}

pub(crate) fn check_span(ws: &Workspace, span: Span) -> Result<(), ActionError> {
    if ws.span(span.start(), span.end()).is_none() {
        return Err(ActionError::SpanOutsideText(span));
    }
    match split_problem(&ws.document.text, span) {
        Some(problem) => Err(ActionError::SplitsCharacter(problem)),
        None => Ok(()),
    }
}

pub(crate) fn check_mention(
    ws: &Workspace,
    attribution: &Option<Attribution>,
) -> Result<(), ActionError> {
    let Some(attribution) = attribution else {
        return Ok(());
    };
    for span in [attribution.mention, attribution.cue].into_iter().flatten() {
        check_span(ws, span)?;
    }
    Ok(())
}

/// A plan that changes the corpus and reports `description`.
pub(crate) fn changed(
    edits: Vec<Edit>,
    description: String,
    show: Option<usize>,
) -> Result<Option<Plan>, ActionError> {
    Ok(Some(Plan {
        edits,
        outcome: Outcome::Changed(description.clone()),
        description,
        show,
    }))
}

/// Plans a new annotation in document `doc` (`ws`), its attribution under its source's
/// canonical name.
pub(crate) fn add(
    ws: &Workspace,
    doc: usize,
    span: Span,
    label: LabelId,
    attribution: Option<Attribution>,
    note: String,
    now: String,
) -> Result<Plan, ActionError> {
    check_label(ws, &label)?;
    check_span(ws, span)?;
    check_mention(ws, &attribution)?;
    let attribution = sources::canonical_attribution(ws, attribution);
    let id = ws.fresh_id();
    let description = format!("add {label}");
    let annotation = Annotation {
        id: id.clone(),
        span,
        fragments: Vec::new(),
        label,
        attribution,
        note,
        created: now.clone(),
        modified: now,
        provenance: None,
    };
    Ok(Plan {
        edits: vec![Edit::Insert(doc, Box::new(annotation), None)],
        description,
        outcome: Outcome::Added(id),
        show: Some(doc),
    })
}
