//! Every change a user can make, as one [`Action`] enum, and the [`Editor`] that applies it.
//!
//! [`Editor::apply`] is the only way the workspace changes. It checks the action first and
//! changes nothing when the check fails; otherwise it records the inverse edits so that
//! [`Action::Undo`] and [`Action::Redo`] cover every change, including loading a document.

use std::fmt;

use super::annotation::{Annotation, AnnotationId, Attribution, LabelId};
use super::span::Span;
use super::workspace::Workspace;

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 500;

/// A user's intent.
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
    /// Change one property of an annotation.
    Edit {
        id: AnnotationId,
        change: Change,
        now: String,
    },
    Delete {
        id: AnnotationId,
    },
    /// Replace the whole workspace: open another text, or import a file.
    Load {
        workspace: Box<Workspace>,
        description: String,
    },
    Undo,
    Redo,
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
    /// The workspace changed; the text says how (for a status line).
    Changed(String),
    /// The action asked for what was already the case.
    Unchanged,
}

/// Why an action was refused. The workspace is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    UnknownAnnotation(AnnotationId),
    UnknownLabel(LabelId),
    SpanOutsideText(Span),
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
            ActionError::NothingToUndo => f.write_str("nothing to undo"),
            ActionError::NothingToRedo => f.write_str("nothing to redo"),
        }
    }
}

impl std::error::Error for ActionError {}

/// A primitive change and, once applied, its own inverse.
#[derive(Clone, Debug)]
enum Edit {
    Insert(Annotation),
    Remove(AnnotationId),
    Load(Box<Workspace>),
}

/// Edits that undo one user action, with a description for the status line.
#[derive(Clone, Debug)]
struct Step {
    description: String,
    edits: Vec<Edit>,
}

/// The workspace and its undo history.
#[derive(Clone, Debug)]
pub struct Editor {
    workspace: Workspace,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Editor {
    pub fn new(workspace: Workspace) -> Editor {
        Editor {
            workspace,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Checks and applies an action.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, ActionError> {
        match action {
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            action => {
                let Some((edits, description, outcome)) = self.plan(action)? else {
                    return Ok(Outcome::Unchanged);
                };
                let inverse = self.run(edits);
                self.undo.push(Step {
                    description,
                    edits: inverse,
                });
                if self.undo.len() > UNDO_LIMIT {
                    self.undo.remove(0);
                }
                self.redo.clear();
                Ok(outcome)
            }
        }
    }

    /// Turns an action into primitive edits, or refuses it. `None` means nothing would change.
    fn plan(&self, action: Action) -> Result<Option<(Vec<Edit>, String, Outcome)>, ActionError> {
        let ws = &self.workspace;
        match action {
            Action::Add {
                span,
                label,
                attribution,
                note,
                now,
            } => {
                self.check_label(&label)?;
                self.check_span(span)?;
                if let Some(mention) = attribution.as_ref().and_then(|a| a.mention) {
                    self.check_span(mention)?;
                }
                let id = ws.fresh_id();
                let description = format!("add {}", label);
                let annotation = Annotation {
                    id: id.clone(),
                    span,
                    label,
                    attribution,
                    note,
                    created: now.clone(),
                    modified: now,
                };
                Ok(Some((
                    vec![Edit::Insert(annotation)],
                    description,
                    Outcome::Added(id),
                )))
            }
            Action::Edit { id, change, now } => {
                let old = ws
                    .annotation(&id)
                    .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
                let mut new = old.clone();
                let what = match change {
                    Change::Label(label) => {
                        self.check_label(&label)?;
                        new.label = label;
                        "label"
                    }
                    Change::Attribution(attribution) => {
                        if let Some(mention) = attribution.as_ref().and_then(|a| a.mention) {
                            self.check_span(mention)?;
                        }
                        new.attribution = attribution;
                        "attribution"
                    }
                    Change::Note(note) => {
                        new.note = note;
                        "note"
                    }
                    Change::Span(span) => {
                        self.check_span(span)?;
                        new.span = span;
                        "boundaries"
                    }
                };
                if &new == old {
                    return Ok(None);
                }
                new.modified = now;
                let description = format!("edit {what}");
                let edits = vec![Edit::Remove(id), Edit::Insert(new)];
                Ok(Some((
                    edits,
                    description.clone(),
                    Outcome::Changed(description),
                )))
            }
            Action::Delete { id } => {
                let old = ws
                    .annotation(&id)
                    .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
                let description = format!("delete {}", old.label);
                Ok(Some((
                    vec![Edit::Remove(id)],
                    description.clone(),
                    Outcome::Changed(description),
                )))
            }
            Action::Load {
                workspace,
                description,
            } => Ok(Some((
                vec![Edit::Load(workspace)],
                description.clone(),
                Outcome::Changed(description),
            ))),
            Action::Undo | Action::Redo => unreachable!("handled by apply"),
        }
    }

    fn check_label(&self, label: &LabelId) -> Result<(), ActionError> {
        match self.workspace.label(label) {
            Some(_) => Ok(()),
            None => Err(ActionError::UnknownLabel(label.clone())),
        }
    }

    fn check_span(&self, span: Span) -> Result<(), ActionError> {
        match self.workspace.span(span.start(), span.end()) {
            Some(_) => Ok(()),
            None => Err(ActionError::SpanOutsideText(span)),
        }
    }

    /// Applies edits in order and returns the edits that undo them, in the order to apply.
    fn run(&mut self, edits: Vec<Edit>) -> Vec<Edit> {
        let mut inverse = Vec::with_capacity(edits.len());
        for edit in edits {
            let undo = match edit {
                Edit::Insert(annotation) => {
                    let id = annotation.id.clone();
                    self.workspace.insert(annotation);
                    Edit::Remove(id)
                }
                Edit::Remove(id) => match self.workspace.remove(&id) {
                    Some(old) => Edit::Insert(old),
                    // Plans only remove ids they found, so this cannot happen; undoing
                    // nothing is the honest inverse if it ever did.
                    None => continue,
                },
                Edit::Load(workspace) => {
                    Edit::Load(Box::new(std::mem::replace(&mut self.workspace, *workspace)))
                }
            };
            inverse.push(undo);
        }
        inverse.reverse();
        inverse
    }

    /// Undoes (`back`) or redoes the latest step.
    fn travel(&mut self, back: bool) -> Result<Outcome, ActionError> {
        let (from, error) = if back {
            (&mut self.undo, ActionError::NothingToUndo)
        } else {
            (&mut self.redo, ActionError::NothingToRedo)
        };
        let step = from.pop().ok_or(error)?;
        let inverse = self.run(step.edits);
        let verb = if back { "Undid" } else { "Redid" };
        let status = format!("{verb}: {}", step.description);
        let to = if back { &mut self.redo } else { &mut self.undo };
        to.push(Step {
            description: step.description,
            edits: inverse,
        });
        Ok(Outcome::Changed(status))
    }
}
