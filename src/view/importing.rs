//! Importing files (chosen in the toolbar or dropped on the page): plain `.txt` files are opened
//! as texts at once; anything else is read and shown in the import preview
//! ([`Dialog::Import`]), which changes nothing until confirmed. Errors say what is wrong and
//! change nothing.
//!
//! Reading runs in slices of about 12 ms, one after each painted frame
//! (`model::formats::importing`: a claimmark file a batch of annotations at a time), so the
//! page stays responsive while a large file is read.

use std::rc::Rc;

use web_sys::File;
use yew::prelude::*;

use super::dialog_host::{open_documents, Dialog};
use super::files::read_files;
use super::frames::next_paint;
use super::marks;
use super::store::{Msg, NoticeKind, StoreHandle};
use crate::model::formats::importing::Importing;
use crate::model::formats::{texts, ImportError, ImportReport, InputFile};

/// How long one slice of reading runs before the page gets a frame, in milliseconds, and how
/// many annotations one step reads at most (the clock is read between steps).
const SLICE_MS: f64 = 12.0;
const STEP: usize = 200;

/// Reads `files` and shows what importing them would do; plain `.txt` files are opened as texts.
pub fn start_import(files: Vec<File>, store: StoreHandle, dialog: UseStateHandle<Dialog>) {
    if files.is_empty() {
        return;
    }
    marks::mark("claimmark:import-start");
    wasm_bindgen_futures::spawn_local(async move {
        let names = files.iter().map(File::name).collect::<Vec<_>>().join(", ");
        let fail = |message: String| {
            let text =
                format!("Could not import {names}: {message}\nYour current work is unchanged.");
            store.dispatch(Msg::Notify(NoticeKind::Error, text));
        };
        let inputs = match read_files(&files).await {
            Ok(inputs) => inputs,
            Err(message) => return fail(message),
        };
        if inputs
            .iter()
            .all(|f| f.name.to_ascii_lowercase().ends_with(".txt"))
        {
            match texts::documents(&inputs) {
                Ok(documents) => open_documents(&store, documents),
                Err(error) => fail(error.to_string()),
            }
            return;
        }
        let (inputs, result) = import_between_frames(inputs, &store).await;
        match result {
            Ok(report) => {
                dialog.set(Dialog::Import {
                    names,
                    files: Rc::new(inputs),
                    report: Rc::new(report),
                });
                marks::mark_after_paint("claimmark:import-preview");
            }
            Err(error) => fail(error.to_string()),
        }
    });
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reads `inputs` as one import, in slices between painted frames (the page gets a frame after
/// the last one too); gives back the files and the report.
async fn import_between_frames(
    inputs: Vec<InputFile>,
    store: &StoreHandle,
) -> (Vec<InputFile>, Result<ImportReport, ImportError>) {
    let mut importing = Importing::new(inputs);
    loop {
        let slice = now();
        let done = loop {
            if importing.step(STEP) {
                break true;
            }
            if now() - slice > SLICE_MS {
                break false;
            }
        };
        next_paint().await;
        if done {
            break;
        }
    }
    let editor = store.editor();
    importing.finish(&editor.corpus().current_first())
}
