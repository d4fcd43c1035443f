//! What the command line's `merge` and the browser's adjudication screen share
//! (model::merge::corpus, model::merge::queue): annotators named by their files, documents
//! matched across files by text, one queue of every document's groups with decisions that move
//! on, the report of a corpus as CSV, and spans quoted with their context. Texts mix scripts
//! (Arabic, Cyrillic, an emoji sequence) so that offsets are code points.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::annotation::{default_labels, Annotation, AnnotationId, LabelId};
use claimmark::model::merge::{
    context, Adjudication, AnnotatorFiles, Context, Decision, Merge, MergeError,
};
use claimmark::model::provenance::{Reason, Status};
use claimmark::model::{Attribution, Document, Span, Text, Workspace};

const ONE: &str = "Захарова заявила: переговоры 👨🏻‍🚒 продолжатся. قالت كابول إن المحادثات فشلت.";
const TWO: &str = "=Kabul accused Islamabad of fraud.";

/// A document of `text` by `annotator` ("" for none) with (phrase, label) annotations.
fn document(text: &str, annotator: &str, marks: &[(&str, &str)]) -> Workspace {
    let annotations = marks
        .iter()
        .enumerate()
        .map(|(i, (phrase, label))| {
            let start = text[..text.find(phrase).unwrap()].chars().count();
            Annotation {
                id: AnnotationId::new(&format!("a{}", i + 1)),
                span: Span::new(start, start + phrase.chars().count(), text.chars().count())
                    .unwrap(),
                fragments: Vec::new(),
                label: LabelId::new(label),
                attribution: Attribution::named("Kabul"),
                note: String::new(),
                created: String::new(),
                modified: String::new(),
                provenance: None,
            }
        })
        .collect();
    let first = text.chars().next().unwrap();
    let document = Document::new(format!("{first} text"), text);
    let mut workspace = Workspace::from_parts(document, default_labels(), Vec::new(), annotations);
    workspace.annotator = annotator.to_string();
    workspace
}

/// Files as (file, fallback name, documents) added in order; their names.
fn names(files: &[(&str, &str, Vec<Workspace>)]) -> (AnnotatorFiles, Vec<String>) {
    let mut all = AnnotatorFiles::new();
    for (file, name, documents) in files {
        all.add(file, name, documents.clone());
    }
    let names = all.files().iter().map(|f| f.name.clone()).collect();
    (all, names)
}

#[test]
fn annotators_are_named_by_their_files_and_a_name_used_twice_gets_its_file() {
    let (files, got) = names(&[
        ("a/ana.json", "ana.json", vec![document(ONE, "", &[])]),
        (
            "ben.json",
            "ben.json",
            vec![document(ONE, "", &[]), document(TWO, "Бен", &[])],
        ),
        ("b/ana.json", "ana.json", vec![document(ONE, "", &[])]),
        ("c.json", "c.json", vec![document(ONE, "ana.json", &[])]),
        ("-", "<stdin>", vec![document(ONE, "", &[])]),
        ("b/ana.json", "ana.json", vec![document(ONE, "", &[])]),
    ]);
    assert_eq!(
        got,
        [
            "ana.json",
            "Бен",
            "ana.json (b/ana.json)",
            "ana.json (c.json)",
            "<stdin>",
            "ana.json (b/ana.json, 3)"
        ]
    );
    let mut files = files;
    assert_eq!(files.remove(1).map(|f| f.name), Some("Бен".to_string()));
    assert_eq!(files.remove(9), None);
    assert_eq!(files.len(), 5);
}

