//! Keeping work in the browser: the workspace is saved to `localStorage` after every change
//! and restored on load.
//!
//! What is saved is the native v1 export, so the saved state obeys the same checks as an
//! imported file. If the saved state cannot be read it is moved aside, not deleted.

use crate::model::formats::native;
use crate::model::Workspace;

const WORKSPACE_KEY: &str = "claimmark.workspace.v1";
const BROKEN_KEY: &str = "claimmark.workspace.v1.unreadable";
const SNAP_KEY: &str = "claimmark.snap-to-words";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved workspace, `Ok(None)` if nothing is saved, or a message if it could not be read.
pub fn load_workspace() -> Result<Option<Workspace>, String> {
    let Some(storage) = local_storage() else {
        return Ok(None);
    };
    let Ok(Some(saved)) = storage.get_item(WORKSPACE_KEY) else {
        return Ok(None);
    };
    match native::import(&saved) {
        Ok(imported) => Ok(Some(imported.workspace)),
        Err(error) => {
            let _ = storage.set_item(BROKEN_KEY, &saved);
            let _ = storage.remove_item(WORKSPACE_KEY);
            Err(format!(
                "Your saved work could not be restored ({error}). It was kept in this browser's storage under \"{BROKEN_KEY}\"."
            ))
        }
    }
}

/// Saves the workspace; an error message if the browser refused (for example, storage full).
pub fn save_workspace(workspace: &Workspace) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser does not allow saving")?;
    storage
        .set_item(WORKSPACE_KEY, &native::export(workspace))
        .map_err(|_| {
            "the browser refused to save your work (storage may be full); use Export to keep a copy"
                .to_string()
        })
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
