//! Times re-anchoring the 1 MB / 10 000-annotation benchmark document onto three edited
//! versions of its text: a line added at the top, one word changed in every third paragraph,
//! the first paragraph moved to the end. For each: the median of 5 runs of `reanchor` (and of
//! the code before the alignment, `reanchor_before.rs`), the counts per class, how many
//! placements differ from before, and the longest single step of `Reanchoring` at the budget the
//! web app uses. Last, the worst case: another text of the same size, where nothing aligns and
//! every quote is searched everywhere (the code before would take far too long there).
//!
//! `cargo run --release --example bench-reanchor [-- --before-runs N]` (N = 0 skips the old
//! code, which takes seconds per run).

mod corpus;
mod reanchor_before;

use std::time::{Duration, Instant};

use claimmark::model::reanchor::{reanchor, Reanchored, Reanchoring};
use claimmark::model::text::Document;
use claimmark::model::Workspace;

/// A new version of a text.
type Edit = fn(&str) -> String;

/// The budget the web app gives one step (src/view/import_dialog.rs).
const STEP: usize = 256;

fn line_added(text: &str) -> String {
    format!("A line added at the top of this version.\n{text}")
}

/// One word of every third paragraph replaced by another.
fn words_changed(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let mut words: Vec<&str> = line.split(' ').collect();
            if i % 3 == 1 && words.len() > 6 {
                let at = 3 + i % (words.len() - 4);
                words[at] = if words[at] == "reportedly" {
                    "allegedly"
                } else {
                    "reportedly"
                };
            }
            words.join(" ")
        })
        .collect();
    lines.join("\n")
}

/// The first paragraph moved to the end.
fn paragraph_moved(text: &str) -> String {
    let (first, rest) = text.split_once('\n').expect("several paragraphs");
    format!("{rest}\n{first}")
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(runs: usize, f: impl Fn() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    (median(times), last.expect("one run at least"))
}

/// The longest single `step(STEP)` (or the final `finish`), and how many steps it took.
fn steps(old: &Workspace, document: &Document) -> (Duration, usize) {
    let mut job = Reanchoring::new(old, document);
    let (mut longest, mut count) = (Duration::ZERO, 0);
    loop {
        let start = Instant::now();
        let done = job.step(STEP);
        longest = longest.max(start.elapsed());
        count += 1;
        if done {
            break;
        }
    }
    let start = Instant::now();
    job.finish(old);
    (longest.max(start.elapsed()), count)
}

fn counts(r: &Reanchored) -> String {
    format!(
        "{} / {} / {} / {}",
        r.exact,
        r.moved,
        r.edited,
        r.unplaced.len()
    )
}

/// How many annotations are placed differently (or only by one of the two).
fn differences(a: &Reanchored, b: &Reanchored) -> usize {
    let spans = |r: &Reanchored| -> std::collections::HashMap<String, (usize, usize)> {
        let placed = r.workspace.annotations().iter();
        placed
            .map(|x| (x.id.to_string(), (x.span.start(), x.span.end())))
            .collect()
    };
    let (x, y) = (spans(a), spans(b));
    let only = x.keys().filter(|k| !y.contains_key(*k)).count()
        + y.keys().filter(|k| !x.contains_key(*k)).count();
    only + x
        .iter()
        .filter(|(k, v)| y.get(*k).is_some_and(|w| w != *v))
        .count()
}

fn main() {
    let before_runs: usize = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [flag, n] if flag == "--before-runs" => n.parse().expect("a number of runs"),
        _ => 5,
    };
    let old = corpus::document("Benchmark 1m-10000", 1_000_000, 10_000, 3);
    let text = old.document.text.as_str();
    println!(
        "{} code points, {} annotations; medians of 5 (before: of {before_runs})",
        old.document.text.len(),
        old.annotations().len()
    );
    println!("| edit | before | after | longest step ({STEP}) | steps | exact / moved / edited / not found (after) | (before) | placed differently |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let edits: [(&str, Edit); 3] = [
        ("a line added at the top", line_added),
        ("a word changed in every third paragraph", words_changed),
        ("the first paragraph moved to the end", paragraph_moved),
    ];
    let other = corpus::document("Another text", 1_000_000, 10, 4).document;
    let documents = edits.into_iter().map(|(name, edit)| {
        let document = Document::new("Benchmark 1m-10000, edited", edit(text));
        (name, document, before_runs)
    });
    let unrelated = ("another text (nothing aligns)", other, 0);
    for (name, document, before_runs) in documents.chain([unrelated]) {
        let (after_time, after) = time(5, || reanchor(&old, &document));
        let (longest, count) = steps(&old, &document);
        let (before_time, before) = match before_runs {
            0 => (None, None),
            n => {
                let (t, r) = time(n, || reanchor_before::reanchor(&old, &document));
                (Some(t), Some(r))
            }
        };
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {name} | {} | {} | {} | {count} | {} | {} | {} |",
            before_time.map_or("–".into(), ms),
            ms(after_time),
            ms(longest),
            counts(&after),
            before.as_ref().map_or("–".into(), counts),
            before
                .as_ref()
                .map_or("–".into(), |b| differences(b, &after).to_string()),
        );
    }
}
