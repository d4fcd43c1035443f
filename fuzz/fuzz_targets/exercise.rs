//! Exercise files and link fragments: never panic.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::Exercise.feed(data).unwrap();
});
