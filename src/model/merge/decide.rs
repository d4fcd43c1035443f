//! An adjudicator's decisions on groups of disagreeing annotations, and the gold annotations a
//! decision yields.
//!
//! A decision keeps any number of annotations from a group (none rejects every variant): a
//! variant as it is, the span of one variant with the label and attribution of another, or an
//! annotation the adjudicator made. Each is adjudicated: its provenance names the annotators
//! whose variant in the group is exactly that annotation (same span, label and source), with
//! the decision's note and reason.

use super::error::MergeError;
use super::registry::Registry;
use super::variants::{key, Group};
use crate::model::annotation::{Annotation, Attribution, Label};
use crate::model::boundaries::split_problem;
use crate::model::provenance::{agreement, Provenance, Reason, Status};
use crate::model::span::Span;
use crate::model::text::Document;

/// One annotation a decision keeps. Variants are named by their index in `Group::variants`.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// A variant as it is.
    Pick(usize),
    /// The span (and pieces) of one variant with the label and attribution of another; the
    /// notes of both.
    Combine { span: usize, label: usize },
    /// The adjudicator's own annotation (its id and provenance are replaced; its source is
    /// stored as the gold set names it).
    Edit(Box<Annotation>),
}

/// What an adjudicator decided for one group.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The annotations the group gives the gold set; none rejects all its variants.
    pub choices: Vec<Choice>,
    pub note: String,
    pub reason: Option<Reason>,
}

impl Decision {
    fn of(choices: Vec<Choice>) -> Decision {
        Decision {
            choices,
            note: String::new(),
            reason: None,
        }
    }

    /// Keep variant `variant`.
    pub fn pick(variant: usize) -> Decision {
        Decision::of(vec![Choice::Pick(variant)])
    }

    /// Keep the span of variant `span` with the label and attribution of variant `label`.
    pub fn combine(span: usize, label: usize) -> Decision {
        Decision::of(vec![Choice::Combine { span, label }])
    }

    /// Keep the adjudicator's own annotation.
    pub fn edit(annotation: Annotation) -> Decision {
        Decision::of(vec![Choice::Edit(Box::new(annotation))])
    }

    /// Keep none of the group's variants.
    pub fn reject_all() -> Decision {
        Decision::of(Vec::new())
    }

    pub fn with_note(self, note: impl Into<String>) -> Decision {
        Decision {
            note: note.into(),
            ..self
        }
    }

    pub fn with_reason(self, reason: Reason) -> Decision {
        Decision {
            reason: Some(reason),
            ..self
        }
    }

    /// Whether the decision keeps nothing.
    pub fn rejects_all(&self) -> bool {
        self.choices.is_empty()
    }
}

/// What the gold set's annotations must fit.
pub(super) struct Frame<'a> {
    pub document: &'a Document,
    pub labels: &'a [Label],
    pub registry: &'a Registry,
    pub names: &'a [String],
}

/// The adjudicated annotations `decision` gives `group` (ids still to be given), or why the
/// decision cannot be taken.
pub(super) fn resolve(
    group: &Group,
    decision: &Decision,
    frame: &Frame,
) -> Result<Vec<Annotation>, MergeError> {
    let variant = |i: usize| {
        group.variants.get(i).ok_or(MergeError::NoVariant {
            group: group.number,
            variant: i,
        })
    };
    let mut kept: Vec<Annotation> = Vec::new();
    for choice in &decision.choices {
        let annotation = match choice {
            Choice::Pick(i) => variant(*i)?.annotation.clone(),
            Choice::Combine { span, label } => {
                let (from, to) = (&variant(*span)?.annotation, &variant(*label)?.annotation);
                let mut notes: Vec<&str> = vec![&from.note];
                if to.note != from.note {
                    notes.push(&to.note);
                }
                notes.retain(|n| !n.is_empty());
                Annotation {
                    label: to.label.clone(),
                    attribution: to.attribution.clone(),
                    note: notes.join("\n"),
                    ..from.clone()
                }
            }
            Choice::Edit(annotation) => edited(annotation, frame)?,
        };
        let same = key(&annotation, frame.registry);
        if kept.iter().any(|k| key(k, frame.registry) == same) {
            continue;
        }
        let who: Vec<usize> = group
            .variants
            .iter()
            .filter(|v| key(&v.annotation, frame.registry) == same)
            .flat_map(|v| v.annotators.iter().copied())
            .collect();
        kept.push(Annotation {
            provenance: Some(Provenance {
                status: Status::Adjudicated,
                annotators: who.iter().map(|&i| frame.names[i].clone()).collect(),
                agreement: agreement(who.len(), frame.names.len()),
                note: decision.note.clone(),
                reason: decision.reason,
            }),
            ..annotation
        });
    }
    Ok(kept)
}

/// The adjudicator's annotation checked against the text and labels, its source named as the
/// gold set names it.
fn edited(annotation: &Annotation, frame: &Frame) -> Result<Annotation, MergeError> {
    let text = &frame.document.text;
    let fits = |span: Span, what: &str| -> Result<(), MergeError> {
        if span.end() > text.len() {
            return Err(MergeError::Edit(format!(
                "{what} {span} ends past the end of the text ({} code points)",
                text.len()
            )));
        }
        match split_problem(text, span) {
            Some(problem) => Err(MergeError::Edit(format!("{what}: {problem}"))),
            None => Ok(()),
        }
    };
    fits(annotation.span, "the span")?;
    for piece in &annotation.fragments {
        fits(*piece, "a piece")?;
    }
    if !frame.labels.iter().any(|l| l.id == annotation.label) {
        return Err(MergeError::Edit(format!(
            "the label “{}” is not one of the annotators' labels",
            annotation.label
        )));
    }
    let attribution = match &annotation.attribution {
        None => None,
        Some(a) => {
            for (part, what) in [(a.mention, "the mention"), (a.cue, "the cue")] {
                if let Some(span) = part {
                    fits(span, what)?;
                }
            }
            Attribution::named(&a.source).map(|named| Attribution {
                source: frame.registry.canonical(&named.source),
                mention: a.mention,
                cue: a.cue,
            })
        }
    };
    Ok(Annotation {
        attribution,
        provenance: None,
        ..annotation.clone()
    })
}
