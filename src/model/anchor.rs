//! Finding a quoted passage in a text: the W3C `TextQuoteSelector` rule.
//!
//! [`find_quote`] looks for every occurrence of the exact text, scores each by how much of the
//! expected prefix and suffix surround it, and, on a tie, by closeness to a hinted position
//! ([`best_occurrence`], which re-anchoring also uses on occurrences it found itself).
//! Offsets are code points.

use super::span::Span;
use super::text::Text;

/// Length in code points of the common suffix of `a` and `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Length in code points of the common prefix of `a` and `b`.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The best occurrence of `exact` in `text`, judged by the context and the hint.
pub fn find_quote(
    text: &Text,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<Span> {
    if exact.is_empty() {
        return None;
    }
    let haystack = text.as_str();
    // Walk the occurrences in order, counting code points incrementally.
    let (mut last_byte, mut last_index) = (0, 0);
    let starts = haystack.match_indices(exact).map(|(byte, _)| {
        last_index += haystack[last_byte..byte].chars().count();
        last_byte = byte;
        last_index
    });
    best_occurrence(text, exact.chars().count(), (prefix, suffix), hint, starts)
}

/// Of the occurrences of a quote `exact_len` code points long that start at `starts` (in text
/// order), the one most of whose expected context (`prefix`, `suffix`) surrounds it, and on a
/// tie the one nearest `hint`, and then the first.
pub fn best_occurrence(
    text: &Text,
    exact_len: usize,
    (prefix, suffix): (&str, &str),
    hint: Option<usize>,
    starts: impl IntoIterator<Item = usize>,
) -> Option<Span> {
    let (prefix_len, suffix_len) = (prefix.chars().count(), suffix.chars().count());
    let mut best: Option<(usize, usize, Span)> = None;
    for start in starts {
        let span = Span::new(start, start + exact_len, text.len()).ok()?;
        let before = text.slice(start.saturating_sub(prefix_len), start);
        let after = text.slice(span.end(), span.end() + suffix_len);
        let context = common_suffix(before, prefix) + common_prefix(after, suffix);
        let distance = hint.map_or(0, |h| h.abs_diff(start));
        let better = match best {
            None => true,
            Some((c, d, _)) => context > c || (context == c && distance < d),
        };
        if better {
            best = Some((context, distance, span));
        }
    }
    best.map(|(_, _, span)| span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        text: &str,
        exact: &str,
        prefix: &str,
        suffix: &str,
        hint: Option<usize>,
        expected: Option<(usize, usize)>,
    ) {
        let t = Text::new(text);
        let got = find_quote(&t, exact, prefix, suffix, hint).map(|s| (s.start(), s.end()));
        assert_eq!(got, expected, "{exact:?} in {text:?}");
    }

    #[test]
    fn context_picks_the_right_occurrence() {
        let text = "🙂 Kabul said no. Then Kabul’s envoy said yes.";
        check(text, "said", "Kabul ", " no", None, Some((8, 12)));
        check(text, "said", "envoy ", " yes", None, Some((36, 40)));
        check(text, "said", "", "", Some(30), Some((36, 40)));
        check(text, "Kabul", "Then ", "’s", None, Some((22, 27)));
        check(text, "Islamabad", "", "", None, None);
        check(text, "", "", "", None, None);
    }
}
