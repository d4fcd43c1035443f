//! Moving a keyboard caret through a document: by character (never inside a user-perceived
//! character), word, sentence or paragraph. Offsets are code points; positions are always
//! between whole characters.

use super::layout::Block;
use super::snap::is_attached;
use super::text::Text;

/// How far one key press moves the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Character,
    Word,
    Sentence,
    Paragraph,
}

/// True when `index` is not between two whole characters.
fn inside_cluster(text: &Text, index: usize) -> bool {
    text.char_at(index).is_some_and(is_attached)
        || text.char_before(index) == Some('\u{200D}')
        || (text.char_before(index) == Some('\r') && text.char_at(index) == Some('\n'))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_attached(c) || matches!(c, '\'' | '’' | '-')
}

/// Closing punctuation that may follow a sentence's full stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn next_char(text: &Text, mut index: usize) -> usize {
    index = (index + 1).min(text.len());
    while index < text.len() && inside_cluster(text, index) {
        index += 1;
    }
    index
}

fn previous_char(text: &Text, mut index: usize) -> usize {
    index = index.saturating_sub(1);
    while index > 0 && inside_cluster(text, index) {
        index -= 1;
    }
    index
}

/// Forward: to the end of the current or next word. Backward: to the start of the current or
/// previous word.
fn word(text: &Text, mut index: usize, forward: bool) -> usize {
    if forward {
        while index < text.len() && !text.char_at(index).is_some_and(is_word) {
            index += 1;
        }
        while index < text.len() && text.char_at(index).is_some_and(is_word) {
            index += 1;
        }
    } else {
        while index > 0 && !text.char_before(index).is_some_and(is_word) {
            index -= 1;
        }
        while index > 0 && text.char_before(index).is_some_and(is_word) {
            index -= 1;
        }
    }
    index
}

/// True when a sentence ends just before `index`: after . ! ? or … (and any closing quotes),
/// followed by whitespace or the end; or at a line break.
fn sentence_ends_before(text: &Text, index: usize) -> bool {
    let mut i = index;
    while i > 0 && text.char_before(i).is_some_and(is_closer) {
        i -= 1;
    }
    let ends = text
        .char_before(i)
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
    let followed = text.char_at(index).is_none_or(char::is_whitespace);
    // "“We refuse!” he said." goes on: a lower-case word after the stop continues the sentence.
    let mut next = index;
    while next < text.len() && text.char_at(next).is_some_and(|c| c == ' ') {
        next += 1;
    }
    let continues = text.char_at(next).is_some_and(char::is_lowercase);
    (ends && followed && !continues) || text.char_at(index).is_some_and(|c| c == '\n' || c == '\r')
}

/// Forward: to the end of the current or next sentence. Backward: to the start of the current
/// or previous sentence.
fn sentence(text: &Text, mut index: usize, forward: bool) -> usize {
    if forward {
        while index < text.len() && text.char_at(index).is_some_and(char::is_whitespace) {
            index += 1;
        }
        index = (index + 1).min(text.len());
        while index < text.len() && !sentence_ends_before(text, index) {
            index += 1;
        }
    } else {
        while index > 0 && text.char_before(index).is_some_and(char::is_whitespace) {
            index -= 1;
        }
        index = index.saturating_sub(1);
        while index > 0
            && !(sentence_ends_before(text, index)
                || text.char_before(index).is_some_and(|c| c == '\n'))
        {
            index -= 1;
        }
        while index < text.len() && text.char_at(index).is_some_and(char::is_whitespace) {
            index += 1;
        }
    }
    index
}

/// Forward: to the start of the next block (or the end). Backward: to the start of this
/// block, or of the previous one when already there.
fn paragraph(blocks: &[Block], len: usize, index: usize, forward: bool) -> usize {
    if forward {
        blocks
            .iter()
            .map(|b| b.start)
            .find(|&s| s > index)
            .unwrap_or(len)
    } else {
        blocks
            .iter()
            .rev()
            .map(|b| b.start)
            .find(|&s| s < index)
            .unwrap_or(0)
    }
}

/// Where the caret goes from `index` by one `unit`.
pub fn step(text: &Text, blocks: &[Block], index: usize, unit: Unit, forward: bool) -> usize {
    let index = index.min(text.len());
    match (unit, forward) {
        (Unit::Character, true) => next_char(text, index),
        (Unit::Character, false) => previous_char(text, index),
        (Unit::Word, _) => word(text, index, forward),
        (Unit::Sentence, _) => sentence(text, index, forward),
        (Unit::Paragraph, _) => paragraph(blocks, text.len(), index, forward),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::layout::blocks;

    fn walk(text: &str, from: usize, unit: Unit, forward: bool, steps: usize) -> Vec<usize> {
        let t = Text::new(text);
        let b = blocks(&t);
        let mut at = from;
        (0..steps)
            .map(|_| {
                at = step(&t, &b, at, unit, forward);
                at
            })
            .collect()
    }

    #[test]
    fn characters_are_whole() {
        // a, é (e + accent), firefighter (4 code points), !
        assert_eq!(
            walk("ae\u{301}👨🏻‍🚒!", 0, Unit::Character, true, 5),
            [1, 3, 7, 8, 8]
        );
        assert_eq!(
            walk("ae\u{301}👨🏻‍🚒!", 8, Unit::Character, false, 5),
            [7, 3, 1, 0, 0]
        );
        assert_eq!(
            walk("a\r\nb", 0, Unit::Character, true, 3),
            [1, 3, 4],
            "CRLF is one step"
        );
    }

    #[test]
    fn words_and_sentences() {
        let text = "Kabul’s envoy spoke. “We refuse!” he said.\nNext line.";
        assert_eq!(walk(text, 0, Unit::Word, true, 3), [7, 13, 19]);
        assert_eq!(walk(text, 19, Unit::Word, false, 2), [14, 8]);
        assert_eq!(walk(text, 0, Unit::Sentence, true, 3), [20, 42, 53]);
        assert_eq!(walk(text, 53, Unit::Sentence, false, 3), [43, 21, 0]);
    }

    #[test]
    fn paragraphs() {
        let text = "One.\nTwo.\n\nThree.";
        assert_eq!(walk(text, 0, Unit::Paragraph, true, 3), [5, 11, 17]);
        assert_eq!(walk(text, 13, Unit::Paragraph, false, 3), [11, 5, 0]);
    }
}
