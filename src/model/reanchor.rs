//! Moving annotations made on one version of a text onto another version.
//!
//! Each annotation's quote, with up to 32 code points of context either side from the old
//! text, is looked for in the new text: at the same offsets (placed exactly), elsewhere as the
//! same words (moved, the context picking the right occurrence), or, for small edits inside the
//! quote, between its unchanged beginning and end (edited). What cannot be found is returned,
//! not dropped, so the caller can show and keep it. The rule for each quote is
//! `relocate`'s.
//!
//! The two texts are aligned first (`align`: one diff, coarse then fine), which says where
//! each quote is expected; most quotes are proven there (`relocate::look`), and only the rest
//! are looked for everywhere, all in one pass over the new text (`scan`). So the work grows
//! with the text plus the annotations, not their product. [`Reanchoring`] does it in steps
//! of bounded size, so a browser can spread it over frames; [`reanchor`] does it at once.

use super::align::{Aligning, Alignment};
use super::annotation::Annotation;
use super::boundaries::split_problem;
use super::relocate::{ends_to_find, look, resolve, Edited, Look, Occurrences, Placement};
use super::scan::Scan;
use super::span::Span;
use super::text::{Document, Text};
use super::workspace::Workspace;

/// The outcome of moving a document's annotations onto another text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reanchored {
    /// The new text with the annotations that were placed (and the old labels and sources).
    pub workspace: Workspace,
    pub exact: usize,
    pub moved: usize,
    pub edited: usize,
    /// Annotations whose quote was not found, as they were on the old text.
    pub unplaced: Vec<Annotation>,
    /// Attribution mentions and cues that could not be placed (their annotations were).
    pub mentions_dropped: usize,
}

/// A span that needs a search of the whole new text: which, where it is expected, and the
/// strings of the scan it needs (its quote, and its head and tail when `edited` says so).
#[derive(Clone, Copy, Debug)]
struct Pending {
    span: usize,
    hint: usize,
    edited: Edited,
    quote: usize,
    head: usize,
    tail: Option<usize>,
}

/// Work of the scan (about a byte each) per unit of a step's budget.
const SCAN_UNIT: usize = 1024;

enum Stage {
    Align(Aligning),
    Look(Alignment, usize),
    Scan(Scan),
    Resolve(Scan, usize),
    Done,
}

/// Moving a document's annotations onto another text, a bounded piece at a time.
pub struct Reanchoring {
    old: Text,
    document: Document,
    /// Every span to place: each annotation's, then its mention's and its cue's if it has them.
    spans: Vec<Span>,
    found: Vec<Option<(Span, Placement)>>,
    pending: Vec<Pending>,
    stage: Stage,
}

impl Reanchoring {
    /// Starts moving the annotations of `old` onto `document`.
    pub fn new(old: &Workspace, document: &Document) -> Reanchoring {
        let spans: Vec<Span> = old
            .annotations()
            .iter()
            .flat_map(|a| {
                let links = a
                    .attribution
                    .iter()
                    .flat_map(|t| t.mention.into_iter().chain(t.cue));
                std::iter::once(a.span).chain(links)
            })
            .collect();
        let (from, to) = (&old.document.text, &document.text);
        let aligning = Aligning::new(from.as_str(), from.len(), to.as_str(), to.len());
        Reanchoring {
            found: vec![None; spans.len()],
            spans,
            pending: Vec::new(),
            stage: Stage::Align(aligning),
            old: from.clone(),
            document: document.clone(),
        }
    }

