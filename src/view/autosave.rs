//! Restoring saved work when the app starts, and saving it after changes.
//!
//! Saving waits until changes pause for a moment (so a burst of edits is one write, and no
//! keystroke pays for serialising a large corpus), and happens at once when the page is hidden
//! or closed. Failures are shown as a notice; the work in the page is never touched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::storage;
use super::store::{Msg, NoticeKind, StoreHandle};

/// Quiet time after the last change before saving.
const SAVE_DELAY_MS: u32 = 300;

/// Saves the corpus to IndexedDB; when the page is going away, also a synchronous copy.
fn save_now(store: &StoreHandle, leaving: bool) {
    let serialised = storage::serialise(store.editor().corpus());
    if leaving {
        storage::save_last_moment(&serialised);
    }
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(message) = storage::save_corpus(serialised).await {
            let text =
                format!("Your work could not be saved: {message}. Use Export to keep a copy.");
            store.dispatch(Msg::Notify(NoticeKind::Error, text));
        }
    });
}

/// Restores saved work once, then saves after every change. False until restoring is done.
#[hook]
pub fn use_autosave(store: StoreHandle) -> bool {
    let loaded = use_state(|| false);
    // The revision that is already saved (or was just restored), so it is not written again.
    let saved = use_mut_ref(|| None::<u64>);
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // `loaded` as seen by listeners registered once (a state handle keeps its first value).
    let restored = use_mut_ref(|| false);
    *restored.borrow_mut() = *loaded;

    {
        let (store, loaded, saved) = (store.clone(), loaded.clone(), saved.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match storage::load_corpus().await {
                    Ok(Some(corpus)) => {
                        *saved.borrow_mut() = Some(store.revision + 1);
                        store.dispatch(Msg::Restore(corpus));
                    }
                    Ok(None) => {}
                    Err(message) => store.dispatch(Msg::Notify(NoticeKind::Error, message)),
                }
                loaded.set(true);
            });
        });
    }
    {
        let (store, saved, pending) = (store.clone(), saved.clone(), pending.clone());
        use_effect_with((store.revision, *loaded), move |(revision, loaded)| {
            if *loaded && *saved.borrow() != Some(*revision) {
                let (revision, store, saved_now) = (*revision, store.clone(), saved.clone());
                let timer = Timeout::new(SAVE_DELAY_MS, move || {
                    *saved_now.borrow_mut() = Some(revision);
                    save_now(&store, false);
                });
                *pending.borrow_mut() = Some(timer);
            }
        });
    }
    {
        let (store, pending, saved) = (store.clone(), pending.clone(), saved.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            let flush = move || {
                if !*restored.borrow() || *saved.borrow() == Some(store.revision) {
                    return;
                }
                if let Some(timer) = pending.borrow_mut().take() {
                    timer.cancel();
                }
                *saved.borrow_mut() = Some(store.revision);
                save_now(&store, true);
            };
            let on_hide = flush.clone();
            let listeners = (
                EventListener::new(&window, "pagehide", move |_| flush()),
                EventListener::new(
                    &window.document().expect("a document"),
                    "visibilitychange",
                    move |_| {
                        let hidden = web_sys::window()
                            .and_then(|w| w.document())
                            .is_some_and(|d| d.hidden());
                        if hidden {
                            on_hide();
                        }
                    },
                ),
            );
            move || drop(listeners)
        });
    }
    *loaded
}
