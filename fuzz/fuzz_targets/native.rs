//! The native reader, fast and careful: never panics, and they agree whenever the fast one
//! accepts a file.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::Native.feed(data).unwrap();
});
