//! Label Studio tasks: never panic.
#![no_main]
use claimmark::model::formats::label_studio;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = label_studio::import(text);
});
