//! Moving annotations made on one version of a text onto another version.
//!
//! Each annotation's quote, with up to 32 code points of context either side from the old
//! text, is looked for in the new text: at the same offsets (placed exactly), elsewhere as the
//! same words (moved, the context picking the right occurrence), or, for small edits inside the
//! quote, between its unchanged beginning and end (edited). What cannot be found is returned,
//! not dropped, so the caller can show and keep it.

use super::anchor::find_quote;
use super::annotation::Annotation;
use super::boundaries::split_problem;
use super::span::Span;
use super::text::{Document, Text};
use super::workspace::Workspace;

const CONTEXT: usize = 32;
/// Code points taken from each end of a quote to find an edited copy of it.
const END_PIECE: usize = 12;

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
            fragments: moved_fragments(annotation, span, new_text.len()),
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
