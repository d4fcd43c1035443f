//! A corpus: the documents open at once, and which one is shown.
//!
//! A [`Corpus`] is never empty and its `current` index always names one of its documents.
//! Documents are told apart by content id (`sha256:` of the text), so a corpus holds each text
//! at most once.

use super::workspace::Workspace;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corpus {
    documents: Vec<Workspace>,
    current: usize,
}

impl Corpus {
    /// A corpus of one document.
    pub fn new(first: Workspace) -> Corpus {
        Corpus {
            documents: vec![first],
            current: 0,
        }
    }

    /// A corpus of `documents` showing `current` (clamped), or `None` when there are none.
    /// Later documents with the same content id as an earlier one are dropped.
    /// Documents with equal texts stay apart: each is its own record (two annotators, or the
    /// same text annotated twice).
    pub fn from_documents(documents: Vec<Workspace>, current: usize) -> Option<Corpus> {
        let current = current.min(documents.len().checked_sub(1)?);
        Some(Corpus { documents, current })
    }

    pub fn documents(&self) -> &[Workspace] {
        &self.documents
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// Always false: a corpus has at least one document.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    pub fn current(&self) -> &Workspace {
        &self.documents[self.current]
    }

    /// Every document, the shown one first and the others in corpus order: the order an
    /// import matches files against open documents in, so W3C annotations that name no known
    /// document land on the one shown.
    pub fn current_first(&self) -> Vec<&Workspace> {
        self.current_first_indices()
            .into_iter()
            .map(|i| &self.documents[i])
            .collect()
    }

    /// The indices of [`Corpus::current_first`].
    pub fn current_first_indices(&self) -> Vec<usize> {
        std::iter::once(self.current)
            .chain((0..self.documents.len()).filter(|&i| i != self.current))
            .collect()
    }

    /// The index of the first document with content id `id`.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.document.id() == id)
    }

    pub(crate) fn document_mut(&mut self, index: usize) -> Option<&mut Workspace> {
        self.documents.get_mut(index)
    }

    /// Shows document `index` (clamped to the corpus).
    pub(crate) fn show(&mut self, index: usize) {
        self.current = index.min(self.documents.len() - 1);
    }

    pub(crate) fn replace(&mut self, index: usize, workspace: Workspace) -> Option<Workspace> {
        let slot = self.documents.get_mut(index)?;
        Some(std::mem::replace(slot, workspace))
    }

    pub(crate) fn insert(&mut self, index: usize, workspace: Workspace) {
        let index = index.min(self.documents.len());
        self.documents.insert(index, workspace);
        if index <= self.current && self.documents.len() > 1 {
            self.current += 1;
        }
    }

    /// Removes document `index` unless it is the last one left.
    pub(crate) fn remove(&mut self, index: usize) -> Option<Workspace> {
        if self.documents.len() <= 1 || index >= self.documents.len() {
            return None;
        }
        let removed = self.documents.remove(index);
        if self.current > index || self.current >= self.documents.len() {
            self.current = self.current.saturating_sub(1);
        }
        Some(removed)
    }
}
