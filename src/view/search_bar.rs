//! Search and tag: a bar above the article (Ctrl+F) that finds text case-insensitively, as a
//! whole word or as a regular expression, shows the count, steps through the matches and tags
//! the current match or all of them (one undo step) with a label and a source.
//!
//! Literal search is the model's (`model::search`). Regular expressions are the browser's own
//! ([`super::search_regex`]); the matches are highlighted by [`super::hooks::search_marks`] and
//! tagged from [`super::search_tag`].

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::hooks::search_marks::use_search_marks;
use super::search_regex::use_regex_search;
use super::search_tag::SearchTag;
use super::store::{use_store, Msg, StoreHandle};
use crate::model::search::{self, Found};
use crate::model::{LabelId, Span};

#[function_component(SearchBar)]
pub fn search_bar() -> Html {
    let store = use_store();
    let query = use_state(String::new);
    let whole_words = use_state(|| false);
    let regex = use_state(|| false);
    let current = use_state(|| None::<usize>);
    let field = use_node_ref();
    let label = use_state(|| None::<LabelId>);
    let open = store.search.is_some();
    let doc_id = store.editor().workspace().document.id().to_string();

    let literal: Rc<Result<Found, String>> =
        use_memo((doc_id, (*query).clone(), *whole_words, *regex, open), {
            let store = store.clone();
            move |(_, query, whole_words, regex, open)| {
                let editor = store.editor();
                let text = &editor.workspace().document.text;
                match (open, regex) {
                    (true, false) => Ok(search::find(text, query, *whole_words)),
                    _ => Ok(Found::default()),
                }
            }
        });
    // Regular expressions run in a worker with a time budget; `None` while one runs.
    let text = store.editor().workspace().document.text.clone();
    let regex_result = use_regex_search(&text, &query, *whole_words, open && *regex);
    let searching = *regex && !query.is_empty() && regex_result.is_none();
    let result = match (*regex, regex_result) {
        (true, Some(found)) => found,
        (true, None) => Rc::new(Ok(Found::default())),
        (false, _) => literal,
    };
    let spans: Rc<Vec<Span>> = Rc::new(
        result
            .as_ref()
            .as_ref()
            .map(|f| f.spans.clone())
            .unwrap_or_default(),
    );
    // A new search starts at the first match, brought into view.
    {
        let (current, store) = (current.clone(), store.clone());
        use_effect_with(spans.clone(), move |spans| {
            current.set((!spans.is_empty()).then_some(0));
            if let Some(first) = spans.first() {
                store.dispatch(Msg::ScrollTo(first.start()));
            }
        });
    }
    // Focus the field whenever search is asked for (again).
    {
        let field = field.clone();
        use_effect_with(store.search, move |request| {
            if request.is_some() {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    use_search_marks(&spans, *current, open);
    if !open {
        return html! {};
    }

    let go = stepper(&store, &current, &spans);
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };
    let onkeydown = on_key(&go);
    // Escape closes the bar wherever focus is in it (the field, a button, a checkbox).
    let on_bar_key = {
        let store = store.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                store.dispatch(Msg::Search(false));
            }
        })
    };
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.set(input.checked());
        })
    };
    let count = spans.len();
    let close = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Search(false)))
    };
    let step = |forward: bool| {
        let go = go.clone();
        Callback::from(move |_| go.emit(forward))
    };
    html! {
        <section class="search-bar" role="search" aria-label="Search the text" data-owns-keys="" onkeydown={on_bar_key}>
            <div class="search-row">
                <input ref={field} type="search" class="search-field" aria-label="Search"
                    placeholder="Search the text (Enter: next, Shift+Enter: previous)"
                    value={(*query).clone()} {oninput} {onkeydown} />
                if searching {
                    <span class="search-count" aria-live="polite">{ "Searching…" }</span>
                } else {
                    { status(&result, query.is_empty(), count, *current) }
                }
                <button type="button" class="small" aria-label="Previous match" disabled={count == 0} onclick={step(false)}>{ "▲" }</button>
                <button type="button" class="small" aria-label="Next match" disabled={count == 0} onclick={step(true)}>{ "▼" }</button>
                <button type="button" class="close" aria-label="Close search" onclick={close}>{ "×" }</button>
            </div>
            <div class="search-row search-options">
                <label><input type="checkbox" checked={*whole_words} onchange={toggle(&whole_words)} />{ "Whole word" }</label>
                <label><input type="checkbox" checked={*regex} onchange={toggle(&regex)} />{ "Regular expression" }</label>
            </div>
            <SearchTag spans={spans.clone()} current={*current} label={label.clone()} />
        </section>
    }
}

/// The count of matches (with the current one), a prompt, or why the pattern is wrong.
fn status(
    result: &Result<Found, String>,
    no_query: bool,
    count: usize,
    current: Option<usize>,
) -> Html {
    match result {
        Err(message) => html! { <span class="search-error" role="alert">{ message }</span> },
        Ok(_) if no_query => {
            html! { <span class="search-count">{ "Type to search" }</span> }
        }
        Ok(found) => html! {
            <span class="search-count" aria-live="polite">
                { match (count, current) {
                    (0, _) => "No matches".to_string(),
                    (n, Some(i)) => format!("{} of {n}{}", i + 1, if found.truncated { "+" } else { "" }),
                    (n, None) => format!("{n} matches"),
                } }
            </span>
        },
    }
}

/// Steps to the next match (`true`) or the previous one, wrapping around, and scrolls to it.
fn stepper(
    store: &StoreHandle,
    current: &UseStateHandle<Option<usize>>,
    spans: &Rc<Vec<Span>>,
) -> Callback<bool> {
    let (store, current, spans) = (store.clone(), current.clone(), spans.clone());
    Callback::from(move |forward: bool| {
        if spans.is_empty() {
            return;
        }
        let count = spans.len();
        let next = match (*current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        current.set(Some(next));
        store.dispatch(Msg::ScrollTo(spans[next].start()));
    })
}

/// Keys in the search field: Enter steps forward (with Shift, back). Escape is the bar's.
fn on_key(go: &Callback<bool>) -> Callback<KeyboardEvent> {
    let go = go.clone();
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            go.emit(!event.shift_key());
        }
    })
}
