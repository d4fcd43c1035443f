//! User Timing marks, so that any tool (the benchmark, DevTools, a user's own profiler) can
//! read how long claimmark takes: `claimmark:import-start`, `…:import-preview`,
//! `…:import-confirmed`, `…:import-done`, `…:menu-shown`, `…:annotation-added`,
//! `…:export-start`, `…:export-done`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Marks `name` now.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the next frame has been painted: a message posted from the next
/// animation frame is delivered right after that frame's paint (a zero timeout would also wait
/// for the timer queue, which Chromium serves after other work and not before 1 ms).
pub fn mark_after_paint(name: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_frame = Closure::once_into_js(move || match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let (receiver, sender) = (channel.port1(), channel.port2());
            // The closure owns the channel, so both ports live until the message arrives.
            let on_message = Closure::once_into_js(move || {
                mark(name);
                channel.port1().close();
            });
            receiver.set_onmessage(Some(on_message.unchecked_ref()));
            let _ = sender.post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            gloo_timers::callback::Timeout::new(0, move || mark(name)).forget();
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}
