//! Keeping work in the browser: the corpus is saved to IndexedDB shortly after every change
//! (and at once when the page is hidden) and restored on load; small settings and exercises
//! live in `localStorage`.
//!
//! What is saved is the native v1 format as JSON Lines (one document per line), so the saved
//! state obeys the same checks as an imported file. If it cannot be read it is moved aside,
//! not deleted.

use super::idb;
use crate::model::exercise::{self, Exercise};
use crate::model::formats::native;
use crate::model::{Corpus, Workspace};

const CORPUS_KEY: &str = "corpus.v1";
const CURRENT_KEY: &str = "current";
const SAVED_AT_KEY: &str = "saved-at";
const BROKEN_KEY: &str = "corpus.v1.unreadable";
const SNAP_KEY: &str = "claimmark.snap-to-words";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Set once work has been saved: `static/boot.js` reads it before the first paint and hides the
/// seed article the page holds (`view::prerendered`), as the saved work will replace it.
const SAVED_WORK_KEY: &str = "claimmark.has-saved-work";

fn note_saved_work(storage: &web_sys::Storage) {
    let _ = storage.set_item(SAVED_WORK_KEY, "1");
}

/// Key of the copy written synchronously when the page is hidden with changes unsaved (an
/// IndexedDB write started then may not finish before the page goes away).
const LAST_MOMENT_KEY: &str = "claimmark.unsaved";

/// The saved corpus, `Ok(None)` if nothing is saved, or a message if it could not be read.
/// Of the IndexedDB copy and a last-moment copy in `localStorage`, the newer one wins.
pub async fn load_corpus() -> Result<Option<Corpus>, String> {
    let last_moment = local_storage().and_then(|s| s.get_item(LAST_MOMENT_KEY).ok().flatten());
    let last_moment = last_moment.as_deref().and_then(|v| {
        let (at, rest) = v.split_once('\n')?;
        let (current, documents) = rest.split_once('\n')?;
        Some((
            at.parse::<f64>().ok()?,
            current.to_string(),
            documents.to_string(),
        ))
    });
    // The corpus, the shown document and the time were saved together (one transaction).
    let [corpus, current, saved_at]: [Option<String>; 3] =
        idb::get_all(&[CORPUS_KEY, CURRENT_KEY, SAVED_AT_KEY])
            .await?
            .try_into()
            .map_err(|_| "the browser's storage answered oddly".to_string())?;
    let saved_at = saved_at.and_then(|t| t.parse::<f64>().ok()).unwrap_or(0.0);
    let (saved, current) = match last_moment {
        Some((at, current, documents)) if at > saved_at => (Some(documents), Some(current)),
        _ => (corpus, current),
    };
    let Some(saved) = saved else { return Ok(None) };
    let current = current.and_then(|c| c.parse().ok()).unwrap_or(0);
    let documents =
        native::import_lines(&saved).map(|docs| docs.into_iter().map(|d| d.workspace).collect());
    match documents {
        Ok(documents) => Ok(Corpus::from_documents(documents, current)),
        Err(error) => {
            let _ = idb::put(BROKEN_KEY, &saved).await;
            if let Some(storage) = local_storage() {
                let _ = storage.remove_item(LAST_MOMENT_KEY);
            }
            Err(format!(
                "Your saved work could not be restored ({error}). It was kept in this browser's storage under \"{BROKEN_KEY}\"."
            ))
        }
    }
}

/// The corpus as it is saved: native JSON Lines and the shown document's index.
pub fn serialise(corpus: &Corpus) -> (String, String) {
    let documents: Vec<&Workspace> = corpus.documents().iter().collect();
    (
        native::export_lines(&documents),
        corpus.current_index().to_string(),
    )
}

/// Saves a serialised corpus; an error message if the browser refused (for example, full).
/// Once IndexedDB has it, a last-moment copy is no longer needed.
pub async fn save_corpus((documents, current): (String, String)) -> Result<(), String> {
    let saved_at = js_sys::Date::now().to_string();
    idb::put_all(&[
        (CORPUS_KEY, &documents),
        (CURRENT_KEY, &current),
        (SAVED_AT_KEY, &saved_at),
    ])
    .await?;
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(LAST_MOMENT_KEY);
        note_saved_work(&storage);
    }
    Ok(())
}

/// Writes the corpus synchronously, for when the page is about to go away. False if the
/// browser refused (too large for `localStorage`); the IndexedDB save is still attempted.
pub fn save_last_moment((documents, current): &(String, String)) -> bool {
    let at = js_sys::Date::now();
    local_storage().is_some_and(|s| {
        note_saved_work(&s);
        s.set_item(LAST_MOMENT_KEY, &format!("{at}\n{current}\n{documents}"))
            .is_ok()
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
        .is_none_or(|v| v != "off")
}

pub fn save_snap_setting(on: bool) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SNAP_KEY, if on { "on" } else { "off" });
    }
}
