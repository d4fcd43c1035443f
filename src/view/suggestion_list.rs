//! The Suggestions tab's list: each suggestion in text order with its label, source and
//! confidence, and buttons to accept, edit or reject it (what a touch screen uses). Clicking one
//! focuses it and scrolls the text to its dashed outline. Each entry carries its span's code
//! points as `data-s`/`data-e`, as the text's segments do.
//!
//! Keys act on the suggestion that has keyboard focus, and only there: ↑ ↓ Home End move,
//! Enter or A accepts, E edits, X or Delete rejects. Nothing typed anywhere else reaches them,
//! and the keys they take never reach the page's shortcuts (their default is prevented); other
//! keys (Ctrl+Z, J, K, ?) go on to the page as usual. An answer moves focus to the next one.

use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::hooks::list_window::use_list_window;
use super::store::{use_store, Msg, StoreHandle};
use super::suggesting::{key_of, Found, Key, SuggestMsg};
use crate::model::boundaries::shorten_end;
use crate::model::suggest::{Feedback, Suggestion};
use crate::model::{Action, Label};
use crate::view::files::now_iso;

/// Longest quote shown in an entry, in user-perceived characters.
const QUOTE_CHARS: usize = 140;

/// Answers suggestions: they leave the list at once, and the action (one undo step) goes to
/// the editor, after which the rest are read and scored again.
pub fn answer(store: &StoreHandle, keys: Vec<Key>, action: Action) {
    store.dispatch(Msg::Suggestions(SuggestMsg::Answered(keys)));
    store.dispatch(Msg::Do(action));
}

pub fn accept(store: &StoreHandle, s: &Suggestion) {
    answer(store, vec![key_of(s)], s.accept(&now_iso()));
}

pub fn reject(store: &StoreHandle, s: &Suggestion) {
    let action = Action::Learn(Feedback::Rejected(s.clone()));
    answer(store, vec![key_of(s)], action);
}

/// A confidence as people read it: "85%" (halves rounded up, as people round).
pub fn percent(confidence: f64) -> String {
    format!("{}%", (confidence * 100.0).round())
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub found: Rc<Found>,
    pub labels: Rc<Vec<Label>>,
    /// Opens the form that edits a suggestion before accepting it.
    pub on_edit: Callback<Suggestion>,
}

#[function_component(SuggestionList)]
pub fn suggestion_list(props: &ListProps) -> Html {
    let store = use_store();
    let found = &props.found;
    let focused = store.suggestions.focused_index(found);
    let window = use_list_window(found.list.len(), focused, ".sg-item");
    // After a key answered or moved, keyboard focus follows the focused suggestion; after a
    // request to show the suggestions (Suggest, S), the list takes it.
    let refocus = use_mut_ref(|| false);
    {
        let (refocus, scroller, store) = (refocus.clone(), window.scroller.clone(), store.clone());
        use_effect(move || {
            let asked = store.suggestions.focus_list;
            if (*refocus.borrow() || asked) && focus_current(&scroller) {
                *refocus.borrow_mut() = false;
                if asked {
                    store.dispatch(Msg::Suggestions(SuggestMsg::ListFocused));
                }
            }
        });
    }
    let onkeydown = {
        let (store, found, on_edit) = (store.clone(), found.clone(), props.on_edit.clone());
        Callback::from(move |event: KeyboardEvent| {
            if on_key(&event, &store, &found, &on_edit) {
                event.prevent_default();
                event.stop_propagation();
                *refocus.borrow_mut() = true;
            }
        })
    };
    let editor = store.editor();
    let text = &editor.workspace().document.text;
    let items = (window.first..window.last).map(|index| {
        let s = &found.list[index];
        let next = found
            .list
            .get(index + 1)
            .or(index.checked_sub(1).and_then(|i| found.list.get(i)));
        let label = props.labels.iter().find(|l| l.id == s.label).cloned();
        html! {
            <SuggestionItem key={format!("{}-{}-{}", s.span.start(), s.span.end(), s.label)}
                suggestion={s.clone()} {index} {label} quote={Rc::<str>::from(text.quote(s.span))}
                focused={focused == Some(index)} tabbable={focused.unwrap_or(0) == index}
                next_start={next.map(|n| n.span.start())}
                on_edit={props.on_edit.clone()} />
        }
    });
    html! {
        <div class="entries-scroll sg-scroll" ref={window.scroller} onscroll={window.onscroll}>
            <ol class={classes!("sg-list", window.windowed.then_some("is-windowed"))} style={window.padding}
                aria-label="Suggestions" {onkeydown}>{ for items }</ol>
        </div>
    }
}

/// Focuses the list's current entry; false when it is not rendered yet.
fn focus_current(scroller: &NodeRef) -> bool {
    let entry = scroller
        .cast::<Element>()
        .and_then(|s| s.query_selector(".sg-item[tabindex='0']").ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok());
    entry.is_some_and(|e| e.focus().is_ok())
}

