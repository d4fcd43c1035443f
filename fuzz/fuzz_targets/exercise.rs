//! Exercise files and link fragments: never panic.
#![no_main]
use claimmark::model::exercise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = exercise::import(text);
    let _ = exercise::from_fragment(text);
    let _ = exercise::from_fragment(&format!("exercise={text}"));
});
