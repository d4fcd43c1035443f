//! The boundary between DOM selections and code point offsets. This is the only module that
//! touches `Selection` and `Range`.
//!
//! The document view marks every rendered run of text with `data-s` / `data-e`: the code point
//! offsets, in the whole document, where it starts and ends. A DOM point (node, offset) is
//! converted here: inside a text node the offset counts UTF-16 units, so it is turned into code
//! points with `model::offsets`; on an element it counts child nodes.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range};

use crate::model::offsets::{code_points_to_utf16, utf16_to_code_points, Round};
use crate::model::Span;

/// A selection inside the document, in code points, with where to show a menu for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawSelection {
    pub start: usize,
    pub end: usize,
    /// Where a menu for the selection goes, in page coordinates (CSS pixels).
    pub anchor: MenuAnchor,
}

/// The end of a selection's last line (`x`, `below`) and the top of its first line (`above`),
/// in page coordinates, so a menu can sit under the selection or, near the bottom of the
/// window, over it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MenuAnchor {
    pub x: f64,
    pub below: f64,
    pub above: f64,
}

fn data_offset(element: &Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// The nearest element at or above `node` that carries `data-s`, within `root`.
fn marked_ancestor(node: &Node, root: &Element) -> Option<Element> {
    let mut current = if node.node_type() == Node::ELEMENT_NODE {
        node.clone().dyn_into::<Element>().ok()
    } else {
        node.parent_element()
    };
    while let Some(element) = current {
        if element.has_attribute("data-s") {
            return Some(element);
        }
        if element.is_same_node(Some(root)) {
            return None;
        }
        current = element.parent_element();
    }
    None
}

/// The first offset inside `node` (itself or its first marked descendant).
fn first_offset_in(node: &Node) -> Option<usize> {
    let element = node.dyn_ref::<Element>()?;
    if let Some(start) = data_offset(element, "data-s") {
        return Some(start);
    }
    let first = element.query_selector("[data-s]").ok()??;
    data_offset(&first, "data-s")
}

/// The last offset inside `node` (itself or its last marked descendant).
fn last_offset_in(node: &Node) -> Option<usize> {
    let element = node.dyn_ref::<Element>()?;
    if let Some(end) = data_offset(element, "data-e") {
        return Some(end);
    }
    let all = element.query_selector_all("[data-e]").ok()?;
    let last = all.item(all.length().checked_sub(1)?)?;
    data_offset(last.dyn_ref::<Element>()?, "data-e")
}

/// Converts a DOM point inside `root` to a code point offset of the document.
/// `round` says which way to go if the point is inside a surrogate pair.
pub fn point_to_offset(root: &Element, node: &Node, offset: u32, round: Round) -> Option<usize> {
    if !root.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let segment = marked_ancestor(node, root)?;
        let start = data_offset(&segment, "data-s")?;
        let text = node.text_content().unwrap_or_default();
        return Some(start + utf16_to_code_points(&text, offset as usize, round));
    }
    // An element point: `offset` counts children. Use the start of the child after the point,
    // or the end of the element's content when the point is after the last child.
    let children = node.child_nodes();
    if let Some(child) = children.item(offset) {
        if let Some(start) = first_offset_in(&child) {
            return Some(start);
        }
    }
    let before = offset.checked_sub(1).and_then(|i| children.item(i));
    if let Some(end) = before.as_ref().and_then(last_offset_in) {
        return Some(end);
    }
    last_offset_in(node).or_else(|| first_offset_in(node))
}

/// Where a point outside `root` lies relative to it: at the document's start or end.
fn outside_offset(root: &Element, node: &Node, text_len: usize) -> usize {
    let position = root.compare_document_position(node);
    if position & Node::DOCUMENT_POSITION_PRECEDING != 0 {
        0
    } else {
        text_len
    }
}

/// The current DOM selection as offsets into the document rendered in `root`, if it is a
/// non-collapsed selection that touches the document.
pub fn current_selection(root: &Element, text_len: usize) -> Option<RawSelection> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start_node = range.start_container().ok()?;
    let end_node = range.end_container().ok()?;
    let inside = |node: &Node| root.contains(Some(node));
    if !inside(&start_node) && !inside(&end_node) {
        // A selection that merely encloses the document (select-all) still counts.
        if !range.intersects_node(root).unwrap_or(false) {
            return None;
        }
    }
    let start = if inside(&start_node) {
        point_to_offset(root, &start_node, range.start_offset().ok()?, Round::Down)?
    } else {
        outside_offset(root, &start_node, text_len)
    };
    let end = if inside(&end_node) {
        point_to_offset(root, &end_node, range.end_offset().ok()?, Round::Up)?
    } else {
        outside_offset(root, &end_node, text_len)
    };
    Some(RawSelection {
        start,
        end,
        anchor: menu_anchor(&range, &window),
    })
}

/// Where a menu for the range goes: see [`MenuAnchor`].
fn menu_anchor(range: &Range, window: &web_sys::Window) -> MenuAnchor {
    let scroll_x = window.scroll_x().unwrap_or(0.0);
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    let bounds = range.get_bounding_client_rect();
    let rects = range.get_client_rects();
    let last = rects
        .as_ref()
        .and_then(|r| r.length().checked_sub(1).and_then(|i| r.get(i)));
    let (x, bottom) = last.map_or((bounds.right(), bounds.bottom()), |r| {
        (r.right(), r.bottom())
    });
    MenuAnchor {
        x: x + scroll_x,
        below: bottom + scroll_y,
        above: bounds.top() + scroll_y,
    }
}

