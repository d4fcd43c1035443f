//! Random texts and edits: re-anchoring through the alignment gives exactly what the rule as it
//! was gives (every quote searched in the whole text) with the expected place as the hint, in
//! one call and in steps (`reanchor_support::outcome`).
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::align::align;
use claimmark::model::scan::Scan;
use claimmark::model::{Span, Text};
use proptest::prelude::*;
use reanchor_support::{outcome, with_spans};

mod reanchor_support;

/// At a word, remove some (to the end when their count is odd), insert others.
type Edit = (usize, usize, Vec<usize>);

const WORDS: &[&str] = &[
    "Kabul ",
    "said ",
    "the ",
    "talks ",
    "would ",
    "resume ",
    "after ",
    "a ",
    "pause. ",
    "🙂 ",
    "👨🏻‍🚒 ",
    "قالت ",
    "زاخاروفا ",
    "扎哈罗娃",
    "表示。",
    "e\u{301}",
    "\r\n",
    "\n",
    "aXa",
    "Xa ",
];

/// A text of random words, and random edits of it: (at, remove, insert) on word positions,
/// where an insertion can be words cut from elsewhere (a move).
fn texts() -> impl Strategy<Value = (Vec<usize>, Vec<Edit>)> {
    let words = prop::collection::vec(0..WORDS.len(), 0..120);
    let edits = prop::collection::vec(
        (
            0..130usize,
            0..8usize,
            prop::collection::vec(0..WORDS.len(), 0..4),
        ),
        0..5,
    );
    (words, edits)
}

fn edit(words: &[usize], edits: &[Edit]) -> Vec<usize> {
    let mut words = words.to_vec();
    for (at, remove, insert) in edits {
        let at = (*at).min(words.len());
        let removed: Vec<usize> = words.drain(at..(at + remove).min(words.len())).collect();
        // Half the time what was removed goes to the end, as a moved paragraph does.
        if remove % 2 == 1 {
            words.extend(removed);
        }
        words.splice(at..at, insert.iter().copied());
    }
    words
}

/// The alignment's runs are the same text in both, in order in both, and never overlap.
fn check_alignment(old: &str, new: &str) {
    let (a, b) = (Text::new(old), Text::new(new));
    let mut after = (0, 0);
    for run in align(old, new).runs() {
        assert!(
            run.len > 0 && run.old >= after.0 && run.new >= after.1,
            "{run:?} after {after:?}"
        );
        let same = a.slice(run.old, run.old + run.len) == b.slice(run.new, run.new + run.len);
        assert!(
            same && run.old + run.len <= a.len() && run.new + run.len <= b.len(),
            "{run:?}"
        );
        after = (run.old + run.len, run.new + run.len);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reanchoring_keeps_the_rule_as_it_was((words, edits) in texts(), picks in prop::collection::vec((0..120usize, 1..30usize), 0..12)) {
        let text: String = words.iter().map(|&w| WORDS[w]).collect();
        let new: String = edit(&words, &edits).iter().map(|&w| WORDS[w]).collect();
        // Spans from word starts, some long enough to be found edited.
        let starts: Vec<usize> = words.iter().scan(0, |at, &w| { let s = *at; *at += WORDS[w].chars().count(); Some(s) }).collect();
        let len = text.chars().count();
        let spans: Vec<Span> = picks.iter().filter_map(|&(i, n)| {
            let start = *starts.get(i)?;
            let end = starts.get(i + n).copied().unwrap_or(len);
            Span::new(start, end, len).ok()
        }).collect();
        // `outcome` holds the one call, the steps and the rule as it was to each other.
        outcome(&with_spans(&text, &spans), &new);
        check_alignment(&text, &new);
    }
}

const LETTERS: &[&str] = &["ab", "a", "b", "aXa", "X", " ", "🙂", "\r\n", "e\u{301}"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Texts of a few letters repeated up to 80 times: quotes occur many times, overlap
    /// themselves and tie, and the edited copies nearest the hint may be far away.
    #[test]
    fn repetitive_texts_keep_the_rule_as_it_was(
        unit in prop::collection::vec(0..LETTERS.len(), 1..40),
        times in 1..80usize,
        edits in prop::collection::vec((0..3200usize, 0..8usize, prop::collection::vec(0..LETTERS.len(), 0..4)), 0..5),
        picks in prop::collection::vec((0..6000usize, 1..60usize), 0..12),
    ) {
        let words: Vec<usize> = unit.iter().copied().cycle().take(unit.len() * times).collect();
        let text: String = words.iter().map(|&w| LETTERS[w]).collect();
        let new: String = edit(&words, &edits).iter().map(|&w| LETTERS[w]).collect();
        let len = text.chars().count();
        let spans: Vec<Span> = picks
            .iter()
            .filter_map(|&(at, n)| Span::new(at % len.max(1), (at % len.max(1) + n).min(len), len).ok())
            .collect();
        outcome(&with_spans(&text, &spans), &new);
        check_alignment(&text, &new);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Many strings sharing their first bytes, looked for in one pass a slice at a time.
    #[test]
    fn one_scan_finds_what_match_indices_finds(
        text in "(ab ab ab|[ab🙂 ]){0,40}",
        strings in prop::collection::vec("(ab ab ab|ab ab a|ab|a|🙂|b)[ab🙂 ]{0,8}", 0..12),
        step in 1..20usize,
    ) {
        let mut scan = Scan::new(&strings);
        while !scan.advance(&text, step) {}
        for (i, s) in strings.iter().enumerate() {
            let expected: Vec<usize> = text.match_indices(s.as_str()).map(|(b, _)| text[..b].chars().count()).collect();
            prop_assert_eq!(scan.occurrences(i), expected.as_slice(), "{:?}", s);
        }
    }
}
