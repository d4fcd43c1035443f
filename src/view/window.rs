//! Rendering only the blocks near the viewport, so a 1 MB document keeps a small DOM.
//!
//! [`use_block_window`] keeps a height for every block — first an estimate from its length,
//! then what the browser measured once it was rendered — and picks the blocks that overlap
//! the viewport plus a margin. The blocks outside are replaced by two spacers of the right
//! height, so the scroll bar stays true; Chromium's scroll anchoring keeps the text still when a
//! measurement corrects a spacer. Short documents are rendered whole (find-in-page works).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use super::frames::after_frame;
use crate::model::layout::{Block, BlockKind};

/// Documents with more blocks than this are windowed.
pub const WINDOW_MIN_BLOCKS: usize = 60;
/// Pixels rendered beyond each edge of the viewport.
const OVERSCAN: f64 = 1200.0;
/// Typical rendered sizes (the stylesheet's reading column), for estimates before measuring.
const CHARS_PER_LINE: f64 = 75.0;
const LINE: f64 = 35.1;
const PARAGRAPH_GAP: f64 = 19.8;
const HEADING: f64 = 70.0;

fn estimate(block: &Block) -> f64 {
    match block.kind {
        BlockKind::Heading => HEADING,
        BlockKind::Paragraph => {
            ((block.end - block.start) as f64 / CHARS_PER_LINE)
                .ceil()
                .max(1.0)
                * LINE
                + PARAGRAPH_GAP
        }
    }
}

/// Which blocks to render, and the heights of the spacers before and after them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BlockWindow {
    pub first: usize,
    pub last: usize,
    pub before: f64,
    pub after: f64,
}

/// Per-block heights (estimated, then measured) for one document.
struct Heights {
    document: String,
    heights: Vec<f64>,
}

impl Heights {
    fn offset_of(&self, index: usize) -> f64 {
        self.heights[..index.min(self.heights.len())].iter().sum()
    }

    /// The blocks overlapping `[from, to)` (pixels from the top of the blocks' container).
    fn range(&self, from: f64, to: f64) -> (usize, usize) {
        let mut top = 0.0;
        let mut first = self.heights.len();
        let mut last = self.heights.len();
        for (i, h) in self.heights.iter().enumerate() {
            if first == self.heights.len() && top + h > from {
                first = i;
            }
            if top >= to {
                last = i;
                break;
            }
            top += h;
        }
        (first.min(last), last)
    }
}

/// The pixel range of the viewport, relative to the top of `container`, widened by OVERSCAN.
fn visible(container: &Element) -> Option<(f64, f64)> {
    let window = web_sys::window()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let top = container.get_bounding_client_rect().top();
    Some((-top - OVERSCAN, -top + height + OVERSCAN))
}

/// Records the rendered blocks' heights; true when any estimate changed.
fn measure(container: &NodeRef, heights: &RefCell<Heights>) -> bool {
    let Some(container) = container.cast::<Element>() else {
        return false;
    };
    let Ok(rendered) = container.query_selector_all("[data-block]") else {
        return false;
    };
    let mut changed = false;
    let mut heights = heights.borrow_mut();
    for i in 0..rendered.length() {
        let Some(element) = rendered
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
        else {
            continue;
        };
        let Some(index) = element
            .get_attribute("data-block")
            .and_then(|v| v.parse::<usize>().ok())
        else {
            continue;
        };
        let height = element.offset_height() as f64;
        if let Some(slot) = heights.heights.get_mut(index) {
            if height > 0.0 && (*slot - height).abs() > 0.5 {
                *slot = height;
                changed = true;
            }
        }
    }
    changed
}

/// What [`use_block_window`] returns: the window and a way to bring a block into view.
pub struct WindowHandle {
    pub window: BlockWindow,
    /// Scrolls so that block `index` is near the top third of the viewport.
    pub scroll_to: Callback<usize>,
}

#[hook]
pub fn use_block_window(
    container: NodeRef,
    blocks: Rc<Vec<Block>>,
    document: String,
) -> WindowHandle {
    let heights = use_mut_ref(|| Heights {
        document: String::new(),
        heights: Vec::new(),
    });
    let windowed = blocks.len() > WINDOW_MIN_BLOCKS;
    // The rendered range lives in a cell (listeners read the latest one); changing it re-renders.
    let range = use_mut_ref(|| (0usize, 0usize));
    let rerender = use_force_update();
    if heights.borrow().document != document {
        *heights.borrow_mut() = Heights {
            document: document.clone(),
            heights: blocks.iter().map(estimate).collect(),
        };
        // A new document opens at its top: render what fills the window, by the estimates.
        let viewport = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        *range.borrow_mut() = heights.borrow().range(0.0, viewport + OVERSCAN);
    }

    // Follow scrolling and resizing, one computation per animation frame at most.
    {
        let (container, heights, range, rerender) = (
            container.clone(),
            heights.clone(),
            range.clone(),
            rerender.clone(),
        );
        use_effect_with((document.clone(), windowed), move |(_, windowed)| {
            let scheduled = Rc::new(RefCell::new(false));
            let update = move || {
                if scheduled.replace(true) {
                    return;
                }
                let (container, heights, range, rerender, scheduled) = (
                    container.clone(),
                    heights.clone(),
                    range.clone(),
                    rerender.clone(),
                    scheduled.clone(),
                );
                after_frame(move || {
                    *scheduled.borrow_mut() = false;
                    let Some((from, to)) = container.cast::<Element>().and_then(|c| visible(&c))
                    else {
                        return;
                    };
                    let next = heights.borrow().range(from, to);
                    if next != *range.borrow() {
                        *range.borrow_mut() = next;
                        rerender.force_update();
                    }
                });
            };
            update();
            let listeners = windowed.then(|| {
                let window = web_sys::window().expect("a browser window");
                let (on_scroll, on_resize) = (update.clone(), update);
                (
                    EventListener::new(&window, "scroll", move |_| on_scroll()),
                    EventListener::new(&window, "resize", move |_| on_resize()),
                )
            });
            move || drop(listeners)
        });
    }

    // After a render of a windowed document, replace estimates with the rendered blocks' real
    // heights. Measuring waits for the next animation frame, where the browser lays out
    // anyway, so no input handler pays for a forced layout.
    {
        let (container, heights, remeasured) =
            (container.clone(), heights.clone(), rerender.clone());
        use_effect(move || {
            if windowed {
                after_frame(move || {
                    if measure(&container, &heights) {
                        remeasured.force_update();
                    }
                });
            }
        });
    }

    let scroll_to = {
        let (container, heights) = (container.clone(), heights.clone());
        Callback::from(move |index: usize| {
            let (Some(window), Some(container)) = (web_sys::window(), container.cast::<Element>())
            else {
                return;
            };
            let page_top =
                container.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
            let viewport = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
            let y = page_top + heights.borrow().offset_of(index) - viewport / 3.0;
            window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), y.max(0.0));
        })
    };

    let window = if windowed {
        let (first, last) = *range.borrow();
        let (first, last) = (
            first.min(blocks.len()),
            last.min(blocks.len()).max(first.min(blocks.len())),
        );
        let heights = heights.borrow();
        let before = heights.offset_of(first);
        let after = heights.heights[last..].iter().sum();
        BlockWindow {
            first,
            last,
            before,
            after,
        }
    } else {
        BlockWindow {
            first: 0,
            last: blocks.len(),
            before: 0.0,
            after: 0.0,
        }
    };
    WindowHandle { window, scroll_to }
}
