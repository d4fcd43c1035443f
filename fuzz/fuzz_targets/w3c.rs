//! W3C imports placed on the seed article: never panic.
#![no_main]
use claimmark::model::formats::w3c;
use claimmark::model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = w3c::import(text, &[&Workspace::seed()]);
});
