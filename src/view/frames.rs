//! Running code at the browser's frame boundaries: just before the next frame is laid out
//! ([`after_frame`]), or just after it has been painted ([`after_paint`], or awaiting
//! [`next_paint`]); in a task of its own ([`next_task`]), for long work done in pieces; or once
//! the browser is idle ([`when_idle`]).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` in the next animation frame, before that frame's layout and paint.
pub fn after_frame(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(f);
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Runs `f` once the next frame has been painted: a message posted from the next animation
/// frame is delivered right after that frame's paint (a zero timeout would also wait for the
/// timer queue, which Chromium serves after other work and not before 1 ms).
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_frame(move || next_task(f));
}

/// Resolves once the next frame has been painted ([`after_paint`]), for code that awaits.
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task of its own, as soon as the browser has handled what is waiting (input,
/// and a frame when one is due): a message to itself, which unlike a zero timeout is not held
/// back 4 ms once such calls nest. Long work split into such tasks never blocks the page.
pub fn next_task(f: impl FnOnce() + 'static) {
    match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let (receiver, sender) = (channel.port1(), channel.port2());
            let on_message = Closure::once_into_js(move || {
                f();
                channel.port1().close();
            });
            receiver.set_onmessage(Some(on_message.unchecked_ref()));
            let _ = sender.post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            gloo_timers::callback::Timeout::new(0, f).forget();
        }
    }
}

/// Runs `f` once the browser is idle (or soon, where it cannot say).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = Closure::once_into_js(f);
    if window.request_idle_callback(f.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    }
}