#[test]
fn documents_are_matched_by_text_in_the_first_file_s_order() {
    let ana = vec![document(ONE, "ana", &[]), document(TWO, "ana", &[])];
    let ben = vec![document(TWO, "ben", &[]), document(ONE, "ben", &[])];
    let (files, _) = names(&[("ana.jsonl", "", ana.clone()), ("ben.jsonl", "", ben)]);
    let matched = files.matched().unwrap();
    let shape: Vec<Vec<(String, String)>> = matched
        .iter()
        .map(|annotators| {
            let id = |a: &claimmark::model::review::Annotator| a.workspace.document.title.clone();
            annotators.iter().map(|a| (a.name.clone(), id(a))).collect()
        })
        .collect();
    let pair = |who: &str, title: &str| (who.to_string(), title.to_string());
    assert_eq!(
        shape,
        [
            vec![pair("ana", "З text"), pair("ben", "З text")],
            vec![pair("ana", "= text"), pair("ben", "= text")]
        ]
    );
    // A text twice, a text missing, a text too many: each named with its file.
    let cara = vec![document(ONE, "cara", &[]), document(ONE, "cara", &[])];
    let dan = vec![document(TWO, "dan", &[])];
    let (files, _) = names(&[
        ("ana.jsonl", "", ana),
        ("cara.jsonl", "", cara),
        ("dan.jsonl", "", dan),
    ]);
    assert_eq!(
        files.matched().unwrap_err(),
        [
            "cara.jsonl: holds “З text” twice; give one annotator's work in each file",
            "cara.jsonl: does not annotate “= text”, which ana.jsonl does; every file must hold the same documents",
            "dan.jsonl: does not annotate “З text”, which ana.jsonl does; every file must hold the same documents",
        ]
    );
    assert_eq!(AnnotatorFiles::new().matched(), Ok(Vec::new()));
}

const SAID: &str = "Захарова заявила";
const TALKS: &str = "переговоры 👨🏻‍🚒 продолжатся";
const KABUL: &str = "قالت كابول";
const FRAUD: &str = "Kabul accused Islamabad";

/// Three annotators on ONE and TWO: agreed on SAID; groups on TALKS (2 of 3 differ: a tie),
/// KABUL (only ana) and FRAUD (ana and ben disagree, cara silent).
fn adjudication() -> Adjudication {
    let files = [
        (
            "ana",
            [
                document(
                    ONE,
                    "ana",
                    &[(SAID, "claim"), (TALKS, "claim"), (KABUL, "claim")],
                ),
                document(TWO, "ana", &[(FRAUD, "allegation")]),
            ],
        ),
        (
            "ben",
            [
                document(ONE, "ben", &[(SAID, "claim"), (TALKS, "proposal")]),
                document(TWO, "ben", &[(FRAUD, "claim")]),
            ],
        ),
        (
            "cara",
            [
                document(ONE, "cara", &[(SAID, "claim")]),
                document(TWO, "cara", &[]),
            ],
        ),
    ];
    let mut all = AnnotatorFiles::new();
    for (name, documents) in files {
        all.add(&format!("{name}.json"), name, documents.to_vec());
    }
    let merges = all
        .matched()
        .unwrap()
        .into_iter()
        .map(|a| Merge::new(a, None).unwrap());
    Adjudication::new(merges.collect())
}

/// Where the queue is: (document, group, quote of the group, decided).
fn at(queue: &Adjudication) -> (usize, usize, String, bool) {
    let (document, group) = queue.current().expect("a group");
    let text = &queue.merges()[document].document().text;
    let quote = text.slice(group.start, group.end).to_string();
    (document, group.number, quote, queue.decision().is_some())
}

