//! Where one quoted stretch of an old text lies in a new version of it, by the rule
//! re-anchoring has always used: at the same offsets (exact); else the occurrence of the same
//! words with the most of their old context around them, on a tie the one nearest the place the
//! quote is expected (moved); else the stretch nearest that place that begins and ends like the
//! quote and is about as long (edited: small changes inside).
//!
//! [`look`] gives the answer without searching the whole text when it can prove it: the quote
//! with all its old context at the expected place beats every other occurrence (nothing has
//! more context, nothing is nearer), and an edited copy found near it is nearer than any
//! farther away. Otherwise it says what must be found everywhere, and [`resolve`] answers from
//! those occurrences (found for many quotes at once by `scan`).

use super::anchor::best_occurrence;
use super::span::Span;
use super::text::Text;

/// Code points of context taken from either side of a quote in the old text.
const CONTEXT: usize = 32;
/// Code points taken from each end of a quote to find an edited copy of it.
const END_PIECE: usize = 12;
/// How far from the expected place an edited copy is first looked for, in code points.
const NEAR: usize = 1024;

/// How a quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Exact,
    Moved,
    Edited,
}

/// What a look near the expected place found out about the edited copy, should the quote
/// itself not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// Proven: this copy (or none, for a quote too short to have one).
    Known(Option<Span>),
    /// Needs every occurrence of the quote's [`head`].
    Everywhere,
}

/// The answer of [`look`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Placed(Span, Placement),
    /// Needs every occurrence of the quote (and of its head, if so said).
    Search(Edited),
}

/// The quote's ends and the lengths an edited copy may have.
struct Ends<'a> {
    head: &'a str,
    tail: &'a str,
    shortest: usize,
    longest: usize,
}

/// The ends of `quote` (`length` code points), if it is long enough to have an edited copy.
fn ends(quote: &str, length: usize) -> Option<Ends<'_>> {
    if length < 2 * END_PIECE + 1 {
        return None;
    }
    let byte_at = |n: usize| quote.char_indices().nth(n).map_or(quote.len(), |(b, _)| b);
    Some(Ends {
        head: &quote[..byte_at(END_PIECE)],
        tail: &quote[byte_at(length - END_PIECE)..],
        shortest: length * 7 / 10,
        longest: length * 13 / 10,
    })
}

/// The first and last code points of the quote at `span` of `old`, by which an edited copy is
/// looked for everywhere (none for a quote too short to have one): every occurrence of the
/// head is needed, and of the tail unless two copies of it can overlap (then it is looked for
/// after each head, as it always was).
pub fn ends_to_find(old: &Text, span: Span) -> Option<(&str, Option<&str>)> {
    let ends = ends(old.quote(span), span.end() - span.start())?;
    Some((
        ends.head,
        (!overlaps_itself(ends.tail)).then_some(ends.tail),
    ))
}

/// The context of `span` in `old`: up to [`CONTEXT`] code points before and after it.
fn context(old: &Text, span: Span) -> (&str, &str) {
    let (start, end) = (span.start(), span.end());
    (
        old.slice(start.saturating_sub(CONTEXT), start),
        old.slice(end, end + CONTEXT),
    )
}

/// Whether a proper beginning of `s` is also its end, so two copies of `s` can overlap.
fn overlaps_itself(s: &str) -> bool {
    s.char_indices()
        .skip(1)
        .any(|(byte, _)| s.ends_with(&s[..byte]))
}

/// Looks for the quote at `span` of `old` in `new` without searching all of `new`; `hint` is
/// where it is expected.
pub fn look(old: &Text, new: &Text, span: Span, hint: usize) -> Look {
    let (start, end) = (span.start(), span.end());
    let quote = old.quote(span);
    if end <= new.len() && new.slice(start, end) == quote {
        return Look::Placed(span, Placement::Exact);
    }
    if let Some(found) = at_hint(old, new, span, hint) {
        return Look::Placed(found, Placement::Moved);
    }
    Look::Search(edited_near(new, quote, end - start, hint))
}

/// The quote at `hint` with all of its old context, if it is there and `match_indices` would
/// find it there (no occurrence starts inside it): then it is the best occurrence.
fn at_hint(old: &Text, new: &Text, span: Span, hint: usize) -> Option<Span> {
    let (start, end) = (span.start(), span.end());
    let (before, after) = (
        start.min(CONTEXT),
        old.len().saturating_sub(end).min(CONTEXT),
    );
    let found = Span::new(hint, hint + end - start, new.len()).ok()?;
    // The quote with its context, compared at once.
    let surrounded = hint >= before
        && found.end() + after <= new.len()
        && new.slice(hint - before, found.end() + after) == old.slice(start - before, end + after);
    if !surrounded {
        return None;
    }
    let quote = old.quote(span);
    if !overlaps_itself(quote) {
        return Some(found);
    }
    let window = new.slice(hint.saturating_sub(end - start - 1), found.end());
    let first = window.find(quote)?;
    (first == window.len() - quote.len()).then_some(found)
}

/// The edited copy of `quote` nearest `hint`, if looking near it proves which it is.
fn edited_near(new: &Text, quote: &str, length: usize, hint: usize) -> Edited {
    let Some(ends) = ends(quote, length) else {
        return Edited::Known(None);
    };
    // A head that can overlap itself is found differently by a search from elsewhere.
    if overlaps_itself(ends.head) {
        return Edited::Everywhere;
    }
    // Every copy of the head (END_PIECE code points) that starts within NEAR of the hint.
    let from = hint.saturating_sub(NEAR);
    let region = new.slice(from, hint + NEAR + END_PIECE);
    let (mut last_byte, mut last_point) = (0, from);
    let starts = region.match_indices(ends.head).map(|(byte, _)| {
        last_point += region[last_byte..byte].chars().count();
        last_byte = byte;
        last_point
    });
    // Any copy farther away than `NEAR` is farther than one found within it.
    match edited_among(new, &ends, hint, starts) {
        Some(found) => Edited::Known(Some(found)),
        None => Edited::Everywhere,
    }
}

