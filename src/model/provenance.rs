//! Where an annotation of a gold set came from: how many annotators agreed on it, who, and
//! what an adjudicator decided and why ([`Provenance`]). Written by the merge
//! (`model::merge`), carried by every file format, and `None` on annotations nobody merged.
//!
//! The ids here (`unanimous`, `guideline-gap`, …) are the ones files store.

use std::fmt;

/// How an annotation reached the gold set (or failed to).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Every annotator made it exactly (same span, label and source).
    Unanimous,
    /// At least the required number of annotators made it, not all.
    Majority,
    /// An adjudicator chose it for a group of disagreeing annotations.
    Adjudicated,
    /// The only annotator's (a merge of one file).
    Single,
    /// A variant of an unresolved disagreement; groups are numbered from 1.
    Conflict { group: usize },
}

impl Status {
    /// Every status id, in the order of the format's documentation.
    pub const IDS: [&'static str; 5] =
        ["unanimous", "majority", "adjudicated", "single", "conflict"];

    /// The id files store (`"conflict"` for every group).
    pub fn id(self) -> &'static str {
        match self {
            Status::Unanimous => "unanimous",
            Status::Majority => "majority",
            Status::Adjudicated => "adjudicated",
            Status::Single => "single",
            Status::Conflict { .. } => "conflict",
        }
    }

    /// The status with this id; a conflict needs its group (≥ 1), the others take none.
    pub fn from_id(id: &str, group: Option<usize>) -> Result<Status, String> {
        let status = match (id, group) {
            ("conflict", Some(group)) if group >= 1 => Status::Conflict { group },
            ("conflict", _) => return Err("a conflict needs its \"group\" (1 or more)".into()),
            (_, Some(_)) if Status::IDS.contains(&id) => {
                return Err(format!("only a conflict has a \"group\", not {id:?}"))
            }
            ("unanimous", None) => Status::Unanimous,
            ("majority", None) => Status::Majority,
            ("adjudicated", None) => Status::Adjudicated,
            ("single", None) => Status::Single,
            _ => {
                let known = Status::IDS.join(", ");
                return Err(format!("\"status\" must be one of {known}, found {id:?}"));
            }
        };
        Ok(status)
    }

    /// The group of a conflict.
    pub fn group(self) -> Option<usize> {
        match self {
            Status::Conflict { group } => Some(group),
            _ => None,
        }
    }
}

/// Why an adjudicator decided as they did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The guidelines do not say how to annotate this.
    GuidelineGap,
    /// The text can be read more than one way.
    AmbiguousText,
    /// An annotator made a mistake.
    AnnotatorSlip,
    /// The annotators disagree on where the span starts or ends.
    Boundary,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::GuidelineGap,
        Reason::AmbiguousText,
        Reason::AnnotatorSlip,
        Reason::Boundary,
    ];

    /// The id files store.
    pub fn id(self) -> &'static str {
        match self {
            Reason::GuidelineGap => "guideline-gap",
            Reason::AmbiguousText => "ambiguous-text",
            Reason::AnnotatorSlip => "annotator-slip",
            Reason::Boundary => "boundary",
        }
    }

    /// How the reason is shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Reason::GuidelineGap => "guideline gap",
            Reason::AmbiguousText => "ambiguous text",
            Reason::AnnotatorSlip => "annotator slip",
            Reason::Boundary => "boundary",
        }
    }

    pub fn from_id(id: &str) -> Result<Reason, String> {
        Reason::ALL
            .into_iter()
            .find(|r| r.id() == id)
            .ok_or_else(|| {
                let known: Vec<&str> = Reason::ALL.iter().map(|r| r.id()).collect();
                format!(
                    "\"reason\" must be one of {}, found {id:?}",
                    known.join(", ")
                )
            })
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a gold annotation came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub status: Status,
    /// The annotators who made exactly this annotation, in the order they were given.
    pub annotators: Vec<String>,
    /// How many of all the annotators made it, as `"2/3"` ([`agreement`]).
    pub agreement: String,
    /// What the merge or the adjudicator says about it (empty when nothing).
    pub note: String,
    /// Why an adjudicator decided so.
    pub reason: Option<Reason>,
}

/// `k` of `n` annotators as stored: `"k/n"`.
pub fn agreement(k: usize, n: usize) -> String {
    format!("{k}/{n}")
}

/// `(k, n)` of an agreement `"k/n"`: digits only, `n ≥ 1` and `k ≤ n`.
pub fn parse_agreement(agreement: &str) -> Option<(usize, usize)> {
    let (k, n) = agreement.split_once('/')?;
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
    };
    let (k, n) = (number(k)?, number(n)?);
    (n >= 1 && k <= n).then_some((k, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: &str, group: Option<usize>, expected: Result<Status, &str>) {
        match (Status::from_id(id, group), expected) {
            (Ok(got), Ok(want)) => assert_eq!(got, want),
            (Err(got), Err(want)) => assert!(got.contains(want), "{got:?} lacks {want:?}"),
            (got, want) => panic!("{id} {group:?}: got {got:?}, expected {want:?}"),
        }
    }

    #[test]
    fn statuses_read_back_from_their_ids() {
        check("unanimous", None, Ok(Status::Unanimous));
        check("single", None, Ok(Status::Single));
        check("conflict", Some(3), Ok(Status::Conflict { group: 3 }));
        check("conflict", None, Err("needs its \"group\""));
        check("conflict", Some(0), Err("needs its \"group\""));
        check("majority", Some(1), Err("only a conflict has a \"group\""));
        check("Majority", None, Err("must be one of unanimous, majority"));
        for status in [
            Status::Majority,
            Status::Adjudicated,
            Status::Conflict { group: 1 },
        ] {
            assert_eq!(Status::from_id(status.id(), status.group()), Ok(status));
        }
    }

    #[test]
    fn agreements_are_k_of_n() {
        assert_eq!(agreement(2, 3), "2/3");
        for (text, expected) in [
            ("2/3", Some((2, 3))),
            ("0/1", Some((0, 1))),
            ("3/3", Some((3, 3))),
            ("4/3", None),
            ("1/0", None),
            ("+1/2", None),
            ("1 /2", None),
            ("½", None),
            ("٢/٣", None),
            ("", None),
        ] {
            assert_eq!(parse_agreement(text), expected, "{text}");
        }
        for reason in Reason::ALL {
            assert_eq!(Reason::from_id(reason.id()), Ok(reason));
        }
        assert!(Reason::from_id("typo").is_err());
    }
}
