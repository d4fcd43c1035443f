//! Statistics of a document and of a corpus: counts per label and per source, their order,
//! coverage in code points, and the CSV table. Data is built through the editor, as the app does.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::stats::union_len;
use claimmark::model::{Action, Document, Editor, Label, LabelId, Span, Statistics, Workspace};
use common::{tagged, Mark};

/// 71 code points, 92 UTF-8 bytes, 75 UTF-16 units.
const TEXT: &str = "“Zakharova” said — 🙂 👨🏻‍🚒 Cafe\u{301} talks failed.\r\nKabul accused Islamabad.";

/// A workspace on `text` with `labels` (the defaults when `None`) and `marks`.
fn workspace(text: &str, labels: Option<Vec<Label>>, marks: &[Mark]) -> Workspace {
    let mut ws = Workspace::new(Document::new("t", text));
    if let Some(labels) = labels {
        let mut editor = Editor::new(ws);
        editor.apply(Action::SetLabels(labels)).unwrap();
        ws = editor.workspace().clone();
    }
    tagged(ws, marks)
}

fn label(id: &str, name: &str, color: &str) -> Label {
    Label {
        id: LabelId::new(id),
        name: name.into(),
        description: String::new(),
        color: color.into(),
    }
}

/// Checks the code points covered by `spans` on TEXT (all labelled claim).
fn check_coverage(spans: &[(usize, usize)], expected: usize) {
    let marks: Vec<Mark> = spans.iter().map(|&(s, e)| (s, e, "claim", "")).collect();
    let stats = Statistics::of(&[&workspace(TEXT, None, &marks)]);
    assert_eq!(stats.covered, expected, "{spans:?}");
    assert_eq!(stats.total, 71);
}

#[test]
fn coverage_is_the_union_of_spans_in_code_points() {
    check_coverage(&[], 0);
    check_coverage(&[(0, 11)], 11); // “Zakharova”
    check_coverage(&[(0, 11), (0, 11)], 11); // the same span twice
    check_coverage(&[(0, 25), (19, 25), (21, 25)], 25); // nested
    check_coverage(&[(12, 20), (17, 25)], 13); // overlapping
    check_coverage(&[(0, 11), (11, 16)], 16); // adjacent
    check_coverage(&[(19, 20), (21, 25), (26, 31)], 10); // 🙂, 👨🏻‍🚒 (4), Cafe + U+0301 (5)
    check_coverage(&[(26, 71)], 45); // across CRLF (2 code points)
    check_coverage(&[(47, 70), (0, 11), (53, 60), (40, 52)], 41);
    // The whole text: code points, not bytes (92) or UTF-16 units (75).
    check_coverage(&[(0, 71), (19, 25)], 71);
}

#[test]
fn union_len_sweeps_any_order() {
    let spans = [(30, 40), (0, 10), (5, 12), (12, 13), (35, 36), (50, 60)];
    let spans = spans.map(|(s, e)| Span::new(s, e, 100).unwrap());
    assert_eq!(union_len(spans), 13 + 10 + 10);
}

#[test]
fn share_is_covered_over_total_and_zero_without_text() {
    let one = workspace(TEXT, None, &[(0, 11, "claim", "")]);
    let empty_text = workspace("", None, &[]);
    let stats = Statistics::of(&[&one, &empty_text]);
    assert_eq!((stats.covered, stats.total), (11, 71));
    assert!((stats.share() - 11.0 / 71.0).abs() < 1e-12);
    assert_eq!(Statistics::of(&[]).share(), 0.0);
    assert_eq!(Statistics::of(&[&empty_text]).share(), 0.0);
    let all = workspace("ab", None, &[(0, 2, "claim", "")]);
    assert_eq!(Statistics::of(&[&all]).share(), 1.0);
}

#[test]
fn percent_never_rounds_to_none_or_all() {
    let check = |covered: usize, total: usize, expected: &str| {
        let mut stats = Statistics::of(&[]);
        (stats.covered, stats.total) = (covered, total);
        assert_eq!(stats.percent(), expected, "{covered} of {total}");
    };
    check(0, 0, "0.0%");
    check(0, 10, "0.0%");
    check(1, 3, "33.3%");
    check(1, 8, "12.5%");
    check(1, 10_000, "<0.1%");
    check(6, 10_000, "0.1%");
    check(9_999, 10_000, ">99.9%");
    check(10, 10, "100.0%");
}

#[test]
fn counts_per_label_and_source() {
    let ws = workspace(
        TEXT,
        None,
        &[
            (47, 70, "allegation", "Kabul"),
            (0, 11, "claim", "Zakharova"),
            (12, 16, "claim", "Zakharova"),
            (32, 44, "proposal", ""),
            (19, 25, "claim", ""),
        ],
    );
    let stats = Statistics::of(&[&ws]);
    assert_eq!((stats.documents, stats.annotations), (1, 5));
    let labels: Vec<_> = stats
        .labels
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str(), l.color.as_str(), l.count))
        .collect();
    assert_eq!(
        labels,
        [
            ("claim", "Claim", "#0072b2", 3),
            ("allegation", "Allegation", "#d55e00", 1),
            ("proposal", "Proposal", "#009e73", 1)
        ]
    );
    let rows: Vec<_> = stats
        .sources
        .iter()
        .map(|r| (r.name.as_deref(), r.counts.clone(), r.total))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("Zakharova"), vec![2, 0, 0], 2),
            (Some("Kabul"), vec![0, 1, 0], 1),
            (None, vec![1, 0, 1], 2),
        ],
        "the unattributed row is last even when it ties or leads"
    );
}

