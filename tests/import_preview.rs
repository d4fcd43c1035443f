//! What the import preview offers before anything changes: which open document each imported
//! one replaces (the pairing `Action::Import` applies), and a label for annotations that came
//! without one.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::formats::preview::{effects, label_unlabelled, unlabelled};
use claimmark::model::formats::{self, InputFile};
use claimmark::model::{Corpus, Document, LabelId, Workspace};

/// A document titled `title` whose text is named by the title's first letter.
fn doc(title: &str) -> Workspace {
    let text = format!("“{}” — 和平谈判 🙂", &title[..1]);
    Workspace::new(Document::new(title, text))
}

fn check(
    open: &[&str],
    current: usize,
    imported: &[&str],
    replace: bool,
    expected: &[Option<usize>],
) {
    let corpus = Corpus::from_documents(open.iter().map(|t| doc(t)).collect(), current).unwrap();
    let imported: Vec<Workspace> = imported.iter().map(|t| doc(t)).collect();
    assert_eq!(
        effects(&corpus, &imported, replace),
        expected,
        "{open:?} showing {current} + {imported:?}"
    );
}

#[test]
fn each_imported_document_replaces_at_most_one_open_one() {
    check(&["A1", "B1"], 0, &["A2"], true, &[Some(0)]);
    check(&["A1", "B1"], 0, &["A2"], false, &[None]);
    // The shown document is matched first, then the others in order.
    check(
        &["A1", "B1", "A3"],
        2,
        &["A2", "A4", "A5"],
        true,
        &[Some(2), Some(0), None],
    );
    check(&["B1"], 0, &["A1", "A2"], true, &[None, None]);
}

#[test]
fn annotations_without_a_label_can_be_given_one() {
    let seed = Workspace::seed();
    let quote = &seed.document.text.as_str()[..6];
    let w3c = format!(
        r#"[{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": [],
            "target": {{"selector": [{{"type": "TextQuoteSelector", "exact": "{quote}"}}]}}}},
           {{"type": "Annotation", "body": [{{"type": "TextualBody", "purpose": "commenting", "value": "a Hypothesis-style comment 🙂"}}],
            "target": {{"selector": [{{"type": "TextQuoteSelector", "exact": "{quote}"}}]}}}}]"#
    );
    let file = InputFile {
        name: "notes.jsonld".into(),
        bytes: w3c.into_bytes(),
    };
    let report = formats::import(&[file], &[&seed]).unwrap();
    assert_eq!(unlabelled(&report.documents), 2);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("2 annotations had no label")),
        "{:?}",
        report.warnings
    );
    let notes: Vec<&str> = report.documents[0]
        .annotations()
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    assert!(
        notes.contains(&"a Hypothesis-style comment 🙂"),
        "the comment is the note: {notes:?}"
    );
    let labelled = label_unlabelled(&report.documents, &LabelId::new("claim"));
    assert_eq!(unlabelled(&labelled), 0);
    assert!(labelled[0]
        .annotations()
        .iter()
        .all(|a| a.label.as_str() == "claim"));
    assert!(
        !labelled[0]
            .labels
            .iter()
            .any(|l| l.id.as_str() == "unlabelled"),
        "the placeholder label goes"
    );
    // A label the document does not have changes nothing.
    assert_eq!(
        unlabelled(&label_unlabelled(&report.documents, &LabelId::new("nope"))),
        2
    );
}
