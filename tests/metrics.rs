//! Span scores and agreement, on hand-computed cases (κ and α are also checked against
//! scikit-learn and the krippendorff package in tests/consumers/test_agreement.py).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::metrics::{
    cohen_kappa, krippendorff_alpha, pair_relaxed, score, unit_categories, Mark,
};
use claimmark::model::{Document, Source, Workspace};
use common::tagged;

const TEXT: &str = "Kabul 🙂 accused Islamabad. Islamabad denied it. Both propose talks.";

/// A workspace on TEXT with (start, end, label, source) annotations.
fn annotated(marks: &[(usize, usize, &str, &str)], sources: Vec<Source>) -> Workspace {
    let mut workspace = Workspace::new(Document::new("t", TEXT));
    workspace.sources = sources;
    tagged(workspace, marks)
}

fn mark(start: usize, end: usize, label: &str) -> Mark {
    Mark {
        start,
        end,
        label: label.into(),
        source: None,
    }
}

#[test]
fn relaxed_pairs_are_greedy_by_overlap_then_earliest_key_start() {
    // Submitted 5..15 overlaps key 0..10 by 5 and key 10..20 by 5: the earlier key wins.
    let key = [mark(10, 20, "claim"), mark(0, 10, "claim")];
    assert_eq!(pair_relaxed(&key, &[mark(5, 15, "claim")], true), [(1, 0)]);
    // A larger overlap wins over an earlier start.
    let submitted = [mark(8, 19, "claim")];
    assert_eq!(pair_relaxed(&key, &submitted, true), [(0, 0)]);
    // Greedy, not maximal: 0..20 overlaps both keys by 10 and takes the earlier one (0..10),
    // so 2..3 finds its only key used. Labels must agree unless ignored.
    let submitted = [
        mark(0, 20, "claim"),
        mark(2, 3, "claim"),
        mark(12, 13, "proposal"),
    ];
    assert_eq!(pair_relaxed(&key, &submitted, true), [(1, 0)]);
    assert_eq!(pair_relaxed(&key, &submitted, false), [(0, 2), (1, 0)]);
}

#[test]
fn scores_follow_the_definitions() {
    // Key: "Kabul 🙂 accused Islamabad" (0..25) allegation by Kabul, "Islamabad denied it" (27..46)
    // claim by Islamabad, "propose talks" (52..65) proposal.
    let key = annotated(
        &[
            (0, 25, "allegation", "Kabul"),
            (27, 46, "claim", "Islamabad"),
            (52, 65, "proposal", ""),
        ],
        vec![],
    );
    let student = annotated(
        &[
            (0, 25, "allegation", "kabul"),
            (27, 36, "allegation", "Islamabad"),
            (47, 65, "proposal", "Both"),
            (40, 46, "claim", "Pakistan"),
        ],
        vec![],
    );
    let s = score(&key, &student);
    assert_eq!(s.exact.matched, 1);
    assert_eq!((s.exact.precision, s.exact.recall), (0.25, 1.0 / 3.0));
    // Relaxed: 0..25 (allegation), 47..65 with 52..65 (proposal), 40..46 with 27..46 (claim).
    assert_eq!(s.relaxed.matched, 3);
    assert!((s.relaxed.f1 - 2.0 * 0.75 * 1.0 / 1.75).abs() < 1e-12);
    // Position pairs ignore labels: 27..46 pairs with 27..36 (overlap 9 > 6), whose label differs.
    assert_eq!(s.label_accuracy, Some(2.0 / 3.0));
    // Sources on relaxed pairs: kabul = Kabul, unattributed ≠ Both, Islamabad ≠ Pakistan.
    assert_eq!(s.attribution_accuracy, Some(1.0 / 3.0));
    assert_eq!(s.annotations, 4);
}

#[test]
fn aliases_from_either_file_resolve_sources() {
    let zakharova = Source {
        name: "Maria Zakharova".into(),
        aliases: vec!["Zakharova".into()],
    };
    let key = annotated(&[(0, 25, "allegation", "Maria  Zakharova")], vec![]);
    let student = annotated(&[(0, 25, "allegation", "zakharova")], vec![zakharova]);
    assert_eq!(score(&key, &student).attribution_accuracy, Some(1.0));
    let unattributed = annotated(&[(0, 25, "allegation", "")], vec![]);
    assert_eq!(
        score(&unattributed, &unattributed).attribution_accuracy,
        Some(1.0),
        "both unattributed are equal"
    );
    assert_eq!(score(&key, &unattributed).attribution_accuracy, Some(0.0));
}

