//! Moving a keyboard caret through a document: by character (a whole grapheme cluster),
//! word, sentence or paragraph. Offsets are code points; positions are always between whole
//! characters. Words and sentences come from a [`Segmenter`] (the word policy is in
//! `boundaries`), the same as snapping uses, so Ctrl+→ and a drag agree on what a word is.

use super::boundaries::{
    next_boundary, paragraph_around, previous_boundary, words_around, Segmenter, Uax29,
};
use super::layout::Block;
use super::text::Text;

/// How far one key press moves the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Character,
    Word,
    Sentence,
    Paragraph,
}

/// Where the paragraph after (or before) the one around `index` continues, if any: just past
/// the line break(s) that end it (or just before those that start it).
fn across_break(text: &Text, index: usize, forward: bool) -> Option<usize> {
    let (start, end) = paragraph_around(text, index);
    if forward {
        (end < text.len()).then(|| next_boundary(text, end))
    } else {
        (start > 0).then(|| previous_boundary(text, start))
    }
}

/// Forward: to the end of the current or next word. Backward: to the start of the current or
/// previous word. Words never cross a line break; the caret moves on to the next paragraph.
fn word(text: &Text, mut index: usize, forward: bool, segmenter: &dyn Segmenter) -> usize {
    loop {
        let words = words_around(text, index, segmenter);
        let found = if forward {
            words.iter().find(|w| w.1 > index).map(|w| w.1)
        } else {
            words.iter().rev().find(|w| w.0 < index).map(|w| w.0)
        };
        if let Some(found) = found {
            return found;
        }
        match across_break(text, index, forward) {
            Some(next) => index = next,
            None => return if forward { text.len() } else { 0 },
        }
    }
}

/// Sentences of the paragraph around `index` as document offsets (start, end without the
/// whitespace after it).
fn sentences_around(text: &Text, index: usize, segmenter: &dyn Segmenter) -> Vec<(usize, usize)> {
    let (start, end) = paragraph_around(text, index);
    let mut starts: Vec<usize> = segmenter
        .sentences(text.slice(start, end))
        .into_iter()
        .map(|s| start + s)
        .collect();
    starts.push(end);
    starts
        .windows(2)
        .map(|w| {
            let mut stop = w[1];
            while stop > w[0] && text.char_before(stop).is_some_and(char::is_whitespace) {
                stop -= 1;
            }
            (w[0], stop)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// Forward: to the end of the current or next sentence. Backward: to the start of the current
/// or previous sentence. A line break always ends a sentence.
fn sentence(text: &Text, mut index: usize, forward: bool, segmenter: &dyn Segmenter) -> usize {
    loop {
        let sentences = sentences_around(text, index, segmenter);
        let found = if forward {
            sentences.iter().find(|s| s.1 > index).map(|s| s.1)
        } else {
            sentences.iter().rev().find(|s| s.0 < index).map(|s| s.0)
        };
        if let Some(found) = found {
            return found;
        }
        match across_break(text, index, forward) {
            Some(next) => index = next,
            None => return if forward { text.len() } else { 0 },
        }
    }
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

/// Where the caret goes from `index` by one `unit`, with the host's UAX #29 words and
/// sentences.
pub fn step(text: &Text, blocks: &[Block], index: usize, unit: Unit, forward: bool) -> usize {
    step_with(text, blocks, index, unit, forward, &Uax29)
}

/// Where the caret goes from `index` by one `unit`, with `segmenter`'s words and sentences.
pub fn step_with(
    text: &Text,
    blocks: &[Block],
    index: usize,
    unit: Unit,
    forward: bool,
    segmenter: &dyn Segmenter,
) -> usize {
    let index = index.min(text.len());
    match (unit, forward) {
        (Unit::Character, true) => next_boundary(text, index),
        (Unit::Character, false) => previous_boundary(text, index),
        (Unit::Word, _) => word(text, index, forward, segmenter),
        (Unit::Sentence, _) => sentence(text, index, forward, segmenter),
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
        // UAX #29 (as the browser's Intl.Segmenter) ends a sentence after "refuse!”" too.
        assert_eq!(walk(text, 0, Unit::Sentence, true, 4), [20, 33, 42, 53]);
        assert_eq!(walk(text, 53, Unit::Sentence, false, 4), [43, 34, 21, 0]);
    }

    #[test]
    fn characters_are_grapheme_clusters_in_every_script() {
        // Thai: ร ั ฐ (รั is one cluster), then บ า ล; Hindi: क्षि is one cluster (conjunct + sign).
        assert_eq!(walk("รัฐบาล", 0, Unit::Character, true, 5), [2, 3, 4, 5, 6]);
        assert_eq!(walk("क्षित", 0, Unit::Character, true, 2), [4, 5]);
        // A flag is two regional indicators; Korean as conjoining jamo is one syllable.
        assert_eq!(walk("🇵🇰🇺🇦", 0, Unit::Character, true, 2), [2, 4]);
        assert_eq!(
            walk("\u{1112}\u{1161}\u{11AB}글", 0, Unit::Character, true, 2),
            [3, 4]
        );
        assert_eq!(walk("👨‍👩‍👧!", 5, Unit::Character, false, 1), [0]);
    }

    #[test]
    fn sentences_end_at_the_full_stops_of_other_scripts() {
        assert_eq!(walk("她说。他笑了。", 0, Unit::Sentence, true, 2), [3, 7]);
        assert_eq!(
            walk("वह आया। फिर गया।", 0, Unit::Sentence, true, 2),
            [7, 16]
        );
        assert_eq!(walk("قال. ثم ذهب؟", 0, Unit::Sentence, true, 2), [4, 12]);
    }

    #[test]
    fn paragraphs() {
        let text = "One.\nTwo.\n\nThree.";
        assert_eq!(walk(text, 0, Unit::Paragraph, true, 3), [5, 11, 17]);
        assert_eq!(walk(text, 13, Unit::Paragraph, false, 3), [11, 5, 0]);
    }
}
