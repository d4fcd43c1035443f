//! Regular-expression search with the browser's own `RegExp` (flags `giu`), in a Web Worker
//! (`search-worker.js`) with a time budget: a pattern that backtracks for ever ("(a+)+$" on a
//! long text) ends with "this pattern is too slow" and the page stays responsive. A pattern
//! that does not compile is reported at once, on the main thread. The matches' UTF-16 offsets
//! become code point spans in the model (`model::search::from_utf16`), which never cuts a
//! character.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Array, Function, JsString, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};
use yew::prelude::*;

use crate::model::search::{self, Found, MAX_MATCHES};
use crate::model::Text;

/// How long a search may run before it is stopped.
pub const BUDGET_MS: u32 = 2_000;

/// What a regular-expression search has come to.
pub type RegexResult = Rc<Result<Found, String>>;

/// Checks that `pattern` compiles as a browser regular expression; the browser's reason if not.
fn check_pattern(pattern: &str) -> Result<(), String> {
    let constructor: Function = Reflect::get(&js_sys::global(), &"RegExp".into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("this browser has no regular expressions")?;
    let arguments = Array::of2(&JsValue::from_str(pattern), &JsValue::from_str("giu"));
    Reflect::construct(&constructor, &arguments).map_err(|error| {
        let message = Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "it cannot be read".into());
        // The browser says "Invalid regular expression: /(/giu: Unterminated group".
        let reason = message.rsplit(": ").next().unwrap_or(&message);
        format!("Not a valid regular expression: {reason}")
    })?;
    Ok(())
}

/// The search running in the worker, and what ends it.
struct Running {
    worker: Worker,
    _budget: Timeout,
    _answer: Closure<dyn FnMut(MessageEvent)>,
}

/// Searches `text` for `pattern` (when `active` and the pattern is not empty) in a worker, and
/// gives the latest result: `None` while a search is running.
#[hook]
pub fn use_regex_search(
    text: &Text,
    pattern: &str,
    whole_words: bool,
    active: bool,
) -> Option<RegexResult> {
    let result = use_state(|| None::<RegexResult>);
    let running = use_mut_ref(|| None::<Running>);
    let key = (text.shared(), pattern.to_string(), whole_words, active);
    {
        let (result, running, text) = (result.clone(), running.clone(), text.clone());
        use_effect_with(key, move |(_, pattern, whole_words, active)| {
            stop(&running);
            result.set(None);
            if *active && !pattern.is_empty() {
                let finish = {
                    let result = result.clone();
                    Callback::from(move |found: Result<Found, String>| {
                        result.set(Some(Rc::new(found)))
                    })
                };
                start(&running, &text, pattern, *whole_words, finish);
            }
            move || stop(&running)
        });
    }
    (*result).clone()
}

fn stop(running: &Rc<RefCell<Option<Running>>>) {
    if let Some(search) = running.borrow_mut().take() {
        search.worker.terminate();
    }
}

/// Checks the pattern, then runs it in a fresh worker with a time budget.
fn start(
    running: &Rc<RefCell<Option<Running>>>,
    text: &Text,
    pattern: &str,
    whole_words: bool,
    finish: Callback<Result<Found, String>>,
) {
    if let Err(message) = check_pattern(pattern) {
        finish.emit(Err(message));
        return;
    }
    let Ok(worker) = Worker::new("./search-worker.js") else {
        finish.emit(Err(
            "this browser cannot search with regular expressions here".into(),
        ));
        return;
    };
    let answer = {
        let (text, finish, running) = (text.clone(), finish.clone(), running.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let error = Reflect::get(&data, &"error".into())
                .ok()
                .and_then(|e| e.as_string());
            let found: Vec<f64> = Reflect::get(&data, &"found".into())
                .ok()
                .and_then(|f| f.dyn_into::<Array>().ok())
                .map(|f| f.iter().filter_map(|v| v.as_f64()).collect())
                .unwrap_or_default();
            let pairs: Vec<(usize, usize)> = found
                .chunks(2)
                .map(|p| (p[0] as usize, p[1] as usize))
                .collect();
            stop(&running);
            finish.emit(match error {
                Some(message) => Err(format!("Not a valid regular expression: {message}")),
                None => Ok(search::from_utf16(&text, &pairs, whole_words)),
            });
        })
    };
    worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
    let budget = {
        let (running, finish) = (running.clone(), finish.clone());
        Timeout::new(BUDGET_MS, move || {
            stop(&running);
            finish.emit(Err(format!(
                "This pattern is too slow for this text (stopped after {} s); make it simpler",
                BUDGET_MS / 1000
            )));
        })
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"pattern".into(), &JsValue::from_str(pattern));
    let _ = Reflect::set(&message, &"text".into(), &JsString::from(text.as_str()));
    let _ = Reflect::set(
        &message,
        &"limit".into(),
        &JsValue::from((MAX_MATCHES * 2) as u32),
    );
    let _ = worker.post_message(&message);
    *running.borrow_mut() = Some(Running {
        worker,
        _budget: budget,
        _answer: answer,
    });
}
