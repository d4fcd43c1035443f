//! Golden exports: every format's bytes for the test corpus, compared byte for byte with files
//! committed before the code was restructured, and every golden file imported back and written
//! as claimmark JSON. A change in any of them is a change in behaviour, never a refactoring.
//!
//! The corpus: the seed article with its fixture annotations, a text of ’ “ — 🙂 👨🏻‍🚒, combining
//! accents and CRLF, and the benchmark's 1 MB document with 10 000 annotations. Small outputs are
//! committed whole (`tests/data/golden/`); the 1 MB ones as SHA-256 sums (`SHA256SUMS`), to keep
//! the repository small. A mismatch writes what was produced to `target/golden-actual/`.
//! `GOLDEN_UPDATE=1 cargo test --test golden` rewrites them: only for a deliberate change.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "../bench/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::PathBuf;

use claimmark::model::formats::{self, Format, InputFile};
use claimmark::model::Workspace;
use sha2::{Digest, Sha256};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden")
}

fn updating() -> bool {
    std::env::var_os("GOLDEN_UPDATE").is_some()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every output of one document set: each format's export, and each export imported back
/// (onto the same texts, for W3C) and written as claimmark JSON.
fn outputs(stem: &str, documents: &[&Workspace]) -> Vec<(String, Vec<u8>)> {
    let known: Vec<Workspace> = documents
        .iter()
        .map(|d| Workspace::new(d.document.clone()))
        .collect();
    let known: Vec<&Workspace> = known.iter().collect();
    let mut out = Vec::new();
    for format in Format::ALL {
        let file = formats::export(format, documents);
        let ending = file.name.split_once('.').map_or("", |(_, e)| e).to_string();
        let input = InputFile {
            name: file.name.clone(),
            bytes: file.bytes.clone(),
        };
        let report = formats::import(&[input], &known)
            .unwrap_or_else(|e| panic!("{stem}.{ending} does not import: {e}"));
        let back: Vec<&Workspace> = report.documents.iter().collect();
        let native = formats::export(Format::Native, &back).bytes;
        out.push((format!("{stem}.{ending}"), file.bytes));
        out.push((format!("{stem}.{ending}.imported.claimmark.json"), native));
    }
    out
}

/// Compares (or, when updating, writes) whole files.
fn check_files(outputs: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (name, bytes) in outputs {
        let path = golden_dir().join(name);
        if updating() {
            std::fs::write(&path, bytes).unwrap();
        } else if std::fs::read(&path).ok().as_ref() != Some(bytes) {
            wrong.push(name.clone());
            keep_actual(name, bytes);
        }
    }
    wrong
}

/// Compares (or, when updating, records) SHA-256 sums of large outputs.
fn check_sums(outputs: &[(String, Vec<u8>)]) -> Vec<String> {
    let path = golden_dir().join("SHA256SUMS");
    let actual: BTreeMap<String, String> = outputs
        .iter()
        .map(|(name, bytes)| (name.clone(), sha256(bytes)))
        .collect();
    if updating() {
        let lines: String = actual.iter().map(|(n, s)| format!("{s}  {n}\n")).collect();
        std::fs::write(&path, lines).unwrap();
        return Vec::new();
    }
    let recorded: BTreeMap<String, String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(s, n)| (n.to_string(), s.to_string()))
        .collect();
    let mut wrong = Vec::new();
    for (name, bytes) in outputs {
        if recorded.get(name) != actual.get(name) {
            wrong.push(name.clone());
            keep_actual(name, bytes);
        }
    }
    wrong
}

fn keep_actual(name: &str, bytes: &[u8]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/golden-actual");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn small_documents_export_and_import_as_committed() {
    let seed = common::fixture("seed");
    let nasty = common::fixture("nasty");
    let mut all = outputs("seed", &[&seed]);
    all.extend(outputs("nasty", &[&nasty]));
    all.extend(outputs("both", &[&seed, &nasty]));
    assert_eq!(all.len(), 36, "6 formats × 2 outputs × 3 sets");
    let wrong = check_files(&all);
    assert!(wrong.is_empty(), "differ from tests/data/golden: {wrong:?}");
}

#[test]
fn the_benchmark_megabyte_exports_and_imports_as_committed() {
    let big = corpus::document("Benchmark 1m-10000", 1_000_000, 10_000, 3);
    assert_eq!(big.annotations().len(), 10_000);
    let all = outputs("1m-10000", &[&big]);
    let wrong = check_sums(&all);
    assert!(wrong.is_empty(), "differ from SHA256SUMS: {wrong:?}");
}
