//! Any bytes, under any of the names the importer recognises, with a document already open:
//! the import must return a report or an error, never panic.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::Any.feed(data).unwrap();
});
