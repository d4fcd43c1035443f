//! The choices an import preview offers before anything changes, as pure functions the
//! browser shows and tests check: what each imported document does to the open ones
//! ([`effects`], the same pairing `Action::Import` applies), and a label for annotations that
//! arrived without one ([`label_unlabelled`]).

use super::w3c::UNLABELLED;
use crate::model::annotation::{Annotation, LabelId};
use crate::model::corpus::Corpus;
use crate::model::workspace::Workspace;

/// For each imported document, the index of the open document it replaces (the k-th imported
/// of a text replaces the k-th open one, the shown document first), or `None` when it is
/// added. Without `replace_open` every document is added.
pub fn effects(corpus: &Corpus, imported: &[Workspace], replace_open: bool) -> Vec<Option<usize>> {
    let order = corpus.current_first_indices();
    let mut replaced: Vec<usize> = Vec::new();
    imported
        .iter()
        .map(|workspace| {
            let id = workspace.document.id();
            let open = order
                .iter()
                .copied()
                .filter(|_| replace_open)
                .find(|&i| !replaced.contains(&i) && corpus.documents()[i].document.id() == id);
            replaced.extend(open);
            open
        })
        .collect()
}

/// How many annotations arrived without a label (W3C files with empty bodies or comments only).
pub fn unlabelled(documents: &[Workspace]) -> usize {
    documents
        .iter()
        .flat_map(|d| d.annotations())
        .filter(|a| a.label.as_str() == UNLABELLED)
        .count()
}

/// The documents with every unlabelled annotation given `label` (one of each document's
/// labels); the placeholder label is dropped where nothing uses it any more.
pub fn label_unlabelled(documents: &[Workspace], label: &LabelId) -> Vec<Workspace> {
    documents
        .iter()
        .map(|workspace| {
            if !workspace.labels.iter().any(|l| &l.id == label) {
                return workspace.clone();
            }
            let annotations: Vec<Annotation> = workspace
                .annotations()
                .iter()
                .map(|a| match a.label.as_str() == UNLABELLED {
                    true => Annotation {
                        label: label.clone(),
                        ..a.clone()
                    },
                    false => a.clone(),
                })
                .collect();
            let labels = workspace
                .labels
                .iter()
                .filter(|l| l.id.as_str() != UNLABELLED)
                .cloned()
                .collect();
            let mut relabelled = Workspace::from_parts(
                workspace.document.clone(),
                labels,
                workspace.sources.clone(),
                annotations,
            );
            relabelled.done = workspace.done;
            relabelled.annotator = workspace.annotator.clone();
            relabelled.exercise = workspace.exercise.clone();
            relabelled
        })
        .collect()
}
