//! Filtering the annotation list by label and by source, and the counts each filter choice
//! shows. An empty choice (no label, no source picked) lets everything through.

use std::collections::BTreeSet;

use super::annotation::{Annotation, LabelId};
use super::workspace::Workspace;

/// Which annotations to list: those with one of `labels` (any, when empty) and one of
/// `sources` (any, when empty; `None` stands for unattributed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub labels: BTreeSet<LabelId>,
    pub sources: BTreeSet<Option<String>>,
}

/// One choice of a filter with how many annotations it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    /// What to show: a label's name, a source's name, or "Unattributed".
    pub name: String,
    pub count: usize,
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.sources.is_empty()
    }

    pub fn matches(&self, annotation: &Annotation) -> bool {
        let source = annotation.source().map(str::to_string);
        (self.labels.is_empty() || self.labels.contains(&annotation.label))
            && (self.sources.is_empty() || self.sources.contains(&source))
    }

    /// The annotations that pass, in text order.
    pub fn apply<'w>(&self, workspace: &'w Workspace) -> Vec<&'w Annotation> {
        workspace
            .annotations()
            .iter()
            .filter(|a| self.matches(a))
            .collect()
    }
}

/// Every label of the workspace with its number of annotations, in the label set's order.
pub fn label_choices(workspace: &Workspace) -> Vec<Choice<LabelId>> {
    workspace
        .labels
        .iter()
        .map(|label| Choice {
            value: label.id.clone(),
            name: label.name.clone(),
            count: workspace
                .annotations()
                .iter()
                .filter(|a| a.label == label.id)
                .count(),
        })
        .collect()
}

/// Every source used in an attribution with its number of annotations, most first (then by
/// name), and "Unattributed" last when some annotations have no source.
pub fn source_choices(workspace: &Workspace) -> Vec<Choice<Option<String>>> {
    let mut counts: std::collections::BTreeMap<Option<&str>, usize> = Default::default();
    for annotation in workspace.annotations() {
        *counts.entry(annotation.source()).or_default() += 1;
    }
    let unattributed = counts.remove(&None);
    let mut choices: Vec<Choice<Option<String>>> = counts
        .into_iter()
        .map(|(source, count)| Choice {
            value: source.map(str::to_string),
            name: source.unwrap_or_default().to_string(),
            count,
        })
        .collect();
    choices.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    choices.extend(unattributed.map(|count| Choice {
        value: None,
        name: "Unattributed".to_string(),
        count,
    }));
    choices
}
