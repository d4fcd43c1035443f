//! The review and check-my-work helpers: how pieces of text compare (key-only pieces are
//! missed, sources count), the score explained in sentences, aliases resolved when scoring,
//! the annotation list's filters and the warning before a look-alike new source.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::filter::{label_choices, source_choices, Filter};
use claimmark::model::metrics::score;
use claimmark::model::review::{compare, Annotator, Comparison, Piece, Review};
use claimmark::model::sources::new_source_warning;
use claimmark::model::{Document, LabelId, Source, Workspace};
use common::{tagged, Mark};

const TEXT: &str = "Maria Zakharova said “talks” 🙂 failed. Kabul accused Islamabad. قالت زاخاروفا إن المحادثات فشلت.";

/// (start, end) of the first `phrase` in TEXT, in code points.
fn at(phrase: &str) -> (usize, usize) {
    let byte = TEXT.find(phrase).expect("phrase in text");
    let start = TEXT[..byte].chars().count();
    (start, start + phrase.chars().count())
}

fn annotated(marks: &[(&str, &str, &str)], sources: Vec<Source>) -> Workspace {
    let mut workspace = Workspace::new(Document::new("t", TEXT));
    workspace.sources = sources;
    let marks: Vec<Mark> = marks
        .iter()
        .map(|&(phrase, label, source)| {
            let (start, end) = at(phrase);
            (start, end, label, source)
        })
        .collect();
    tagged(workspace, &marks)
}

fn zakharova() -> Source {
    Source {
        name: "Maria Zakharova".into(),
        aliases: vec!["Zakharova".into(), "زاخاروفا".into()],
    }
}

fn check_compare(categories: &[&str], annotator: Option<usize>, expected: Option<Comparison>) {
    let piece = Piece {
        start: 0,
        end: 1,
        categories: categories.iter().map(|c| c.to_string()).collect(),
    };
    assert_eq!(
        compare(&piece, annotator),
        expected,
        "{categories:?} for {annotator:?}"
    );
}

#[test]
fn pieces_compare_by_label_and_source_and_key_only_is_missed() {
    use Comparison::*;
    check_compare(&["none", "none", "none"], None, None);
    check_compare(&["claim", "claim", "claim"], None, Some(Agreed));
    check_compare(&["claim", "none", "none"], None, Some(Missed));
    check_compare(&["none", "claim", "none"], None, Some(Disagreed));
    check_compare(
        &["claim — Kabul", "claim — Islamabad"],
        None,
        Some(Disagreed),
    );
    check_compare(&["claim", "none", "claim"], Some(2), Some(Agreed));
    check_compare(&["claim", "none", "claim"], Some(1), Some(Missed));
    check_compare(&["none", "allegation", "none"], Some(1), Some(Disagreed));
    check_compare(&["none", "none", "claim"], Some(1), None);
}

#[test]
fn pieces_name_sources_through_aliases_so_who_said_it_shows() {
    let key = annotated(
        &[("said “talks” 🙂 failed", "claim", "Maria Zakharova")],
        vec![zakharova()],
    );
    let alias = annotated(&[("said “talks” 🙂 failed", "claim", "Zakharova")], vec![]);
    let other = annotated(&[("said “talks” 🙂 failed", "claim", "Kabul")], vec![]);
    let arabic = annotated(&[("إن المحادثات فشلت", "claim", "زاخاروفا")], vec![]);
    let review = Review::new(
        Annotator {
            name: "key".into(),
            workspace: key,
        },
        vec![
            Annotator {
                name: "Ana".into(),
                workspace: alias,
            },
            Annotator {
                name: "Bo".into(),
                workspace: other,
            },
            Annotator {
                name: "Chen".into(),
                workspace: arabic,
            },
        ],
    )
    .unwrap();
    let pieces = review.pieces();
    let (start, _) = at("said");
    let piece = pieces.iter().find(|p| p.start == start).unwrap();
    assert_eq!(
        piece.categories,
        [
            "claim — Maria Zakharova",
            "claim — Maria Zakharova",
            "claim — Kabul",
            "none"
        ]
    );
    assert_eq!(compare(piece, Some(1)), Some(Comparison::Agreed));
    assert_eq!(compare(piece, Some(2)), Some(Comparison::Disagreed));
    let (start, _) = at("إن");
    let piece = pieces.iter().find(|p| p.start == start).unwrap();
    assert_eq!(
        piece.categories,
        ["none", "none", "none", "claim — Maria Zakharova"]
    );
}

#[test]
fn the_key_s_aliases_count_when_scoring_sources() {
    let key = annotated(
        &[("Kabul accused Islamabad", "allegation", "Maria Zakharova")],
        vec![zakharova()],
    );
    let student = annotated(
        &[("Kabul accused Islamabad", "allegation", "zakharova")],
        vec![],
    );
    let s = score(&key, &student);
    assert_eq!(s.sources_right, (1, 1));
    assert_eq!(s.attribution_accuracy, Some(1.0));
    let wrong = annotated(
        &[("Kabul accused Islamabad", "allegation", "Kabul")],
        vec![],
    );
    assert_eq!(score(&key, &wrong).sources_right, (0, 1));
}

