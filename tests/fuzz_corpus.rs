//! Replays the inputs the fuzzers found interesting (tests/data/fuzz/<target>/, the smallest
//! of each minimised corpus from scripts/fuzz.sh) through the same calls as the fuzz targets.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::exercise;
use claimmark::model::formats::{
    brat, doccano, import, label_studio, native, spacy, w3c, zip, InputFile,
};
use claimmark::model::Workspace;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = format!("{}/tests/data/fuzz/{target}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{dir} is empty");
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn the_fuzz_corpus_never_panics() {
    for data in inputs("import_any") {
        if let Some((&selector, bytes)) = data.split_first() {
            let names = [
                "a.json", "a.jsonl", "a.jsonld", "a.zip", "a.ann", "a.txt", "a",
            ];
            let file = InputFile {
                name: names[selector as usize % names.len()].into(),
                bytes: bytes.to_vec(),
            };
            let _ = import(&[file], &[&Workspace::seed()]);
        }
    }
    for data in inputs("native") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let fast = native::import(text);
            if fast.is_ok() {
                assert_eq!(fast, native::import_carefully(text));
            }
        }
    }
    for data in inputs("w3c") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = w3c::import(text, &[&Workspace::seed()]);
        }
    }
    for data in inputs("jsonl") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = spacy::import(text);
            let _ = doccano::import(text);
        }
    }
    for data in inputs("label_studio") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = label_studio::import(text);
        }
    }
    for data in inputs("brat") {
        let _ = zip::read_stored(&data);
        if let Ok(text) = std::str::from_utf8(&data) {
            let (txt, ann) = text.split_once('\0').unwrap_or((text, ""));
            let _ = brat::import(&[("doc".to_string(), txt.to_string(), ann.to_string())]);
        }
    }
    for data in inputs("exercise") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = exercise::import(text);
            let _ = exercise::from_fragment(text);
        }
    }
    for data in inputs("cli") {
        if let Some((_, bytes)) = data.split_first() {
            let path = std::env::temp_dir()
                .join(format!("claimmark-fuzz-replay-{}.json", std::process::id()));
            std::fs::write(&path, bytes).unwrap();
            let done =
                claimmark::cli::run(&["validate".to_string(), path.to_string_lossy().to_string()]);
            assert!(done.code == 0 || done.code == 1);
        }
    }
}
