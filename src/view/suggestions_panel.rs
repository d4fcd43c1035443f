//! The side panel's Suggestions tab: what suggestions are (found in this browser, nothing sent
//! anywhere), the Suggest button, then while they are on: how many there are, "Accept all" at
//! or above a confidence (one undo step), Hide, what the engine has learned and *Reset
//! learning* (one undo step), the form that edits a suggestion before accepting it, and the
//! list ([`super::suggestion_list`]). In an exercise whose teacher did not allow suggestions it
//! says so and offers nothing.

use std::rc::Rc;

use yew::prelude::*;

use super::store::{use_store, Msg, StoreHandle};
use super::suggesting::{key_of, Found, SuggestMsg, MIN_CONFIDENCES};
use super::suggestion_form::SuggestionForm;
use super::suggestion_list::{answer, percent, SuggestionList};
use crate::model::suggest::lexicon::for_language;
use crate::model::suggest::Suggestion;
use crate::model::{Action, Workspace};
use crate::view::files::now_iso;

/// Why suggestions cannot be shown for `ws`, if they cannot.
pub fn not_allowed(ws: &Workspace) -> Option<&'static str> {
    (!ws.allows_suggestions())
        .then_some("Your teacher has not allowed suggestions in this exercise.")
}

fn intro(store: &StoreHandle) -> Html {
    let suggest = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Suggestions(SuggestMsg::Show)))
    };
    html! {
        <>
            <p class="panel-empty">{ "claimmark can suggest what to tag: quotations, reported speech, accusations and calls, each with a label, who says it and how sure it is. You accept, edit or reject each one; it learns from your answers." }</p>
            <p class="panel-empty">{ "Suggestions are found in this browser: the text and your answers never leave it." }</p>
            <div class="actions"><button type="button" class="primary" onclick={suggest}>{ "Suggest" }</button></div>
        </>
    }
}

/// "Accept all ≥ N%", Hide, and what was learned with Reset learning.
fn controls(store: &StoreHandle, found: &Rc<Found>, learned: u64) -> Html {
    let min = store.suggestions.min_confidence;
    let sure = found.list.iter().filter(|s| s.confidence >= min).count();
    let accept_all = {
        let (store, found) = (store.clone(), found.clone());
        Callback::from(move |_| {
            let sure: Vec<Suggestion> = found
                .list
                .iter()
                .filter(|s| s.confidence >= min)
                .cloned()
                .collect();
            let keys = sure.iter().map(key_of).collect();
            let action = Action::AcceptAll {
                suggestions: sure,
                min_confidence: min,
                now: now_iso(),
            };
            answer(&store, keys, action);
        })
    };
    let on_min = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(min) = select.value().parse::<f64>() {
                store.dispatch(Msg::Suggestions(SuggestMsg::MinConfidence(min)));
            }
        })
    };
    let options = MIN_CONFIDENCES.iter().map(|m| {
        html! { <option value={m.to_string()} selected={*m == min}>{ format!("≥ {}", percent(*m)) }</option> }
    });
    let (hide, reset) = {
        let (a, b) = (store.clone(), store.clone());
        (
            Callback::from(move |_| a.dispatch(Msg::Suggestions(SuggestMsg::Hide))),
            Callback::from(move |_| b.dispatch(Msg::Do(Action::ResetLearning))),
        )
    };
    html! {
        <>
            <div class="sg-controls">
                <button type="button" class="small primary" onclick={accept_all} disabled={sure == 0}>
                    { format!("Accept all {sure}") }
                </button>
                <label class="sg-min">
                    <span class="visually-hidden">{ "Accept all at least this sure" }</span>
                    <select onchange={on_min}>{ for options }</select>
                </label>
                <span class="spacer"></span>
                <button type="button" class="small" onclick={hide}>{ "Hide" }</button>
            </div>
            <p class="sg-learned muted">
                { match learned { 0 => "Nothing learned yet.".to_string(), 1 => "Learned from 1 answer.".to_string(), n => format!("Learned from {n} answers.") } }
                { " " }
                <button type="button" class="link-button" onclick={reset} disabled={learned == 0}>{ "Reset learning" }</button>
            </p>
        </>
    }
}

/// How many there are, or why there are none.
fn status(ws: &Workspace, found: Option<&Rc<Found>>, current: bool) -> String {
    let Some(found) = found else {
        return "Suggesting…".into();
    };
    let updating = if current { "" } else { " Updating…" };
    match found.list.len() {
        0 if for_language(ws.document.language.as_deref()).is_none() => {
            let language = ws.document.language.as_deref().unwrap_or("unknown");
            format!("No suggestions: claimmark suggests in English only, and this document's language is {language}.")
        }
        0 => format!("No suggestions left in this document.{updating}"),
        1 => format!("1 suggestion, in text order.{updating}"),
        n => format!("{n} suggestions, in text order.{updating}"),
    }
}

#[function_component(SuggestionsPanel)]
pub fn suggestions_panel() -> Html {
    let store = use_store();
    let editing = use_state(|| None::<Suggestion>);
    let editor = store.editor();
    let ws = editor.workspace();
    let labels = use_memo(ws.labels.clone(), |labels| Rc::new(labels.clone()));
    let head = html! { <h2 class="panel-title">{ "Suggestions" }</h2> };
    if let Some(why) = not_allowed(ws) {
        return html! { <div class="tab-body sg-panel">{ head }<p class="panel-empty">{ why }</p></div> };
    }
    if !store.suggestions.on {
        return html! { <div class="tab-body sg-panel">{ head }{ intro(&store) }</div> };
    }
    let document = ws.document.id();
    let found = store.suggestions.found_for(document).cloned();
    let current = store.suggestions.is_current(document, store.revision);
    let learned: u64 = editor
        .corpus()
        .documents()
        .iter()
        .filter_map(|w| w.suggester.as_ref())
        .map(|m| m.feedback())
        .sum();
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |s: Suggestion| editing.set(Some(s)))
    };
    let on_close = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(None))
    };
    let form = (*editing).clone().map(|suggestion| {
        let key = format!("{:?}", key_of(&suggestion));
        html! { <SuggestionForm {key} {suggestion} labels={(*labels).clone()} {on_close} /> }
    });
    html! {
        <div class="tab-body sg-panel">
            { head }
            <p class="sg-status" role="status">{ status(ws, found.as_ref(), current) }</p>
            if let Some(found) = &found {
                { controls(&store, found, learned) }
            }
            <div class="sg-form-slot">{ for form }</div>
            if let Some(found) = found {
                <SuggestionList {found} labels={(*labels).clone()} {on_edit} />
            }
        </div>
    }
}
