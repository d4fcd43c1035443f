//! Annotators' annotations collapsed into variants, what agrees, and the groups of what does
//! not.
//!
//! Two annotations are the same variant when their span, label and source (resolved through
//! [`Registry`]; unattributed equals unattributed) are equal. A variant keeps:
//!
//! - the mention, the cue and the pieces of a discontinuous span most of its annotators gave, a
//!   linked one beating none, a tie going to the annotator given first; where they differed, a
//!   remark says whose was kept;
//! - every distinct non-empty note once, in annotator order, as `ana: note` (`ana, ben: note`
//!   when several wrote it), one per line; with a single annotator the note as written;
//! - the time stamps of its first annotator's annotation.
//!
//! A variant at least `min` annotators made is agreed, unless another variant of the same span
//! made by other annotators (none made both) has as many or more: the one more annotators made
//! wins, and a tie is no agreement. What is not agreed falls into groups: variants whose spans
//! overlap, transitively.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::registry::Registry;
use crate::model::annotation::{Annotation, Attribution, LabelId};
use crate::model::fold;
use crate::model::span::Span;
use crate::model::workspace::Workspace;

/// An annotation as one or more annotators made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The annotation as the gold set would keep it (source named as the gold set names it;
    /// its id and provenance are set when it is kept).
    pub annotation: Annotation,
    /// The annotators who made it (indices in the order they were given), ascending.
    pub annotators: Vec<usize>,
    /// Where its annotators differed on the mention, the cue or the pieces, and whose was kept.
    pub remarks: Vec<String>,
}

impl Variant {
    /// How many annotators made it.
    pub fn agreement(&self) -> usize {
        self.annotators.len()
    }

    /// Its annotators' names.
    pub fn names(&self, names: &[String]) -> Vec<String> {
        self.annotators.iter().map(|&i| names[i].clone()).collect()
    }
}

/// What makes two annotations the same variant.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Key {
    start: usize,
    end: usize,
    label: LabelId,
    /// The source's name as the gold set stores it, compared without case.
    source: Option<String>,
}

pub(super) fn key(annotation: &Annotation, registry: &Registry) -> Key {
    Key {
        start: annotation.span.start(),
        end: annotation.span.end(),
        label: annotation.label.clone(),
        source: annotation
            .source()
            .map(|name| fold::key(&registry.canonical(name))),
    }
}

/// Text order, then label and source, so that variants and gold sets come out the same way
/// every time.
pub(super) fn order(a: &Annotation) -> (usize, Reverse<usize>, &str, Option<&str>) {
    (
        a.span.start(),
        Reverse(a.span.end()),
        a.label.as_str(),
        a.source(),
    )
}

/// Every variant of the files' annotations, in text order.
pub(super) fn variants(
    files: &[&Workspace],
    names: &[String],
    registry: &Registry,
) -> Vec<Variant> {
    let mut members: HashMap<Key, Vec<(usize, &Annotation)>> = HashMap::new();
    for (who, file) in files.iter().enumerate() {
        for annotation in file.annotations() {
            let same = members.entry(key(annotation, registry)).or_default();
            // An annotator's duplicate counts once: the first in text order.
            if same.last().is_none_or(|(last, _)| *last != who) {
                same.push((who, annotation));
            }
        }
    }
    let mut variants: Vec<Variant> = members
        .into_values()
        .map(|members| variant(&members, names, registry))
        .collect();
    variants.sort_by(|a, b| order(&a.annotation).cmp(&order(&b.annotation)));
    variants
}

/// `"ana, ben"`.
fn listed(who: &[usize], names: &[String]) -> String {
    let names: Vec<&str> = who.iter().map(|&i| names[i].as_str()).collect();
    names.join(", ")
}

/// The value most annotators gave, a given one beating none and a tie going to the first
/// annotator; and, when they did not all give the same, who gave the one kept.
fn most_given<T: Clone + PartialEq>(
    values: &[(usize, Option<T>)],
) -> (Option<T>, Option<Vec<usize>>) {
    let givers = |value: &T| -> Vec<usize> {
        values
            .iter()
            .filter(|(_, v)| v.as_ref() == Some(value))
            .map(|(who, _)| *who)
            .collect()
    };
    let best = values
        .iter()
        .filter_map(|(_, v)| v.as_ref())
        .max_by_key(|v| (givers(v).len(), Reverse(givers(v)[0])))
        .cloned();
    let all_same = values.windows(2).all(|w| w[0].1 == w[1].1);
    let kept_by = (!all_same).then(|| best.as_ref().map(givers).unwrap_or_default());
    (best, kept_by)
}

