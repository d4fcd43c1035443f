//! Where a text may be cut. Every rule about user-perceived characters, words and sentences
//! lives here, so the import checks, the editor, snapping, the caret, search and every place
//! that shortens text for display agree.
//!
//! - **Characters** are UAX #29 extended grapheme clusters (the `unicode-segmentation` crate,
//!   Unicode 17): a letter with its accents, a Hangul syllable of conjoining jamo, a Thai
//!   consonant with its vowel and tone marks, a Devanagari conjunct, a flag, a ZWJ emoji
//!   family, CR LF. Offsets that fall inside one split it.
//! - **Words** come from a [`Segmenter`]: in the browser `Intl.Segmenter` with the document's
//!   language (dictionaries for Chinese, Japanese, Thai, Khmer…), on the host UAX #29
//!   ([`Uax29`]). The word policy, for snapping and the caret alike: a word is a segment the
//!   segmenter calls word-like (letters, digits, marks; "Russia’s" and "don't" are one word,
//!   "well-known" is two). Segments never cross a line break.
//! - **Sentences** come from the same segmenter; [`is_sentence_end`] knows the full stops of
//!   many scripts for the places that only look at one character.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::span::Span;
use super::text::Text;

/// Whether code point offset `index` of `text` is between two grapheme clusters (the ends of
/// the text are).
pub fn is_grapheme_boundary(text: &Text, index: usize) -> bool {
    if index == 0 || index >= text.len() {
        return true;
    }
    let s = text.as_str();
    let byte = text.byte_offset(index);
    GraphemeCursor::new(byte, s.len(), true)
        .is_boundary(s, 0)
        .unwrap_or(true)
}

/// The grapheme cluster that offset `index` falls strictly inside, as code point offsets.
pub fn cluster_around(text: &Text, index: usize) -> Option<(usize, usize)> {
    if is_grapheme_boundary(text, index) {
        return None;
    }
    Some((previous_boundary(text, index), next_boundary(text, index)))
}

/// The nearest grapheme boundary after `index` (or the end).
pub fn next_boundary(text: &Text, index: usize) -> usize {
    let s = text.as_str();
    let byte = text.byte_offset(index.min(text.len()));
    let mut cursor = GraphemeCursor::new(byte, s.len(), true);
    match cursor.next_boundary(s, 0) {
        Ok(Some(next)) => index + s[byte..next].chars().count(),
        _ => text.len(),
    }
}

/// The nearest grapheme boundary before `index` (or 0).
pub fn previous_boundary(text: &Text, index: usize) -> usize {
    let s = text.as_str();
    let byte = text.byte_offset(index.min(text.len()));
    let mut cursor = GraphemeCursor::new(byte, s.len(), true);
    match cursor.prev_boundary(s, 0) {
        Ok(Some(previous)) => index.min(text.len()) - s[previous..byte].chars().count(),
        _ => 0,
    }
}

/// The cluster offset `index` would split, as text, if it splits one.
pub fn split_cluster(text: &Text, index: usize) -> Option<String> {
    cluster_around(text, index).map(|(start, end)| text.slice(start, end).to_string())
}

/// Why a span's start or end is not between whole characters, if it is not.
pub fn split_problem(text: &Text, span: Span) -> Option<String> {
    [("start", span.start()), ("end", span.end())]
        .into_iter()
        .find_map(|(name, at)| {
            split_cluster(text, at).map(|cluster| {
                let points: Vec<String> = cluster.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
                // Line breaks and other controls are shown escaped, so the message stays one line.
                let cluster: String = cluster
                    .chars()
                    .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
                    .collect();
                format!(
                    "{name} {at} falls inside “{cluster}” ({}); offsets must fall between whole characters (a letter with its accents, a whole emoji)",
                    points.join(" ")
                )
            })
        })
}

/// `s` cut to at most `max` grapheme clusters, never inside one; whether it was cut.
pub fn truncate(s: &str, max: usize) -> (&str, bool) {
    match s.grapheme_indices(true).nth(max) {
        Some((byte, _)) => (&s[..byte], true),
        None => (s, false),
    }
}

