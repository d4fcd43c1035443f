//! Editing a suggestion before accepting it: another label, another source (or none), then
//! Accept (`Action::Accept`: the engine learns the label, `Feedback::Edited` when it changed)
//! or Cancel (Esc). It owns its keys: nothing typed in it reaches the list or the page.

use std::rc::Rc;

use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use super::source_field::SourceField;
use super::store::use_store;
use super::suggesting::key_of;
use super::suggestion_list::{answer, percent};
use crate::model::suggest::Suggestion;
use crate::model::{Label, LabelId};
use crate::view::files::now_iso;

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub suggestion: Suggestion,
    pub labels: Rc<Vec<Label>>,
    /// Called when the form closes (accepted or cancelled).
    pub on_close: Callback<()>,
}

#[function_component(SuggestionForm)]
pub fn suggestion_form(props: &FormProps) -> Html {
    let store = use_store();
    let (label, source) = (use_node_ref(), use_node_ref());
    {
        let label = label.clone();
        use_effect_with(key_of(&props.suggestion), move |_| {
            if let Some(select) = label.cast::<HtmlElement>() {
                let _ = select.focus();
            }
        });
    }
    let s = &props.suggestion;
    let onsubmit = {
        let (store, s, on_close) = (store.clone(), s.clone(), props.on_close.clone());
        let (label, source) = (label.clone(), source.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let chosen = label
                .cast::<HtmlSelectElement>()
                .map_or(s.label.clone(), |l| LabelId::new(&l.value()));
            let typed = source
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value().trim().to_string())
                .filter(|t| !t.is_empty());
            answer(
                &store,
                vec![key_of(&s)],
                s.accept_as(chosen, typed, &now_iso()),
            );
            on_close.emit(());
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(());
            }
            event.stop_propagation();
        })
    };
    let options = props.labels.iter().map(|l| {
        html! { <option value={l.id.to_string()} selected={l.id == s.label}>{ &l.name }</option> }
    });
    let quote = store
        .editor()
        .workspace()
        .document
        .text
        .quote(s.span)
        .to_string();
    let suggested = props
        .labels
        .iter()
        .find(|l| l.id == s.label)
        .map_or(s.label.to_string(), |l| l.name.clone());
    html! {
        <form class="sg-form" aria-label="Edit the suggestion, then accept it" {onsubmit} {onkeydown} data-owns-keys="">
            <p class="editor-quote">{ "“" }<bdi>{ quote }</bdi>{ "”" }</p>
            <p class="muted">{ format!("Suggested as {} ({} sure)", suggested, percent(s.confidence)) }</p>
            <label class="field">
                <span>{ "Label" }</span>
                <select ref={label}>{ for options }</select>
            </label>
            <label class="field">
                <span>{ "Who says it" }</span>
                <SourceField input={source} id="suggestion-source"
                    value={s.source.clone().unwrap_or_default()} placeholder="Unattributed" />
            </label>
            <div class="actions">
                <button type="submit" class="primary">{ "Accept" }</button>
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
