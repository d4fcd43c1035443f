//! Search and tag: a bar above the article (Ctrl+F) that finds text case-insensitively, as a
//! whole word or as a regular expression, shows the count, steps through the matches and tags
//! the current match or all of them (one undo step) with a label and a source.
//!
//! Literal search is the model's (`model::search`). Regular expressions are the browser's own
//! (`RegExp` with the `giu` flags); their UTF-16 offsets become code points in the model.

use std::rc::Rc;

use js_sys::{Array, Function, JsString, Reflect, RegExp};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::files::now_iso;
use super::selection::mark_spans;
use super::source_field::SourceField;
use super::store::{use_store, Msg};
use crate::model::search::{self, Found, MAX_MATCHES};
use crate::model::{Action, Attribution, LabelId, Span, Text};

/// Matches highlighted at once, around the current one (all are counted and taggable).
const HIGHLIGHTED: usize = 400;
/// How long scrolling must pause before the matches now rendered are marked.
const SCROLL_PAUSE_MS: u32 = 80;

/// Runs `pattern` as a browser regular expression over `text`; a bad pattern is an error
/// message for the user.
fn regex_matches(text: &Text, pattern: &str, whole_words: bool) -> Result<Found, String> {
    let constructor: Function = Reflect::get(&js_sys::global(), &"RegExp".into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("this browser has no regular expressions")?;
    let arguments = Array::of2(&JsValue::from_str(pattern), &JsValue::from_str("giu"));
    let regexp: RegExp = Reflect::construct(&constructor, &arguments)
        .map_err(|error| {
            let message = Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "it cannot be read".into());
            // The browser says "Invalid regular expression: /(/giu: Unterminated group".
            let reason = message.rsplit(": ").next().unwrap_or(&message);
            format!("Not a valid regular expression: {reason}")
        })?
        .unchecked_into();
    // The text crosses into JavaScript once; `exec` is called on that string, not on a copy.
    let haystack = JsValue::from(JsString::from(text.as_str()));
    let exec: Function = Reflect::get(&regexp, &"exec".into())
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or("this browser's regular expressions cannot search")?;
    let mut found = Vec::new();
    while let Some(hit) = exec
        .call1(&regexp, &haystack)
        .ok()
        .and_then(|h| h.dyn_into::<Array>().ok())
    {
        let start = Reflect::get(&hit, &"index".into())
            .ok()
            .and_then(|i| i.as_f64())
            .unwrap_or(0.0) as usize;
        let length = hit
            .get(0)
            .dyn_into::<JsString>()
            .map_or(0, |m| m.length() as usize);
        if length == 0 {
            // An empty match would find itself forever.
            regexp.set_last_index(regexp.last_index() + 1);
            continue;
        }
        found.push((start, start + length));
        if found.len() > MAX_MATCHES * 2 {
            break;
        }
    }
    Ok(search::from_utf16(text, &found, whole_words))
}

fn article() -> Option<Element> {
    web_sys::window()?
        .document()?
        .query_selector("article.doc")
        .ok()
        .flatten()
}

/// Highlights the matches near `current` and the current one.
fn show(found: &[Span], current: Option<usize>) {
    let Some(root) = article() else { return };
    let around = current.unwrap_or(0);
    let from = around.saturating_sub(HIGHLIGHTED / 2);
    let to = (from + HIGHLIGHTED).min(found.len());
    mark_spans(&root, "claimmark-search", &found[from..to]);
    let here: Vec<Span> = current
        .and_then(|i| found.get(i))
        .copied()
        .into_iter()
        .collect();
    mark_spans(&root, "claimmark-search-current", &here);
}

