//! The units other tools count offsets in, and telling them apart.
//!
//! claimmark counts Unicode code points. Tools written in JavaScript (doccano's current
//! front end, its issue #2290; Label Studio; Recogito; Hypothesis) count UTF-16 code units,
//! which differ after any character outside the Basic Multilingual Plane (most emoji). brat
//! reads its `.txt` with Python's universal newlines, so a file saved with CR LF has each line
//! break counted as one character (its issue #853). A [`UnitMap`] converts one text's foreign
//! offsets to code points exactly, refusing an offset that falls inside a character.
//!
//! With `--offsets auto` (the default) an import weighs the evidence of every span in the file
//! ([`Tally`]): the reading under which spans fit their texts and quotes wins; when both fit,
//! the one whose spans start and end between words wins; when nothing tells them apart the
//! file is read in code points and the import says it could not tell ([`Verdict::Unsure`]).

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

/// A unit of offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Unicode code points: claimmark, spaCy, Prodigy, brat on LF files, W3C's own rule.
    CodePoint,
    /// UTF-16 code units, as JavaScript strings count.
    Utf16,
    /// Code points with every CR LF counted as one character (brat on a CR LF file).
    NewlineAsOne,
    /// Grapheme clusters (doccano's "count grapheme clusters as one character" mode).
    Grapheme,
}

impl Unit {
    /// How the unit is named on the command line and in messages.
    pub fn id(self) -> &'static str {
        match self {
            Unit::CodePoint => "codepoint",
            Unit::Utf16 => "utf16",
            Unit::NewlineAsOne => "crlf-as-one",
            Unit::Grapheme => "grapheme",
        }
    }

    pub fn from_id(id: &str) -> Option<Unit> {
        [
            Unit::CodePoint,
            Unit::Utf16,
            Unit::NewlineAsOne,
            Unit::Grapheme,
        ]
        .into_iter()
        .find(|u| u.id() == id)
    }

    /// The unit in words, for the preview and warnings.
    pub fn words(self) -> &'static str {
        match self {
            Unit::CodePoint => "Unicode code points",
            Unit::Utf16 => "UTF-16 code units",
            Unit::NewlineAsOne => "characters with each CR LF line break counted as one",
            Unit::Grapheme => "grapheme clusters (user-perceived characters)",
        }
    }

    /// Who counts this way, in brackets (empty for code points).
    pub fn detail(self) -> &'static str {
        match self {
            Unit::CodePoint => "",
            Unit::Utf16 => " (as JavaScript counts: most emoji count two)",
            Unit::NewlineAsOne => " (as brat reads a CR LF file)",
            Unit::Grapheme => " (doccano's grapheme-cluster mode: a flag or a family emoji is one)",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How an import is told to read offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Offsets {
    /// Weigh the evidence (the default).
    #[default]
    Auto,
    /// Read every offset in this unit.
    Fixed(Unit),
}

/// Converts one text's offsets between a foreign unit and code points.
///
/// Two families: UTF-16 counts some characters twice (`parts` are the wide characters), and
/// the units that count several code points once (CR LF for brat, a grapheme cluster for
/// doccano's grapheme mode: `parts` are those clusters, `extra` their lengths less one,
/// added up).
#[derive(Clone, Debug)]
pub struct UnitMap {
    unit: Unit,
    /// Sorted code point offsets where the units part: each character outside the BMP
    /// (UTF-16), or the start of each stretch counted once.
    parts: Vec<usize>,
    /// The same places in the foreign unit.
    marks: Vec<usize>,
    /// For stretches counted once: the code points they hide, added up through each.
    extra: Vec<usize>,
}

impl UnitMap {
    pub fn new(text: &str, unit: Unit) -> UnitMap {
        // (code point start, length) of every stretch counted once.
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        let mut parts = Vec::new();
        match unit {
            Unit::CodePoint => {}
            Unit::Utf16 => parts.extend(
                text.chars()
                    .enumerate()
                    .filter(|(_, c)| c.len_utf16() == 2)
                    .map(|(index, _)| index),
            ),
            Unit::NewlineAsOne => {
                let mut previous = '\0';
                for (index, c) in text.chars().enumerate() {
                    if previous == '\r' && c == '\n' {
                        stretches.push((index - 1, 2));
                    }
                    previous = c;
                }
            }
            Unit::Grapheme => {
                let mut at = 0;
                for cluster in text.graphemes(true) {
                    let len = cluster.chars().count();
                    if len > 1 {
                        stretches.push((at, len));
                    }
                    at += len;
                }
            }
        }
        if unit == Unit::Utf16 {
            let marks = parts.iter().enumerate().map(|(k, &p)| p + k).collect();
            return UnitMap {
                unit,
                parts,
                marks,
                extra: Vec::new(),
            };
        }
        let (mut marks, mut extra) = (Vec::new(), Vec::new());
        let mut hidden = 0;
        for &(start, len) in &stretches {
            parts.push(start);
            marks.push(start - hidden);
            hidden += len - 1;
            extra.push(hidden);
        }
        UnitMap {
            unit,
            parts,
            marks,
            extra,
        }
    }

    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// Whether this unit reads the text exactly as code points do.
    pub fn is_identity(&self) -> bool {
        self.parts.is_empty()
    }

    /// The code point offset of foreign offset `offset`; `None` inside a surrogate pair.
    pub fn to_code_points(&self, offset: usize) -> Option<usize> {
        let before = self.marks.partition_point(|&m| m < offset);
        match self.unit {
            Unit::CodePoint => Some(offset),
            Unit::Utf16 if before > 0 && self.marks[before - 1] + 1 == offset => None,
            Unit::Utf16 => Some(offset - before),
            Unit::NewlineAsOne | Unit::Grapheme => {
                Some(offset + before.checked_sub(1).map_or(0, |k| self.extra[k]))
            }
        }
    }

    /// The foreign offset of code point offset `offset` (for exports in this unit); an offset
    /// inside a stretch counted once gives the stretch's start.
    pub fn from_code_points(&self, offset: usize) -> usize {
        let before = self.parts.partition_point(|&p| p < offset);
        match self.unit {
            Unit::CodePoint => offset,
            Unit::Utf16 => offset + before,
            Unit::NewlineAsOne | Unit::Grapheme => {
                let Some(k) = before.checked_sub(1) else {
                    return offset;
                };
                let hidden_before = k.checked_sub(1).map_or(0, |j| self.extra[j]);
                let len = self.extra[k] - hidden_before + 1;
                if offset < self.parts[k] + len {
                    self.marks[k]
                } else {
                    offset - self.extra[k]
                }
            }
        }
    }
}

/// How well the spans of a file fit under one reading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Spans whose offsets differ from the code point reading.
    pub differing: usize,
    /// Spans that cannot be right: out of the text, inside a character, or not their quote.
    pub broken: usize,
    /// Spans that start or end inside a word.
    pub inside_words: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.differing += other.differing;
        self.broken += other.broken;
        self.inside_words += other.inside_words;
    }
}

