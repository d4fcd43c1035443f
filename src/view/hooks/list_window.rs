//! Rendering only the entries of a long side-panel list that are in (or near) its scroll view:
//! entries have one fixed height (measured from the first rendered one), the others are
//! replaced by padding, and the focused entry is kept in view, scrolling the list only (never
//! the page: on a phone the list may be below the article).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Lists longer than this are windowed.
pub const WINDOW_MIN_ENTRIES: usize = 200;
/// Entries rendered beyond each edge of the list's view.
const OVERSCAN: usize = 15;

/// What a windowed list renders: entries `first..last`, the scroller's ref and scroll handler,
/// and the padding standing for the others.
pub struct ListWindow {
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    pub first: usize,
    pub last: usize,
    pub windowed: bool,
    /// Inline style for the list: padding for the entries before and after.
    pub padding: String,
}

/// The window of a list of `count` entries (`item` is their CSS selector), keeping entry
/// `focused` in view.
#[hook]
pub fn use_list_window(count: usize, focused: Option<usize>, item: &'static str) -> ListWindow {
    let windowed = count > WINDOW_MIN_ENTRIES;
    let scroller = use_node_ref();
    let height = use_mut_ref(|| 120.0f64);
    // Before the first measurement: about a screenful (entries are rarely under 40 px).
    let range = use_state(|| (0usize, 24usize));
    let recompute = {
        let (scroller, height, range) = (scroller.clone(), height.clone(), range.clone());
        move || {
            let Some(element) = scroller.cast::<Element>() else {
                return;
            };
            let h = *height.borrow();
            let first = (element.scroll_top() as f64 / h) as usize;
            let visible = (element.client_height() as f64 / h).ceil() as usize;
            let next = (first.saturating_sub(OVERSCAN), first + visible + OVERSCAN);
            if next != *range {
                range.set(next);
            }
        }
    };
    let onscroll = {
        let recompute = recompute.clone();
        Callback::from(move |_: Event| recompute())
    };
    {
        let (scroller, height) = (scroller.clone(), height.clone());
        use_effect_with((focused, windowed, count), move |(focused, windowed, _)| {
            let (focused, windowed) = (*focused, *windowed);
            crate::view::frames::after_frame(move || {
                follow(&scroller, &height, focused, windowed, item);
                recompute();
            });
        });
    }
    let (first, last) = match windowed {
        true => (
            range.0.min(count),
            range.1.min(count).max(range.0.min(count)),
        ),
        false => (0, count),
    };
    let h = *height.borrow();
    let padding = match windowed {
        true => format!(
            "padding-top:{:.0}px;padding-bottom:{:.0}px;",
            first as f64 * h,
            count.saturating_sub(last) as f64 * h
        ),
        false => String::new(),
    };
    ListWindow {
        scroller,
        onscroll,
        first,
        last,
        windowed,
        padding,
    }
}

/// Measures the entry height (windowed lists) and scrolls the list so entry `focused` shows.
fn follow(
    scroller: &NodeRef,
    height: &Rc<RefCell<f64>>,
    focused: Option<usize>,
    windowed: bool,
    item: &str,
) {
    let Some(element) = scroller.cast::<HtmlElement>() else {
        return;
    };
    let first = element.query_selector(item).ok().flatten();
    if let Some(first) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok()) {
        if windowed && first.offset_height() > 0 {
            *height.borrow_mut() = first.offset_height() as f64;
        }
    }
    let Some(index) = focused else { return };
    let h = *height.borrow();
    let (scroll, view) = (element.scroll_top() as f64, element.client_height() as f64);
    let (top, bottom) = if windowed {
        (index as f64 * h, (index + 1) as f64 * h)
    } else {
        let selector = format!("{item}[data-index=\"{index}\"]");
        let Some(entry) = element
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
        else {
            return;
        };
        let top = entry.offset_top() as f64;
        (top, top + entry.offset_height() as f64)
    };
    if top < scroll {
        element.set_scroll_top(top as i32);
    } else if bottom > scroll + view {
        element.set_scroll_top((bottom - view) as i32);
    }
}
