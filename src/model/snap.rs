//! Turning a raw selection into the span a person meant.
//!
//! A drag rarely lands exactly on word edges. [`snap_with`] widens a selection that starts or
//! ends inside a word to the whole word (when given a word segmenter; see the word policy in
//! `boundaries`), never splits a user-perceived character (a UAX #29 grapheme cluster: a letter
//! and its accents, a Thai consonant and its marks, an emoji sequence, a flag), and trims
//! surrounding whitespace. A selection of nothing or only whitespace gives `None`.

use super::boundaries::{
    is_grapheme_boundary, next_boundary, previous_boundary, word_around, Segmenter, Uax29,
};
use super::span::Span;
use super::text::Text;

/// Moves `index` back to the start of the word (if `words`) or character it lies inside.
fn snap_back(text: &Text, index: usize, words: Option<&dyn Segmenter>) -> usize {
    let index = if is_grapheme_boundary(text, index) {
        index
    } else {
        previous_boundary(text, index)
    };
    words
        .and_then(|words| word_around(text, index, words))
        .map_or(index, |(start, _)| start)
}

/// Moves `index` forward to the end of the word (if `words`) or character it lies inside.
fn snap_forward(text: &Text, index: usize, words: Option<&dyn Segmenter>) -> usize {
    let index = if is_grapheme_boundary(text, index) {
        index
    } else {
        next_boundary(text, index)
    };
    words
        .and_then(|words| word_around(text, index, words))
        .map_or(index, |(_, end)| end)
}

/// [`snap_with`] using the host's UAX #29 words when `to_words`.
pub fn snap_selection(text: &Text, anchor: usize, focus: usize, to_words: bool) -> Option<Span> {
    snap_with(
        text,
        anchor,
        focus,
        to_words.then_some(&Uax29 as &dyn Segmenter),
    )
}

/// The span a selection from `anchor` to `focus` (code points, either order) should become,
/// widened to whole words of `words` when given.
pub fn snap_with(
    text: &Text,
    anchor: usize,
    focus: usize,
    words: Option<&dyn Segmenter>,
) -> Option<Span> {
    let (mut start, mut end) = (anchor.min(focus), anchor.max(focus).min(text.len()));
    start = start.min(end);
    // Trim first so that a drag ending in the space after a word does not reach into the next.
    while start < end && text.char_at(start).is_some_and(char::is_whitespace) {
        start += 1;
    }
    while end > start && text.char_before(end).is_some_and(char::is_whitespace) {
        end -= 1;
    }
    if start == end {
        return None;
    }
    start = snap_back(text, start, words);
    end = snap_forward(text, end, words);
    Span::new(start, end, text.len()).ok()
}

/// Which edge of a span a boundary step moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// A test on the character next to a position (`None` past either end of the text).
type CharTest<'a> = &'a dyn Fn(Option<char>) -> bool;