/// Which unit a file's offsets are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Both readings agree (nothing after a wide character or CR LF), or the unit was given.
    Agree(Unit),
    /// The evidence picked this unit (`alternative` when it is not code points).
    Decided(Unit),
    /// Both readings fit equally well; read as code points, worth asking.
    Unsure { alternative: Unit },
}

impl Verdict {
    pub fn unit(self) -> Unit {
        match self {
            Verdict::Agree(unit) | Verdict::Decided(unit) => unit,
            Verdict::Unsure { .. } => Unit::CodePoint,
        }
    }
}

/// Weighs `code_points` against `other` (the same spans read in `alternative`).
pub fn decide(alternative: Unit, code_points: Tally, other: Tally) -> Verdict {
    if other.differing == 0 {
        return Verdict::Agree(Unit::CodePoint);
    }
    let pick = |alt_wins: bool| {
        Verdict::Decided(if alt_wins {
            alternative
        } else {
            Unit::CodePoint
        })
    };
    let fits = |t: Tally| t.differing - t.broken;
    if fits(code_points) == 0 && fits(other) == 0 {
        // Nothing fits either way: there is nothing to weigh (the problems will say so).
        return Verdict::Agree(Unit::CodePoint);
    }
    if code_points.broken != other.broken {
        return pick(other.broken < code_points.broken);
    }
    // Word edges decide only when one reading is clearly better: at most half the spans inside
    // words of the other's.
    let (a, b) = (code_points.inside_words, other.inside_words);
    if a * 2 < b || b * 2 < a {
        return pick(b < a);
    }
    Verdict::Unsure { alternative }
}

