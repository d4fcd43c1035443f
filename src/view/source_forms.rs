//! The Sources tab's forms for one source, opened in place: rename it, edit its aliases, merge
//! it into another source. Each is one `Action::Sources` edit (one undo step).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::store::{use_store, Msg, StoreHandle};
use crate::model::sources::SourceEdit;
use crate::model::Action;

/// What is being edited in place.
#[derive(Clone, PartialEq)]
pub enum Editing {
    Rename(String),
    Aliases(String),
    Merge(String),
}

/// Applies a registry edit.
pub fn apply(store: &StoreHandle, edit: SourceEdit) {
    store.dispatch(Msg::Do(Action::Sources(edit)));
}

fn input_value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// What a source's form is given: the source and a way to close the form.
#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub name: String,
    pub on_edit: Callback<Option<Editing>>,
}

/// A button that closes a source's form.
fn close_button(on_edit: &Callback<Option<Editing>>, label: &'static str) -> Html {
    let on_edit = on_edit.clone();
    let close = Callback::from(move |_| on_edit.emit(None));
    html! { <button type="button" onclick={close}>{ label }</button> }
}

/// Renaming a source (every attribution to it follows).
#[function_component(RenameForm)]
pub fn rename_form(props: &FormProps) -> Html {
    let store = use_store();
    let field = use_node_ref();
    let submit = {
        let (store, field, on_edit, name) = (
            store.clone(),
            field.clone(),
            props.on_edit.clone(),
            props.name.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            apply(
                &store,
                SourceEdit::Rename {
                    from: name.clone(),
                    to: input_value(&field),
                },
            );
            on_edit.emit(None);
        })
    };
    html! {
        <form class="source-form" onsubmit={submit}>
            <label>{ "New name" }<input ref={field} type="text" value={props.name.clone()} /></label>
            <button type="submit">{ "Rename" }</button>
            { close_button(&props.on_edit, "Cancel") }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct AliasesProps {
    pub name: String,
    pub aliases: Vec<String>,
    pub on_edit: Callback<Option<Editing>>,
}

/// A source's aliases as removable chips, and a field to add one.
#[function_component(AliasesForm)]
pub fn aliases_form(props: &AliasesProps) -> Html {
    let store = use_store();
    let field = use_node_ref();
    let AliasesProps { name, aliases, .. } = props;
    let chips = aliases.iter().map(|alias| {
        let remove = {
            let (store, name, aliases, alias) = (store.clone(), name.clone(), aliases.clone(), alias.clone());
            Callback::from(move |_| {
                let aliases = aliases.iter().filter(|a| **a != alias).cloned().collect();
                apply(&store, SourceEdit::SetAliases { name: name.clone(), aliases });
            })
        };
        html! {
            <li class="chip">{ alias }
                <button type="button" aria-label={format!("Remove the alias {alias}")} onclick={remove}>{ "×" }</button>
            </li>
        }
    });
    let submit = {
        let (store, field, name, aliases) =
            (store.clone(), field.clone(), name.clone(), aliases.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut aliases = aliases.clone();
            aliases.push(input_value(&field));
            apply(
                &store,
                SourceEdit::SetAliases {
                    name: name.clone(),
                    aliases,
                },
            );
            if let Some(input) = field.cast::<HtmlInputElement>() {
                input.set_value("");
            }
        })
    };
    html! {
        <form class="source-form" onsubmit={submit}>
            <ul class="chips" aria-label={format!("Aliases of {name}")}>{ for chips }</ul>
            <label>{ "Add an alias" }<input ref={field} type="text" placeholder="Zakharova, the spokeswoman…" /></label>
            <button type="submit">{ "Add" }</button>
            { close_button(&props.on_edit, "Done") }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct MergeProps {
    pub name: String,
    /// Names of the other sources.
    pub others: Rc<Vec<String>>,
    pub on_edit: Callback<Option<Editing>>,
}

/// Merging a source into another (its aliases and attributions go along).
#[function_component(MergeForm)]
pub fn merge_form(props: &MergeProps) -> Html {
    let store = use_store();
    let select = use_node_ref();
    let submit = {
        let (store, select, on_edit, name) = (
            store.clone(),
            select.clone(),
            props.on_edit.clone(),
            props.name.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let into = select
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            apply(
                &store,
                SourceEdit::Merge {
                    from: name.clone(),
                    into,
                },
            );
            on_edit.emit(None);
        })
    };
    let options = props
        .others
        .iter()
        .map(|other| html! { <option value={other.clone()}>{ other }</option> });
    html! {
        <form class="source-form" onsubmit={submit}>
            <label>{ format!("Merge {} into", props.name) }<select ref={select}>{ for options }</select></label>
            <button type="submit" disabled={props.others.is_empty()}>{ "Merge" }</button>
            { close_button(&props.on_edit, "Cancel") }
        </form>
    }
}
