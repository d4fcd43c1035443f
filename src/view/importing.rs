//! Importing files (chosen in the toolbar or dropped on the page): plain `.txt` files are opened
//! as texts at once; anything else is read and shown in the import preview
//! ([`Dialog::Import`]), which changes nothing until confirmed. Errors say what is wrong and
//! change nothing.

use std::rc::Rc;

use web_sys::File;
use yew::prelude::*;

use super::dialog_host::{open_documents, Dialog};
use super::files::read_files;
use super::marks;
use super::store::{Msg, NoticeKind, StoreHandle};
use crate::model::formats::{self, texts};

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
        let result = {
            let editor = store.editor();
            formats::import(&inputs, &editor.corpus().current_first())
        };
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