/// Clears the page's text selection.
pub fn clear_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// The DOM point for a code point offset inside the document rendered in `root`.
fn offset_to_point(root: &Element, offset: usize) -> Option<(Node, u32)> {
    let segments = root.query_selector_all(".seg").ok()?;
    for i in 0..segments.length() {
        let segment = segments.item(i)?.dyn_into::<Element>().ok()?;
        let (start, end) = (
            data_offset(&segment, "data-s")?,
            data_offset(&segment, "data-e")?,
        );
        if (start..=end).contains(&offset) {
            let text = segment.first_child()?;
            let content = text.text_content().unwrap_or_default();
            let utf16 = code_points_to_utf16(&content, offset - start);
            return Some((text, utf16 as u32));
        }
    }
    None
}

/// A DOM range over `span`, if that text is rendered in `root`.
fn range_for(root: &Element, span: Span) -> Option<Range> {
    let (start_node, start) = offset_to_point(root, span.start())?;
    let (end_node, end) = offset_to_point(root, span.end())?;
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(&start_node, start).ok()?;
    range.set_end(&end_node, end).ok()?;
    Some(range)
}

/// Selects `span` in the DOM (used by tests and keyboard flows). Returns false if the span is
/// not rendered.
pub fn select_span(root: &Element, span: Span) -> bool {
    let select = || -> Option<()> {
        let range = range_for(root, span)?;
        let selection = web_sys::window()?.get_selection().ok()??;
        selection.remove_all_ranges().ok()?;
        selection.add_range(&range).ok()
    };
    select().is_some()
}

/// Sets the CSS Custom Highlight `name` over the rendered ones of `spans` (none: clears it).
/// This changes no DOM and so costs no re-layout of the text. False when the browser lacks
/// the API or no span is rendered.
pub fn mark_spans(root: &Element, name: &str, spans: &[Span]) -> bool {
    let mark = || -> Option<()> {
        let window = web_sys::window()?;
        let css = Reflect::get(&window, &"CSS".into()).ok()?;
        let highlights = Reflect::get(&css, &"highlights".into())
            .ok()
            .filter(|h| !h.is_undefined())?;
        let method = |name: &str| {
            Reflect::get(&highlights, &name.into())
                .ok()?
                .dyn_into::<Function>()
                .ok()
        };
        let key = JsValue::from_str(name);
        let ranges: Array = spans.iter().filter_map(|s| range_for(root, *s)).collect();
        if ranges.length() == 0 {
            method("delete")?.call1(&highlights, &key).ok()?;
            return spans.is_empty().then_some(());
        }
        let constructor = Reflect::get(&window, &"Highlight".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        let highlight = Reflect::construct(&constructor, &ranges).ok()?;
        method("set")?.call2(&highlights, &key, &highlight).ok()?;
        Some(())
    };
    mark().is_some()
}

fn set_highlight(root: &Element, name: &str, span: Option<Span>) -> bool {
    mark_spans(root, name, span.as_slice())
}

/// Marks a selection awaiting its label (`::highlight(claimmark-pending)`), or clears the mark.
/// False when the caller must mark the text itself.
pub fn mark_pending(root: &Element, span: Option<Span>) -> bool {
    set_highlight(root, "claimmark-pending", span)
}

/// Marks the keyboard caret: the character after `at` (or before it, at the very end), as
/// `::highlight(claimmark-caret)`; `None` clears it.
pub fn mark_caret(root: &Element, at: Option<usize>, text_len: usize) -> bool {
    let span = at.and_then(|at| {
        let (start, end) = if at < text_len {
            (at, at + 1)
        } else {
            (at.saturating_sub(1), at)
        };
        Span::new(start, end, text_len).ok()
    });
    set_highlight(root, "claimmark-caret", span)
}

/// Where a menu for `span` goes, if the span is rendered.
pub fn anchor_for(root: &Element, span: Span) -> Option<MenuAnchor> {
    let range = range_for(root, span)?;
    Some(menu_anchor(&range, &web_sys::window()?))
}

/// Scrolls the text at `at` into view (nearest edge), if it is rendered.
pub fn scroll_to_offset(root: &Element, at: usize) {
    if let Some((node, _)) = offset_to_point(root, at) {
        if let Some(element) = node.parent_element() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// Scrolls the text at `at` to the middle of the part of the window that bars at the top
/// (toolbar, search bar) and a bottom sheet do not cover. False when it is not rendered.
pub fn center_offset(root: &Element, at: usize) -> bool {
    let Some((node, offset)) = offset_to_point(root, at) else {
        return false;
    };
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(range) = window.document().and_then(|d| d.create_range().ok()) else {
        return false;
    };
    let length = node.text_content().map_or(0, |t| t.encode_utf16().count()) as u32;
    if range.set_start(&node, offset).is_err()
        || range.set_end(&node, (offset + 1).min(length)).is_err()
    {
        return false;
    }
    let top = range.get_bounding_client_rect().top();
    let covered = ["header.toolbar", ".search-bar", ".linking-banner"]
        .iter()
        .filter_map(|selector| {
            root.owner_document()?
                .query_selector(selector)
                .ok()
                .flatten()
        })
        .map(|bar| bar.get_bounding_client_rect().bottom())
        .fold(0.0f64, f64::max);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(768.0);
    // A sheet across the bottom of a narrow window (the Suggestions tab's) covers the rest.
    let floor = root
        .owner_document()
        .and_then(|d| d.query_selector(".panel.is-suggesting").ok().flatten())
        .map(|sheet| sheet.get_bounding_client_rect())
        .filter(|r| r.left() <= 1.0 && r.bottom() >= height - 1.0 && r.top() > covered)
        .map_or(height, |r| r.top());
    let middle = covered + (floor - covered) / 2.0;
    window.scroll_by_with_x_and_y(0.0, top - middle);
    true
}
