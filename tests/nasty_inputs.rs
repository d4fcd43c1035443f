//! The table of nasty inputs (tests/data/nasty/cases.json): each gives a precise message from
//! the importer the web app uses and from `claimmark validate` (exit 1, no panic), or imports
//! cleanly when it should. The e2e test drops the same files on the page.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::cli::run;
use claimmark::model::formats::{import, InputFile};
use claimmark::model::Workspace;
use serde_json::Value;

/// The bytes of a case: its text, its bytes, or a repetition.
pub fn bytes_of(case: &Value) -> Vec<u8> {
    if let Some(text) = case["text"].as_str() {
        return text.as_bytes().to_vec();
    }
    if let Some(bytes) = case["bytes"].as_array() {
        return bytes.iter().map(|b| b.as_u64().unwrap() as u8).collect();
    }
    let repeat = &case["repeat"];
    let unit = repeat["unit"].as_str().unwrap();
    let times = repeat["times"].as_u64().unwrap() as usize;
    let mut out = String::with_capacity(unit.len() * times + 200);
    out.push_str(repeat["prefix"].as_str().unwrap());
    for _ in 0..times {
        out.push_str(unit);
    }
    out.push_str(repeat["suffix"].as_str().unwrap());
    out.into_bytes()
}

fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/nasty/cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_nasty_input_gets_a_precise_message_in_the_app_and_the_cli() {
    let dir = std::env::temp_dir().join(format!("claimmark-nasty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let file_name = case["file"].as_str().unwrap();
        let bytes = bytes_of(&case);
        let expected = case["expect"].as_str();

        let result = import(
            &[InputFile {
                name: file_name.into(),
                bytes: bytes.clone(),
            }],
            &[&Workspace::seed()],
        );
        match (expected, &result) {
            (None, Ok(report)) => assert!(!report.documents.is_empty(), "{name}"),
            (Some(fragment), Err(error)) => {
                let message = error.to_string();
                assert!(
                    message.contains(fragment),
                    "{name}: {message:.400} lacks {fragment:?}"
                );
            }
            (None, Err(error)) => panic!("{name}: should import, got {error}"),
            (Some(fragment), Ok(_)) => panic!("{name}: should fail with {fragment:?}"),
        }

        let path = dir.join(file_name);
        std::fs::write(&path, &bytes).unwrap();
        let done = run(&["validate".to_string(), path.to_string_lossy().to_string()]);
        assert!(!done.stderr.contains("panicked"), "{name}");
        match expected {
            None => assert_eq!(done.code, 0, "{name}: {}", done.stderr),
            Some(fragment) => {
                assert_eq!(done.code, 1, "{name}");
                assert!(
                    done.stderr.contains(fragment),
                    "{name}: {:.400} lacks {fragment:?}",
                    done.stderr
                );
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
