//! Re-anchoring as it was before the alignment (commit 364d200), kept verbatim for the
//! benchmark's "before" column and to compare placements: every quote that is not at the same
//! offsets is looked for in the whole new text.

use claimmark::model::annotation::Annotation;
use claimmark::model::boundaries::split_problem;
use claimmark::model::reanchor::Reanchored;
use claimmark::model::span::Span;
use claimmark::model::text::{Document, Text};
use claimmark::model::workspace::Workspace;

/// Length in code points of the common suffix of `a` and `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Length in code points of the common prefix of `a` and `b`.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The best occurrence of `exact` in `text`, judged by the context and the hint.
pub fn find_quote(
    text: &Text,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<Span> {
    if exact.is_empty() {
        return None;
    }
    let exact_len = exact.chars().count();
    let haystack = text.as_str();
    let mut best: Option<(usize, usize, Span)> = None;
    // Walk the occurrences in order, counting code points incrementally.
    let (mut last_byte, mut last_index) = (0, 0);
    for (byte, _) in haystack.match_indices(exact) {
        last_index += haystack[last_byte..byte].chars().count();
        last_byte = byte;
        let start = last_index;
        let span = Span::new(start, start + exact_len, text.len()).ok()?;
        let before = text.slice(start.saturating_sub(prefix.chars().count()), start);
        let after = text.slice(span.end(), span.end() + suffix.chars().count());
        let context = common_suffix(before, prefix) + common_prefix(after, suffix);
        let distance = hint.map_or(0, |h| h.abs_diff(start));
        let better = match best {
            None => true,
            Some((c, d, _)) => context > c || (context == c && distance < d),
        };
        if better {
            best = Some((context, distance, span));
        }
    }
    best.map(|(_, _, span)| span)
}

const CONTEXT: usize = 32;
/// Code points taken from each end of a quote to find an edited copy of it.
const END_PIECE: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    Exact,
    Moved,
    Edited,
}

/// Where `span` of `old` lies in `new`, and how it was found.
fn place(old: &Text, new: &Text, span: Span) -> Option<(Span, Placement)> {
    let (start, end) = (span.start(), span.end());
    let quote = old.quote(span);
    if new.slice(start, end) == quote && end <= new.len() {
        return Some((Span::new(start, end, new.len()).ok()?, Placement::Exact));
    }
    let prefix = old.slice(start.saturating_sub(CONTEXT), start);
    let suffix = old.slice(end, end + CONTEXT);
    let hint = start * new.len() / old.len().max(1);
    if let Some(found) = find_quote(new, quote, prefix, suffix, Some(hint)) {
        return Some((found, Placement::Moved));
    }
    edited_copy(new, quote, hint).map(|found| (found, Placement::Edited))
}

/// A stretch of `new` that begins and ends like `quote` and is about as long: the quote with
/// small edits inside. The candidate nearest `hint` wins.
fn edited_copy(new: &Text, quote: &str, hint: usize) -> Option<Span> {
    let length = quote.chars().count();
    if length < 2 * END_PIECE + 1 {
        return None;
    }
    let head: String = quote.chars().take(END_PIECE).collect();
    let tail: String = quote.chars().skip(length - END_PIECE).collect();
    let (shortest, longest) = (length * 7 / 10, length * 13 / 10);
    let haystack = new.as_str();
    let mut best: Option<(usize, Span)> = None;
    for (byte, _) in haystack.match_indices(head.as_str()) {
        let start = haystack[..byte].chars().count();
        let window = new.slice(start, start + longest);
        for (tail_byte, _) in window.match_indices(tail.as_str()) {
            let end = start + window[..tail_byte].chars().count() + END_PIECE;
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

/// Moves the annotations of `old` onto `document`.
pub fn reanchor(old: &Workspace, document: &Document) -> Reanchored {
    let (old_text, new_text) = (&old.document.text, &document.text);
    let mut result = Reanchored {
        workspace: Workspace::new(document.clone()),
        exact: 0,
        moved: 0,
        edited: 0,
        unplaced: Vec::new(),
        mentions_dropped: 0,
    };
    let mut placed = Vec::new();
    for annotation in old.annotations() {
        let found = place(old_text, new_text, annotation.span)
            .filter(|(span, _)| split_problem(new_text, *span).is_none());
        let Some((span, how)) = found else {
            result.unplaced.push(annotation.clone());
            continue;
        };
        match how {
            Placement::Exact => result.exact += 1,
            Placement::Moved => result.moved += 1,
            Placement::Edited => result.edited += 1,
        }
        let mut moved = Annotation {
            span,
            ..annotation.clone()
        };
        if let Some(attribution) = moved.attribution.as_mut() {
            for linked in [&mut attribution.mention, &mut attribution.cue] {
                let Some(old_span) = *linked else { continue };
                *linked = place(old_text, new_text, old_span)
                    .map(|(m, _)| m)
                    .filter(|m| split_problem(new_text, *m).is_none());
                if linked.is_none() {
                    result.mentions_dropped += 1;
                }
            }
        }
        placed.push(moved);
    }
    result.workspace = Workspace::from_parts(
        document.clone(),
        old.labels.clone(),
        old.sources.clone(),
        placed,
    );
    result
}
