//! Host tests of `Editor::apply`: every action, its checks, and undo/redo over all of them.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::annotation::default_labels;
use claimmark::model::{
    Action, ActionError, Annotation, AnnotationId, Attribution, Change, Document, Editor, LabelId,
    Outcome, Span, Workspace,
};

mod common;

const TEXT: &str = "“Zakharova” said — 🙂 👨🏻‍🚒 Cafe\u{301} talks failed.\r\nKabul accused Islamabad.";

fn editor() -> Editor {
    Editor::new(Workspace::new(Document::new("t", TEXT)))
}

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end, TEXT.chars().count()).unwrap()
}

fn add(editor: &mut Editor, start: usize, end: usize, label: &str, source: &str) -> Outcome {
    common::add(
        editor,
        (start, end, label, source),
        "",
        "2026-11-27T10:00:00Z",
    )
}

/// The annotations as (quote, label, source) in text order.
fn listing(editor: &Editor) -> Vec<(String, String, Option<String>)> {
    let ws = editor.workspace();
    ws.annotations()
        .iter()
        .map(|a| {
            (
                ws.quote(a).to_string(),
                a.label.to_string(),
                a.source().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn add_keeps_text_order_and_quotes_slice_by_code_point() {
    let mut ed = editor();
    add(&mut ed, 47, 70, "allegation", "Kabul");
    assert_eq!(
        add(&mut ed, 0, 11, "claim", ""),
        Outcome::Added(claimmark::model::AnnotationId::new("a2"))
    );
    add(&mut ed, 19, 25, "proposal", "Zakharova");
    let quotes: Vec<_> = listing(&ed).into_iter().map(|(q, _, _)| q).collect();
    assert_eq!(quotes, ["“Zakharova”", "🙂 👨🏻‍🚒", "Kabul accused Islamabad"]);
    assert_eq!(listing(&ed)[0].2, None, "blank attribution is unattributed");
}

#[test]
fn refused_actions_change_nothing() {
    let mut ed = editor();
    add(&mut ed, 0, 11, "claim", "");
    let before = ed.workspace().clone();
    let bad_label = ed.apply(Action::Add {
        span: span(0, 3),
        label: LabelId::new("rumour"),
        attribution: None,
        note: String::new(),
        now: String::new(),
    });
    assert_eq!(
        bad_label,
        Err(ActionError::UnknownLabel(LabelId::new("rumour")))
    );
    let other_doc_span = Span::new(0, 500, 500).unwrap();
    let id = ed.workspace().annotations()[0].id.clone();
    let too_long = ed.apply(Action::Edit {
        id,
        change: Change::Span(other_doc_span),
        now: String::new(),
    });
    assert_eq!(too_long, Err(ActionError::SpanOutsideText(other_doc_span)));
    let missing = claimmark::model::AnnotationId::new("nope");
    assert!(ed.apply(Action::Delete { id: missing }).is_err());
    assert_eq!(ed.workspace(), &before);
}

#[test]
fn undo_and_redo_cover_every_change() {
    let mut ed = editor();
    let mut history = vec![ed.corpus().clone()];
    let mut record = |ed: &Editor| history.push(ed.corpus().clone());
    add(&mut ed, 0, 11, "claim", "Zakharova");
    record(&ed);
    let id = ed.workspace().annotations()[0].id.clone();
    let changes = [
        Change::Label(LabelId::new("proposal")),
        Change::Attribution(Attribution::named("Maria Zakharova")),
        Change::Note("quoted".into()),
        Change::Span(span(1, 10)),
    ];
    for change in changes {
        let now = "2026-11-27T11:00:00Z".into();
        ed.apply(Action::Edit {
            id: id.clone(),
            change,
            now,
        })
        .unwrap();
        record(&ed);
    }
    ed.apply(Action::Delete { id }).unwrap();
    record(&ed);
    let other = Workspace::new(Document::new("other", "Another text."));
    let open = Action::Open {
        documents: vec![other],
        description: "open".into(),
    };
    ed.apply(open).unwrap();
    record(&ed);
    ed.apply(Action::SetDone(true)).unwrap();
    record(&ed);
    let mut reimported = Workspace::new(Document::new("t", TEXT));
    reimported.sources.push(claimmark::model::Source {
        name: "Kabul".into(),
        aliases: vec![],
    });
    let import = Action::Import {
        documents: vec![reimported],
        description: "import".into(),
        replace_open: true,
    };
    ed.apply(import).unwrap();
    assert_eq!(
        ed.corpus().current_index(),
        0,
        "the imported document is shown"
    );
    record(&ed);
    ed.apply(Action::Close { index: 1 }).unwrap();
    record(&ed);
    let history = history;

    for expected in history.iter().rev().skip(1) {
        ed.undo().unwrap();
        assert_eq!(ed.corpus().documents(), expected.documents());
    }
    assert_eq!(ed.undo(), Err(ActionError::NothingToUndo));
    for expected in history.iter().skip(1) {
        ed.redo().unwrap();
        assert_eq!(ed.corpus().documents(), expected.documents());
    }
    assert_eq!(ed.redo(), Err(ActionError::NothingToRedo));
}

#[test]
fn opening_known_texts_only_shows_them_and_navigation_is_not_undone() {
    let mut ed = editor();
    let second = Workspace::new(Document::new("second", "Second."));
    let open = |docs: Vec<Workspace>| Action::Open {
        documents: docs,
        description: "open".into(),
    };
    ed.apply(open(vec![
        second.clone(),
        Workspace::new(Document::new("third", "Third.")),
    ]))
    .unwrap();
    assert_eq!((ed.corpus().len(), ed.corpus().current_index()), (3, 1));
    add(&mut ed, 0, 6, "claim", "");
    assert_eq!(
        ed.apply(open(vec![second])),
        Ok(Outcome::Shown),
        "already open: shown, not replaced"
    );
    assert_eq!(ed.workspace().annotations().len(), 1);
    ed.show(0).unwrap();
    ed.undo().unwrap();
    assert_eq!(
        ed.corpus().current_index(),
        1,
        "undo shows the document it changed"
    );
    assert!(ed.workspace().annotations().is_empty());
    assert_eq!(ed.show(9), Err(ActionError::UnknownDocument(9)));
    ed.apply(Action::Close { index: 0 }).unwrap();
    ed.apply(Action::Close { index: 0 }).unwrap();
    assert_eq!(
        ed.apply(Action::Close { index: 0 }),
        Err(ActionError::LastDocument)
    );
}

#[test]
fn editing_to_the_same_value_records_no_step() {
    let mut ed = editor();
    add(&mut ed, 0, 11, "claim", "");
    let id = ed.workspace().annotations()[0].id.clone();
    let same = ed.apply(Action::Edit {
        id,
        change: Change::Label(LabelId::new("claim")),
        now: "later".into(),
    });
    assert_eq!(same, Ok(Outcome::Unchanged));
    ed.undo().unwrap();
    assert!(ed.workspace().annotations().is_empty());
}

#[test]
fn a_new_action_clears_redo() {
    let mut ed = editor();
    add(&mut ed, 0, 11, "claim", "");
    ed.undo().unwrap();
    assert!(ed.can_redo());
    add(&mut ed, 12, 16, "claim", "");
    assert!(!ed.can_redo());
}

#[test]
fn fresh_ids_never_collide_after_deletes_and_imports() {
    let mut ed = editor();
    add(&mut ed, 0, 3, "claim", "");
    add(&mut ed, 4, 8, "claim", "");
    let first = ed.workspace().annotations()[0].id.clone();
    ed.apply(Action::Delete { id: first }).unwrap();
    let Outcome::Added(id) = add(&mut ed, 9, 11, "claim", "") else {
        panic!("not added")
    };
    assert_eq!(id.as_str(), "a3");
}

/// The next id is one past the highest `a<n>` present: deleting that annotation frees its
/// number, undoing the delete takes it back, and ids of other shapes do not count.
#[test]
fn the_next_id_follows_the_highest_numbered_id_present() {
    let next = |ed: &Editor| ed.workspace().fresh_id().as_str().to_string();
    let delete = |ed: &mut Editor, id: &str| {
        ed.apply(Action::Delete {
            id: AnnotationId::new(id),
        })
        .unwrap();
    };
    let mut ed = editor();
    assert_eq!(next(&ed), "a1");
    for (start, end) in [(0, 3), (4, 8), (9, 11)] {
        add(&mut ed, start, end, "claim", "");
    }
    assert_eq!(next(&ed), "a4");
    delete(&mut ed, "a3");
    assert_eq!(next(&ed), "a3");
    ed.undo().unwrap();
    assert_eq!(next(&ed), "a4");
    delete(&mut ed, "a1");
    assert_eq!(next(&ed), "a4");
    delete(&mut ed, "a3");
    delete(&mut ed, "a2");
    assert_eq!(next(&ed), "a1");

    let annotation = |id: &str, start: usize| Annotation {
        id: AnnotationId::new(id),
        span: span(start, start + 2),
        fragments: Vec::new(),
        label: LabelId::new("claim"),
        attribution: None,
        note: String::new(),
        created: String::new(),
        modified: String::new(),
        provenance: None,
    };
    let imported = ["a10", "x99", "a2", "a", "b7"]
        .iter()
        .enumerate()
        .map(|(i, id)| annotation(id, i * 3))
        .collect();
    let ws = Workspace::from_parts(Document::new("t", TEXT), default_labels(), vec![], imported);
    assert_eq!(ws.fresh_id().as_str(), "a11");
}

#[test]
fn label_sets_can_change_but_not_lose_labels_in_use() {
    let mut ed = editor();
    add(&mut ed, 0, 11, "claim", "");
    let mut labels = ed.workspace().labels.clone();
    labels[1].name = "Accusation".into();
    labels[1].color = "#aa3377".into();
    labels.push(claimmark::model::Label {
        id: LabelId::new("denial"),
        name: "Denial".into(),
        description: "A rejection.".into(),
        color: "#228833".into(),
    });
    ed.apply(Action::SetLabels(labels.clone())).unwrap();
    assert_eq!(ed.workspace().labels, labels);
    let without_claim: Vec<_> = labels
        .iter()
        .filter(|l| l.id.as_str() != "claim")
        .cloned()
        .collect();
    let refused = ed
        .apply(Action::SetLabels(without_claim))
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("“claim” is used by annotations"),
        "{refused}"
    );
    let mut bad_colour = labels.clone();
    bad_colour[0].color = "red".into();
    assert!(ed.apply(Action::SetLabels(bad_colour)).is_err());
    ed.undo().unwrap();
    assert_eq!(ed.workspace().labels.len(), 3);
}

/// The status an attribution edit of the first annotation reports.
fn check_attribution_status(edit: fn(Attribution) -> Attribution, expected: &str) {
    let mut editor = editor();
    add(&mut editor, 1, 10, "claim", "Zakharova");
    let first = editor.workspace().annotations()[0].clone();
    let attribution = first.attribution.clone().unwrap();
    let outcome = editor.apply(Action::Edit {
        id: first.id.clone(),
        change: Change::Attribution(Some(edit(attribution))),
        now: String::new(),
    });
    assert_eq!(outcome, Ok(Outcome::Changed(expected.to_string())));
    assert_eq!(
        editor.undo(),
        Ok(Outcome::Changed(format!("Undid: {expected}")))
    );
}

#[test]
fn linking_a_mention_or_a_cue_says_so() {
    let with_mention = |a: Attribution| Attribution {
        mention: Some(span(1, 10)),
        ..a
    };
    let with_cue = |a: Attribution| Attribution {
        cue: Some(span(12, 16)),
        ..a
    };
    let other_source = |a: Attribution| Attribution {
        source: "Kabul".into(),
        ..a
    };
    check_attribution_status(with_mention, "link mention");
    check_attribution_status(with_cue, "link cue");
    check_attribution_status(other_source, "edit attribution");
}

#[test]
fn the_language_is_set_as_one_undo_step_and_checked() {
    let mut editor = editor();
    // Too few common words to tell which Latin-script language this short text is in.
    assert_eq!(editor.workspace().document.language.as_deref(), None);
    let set = editor.apply(Action::SetLanguage(Some("fr".into())));
    assert_eq!(set, Ok(Outcome::Changed("set the language to fr".into())));
    assert_eq!(editor.workspace().document.language.as_deref(), Some("fr"));
    assert_eq!(
        editor.apply(Action::SetLanguage(Some("fr_FR".into()))),
        Err(ActionError::BadLanguage("fr_FR".into()))
    );
    editor.undo().unwrap();
    assert_eq!(editor.workspace().document.language.as_deref(), None);
}

/// Imports documents titled `imported` (texts by the letter before “:”) into a corpus titled
/// `open`, and returns the corpus's titles: equal texts are never merged.
fn check_import(open: &[&str], imported: &[&str], replace_open: bool, expected: &[&str]) {
    let doc = |title: &str| {
        let text = format!(
            "“{}” — محادثات 🙂",
            title.split(':').next().unwrap_or(title)
        );
        Workspace::new(Document::new(title, text))
    };
    let mut ed = Editor::new(doc(open[0]));
    if open.len() > 1 {
        let rest = open[1..].iter().map(|t| doc(t)).collect();
        ed.apply(Action::Import {
            documents: rest,
            description: "open the rest".into(),
            replace_open: false,
        })
        .unwrap();
        ed.show(0).unwrap();
    }
    let documents = imported.iter().map(|t| doc(t)).collect();
    let description = "import".to_string();
    ed.apply(Action::Import {
        documents,
        description,
        replace_open,
    })
    .unwrap();
    let titles: Vec<&str> = ed
        .corpus()
        .documents()
        .iter()
        .map(|d| d.document.title.as_str())
        .collect();
    assert_eq!(
        titles, expected,
        "{open:?} + {imported:?} (replace {replace_open})"
    );
}

#[test]
fn imported_records_of_one_text_stay_documents_of_their_own() {
    // Three annotators of text A: three documents, whether A is open or not.
    check_import(
        &["B:1"],
        &["A:x", "A:y", "A:z"],
        true,
        &["B:1", "A:x", "A:y", "A:z"],
    );
    // The k-th imported of a text replaces the k-th open one; the rest are added.
    check_import(
        &["A:1", "A:2"],
        &["A:x", "A:y", "A:z"],
        true,
        &["A:x", "A:y", "A:z"],
    );
    check_import(&["A:1", "B:1"], &["B:x", "A:x"], true, &["A:x", "B:x"]);
    // Asked to add, nothing open is touched.
    check_import(&["A:1"], &["A:x"], false, &["A:1", "A:x"]);
}

#[test]
fn a_restored_corpus_keeps_documents_with_equal_texts() {
    let same = |title: &str| Workspace::new(Document::new(title, "一样的文本 🙂"));
    let corpus = claimmark::model::Corpus::from_documents(vec![same("a"), same("b")], 1).unwrap();
    assert_eq!(corpus.len(), 2);
    assert_eq!(corpus.current_first()[0].document.title, "b");
    assert_eq!(corpus.current_first()[1].document.title, "a");
}
