//! While a student checks their work: the spans of the key they missed, their own extra ones,
//! and theirs with the wrong label or source (`Exercise::check`, `model::review::check_marks`),
//! as overlays on the reading view whose tooltips give the key's explanation when the teacher
//! allows it. The key is the exercise held in the store (see [`super::exercise_key`]).

use std::rc::Rc;

use crate::model::overlay::Overlay;
use crate::model::review::{Check, CheckMark};
use crate::model::Workspace;
use crate::view::store::StoreHandle;
use yew::prelude::*;

/// How a check mark is named to the student.
pub fn mark_name(mark: CheckMark) -> &'static str {
    match mark {
        CheckMark::Missed => "Missed: the key has this span",
        CheckMark::Extra => "Extra: the key does not have this span",
        CheckMark::WrongLabel => "Wrong label",
        CheckMark::WrongSource => "Wrong source",
    }
}

/// A check mark's tooltip: its name, and the key's explanation when there is one.
fn title(check: &Check) -> String {
    match check.explanation.as_str() {
        "" => mark_name(check.mark).to_string(),
        why => format!("{}. The key explains: {why}", mark_name(check.mark)),
    }
}

/// The check marks of `workspace` (the shown document) against its exercise's key, empty
/// unless the student is checking.
#[hook]
pub fn use_checks(store: &StoreHandle, workspace: &Workspace) -> Rc<Vec<Check>> {
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
        key.map(|key| key.check(workspace)).unwrap_or_default()
    })
}

/// The check overlays of `workspace` (the shown document), empty unless checking.
#[hook]
pub fn use_check_overlays(store: &StoreHandle, workspace: &Workspace) -> Rc<Vec<Overlay>> {
    let checks = use_checks(store, workspace);
    use_memo(checks, |checks| {
        checks
            .iter()
            .map(|check| Overlay {
                start: check.start,
                end: check.end,
                class: match check.mark {
                    CheckMark::Missed => "is-missed",
                    CheckMark::Extra => "is-extra",
                    CheckMark::WrongLabel => "is-wrong-label",
                    CheckMark::WrongSource => "is-wrong-source",
                },
                title: title(check),
            })
            .collect::<Vec<_>>()
    })
}
