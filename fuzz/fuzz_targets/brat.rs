//! brat standoff: the input is split at the first NUL into the .txt and the .ann; and the
//! stored-zip reader gets the raw bytes. Never panic.
#![no_main]
use claimmark::model::formats::{brat, zip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zip::read_stored(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (txt, ann) = text.split_once('\0').unwrap_or((text, ""));
    let _ = brat::import(&[("doc".to_string(), txt.to_string(), ann.to_string())]);
});
