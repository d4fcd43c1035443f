//! What the user sees if the app panics: a plain message that their work is saved.
//!
//! The workspace is written to browser storage after every change (see [`super::storage`]),
//! so the last good state survives; the hook only has to say so, using bare DOM calls because
//! Yew itself may be broken at that point.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsValue;

const MESSAGE: &str = "Something went wrong — your work is saved. Reload the page to continue.";

static PANICKED: AtomicBool = AtomicBool::new(false);

/// True once the app has panicked: from then on nothing is saved, so the last good state stays.
pub fn panicked() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::Relaxed);
        web_sys::console::error_1(&JsValue::from_str(&format!("claimmark panicked: {info}")));
        show_message(&info.to_string());
    }));
}

/// Shows the crash banner (once) with `details` under the fixed message.
pub fn show_message(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash");
    let _ = banner.set_attribute("role", "alert");
    let Ok(message) = document.create_element("p") else {
        return;
    };
    message.set_text_content(Some(MESSAGE));
    let Ok(detail) = document.create_element("pre") else {
        return;
    };
    detail.set_text_content(Some(details));
    let _ = banner.append_child(&message);
    let _ = banner.append_child(&detail);
    let _ = body.append_child(&banner);
}
