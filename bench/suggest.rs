//! The suggestion benchmark (not a test): scores the engine's suggestions against the hand-made
//! gold annotations of `tests/data/suggest/` (`tune/`, the texts it was tuned on, and
//! `heldout/`, kept out of tuning) with the classroom metrics (`metrics::score`: relaxed span
//! F1, label accuracy, attribution accuracy) and cue recall, before learning and after a
//! simulated person answers the first 10 suggestions of each set; then times suggesting over
//! the 1 MB benchmark document. Prints a Markdown table.
//!
//! `cargo run --release --example suggest-bench [-- --only tune] [--verbose]`
//! (scripts/suggest-bench.sh). The engine sees each text alone: no annotations, no sources.

mod corpus;

use std::path::Path;
use std::time::Instant;

use claimmark::model::action::Action;
use claimmark::model::annotation::{Attribution, LabelId};
use claimmark::model::corpus::Corpus;
use claimmark::model::editor::Editor;
use claimmark::model::formats::native;
use claimmark::model::metrics::{marks, score};
use claimmark::model::span::Span;
use claimmark::model::suggest::{self, Feedback, Model, Suggestion};
use claimmark::model::Workspace;

/// How many suggestions the simulated person answers.
const ANSWERS: usize = 10;
const NOW: &str = "2026-12-01T10:00:00Z";

/// Counts summed over a set's documents.
#[derive(Default)]
struct Tally {
    relaxed: usize,
    submitted: usize,
    key: usize,
    labels: (usize, usize),
    sources: (usize, usize),
    cues: (usize, usize),
}

impl Tally {
    fn add(&mut self, gold: &Workspace, made: &Workspace, cues: &[(Span, Option<Span>)]) {
        let s = score(gold, made);
        self.relaxed += s.relaxed.matched;
        self.submitted += s.annotations;
        self.key += s.key_spans;
        self.labels.0 += s.labels_right.0;
        self.labels.1 += s.labels_right.1;
        self.sources.0 += s.sources_right.0;
        self.sources.1 += s.sources_right.1;
        for g in gold.annotations() {
            let Some(cue) = g.attribution.as_ref().and_then(|a| a.cue) else {
                continue;
            };
            self.cues.1 += 1;
            let found = cues
                .iter()
                .any(|(span, c)| span.overlaps(g.span) && c.is_some_and(|c| c.overlaps(cue)));
            self.cues.0 += usize::from(found);
        }
    }

    fn row(&self, set: &str, stage: &str) -> String {
        let ratio = |(n, d): (usize, usize)| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let (p, r) = (
            ratio((self.relaxed, self.submitted)),
            ratio((self.relaxed, self.key)),
        );
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        format!(
            "| {set} | {stage} | {} | {p:.2} | {r:.2} | **{f1:.2}** | **{:.2}** ({}/{}) | **{:.2}** ({}/{}) | **{:.2}** ({}/{}) |",
            self.submitted,
            ratio(self.labels), self.labels.0, self.labels.1,
            ratio(self.sources), self.sources.0, self.sources.1,
            ratio(self.cues), self.cues.0, self.cues.1,
        )
    }
}

/// The gold files of one set, in name order.
fn load(set: &str) -> Vec<Workspace> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/suggest")
        .join(set);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".claimmark.json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            native::import(&std::fs::read_to_string(p).unwrap())
                .unwrap()
                .workspace
        })
        .collect()
}

/// The workspace the suggestions make when all are accepted (to score them like a student).
fn as_made(ws: &Workspace, suggestions: &[Suggestion]) -> Workspace {
    suggest::pre_annotated(ws, suggestions, NOW)
}

/// The gold annotation a suggestion overlaps most, if any.
fn gold_for<'g>(gold: &'g Workspace, s: &Suggestion) -> Option<&'g claimmark::model::Annotation> {
    gold.annotations()
        .iter()
        .filter(|g| g.span.overlaps(s.span))
        .max_by_key(|g| g.span.overlap_len(s.span))
}

fn cues_of(ws: &Workspace, suggestions: &[Suggestion]) -> Vec<(Span, Option<Span>)> {
    let made = ws
        .annotations()
        .iter()
        .map(|a| (a.span, a.attribution.as_ref().and_then(|at| at.cue)));
    made.chain(suggestions.iter().map(|s| (s.span, s.cue)))
        .collect()
}

