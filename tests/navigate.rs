//! Host tests of moving between annotations (`model::navigate`): the next and previous one in
//! text order (J and K) and which annotation a click on stacked highlights selects.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::navigate::{clicked, next, previous};
use claimmark::model::{AnnotationId, Document, Workspace};
use common::tagged;

const TEXT: &str = "“Zakharova” said — 🙂 the talks failed.\r\nقال المتحدث إن المحادثات فشلت.\n外交部表示：谈判失败。";

/// The code point span of the first `phrase` in `TEXT`.
fn at(phrase: &str) -> (usize, usize) {
    let byte = TEXT.find(phrase).expect("a phrase of the text");
    let start = TEXT[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// Three annotations added out of text order, so ids and text order differ: a1 is the
/// Chinese sentence (last in the text), a2 the Arabic one, a3 the English quote (first).
fn workspace() -> Workspace {
    let marks = [
        (at("外交部表示：谈判失败。"), "claim", "外交部"),
        (
            at("قال المتحدث إن المحادثات فشلت."),
            "allegation",
            "المتحدث",
        ),
        (at("“Zakharova” said — 🙂"), "proposal", "Zakharova"),
    ];
    let marks: Vec<_> = marks
        .iter()
        .map(|&((start, end), label, source)| (start, end, label, source))
        .collect();
    tagged(
        Workspace::new(Document::new("Talks — محادثات — 谈判", TEXT)),
        &marks,
    )
}

/// The next and previous annotation (J and K) with `selected` selected.
fn check(selected: Option<&str>, expected: (Option<&str>, Option<&str>)) {
    let workspace = workspace();
    let annotations = workspace.annotations();
    let selected = selected.map(AnnotationId::new);
    let got = (
        next(annotations, selected.as_ref()).map(AnnotationId::as_str),
        previous(annotations, selected.as_ref()).map(AnnotationId::as_str),
    );
    assert_eq!(got, expected, "next and previous of {selected:?}");
}

#[test]
fn j_and_k_step_through_annotations_in_text_order_not_id_order() {
    let workspace = workspace();
    let order: Vec<&str> = workspace
        .annotations()
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(order, ["a3", "a2", "a1"], "the text order of the fixture");
    check(Some("a3"), (Some("a2"), None));
    check(Some("a2"), (Some("a1"), Some("a3")));
    check(Some("a1"), (None, Some("a2")));
}

#[test]
fn without_a_selection_j_starts_at_the_first_and_k_at_the_last() {
    check(None, (Some("a3"), Some("a1")));
    // A selection that is no longer there counts as none.
    check(Some("a9"), (Some("a3"), Some("a1")));
}

#[test]
fn a_document_without_annotations_has_no_neighbours() {
    let empty = Workspace::new(Document::new("空", "没有注释的文本 — لا شيء"));
    for selected in [None, Some(AnnotationId::new("a1"))] {
        assert_eq!(next(empty.annotations(), selected.as_ref()), None);
        assert_eq!(previous(empty.annotations(), selected.as_ref()), None);
    }
}

/// What a click selects on a highlight covered by `ids` (outermost first), after a click that
/// selected `previous` there.
fn check_click(ids: &[&str], previous: Option<&str>, expected: Option<&str>) {
    let previous = previous.map(AnnotationId::new);
    let got = clicked(ids, previous.as_ref());
    assert_eq!(
        got.as_ref().map(AnnotationId::as_str),
        expected,
        "click on {ids:?} after {previous:?}"
    );
}

#[test]
fn a_click_selects_the_innermost_and_repeated_clicks_cycle_outward() {
    let ids = ["a1", "a2", "a3"];
    check_click(&ids, None, Some("a3"));
    check_click(&ids, Some("a3"), Some("a2"));
    check_click(&ids, Some("a2"), Some("a1"));
    check_click(&ids, Some("a1"), Some("a3"));
    // A previous selection that does not cover this text starts again at the innermost.
    check_click(&ids, Some("a9"), Some("a3"));
    check_click(&["a7"], Some("a7"), Some("a7"));
    check_click(&["a7"], None, Some("a7"));
    check_click(&[], None, None);
    check_click(&[], Some("a1"), None);
}
