//! What happens once saved work is restored: an exercise in the page's link opens the
//! student's start dialog, and, when the browser is idle, the app rehearses an import
//! (`model::rehearsal`) and warms the tag menu's fonts (`view::warm_up`), then rehearses a
//! first Suggest.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::exercise::{self, Exercise};
use crate::view::dialog_host::Dialog;
use crate::view::frames::when_idle;
use crate::view::store::{Msg, NoticeKind, StoreHandle};

/// Runs the start-up steps once `loaded` (saved work restored, or none) turns true.
#[hook]
pub fn use_startup(loaded: bool, store: &StoreHandle, dialog: &UseStateHandle<Dialog>) {
    let (store, dialog) = (store.clone(), dialog.clone());
    use_effect_with(loaded, move |loaded| {
        if *loaded {
            rehearse_when_idle();
            if let Some(exercise) = exercise_in_link(&store) {
                dialog.set(Dialog::StartExercise(Rc::new(exercise)));
            }
        }
    });
}

/// An exercise in the page's link, if any; a broken one is reported.
fn exercise_in_link(store: &StoreHandle) -> Option<Exercise> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if !hash
        .trim_start_matches('#')
        .starts_with(exercise::FRAGMENT_PREFIX)
    {
        return None;
    }
    match exercise::from_fragment(&hash) {
        Ok(exercise) => Some(exercise),
        Err(error) => {
            store.dispatch(Msg::Notify(
                NoticeKind::Error,
                format!("This exercise link cannot be opened: {error}"),
            ));
            None
        }
    }
}

/// Runs `model::rehearsal` and `warm_up::menu_fonts` once the browser is idle, then (when idle
/// again) the suggestions' rehearsal, so that the first import of the session and its first
/// Suggest run compiled code and the first tag menu finds its fonts cached (see those modules).
fn rehearse_when_idle() {
    // One idle callback each, so that none holds the page for long.
    when_idle(|| {
        let _ = std::hint::black_box(crate::model::rehearsal::rehearse());
        when_idle(|| {
            crate::view::warm_up::menu_fonts();
            when_idle(|| {
                let _ = std::hint::black_box(crate::model::rehearsal::rehearse_suggestions());
            });
        });
    });
}