/// For each code point of `s`, whether a grapheme cluster starts there (one pass over `s`).
pub fn cluster_starts(s: &str) -> Vec<bool> {
    let mut starts = Vec::with_capacity(s.len());
    for cluster in s.graphemes(true) {
        starts.push(true);
        starts.extend(std::iter::repeat_n(false, cluster.chars().count() - 1));
    }
    starts
}

/// A grapheme cluster's width in narrow characters, roughly: 2 for wide ones (CJK, Hangul,
/// emoji), 0 for directional isolates, else 1 (its marks, joiners and modifiers add nothing).
pub fn cluster_width(cluster: &str) -> usize {
    match cluster.chars().next() {
        None | Some('\u{2066}'..='\u{2069}') => 0,
        Some(c) if ('\u{1100}'..='\u{115F}').contains(&c) || c >= '\u{2E80}' => 2,
        Some(_) => 1,
    }
}

/// The width of `s` in narrow characters ([`cluster_width`] of each cluster).
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(cluster_width).sum()
}

/// Whether `s` is at most `max` narrow characters wide: [`width`] that stops counting past
/// `max`, so a long line costs no more than a short one.
pub fn fits_width(s: &str, max: usize) -> bool {
    let mut wide = 0;
    s.graphemes(true).all(|cluster| {
        wide += cluster_width(cluster);
        wide <= max
    })
}

/// `s` cut to at most `max` grapheme clusters, with "…" when cut (for display).
pub fn shorten_end(s: &str, max: usize) -> String {
    match truncate(s, max) {
        (kept, true) => format!("{kept}…"),
        (kept, false) => kept.to_string(),
    }
}

/// `s` cut to at most `max` grapheme clusters by leaving out its middle (" … "), for display.
pub fn shorten_middle(s: &str, max: usize) -> String {
    let clusters: Vec<&str> = s.graphemes(true).collect();
    if clusters.len() <= max {
        return s.to_string();
    }
    let half = max / 2;
    let head: String = clusters[..half].concat();
    let tail: String = clusters[clusters.len() - half..].concat();
    format!("{head} … {tail}")
}

/// The grapheme clusters of `s`.
pub fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    s.graphemes(true)
}

/// Whether `c` ends a sentence in some script: . ! ? … and the full stops, question and
/// exclamation marks of Arabic, Devanagari, CJK, Armenian, Ethiopic, Myanmar and others.
pub fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉'
            | '։' // Armenian full stop
            | '؟' | '۔' | '؞' // Arabic question mark, Urdu full stop, Arabic triple dot
            | '।' | '॥' // Devanagari danda and double danda
            | '።' | '፧' | '፨' // Ethiopic
            | '၊' | '။' // Myanmar
            | '។' | '៕' // Khmer
            | '。' | '！' | '？' | '｡' | '．' // CJK and half-width
            | '᙮' | '᠃' | '᠉' // Canadian syllabics, Mongolian
    )
}

/// Finds words and sentences in one paragraph (a stretch of text without line breaks).
/// Offsets are code points from the paragraph's start.
pub trait Segmenter {
    /// The word-like segments, in order, without overlaps.
    fn words(&self, paragraph: &str) -> Vec<(usize, usize)>;
    /// Where sentences start, in order (the first is 0 for a non-empty paragraph).
    fn sentences(&self, paragraph: &str) -> Vec<usize>;
}

/// UAX #29 word and sentence boundaries: the host's segmenter, and the browser's fallback.
#[derive(Clone, Copy, Debug, Default)]
pub struct Uax29;

/// Byte offset → code point offset, walking `s` once through sorted byte offsets.
fn code_points(s: &str, bytes: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut byte, mut count) = (0, 0);
    let mut chars = s.char_indices().peekable();
    for target in bytes {
        while byte < target {
            match chars.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    count += 1;
                }
                None => break,
            }
        }
        out.push(count);
    }
    out
}

impl Segmenter for Uax29 {
    fn words(&self, paragraph: &str) -> Vec<(usize, usize)> {
        let segments: Vec<(usize, &str)> = paragraph
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .collect();
        let ends = segments.iter().flat_map(|(at, w)| [*at, at + w.len()]);
        let points = code_points(paragraph, ends);
        points.chunks(2).map(|pair| (pair[0], pair[1])).collect()
    }