#[test]
fn ties_sort_by_name_case_insensitively() {
    let ws = workspace(
        TEXT,
        None,
        &[
            (0, 11, "claim", "zeta"),
            (12, 16, "claim", "Alpha"),
            (19, 20, "claim", "beta"),
            (21, 25, "claim", "Gamma"),
            (26, 31, "claim", "Émile"),
            (32, 36, "claim", "Émile"),
            (47, 52, "claim", "ébène"),
        ],
    );
    let stats = Statistics::of(&[&ws]);
    let names: Vec<_> = stats
        .sources
        .iter()
        .map(|r| (r.name.clone().unwrap(), r.total))
        .collect();
    // (Names that differ only in case are one source: the editor stores the first spelling.)
    let expected = [("Émile", 2), ("Alpha", 1), ("beta", 1), ("Gamma", 1)];
    assert_eq!(names[..4], expected.map(|(n, t)| (n.to_string(), t)));
    // "zeta" and "ébène" tie at 1 after "Gamma": lower-cased, z (U+007A) < é (U+00E9).
    assert_eq!(names[4].0, "zeta");
    assert_eq!(names[5].0, "ébène");
}

#[test]
fn a_corpus_merges_label_sets_by_id() {
    let first = workspace(TEXT, None, &[(0, 11, "claim", "Kabul")]);
    // The second document renames claim, reorders, and adds rumour.
    let custom = vec![
        label("rumour", "Rumour", "#cc79a7"),
        label("claim", "Statement", "#000000"),
    ];
    let second = workspace(
        "Word of mouth 🙂 says so.",
        Some(custom),
        &[
            (0, 13, "rumour", "Kabul"),
            (14, 15, "claim", ""),
            (16, 20, "rumour", "Nobody"),
        ],
    );
    let stats = Statistics::of(&[&first, &second]);
    let labels: Vec<_> = stats
        .labels
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str(), l.color.as_str(), l.count))
        .collect();
    assert_eq!(
        labels,
        [
            ("claim", "Claim", "#0072b2", 2),
            ("allegation", "Allegation", "#d55e00", 0),
            ("proposal", "Proposal", "#009e73", 0),
            ("rumour", "Rumour", "#cc79a7", 2),
        ]
    );
    assert_eq!((stats.documents, stats.annotations), (2, 4));
    assert_eq!(
        (stats.covered, stats.total),
        (11 + 13 + 1 + 4, 71 + 24),
        "coverage sums per document"
    );
    let kabul = &stats.sources[0];
    assert_eq!(
        (kabul.name.as_deref(), kabul.counts.clone()),
        (Some("Kabul"), vec![1, 0, 0, 1])
    );
    // Reversed, the second document's label order and names come first.
    let reversed = Statistics::of(&[&second, &first]);
    let ids: Vec<_> = reversed.labels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["rumour", "claim", "allegation", "proposal"]);
    assert_eq!(reversed.labels[1].name, "Statement");
}

#[test]
fn nothing_to_count() {
    let stats = Statistics::of(&[]);
    assert_eq!((stats.documents, stats.annotations), (0, 0));
    assert!(stats.labels.is_empty() && stats.sources.is_empty());
    assert_eq!(stats.to_csv(), "source,total\r\n");
    let stats = Statistics::of(&[&workspace(TEXT, None, &[])]);
    assert_eq!(stats.labels.len(), 3, "defined labels are listed with 0");
    assert_eq!(stats.to_csv(), "source,Claim,Allegation,Proposal,total\r\n");
}

#[test]
fn csv_quotes_names_as_rfc_4180_says() {
    let custom = vec![label("q", "Said, \"quoted\"", "#000000")];
    let ws = workspace(
        TEXT,
        Some(custom),
        &[
            (0, 11, "q", "<script>alert(1)</script> & \"x\""),
            (12, 16, "q", "Smith, J."),
            (19, 25, "q", "👨🏻‍🚒 Cafe\u{301}"),
            (26, 31, "q", ""),
        ],
    );
    let csv = Statistics::of(&[&ws]).to_csv();
    let expected = "source,\"Said, \"\"quoted\"\"\",total\r\n\
                    \"<script>alert(1)</script> & \"\"x\"\"\",1,1\r\n\
                    \"Smith, J.\",1,1\r\n\
                    👨🏻‍🚒 Cafe\u{301},1,1\r\n\
                    (unattributed),1,1\r\n";
    assert_eq!(csv, expected);
}
