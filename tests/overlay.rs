//! Host tests of overlays (`model::overlay`): a block's segments cut into pieces where a
//! pending selection or a student's missed and extra spans begin and end.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::layout::{blocks, segments};
use claimmark::model::overlay::{pieces, Overlay};
use claimmark::model::{Document, Workspace};
use common::tagged;

/// The code point span of the first `phrase` in `text`.
fn at(text: &str, phrase: &str) -> (usize, usize) {
    let byte = text.find(phrase).expect("a phrase of the text");
    let start = text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// Lays out `text` (one line) with `marked` phrases annotated as claims, draws `overlays`
/// (phrase, class) over it and renders each piece as `text` or `text{class…}`, with `[ids]`
/// where annotations cover it.
fn check(text: &str, marked: &[&str], overlays: &[(&str, &'static str)], expected: &[&str]) {
    let marks: Vec<_> = marked
        .iter()
        .map(|phrase| {
            let (start, end) = at(text, phrase);
            (start, end, "claim", "")
        })
        .collect();
    let workspace = tagged(Workspace::new(Document::new("t", text)), &marks);
    let laid_out = blocks(&workspace.document.text);
    assert_eq!(laid_out.len(), 1, "one line");
    let segments = segments(&workspace, &laid_out);
    let overlays: Vec<Overlay> = overlays
        .iter()
        .map(|&(phrase, class)| {
            let (start, end) = at(text, phrase);
            Overlay {
                start,
                end,
                class,
                title: String::new(),
            }
        })
        .collect();
    let got: Vec<String> = pieces(&segments[0], &overlays)
        .iter()
        .map(|piece| {
            let mut shown = workspace
                .document
                .text
                .slice(piece.start, piece.end)
                .to_string();
            if !piece.classes.is_empty() {
                shown.push_str(&format!("{{{}}}", piece.classes.join(",")));
            }
            let ids: Vec<&str> = piece.segment.layers.iter().map(|l| l.id.as_str()).collect();
            if !ids.is_empty() {
                shown.push_str(&format!("[{}]", ids.join(",")));
            }
            shown
        })
        .collect();
    assert_eq!(
        got, expected,
        "{text:?} marked {marked:?} with {overlays:?}"
    );
}

#[test]
fn without_overlays_pieces_are_the_segments() {
    check(
        "“Zakharova” said — 🙂",
        &[],
        &[],
        &["“Zakharova” said — 🙂"],
    );
    check(
        "“Zakharova” said — 🙂",
        &["“Zakharova”"],
        &[],
        &["“Zakharova”[a1]", " said — 🙂"],
    );
}

#[test]
fn an_overlay_cuts_plain_and_highlighted_segments_where_it_begins_and_ends() {
    check(
        "“Zakharova” said — 🙂 talks failed.",
        &[],
        &[("said — 🙂", "is-pending")],
        &["“Zakharova” ", "said — 🙂{is-pending}", " talks failed."],
    );
    check(
        "قال المتحدث إن المحادثات فشلت.",
        &["المتحدث إن"],
        &[("إن المحادثات", "is-missed")],
        &[
            "قال ",
            "المتحدث [a1]",
            "إن{is-missed}[a1]",
            " المحادثات{is-missed}",
            " فشلت.",
        ],
    );
}

#[test]
fn overlapping_overlays_give_each_piece_every_class_covering_it() {
    check(
        "外交部表示：谈判失败。",
        &["谈判失败"],
        &[
            ("外交部表示：谈判", "is-extra"),
            ("表示：谈判失败", "is-pending"),
        ],
        &[
            "外交部{is-extra}",
            "表示：{is-extra,is-pending}",
            "谈判{is-extra,is-pending}[a1]",
            "失败{is-pending}[a1]",
            "。",
        ],
    );
}

#[test]
fn an_overlay_over_the_whole_line_covers_every_piece_and_cuts_none() {
    check(
        "Café 🙂 — Kabul’s",
        &["🙂"],
        &[("Café 🙂 — Kabul’s", "is-pending")],
        &[
            "Café {is-pending}",
            "🙂{is-pending}[a1]",
            " — Kabul’s{is-pending}",
        ],
    );
}
