//! Host tests of the corpus: the order an import matches files against the open documents.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::{Corpus, Document, Workspace};

/// Documents titled `titles` (distinct texts), showing `current`: the titles in the order an
/// import sees them.
fn check(titles: &[&str], current: usize, expected: &[&str]) {
    let documents = titles
        .iter()
        .map(|title| Workspace::new(Document::new(*title, format!("{title} — “text” 🙂"))))
        .collect();
    let corpus = Corpus::from_documents(documents, current).expect("documents");
    let got: Vec<&str> = corpus
        .current_first()
        .iter()
        .map(|w| w.document.title.as_str())
        .collect();
    assert_eq!(got, expected, "{titles:?} showing {current}");
}

#[test]
fn an_import_sees_the_shown_document_first_then_the_others_in_order() {
    check(&["Kabul’s talks"], 0, &["Kabul’s talks"]);
    check(
        &["Kabul’s talks", "محادثات السلام", "和平谈判"],
        0,
        &["Kabul’s talks", "محادثات السلام", "和平谈判"],
    );
    check(
        &["Kabul’s talks", "محادثات السلام", "和平谈判"],
        1,
        &["محادثات السلام", "Kabul’s talks", "和平谈判"],
    );
    check(
        &["Kabul’s talks", "محادثات السلام", "和平谈判", "Café 🙂"],
        2,
        &["和平谈判", "Kabul’s talks", "محادثات السلام", "Café 🙂"],
    );
    // The index is clamped, as the corpus clamps it.
    check(
        &["Kabul’s talks", "محادثات السلام"],
        9,
        &["محادثات السلام", "Kabul’s talks"],
    );
}

#[test]
fn each_document_comes_once_even_when_it_is_shown() {
    let documents: Vec<Workspace> = ["一", "二", "三"]
        .iter()
        .map(|t| Workspace::new(Document::new(*t, *t)))
        .collect();
    let corpus = Corpus::from_documents(documents, 1).unwrap();
    let ids: Vec<&str> = corpus
        .current_first()
        .iter()
        .map(|w| w.document.id())
        .collect();
    assert_eq!(ids.len(), corpus.len());
    assert_eq!(ids[0], corpus.current().document.id());
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}
