//! The reading view the page shows before the app has started (`index.html`: the shell, and the
//! seed article written in by the build from `model::prerender`), kept on screen as it is until
//! saved work is restored, so that starting moves nothing.
//!
//! Yew empties the app's root when it mounts, so [`take`] holds the page's prerendered layout
//! (`.layout[data-prerendered]`) before that; the app renders it, the very same nodes, in place
//! of its reading view ([`layout`]) until saved work is restored, then its own, whose markup is
//! the same (`e2e/prerender.test.mjs`).

use std::cell::{Cell, RefCell};

use yew::prelude::*;

thread_local! {
    static LAYOUT: RefCell<Option<web_sys::Node>> = const { RefCell::new(None) };
    /// Whether `claimmark:ready` is marked.
    static READY: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the page's prerendered layout, if it has one, before the app mounts.
pub fn take() {
    let layout = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("#app .layout[data-prerendered]")
            .ok()
            .flatten()
    });
    LAYOUT.with(|l| *l.borrow_mut() = layout.map(Into::into));
}

/// The prerendered layout to show while saved work is restored, if the page had one.
pub fn layout() -> Option<Html> {
    LAYOUT.with(|l| l.borrow().clone().map(Html::VRef))
}

/// Called by the reading view: once it has rendered for the first time and its hooks have
/// attached their listeners (this effect runs after theirs), the app accepts input. Marks
/// `claimmark:ready` (once per page) and lets go of the prerendered layout, which it replaced.
#[hook]
pub fn use_ready() {
    use_effect_with((), |_| {
        LAYOUT.with(|l| l.borrow_mut().take());
        if !READY.with(|r| r.replace(true)) {
            super::marks::mark("claimmark:ready");
        }
    });
}
