//! Keeping work in the browser: the corpus is saved to `localStorage` after every change and
//! restored on load.
//!
//! What is saved is the native v1 format as JSON Lines (one document per line), so the saved
//! state obeys the same checks as an imported file. If it cannot be read it is moved aside,
//! not deleted.

use crate::model::exercise::{self, Exercise};
use crate::model::formats::native;
use crate::model::{Corpus, Workspace};

const CORPUS_KEY: &str = "claimmark.corpus.v1";
const CURRENT_KEY: &str = "claimmark.current";
const BROKEN_KEY: &str = "claimmark.corpus.v1.unreadable";
const SNAP_KEY: &str = "claimmark.snap-to-words";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved corpus, `Ok(None)` if nothing is saved, or a message if it could not be read.
pub fn load_corpus() -> Result<Option<Corpus>, String> {
    let Some(storage) = local_storage() else {
        return Ok(None);
    };
    let Ok(Some(saved)) = storage.get_item(CORPUS_KEY) else {
        return Ok(None);
    };
    let current = storage
        .get_item(CURRENT_KEY)
        .ok()
        .flatten()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let documents =
        native::import_lines(&saved).map(|docs| docs.into_iter().map(|d| d.workspace).collect());
    match documents {
        Ok(documents) => Ok(Corpus::from_documents(documents, current)),
        Err(error) => {
            let _ = storage.set_item(BROKEN_KEY, &saved);
            let _ = storage.remove_item(CORPUS_KEY);
            Err(format!(
                "Your saved work could not be restored ({error}). It was kept in this browser's storage under \"{BROKEN_KEY}\"."
            ))
        }
    }
}

/// Saves the corpus; an error message if the browser refused (for example, storage full).
pub fn save_corpus(corpus: &Corpus) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser does not allow saving")?;
    let documents: Vec<&Workspace> = corpus.documents().iter().collect();
    storage
        .set_item(CORPUS_KEY, &native::export_lines(&documents))
        .and_then(|_| storage.set_item(CURRENT_KEY, &corpus.current_index().to_string()))
        .map_err(|_| {
            "the browser refused to save your work (storage may be full); use Export to keep a copy"
                .to_string()
        })
}

/// Keeps an exercise (with its key) so that "Check my work" still works after a reload.
pub fn save_exercise(exercise: &Exercise) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(
            &format!("claimmark.exercise.{}", exercise.id),
            &exercise.export(),
        );
    }
}

pub fn load_exercise(id: &str) -> Option<Exercise> {
    let saved = local_storage()?
        .get_item(&format!("claimmark.exercise.{id}"))
        .ok()??;
    exercise::import(&saved).ok()
}

pub fn load_snap_setting() -> bool {
    local_storage()
        .and_then(|s| s.get_item(SNAP_KEY).ok().flatten())
        .map_or(true, |v| v != "off")
}

pub fn save_snap_setting(on: bool) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SNAP_KEY, if on { "on" } else { "off" });
    }
}
