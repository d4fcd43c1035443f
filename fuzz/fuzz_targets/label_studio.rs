//! Label Studio tasks: never panic.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::LabelStudio.feed(data).unwrap();
});
