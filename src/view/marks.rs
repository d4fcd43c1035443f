//! User Timing marks, so that any tool (the benchmark, DevTools, a user's own profiler) can
//! read how long claimmark takes: `claimmark:ready` (the app accepts input: the reading view
//! has rendered and listens; set by `prerendered::use_ready`), `…:import-start`,
//! `…:import-preview`, `…:import-confirmed`, `…:import-done`, `…:menu-shown`,
//! `…:annotation-added`, `…:export-start`, `…:export-done`.

/// Marks `name` now.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the next frame has been painted.
pub fn mark_after_paint(name: &'static str) {
    super::frames::after_paint(move || mark(name));
}
