//! [`Merge`]: several annotators' work on one text, what they agree on, the groups where they
//! do not, the adjudicator's decisions, and the gold set that comes of it.

use super::decide::{resolve, Decision, Frame};
use super::error::MergeError;
use super::registry::{labels, Registry};
use super::variants::{agreed, groups, order, variants, Group, Variant};
use crate::model::annotation::{Annotation, AnnotationId, Label};
use crate::model::provenance::{agreement, Provenance, Status};
use crate::model::review::Annotator;
use crate::model::text::Document;
use crate::model::workspace::Workspace;

/// The agreement a merge asks for when not told: more than half of the annotators.
pub fn default_min_agree(annotators: usize) -> usize {
    annotators / 2 + 1
}

/// The minimum agreement to use: `min`, or the default; between 1 and `annotators`.
pub fn min_agree(min: Option<usize>, annotators: usize) -> Result<usize, MergeError> {
    let min = min.unwrap_or_else(|| default_min_agree(annotators));
    if annotators == 0 {
        return Err(MergeError::NoAnnotators);
    }
    if min < 1 || min > annotators {
        return Err(MergeError::MinAgree { min, annotators });
    }
    Ok(min)
}

/// Several annotators' work on one text, merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    annotators: Vec<Annotator>,
    names: Vec<String>,
    min_agree: usize,
    registry: Registry,
    labels: Vec<Label>,
    agreed: Vec<Variant>,
    groups: Vec<Group>,
    /// The decision on each group (by its number − 1), once taken.
    decisions: Vec<Option<Decision>>,
}

/// How a merge stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Gold annotations every annotator made (with two or more annotators).
    pub unanimous: usize,
    /// Gold annotations at least the minimum made, not all.
    pub majority: usize,
    /// Gold annotations of the only annotator.
    pub single: usize,
    /// Gold annotations the decisions gave.
    pub adjudicated: usize,
    /// Groups decided, groups whose decision kept nothing, and groups still open.
    pub decided: usize,
    pub rejected: usize,
    pub open: usize,
}

impl Merge {
    /// Merges the annotators' work on one text: agreed annotations at least `min_agree` of
    /// them made ([`default_min_agree`] when `None`), and groups of the rest.
    pub fn new(annotators: Vec<Annotator>, min_agree: Option<usize>) -> Result<Merge, MergeError> {
        let min = self::min_agree(min_agree, annotators.len())?;
        let first = &annotators[0];
        for (i, annotator) in annotators.iter().enumerate() {
            let name = annotator.name.trim();
            if name.is_empty() || annotators[..i].iter().any(|a| a.name.trim() == name) {
                return Err(MergeError::Name(name.to_string()));
            }
            if annotator.workspace.document.id() != first.workspace.document.id() {
                return Err(MergeError::OtherText {
                    annotator: name.to_string(),
                    title: annotator.workspace.document.title.clone(),
                    first: first.name.trim().to_string(),
                    first_title: first.workspace.document.title.clone(),
                });
            }
        }
        let names: Vec<String> = annotators
            .iter()
            .map(|a| a.name.trim().to_string())
            .collect();
        let files: Vec<&Workspace> = annotators.iter().map(|a| &a.workspace).collect();
        let registry = Registry::new(&files);
        let all = variants(&files, &names, &registry);
        let keep = agreed(&all, min);
        let (agreed, open): (Vec<_>, Vec<_>) = all.into_iter().zip(keep).partition(|(_, k)| *k);
        let groups = groups(open.into_iter().map(|(v, _)| v).collect());
        Ok(Merge {
            labels: labels(&files),
            annotators,
            names,
            min_agree: min,
            registry,
            agreed: agreed.into_iter().map(|(v, _)| v).collect(),
            decisions: vec![None; groups.len()],
            groups,
        })
    }

    pub fn annotators(&self) -> &[Annotator] {
        &self.annotators
    }

