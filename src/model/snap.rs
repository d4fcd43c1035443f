//! Turning a raw selection into the span a person meant.
//!
//! A drag rarely lands exactly on word edges. [`snap_selection`] widens a selection that starts
//! or ends inside a word to the whole word (when asked), never splits a user-perceived
//! character (a letter and its combining accents, an emoji with its modifiers and joiners), and
//! trims surrounding whitespace. A selection of nothing or only whitespace gives `None`.

use super::span::Span;
use super::text::Text;

/// True for code points that attach to the one before them: combining marks, zero-width
/// joiners, variation selectors and emoji skin-tone modifiers.
pub fn is_attached(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// True for code points that make up words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_attached(c)
}

/// True for punctuation that joins two word characters into one word ("Russia’s", "don't").
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '\u{00B7}')
}

/// True when offset `index` lies strictly inside a word of `text`.
fn inside_word(text: &Text, index: usize) -> bool {
    let (Some(before), Some(after)) = (text.char_before(index), text.char_at(index)) else {
        return false;
    };
    let joined = |a: char, b: char, c: Option<char>| {
        is_word_char(a) && is_word_joiner(b) && c.is_some_and(is_word_char)
    };
    (is_word_char(before) && is_word_char(after))
        || joined(before, after, text.char_at(index + 1))
        || (index >= 2
            && text
                .char_before(index - 1)
                .is_some_and(|b| joined(b, before, Some(after))))
}

/// True when offset `index` splits a user-perceived character of `text`.
fn splits_character(text: &Text, index: usize) -> bool {
    let after = text.char_at(index);
    let before = text.char_before(index);
    after.is_some_and(is_attached)
        || before == Some('\u{200D}')
        || (before == Some('\r') && after == Some('\n'))
}

/// True when the code point at `index` continues the user-perceived character before it.
fn continues_cluster(text: &Text, index: usize) -> bool {
    text.char_at(index).is_some_and(is_attached) || text.char_before(index) == Some('\u{200D}')
}

/// The user-perceived character that offset `index` would split — a letter and its combining
/// accents, or an emoji with its modifiers and joiners — if it splits one.
pub fn split_cluster(text: &Text, index: usize) -> Option<String> {
    if index == 0 || index >= text.len() || !continues_cluster(text, index) {
        return None;
    }
    let (mut start, mut end) = (index, index);
    while start > 0 && continues_cluster(text, start) {
        start -= 1;
    }
    while end < text.len() && continues_cluster(text, end) {
        end += 1;
    }
    Some(text.slice(start, end).to_string())
}

/// Why a span's start or end is not between whole characters, if it is not.
pub fn split_problem(text: &Text, span: Span) -> Option<String> {
    [("start", span.start()), ("end", span.end())].into_iter().find_map(|(name, at)| {
        split_cluster(text, at).map(|cluster| {
            format!("{name} {at} falls inside “{cluster}”; offsets must fall between whole characters (a letter with its accents, a whole emoji)")
        })
    })
}

/// Moves `index` back to the start of the word or character it lies inside.
fn snap_back(text: &Text, mut index: usize, words: bool) -> usize {
    while index > 0 && (splits_character(text, index) || (words && inside_word(text, index))) {
        index -= 1;
    }
    index
}

/// Moves `index` forward to the end of the word or character it lies inside.
fn snap_forward(text: &Text, mut index: usize, words: bool) -> usize {
    while index < text.len()
        && (splits_character(text, index) || (words && inside_word(text, index)))
    {
        index += 1;
    }
    index
}

/// The span a selection from `anchor` to `focus` (code points, either order) should become.
pub fn snap_selection(text: &Text, anchor: usize, focus: usize, to_words: bool) -> Option<Span> {
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
    start = snap_back(text, start, to_words);
    end = snap_forward(text, end, to_words);
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
