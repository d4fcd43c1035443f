//! Files in and out of the browser: downloads, reading picked or dropped files, and the clock.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FileList, HtmlAnchorElement, Url};

use crate::model::formats::{InputFile, MAX_IMPORT_BYTES};

/// Offers `contents` to the user as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not start the download (blob)".to_string())?;
    download_blob(name, &blob)
}

/// Starts the browser's download of `blob` as a file called `name`.
pub fn download_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let fail = |what: &str| format!("could not start the download ({what})");
    let url = Url::create_object_url_with_blob(blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has queued the download; the URL can go once the event loop turns.
    let revoke = url.clone();
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&revoke);
    })
    .forget();
    Ok(())
}

/// The files of a picker or a drop, in order.
pub fn file_list(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads picked or dropped files as bytes, refusing very large ones up front.
pub async fn read_files(files: &[File]) -> Result<Vec<InputFile>, String> {
    let total: f64 = files.iter().map(|f| f.size()).sum();
    if total as usize > MAX_IMPORT_BYTES {
        return Err(format!(
            "the files are {} MB; claimmark opens up to {} MB at once",
            total as usize / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("the browser could not read {}", file.name()))?;
        inputs.push(InputFile {
            name: file.name(),
            bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
        });
    }
    Ok(inputs)
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // "2026-11-27T10:00:00.000Z" → "2026-11-27T10:00:00Z"
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}
