//! Grapheme clusters against Unicode's own conformance test: every line of the vendored
//! `GraphemeBreakTest-17.0.0.txt` (tests/data/unicode/README.md), each boundary and each
//! non-boundary, through the model's one boundary module.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::boundaries::{is_grapheme_boundary, split_problem};
use claimmark::model::{Span, Text};
use sha2::{Digest, Sha256};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/unicode/GraphemeBreakTest-17.0.0.txt"
);

/// One test line: the code points and, for each offset 0..=len, whether it is a boundary.
fn parse(line: &str) -> Option<(String, Vec<bool>)> {
    let fields = line.split('#').next()?.trim();
    if fields.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut boundaries = Vec::new();
    for token in fields.split_whitespace() {
        match token {
            "÷" => boundaries.push(true),
            "×" => boundaries.push(false),
            hex => text.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?),
        }
    }
    Some((text, boundaries))
}

#[test]
fn every_line_of_the_unicode_grapheme_break_test_passes() {
    let bytes = std::fs::read(FILE).unwrap();
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hash,
        "e2d134d2c52919bace503ebb6a551c1855fe1a1faec18478c78fff254a1793ec"
    );
    let source = String::from_utf8(bytes).unwrap();
    assert!(source.starts_with("# GraphemeBreakTest-17.0.0.txt"));
    let mut cases = 0;
    let mut failures = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let Some((text, expected)) = parse(line) else {
            continue;
        };
        cases += 1;
        let t = Text::new(text.as_str());
        assert_eq!(expected.len(), t.len() + 1, "line {}", number + 1);
        let got: Vec<bool> = (0..=t.len()).map(|i| is_grapheme_boundary(&t, i)).collect();
        if got != expected {
            failures.push(format!("line {}: {line}", number + 1));
        }
        // A span between two boundaries is accepted; one that ends inside a cluster is not.
        for (end, &boundary) in expected.iter().enumerate().skip(1) {
            let span = Span::new(0, end, t.len()).unwrap();
            assert_eq!(
                split_problem(&t, span).is_none(),
                boundary,
                "line {} end {end}",
                number + 1
            );
        }
    }
    assert_eq!(cases, 766, "every test line was read");
    assert!(
        failures.is_empty(),
        "{} of {cases} lines fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