/// Whether `offset` lies between words: at an end of `text`, or not between two letters or
/// digits. (Scripts without spaces between words are inside words under every reading, so
/// they weigh nothing.)
pub fn between_words(before: Option<char>, after: Option<char>) -> bool {
    !matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, unit: Unit, foreign: &[usize], expected: &[Option<usize>]) {
        let map = UnitMap::new(text, unit);
        let got: Vec<Option<usize>> = foreign.iter().map(|&o| map.to_code_points(o)).collect();
        assert_eq!(got, expected, "{unit} in {text:?}");
        for (&o, e) in foreign.iter().zip(expected) {
            if let Some(cp) = e {
                assert_eq!(map.from_code_points(*cp), o, "back from {cp} in {text:?}");
            }
        }
    }

    #[test]
    fn utf16_offsets_convert_and_refuse_half_characters() {
        // 🙂 is code point 2, UTF-16 units 2..4; 👨🏻‍🚒 is four code points, seven units.
        check(
            "ab🙂c",
            Unit::Utf16,
            &[0, 2, 3, 4, 5],
            &[Some(0), Some(2), None, Some(3), Some(4)],
        );
        check("👨🏻‍🚒x", Unit::Utf16, &[0, 7, 8], &[Some(0), Some(4), Some(5)]);
        check("“quoted” — é", Unit::Utf16, &[3, 12], &[Some(3), Some(12)]);
        check("🇺🇦 firemen", Unit::Utf16, &[5, 12], &[Some(3), Some(10)]);
    }

    #[test]
    fn crlf_counted_as_one_converts_both_ways() {
        // "a\r\nb\r\nc": collapsed "a\nb\nc".
        check(
            "a\r\nb\r\nc",
            Unit::NewlineAsOne,
            &[0, 1, 2, 3, 4, 5],
            &[Some(0), Some(1), Some(3), Some(4), Some(6), Some(7)],
        );
        check("no breaks", Unit::NewlineAsOne, &[4], &[Some(4)]);
        check("دو\r\nسه", Unit::NewlineAsOne, &[3, 5], &[Some(4), Some(6)]);
    }

    #[test]
    fn grapheme_clusters_convert_both_ways() {
        // 🇺🇦 is one cluster of two code points, 👨🏻‍🚒 one of four, e + U+0301 one of two.
        check(
            "🇺🇦 Kyiv",
            Unit::Grapheme,
            &[0, 1, 2, 6],
            &[Some(0), Some(2), Some(3), Some(7)],
        );
        check(
            "a👨🏻‍🚒b e\u{301}c",
            Unit::Grapheme,
            &[1, 2, 3, 4, 5, 6],
            &[Some(1), Some(5), Some(6), Some(7), Some(9), Some(10)],
        );
        assert_eq!(
            UnitMap::new("🇺🇦 Kyiv", Unit::Grapheme).from_code_points(1),
            0,
            "inside a flag: its start"
        );
        assert!(UnitMap::new("plain text", Unit::Grapheme).is_identity());
    }

    #[test]
    fn a_text_with_nothing_wide_reads_the_same() {
        assert!(UnitMap::new("plain ’ — é Ελληνικά 中文", Unit::Utf16).is_identity());
        assert!(!UnitMap::new("🙂", Unit::Utf16).is_identity());
        assert!(UnitMap::new("a\nb", Unit::NewlineAsOne).is_identity());
    }

    #[test]
    fn the_evidence_decides_or_admits_it_cannot() {
        let t = |differing, broken, inside_words| Tally {
            differing,
            broken,
            inside_words,
        };
        let alt = Unit::Utf16;
        assert_eq!(
            decide(alt, t(0, 0, 0), t(0, 0, 0)),
            Verdict::Agree(Unit::CodePoint)
        );
        assert_eq!(
            decide(alt, t(3, 1, 0), t(3, 0, 0)),
            Verdict::Decided(Unit::Utf16)
        );
        assert_eq!(
            decide(alt, t(3, 0, 0), t(3, 2, 0)),
            Verdict::Decided(Unit::CodePoint)
        );
        assert_eq!(
            decide(alt, t(3, 0, 2), t(3, 0, 0)),
            Verdict::Decided(Unit::Utf16)
        );
        assert_eq!(
            decide(alt, t(3, 0, 1), t(3, 0, 1)),
            Verdict::Unsure { alternative: alt }
        );
        assert_eq!(Verdict::Unsure { alternative: alt }.unit(), Unit::CodePoint);
    }

    #[test]
    fn words_are_told_apart_in_any_script() {
        assert!(between_words(Some(' '), Some('f')));
        assert!(between_words(None, Some('f')));
        assert!(!between_words(Some('e'), Some('n')));
        assert!(!between_words(Some('ب'), Some('ا')));
        assert!(between_words(Some('”'), Some(' ')));
    }
}