    /// Does about `budget` units of work: a span placed (or resolved after the search), a KiB
    /// of the new text searched (less where many quotes begin alike), or a changed stretch of
    /// the texts diffed (the first, the whole text by lines and sentences, cannot be split).
    /// Whether everything is done.
    pub fn step(&mut self, budget: usize) -> bool {
        let budget = budget.max(1);
        let (old, new) = (self.old.as_str(), self.document.text.as_str());
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Align(mut aligning) => match aligning.step(old, new, budget) {
                true => Stage::Look(aligning.finish(old, new), 0),
                false => Stage::Align(aligning),
            },
            Stage::Look(alignment, next) => self.look(alignment, next, budget),
            Stage::Scan(mut scan) => match scan.advance(new, budget.saturating_mul(SCAN_UNIT)) {
                true => Stage::Resolve(scan, 0),
                false => Stage::Scan(scan),
            },
            Stage::Resolve(scan, next) => self.resolve(scan, next, budget),
            Stage::Done => Stage::Done,
        };
        matches!(self.stage, Stage::Done)
    }

    /// Looks for up to `budget` spans from the `next` where they are expected.
    fn look(&mut self, alignment: Alignment, next: usize, budget: usize) -> Stage {
        let (old, new) = (&self.old, &self.document.text);
        let end = next.saturating_add(budget).min(self.spans.len());
        for (i, &span) in self.spans.iter().enumerate().take(end).skip(next) {
            let hint = alignment.expected(span.start());
            match look(old, new, span, hint) {
                Look::Placed(found, how) => self.found[i] = Some((found, how)),
                Look::Search(edited) => self.pending.push(Pending {
                    span: i,
                    hint,
                    edited,
                    quote: 0,
                    head: 0,
                    tail: None,
                }),
            }
        }
        match end == self.spans.len() {
            true => self.start_scan(),
            false => Stage::Look(alignment, end),
        }
    }

    /// Places up to `budget` of the spans left to the search, from the `next`.
    fn resolve(&mut self, scan: Scan, next: usize, budget: usize) -> Stage {
        let texts = (&self.old, &self.document.text);
        let end = next.saturating_add(budget).min(self.pending.len());
        for p in &self.pending[next..end] {
            let occurrences = Occurrences {
                quote: scan.occurrences(p.quote),
                head: scan.occurrences(p.head),
                tail: p.tail.map(|tail| scan.occurrences(tail)),
            };
            let span = self.spans[p.span];
            self.found[p.span] = resolve(texts, span, p.hint, p.edited, occurrences);
        }
        match end == self.pending.len() {
            true => Stage::Done,
            false => Stage::Resolve(scan, end),
        }
    }

    /// The scan for every quote (and head) left by the looks, or the end if none is.
    fn start_scan(&mut self) -> Stage {
        if self.pending.is_empty() {
            return Stage::Done;
        }
        let old = &self.old;
        let mut strings: Vec<&str> = Vec::with_capacity(2 * self.pending.len());
        for p in &mut self.pending {
            let span = self.spans[p.span];
            p.quote = strings.len();
            strings.push(old.quote(span));
            if let (Edited::Everywhere, Some((head, tail))) = (p.edited, ends_to_find(old, span)) {
                p.head = strings.len();
                strings.push(head);
                p.tail = tail.map(|tail| {
                    strings.push(tail);
                    strings.len() - 1
                });
            }
        }
        Stage::Scan(Scan::new(&strings))
    }

    /// How far the work is, in percent (a rough guide for a progress line).
    pub fn percent(&self) -> usize {
        let part = |done: usize, total: usize| done * 100 / total.max(1);
        match &self.stage {
            Stage::Align(_) => 0,
            Stage::Look(_, next) => 10 + part(*next, self.spans.len()) * 6 / 10,
            Stage::Scan(scan) => 70 + part(scan.scanned(), self.document.text.as_str().len()) / 5,
            Stage::Resolve(_, next) => 90 + part(*next, self.pending.len()) / 10,
            Stage::Done => 100,
        }
    }

    /// Where the span at `index` was placed, unless it would split a character.
    fn placed(&self, index: usize) -> Option<(Span, Placement)> {
        let text = &self.document.text;
        self.found[index].filter(|(span, _)| split_problem(text, *span).is_none())
    }

    /// The outcome, after finishing what is left; `old` is the workspace given to
    /// [`Reanchoring::new`].
    pub fn finish(mut self, old: &Workspace) -> Reanchored {
        while !self.step(usize::MAX) {}
        debug_assert!(old.document.text == self.old, "the workspace given to new");
        let (mut counts, mut unplaced, mut mentions_dropped) = ([0; 3], Vec::new(), 0);
        let mut placed = Vec::new();
        let mut next = 0;
        for annotation in old.annotations() {
            let own = next;
            let links = annotation.attribution.as_ref().map_or(0, |t| {
                usize::from(t.mention.is_some()) + usize::from(t.cue.is_some())
            });
            next += 1 + links;
            let Some((span, how)) = self.placed(own) else {
                unplaced.push(annotation.clone());
                continue;
            };
            counts[how as usize] += 1;
            let mut moved = Annotation {
                span,
                fragments: moved_fragments(annotation, span, self.document.text.len()),
                ..annotation.clone()
            };
            if let Some(attribution) = moved.attribution.as_mut() {
                let links = [&mut attribution.mention, &mut attribution.cue];
                for (link, linked) in (own + 1..).zip(links.into_iter().filter(|l| l.is_some())) {
                    *linked = self.placed(link).map(|(m, _)| m);
                    mentions_dropped += usize::from(linked.is_none());
                }
            }
            placed.push(moved);
        }
        let (labels, sources) = (old.labels.clone(), old.sources.clone());
        Reanchored {
            workspace: Workspace::from_parts(self.document, labels, sources, placed),
            exact: counts[Placement::Exact as usize],
            moved: counts[Placement::Moved as usize],
            edited: counts[Placement::Edited as usize],
            unplaced,
            mentions_dropped,
        }
    }
}

