//! What the re-anchoring tests share: annotated workspaces, and the outcome of re-anchoring
//! checked three ways (one call, steps of several sizes, and the rule as it was before the
//! alignment: every quote searched in the whole text, commit 364d200, with the expected place
//! from the alignment as the hint instead of the proportional one).
#![allow(dead_code)]

use claimmark::model::align::align;
use claimmark::model::anchor::find_quote;
use claimmark::model::boundaries::split_problem;
use claimmark::model::reanchor::{reanchor, Reanchored, Reanchoring};
use claimmark::model::{
    Annotation, AnnotationId, Attribution, Document, LabelId, Span, Text, Workspace,
};

/// `text` with an annotation on the first occurrence of each quote (`quote@n` takes the n-th).
pub fn annotated(text: &str, quotes: &[&str]) -> Workspace {
    let spans: Vec<Span> = quotes.iter().map(|q| span_of(text, q)).collect();
    with_spans(text, &spans)
}

pub fn span_of(text: &str, quote: &str) -> Span {
    let (quote, nth) = match quote.split_once('@') {
        Some((q, n)) => (q, n.parse().unwrap()),
        None => (quote, 1),
    };
    let (byte, _) = text.match_indices(quote).nth(nth - 1).expect(quote);
    let start = text[..byte].chars().count();
    Span::new(start, start + quote.chars().count(), text.chars().count()).unwrap()
}

pub fn with_spans(text: &str, spans: &[Span]) -> Workspace {
    let annotations = spans.iter().enumerate().map(|(i, &span)| Annotation {
        id: AnnotationId::new(&format!("a{}", i + 1)),
        span,
        fragments: Vec::new(),
        label: LabelId::new("claim"),
        attribution: Attribution::named("Kabul"),
        note: String::new(),
        created: String::new(),
        modified: String::new(),
        provenance: None,
    });
    let labels = claimmark::model::annotation::default_labels();
    Workspace::from_parts(
        Document::new("old", text),
        labels,
        Vec::new(),
        annotations.collect(),
    )
}

/// Re-anchors onto `new` in one call and in steps of every size; all agree with the rule as it
/// was, searching every quote everywhere.
pub fn outcome(old: &Workspace, new: &str) -> Reanchored {
    let document = Document::new("new", new);
    let result = reanchor(old, &document);
    for budget in [1, 3, 1000] {
        let mut job = Reanchoring::new(old, &document);
        while !job.step(budget) {
            assert!(job.percent() < 100);
        }
        assert_eq!(job.finish(old), result, "in steps of {budget}");
    }
    assert_eq!(reference(old, &document), result, "the rule as it was");
    result
}

/// Where `span` of `old` lies in `new`, and how (0 exact, 1 moved, 2 edited).
fn place(old: &Text, new: &Text, span: Span, hint: usize) -> Option<(Span, usize)> {
    let (start, end) = (span.start(), span.end());
    let quote = old.quote(span);
    if new.slice(start, end) == quote && end <= new.len() {
        return Some((Span::new(start, end, new.len()).ok()?, 0));
    }
    let prefix = old.slice(start.saturating_sub(32), start);
    let suffix = old.slice(end, end + 32);
    if let Some(found) = find_quote(new, quote, prefix, suffix, Some(hint)) {
        return Some((found, 1));
    }
    edited_copy(new, quote, hint).map(|found| (found, 2))
}

fn edited_copy(new: &Text, quote: &str, hint: usize) -> Option<Span> {
    let length = quote.chars().count();
    if length < 25 {
        return None;
    }
    let head: String = quote.chars().take(12).collect();
    let tail: String = quote.chars().skip(length - 12).collect();
    let (shortest, longest) = (length * 7 / 10, length * 13 / 10);
    let haystack = new.as_str();
    let mut best: Option<(usize, Span)> = None;
    for (byte, _) in haystack.match_indices(head.as_str()) {
        let start = haystack[..byte].chars().count();
        let window = new.slice(start, start + longest);
        for (tail_byte, _) in window.match_indices(tail.as_str()) {
            let end = start + window[..tail_byte].chars().count() + 12;
            if (shortest..=longest).contains(&(end - start)) {
                let distance = start.abs_diff(hint);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, Span::new(start, end, new.len()).ok()?));
                }
            }
        }
    }
    best.map(|(_, span)| span)
}

fn reference(old: &Workspace, document: &Document) -> Reanchored {
    let (from, to) = (&old.document.text, &document.text);
    let alignment = align(from.as_str(), to.as_str());
    let place = |span: Span| {
        place(from, to, span, alignment.expected(span.start()))
            .filter(|(s, _)| split_problem(to, *s).is_none())
    };
    let (mut counts, mut unplaced, mut dropped, mut placed) = ([0; 3], Vec::new(), 0, Vec::new());
    for annotation in old.annotations() {
        let Some((span, how)) = place(annotation.span) else {
            unplaced.push(annotation.clone());
            continue;
        };
        counts[how] += 1;
        let mut moved = Annotation {
            span,
            ..annotation.clone()
        };
        if let Some(attribution) = moved.attribution.as_mut() {
            for linked in [&mut attribution.mention, &mut attribution.cue] {
                let Some(old_span) = *linked else { continue };
                *linked = place(old_span).map(|(m, _)| m);
                dropped += usize::from(linked.is_none());
            }
        }
        placed.push(moved);
    }
    Reanchored {
        workspace: Workspace::from_parts(
            document.clone(),
            old.labels.clone(),
            old.sources.clone(),
            placed,
        ),
        exact: counts[0],
        moved: counts[1],
        edited: counts[2],
        unplaced,
        mentions_dropped: dropped,
    }
}