#[test]
fn empty_sets_give_zero_scores_and_undefined_accuracies() {
    let key = annotated(&[(0, 5, "claim", "")], vec![]);
    let empty = annotated(&[], vec![]);
    let s = score(&key, &empty);
    assert_eq!(
        (
            s.exact.f1,
            s.relaxed.f1,
            s.label_accuracy,
            s.attribution_accuracy
        ),
        (0.0, 0.0, None, None)
    );
}

#[test]
fn units_are_non_whitespace_code_points_with_sorted_label_sets() {
    let workspace = annotated(&[(0, 7, "claim", ""), (6, 15, "allegation", "")], vec![]);
    let units = unit_categories(&workspace);
    assert_eq!(
        units.len(),
        TEXT.chars().filter(|c| !c.is_whitespace()).count()
    );
    assert_eq!(&units[..5], ["claim"; 5], "Kabul");
    assert_eq!(units[5], "allegation+claim", "🙂 is under both");
    assert_eq!(units[6], "allegation");
    assert_eq!(units.last().map(String::as_str), Some("none"));
}

#[test]
fn kappa_and_alpha_on_textbook_cases() {
    let v = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    // Observed 0.75, expected 0.5: κ = 0.5.
    assert_eq!(cohen_kappa(&v("x x y y"), &v("x y y y")), Some(0.5));
    assert_eq!(
        cohen_kappa(&v("x x x"), &v("x x x")),
        None,
        "no expected disagreement"
    );
    assert_eq!(cohen_kappa(&v("x y"), &v("y x")), Some(-1.0));
    // Coincidences o_aa = 2, o_bb = 4, o_ab = o_ba = 1; n_a = 3, n_b = 5, n = 8:
    // α = 1 − (n − 1) · 2 / (2 · 3 · 5).
    let alpha = krippendorff_alpha(&[v("a a b b"), v("a b b b")]).unwrap();
    assert!((alpha - (1.0 - 7.0 * 2.0 / 30.0)).abs() < 1e-12, "{alpha}");
    assert_eq!(krippendorff_alpha(&[v("a a"), v("a a"), v("a a")]), None);
    assert_eq!(krippendorff_alpha(&[v("a b")]), None, "one annotator");
}

#[test]
fn checking_marks_missed_and_extra_spans() {
    use claimmark::model::review::{check_marks, CheckMark};
    let key = annotated(&[(0, 25, "allegation", ""), (27, 46, "claim", "")], vec![]);
    let student = annotated(
        &[(0, 5, "allegation", ""), (52, 65, "proposal", "")],
        vec![],
    );
    let marks: Vec<_> = check_marks(&key, &student)
        .into_iter()
        .map(|c| (c.start, c.end, c.mark))
        .collect();
    assert_eq!(
        marks,
        [(27, 46, CheckMark::Missed), (52, 65, CheckMark::Extra)]
    );
}

#[test]
fn checking_marks_wrong_labels_and_sources_on_found_spans() {
    use claimmark::model::review::{check_marks, CheckMark};
    let kabul = Source {
        name: "Kabul".into(),
        aliases: vec!["Afghan government".into()],
    };
    let key = annotated(
        &[
            (0, 25, "allegation", "Kabul"),
            (27, 46, "claim", "Islamabad"),
            (52, 65, "proposal", ""),
        ],
        vec![kabul],
    );
    // An alias of the key's source is the same source; another label or source is not.
    let student = annotated(
        &[
            (0, 5, "allegation", "Afghan government"),
            (27, 36, "allegation", "Islamabad"),
            (52, 65, "proposal", "Both"),
        ],
        vec![],
    );
    let marks: Vec<_> = check_marks(&key, &student)
        .into_iter()
        .map(|c| (c.start, c.end, c.mark))
        .collect();
    assert_eq!(
        marks,
        [
            (27, 36, CheckMark::WrongLabel),
            (52, 65, CheckMark::WrongSource)
        ]
    );
}
