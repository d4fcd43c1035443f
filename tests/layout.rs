//! Host tests of blocks and highlight segments.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::layout::{blocks, segments, segments_of, BlockKind};
use claimmark::model::text::seed_document;
use claimmark::model::{Document, Text, Workspace};
use common::{tagged, Mark};

mod common;

fn check_blocks(text: &str, expected: &[(&str, BlockKind)]) {
    let t = Text::new(text);
    let got: Vec<_> = blocks(&t)
        .iter()
        .map(|b| (t.slice(b.start, b.end).to_string(), b.kind))
        .collect();
    let expected: Vec<_> = expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
    assert_eq!(got, expected, "blocks of {text:?}");
}

#[test]
fn lines_become_blocks_and_short_unpunctuated_lines_headings() {
    use BlockKind::*;
    check_blocks(
        "A heading\nA sentence that ends.",
        &[("A heading", Heading), ("A sentence that ends.", Paragraph)],
    );
    check_blocks(
        "one.\r\n\r\ntwo 🙂.\rthree.",
        &[
            ("one.", Paragraph),
            ("two 🙂.", Paragraph),
            ("three.", Paragraph),
        ],
    );
    check_blocks("\n\n", &[]);
    check_blocks("", &[]);
}

#[test]
fn the_seed_article_has_one_subheading() {
    let doc = seed_document();
    let all = blocks(&doc.text);
    let headings: Vec<_> = all
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| doc.text.slice(b.start, b.end))
        .collect();
    assert_eq!(headings, ["Russia’s Position on Conflict Resolution"]);
    assert_eq!(all.len(), doc.text.as_str().lines().count());
}

/// Renders each block as text with [label…] brackets around annotated segments, and `^` where a
/// badge shows.
fn render(ws: &Workspace) -> Vec<String> {
    let bl = blocks(&ws.document.text);
    let segs = segments(ws, &bl);
    segs.iter()
        .map(|block| {
            block
                .iter()
                .map(|s| {
                    let text = ws.document.text.slice(s.start, s.end);
                    if s.layers.is_empty() {
                        return text.to_string();
                    }
                    let labels: Vec<String> = s
                        .layers
                        .iter()
                        .map(|l| {
                            format!(
                                "{}{}",
                                if l.starts_here { "^" } else { "" },
                                &l.label.as_str()[..1]
                            )
                        })
                        .collect();
                    format!("[{}:{}]", labels.join(","), text)
                })
                .collect()
        })
        .collect()
}

fn workspace_with(text: &str, spans: &[(usize, usize, &str)]) -> Workspace {
    let marks: Vec<Mark> = spans
        .iter()
        .map(|&(s, e, label)| (s, e, label, "x"))
        .collect();
    tagged(Workspace::new(Document::new("t", text)), &marks)
}

#[test]
fn overlapping_and_nested_spans_split_into_layered_segments() {
    let ws = workspace_with(
        "ab🙂cd’ef",
        &[(0, 5, "claim"), (2, 8, "allegation"), (3, 4, "proposal")],
    );
    assert_eq!(render(&ws), ["[^c:ab][c,^a:🙂][c,a,^p:c][c,a:d][a:’ef]"]);
}

#[test]
fn spans_across_line_breaks_continue_in_the_next_block_without_a_second_badge() {
    let ws = workspace_with(
        "one two\r\nthree four",
        &[(4, 14, "claim"), (7, 14, "proposal")],
    );
    assert_eq!(render(&ws), ["one [^c:two]", "[c,^p:three] four"]);
}

#[test]
fn segments_of_untouched_blocks_are_unchanged_after_an_add() {
    let before = workspace_with("first.\nsecond.\nthird.", &[(0, 5, "claim")]);
    let after = workspace_with(
        "first.\nsecond.\nthird.",
        &[(0, 5, "claim"), (7, 13, "claim")],
    );
    let bl = blocks(&before.document.text);
    let (a, b) = (segments(&before, &bl), segments(&after, &bl));
    assert_eq!(a[0], b[0]);
    assert_ne!(a[1], b[1]);
    assert_eq!(a[2], b[2]);
}

#[test]
fn segments_of_a_range_equal_the_same_blocks_of_the_whole() {
    let text =
        "one two three.\nfour five six.\r\nseven eight nine.\nten eleven twelve.\n\nthirteen.";
    // A long annotation from the first block into the fourth, nested and gap-starting ones.
    let ws = workspace_with(
        text,
        &[
            (0, 50, "claim"),
            (4, 13, "proposal"),
            (14, 20, "allegation"),
            (33, 38, "claim"),
            (60, 70, "claim"),
        ],
    );
    let bl = blocks(&ws.document.text);
    let whole = segments(&ws, &bl);
    for start in 0..bl.len() {
        for end in start..=bl.len() {
            assert_eq!(
                segments_of(&ws, &bl, start..end),
                whole[start..end].to_vec(),
                "blocks {start}..{end}"
            );
        }
    }
}
