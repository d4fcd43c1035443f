//! Aligning two versions of a text: which stretches stayed the same, and so where an offset of
//! the old text is expected in the new one.
//!
//! One diff over a million characters must itself be quick, so the texts are diffed coarsely
//! first and finely only where they differ: by pieces (lines, and sentences within them), then,
//! inside each changed stretch, by words, and inside each changed run of words by characters.
//! Every level runs the `similar` crate's Myers diff, which bounds its own work on hard inputs;
//! a changed stretch too long for the next level is left as one change. The work is split into
//! steps ([`Aligning::step`]), one changed stretch each, so a caller can spread it out.
//! Offsets are code points.

use similar::{capture_diff, Algorithm, DiffOp};

use super::boundaries::is_sentence_end;

/// An unchanged stretch: `len` code points at `old` in the old text and at `new` in the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub old: usize,
    pub new: usize,
    pub len: usize,
}

/// The unchanged stretches of two texts, in order (both offsets increase).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    runs: Vec<Run>,
    old_len: usize,
    new_len: usize,
}

impl Alignment {
    /// The unchanged stretches, in order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Where offset `at` of the old text is expected in the new one: moved with its unchanged
    /// stretch, or, inside a changed one, as far into what replaced it as it was into what was
    /// replaced (at most to its end).
    pub fn expected(&self, at: usize) -> usize {
        let index = self.runs.partition_point(|r| r.old + r.len <= at);
        if let Some(run) = self.runs.get(index).filter(|r| r.old <= at) {
            return run.new + (at - run.old);
        }
        let (old_from, new_from) = match index.checked_sub(1).map(|i| self.runs[i]) {
            Some(r) => (r.old + r.len, r.new + r.len),
            None => (0, 0),
        };
        let new_to = self.runs.get(index).map_or(self.new_len, |r| r.new);
        new_from + at.saturating_sub(old_from).min(new_to - new_from)
    }
}

/// How finely a stretch is cut into tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    /// Lines, and sentences within them.
    Pieces,
    /// Words with the spaces after them.
    Words,
    Chars,
}

/// Changed stretches longer than this (old and new code points together) are not diffed by
/// words, nor word runs longer than [`CHARS_MAX`] by characters: they stay one change.
const WORDS_MAX: usize = 1 << 17;
const CHARS_MAX: usize = 512;

/// A stretch of both texts still to diff: byte ranges and their first code points.
#[derive(Clone, Debug)]
struct Stretch {
    old: (usize, usize),
    new: (usize, usize),
    old_point: usize,
    new_point: usize,
    level: Level,
}

/// Where a stretch is cut into tokens: each token's first byte and code point, and the end.
struct Cuts {
    bytes: Vec<usize>,
    points: Vec<usize>,
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether a token ends before `c` (`space` if it is white space), given what came before it
/// (`state`, then updated to what comes after `c`).
#[inline]
fn cuts_before(level: Level, state: &mut u8, c: char, space: bool) -> bool {
    let (cut, next) = match level {
        Level::Chars => (true, 0),
        Level::Words => (*state == 1 && !space, u8::from(space)),
        // 1: after a sentence end; 2: after one and spaces; 3: after a line break (or a
        // full-width full stop, which needs no space).
        Level::Pieces => {
            let next = match c {
                _ if c.is_ascii_alphanumeric() => 0,
                _ if is_line_break(c) => 3,
                _ if is_sentence_end(c) => 1 + 2 * u8::from(c >= '\u{3000}'),
                _ if space && *state != 0 => (*state).max(2),
                _ => 0,
            };
            (*state >= 2 && !space, next)
        }
    };
    *state = next;
    cut
}

/// The tokens of `text[from..to]`, which starts at code point `point`.
fn cut(text: &str, (from, to): (usize, usize), point: usize, level: Level) -> Cuts {
    let mut cuts = Cuts {
        bytes: vec![from],
        points: vec![point],
    };
    let (bytes, mut at, mut count, mut state) = (text.as_bytes(), from, point, 0);
    while at < to {
        // ASCII, most of many texts, without decoding.
        let (c, space) = match bytes[at] {
            b if b < 0x80 => (char::from(b), b == b' ' || (b'\t'..=b'\r').contains(&b)),
            _ => {
                let c = text[at..].chars().next().unwrap_or_default();
                (c, c.is_whitespace())
            }
        };
        if cuts_before(level, &mut state, c, space) && at > from {
            cuts.bytes.push(at);
            cuts.points.push(count);
        }
        at += c.len_utf8();
        count += 1;
    }
    if count > point {
        cuts.bytes.push(to);
        cuts.points.push(count);
    }
    cuts
}

/// The tokens of `cuts` as slices of `text`.
fn tokens<'a>(text: &'a str, cuts: &Cuts) -> Vec<&'a str> {
    cuts.bytes.windows(2).map(|w| &text[w[0]..w[1]]).collect()
}

