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

/// Marks `name` once the next frame has been painted: a task queued from the next animation
/// frame runs after that frame's paint.
pub fn mark_after_paint(name: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_frame = Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, move || mark(name)).forget();
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}