#[function_component(SearchBar)]
pub fn search_bar() -> Html {
    let store = use_store();
    let query = use_state(String::new);
    let whole_words = use_state(|| false);
    let regex = use_state(|| false);
    let current = use_state(|| None::<usize>);
    let field = use_node_ref();
    let source = use_node_ref();
    let label = use_state(|| None::<LabelId>);
    let open = store.search.is_some();
    let doc_id = store.editor().workspace().document.id().to_string();

    let result: Rc<Result<Found, String>> =
        use_memo((doc_id, (*query).clone(), *whole_words, *regex, open), {
            let store = store.clone();
            move |(_, query, whole_words, regex, open)| {
                let editor = store.editor();
                let text = &editor.workspace().document.text;
                match (open, regex) {
                    (false, _) => Ok(Found::default()),
                    (true, true) if !query.is_empty() => regex_matches(text, query, *whole_words),
                    (true, _) => Ok(search::find(text, query, *whole_words)),
                }
            }
        });
    let spans: Rc<Vec<Span>> = Rc::new(
        result
            .as_ref()
            .as_ref()
            .map(|f| f.spans.clone())
            .unwrap_or_default(),
    );
    // A new search starts at the first match; the current one stays in range as it shrinks.
    {
        let current = current.clone();
        use_effect_with(spans.clone(), move |spans| {
            current.set((!spans.is_empty()).then_some(0));
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
    // Highlights follow every render (the article's text nodes may have been replaced) and
    // every scroll (a long document renders other blocks).
    {
        let (spans, current) = (spans.clone(), *current);
        use_effect(move || {
            show(if open { &spans } else { &[] }, current);
            // Marking waits for a pause in scrolling, so that scrolling stays smooth.
            let pending = Rc::new(std::cell::RefCell::new(
                None::<gloo_timers::callback::Timeout>,
            ));
            let listener = open.then(|| {
                let (spans, pending) = (spans.clone(), pending.clone());
                let window = web_sys::window().expect("a browser window");
                gloo_events::EventListener::new(&window, "scroll", move |_| {
                    let spans = spans.clone();
                    let timer = gloo_timers::callback::Timeout::new(SCROLL_PAUSE_MS, move || {
                        show(&spans, current)
                    });
                    *pending.borrow_mut() = Some(timer);
                })
            });
            move || {
                drop(listener);
                drop(pending.borrow_mut().take());
            }
        });
    }
    if !open {
        return html! {};
    }

    let go = {
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
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };
    let onkeydown = {
        let (go, store) = (go.clone(), store.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                go.emit(!event.shift_key());
            }
            "Escape" => {
                event.prevent_default();
                store.dispatch(Msg::Search(false));
            }
            _ => {}
        })
    };
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.set(input.checked());
        })
    };
    let labels = store.editor().workspace().labels.clone();
    let chosen = (*label)
        .clone()
        .filter(|id| labels.iter().any(|l| &l.id == id))
        .or_else(|| labels.first().map(|l| l.id.clone()));
    let tag = |all: bool| {
        let (store, spans, current, source, chosen) = (
            store.clone(),
            spans.clone(),
            *current,
            source.clone(),
            chosen.clone(),
        );
        Callback::from(move |_| {
            let Some(label) = chosen.clone() else { return };
            let typed = source
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let picked: Vec<Span> = if all {
                spans.to_vec()
            } else {
                current
                    .and_then(|i| spans.get(i))
                    .copied()
                    .into_iter()
                    .collect()
            };
            if picked.is_empty() {
                return;
            }
            store.dispatch(Msg::Do(Action::AddMany {
                spans: picked,
                label,
                attribution: Attribution::named(&typed),
                note: String::new(),
                now: now_iso(),
            }));
        })
    };
    let on_label = {
        let label = label.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            label.set(Some(LabelId::new(&select.value())));
        })
    };
    let options = labels.iter().map(|l| {
        html! { <option value={l.id.to_string()} selected={Some(&l.id) == chosen.as_ref()}>{ &l.name }</option> }
    });
    let count = spans.len();
    let status = match result.as_ref() {
        Err(message) => html! { <span class="search-error" role="alert">{ message }</span> },
        Ok(found) if query.is_empty() => {
            html! { <span class="search-count">{ "Type to search" }</span> }
        }
        Ok(found) => html! {
            <span class="search-count" aria-live="polite">
                { match (count, *current) {
                    (0, _) => "No matches".to_string(),
                    (n, Some(i)) => format!("{} of {n}{}", i + 1, if found.truncated { "+" } else { "" }),
                    (n, None) => format!("{n} matches"),
                } }
            </span>
        },
    };
    let close = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Search(false)))
    };
    let step = |forward: bool| {
        let go = go.clone();
        Callback::from(move |_| go.emit(forward))
    };
    html! {
        <section class="search-bar" role="search" aria-label="Search the text">
            <div class="search-row">
                <input ref={field} type="search" class="search-field" aria-label="Search"
                    placeholder="Search the text (Enter: next, Shift+Enter: previous)"
                    value={(*query).clone()} {oninput} {onkeydown} />
                { status }
                <button type="button" class="small" aria-label="Previous match" disabled={count == 0} onclick={step(false)}>{ "▲" }</button>
                <button type="button" class="small" aria-label="Next match" disabled={count == 0} onclick={step(true)}>{ "▼" }</button>
                <button type="button" class="close" aria-label="Close search" onclick={close}>{ "×" }</button>
            </div>
            <div class="search-row search-options">
                <label><input type="checkbox" checked={*whole_words} onchange={toggle(&whole_words)} />{ "Whole word" }</label>
                <label><input type="checkbox" checked={*regex} onchange={toggle(&regex)} />{ "Regular expression" }</label>
            </div>
            <div class="search-row search-tag">
                <label class="search-label">{ "Tag as" }
                    <select onchange={on_label}>{ for options }</select>
                </label>
                <label class="search-label" for="search-attribution">{ "Said by" }</label>
                <div class="search-source">
                    <SourceField input={source.clone()} id="search-attribution" placeholder="Who says it (optional)" />
                </div>
                <button type="button" class="small" disabled={current.is_none() || count == 0} onclick={tag(false)}>{ "Tag this" }</button>
                <button type="button" class="small" disabled={count == 0} onclick={tag(true)}>{ format!("Tag all {count}") }</button>
            </div>
        </section>
    }
}
