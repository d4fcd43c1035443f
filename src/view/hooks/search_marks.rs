//! The search matches as CSS highlights (`::highlight(claimmark-search)` and
//! `…-search-current`): the matches near the current one (all are counted and taggable) and the
//! current one. They follow every render (the article's text nodes may have been replaced) and,
//! after a pause, every scroll (a long document renders other blocks).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::model::Span;
use crate::view::selection::mark_spans;

/// Matches highlighted at once, around the current one.
const HIGHLIGHTED: usize = 400;
/// How long scrolling must pause before the matches now rendered are marked.
const SCROLL_PAUSE_MS: u32 = 80;

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

/// Marks `spans` (none unless `open`) with `current` as the current match.
#[hook]
pub fn use_search_marks(spans: &Rc<Vec<Span>>, current: Option<usize>, open: bool) {
    let spans = spans.clone();
    use_effect(move || {
        show(if open { &spans } else { &[] }, current);
        // Marking waits for a pause in scrolling, so that scrolling stays smooth.
        let pending = Rc::new(RefCell::new(None::<gloo_timers::callback::Timeout>));
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
