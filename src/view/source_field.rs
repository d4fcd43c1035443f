//! The attribution field: a text input that suggests the document's sources as the user types
//! (a name or an alias) and says which canonical name will be stored.
//!
//! An accessible combobox: arrow keys move through the suggestions, Enter or a click takes one,
//! Escape closes the list. Keys it handles do not reach the surrounding menu or page.

use std::rc::Rc;

use yew::prelude::*;

use super::store::use_store;
use crate::model::sources::{self, SourceMatch};

/// Suggestions shown at most.
const SHOWN: usize = 6;

#[derive(Properties, PartialEq)]
pub struct SourceFieldProps {
    /// The input, so the owner can read its value.
    pub input: NodeRef,
    /// Distinguishes the ids of several fields on one page.
    pub id: AttrValue,
    #[prop_or_default]
    pub value: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Called with the final text: on change (blur or Enter), and when a suggestion is taken.
    #[prop_or_default]
    pub on_commit: Option<Callback<String>>,
}

#[function_component(SourceField)]
pub fn source_field(props: &SourceFieldProps) -> Html {
    let store = use_store();
    let typed = use_state(|| props.value.to_string());
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    // The input is not controlled (Yew would reset what the user types on every render):
    // its value is set when the owner's value changes.
    {
        let (typed, input) = (typed.clone(), props.input.clone());
        use_effect_with(props.value.clone(), move |value| {
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                field.set_value(value);
            }
            typed.set(value.to_string());
        });
    }
    let found: Rc<Vec<SourceMatch>> = {
        let editor = store.editor();
        let text = (*typed).clone();
        // An empty field lists the sources already used, once the user is in it.
        Rc::new(if text.trim().is_empty() && !*open {
            Vec::new()
        } else {
            sources::matches(editor.workspace(), &text, SHOWN)
        })
    };
    let stored = {
        let editor = store.editor();
        sources::canonical(editor.workspace(), &typed)
    };
    let exact = found.len() == 1 && stored.as_deref() == Some(found[0].name.as_str());
    let showing = *open && !found.is_empty() && !(exact && found[0].via.is_none());

    let take = {
        let (input, typed, open, active) = (
            props.input.clone(),
            typed.clone(),
            open.clone(),
            active.clone(),
        );
        let on_commit = props.on_commit.clone();
        Callback::from(move |name: String| {
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                field.set_value(&name);
                let _ = field.focus();
            }
            typed.set(name.clone());
            open.set(false);
            active.set(None);
            if let Some(commit) = &on_commit {
                commit.emit(name);
            }
        })
    };
    let oninput = {
        let (typed, open, active) = (typed.clone(), open.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            let field: web_sys::HtmlInputElement = event.target_unchecked_into();
            typed.set(field.value());
            open.set(true);
            active.set(None);
        })
    };
    let onchange = props.on_commit.clone().map(|commit| {
        Callback::from(move |event: Event| {
            let field: web_sys::HtmlInputElement = event.target_unchecked_into();
            commit.emit(field.value());
        })
    });
    let onkeydown = {
        let (open, active, take, found) =
            (open.clone(), active.clone(), take.clone(), found.clone());
        Callback::from(move |event: KeyboardEvent| {
            let count = found.len();
            let step = |by: isize| {
                let next = match *active {
                    None if by > 0 => 0,
                    None => count.saturating_sub(1),
                    Some(i) => (i as isize + by).rem_euclid(count as isize) as usize,
                };
                active.set(Some(next));
                open.set(true);
            };
            match event.key().as_str() {
                "ArrowDown" if count > 0 => step(1),
                "ArrowUp" if count > 0 && *open => step(-1),
                "Enter" if *open && active.is_some() => {
                    if let Some(m) = active.and_then(|i| found.get(i)) {
                        take.emit(m.name.clone());
                    }
                }
                "Escape" if *open && count > 0 => open.set(false),
                _ => return,
            }
            event.prevent_default();
            event.stop_propagation();
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let list_id = format!("{}-sources", props.id);
    let option_id = |i: usize| format!("{}-source-{i}", props.id);
    let options = found.iter().enumerate().map(|(i, m)| {
        let take = take.clone();
        let name = m.name.clone();
        // Taking happens on mousedown, before the input's blur closes the list.
        let onmousedown = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            take.emit(name.clone());
        });
        let is_active = *active == Some(i);
        html! {
            <li id={option_id(i)} role="option" aria-selected={is_active.to_string()}
                class={classes!("suggestion", is_active.then_some("is-active"))} {onmousedown}>
                <span class="suggestion-name">{ &m.name }</span>
                if let Some(alias) = &m.via {
                    <span class="suggestion-via">{ format!("as “{alias}”") }</span>
                }
            </li>
        }
    });
    let hint = stored
        .filter(|name| name != typed.trim())
        .map(|name| format!("Stored as “{name}”"));
    html! {
        <div class="source-field">
            <input ref={props.input.clone()} id={props.id.clone()} type="text" autocomplete="off"
                role="combobox" aria-autocomplete="list" aria-expanded={showing.to_string()}
                aria-controls={list_id.clone()}
                aria-activedescendant={active.filter(|_| showing).map(option_id)}
                placeholder={props.placeholder.clone()}
                {oninput} {onchange} {onkeydown} {onblur}
                onfocus={{ let open = open.clone(); Callback::from(move |_| open.set(true)) }} />
            <ul id={list_id} role="listbox" aria-label="Sources" class="suggestions" hidden={!showing}>
                { for options }
            </ul>
            if let Some(hint) = hint {
                <span class="source-hint" aria-live="polite">{ hint }</span>
            }
        </div>
    }
}
