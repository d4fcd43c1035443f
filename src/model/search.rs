//! Finding text: literal search that ignores case and Unicode normalisation (`fold`),
//! optionally for whole words only, and the checks that turn matches found elsewhere (the
//! browser's regular expressions, which count UTF-16 units) into spans.
//!
//! Every span returned lies between whole characters (grapheme clusters): a match that would
//! cut a letter from its accent or an emoji from its modifier ("e" in "e\u{301}") is not a
//! match.

use super::boundaries::{previous_boundary, split_problem};
use super::fold::{find_folded, key};
use super::span::Span;
use super::text::Text;

/// At most this many matches are reported; a search that finds more says so.
pub const MAX_MATCHES: usize = 10_000;

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The matches in text order, at most [`MAX_MATCHES`].
    pub spans: Vec<Span>,
    /// Whether there were more matches than [`MAX_MATCHES`].
    pub truncated: bool,
}

/// Whether the character at the start of a grapheme cluster makes words.
fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether `span` is a whole word: no word character in the cluster just before or just
/// after it.
fn whole_word(text: &Text, span: Span) -> bool {
    let before = previous_boundary(text, span.start());
    let outside_before = span.start() == 0 || !is_word_char(text.char_at(before));
    let outside_after = span.end() == text.len() || !is_word_char(text.char_at(span.end()));
    outside_before && outside_after
}

/// Keeps the spans that are usable (between whole characters, and whole words if asked).
fn usable(text: &Text, spans: impl Iterator<Item = Span>, whole_words: bool) -> Found {
    let mut found = Found::default();
    for span in spans {
        if split_problem(text, span).is_some() || (whole_words && !whole_word(text, span)) {
            continue;
        }
        if found.spans.len() == MAX_MATCHES {
            found.truncated = true;
            break;
        }
        found.spans.push(span);
    }
    found
}

/// Every occurrence of `query` in `text`, ignoring case and normalisation; with
/// `whole_words`, only those that are whole words. An empty query finds nothing.
pub fn find(text: &Text, query: &str, whole_words: bool) -> Found {
    let spans = find_folded(text.as_str(), &key(query), usize::MAX - 1)
        .into_iter()
        .filter_map(|(start, end)| Span::new(start, end, text.len()).ok());
    usable(text, spans, whole_words)
}

/// Spans from matches given as UTF-16 `(start, end)` offsets (a browser `RegExp`) in text
/// order; empty matches, offsets inside a surrogate pair and matches that do not fall between
/// whole characters are left out. One pass over the text, however many matches.
pub fn from_utf16(text: &Text, matches: &[(usize, usize)], whole_words: bool) -> Found {
    let mut chars = text.as_str().chars();
    // (UTF-16 units, code points) reached so far.
    let mut reached = (0usize, 0usize);
    let mut to_code_points = move |utf16: usize| -> Option<usize> {
        while reached.0 < utf16 {
            let c = chars.next()?;
            reached = (reached.0 + c.len_utf16(), reached.1 + 1);
        }
        (reached.0 == utf16).then_some(reached.1)
    };
    let mut spans = Vec::new();
    let mut last_start = 0;
    for &(start, end) in matches {
        if start < last_start {
            break;
        }
        last_start = start;
        let Some(first) = to_code_points(start) else {
            continue;
        };
        let Some(last) = to_code_points(end) else {
            continue;
        };
        if let Ok(span) = Span::new(first, last, text.len()) {
            spans.push(span);
        }
    }
    usable(text, spans.into_iter(), whole_words)
}