/// Moves the annotations of `old` onto `document`.
pub fn reanchor(old: &Workspace, document: &Document) -> Reanchored {
    Reanchoring::new(old, document).finish(old)
}

/// The pieces of a discontinuous span moved with it; dropped (the span stays whole) when the
/// span was found with edits inside it.
fn moved_fragments(annotation: &Annotation, span: Span, len: usize) -> Vec<Span> {
    if span.len() != annotation.span.len() {
        return Vec::new();
    }
    let (from, to) = (annotation.span.start(), span.start());
    annotation
        .fragments
        .iter()
        .filter_map(|f| Span::new(f.start() - from + to, f.end() - from + to, len).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Attribution, LabelId};

    fn annotated(text: &str, quotes: &[&str]) -> Workspace {
        let document = Document::new("old", text);
        let annotations = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let byte = text.find(q).unwrap();
                let start = text[..byte].chars().count();
                Annotation {
                    id: AnnotationId::new(&format!("a{}", i + 1)),
                    span: Span::new(start, start + q.chars().count(), document.text.len()).unwrap(),
                    fragments: Vec::new(),
                    label: LabelId::new("claim"),
                    attribution: Attribution::named("Kabul"),
                    note: String::new(),
                    created: String::new(),
                    modified: String::new(),
                    provenance: None,
                }
            })
            .collect();
        Workspace::from_parts(
            document,
            crate::model::annotation::default_labels(),
            Vec::new(),
            annotations,
        )
    }

    #[test]
    fn the_pieces_of_a_discontinuous_span_move_with_it() {
        let mut old = annotated(
            "محادثات: Kabul accused Islamabad today.",
            &["Kabul accused Islamabad"],
        );
        let a = old.annotations()[0].clone();
        let (s, e) = (a.span.start(), a.span.end());
        let pieces = vec![
            Span::new(s, s + 5, old.document.text.len()).unwrap(),
            Span::new(e - 9, e, old.document.text.len()).unwrap(),
        ];
        old = Workspace::from_parts(
            old.document.clone(),
            old.labels.clone(),
            Vec::new(),
            vec![Annotation {
                fragments: pieces,
                ..a
            }],
        );
        let new = Document::new("new", "🙂 Update — محادثات: Kabul accused Islamabad today.");
        let result = reanchor(&old, &new);
        let moved = &result.workspace.annotations()[0];
        let quotes: Vec<&str> = moved.fragments.iter().map(|f| new.text.quote(*f)).collect();
        assert_eq!(quotes, ["Kabul", "Islamabad"]);
    }

    #[test]
    fn annotations_follow_their_quotes_onto_an_edited_text() {
        let old = annotated(
            "Kabul 🙂 accused Islamabad of airspace violations. Islamabad denied it. Talks resume today.",
            &["accused Islamabad", "Islamabad denied it", "Talks resume today", "airspace violations"],
        );
        let new = Document::new(
            "new",
            "Update: Kabul 🙂 accused Islamabad of repeated airspace violations. Islamabad flatly denied it. Nothing else.",
        );
        let result = reanchor(&old, &new);
        let quotes: Vec<&str> = result
            .workspace
            .annotations()
            .iter()
            .map(|a| result.workspace.quote(a))
            .collect();
        assert_eq!(quotes, ["accused Islamabad", "airspace violations"]);
        assert_eq!((result.exact, result.moved, result.edited), (0, 2, 0));
        let unplaced: Vec<&str> = result.unplaced.iter().map(|a| old.quote(a)).collect();
        assert_eq!(
            unplaced,
            ["Islamabad denied it", "Talks resume today"],
            "listed, not dropped"
        );
    }

    #[test]
    fn small_edits_inside_a_long_quote_are_tolerated() {
        let old = annotated(
            "Officials urged both nations to demonstrate restraint and resolve differences. End.",
            &["urged both nations to demonstrate restraint and resolve differences"],
        );
        let new = Document::new(
            "new",
            "Officials urged both nations to show restraint and resolve differences. End.",
        );
        let result = reanchor(&old, &new);
        assert_eq!(result.edited, 1);
        assert_eq!(
            result.workspace.quote(&result.workspace.annotations()[0]),
            "urged both nations to show restraint and resolve differences"
        );
    }

    #[test]
    fn unchanged_text_places_everything_exactly() {
        let old = annotated("Same text 👨🏻‍🚒 here.", &["text 👨🏻‍🚒 here"]);
        let result = reanchor(&old, &old.document);
        assert_eq!(
            (result.exact, result.moved, result.unplaced.len()),
            (1, 0, 0)
        );
    }
}
