//! Restoring saved work when the app starts, and saving it after changes.
//!
//! Saving waits until changes pause for a moment (so a burst of edits is one write, and no
//! keystroke pays for serialising a large corpus), and happens at once when the page is hidden
//! or closed. A failure is shown with a button to export everything instead.
//!
//! Two tabs share one saved copy. Each tab announces its saves on a `BroadcastChannel`; a tab
//! that hears another tab saved stops saving (it would overwrite that work) and asks the user
//! whether to load the other tab's work or keep its own. After a panic nothing more is saved,
//! so the last good state stays.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;
use yew::prelude::*;

use super::panic;
use super::storage;
use super::store::{Msg, NoticeAction, NoticeKind, StoreHandle};

/// Quiet time after the last change before saving.
const SAVE_DELAY_MS: u32 = 300;
/// How long the app waits for saved work before opening without it (saving paused).
const LOAD_PATIENCE_MS: u32 = 5_000;
const CHANNEL: &str = "claimmark";

thread_local! {
    /// Set when another tab saved over our copy: this tab saves nothing until the user decides.
    static PAUSED: Cell<bool> = const { Cell::new(false) };
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
    /// Set when the next change is saved work being loaded, which needs no saving back.
    static JUST_LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Saves the corpus to IndexedDB; when the page is going away, also a synchronous copy.
fn save_now(store: &StoreHandle, leaving: bool) {
    if PAUSED.with(Cell::get) || panic::panicked() {
        return;
    }
    let serialised = storage::serialise(store.editor().corpus());
    if leaving {
        storage::save_last_moment(&serialised);
    }
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match storage::save_corpus(serialised).await {
            Ok(()) => CHANNEL_HANDLE.with(|c| {
                if let Some(channel) = c.borrow().as_ref() {
                    let _ = channel.post_message(&"saved".into());
                }
            }),
            Err(message) => {
                let text = format!("Your work could not be saved: {message}. Export it to keep a copy; it stays in this page meanwhile.");
                store.dispatch(Msg::NotifyWithActions(
                    NoticeKind::Error,
                    text,
                    vec![NoticeAction::ExportAll],
                ));
            }
        }
    });
}

/// "Keep this tab's work": saves it over the other tab's and saves as usual again.
pub fn keep_this_tab(store: &StoreHandle) {
    PAUSED.with(|p| p.set(false));
    save_now(store, false);
    store.dispatch(Msg::DismissNotice);
}

/// "Load the saved work": takes what the other tab saved, and saves as usual again.
pub fn load_saved(store: &StoreHandle) {
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match storage::load_corpus().await {
            Ok(Some(corpus)) => {
                PAUSED.with(|p| p.set(false));
                JUST_LOADED.with(|j| j.set(true));
                store.dispatch(Msg::Restore(corpus));
                store.dispatch(Msg::Notify(
                    NoticeKind::Info,
                    "Loaded the work saved by the other tab".into(),
                ));
            }
            Ok(None) => store.dispatch(Msg::Notify(
                NoticeKind::Error,
                "There is no saved work to load".into(),
            )),
            Err(message) => store.dispatch(Msg::Notify(NoticeKind::Error, message)),
        }
    });
}

/// Listens for other tabs' saves.
fn listen_to_other_tabs(store: StoreHandle) -> Option<EventListener> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let listener = EventListener::new(&channel, "message", move |event| {
        let saved = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| m.data().as_string())
            .as_deref()
            == Some("saved");
        if saved && !PAUSED.with(|p| p.replace(true)) {
            let text = "This work was just saved from another claimmark tab. So that neither tab overwrites the other, this tab has stopped saving. Load that tab's work here, or keep this tab's work (it then replaces the other's).".to_string();
            store.dispatch(Msg::NotifyWithActions(
                NoticeKind::Error,
                text,
                vec![NoticeAction::LoadSaved, NoticeAction::KeepThisTab],
            ));
        }
    });
    CHANNEL_HANDLE.with(|c| *c.borrow_mut() = Some(channel));
    Some(listener)
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
            // If the browser's storage does not answer in time, the app opens on the seed with
            // saving paused, so that nothing saved can be overwritten; a late answer restores
            // the saved work if nothing was changed meanwhile.
            let timed_out = Rc::new(Cell::new(false));
            let guard = {
                let (store, loaded, timed_out) = (store.clone(), loaded.clone(), timed_out.clone());
                Timeout::new(LOAD_PATIENCE_MS, move || {
                    timed_out.set(true);
                    PAUSED.with(|p| p.set(true));
                    store.dispatch(Msg::Notify(
                        NoticeKind::Error,
                        "The browser's storage has not answered, so your saved work is not shown yet and this tab is not saving. Reload the page to try again; nothing saved is lost.".into(),
                    ));
                    loaded.set(true);
                })
            };
            let start_revision = store.revision;
            wasm_bindgen_futures::spawn_local(async move {
                let result = storage::load_corpus().await;
                drop(guard);
                if timed_out.get() {
                    if let Ok(Some(corpus)) = result {
                        if store.revision == start_revision {
                            PAUSED.with(|p| p.set(false));
                            JUST_LOADED.with(|j| j.set(true));
                            store.dispatch(Msg::Restore(corpus));
                            store.dispatch(Msg::Notify(
                                NoticeKind::Info,
                                "Your saved work is restored".into(),
                            ));
                        }
                    } else if result.is_ok() {
                        PAUSED.with(|p| p.set(false));
                        store.dispatch(Msg::DismissNotice);
                    }
                    return;
                }
                // What is shown once this is done needs no saving until it changes.
                match result {
                    Ok(Some(corpus)) => {
                        *saved.borrow_mut() = Some(store.revision + 1);
                        store.dispatch(Msg::Restore(corpus));
                    }
                    Ok(None) => *saved.borrow_mut() = Some(store.revision),
                    Err(message) => {
                        *saved.borrow_mut() = Some(store.revision);
                        store.dispatch(Msg::Notify(NoticeKind::Error, message));
                    }
                }
                loaded.set(true);
            });
        });
    }
    {
        let (store, saved, pending) = (store.clone(), saved.clone(), pending.clone());
        use_effect_with((store.revision, *loaded), move |(revision, loaded)| {
            if JUST_LOADED.with(|j| j.replace(false)) {
                *saved.borrow_mut() = Some(*revision);
            }
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
            let tabs = listen_to_other_tabs(store.clone());
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
                tabs,
            );
            move || drop(listeners)
        });
    }
    *loaded
}