    /// The annotators' names (trimmed), in the order given.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn min_agree(&self) -> usize {
        self.min_agree
    }

    /// The text (as the first annotator's file has it).
    pub fn document(&self) -> &Document {
        &self.annotators[0].workspace.document
    }

    /// Every annotator's labels, by id.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The variants that go into the gold set without a decision, in text order.
    pub fn agreed(&self) -> &[Variant] {
        &self.agreed
    }

    /// How an agreed variant entered the gold set.
    pub fn status(&self, variant: &Variant) -> Status {
        match (self.names.len(), variant.agreement()) {
            (1, _) => Status::Single,
            (n, k) if k == n => Status::Unanimous,
            _ => Status::Majority,
        }
    }

    /// The groups of disagreeing annotations: the lowest agreement first, then text order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The group numbered `number` (from 1).
    pub fn group(&self, number: usize) -> Option<&Group> {
        number.checked_sub(1).and_then(|i| self.groups.get(i))
    }

    fn frame(&self) -> Frame<'_> {
        Frame {
            document: self.document(),
            labels: &self.labels,
            registry: &self.registry,
            names: &self.names,
        }
    }

    /// What `decision` would give the gold set for group `number`, without taking it.
    pub fn preview(
        &self,
        number: usize,
        decision: &Decision,
    ) -> Result<Vec<Annotation>, MergeError> {
        let group = self.group(number).ok_or(MergeError::NoGroup(number))?;
        resolve(group, decision, &self.frame())
    }

    /// Takes `decision` for group `number` (replacing an earlier one) and returns what it gives
    /// the gold set; refused, changing nothing, when it names what the group lacks or an edited
    /// annotation does not fit.
    pub fn decide(
        &mut self,
        number: usize,
        decision: Decision,
    ) -> Result<Vec<Annotation>, MergeError> {
        let kept = self.preview(number, &decision)?;
        self.decisions[number - 1] = Some(decision);
        Ok(kept)
    }

    /// Takes back the decision on group `number`, which is open again.
    pub fn reopen(&mut self, number: usize) -> Option<Decision> {
        let i = number.checked_sub(1)?;
        self.decisions.get_mut(i)?.take()
    }

    pub fn decision(&self, number: usize) -> Option<&Decision> {
        self.decisions.get(number.checked_sub(1)?)?.as_ref()
    }

    /// The groups without a decision, in order.
    pub fn open_groups(&self) -> Vec<&Group> {
        self.groups
            .iter()
            .zip(&self.decisions)
            .filter(|(_, d)| d.is_none())
            .map(|(g, _)| g)
            .collect()
    }

    /// The gold annotations of each decided group, with the group.
    pub(super) fn adjudicated(&self) -> Vec<(&Group, Vec<Annotation>)> {
        let frame = self.frame();
        self.groups
            .iter()
            .zip(&self.decisions)
            .filter_map(|(group, decision)| {
                // Decisions are checked when taken, so they still resolve.
                let kept = resolve(group, decision.as_ref()?, &frame).unwrap_or_default();
                Some((group, kept))
            })
            .collect()
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for variant in &self.agreed {
            match self.status(variant) {
                Status::Single => summary.single += 1,
                Status::Unanimous => summary.unanimous += 1,
                _ => summary.majority += 1,
            }
        }
        for (_, kept) in self.adjudicated() {
            summary.decided += 1;
            summary.rejected += usize::from(kept.is_empty());
            summary.adjudicated += kept.len();
        }
        summary.open = self.groups.len() - summary.decided;
        summary
    }

    /// A variant with its provenance.
    fn with_provenance(&self, variant: &Variant, status: Status) -> Annotation {
        Annotation {
            provenance: Some(Provenance {
                status,
                annotators: variant.names(&self.names),
                agreement: agreement(variant.agreement(), self.names.len()),
                note: variant.remarks.join("; "),
                reason: None,
            }),
            ..variant.annotation.clone()
        }
    }

    /// The gold set: the agreed annotations and those the decisions gave, each with its
    /// provenance, ids `a1`, `a2`, … in text order; every annotator's labels and sources.
    pub fn gold(&self) -> Workspace {
        let mut annotations: Vec<Annotation> = self
            .agreed
            .iter()
            .map(|v| self.with_provenance(v, self.status(v)))
            .collect();
        annotations.extend(self.adjudicated().into_iter().flat_map(|(_, kept)| kept));
        self.workspace(annotations)
    }

    /// The open groups' variants, each a `conflict` of its group, ids in text order.
    pub fn conflicts(&self) -> Workspace {
        let annotations = self
            .open_groups()
            .into_iter()
            .flat_map(|g| {
                let status = Status::Conflict { group: g.number };
                g.variants.iter().map(move |v| (v, status))
            })
            .map(|(v, status)| self.with_provenance(v, status))
            .collect();
        self.workspace(annotations)
    }

    /// A workspace of the text with these annotations, numbered in text order.
    fn workspace(&self, mut annotations: Vec<Annotation>) -> Workspace {
        annotations.sort_by(|a, b| order(a).cmp(&order(b)));
        for (i, annotation) in annotations.iter_mut().enumerate() {
            annotation.id = AnnotationId::new(&format!("a{}", i + 1));
        }
        let document = self.document().clone();
        Workspace::from_parts(
            document,
            self.labels.clone(),
            self.registry.sources(),
            annotations,
        )
    }
}
