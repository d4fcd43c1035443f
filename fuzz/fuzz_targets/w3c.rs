//! W3C imports placed on the seed article: never panic.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::W3c.feed(data).unwrap();
});
