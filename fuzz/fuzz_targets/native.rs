//! The native reader, fast and careful: never panics, and they agree whenever the fast one
//! accepts a file.
#![no_main]
use claimmark::model::formats::native::{import, import_carefully};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let fast = import(text);
    if fast.is_ok() {
        assert_eq!(fast, import_carefully(text));
    }
});
