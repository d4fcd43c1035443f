//! The [`Editor`]: the corpus and its undo history, and the one `apply` that changes the work.
//!
//! `apply` checks an action first (see [`super::plan`]) and changes nothing when the check
//! fails; otherwise it runs the planned edits and records their inverses, so [`Editor::undo`]
//! and [`Editor::redo`] cover every change: annotations, opened and imported documents, done
//! marks and closed documents. Undoing a change in another document shows it. Showing another
//! document ([`Editor::show`]) is navigation, not a change, and is not recorded.

use std::collections::VecDeque;

use super::action::{Action, ActionError, Outcome};
use super::corpus::Corpus;
use super::edit::{apply_all, Edit};
use super::plan::plan;
use super::workspace::Workspace;

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 500;

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
    /// Oldest first; the oldest step is dropped beyond [`UNDO_LIMIT`].
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl Editor {
    pub fn new(workspace: Workspace) -> Editor {
        Editor::with_corpus(Corpus::new(workspace))
    }

    pub fn with_corpus(corpus: Corpus) -> Editor {
        Editor {
            corpus,
            undo: VecDeque::new(),
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

    /// Checks and applies an action, as one undo step.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, ActionError> {
        let Some(plan) = plan(&self.corpus, action)? else {
            return Ok(Outcome::Unchanged);
        };
        if plan.edits.is_empty() {
            if let Some(index) = plan.show {
                self.corpus.show(index);
            }
            return Ok(plan.outcome);
        }
        let inverse = apply_all(plan.edits, &mut self.corpus);
        if let Some(index) = plan.show {
            self.corpus.show(index);
        }
        self.undo.push_back(Step {
            description: plan.description,
            edits: inverse,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
        Ok(plan.outcome)
    }

    /// Shows document `index`. Navigation is not an undo step.
    pub fn show(&mut self, index: usize) -> Result<Outcome, ActionError> {
        if index >= self.corpus.len() {
            return Err(ActionError::UnknownDocument(index));
        }
        if index == self.corpus.current_index() {
            return Ok(Outcome::Unchanged);
        }
        self.corpus.show(index);
        Ok(Outcome::Shown)
    }

    /// Undoes the latest step and shows the document it changed.
    pub fn undo(&mut self) -> Result<Outcome, ActionError> {
        let step = self.undo.pop_back().ok_or(ActionError::NothingToUndo)?;
        let (status, inverse) = self.travel(step, "Undid");
        self.redo.push(inverse);
        Ok(status)
    }

    /// Redoes the latest undone step and shows the document it changed.
    pub fn redo(&mut self) -> Result<Outcome, ActionError> {
        let step = self.redo.pop().ok_or(ActionError::NothingToRedo)?;
        let (status, inverse) = self.travel(step, "Redid");
        self.undo.push_back(inverse);
        Ok(status)
    }

    /// Runs a recorded step and returns the status to report and the step that reverses it.
    fn travel(&mut self, step: Step, verb: &str) -> (Outcome, Step) {
        let touched = step.edits.first().map(Edit::document);
        let inverse = apply_all(step.edits, &mut self.corpus);
        if let Some(doc) = touched.filter(|&d| d < self.corpus.len()) {
            self.corpus.show(doc);
        }
        let status = Outcome::Changed(format!("{verb}: {}", step.description));
        let inverse = Step {
            description: step.description,
            edits: inverse,
        };
        (status, inverse)
    }
}