/// An alignment being worked out, one changed stretch per step.
#[derive(Clone, Debug)]
pub struct Aligning {
    todo: Vec<Stretch>,
    runs: Vec<Run>,
    old_len: usize,
    new_len: usize,
}

impl Aligning {
    /// Starts aligning `old` (`old_len` code points) with `new`.
    pub fn new(old: &str, old_len: usize, new: &str, new_len: usize) -> Aligning {
        Aligning {
            todo: vec![Stretch {
                old: (0, old.len()),
                new: (0, new.len()),
                old_point: 0,
                new_point: 0,
                level: Level::Pieces,
            }],
            runs: Vec::new(),
            old_len,
            new_len,
        }
    }

    /// Diffs up to `stretches` stretches still to diff (the first is the whole text);
    /// whether all are done. `old` and `new` are the texts given to [`Aligning::new`].
    pub fn step(&mut self, old: &str, new: &str, stretches: usize) -> bool {
        for _ in 0..stretches.max(1) {
            let Some(stretch) = self.todo.pop() else {
                break;
            };
            self.diff(old, new, &stretch);
        }
        self.todo.is_empty()
    }

    /// The alignment, finishing what is left.
    pub fn finish(mut self, old: &str, new: &str) -> Alignment {
        while !self.step(old, new, usize::MAX) {}
        self.runs.sort_unstable_by_key(|r| r.old);
        Alignment {
            runs: self.runs,
            old_len: self.old_len,
            new_len: self.new_len,
        }
    }

    /// Diffs one stretch: its unchanged tokens become runs, its changed ones stretches to diff
    /// more finely.
    fn diff(&mut self, old: &str, new: &str, stretch: &Stretch) {
        let a = cut(old, stretch.old, stretch.old_point, stretch.level);
        let b = cut(new, stretch.new, stretch.new_point, stretch.level);
        let (old_tokens, new_tokens) = (tokens(old, &a), tokens(new, &b));
        let ops = capture_diff(
            Algorithm::Myers,
            &old_tokens[..],
            0..old_tokens.len(),
            &new_tokens[..],
            0..new_tokens.len(),
        );
        for op in ops {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => self.runs.push(Run {
                    old: a.points[old_index],
                    new: b.points[new_index],
                    len: a.points[old_index + len] - a.points[old_index],
                }),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => self.refine(
                    &a,
                    (old_index, old_len),
                    &b,
                    (new_index, new_len),
                    stretch.level,
                ),
                DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
            }
        }
    }

    /// Queues a replaced run of tokens for the next level, if it is short enough for it.
    fn refine(
        &mut self,
        a: &Cuts,
        (i, m): (usize, usize),
        b: &Cuts,
        (j, n): (usize, usize),
        level: Level,
    ) {
        let size = a.points[i + m] - a.points[i] + b.points[j + n] - b.points[j];
        let level = match level {
            Level::Pieces if size <= WORDS_MAX => Level::Words,
            Level::Words if size <= CHARS_MAX => Level::Chars,
            _ => return,
        };
        self.todo.push(Stretch {
            old: (a.bytes[i], a.bytes[i + m]),
            new: (b.bytes[j], b.bytes[j + n]),
            old_point: a.points[i],
            new_point: b.points[j],
            level,
        });
    }
}

/// The alignment of two texts, worked out in one go.
pub fn align(old: &str, new: &str) -> Alignment {
    let (old_len, new_len) = (old.chars().count(), new.chars().count());
    Aligning::new(old, old_len, new, new_len).finish(old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_pieces(text: &str, expected: &[&str]) {
        let cuts = cut(text, (0, text.len()), 0, Level::Pieces);
        assert_eq!(tokens(text, &cuts), expected, "{text:?}");
        assert_eq!(cuts.points.last(), Some(&text.chars().count()));
    }

    #[test]
    fn pieces_end_at_line_breaks_and_sentence_ends() {
        check_pieces(
            "One. Two 3.5 three!\r\nFour",
            &["One. ", "Two 3.5 three!\r\n", "Four"],
        );
        check_pieces("她说。他笑了。\n好", &["她说。", "他笑了。\n", "好"]);
        check_pieces("قالت. نعم", &["قالت. ", "نعم"]);
        check_pieces("", &[]);
    }
}
