//! Warms the browser's font caches for the tag menu, once, when the page is idle after opening.
//!
//! The first time Chromium lays out a font face it has not used yet (the menu's italic quote,
//! its bold label names, the monospace key caps), it looks the face and its fallbacks up: 2.5 to
//! 3.5 ms each on Linux, all paid in the frame that shows the user's first menu. Laying out an
//! invisible sample of the menu's markup beforehand moves that cost to idle time. The sample uses
//! the stylesheet's own classes, so it follows any change of fonts there.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Lays out an invisible copy of the tag menu's text styles, then removes it.
pub fn menu_fonts() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Some(sample) = menu_sample(&document) else {
        return;
    };
    if body.append_child(&sample).is_ok() {
        // Reading a size forces the layout that looks the fonts up.
        if let Some(sample) = sample.dyn_ref::<HtmlElement>() {
            let _ = sample.offset_height();
        }
        sample.remove();
    }
}

/// The menu's quote, label button with its key cap, fields and hint, hidden and off screen.
fn menu_sample(document: &Document) -> Option<Element> {
    let element = |tag: &str, class: &str, text: &str| -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element.set_text_content((!text.is_empty()).then_some(text));
        Some(element)
    };
    let menu = element("div", "tag-menu", "")?;
    menu.set_attribute("aria-hidden", "true").ok()?;
    menu.set_attribute("style", "visibility:hidden;left:-10000px;top:0")
        .ok()?;
    let buttons = element("div", "label-buttons", "")?;
    let button = element("button", "label-button", "")?;
    let input = element("input", "", "")?;
    input.set_attribute("type", "text").ok()?;
    let field = element("label", "field", "")?;
    let parts = [
        (&button, element("span", "label-name", "Claim")?),
        (&button, element("kbd", "", "1")?),
        (&buttons, button.clone()),
        (&field, element("span", "", "Note")?),
        (&field, element("textarea", "", "")?),
        (&field, input),
    ];
    for (parent, child) in parts {
        parent.append_child(&child).ok()?;
    }
    for part in [
        element("p", "tag-quote", "“Sample” — it’s")?,
        buttons,
        field,
        element("p", "hint", "Enter · Esc")?,
    ] {
        menu.append_child(&part).ok()?;
    }
    Some(menu)
}
