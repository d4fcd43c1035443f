//! Page-wide keys: Ctrl+F search, undo and redo, `[` and `]` between documents, J and K between
//! annotations (`model::navigate`), E to edit and Delete to delete the selected one, S to show
//! suggestions, Escape, and `?` for help.
//!
//! Typing anywhere changes only what the person is looking at: keys typed into a field, or
//! anywhere inside something that owns its keys (`data-owns-keys`: the tag menu, dialogs, the
//! search bar, the More menu, the annotation editor, the Adjudicate screen), and every key
//! while a dialog or the tag menu is open, are left alone.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::model::navigate;
use crate::model::Action;
use crate::view::dialog_host::Dialog;
use crate::view::store::{Msg, NoticeKind, StoreHandle};
use crate::view::suggesting::SuggestMsg;
use crate::view::suggestions_panel::not_allowed;

/// Listens for shortcut keys on the window for as long as the app runs.
#[hook]
pub fn use_shortcuts(store: &StoreHandle, dialog: &UseStateHandle<Dialog>) {
    let (store, dialog) = (store.clone(), dialog.clone());
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a browser window");
        // Not passive: preventing the default stops the browser's own undo of form fields.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&window, "keydown", options, move |event| {
            on_shortcut(event, &store, &dialog)
        });
        move || drop(listener)
    });
}

/// True while something that takes the keyboard is open (a dialog, the tag menu, a menu), or
/// the key was typed inside something that owns its keys.
fn keys_owned_elsewhere(event: &web_sys::Event) -> bool {
    let inside_owner = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-owns-keys]").ok().flatten())
        .is_some();
    let open = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("[aria-modal='true'], .tag-menu, [role='menu']")
                .ok()
                .flatten()
        })
        .is_some();
    inside_owner || open
}

/// True when keyboard focus is in a field that has its own meaning for shortcut keys.
fn typing_in_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|t| {
            matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || t.is_content_editable()
        })
}

/// Moves focus to the first text field of the selected annotation's editor.
fn focus_annotation_editor() {
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(".selected-annotation input[type=text]")
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// Handles a page-wide key: undo, redo, documents, moving between annotations, editing and
/// deleting the selected one, help. Keys typed into fields, or already handled, are left alone.
fn on_shortcut(event: &web_sys::Event, store: &StoreHandle, dialog: &UseStateHandle<Dialog>) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if **dialog != Dialog::None || key.default_prevented() {
        return;
    }
    if (key.ctrl_key() || key.meta_key()) && key.key().eq_ignore_ascii_case("f") {
        key.prevent_default();
        store.dispatch(Msg::Search(true));
        return;
    }
    // Escape cancels linking or deselects from anywhere but a text field (dialogs and the tag
    // menu keep their own Escape and never let it reach here).
    let escape = key.key() == "Escape" && !typing_in_field(event);
    if escape && (store.linking.is_some() || store.selected.is_some()) {
        let msg = if store.linking.is_some() {
            Msg::Link(None)
        } else {
            Msg::Select(None)
        };
        store.dispatch(msg);
        return;
    }
    if typing_in_field(event) || keys_owned_elsewhere(event) {
        return;
    }
    let command = key.ctrl_key() || key.meta_key();
    let (current, count, neighbour, refusal) = {
        let editor = store.editor();
        let annotations = editor.workspace().annotations();
        let selected = store.selected.as_ref();
        (
            editor.corpus().current_index(),
            editor.corpus().len(),
            [
                navigate::next(annotations, selected).cloned(),
                navigate::previous(annotations, selected).cloned(),
            ],
            not_allowed(editor.workspace()),
        )
    };
    let msg = match key.key().as_str() {
        "z" | "Z" if command && key.shift_key() => Msg::Redo,
        "z" | "Z" if command => Msg::Undo,
        "y" | "Y" if command => Msg::Redo,
        "[" if !command && current > 0 => Msg::Show(current - 1),
        "]" if !command && current + 1 < count => Msg::Show(current + 1),
        "j" | "k" if !command => {
            let [next, previous] = neighbour;
            if let Some(id) = if key.key() == "j" { next } else { previous } {
                key.prevent_default();
                store.dispatch(Msg::Reveal(id));
            }
            return;
        }
        "Delete" | "Backspace" if !command && store.selected.is_some() => {
            let Some(id) = store.selected.clone() else {
                return;
            };
            Msg::Do(Action::Delete { id })
        }
        "e" if !command && store.selected.is_some() => {
            key.prevent_default();
            focus_annotation_editor();
            return;
        }
        "s" | "S" if !command => match refusal {
            Some(why) => Msg::Notify(NoticeKind::Info, why.to_string()),
            None => Msg::Suggestions(SuggestMsg::Show),
        },
        "?" => {
            key.prevent_default();
            dialog.set(Dialog::Help);
            return;
        }
        _ => return,
    };
    key.prevent_default();
    store.dispatch(msg);
}
