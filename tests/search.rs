//! Host tests of search: case-insensitive literal matches, whole words, spans that never cut a
//! character, and matches from UTF-16 offsets (the browser's regular expressions).
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::search::{self, Found, MAX_MATCHES};
use claimmark::model::Text;

const TEXT: &str =
    "Kabul’s “talks” — 🙂 kabul, KABUL!\r\nCafe\u{301} cafe 👨🏻‍🚒 İstanbul talkshow talks";

/// The quotes of what `query` finds.
fn check(query: &str, whole_words: bool, expected: &[&str]) {
    let text = Text::new(TEXT);
    let found = search::find(&text, query, whole_words);
    let quotes: Vec<&str> = found.spans.iter().map(|s| text.quote(*s)).collect();
    assert_eq!(quotes, expected, "{query:?} whole words: {whole_words}");
    assert!(!found.truncated);
}

#[test]
fn literal_search_ignores_case_and_counts_code_points() {
    check("kabul", false, &["Kabul", "kabul", "KABUL"]);
    check("TALKS", false, &["talks", "talks", "talks"]);
    check("talks", true, &["talks", "talks"]);
    check("“talks”", false, &["“talks”"]);
    check("— 🙂", false, &["— 🙂"]);
    check("👨🏻‍🚒", false, &["👨🏻‍🚒"]);
    check("\r\n", false, &["\r\n"]);
    // Full case folding: İ folds to i + combining dot, so both spellings find it.
    check("i̇stanbul", false, &["İstanbul"]);
    check("İstanbul", false, &["İstanbul"]);
    check("", false, &[]);
}

#[test]
fn matches_never_cut_a_character() {
    // "cafe" inside "Cafe\u{301}" would leave the accent behind; the bare "cafe" is found.
    check("cafe", false, &["cafe"]);
    check("cafe\u{301}", false, &["Cafe\u{301}"]);
    // A skin-tone modifier belongs to its emoji.
    check("👨", false, &[]);
}

#[test]
fn spans_are_in_code_points() {
    let text = Text::new(TEXT);
    let found = search::find(&text, "kabul", true);
    let starts: Vec<usize> = found.spans.iter().map(|s| s.start()).collect();
    let expected: Vec<usize> = TEXT
        .to_lowercase()
        .match_indices("kabul")
        .map(|(byte, _)| TEXT.to_lowercase()[..byte].chars().count())
        .collect();
    assert_eq!(starts, expected);
}

#[test]
fn utf16_matches_become_code_point_spans() {
    let text = Text::new(TEXT);
    // Where a browser RegExp /kabul/giu would report its matches, in UTF-16 units.
    let utf16: Vec<(usize, usize)> = search::find(&text, "kabul", false)
        .spans
        .iter()
        .map(|s| {
            let units = |i: usize| TEXT.chars().take(i).map(char::len_utf16).sum::<usize>();
            (units(s.start()), units(s.end()))
        })
        .collect();
    assert_eq!(
        utf16[1].0 - utf16[0].0,
        21,
        "20 code points, the emoji counting twice"
    );
    let back = search::from_utf16(&text, &utf16, false);
    assert_eq!(back, search::find(&text, "kabul", false));
    let whole = search::from_utf16(&text, &utf16, true);
    assert_eq!(whole.spans.len(), 3);
    // Empty matches, cut surrogate pairs and accents torn from their letter are dropped.
    let emoji = TEXT.find('🙂').unwrap();
    let inside = TEXT[..emoji].encode_utf16().count() + 1;
    let accent = TEXT[..TEXT.find('\u{301}').unwrap()].encode_utf16().count();
    let odd = [(0, 0), (inside, inside + 2), (accent - 4, accent)];
    assert_eq!(search::from_utf16(&text, &odd, false), Found::default());
}

#[test]
fn too_many_matches_are_capped_and_said() {
    let text = Text::new("ab ".repeat(MAX_MATCHES + 5));
    let found = search::find(&text, "AB", true);
    assert_eq!(found.spans.len(), MAX_MATCHES);
    assert!(found.truncated);
}