/// The variant of one key's annotations (one per annotator, in annotator order).
fn variant(members: &[(usize, &Annotation)], names: &[String], registry: &Registry) -> Variant {
    let (_, first) = members[0];
    let mut remarks = Vec::new();
    let mut kept = |what: &str, kept_by: Option<Vec<usize>>| {
        if let Some(who) = kept_by {
            remarks.push(format!(
                "{what} differ; kept the one {} gave",
                listed(&who, names)
            ));
        }
    };
    let part = |pick: fn(&Attribution) -> Option<Span>| -> Vec<(usize, Option<Span>)> {
        let of = |a: &Annotation| a.attribution.as_ref().and_then(pick);
        members.iter().map(|(who, a)| (*who, of(a))).collect()
    };
    let attribution = first.source().map(|name| {
        let (mention, by) = most_given(&part(|a| a.mention));
        kept("mentions", by);
        let (cue, by) = most_given(&part(|a| a.cue));
        kept("cues", by);
        Attribution {
            source: registry.canonical(name),
            mention,
            cue,
        }
    });
    let pieces: Vec<(usize, Option<Vec<Span>>)> = members
        .iter()
        .map(|(who, a)| (*who, Some(a.fragments.clone()).filter(|f| !f.is_empty())))
        .collect();
    let (fragments, by) = most_given(&pieces);
    kept("pieces", by);
    Variant {
        annotation: Annotation {
            fragments: fragments.unwrap_or_default(),
            attribution,
            note: notes(members, names),
            provenance: None,
            ..first.clone()
        },
        annotators: members.iter().map(|(who, _)| *who).collect(),
        remarks,
    }
}

/// The annotators' notes: each distinct one once, after the names of those who wrote it.
fn notes(members: &[(usize, &Annotation)], names: &[String]) -> String {
    if names.len() == 1 {
        return members[0].1.note.clone();
    }
    let mut distinct: Vec<(&str, Vec<usize>)> = Vec::new();
    for (who, a) in members.iter().filter(|(_, a)| !a.note.trim().is_empty()) {
        match distinct.iter_mut().find(|(note, _)| *note == a.note) {
            Some((_, writers)) => writers.push(*who),
            None => distinct.push((&a.note, vec![*who])),
        }
    }
    let lines: Vec<String> = distinct
        .iter()
        .map(|(note, who)| format!("{}: {note}", listed(who, names)))
        .collect();
    lines.join("\n")
}

/// Which variants are agreed: made by at least `min` annotators and not tied with or beaten by
/// another variant of the same span made by other annotators.
pub(super) fn agreed(variants: &[Variant], min: usize) -> Vec<bool> {
    let mut same_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, v) in variants.iter().enumerate() {
        let span = v.annotation.span;
        same_span
            .entry((span.start(), span.end()))
            .or_default()
            .push(i);
    }
    let apart = |a: &Variant, b: &Variant| !a.annotators.iter().any(|w| b.annotators.contains(w));
    variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let span = (v.annotation.span.start(), v.annotation.span.end());
            let rivalled = same_span[&span].iter().any(|&j| {
                j != i && apart(v, &variants[j]) && variants[j].agreement() >= v.agreement()
            });
            v.agreement() >= min && !rivalled
        })
        .collect()
}

/// Variants that overlap, as an adjudicator sees them.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// 1, 2, … in the order of `Merge::groups`: the lowest agreement first, then text order.
    pub number: usize,
    /// From the earliest start to the latest end of its variants (code points).
    pub start: usize,
    pub end: usize,
    /// The most annotators first, then in text order.
    pub variants: Vec<Variant>,
}

impl Group {
    /// The most annotators any of its variants has.
    pub fn agreement(&self) -> usize {
        self.variants
            .iter()
            .map(Variant::agreement)
            .max()
            .unwrap_or(0)
    }

    /// The annotators (indices) with no variant in the group: they marked nothing here.
    pub fn silent(&self, annotators: usize) -> Vec<usize> {
        (0..annotators)
            .filter(|who| !self.variants.iter().any(|v| v.annotators.contains(who)))
            .collect()
    }
}

/// The groups of `open` variants (in text order): those whose spans overlap, transitively.
pub(super) fn groups(open: Vec<Variant>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for variant in open {
        let span = variant.annotation.span;
        match groups.last_mut() {
            Some(group) if span.start() < group.end => {
                group.end = group.end.max(span.end());
                group.variants.push(variant);
            }
            _ => groups.push(Group {
                number: 0,
                start: span.start(),
                end: span.end(),
                variants: vec![variant],
            }),
        }
    }
    for group in &mut groups {
        group.variants.sort_by(|a, b| {
            (Reverse(a.agreement()), order(&a.annotation))
                .cmp(&(Reverse(b.agreement()), order(&b.annotation)))
        });
    }
    groups.sort_by_key(|g| (g.agreement(), g.start, Reverse(g.end)));
    for (i, group) in groups.iter_mut().enumerate() {
        group.number = i + 1;
    }
    groups
}