#[test]
fn each_score_reads_as_one_plain_sentence() {
    let key = annotated(
        &[
            ("Maria Zakharova said", "claim", "Maria Zakharova"),
            ("Kabul accused Islamabad", "allegation", "Kabul"),
            ("المحادثات فشلت", "claim", "زاخاروفا"),
        ],
        vec![zakharova()],
    );
    let student = annotated(
        &[
            ("Zakharova said", "claim", "Zakharova"),
            ("Kabul accused", "claim", "Kabul"),
        ],
        vec![],
    );
    assert_eq!(
        score(&key, &student).explained(),
        [
            "Found: 1 of the key's 3 spans overlaps one of your 2 with the same label.",
            "Exact: 0 of your 2 spans match one of the key's exactly (same start, end and label).",
            "Labels: of the 2 spans of yours that overlap the key's, 1 has the key's label.",
            "Sources: of the 1 found span, 1 names the key's source.",
        ]
    );
}

#[test]
fn the_list_filters_by_label_and_source_with_counts() {
    let ws = annotated(
        &[
            ("Maria Zakharova said", "claim", "Zakharova"),
            ("“talks” 🙂 failed", "claim", ""),
            ("Kabul accused Islamabad", "allegation", "Kabul"),
            ("المحادثات فشلت", "claim", "زاخاروفا"),
        ],
        vec![zakharova()],
    );
    let labels: Vec<(String, usize)> = label_choices(&ws)
        .into_iter()
        .map(|c| (c.name, c.count))
        .collect();
    assert_eq!(
        labels,
        [
            ("Claim".into(), 3),
            ("Allegation".into(), 1),
            ("Proposal".into(), 0)
        ]
    );
    let sources: Vec<(String, usize)> = source_choices(&ws)
        .into_iter()
        .map(|c| (c.name, c.count))
        .collect();
    assert_eq!(
        sources,
        [
            ("Maria Zakharova".into(), 2),
            ("Kabul".into(), 1),
            ("Unattributed".into(), 1)
        ]
    );
    let quotes = |filter: &Filter| -> Vec<String> {
        filter
            .apply(&ws)
            .iter()
            .map(|a| ws.quote(a).to_string())
            .collect()
    };
    let mut filter = Filter::default();
    assert!(filter.is_empty());
    assert_eq!(quotes(&filter).len(), 4);
    filter.labels.insert(LabelId::new("claim"));
    assert_eq!(
        quotes(&filter),
        [
            "Maria Zakharova said",
            "“talks” 🙂 failed",
            "المحادثات فشلت"
        ]
    );
    filter.sources.insert(Some("Maria Zakharova".into()));
    assert_eq!(quotes(&filter), ["Maria Zakharova said", "المحادثات فشلت"]);
    filter.sources.insert(None);
    assert_eq!(quotes(&filter).len(), 3);
}

fn check_warning(typed: &str, expected: Option<&str>) {
    let ws = annotated(
        &[("Kabul accused", "allegation", "Kabul")],
        vec![zakharova()],
    );
    assert_eq!(
        new_source_warning(&ws, typed).as_deref(),
        expected,
        "{typed:?}"
    );
}

#[test]
fn a_new_source_that_looks_like_an_existing_one_is_warned_about() {
    check_warning(
        "zakh",
        Some("“zakh” looks like the start of Maria Zakharova"),
    );
    check_warning("Mar", Some("“Mar” looks like the start of Maria Zakharova"));
    check_warning(
        "زاخا",
        Some("“زاخا” looks like the start of Maria Zakharova (also called “زاخاروفا”)"),
    );
    check_warning("Kab", Some("“Kab” looks like the start of Kabul"));
    check_warning("Zakharova", None);
    check_warning("kabul", None);
    check_warning("Islamabad", None);
    check_warning("  ", None);
}

#[test]
fn csv_cells_from_people_never_become_formulas() {
    use claimmark::model::stats::Statistics;
    let key = annotated(
        &[(
            "Kabul accused Islamabad",
            "allegation",
            "=cmd|' /C calc'!A0",
        )],
        vec![],
    );
    let student = annotated(&[("Kabul accused", "allegation", "@SUM(1+1)")], vec![]);
    let review = Review::new(
        Annotator {
            name: "key".into(),
            workspace: key.clone(),
        },
        vec![Annotator {
            name: "=HYPERLINK(\"http://x\",\"grade\")".into(),
            workspace: student,
        }],
    )
    .unwrap();
    let scores = review.scores_csv();
    assert!(
        scores.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"grade\"\")\",0.0000,"),
        "{scores}"
    );
    let table = Statistics::of(&[&key]).to_csv();
    assert!(
        table.contains("\r\n\"'=cmd|' /C calc'!A0\",0,1,0,1\r\n"),
        "{table}"
    );
    for line in scores.lines().chain(table.lines()) {
        assert!(!line.starts_with(['=', '+', '-', '@']), "{line}");
    }
}
