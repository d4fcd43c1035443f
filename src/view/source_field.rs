//! The attribution field: a text input that suggests the document's sources as the user types
//! (a name or an alias) and says which canonical name will be stored.
//!
//! An accessible combobox: while the user types, the first suggestion is highlighted and Enter
//! takes it (a second Enter reaches the owner: the tag menu then tags); arrow keys move
//! through the suggestions and, last, an explicit "New source “…”" choice that keeps the typed
//! text; a click takes one; Escape closes the list. A new name that looks like the start of an
//! existing source is warned about under the field.

use std::rc::Rc;

use yew::prelude::*;

use super::store::use_store;
use crate::model::sources::{Known, SourceMatch};

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
    // The document's sources, gathered once per change to the work rather than for each of
    // the questions below on every key (10 000 annotations to read in a large document).
    let known = {
        let editor = store.editor();
        let document = editor.workspace().document.id().to_string();
        let store = store.clone();
        use_memo((store.revision, document), move |_| {
            Known::of(store.editor().workspace())
        })
    };
    let found: Rc<Vec<SourceMatch>> = {
        let text = (*typed).clone();
        // An empty field lists the sources already used, once the user is in it.
        Rc::new(if text.trim().is_empty() && !*open {
            Vec::new()
        } else {
            known.matches(&text, SHOWN)
        })
    };
    let stored = known.canonical(&typed);
    let exact = found.len() == 1 && stored.as_deref() == Some(found[0].name.as_str());
    // The typed text would make a new source: offered as an explicit last choice.
    let new_name = stored.clone().filter(|_| !known.is_known(&typed));
    let choices = found.len() + usize::from(new_name.is_some());
    let showing = *open && choices > 0 && !(exact && found[0].via.is_none());
    // The highlighted choice: the one the arrows picked, else the first while typing.
    let highlighted = active.or((showing && !typed.trim().is_empty()).then_some(0));
    let warning = new_name
        .as_ref()
        .and_then(|_| known.new_source_warning(&typed));

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
        let new_name = new_name.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = found.len() + usize::from(new_name.is_some());
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
                "Enter" if showing && highlighted.is_some() => {
                    // Take the highlighted choice; a second Enter reaches the owner (the tag
                    // menu tags), so the person sees the name before it is used.
                    let chosen = highlighted.and_then(|i| match found.get(i) {
                        Some(m) => Some(m.name.clone()),
                        None => new_name.clone(),
                    });
                    if let Some(name) = chosen {
                        take.emit(name);
                    }
                }
                "Escape" if showing => open.set(false),
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
    // Taking happens on mousedown, before the input's blur closes the list.
    let take_on_press = |name: String| {
        let take = take.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            take.emit(name.clone());
        })
    };
    let options = found.iter().enumerate().map(|(i, m)| {
        let is_active = highlighted == Some(i);
        html! {
            <li id={option_id(i)} role="option" aria-selected={is_active.to_string()}
                class={classes!("suggestion", is_active.then_some("is-active"))}
                onmousedown={take_on_press(m.name.clone())}>
                <span class="suggestion-name">{ &m.name }</span>
                if let Some(alias) = &m.via {
                    <span class="suggestion-via">{ format!("as “{alias}”") }</span>
                }
            </li>
        }
    });
    let new_option = new_name.clone().map(|name| {
        let i = found.len();
        let is_active = highlighted == Some(i);
        html! {
            <li id={option_id(i)} role="option" aria-selected={is_active.to_string()}
                class={classes!("suggestion", "is-new", is_active.then_some("is-active"))}
                onmousedown={take_on_press(name.clone())}>
                <span class="suggestion-name">{ format!("New source “{name}”") }</span>
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
                aria-activedescendant={highlighted.filter(|_| showing).map(option_id)}
                placeholder={props.placeholder.clone()}
                {oninput} {onchange} {onkeydown} {onblur}
                onfocus={{ let open = open.clone(); Callback::from(move |_| open.set(true)) }} />
            <ul id={list_id} role="listbox" aria-label="Sources" class="suggestions" hidden={!showing}>
                { for options }
                { for new_option }
            </ul>
            if let Some(warning) = warning {
                <span class="source-hint is-warning" aria-live="polite">{ format!("{warning}: choose it above, or keep “{}” as a new source", typed.trim()) }</span>
            } else if let Some(hint) = hint {
                <span class="source-hint" aria-live="polite">{ hint }</span>
            }
        </div>
    }
}