#[test]
fn the_queue_runs_through_every_document_s_groups_and_moves_on_after_a_decision() {
    let mut queue = adjudication();
    assert_eq!(queue.len(), 3);
    let place = |d: usize, g: usize, quote: &str, decided: bool| (d, g, quote.to_string(), decided);
    assert_eq!(
        at(&queue),
        place(0, 1, TALKS, false),
        "lowest agreement, then text order"
    );
    assert!(!queue.step(-1), "the start stops");
    assert!(queue.step(1));
    assert_eq!(at(&queue), place(0, 2, KABUL, false));
    assert!(queue.step(1));
    assert_eq!(
        at(&queue),
        place(1, 1, FRAUD, false),
        "then the next document"
    );
    assert!(!queue.step(1), "the end stops");
    // A decision moves to the next open group, from the start when none is after it.
    let picked = queue.decide(
        Decision::pick(1)
            .with_note("ben's reading")
            .with_reason(Reason::AmbiguousText),
    );
    assert_eq!(picked.unwrap()[0].label.as_str(), "claim");
    assert_eq!(at(&queue), place(0, 1, TALKS, false));
    // A refused decision changes nothing.
    assert_eq!(
        queue.decide(Decision::pick(7)),
        Err(MergeError::NoVariant {
            group: 1,
            variant: 7
        })
    );
    assert_eq!(at(&queue), place(0, 1, TALKS, false));
    // ana's span with ben's label: ben's variant.
    let combined = queue.decide(Decision::combine(0, 1)).unwrap();
    let who = combined[0].provenance.as_ref().unwrap().annotators.clone();
    assert_eq!(
        (combined[0].label.as_str(), who),
        ("proposal", vec!["ben".to_string()])
    );
    assert_eq!(at(&queue), place(0, 2, KABUL, false));
    assert_eq!(queue.open(), 1);
    queue.decide(Decision::reject_all()).unwrap();
    assert_eq!(at(&queue), place(0, 2, KABUL, true), "none open: it stays");
    assert_eq!(queue.open(), 0);
    let summary = queue.summary();
    assert_eq!(
        (
            summary.unanimous,
            summary.decided,
            summary.rejected,
            summary.adjudicated,
            summary.open
        ),
        (1, 3, 1, 2, 0)
    );
    assert!(queue.reopen().is_some());
    assert_eq!((queue.open(), queue.decision()), (1, None));
    queue.go_to(99);
    assert_eq!(at(&queue).1, 1);
    assert_eq!(queue.position(), 2);
    // The gold sets carry the decisions' provenance.
    let golds = queue.golds();
    let statuses: Vec<Vec<(Status, String)>> = golds
        .iter()
        .map(|g| {
            g.annotations()
                .iter()
                .map(|a| {
                    let p = a.provenance.clone().unwrap();
                    (p.status, p.note)
                })
                .collect()
        })
        .collect();
    assert_eq!(
        statuses,
        [
            vec![
                (Status::Unanimous, String::new()),
                (Status::Adjudicated, String::new())
            ],
            vec![(Status::Adjudicated, "ben's reading".to_string())]
        ]
    );
}

#[test]
fn the_report_of_several_documents_names_each() {
    let mut queue = adjudication();
    queue.go_to(2);
    queue.decide(Decision::pick(0)).unwrap();
    let csv = queue.report_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 7, "{csv}");
    assert!(lines[0].starts_with("document,annotator,annotations,in_gold,decided_groups,chosen"));
    assert!(lines[1].starts_with("З text,ana,3,1,0,0,"), "{csv}");
    assert!(
        lines[4].starts_with("\"'= text\",ana,1,1,1,1,1.0000,"),
        "a formula neutralised: {csv}"
    );
    assert!(
        lines[5].starts_with("\"'= text\",ben,1,0,1,0,0.0000,"),
        "{csv}"
    );
    // One document: the merge's own report.
    let one = Adjudication::new(vec![queue.merges()[0].clone()]);
    assert_eq!(one.report_csv(), queue.merges()[0].report().csv());
    assert!(Adjudication::new(Vec::new()).current().is_none());
}

/// Quotes `phrase` of `text` with `around` clusters of context as `before[quote]after`.
fn check(text: &str, phrase: &str, around: usize, expected: &str) {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    let text = Text::new(text);
    let Context {
        before,
        quote,
        after,
    } = context(&text, start, start + phrase.chars().count(), around);
    assert_eq!(format!("{before}[{quote}]{after}"), expected, "{phrase}");
}

#[test]
fn spans_are_quoted_with_a_little_context_within_their_paragraph() {
    check(ONE, SAID, 10, "[Захарова заявила]: перегово…");
    check(ONE, TALKS, 3, "…а: [переговоры 👨🏻‍🚒 продолжатся]. ق…");
    check(
        ONE,
        KABUL,
        80,
        "Захарова заявила: переговоры 👨🏻‍🚒 продолжатся. [قالت كابول] إن المحادثات فشلت.",
    );
    check("one\ntwo 👨🏻‍🚒 three\nfour", "three", 2, "…👨🏻‍🚒 [three]");
    check("one\ntwo 👨🏻‍🚒 three\nfour", "two", 20, "[two] 👨🏻‍🚒 three");
}
