//! The command line on a file with any content: validate, stats, convert, agree and merge report
//! problems with exit code 1 (or succeed), never panic.
#![no_main]
use claimmark::cli::run;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let names = ["in.json", "in.jsonl", "in.ann", "in.zip"];
    let dir = std::env::temp_dir().join(format!("claimmark-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(names[selector as usize % names.len()]);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let path = path.to_string_lossy().to_string();
    for args in [
        vec!["validate", path.as_str()],
        vec!["stats", "--json", path.as_str()],
        vec!["convert", "--to", "w3c", path.as_str()],
        vec!["agree", path.as_str(), path.as_str()],
        vec!["merge", "-o", "-", path.as_str(), path.as_str()],
    ] {
        let finished = run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(finished.code == 0 || finished.code == 1, "exit code {}", finished.code);
    }
});
