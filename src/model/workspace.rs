//! One document with its labels, source registry and annotations.
//!
//! A [`Workspace`] keeps its annotations in text order (see [`Span::text_order_key`]) with
//! unique ids, and every annotation's span lies inside the document and uses a known label.
//! Only the editor's primitive edits mutate a workspace, through the `pub(crate)` methods here
//! that keep those invariants.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::annotation::{
    default_labels, id_number, Annotation, AnnotationId, IdAllocator, Label, LabelId, Source,
    Suggested,
};
use super::fold;
use super::span::Span;
use super::suggest::learn::Model;
use super::text::{seed_document, Document};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    pub document: Document,
    pub labels: Vec<Label>,
    /// Sources declared with aliases. Names used only in attributions are added on export.
    pub sources: Vec<Source>,
    /// Whether the annotator has marked the document finished.
    pub done: bool,
    /// Who made the annotations (a student's name in an exercise); empty when not given.
    pub annotator: String,
    /// The exercise this is a submission for, if any.
    pub exercise: Option<ExerciseLink>,
    /// What the suggestion engine learned from the answers given in this document (the
    /// native format's `suggester`); `None` when nothing was.
    pub suggester: Option<Model>,
    annotations: Vec<Annotation>,
    /// The annotations the engine made that nobody has changed since, by id.
    suggested: BTreeMap<AnnotationId, Suggested>,
    /// Has seen the highest `a<n>` id among `annotations`, kept up to date by every change so
    /// that a new id does not need a pass over all of them.
    ids: IdAllocator,
}

/// What a student's workspace keeps of its exercise (the answer key stays with the exercise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExerciseLink {
    pub id: String,
    pub instructions: String,
    /// Whether the student may compare their work with the key.
    pub allow_check: bool,
    /// Whether the student may ask for suggested annotations (off unless the teacher allows).
    pub allow_suggestions: bool,
}

impl Workspace {
    /// An empty workspace on `document` with the default labels.
    pub fn new(document: Document) -> Workspace {
        Workspace {
            document,
            labels: default_labels(),
            sources: Vec::new(),
            done: false,
            annotator: String::new(),
            exercise: None,
            suggester: None,
            annotations: Vec::new(),
            suggested: BTreeMap::new(),
            ids: IdAllocator::default(),
        }
    }

    /// A fresh start: the seed article, no annotations.
    pub fn seed() -> Workspace {
        Workspace::new(seed_document())
    }

    /// A workspace from parts that a codec has already validated. Annotations are put in text
    /// order; the caller guarantees unique ids, known labels and in-range spans.
    pub fn from_parts(
        document: Document,
        labels: Vec<Label>,
        sources: Vec<Source>,
        mut annotations: Vec<Annotation>,
    ) -> Workspace {
        annotations.sort_by(|a, b| order(a).cmp(&order(b)));
        let ids = IdAllocator::seeing(annotations.iter().map(|a| &a.id));
        Workspace {
            document,
            labels,
            sources,
            done: false,
            annotator: String::new(),
            exercise: None,
            suggester: None,
            annotations,
            suggested: BTreeMap::new(),
            ids,
        }
    }

    /// All annotations in text order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    /// Whether suggested annotations may be shown and answered: always, except in an exercise
    /// whose teacher did not allow them.
    pub fn allows_suggestions(&self) -> bool {
        self.exercise.as_ref().is_none_or(|e| e.allow_suggestions)
    }

