//! Spans of document text, counted in Unicode code points.
//!
//! A [`Span`] is the one way the model names a stretch of text. Its invariant,
//! `start < end <= text length`, is checked when it is built, so code that holds a `Span`
//! never re-checks it. Offsets are code points (Python `str` indices), end-exclusive.

use std::fmt;

/// A non-empty, end-exclusive range of code points inside a text of known length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    start: usize,
    end: usize,
}

/// Why a pair of offsets is not a [`Span`] of a given text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// `start >= end`: the span would be empty or reversed.
    Empty { start: usize, end: usize },
    /// `end` lies past the end of the text.
    PastEnd { end: usize, len: usize },
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanError::Empty { start, end } => {
                write!(f, "start {start} must be less than end {end}")
            }
            SpanError::PastEnd { end, len } => write!(
                f,
                "end {end} is past the end of the text ({len} code points)"
            ),
        }
    }
}

impl std::error::Error for SpanError {}

impl Span {
    /// Builds a span of a text that is `text_len` code points long.
    pub fn new(start: usize, end: usize, text_len: usize) -> Result<Span, SpanError> {
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > text_len {
            return Err(SpanError::PastEnd { end, len: text_len });
        }
        Ok(Span { start, end })
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    /// Number of code points covered; never zero.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Always false: spans are never empty. Present for API symmetry with `len`.
    pub fn is_empty(self) -> bool {
        false
    }

    /// True when the two spans share at least one code point.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of code points the two spans share.
    pub fn overlap_len(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// True when the span shares a code point with the range `[start, end)`.
    pub fn intersects_range(self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    /// The reading order of spans: earlier start first, and the longer (enclosing) span first
    /// when two start together.
    pub fn text_order_key(self) -> (usize, std::cmp::Reverse<usize>) {
        (self.start, std::cmp::Reverse(self.end))
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(start: usize, end: usize, len: usize, expected: Result<(usize, usize), &str>) {
        let got = Span::new(start, end, len)
            .map(|s| (s.start(), s.end()))
            .map_err(|e| e.to_string());
        assert_eq!(
            got,
            expected.map_err(str::to_string),
            "Span::new({start}, {end}, {len})"
        );
    }

    #[test]
    fn construction_enforces_the_invariant() {
        check(0, 1, 1, Ok((0, 1)));
        check(3, 7, 10, Ok((3, 7)));
        check(0, 10, 10, Ok((0, 10)));
        check(5, 5, 10, Err("start 5 must be less than end 5"));
        check(6, 5, 10, Err("start 6 must be less than end 5"));
        check(
            0,
            11,
            10,
            Err("end 11 is past the end of the text (10 code points)"),
        );
        check(
            0,
            1,
            0,
            Err("end 1 is past the end of the text (0 code points)"),
        );
    }

    #[test]
    fn overlap_counts_shared_code_points() {
        let s = |a, b| Span::new(a, b, 100).unwrap();
        assert_eq!(s(0, 10).overlap_len(s(5, 20)), 5);
        assert_eq!(s(0, 10).overlap_len(s(10, 20)), 0);
        assert!(!s(0, 10).overlaps(s(10, 20)));
        assert!(s(0, 10).overlaps(s(9, 20)));
        assert_eq!(s(2, 4).overlap_len(s(0, 10)), 2);
    }

    #[test]
    fn text_order_puts_enclosing_span_first() {
        let s = |a, b| Span::new(a, b, 100).unwrap();
        let mut spans = vec![s(5, 6), s(0, 3), s(0, 9), s(5, 8)];
        spans.sort_by_key(|s| s.text_order_key());
        assert_eq!(spans, vec![s(0, 9), s(0, 3), s(5, 8), s(5, 6)]);
    }
}