/// Handles a key pressed in the list; true when it was the list's.
fn on_key(
    event: &KeyboardEvent,
    store: &StoreHandle,
    found: &Found,
    on_edit: &Callback<Suggestion>,
) -> bool {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return false;
    }
    let Some(target) = event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
    else {
        return false;
    };
    let on_button = target.tag_name() == "BUTTON";
    let Some(index) = target
        .closest(".sg-item")
        .ok()
        .flatten()
        .and_then(|item| item.get_attribute("data-index"))
        .and_then(|i| i.parse::<usize>().ok())
    else {
        return false;
    };
    let Some(s) = found.list.get(index) else {
        return false;
    };
    let last = found.list.len().saturating_sub(1);
    // After an answer the next one is focused (the one before, at the end).
    let next = found
        .list
        .get(index + 1)
        .or(index.checked_sub(1).and_then(|i| found.list.get(i)));
    let answered = |answer: fn(&StoreHandle, &Suggestion)| {
        answer(store, s);
        if let Some(next) = next {
            store.dispatch(Msg::ScrollTo(next.span.start()));
        }
        true
    };
    let to = match event.key().as_str() {
        "ArrowDown" => (index + 1).min(last),
        "ArrowUp" => index.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        "Enter" if !on_button => return answered(accept),
        "a" | "A" => return answered(accept),
        "x" | "X" | "Delete" | "Backspace" => return answered(reject),
        "e" | "E" => {
            on_edit.emit(s.clone());
            return true;
        }
        _ => return false,
    };
    let Some(moved) = found.list.get(to) else {
        return false;
    };
    store.dispatch(Msg::Suggestions(SuggestMsg::Focus(Some(key_of(moved)))));
    store.dispatch(Msg::ScrollTo(moved.span.start()));
    true
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    suggestion: Suggestion,
    index: usize,
    label: Option<Label>,
    quote: Rc<str>,
    focused: bool,
    /// Whether Tab reaches this entry (the focused one, or the first).
    tabbable: bool,
    /// Where the suggestion focused after this one is answered begins.
    next_start: Option<usize>,
    on_edit: Callback<Suggestion>,
}

#[function_component(SuggestionItem)]
fn suggestion_item(props: &ItemProps) -> Html {
    let store = use_store();
    let s = &props.suggestion;
    let (name, color) = props
        .label
        .as_ref()
        .map_or((s.label.to_string(), "#777777".to_string()), |l| {
            (l.name.clone(), l.color.clone())
        });
    let focus = {
        let (store, key, start) = (store.clone(), key_of(s), s.span.start());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Msg::Suggestions(SuggestMsg::Focus(Some(key.clone()))));
            store.dispatch(Msg::ScrollTo(start));
        })
    };
    // Keyboard focus on an entry (Tab, a click, the list taking focus) focuses its suggestion.
    let onfocus = {
        let (store, key, focused) = (store.clone(), key_of(s), props.focused);
        Callback::from(move |event: FocusEvent| {
            let on_entry = event
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
                .is_some_and(|t| t.class_list().contains("sg-item"));
            if on_entry && !focused {
                store.dispatch(Msg::Suggestions(SuggestMsg::Focus(Some(key.clone()))));
            }
        })
    };
    let button = |text: &'static str, class: &'static str, run: Callback<MouseEvent>| {
        html! { <button type="button" class={classes!("small", class)} onclick={run}>{ text }</button> }
    };
    let on = |f: fn(&StoreHandle, &Suggestion)| {
        let (store, s, next) = (store.clone(), s.clone(), props.next_start);
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            f(&store, &s);
            if let Some(next) = next {
                store.dispatch(Msg::ScrollTo(next));
            }
        })
    };
    let edit = {
        let (on_edit, s) = (props.on_edit.clone(), s.clone());
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            on_edit.emit(s.clone())
        })
    };
    let source = s
        .source
        .as_deref()
        .map_or("unattributed".to_string(), |n| format!("— {n}"));
    let spoken = format!(
        "{name}, {}, {} sure",
        source.trim_start_matches("— "),
        percent(s.confidence)
    );
    html! {
        <li class={classes!("sg-item", props.focused.then_some("is-focused"))} data-index={props.index.to_string()}
            data-s={s.span.start().to_string()} data-e={s.span.end().to_string()}
            tabindex={if props.tabbable { "0" } else { "-1" }} aria-current={props.focused.then_some("true")}
            aria-label={spoken} onclick={focus} {onfocus}>
            <div class="sg-head">
                <span class="badge" style={format!("--label:{color}")}>{ name }</span>
                <span class="sg-confidence" title="How sure the engine is">{ percent(s.confidence) }</span>
                <span class={classes!("sg-source", s.source.is_none().then_some("is-unattributed"))} dir="auto">{ source }</span>
            </div>
            // The quote is isolated: right-to-left words stay inside their quotation marks.
            <span class="entry-quote sg-quote">{ "“" }<bdi>{ shorten_end(&props.quote, QUOTE_CHARS) }</bdi>{ "”" }</span>
            <div class="sg-actions">
                { button("Accept", "sg-accept", on(accept)) }
                { button("Edit…", "sg-edit-button", edit) }
                { button("Reject", "sg-reject", on(reject)) }
            </div>
        </li>
    }
}
