//! spaCy and doccano JSON Lines: never panic.
#![no_main]
use claimmark::model::formats::{doccano, spacy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = spacy::import(text);
    let _ = doccano::import(text);
});
