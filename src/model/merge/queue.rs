//! An adjudicator's way through several documents' merges ([`Adjudication`]): every group of
//! every document in one queue (documents in order; each document's groups as
//! `Merge::groups` orders them, the lowest agreement first), a place in it, decisions that move
//! on to the next open group, and the gold sets and report of them all. The browser's
//! adjudication screen keeps one; [`context`] is how it quotes a span.

use super::decide::Decision;
use super::gold::{Merge, Summary};
use super::report::corpus_csv;
use super::variants::Group;
use crate::model::annotation::Annotation;
use crate::model::boundaries::graphemes;
use crate::model::text::Text;
use crate::model::workspace::Workspace;

use super::error::MergeError;

/// Several documents' merges and where the adjudicator is among their groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Adjudication {
    merges: Vec<Merge>,
    /// Every group as (document, group number), in queue order.
    queue: Vec<(usize, usize)>,
    /// The adjudicator's place in `queue` (0 when it is empty).
    at: usize,
}

impl Adjudication {
    /// The queue of `merges` (one per document), at its first group.
    pub fn new(merges: Vec<Merge>) -> Adjudication {
        let queue = merges
            .iter()
            .enumerate()
            .flat_map(|(d, m)| m.groups().iter().map(move |g| (d, g.number)))
            .collect();
        Adjudication {
            merges,
            queue,
            at: 0,
        }
    }

    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// How many groups the queue holds, decided or not.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The place in the queue (from 0).
    pub fn position(&self) -> usize {
        self.at
    }

    /// The document (its index) and group at the adjudicator's place.
    pub fn current(&self) -> Option<(usize, &Group)> {
        let &(document, number) = self.queue.get(self.at)?;
        Some((document, self.merges[document].group(number)?))
    }

    /// The merge of the current group's document.
    pub fn merge(&self) -> Option<&Merge> {
        self.current().map(|(d, _)| &self.merges[d])
    }

    /// The decision taken on the current group, if any.
    pub fn decision(&self) -> Option<&Decision> {
        let &(document, number) = self.queue.get(self.at)?;
        self.merges[document].decision(number)
    }

    /// Moves `by` groups (negative: back), stopping at either end; whether it moved.
    pub fn step(&mut self, by: isize) -> bool {
        let last = self.queue.len().saturating_sub(1) as isize;
        let to = (self.at as isize + by).clamp(0, last) as usize;
        let moved = to != self.at;
        self.at = to;
        moved
    }

    /// Goes to place `index` of the queue (the last place when past it).
    pub fn go_to(&mut self, index: usize) {
        self.at = index.min(self.queue.len().saturating_sub(1));
    }

    /// What `decision` would give the gold set for the current group.
    pub fn preview(&self, decision: &Decision) -> Result<Vec<Annotation>, MergeError> {
        let &(document, number) = self.queue.get(self.at).ok_or(MergeError::NoGroup(0))?;
        self.merges[document].preview(number, decision)
    }

    /// Takes `decision` for the current group, then goes to the next open group (after this
    /// one, then from the start); stays when none is open. Refused, changing nothing, as
    /// `Merge::decide` refuses.
    pub fn decide(&mut self, decision: Decision) -> Result<Vec<Annotation>, MergeError> {
        let &(document, number) = self.queue.get(self.at).ok_or(MergeError::NoGroup(0))?;
        let kept = self.merges[document].decide(number, decision)?;
        let n = self.queue.len();
        let next = (1..n).map(|i| (self.at + i) % n).find(|&i| self.is_open(i));
        if let Some(next) = next {
            self.at = next;
        }
        Ok(kept)
    }

    /// Takes back the decision on the current group.
    pub fn reopen(&mut self) -> Option<Decision> {
        let &(document, number) = self.queue.get(self.at)?;
        self.merges[document].reopen(number)
    }

    fn is_open(&self, index: usize) -> bool {
        let (document, number) = self.queue[index];
        self.merges[document].decision(number).is_none()
    }

    /// How many groups are still open.
    pub fn open(&self) -> usize {
        (0..self.queue.len()).filter(|&i| self.is_open(i)).count()
    }

    /// Every document's summary, added up.
    pub fn summary(&self) -> Summary {
        let mut total = Summary::default();
        for s in self.merges.iter().map(Merge::summary) {
            total.unanimous += s.unanimous;
            total.majority += s.majority;
            total.single += s.single;
            total.adjudicated += s.adjudicated;
            total.decided += s.decided;
            total.rejected += s.rejected;
            total.open += s.open;
        }
        total
    }

    /// The gold set of every document, in order.
    pub fn golds(&self) -> Vec<Workspace> {
        self.merges.iter().map(Merge::gold).collect()
    }

    /// The report as CSV: `MergeReport::csv` for one document; for several, the same rows
    /// after a `document` column (its title).
    pub fn report_csv(&self) -> String {
        match self.merges.as_slice() {
            [one] => one.report().csv(),
            many => {
                let reports: Vec<_> = many
                    .iter()
                    .map(|m| (m.document().title.clone(), m.report()))
                    .collect();
                corpus_csv(&reports)
            }
        }
    }
}

/// A span quoted with a little of the text around it, for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// Up to `around` grapheme clusters before the span, within its paragraph ("…" first when
    /// cut short).
    pub before: String,
    pub quote: String,
    /// Up to `around` grapheme clusters after it, within its paragraph ("…" last when cut).
    pub after: String,
}

/// The span `start..end` of `text` with up to `around` grapheme clusters of context on each
/// side, never past a line break.
pub fn context(text: &Text, start: usize, end: usize, around: usize) -> Context {
    let line_start = text
        .slice(0, start)
        .rfind('\n')
        .map_or(0, |byte| text.slice(0, start)[..=byte].chars().count());
    let before = text.slice(line_start, start);
    let clusters: Vec<&str> = graphemes(before).collect();
    let before = match clusters.len().checked_sub(around) {
        Some(cut) if cut > 0 => format!("…{}", clusters[cut..].concat()),
        _ => before.to_string(),
    };
    let rest = text.slice(end, text.len());
    let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut kept: Vec<&str> = graphemes(rest).take(around + 1).collect();
    let after = if kept.len() > around {
        kept.pop();
        format!("{}…", kept.concat())
    } else {
        kept.concat()
    };
    Context {
        before,
        quote: text.slice(start, end).to_string(),
        after,
    }
}
