//! While a student checks their work: the spans of the key they missed, their own extra ones,
//! and theirs with the wrong label or source (`model::review::check_marks`), as overlays on
//! the reading view. The key is the
//! exercise held in the store (see [`super::exercise_key`]).

use std::rc::Rc;

use crate::model::overlay::Overlay;
use crate::model::review::{check_marks, CheckMark};
use crate::model::Workspace;
use crate::view::store::StoreHandle;
use yew::prelude::*;

/// The check overlays of `workspace` (the shown document), empty unless checking.
#[hook]
pub fn use_check_overlays(store: &StoreHandle, workspace: &Workspace) -> Rc<Vec<Overlay>> {
    let key = workspace
        .exercise
        .as_ref()
        .and_then(|link| store.exercise_of(link))
        .filter(|_| store.checking)
        .cloned();
    let deps = (
        workspace.document.id().to_string(),
        store.revision,
        store.checking,
        key.as_ref().map(|k| k.id.clone()),
    );
    use_memo(deps, |_| {
        let Some(key) = key else { return Vec::new() };
        check_marks(&key.material, workspace)
            .into_iter()
            .map(|(start, end, mark)| Overlay {
                start,
                end,
                class: match mark {
                    CheckMark::Missed => "is-missed",
                    CheckMark::Extra => "is-extra",
                    CheckMark::WrongLabel => "is-wrong-label",
                    CheckMark::WrongSource => "is-wrong-source",
                },
            })
            .collect::<Vec<_>>()
    })
}
