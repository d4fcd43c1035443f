//! Exact in every script: over a corpus of Arabic (with a superscript alef and a Prepend
//! character), Hebrew with points, Hindi, Bengali, Tamil, Thai, Chinese, Japanese (with a
//! combining voiced mark), Korean precomposed and as conjoining jamo, flags, a keycap, a
//! subdivision flag, a ZWJ family, a combining accent and CRLF line ends:
//! - every cut the import accepts is a grapheme cluster boundary, and every other cut is refused
//!   with a message naming the cluster it would split; `claimmark validate` says the same;
//! - snapping and the caret never leave a cluster split, in any script.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::cli::run;
use claimmark::model::boundaries::{cluster_around, is_grapheme_boundary};
use claimmark::model::caret::{step, Unit};
use claimmark::model::formats::native;
use claimmark::model::layout::blocks;
use claimmark::model::snap::snap_selection;
use claimmark::model::{Document, Text, Workspace};
use unicode_segmentation::UnicodeSegmentation;

const CORPUS: &str = include_str!("data/multilingual/corpus.txt");

/// A native file of CORPUS with one annotation from 0 to `end`.
fn file_ending_at(end: usize) -> String {
    let ws = Workspace::new(Document::new("corpus", CORPUS));
    let file = native::export(&ws);
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    let quote: String = CORPUS.chars().take(end).collect();
    value["annotations"] = serde_json::json!([{
        "id": "a1", "start": 0, "end": end, "quote": quote, "label": "claim",
        "attribution": null, "note": "", "created": "", "modified": ""
    }]);
    value.to_string()
}

/// The code point offsets of every grapheme cluster boundary of CORPUS, by the crate's own
/// iterator (a second opinion beside `is_grapheme_boundary`).
fn boundaries() -> Vec<usize> {
    let mut at = 0;
    let mut cuts = vec![0];
    for cluster in CORPUS.graphemes(true) {
        at += cluster.chars().count();
        cuts.push(at);
    }
    cuts
}

#[test]
fn imports_accept_exactly_the_cuts_between_clusters() {
    let text = Text::new(CORPUS);
    let cuts = boundaries();
    let mut refused = 0;
    for end in 1..=text.len() {
        let result = native::import(&file_ending_at(end));
        let boundary = cuts.contains(&end);
        assert_eq!(is_grapheme_boundary(&text, end), boundary, "offset {end}");
        match (boundary, result) {
            (true, Ok(imported)) => assert_eq!(imported.workspace.annotations().len(), 1),
            (false, Err(error)) => {
                let (start, stop) = cluster_around(&text, end).unwrap();
                let cluster: String = text
                    .slice(start, stop)
                    .chars()
                    .map(|c| {
                        if c.is_control() {
                            c.escape_default().to_string()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                assert!(
                    error
                        .to_string()
                        .contains(&format!("falls inside “{cluster}”")),
                    "offset {end}: {error}"
                );
                refused += 1;
            }
            (boundary, result) => panic!("offset {end} (boundary: {boundary}): {result:?}"),
        }
    }
    assert!(
        refused > 60,
        "the corpus has many clusters of several code points ({refused})"
    );
}

#[test]
fn validate_refuses_a_split_cluster_and_names_it() {
    let dir = std::env::temp_dir().join(format!("claimmark-scripts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let check = |name: &str, split: &str, boundary: bool| {
        let byte = CORPUS.find(split).expect("in the corpus");
        let end = CORPUS[..byte].chars().count() + 1; // after the cluster's first code point
        let path = dir.join(format!("{name}.claimmark.json"));
        std::fs::write(&path, file_ending_at(end)).unwrap();
        let finished = run(&["validate".to_string(), path.to_string_lossy().to_string()]);
        assert_eq!(
            finished.code,
            if boundary { 0 } else { 1 },
            "{name}: {}",
            finished.stderr
        );
        if !boundary {
            let shown: String = split
                .chars()
                .map(|c| c.escape_default().to_string())
                .collect();
            let shown = if split.contains('\r') {
                shown
            } else {
                split.to_string()
            };
            assert!(
                finished.stderr.contains(&format!("“{shown}”")),
                "{name}: {}",
                finished.stderr
            );
        }
    };
    check("flag", "🇵🇰", false);
    check("thai", "รั", false);
    check("devanagari", "प्र", false);
    check("jamo", "\u{1112}\u{1161}\u{11ab}", false);
    check("crlf", "\r\n", false);
    check("hebrew", "הַ", false);
    check("chinese", "俄罗", true);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn snapping_and_the_caret_never_split_a_cluster_in_any_script() {
    let text = Text::new(CORPUS);
    let layout = blocks(&text);
    let len = text.len();
    for start in (0..len).step_by(3) {
        for words in [false, true] {
            if let Some(span) = snap_selection(&text, start, (start + 4).min(len), words) {
                assert!(is_grapheme_boundary(&text, span.start()), "{start} {words}");
                assert!(is_grapheme_boundary(&text, span.end()), "{start} {words}");
            }
        }
        for unit in [Unit::Character, Unit::Word, Unit::Sentence] {
            for forward in [true, false] {
                let to = step(&text, &layout, start, unit, forward);
                assert!(
                    is_grapheme_boundary(&text, to),
                    "{unit:?} from {start}: {to}"
                );
            }
        }
    }
}
