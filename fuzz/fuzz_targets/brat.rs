//! brat standoff: the input is split at the first NUL into the .txt and the .ann; and the
//! stored-zip reader gets the raw bytes. Never panic.
#![no_main]
use claimmark::model::importers::Importer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    Importer::Brat.feed(data).unwrap();
});
