//! The primitive edits of a corpus, ProseMirror-style steps: each one applied yields the edit
//! that undoes it. `plan` makes them from actions; the editor runs them and
//! keeps their inverses as the history.

use super::annotation::{Annotation, AnnotationId, Label, Suggested};
use super::corpus::Corpus;
use super::suggest::learn::Model;
use super::workspace::Workspace;

/// A primitive change to the corpus; the first field is the document's index.
#[derive(Clone, Debug)]
pub(crate) enum Edit {
    /// Insert an annotation (marked as suggested or not).
    Insert(usize, Box<Annotation>, Option<Suggested>),
    Remove(usize, AnnotationId),
    SetDone(usize, bool),
    SetLabels(usize, Vec<Label>),
    SetLanguage(usize, Option<String>),
    SetSuggester(usize, Option<Box<Model>>),
    ReplaceDocument(usize, Box<Workspace>),
    InsertDocument(usize, Box<Workspace>),
    RemoveDocument(usize),
}

impl Edit {
    /// The document the edit concerns.
    pub(crate) fn document(&self) -> usize {
        match self {
            Edit::Insert(d, _, _)
            | Edit::Remove(d, _)
            | Edit::SetDone(d, _)
            | Edit::SetLabels(d, _)
            | Edit::SetLanguage(d, _)
            | Edit::SetSuggester(d, _)
            | Edit::ReplaceDocument(d, _)
            | Edit::InsertDocument(d, _)
            | Edit::RemoveDocument(d) => *d,
        }
    }

    /// Applies the edit and returns its inverse; `None` if it did not apply (plans only make
    /// edits that do).
    pub(crate) fn apply(self, corpus: &mut Corpus) -> Option<Edit> {
        Some(match self {
            Edit::Insert(doc, annotation, mark) => {
                let id = annotation.id.clone();
                corpus.document_mut(doc)?.insert_marked(*annotation, mark);
                Edit::Remove(doc, id)
            }
            Edit::Remove(doc, id) => {
                let (annotation, mark) = corpus.document_mut(doc)?.remove(&id)?;
                Edit::Insert(doc, Box::new(annotation), mark)
            }
            Edit::SetDone(doc, done) => {
                let workspace = corpus.document_mut(doc)?;
                let was = std::mem::replace(&mut workspace.done, done);
                Edit::SetDone(doc, was)
            }
            Edit::SetLabels(doc, labels) => {
                let workspace = corpus.document_mut(doc)?;
                Edit::SetLabels(doc, std::mem::replace(&mut workspace.labels, labels))
            }
            Edit::SetLanguage(doc, language) => {
                let workspace = corpus.document_mut(doc)?;
                let was = std::mem::replace(&mut workspace.document.language, language);
                Edit::SetLanguage(doc, was)
            }
            Edit::SetSuggester(doc, model) => {
                let workspace = corpus.document_mut(doc)?;
                let was = std::mem::replace(&mut workspace.suggester, model.map(|m| *m));
                Edit::SetSuggester(doc, was.map(Box::new))
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
}

/// Applies `edits` in order and returns the edits that undo them, in the order to apply.
pub(crate) fn apply_all(edits: Vec<Edit>, corpus: &mut Corpus) -> Vec<Edit> {
    let mut inverse: Vec<Edit> = edits.into_iter().filter_map(|e| e.apply(corpus)).collect();
    inverse.reverse();
    inverse
}
