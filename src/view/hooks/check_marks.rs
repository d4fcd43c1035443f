//! While a student checks their work: the spans of the key they missed and their own extra
//! ones (`model::review::check_marks`), as overlays on the reading view.

use std::rc::Rc;

use crate::model::overlay::Overlay;
use crate::model::review::{check_marks, CheckMark};
use crate::model::Workspace;
use crate::view::storage;
use crate::view::store::StoreHandle;
use yew::prelude::*;

/// The check overlays of `workspace` (the shown document), empty unless checking.
#[hook]
pub fn use_check_overlays(store: &StoreHandle, workspace: &Workspace) -> Rc<Vec<Overlay>> {
    let deps = (
        workspace.document.id().to_string(),
        store.revision,
        store.checking,
    );
    use_memo(deps, |_| {
        let key = store
            .checking
            .then(|| {
                workspace
                    .exercise
                    .as_ref()
                    .and_then(|e| storage::load_exercise(&e.id))
            })
            .flatten();
        let Some(key) = key else { return Vec::new() };
        check_marks(&key.material, workspace)
            .into_iter()
            .map(|(start, end, mark)| Overlay {
                start,
                end,
                class: match mark {
                    CheckMark::Missed => "is-missed",
                    CheckMark::Extra => "is-extra",
                },
            })
            .collect::<Vec<_>>()
    })
}
