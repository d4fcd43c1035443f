//! `formats::importing::Importing` (the web app's import, in steps between painted frames)
//! gives exactly what `formats::import` gives, whatever the step size: for every golden and
//! fixture file, the nasty inputs, and clean and unclean claimmark files of many annotations;
//! a clean claimmark file is read a bounded batch of annotations per step.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use claimmark::model::formats::importing::Importing;
use claimmark::model::formats::{import, native, InputFile};
use claimmark::model::text::seed_document;
use claimmark::model::{Annotation, AnnotationId, Attribution, LabelId, Span, Workspace};
use serde_json::Value;

const BUDGETS: [usize; 5] = [1, 2, 7, 1000, usize::MAX];

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> InputFile {
    InputFile {
        name: name.to_string(),
        bytes: bytes.into(),
    }
}

/// Steps until done (counting the steps), then finishes; the files come back as they were.
fn stepped(files: &[InputFile], budget: usize) -> (usize, String) {
    let mut importing = Importing::new(files.to_vec());
    let mut steps = 0;
    while !importing.step(budget) {
        steps += 1;
        assert!(steps < 1_000_000, "the steps end");
    }
    let known = [&Workspace::seed()];
    let (back, result) = importing.finish(&known);
    assert_eq!(back, files);
    (steps, format!("{result:?}"))
}

fn assert_same_as_import(files: &[InputFile]) {
    let known = [&Workspace::seed()];
    let expected = format!("{:?}", import(files, &known));
    for budget in BUDGETS {
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            stepped(files, budget).1,
            expected,
            "{names:?}, {budget} per step"
        );
    }
}

/// A claimmark file of the seed article with `n` annotations (attributed, noted, timed).
fn many_annotations(n: usize) -> String {
    let document = seed_document();
    let annotations = (0..n)
        .map(|i| {
            let start = (i * 7) % 2000;
            Annotation {
                id: AnnotationId::new(&format!("a{}", i + 1)),
                span: Span::new(start, start + 5 + i % 30, document.text.len()).unwrap(),
                fragments: Vec::new(),
                label: LabelId::new(["claim", "allegation", "proposal"][i % 3]),
                attribution: Attribution::named(
                    ["Maria Zakharova", "José Álvarez", "the ministry"][i % 3],
                ),
                note: if i % 5 == 0 {
                    "checked".into()
                } else {
                    String::new()
                },
                created: "2026-11-27T10:00:00Z".into(),
                modified: "2026-11-27T10:00:00Z".into(),
                provenance: None,
            }
        })
        .collect();
    let workspace = Workspace::from_parts(
        document,
        claimmark::model::annotation::default_labels(),
        Vec::new(),
        annotations,
    );
    native::export(&workspace)
}

#[test]
fn golden_and_fixture_files_import_the_same_in_steps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut count = 0;
    for dir in ["golden", "fixtures"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name == "SHA256SUMS" {
                continue;
            }
            assert_same_as_import(&[file(&name, std::fs::read(&path).unwrap())]);
            count += 1;
        }
    }
    assert!(count > 20, "{count} files");
}

#[test]
fn nasty_inputs_import_the_same_in_steps() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/nasty/cases.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in cases
        .iter()
        .filter(|c| c["text"].is_string() || c["bytes"].is_array())
    {
        let bytes = match case["text"].as_str() {
            Some(text) => text.as_bytes().to_vec(),
            None => case["bytes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
                .collect(),
        };
        assert_same_as_import(&[file(case["file"].as_str().unwrap(), bytes)]);
    }
}

#[test]
fn a_clean_file_is_read_a_batch_of_annotations_per_step() {
    let clean = many_annotations(2000);
    let files = [file("many.claimmark.json", clean.clone())];
    assert_same_as_import(&files);
    // Parsing, the document, then the annotations 500 at a time: the fourth batch is the last step.
    assert_eq!(stepped(&files, 500).0, 5);
    let mut importing = Importing::new(files.to_vec());
    let mut percents = Vec::new();
    while !importing.step(500) {
        percents.push(importing.percent());
    }
    assert_eq!(percents, [0, 0, 25, 50, 75]);
    let (_, report) = importing.finish(&[]);
    assert_eq!(report.unwrap().documents[0].annotations().len(), 2000);
}

#[test]
fn unclean_and_other_files_import_the_same_in_steps() {
    let clean = many_annotations(300);
    let cases = [
        // A duplicate id half way: the careful reader names it.
        clean.replacen("\"id\": \"a150\"", "\"id\": \"a149\"", 1),
        // A time that is not RFC 3339: a warning, read by the careful reader.
        clean.replacen("2026-11-27T10:00:00Z", "yesterday", 1),
        // A byte order mark, spaces before the object, a document id that is not its text's.
        format!("\u{feff}{clean}"),
        format!("  \n{clean}"),
        clean.replacen("\"id\": \"sha256:", "\"id\": \"sha256:0", 1),
        // Not JSON; a JSON list (a doccano label file, alone).
        "{ not json".to_string(),
        r##"[{"id": 1, "text": "PER", "background_color": "#ff0000", "suffix_key": "p"}]"##
            .to_string(),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_same_as_import(&[file(&format!("case{i}.json"), text.as_bytes())]);
        assert_same_as_import(&[file(&format!("case{i}.claimmark.json"), text.as_bytes())]);
    }
    // Two files, a zip name, a text: imported at once, as `import` does.
    assert_same_as_import(&[
        file("a.claimmark.json", clean.as_bytes()),
        file("b.claimmark.json", cases[0].as_bytes()),
    ]);
    assert_same_as_import(&[file("a.txt", "A text to open.")]);
    assert_same_as_import(&[file("a.zip", clean.as_bytes())]);
}
