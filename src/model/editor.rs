//! The [`Editor`]: the corpus and its undo history, and the one `apply` that changes them.
//!
//! `apply` checks an action first (see [`super::action::plan`]) and changes nothing when the
//! check fails; otherwise it runs the planned edits and records their inverses, so
//! [`Action::Undo`] and [`Action::Redo`] cover every change: annotations, opened and imported
//! documents, done marks and closed documents. Undoing a change in another document shows it.

use super::action::{plan, Action, ActionError, Outcome};
use super::annotation::{Annotation, AnnotationId, Label};
use super::corpus::Corpus;
use super::workspace::Workspace;

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 500;

/// A primitive change to the corpus. Applying one yields its inverse.
#[derive(Clone, Debug)]
pub(crate) enum Edit {
    Insert(usize, Annotation),
    Remove(usize, AnnotationId),
    SetDone(usize, bool),
    SetLabels(usize, Vec<Label>),
    ReplaceDocument(usize, Box<Workspace>),
    InsertDocument(usize, Box<Workspace>),
    RemoveDocument(usize),
}

impl Edit {
    /// The document the edit concerns.
    fn document(&self) -> usize {
        match self {
            Edit::Insert(d, _)
            | Edit::Remove(d, _)
            | Edit::SetDone(d, _)
            | Edit::SetLabels(d, _)
            | Edit::ReplaceDocument(d, _)
            | Edit::InsertDocument(d, _)
            | Edit::RemoveDocument(d) => *d,
        }
    }
}

/// Edits that undo (or redo) one user action, with a description for the status line.
#[derive(Clone, Debug)]
struct Step {
    description: String,
    edits: Vec<Edit>,
}

/// The corpus and its undo history.
#[derive(Clone, Debug)]
pub struct Editor {
    corpus: Corpus,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Editor {
    pub fn new(workspace: Workspace) -> Editor {
        Editor::with_corpus(Corpus::new(workspace))
    }

    pub fn with_corpus(corpus: Corpus) -> Editor {
        Editor {
            corpus,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The document being shown.
    pub fn workspace(&self) -> &Workspace {
        self.corpus.current()
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
            Action::Show { index } => {
                if index >= self.corpus.len() {
                    return Err(ActionError::UnknownDocument(index));
                }
                if index == self.corpus.current_index() {
                    return Ok(Outcome::Unchanged);
                }
                self.corpus.show(index);
                Ok(Outcome::Shown)
            }
            action => {
                let Some(plan) = plan(&self.corpus, action)? else {
                    return Ok(Outcome::Unchanged);
                };
                if plan.edits.is_empty() {
                    if let Some(index) = plan.show {
                        self.corpus.show(index);
                    }
                    return Ok(plan.outcome);
                }
                let inverse = self.run(plan.edits);
                if let Some(index) = plan.show {
                    self.corpus.show(index);
                }
                self.undo.push(Step {
                    description: plan.description,
                    edits: inverse,
                });
                if self.undo.len() > UNDO_LIMIT {
                    self.undo.remove(0);
                }
                self.redo.clear();
                Ok(plan.outcome)
            }
        }
    }

    /// Applies edits in order and returns the edits that undo them, in the order to apply.
    fn run(&mut self, edits: Vec<Edit>) -> Vec<Edit> {
        let mut inverse = Vec::with_capacity(edits.len());
        for edit in edits {
            if let Some(undo) = self.run_one(edit) {
                inverse.push(undo);
            }
        }
        inverse.reverse();
        inverse
    }

    /// Applies one edit; `None` if it did not apply (plans only make edits that do).
    fn run_one(&mut self, edit: Edit) -> Option<Edit> {
        let corpus = &mut self.corpus;
        Some(match edit {
            Edit::Insert(doc, annotation) => {
                let id = annotation.id.clone();
                corpus.document_mut(doc)?.insert(annotation);
                Edit::Remove(doc, id)
            }
            Edit::Remove(doc, id) => Edit::Insert(doc, corpus.document_mut(doc)?.remove(&id)?),
            Edit::SetDone(doc, done) => {
                let workspace = corpus.document_mut(doc)?;
                let was = std::mem::replace(&mut workspace.done, done);
                Edit::SetDone(doc, was)
            }
            Edit::SetLabels(doc, labels) => {
                let workspace = corpus.document_mut(doc)?;
                Edit::SetLabels(doc, std::mem::replace(&mut workspace.labels, labels))
            }
            Edit::ReplaceDocument(doc, workspace) => {
                Edit::ReplaceDocument(doc, Box::new(corpus.replace(doc, *workspace)?))
            }
            Edit::InsertDocument(doc, workspace) => {
                corpus.insert(doc, *workspace);
                Edit::RemoveDocument(doc)
            }
            Edit::RemoveDocument(doc) => Edit::InsertDocument(doc, Box::new(corpus.remove(doc)?)),
        })
    }

    /// Undoes (`back`) or redoes the latest step, and shows the document it changed.
    fn travel(&mut self, back: bool) -> Result<Outcome, ActionError> {
        let (from, error) = if back {
            (&mut self.undo, ActionError::NothingToUndo)
        } else {
            (&mut self.redo, ActionError::NothingToRedo)
        };
        let step = from.pop().ok_or(error)?;
        let touched = step.edits.first().map(Edit::document);
        let inverse = self.run(step.edits);
        if let Some(doc) = touched.filter(|&d| d < self.corpus.len()) {
            self.corpus.show(doc);
        }
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