    pub fn label(&self, id: &LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| &l.id == id)
    }

    /// A span of this workspace's document, or `None` when the offsets do not fit it.
    pub fn span(&self, start: usize, end: usize) -> Option<Span> {
        Span::new(start, end, self.document.text.len()).ok()
    }

    /// The text an annotation covers.
    pub fn quote(&self, annotation: &Annotation) -> &str {
        self.document.text.quote(annotation.span)
    }

    /// An id no annotation uses yet: `a1`, `a2`, … after the highest such id present.
    pub fn fresh_id(&self) -> AnnotationId {
        self.fresh_ids().next().expect("an endless sequence")
    }

    /// Ids no annotation uses yet, in sequence after the highest `a<number>` present.
    pub fn fresh_ids(&self) -> impl Iterator<Item = AnnotationId> {
        self.ids.fresh()
    }

    /// Every source name worth suggesting: registry names, their aliases, and names used in
    /// attributions, sorted case-insensitively without duplicates.
    pub fn source_names(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut names = Vec::new();
        let registry = self
            .sources
            .iter()
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases));
        let used = self
            .annotations
            .iter()
            .filter_map(|a| a.attribution.as_ref())
            .map(|a| &a.source);
        for name in registry.chain(used) {
            if seen.insert(fold::key(name)) {
                names.push(name.clone());
            }
        }
        names.sort_by_key(|n| fold::key(n));
        names
    }

    /// The registry plus an entry for every attributed name it lacks, for export.
    pub fn sources_for_export(&self) -> Vec<Source> {
        let mut sources = self.sources.clone();
        // The folded names and aliases known so far; each attributed name is folded once.
        let mut known: HashSet<String> = sources
            .iter()
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
            .map(|n| fold::key(n))
            .collect();
        let mut seen: HashSet<&str> = HashSet::new();
        for annotation in &self.annotations {
            if let Some(source) = annotation.source() {
                if seen.insert(source) && known.insert(fold::key(source)) {
                    sources.push(Source {
                        name: source.to_string(),
                        aliases: Vec::new(),
                    });
                }
            }
        }
        sources
    }

    /// Whether the annotation `id` is one the suggestion engine made and nobody has changed
    /// since, and how sure the engine was.
    pub fn suggested(&self, id: &AnnotationId) -> Option<Suggested> {
        self.suggested.get(id).copied()
    }

    /// Inserts an annotation at its place in text order, marked as suggested or not. The
    /// caller has checked its id is new.
    pub(crate) fn insert_marked(&mut self, annotation: Annotation, mark: Option<Suggested>) {
        let key = order(&annotation);
        let at = self.annotations.partition_point(|a| order(a) < key);
        self.ids.see(&annotation.id);
        if let Some(mark) = mark {
            self.suggested.insert(annotation.id.clone(), mark);
        }
        self.annotations.insert(at, annotation);
    }

    /// Marks the annotation `id` (which a reader has just added) as suggested.
    pub(crate) fn mark_suggested(&mut self, id: &AnnotationId, mark: Suggested) {
        if self.annotation(id).is_some() {
            self.suggested.insert(id.clone(), mark);
        }
    }

    /// Renames attributed sources: `rename` returns the new name for a source, or `None` to
    /// keep it. Text order does not depend on attributions, so it is kept.
    pub(crate) fn rewrite_sources(&mut self, rename: impl Fn(&str) -> Option<String>) {
        for annotation in &mut self.annotations {
            if let Some(attribution) = annotation.attribution.as_mut() {
                if let Some(name) = rename(&attribution.source) {
                    attribution.source = name;
                }
            }
        }
    }

    /// Removes and returns the annotation with `id`, with its suggested mark.
    pub(crate) fn remove(&mut self, id: &AnnotationId) -> Option<(Annotation, Option<Suggested>)> {
        let at = self.annotations.iter().position(|a| &a.id == id)?;
        let removed = self.annotations.remove(at);
        if id_number(id) == Some(self.ids.highest()) {
            self.ids = IdAllocator::seeing(self.annotations.iter().map(|a| &a.id));
        }
        Some((removed, self.suggested.remove(id)))
    }
}

/// Sort key for text order; the id breaks ties so the order is total.
fn order(annotation: &Annotation) -> (usize, std::cmp::Reverse<usize>, &str) {
    let (start, end) = annotation.span.text_order_key();
    (start, end, annotation.id.as_str())
}