/// Of the stretches that begin with the head at one of `starts` (in text order) and end with
/// the tail, at an allowed length, the one nearest `hint` (the first of equals).
fn edited_among(
    new: &Text,
    ends: &Ends,
    hint: usize,
    starts: impl IntoIterator<Item = usize>,
) -> Option<Span> {
    let mut best: Option<(usize, Span)> = None;
    for start in starts {
        let window = new.slice(start, start + ends.longest);
        for (tail_byte, _) in window.match_indices(ends.tail) {
            let end = start + window[..tail_byte].chars().count() + END_PIECE;
            if (ends.shortest..=ends.longest).contains(&(end - start)) {
                let distance = start.abs_diff(hint);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, Span::new(start, end, new.len()).ok()?));
                }
            }
        }
    }
    best.map(|(_, span)| span)
}

/// Every occurrence in the new text of a quote, and of the head and the tail of
/// [`ends_to_find`] when an edited copy is looked for everywhere.
pub struct Occurrences<'a> {
    pub quote: &'a [usize],
    pub head: &'a [usize],
    pub tail: Option<&'a [usize]>,
}

/// The placement of the quote at `span` of `old` that [`look`] left to a search, from the
/// occurrences in `new` of what it needs.
pub fn resolve(
    (old, new): (&Text, &Text),
    span: Span,
    hint: usize,
    edited: Edited,
    found: Occurrences,
) -> Option<(Span, Placement)> {
    let length = span.end() - span.start();
    let moved = best_occurrence(
        new,
        length,
        context(old, span),
        Some(hint),
        found.quote.iter().copied(),
    );
    if let Some(found) = moved {
        return Some((found, Placement::Moved));
    }
    let edited = match edited {
        Edited::Known(found) => found,
        Edited::Everywhere => ends(old.quote(span), length)
            .and_then(|ends| edited_anywhere(new, &ends, hint, found.head, found.tail)),
    };
    edited.map(|found| (found, Placement::Edited))
}

/// The edited copy nearest `hint`, from every head (`heads`) and, if known, every tail
/// (`tails`): heads are tried nearest first (on a tie the earlier), each with the first tail
/// at an allowed length after it, which is what [`edited_among`] finds trying them all.
fn edited_anywhere(
    new: &Text,
    ends: &Ends,
    hint: usize,
    heads: &[usize],
    tails: Option<&[usize]>,
) -> Option<Span> {
    let Some(tails) = tails else {
        return edited_among(new, ends, hint, heads.iter().copied());
    };
    let split = heads.partition_point(|&s| s < hint);
    let (mut left, mut right) = (split, split);
    loop {
        let start = match (left.checked_sub(1).map(|i| heads[i]), heads.get(right)) {
            (Some(l), Some(&r)) if hint - l <= r - hint => l,
            (_, Some(&r)) => r,
            (Some(l), None) => l,
            (None, None) => return None,
        };
        match start < hint {
            true => left -= 1,
            false => right += 1,
        }
        // Tails wholly inside the stretch an edited copy starting here may have.
        let (first, last) = (
            start + ends.shortest - END_PIECE,
            start + ends.longest - END_PIECE,
        );
        let tail = tails
            .get(tails.partition_point(|&t| t < first))
            .filter(|&&t| t <= last);
        if let Some(&t) = tail {
            return Span::new(start, t + END_PIECE, new.len()).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_quotes_whose_copies_can_overlap_are_told_apart() {
        for (s, expected) in [
            ("abab", true),
            ("aa", true),
            ("the talks the", true),
            ("abc", false),
            ("🙂x🙂", true),
            ("a", false),
        ] {
            assert_eq!(overlaps_itself(s), expected, "{s:?}");
        }
    }

    /// Where `at_hint` takes the quote `quote` of `old` in `new`, expected at `hint`.
    fn check_at_hint(old: &str, quote: &str, new: &str, hint: usize, expected: Option<usize>) {
        let (old, new) = (Text::new(old), Text::new(new));
        let byte = old.as_str().find(quote).unwrap();
        let start = old.as_str()[..byte].chars().count();
        let span = Span::new(start, start + quote.chars().count(), old.len()).unwrap();
        let found = at_hint(&old, &new, span, hint).map(|s| s.start());
        assert_eq!(found, expected, "{quote:?} at {hint} in {:?}", new.as_str());
    }

    #[test]
    fn a_quote_is_taken_at_the_hint_only_with_all_its_context() {
        let old = "Then: said it. End";
        check_at_hint(old, "said", "xx said it. Then: said it. End", 18, Some(18));
        check_at_hint(old, "said", "Then: said it. End!", 6, Some(6));
        check_at_hint(old, "said", "xx said it. Now: said it. End", 17, None);
        check_at_hint(old, "said", "xx said it. Then: said it. End", 17, None);
        check_at_hint(old, "said", "Then: said it. En", 6, None);
        // Of "aXaXa", match_indices finds "aXa" at 0 only.
        check_at_hint("aXa", "aXa", "aXaXa", 2, None);
        check_at_hint("aXa", "aXa", "aXaXa", 0, Some(0));
    }
}
