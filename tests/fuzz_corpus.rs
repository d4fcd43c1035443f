//! Replays the inputs the fuzzers found interesting (tests/data/fuzz/<target>/, the smallest
//! of each minimised corpus from scripts/fuzz.sh) through the same calls as the fuzz targets.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::importers::Importer;

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
    for importer in Importer::ALL {
        let corpus = inputs(importer.target());
        for data in corpus {
            let fed = importer.feed(&data);
            assert_eq!(fed, Ok(()), "{importer:?} on {data:?}");
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
            let _ = std::fs::remove_file(&path);
        }
    }
}