    fn sentences(&self, paragraph: &str) -> Vec<usize> {
        let starts = paragraph.split_sentence_bound_indices().map(|(at, _)| at);
        code_points(paragraph, starts)
    }
}

/// The paragraph (between line breaks) that offset `index` lies in, as code point offsets.
pub fn paragraph_around(text: &Text, index: usize) -> (usize, usize) {
    let is_break = |c: Option<char>| matches!(c, Some('\n' | '\r' | '\u{2028}' | '\u{2029}'));
    let mut start = index.min(text.len());
    while start > 0 && !is_break(text.char_before(start)) {
        start -= 1;
    }
    let mut end = index.min(text.len());
    while end < text.len() && !is_break(text.char_at(end)) {
        end += 1;
    }
    (start, end)
}

/// The words of the paragraph around `index`, as document offsets.
pub fn words_around(text: &Text, index: usize, segmenter: &dyn Segmenter) -> Vec<(usize, usize)> {
    let (start, end) = paragraph_around(text, index);
    segmenter
        .words(text.slice(start, end))
        .into_iter()
        .map(|(s, e)| (start + s, start + e))
        .collect()
}

/// The word that offset `index` falls strictly inside, if any.
pub fn word_around(text: &Text, index: usize, segmenter: &dyn Segmenter) -> Option<(usize, usize)> {
    words_around(text, index, segmenter)
        .into_iter()
        .find(|&(start, end)| start < index && index < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_words(paragraph: &str, expected: &[&str]) {
        let t = Text::new(paragraph);
        let words: Vec<&str> = Uax29
            .words(paragraph)
            .iter()
            .map(|&(s, e)| t.slice(s, e))
            .collect();
        assert_eq!(words, expected, "{paragraph:?}");
    }

    #[test]
    fn host_words_follow_uax29() {
        check_words(
            "Russia’s well-known envoy, don't!",
            &["Russia’s", "well", "known", "envoy", "don't"],
        );
        check_words(
            "Zoë 🙂 café e\u{301}t\u{e9} 3.5",
            &["Zoë", "café", "e\u{301}t\u{e9}", "3.5"],
        );
        check_words("قالت زاخاروفا", &["قالت", "زاخاروفا"]);
        check_words("扎哈罗娃表示", &["扎", "哈", "罗", "娃", "表", "示"]);
    }

    #[test]
    fn sentences_start_after_full_stops_of_several_scripts() {
        let starts = |p: &str| Uax29.sentences(p);
        assert_eq!(starts("One. Two! Three?"), [0, 5, 10]);
        assert_eq!(starts("她说。他笑了。"), [0, 3]);
        assert_eq!(starts("वह आया। फिर गया।"), [0, 8]);
    }

    #[test]
    fn display_shortening_cuts_between_clusters() {
        assert_eq!(
            shorten_end("e\u{301}e\u{301}e\u{301}", 2),
            "e\u{301}e\u{301}…"
        );
        assert_eq!(shorten_end("รัฐบาล", 1), "รั…");
        assert_eq!(shorten_end("🇵🇰🇺🇦", 5), "🇵🇰🇺🇦");
        assert_eq!(shorten_middle("👨🏻‍🚒abcdef🙂", 4), "👨🏻‍🚒a … f🙂");
        assert_eq!(shorten_middle("قالت زاخاروفا", 40), "قالت زاخاروفا");
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        assert_eq!(truncate("👨🏻‍🚒👨🏻‍🚒x", 1), ("👨🏻‍🚒", true));
        assert_eq!(truncate("e\u{301}e\u{301}", 1), ("e\u{301}", true));
        assert_eq!(truncate("🇵🇰", 1), ("🇵🇰", false));
    }

    #[test]
    fn fits_width_agrees_with_width() {
        for s in [
            "",
            "a",
            "Short heading",
            "日本語の見出し",
            "e\u{301}e\u{301}",
            "👨‍👩‍👧 family",
            &"x".repeat(61),
            &"語".repeat(31),
        ] {
            for max in [0, 1, 2, 5, 13, 14, 60, 61, 62] {
                assert_eq!(fits_width(s, max), width(s) <= max, "{s:?} {max}");
            }
        }
    }
}
