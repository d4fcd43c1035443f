//! Any bytes, under any of the names the importer recognises, with a document already open:
//! the import must return a report or an error, never panic.
#![no_main]
use claimmark::model::formats::{import, InputFile};
use claimmark::model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let names = ["a.json", "a.jsonl", "a.jsonld", "a.zip", "a.ann", "a.txt", "a"];
    let file = InputFile { name: names[selector as usize % names.len()].into(), bytes: bytes.to_vec() };
    let _ = import(&[file], &[&Workspace::seed()]);
});
