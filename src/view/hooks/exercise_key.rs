//! The exercise with its answer key, parsed once. Starting an exercise holds it in the store
//! (`Msg::SetExercise`); when the shown document belongs to an exercise the store does not hold
//! (after a reload, or on showing another student document), the copy saved when it started is
//! read from storage here. Components read it from the store (`Store::exercise_of`).

use std::rc::Rc;

use yew::prelude::*;

use crate::view::storage;
use crate::view::store::{Msg, StoreHandle};

/// Keeps the store holding the shown document's exercise, if it has one.
#[hook]
pub fn use_exercise_key(store: &StoreHandle) {
    let wanted = {
        let editor = store.editor();
        editor.workspace().exercise.as_ref().map(|e| e.id.clone())
    };
    let store = store.clone();
    use_effect_with(wanted, move |wanted| {
        let Some(id) = wanted else { return };
        if store.held_exercise() == Some(id.as_str()) {
            return;
        }
        if let Some(exercise) = storage::load_exercise(id) {
            store.dispatch(Msg::SetExercise(Rc::new(exercise)));
        }
    });
}
