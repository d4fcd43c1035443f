//! Reading a document in steps (as the browser does, a few paragraphs per task) gives exactly
//! the candidates and suggestions of one call: on the hand-annotated benchmark texts read as one
//! document (so that sources named in one text resolve pronouns in the next), with the
//! annotations of the 100 KB benchmark document, and with learning.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../bench/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use claimmark::model::formats::native;
use claimmark::model::suggest::{
    candidate_among, candidate_at, candidates, partition, suggest, Feedback, Model, Reading,
    Suggestion,
};
use claimmark::model::text::Document;
use claimmark::model::Workspace;

/// The benchmark texts of tests/data/suggest/, one after the other, as one English document.
fn benchmark_texts() -> Workspace {
    let mut text = String::new();
    for set in ["tune", "heldout"] {
        let dir = format!("{}/tests/data/suggest/{set}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files
            .iter()
            .filter(|f| f.to_string_lossy().ends_with(".json"))
        {
            let ws = native::import(&std::fs::read_to_string(file).unwrap())
                .unwrap()
                .workspace;
            text.push_str(ws.document.text.as_str());
            text.push_str("\n\n");
        }
    }
    let mut document = Document::new("Benchmark texts", text.as_str());
    document.language = Some("en".into());
    Workspace::new(document)
}

/// The candidates of a reading taken `budget` characters at a time, and how many steps it took.
fn in_steps(ws: &Workspace, model: &Model, budget: usize) -> (Vec<Suggestion>, usize) {
    let mut reading = Reading::new(ws);
    let mut steps = 0;
    let mut progress = 0.0;
    while !reading.is_done() {
        reading.step(ws, model, budget);
        steps += 1;
        assert!(reading.progress() >= progress, "progress never goes back");
        progress = reading.progress();
    }
    assert_eq!(reading.progress(), 1.0);
    (reading.candidates(), steps)
}

#[test]
fn reading_in_steps_finds_what_one_call_finds() {
    let texts = benchmark_texts();
    let mut learned = Model::new();
    let first = suggest(&texts, &Model::new()).remove(0);
    learned.learn(&Feedback::Rejected(first));
    let large = corpus::document("Benchmark 100k-1000", 100_000, 1_000, 3);
    for (ws, model) in [
        (&texts, Model::new()),
        (&texts, learned),
        (&large, Model::new()),
    ] {
        let whole = candidates(ws, &model);
        assert!(whole.len() > 50, "{} candidates", whole.len());
        for budget in [0, 1, 300, 5_000] {
            let (stepped, steps) = in_steps(ws, &model, budget);
            assert!(steps > 1, "budget {budget}: {steps} step(s)");
            assert_eq!(stepped, whole, "budget {budget}");
        }
        let (shown, others) = partition(&model, whole.clone());
        assert_eq!(shown, suggest(ws, &model));
        assert_eq!(shown.len() + others.len(), whole.len());
    }
}

#[test]
fn a_step_reads_whole_paragraphs_and_a_language_without_lexicon_is_done_at_once() {
    let mut document = Document::new("Two", "Reed said the army had left.\nLind said it had not.");
    document.language = Some("en".into());
    let ws = Workspace::new(document);
    let mut reading = Reading::new(&ws);
    assert_eq!(reading.progress(), 0.0);
    reading.step(&ws, &Model::new(), 1);
    assert!(!reading.is_done(), "one paragraph read, one left");
    assert!(reading.progress() > 0.4 && reading.progress() < 0.6);
    reading.step(&ws, &Model::new(), 1);
    assert!(reading.is_done());
    assert_eq!(reading.candidates().len(), 2);

    let mut french = Document::new("Trois", "Reed a dit que l'armée était partie.");
    french.language = Some("fr".into());
    let ws = Workspace::new(french);
    let mut reading = Reading::new(&ws);
    reading.step(&ws, &Model::new(), 1);
    assert!(reading.is_done());
    assert!(reading.candidates().is_empty());
}

#[test]
fn the_candidate_under_a_span_is_found_among_a_kept_list() {
    let texts = benchmark_texts();
    let model = Model::new();
    let all = candidates(&texts, &model);
    for s in all.iter().step_by(7) {
        let inside = texts.span(s.span.start() + 1, s.span.end()).unwrap();
        assert_eq!(
            candidate_among(&all, inside),
            candidate_at(&texts, &model, inside).as_ref()
        );
    }
    let nowhere = texts.span(0, 1).unwrap();
    assert_eq!(candidate_among(&all, nowhere), None);
}