/// Scores one set before and after the person answers the first suggestions.
fn run_set(set: &str, verbose: bool) -> (Tally, Tally) {
    let gold = load(set);
    let blank: Vec<Workspace> = gold
        .iter()
        .map(|g| Workspace::new(g.document.clone()))
        .collect();
    let mut before = Tally::default();
    for (g, ws) in gold.iter().zip(&blank) {
        let suggestions = suggest::suggest(ws, &Model::new());
        if verbose {
            show(g, &suggestions);
        }
        before.add(g, &as_made(ws, &suggestions), &cues_of(ws, &suggestions));
    }
    let mut editor = Editor::with_corpus(Corpus::from_documents(blank, 0).expect("documents"));
    let mut answered = 0;
    let mut used: Vec<(usize, Span)> = Vec::new();
    for (d, g) in gold.iter().enumerate() {
        editor.show(d).expect("a document");
        let model = suggest::model_of(editor.corpus().documents());
        for s in suggest::suggest(editor.workspace(), &model) {
            if answered == ANSWERS {
                break;
            }
            answered += 1;
            let matched = gold_for(g, &s).filter(|m| !used.contains(&(d, m.span)));
            let Some(m) = matched else {
                editor
                    .apply(Action::Learn(Feedback::Rejected(s)))
                    .expect("learning");
                continue;
            };
            used.push((d, m.span));
            let feedback = if m.label == s.label {
                Feedback::Accepted(s.clone())
            } else {
                Feedback::Edited {
                    suggestion: s.clone(),
                    label: m.label.clone(),
                }
            };
            editor.apply(Action::Learn(feedback)).expect("learning");
            let mut add = s.to_action(NOW);
            if let Action::Add {
                label, attribution, ..
            } = &mut add
            {
                *label = LabelId::new(m.label.as_str());
                let source = m.source().and_then(Attribution::named);
                *attribution = source.map(|a| Attribution {
                    mention: s.mention,
                    cue: s.cue,
                    ..a
                });
            }
            editor.apply(add).expect("accepting");
        }
    }
    let model = suggest::model_of(editor.corpus().documents());
    let mut after = Tally::default();
    for (g, ws) in gold.iter().zip(editor.corpus().documents()) {
        let suggestions = suggest::suggest(ws, &model);
        after.add(g, &as_made(ws, &suggestions), &cues_of(ws, &suggestions));
    }
    (before, after)
}

/// Every suggestion of a document beside the gold annotation it meets.
fn show(gold: &Workspace, suggestions: &[Suggestion]) {
    let text = &gold.document.text;
    println!("\n## {}", gold.document.title);
    for s in suggestions {
        let g = gold_for(gold, s);
        let mark = match g {
            Some(g) if g.label == s.label => "ok ",
            Some(_) => "LBL",
            None => "XXX",
        };
        println!(
            "{mark} {:.2} {:10} [{}] «{}» cue «{}» ({})",
            s.confidence,
            s.label.as_str(),
            s.source.as_deref().unwrap_or("-"),
            text.quote(s.span),
            s.cue.map_or("", |c| text.quote(c)),
            g.and_then(|g| g.source()).unwrap_or("-"),
        );
    }
    for g in marks(gold) {
        let found = suggestions
            .iter()
            .any(|s| s.span.start() < g.end && g.start < s.span.end());
        if !found {
            println!(
                "MISS {:10} [{}] «{}»",
                g.label,
                g.source.unwrap_or_default(),
                text.slice(g.start, g.end)
            );
        }
    }
}

/// Median milliseconds of suggesting over the 1 MB benchmark document, and how many.
fn timing() -> (f64, usize) {
    let ws = corpus::document("Benchmark 1m-10000", 1_000_000, 10_000, 3);
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let started = Instant::now();
        count = suggest::suggest(&ws, &Model::new()).len();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[2], count)
}

/// Milliseconds to learn one answer and suggest again over every benchmark text (the median
/// of 5): what the browser does after each answer.
fn relearning() -> f64 {
    let texts: Vec<Workspace> = ["tune", "heldout"]
        .iter()
        .flat_map(|set| load(set))
        .map(|g| Workspace::new(g.document.clone()))
        .collect();
    let first = suggest::suggest(&texts[0], &Model::new()).remove(0);
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let mut model = Model::new();
        model.learn(&Feedback::Rejected(first.clone()));
        let again: usize = texts
            .iter()
            .map(|ws| suggest::suggest(ws, &model).len())
            .sum();
        assert!(again > 0);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times[2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    println!("| texts | stage | suggestions | precision | recall | relaxed F1 | label accuracy | attribution accuracy | cue recall |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for set in ["tune", "heldout"] {
        if only.as_deref().is_some_and(|o| o != set) {
            continue;
        }
        let (before, after) = run_set(set, verbose);
        let name = if set == "tune" {
            "tuning (11)"
        } else {
            "held out (7)"
        };
        println!("{}", before.row(name, "before learning"));
        println!("{}", after.row(name, &format!("after {ANSWERS} answers")));
    }
    if only.is_none() {
        let (ms, count) = timing();
        println!("\nSuggesting over the 1 MB benchmark document (10 000 annotations): {ms:.0} ms (median of 5), {count} suggestions.");
        println!(
            "Learning one answer and suggesting again over the 18 texts: {:.1} ms (median of 5).",
            relearning()
        );
    }
}
