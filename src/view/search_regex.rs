//! Regular-expression search with the browser's own `RegExp` (flags `giu`). The text crosses
//! into JavaScript once; the matches' UTF-16 offsets become code point spans in the model
//! (`model::search::from_utf16`), which never cuts a character.

use js_sys::{Array, Function, JsString, Reflect, RegExp};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::search::{self, Found, MAX_MATCHES};
use crate::model::Text;

/// Runs `pattern` as a browser regular expression over `text`; a bad pattern is an error
/// message for the user.
pub fn regex_matches(text: &Text, pattern: &str, whole_words: bool) -> Result<Found, String> {
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