/// Moves a span edge by one word (a run of non-whitespace): a start goes to the previous or
/// next word start, an end to the previous or next word end. Gives `index` when there is no
/// word that way.
pub fn step_word(text: &Text, index: usize, edge: Edge, forward: bool) -> usize {
    let is_space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let is_word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let mut i = index.min(text.len());
    match (edge, forward) {
        (Edge::Start, false) | (Edge::End, false) => {
            let (first, second): (CharTest, CharTest) = if edge == Edge::Start {
                (&is_space, &is_word)
            } else {
                (&is_word, &is_space)
            };
            while i > 0 && first(text.char_before(i)) {
                i -= 1;
            }
            while i > 0 && second(text.char_before(i)) {
                i -= 1;
            }
            i
        }
        (Edge::Start, true) | (Edge::End, true) => {
            let (first, second): (CharTest, CharTest) = if edge == Edge::Start {
                (&is_word, &is_space)
            } else {
                (&is_space, &is_word)
            };
            while i < text.len() && first(text.char_at(i)) {
                i += 1;
            }
            while i < text.len() && second(text.char_at(i)) {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snaps the selection `from`..`to` (code points) of `text`, with or without words, and
    /// compares the quote with `expected`.
    fn check(text: &str, from: usize, to: usize, words: bool, expected: Option<&str>) {
        let t = Text::new(text);
        let got = snap_selection(&t, from, to, words).map(|s| t.quote(s).to_string());
        assert_eq!(
            got.as_deref(),
            expected,
            "{from}..{to} in {text:?} (words: {words})"
        );
    }

    #[test]
    fn partial_words_widen_to_whole_words() {
        let text = "Russia has formally offered to help.";
        check(text, 2, 9, true, Some("Russia has"));
        check(text, 2, 9, false, Some("ssia ha"));
        check(text, 0, 6, true, Some("Russia"));
        check(text, 7, 18, true, Some("has formally"));
        check(text, 28, 35, true, Some("to help"));
        check(text, 28, 36, true, Some("to help."));
    }

    #[test]
    fn whitespace_is_trimmed_and_empty_selections_vanish() {
        let text = "one  two\r\nthree";
        check(text, 3, 5, true, None);
        check(text, 4, 4, true, None);
        check(text, 3, 8, true, Some("two"));
        check(text, 5, 11, true, Some("two\r\nthree"));
        check(text, 8, 10, false, None);
    }

    #[test]
    fn apostrophes_inside_words_do_not_split_them() {
        let text = "Russia’s primary objective";
        check(text, 3, 7, true, Some("Russia’s"));
        check(text, 7, 12, true, Some("Russia’s primary"));
        check("don't", 4, 5, true, Some("don't"));
        check("‘quoted’ word", 1, 3, true, Some("quoted"));
    }

    #[test]
    fn user_perceived_characters_are_never_split() {
        let text = "Cafe\u{301} 👨🏻‍🚒 🙂 “x” — y";
        // Ending between "e" and its combining accent takes the accent along, even unsnapped.
        check(text, 0, 4, false, Some("Cafe\u{301}"));
        // Any point inside the firefighter sequence grows to the whole sequence.
        check(text, 6, 8, false, Some("👨🏻‍🚒"));
        check(text, 7, 9, false, Some("👨🏻‍🚒"));
        check(text, 11, 12, true, Some("🙂"));
        check(text, 13, 16, true, Some("“x”"));
        check(text, 16, 20, true, Some("— y"));
    }

    #[test]
    fn splits_of_characters_are_named() {
        use crate::model::boundaries::{split_cluster, split_problem};
        let t = Text::new("Cafe\u{301} 👨🏻‍🚒!");
        assert_eq!(split_cluster(&t, 4), Some("e\u{301}".to_string()));
        assert_eq!(split_cluster(&t, 3), None);
        assert_eq!(split_cluster(&t, 5), None);
        assert_eq!(split_cluster(&t, 8), Some("👨🏻‍🚒".to_string()));
        assert_eq!(split_cluster(&t, 10), None);
        let span = Span::new(0, 4, t.len()).unwrap();
        assert!(split_problem(&t, span)
            .unwrap()
            .starts_with("end 4 falls inside “e\u{301}”"));
    }

    #[test]
    fn boundaries_step_by_whole_words() {
        let t = Text::new("one 🙂two  three’s end");
        let step = |i, edge, forward| step_word(&t, i, edge, forward);
        // Word starts are 0, 4, 10, 18; word ends 3, 8, 17, 21 (the text's length).
        assert_eq!(step(4, Edge::Start, false), 0);
        assert_eq!(step(4, Edge::Start, true), 10);
        assert_eq!(step(10, Edge::Start, true), 18);
        assert_eq!(step(18, Edge::Start, true), 21);
        assert_eq!(step(0, Edge::Start, false), 0);
        assert_eq!(step(8, Edge::End, true), 17);
        assert_eq!(step(8, Edge::End, false), 3);
        assert_eq!(step(21, Edge::End, true), 21);
        assert_eq!(step(17, Edge::End, false), 8);
    }

    #[test]
    fn reversed_and_out_of_range_selections_are_normalised() {
        check("alpha beta", 10, 6, true, Some("beta"));
        check("alpha beta", 6, 99, true, Some("beta"));
    }
}
