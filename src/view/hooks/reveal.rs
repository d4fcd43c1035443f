//! Bringing things into view in an article that may render only the blocks near the viewport
//! (`view::window`): an annotation ([`use_reveal`], `Msg::Reveal`: scroll to it and flash it) and
//! a text offset ([`use_scroll_request`], `Msg::ScrollTo`: centre it, for search). When the
//! target's block is not rendered, its block is scrolled into the window first and the request
//! is completed after a later render.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::article::Article;
use crate::model::layout::Block;
use crate::model::{AnnotationId, Workspace};
use crate::view::selection::center_offset;
use crate::view::store::StoreHandle;

/// Scrolls the first highlight of annotation `id` into view and makes all of its highlights
/// flash once. False when no highlight of it is rendered.
fn reveal(id: &AnnotationId) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(all) = document.query_selector_all(".seg[data-ids]") else {
        return false;
    };
    let mut first = true;
    for i in 0..all.length() {
        let Some(element) = all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let ids = element.get_attribute("data-ids").unwrap_or_default();
        if !ids.split(' ').any(|candidate| candidate == id.as_str()) {
            continue;
        }
        if first {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            first = false;
        }
        let classes = element.class_list();
        let _ = classes.remove_1("flash");
        // Reading layout restarts the CSS animation when the class is added again.
        let _ = element.offset_width();
        let _ = classes.add_1("flash");
    }
    !first
}

/// Reveals the annotation of each new `Msg::Reveal`: bring its block into the window, then
/// scroll to and flash it. `scroll_to` brings block `index` into the window.
#[hook]
pub fn use_reveal(
    store: &StoreHandle,
    workspace: &Workspace,
    blocks: &Rc<Vec<Block>>,
    scroll_to: &Callback<usize>,
) {
    let revealing = use_mut_ref(|| None::<AnnotationId>);
    {
        let (revealing, blocks, scroll_to) = (revealing.clone(), blocks.clone(), scroll_to.clone());
        let start = store.reveal.as_ref().and_then(|(id, _)| {
            workspace
                .annotation(id)
                .map(|a| (id.clone(), a.span.start()))
        });
        use_effect_with(
            store.reveal.as_ref().map(|(_, serial)| *serial),
            move |_| {
                if let Some((id, start)) = start {
                    if !reveal(&id) {
                        let index = blocks.partition_point(|b| b.end <= start);
                        scroll_to.emit(index);
                        *revealing.borrow_mut() = Some(id);
                    }
                }
            },
        );
    }
    use_effect(move || {
        let id = revealing.borrow().clone();
        if let Some(id) = id {
            if reveal(&id) {
                *revealing.borrow_mut() = None;
            }
        }
    });
}

/// Centres the offset of each new `Msg::ScrollTo` in the window, rendering its block first if
/// it is outside the window.
#[hook]
pub fn use_scroll_request(
    store: &StoreHandle,
    article: &Article,
    blocks: &Rc<Vec<Block>>,
    scroll_to: &Callback<usize>,
) {
    let centring = use_mut_ref(|| None::<usize>);
    {
        let (centring, blocks, scroll_to, article) = (
            centring.clone(),
            blocks.clone(),
            scroll_to.clone(),
            article.clone(),
        );
        let request = store.scroll_to;
        use_effect_with(request.map(|(_, serial)| serial), move |_| {
            let (Some((at, _)), Some(root)) = (request, article.root()) else {
                return;
            };
            if !center_offset(&root, at) {
                scroll_to.emit(blocks.partition_point(|b| b.end <= at));
                *centring.borrow_mut() = Some(at);
            }
        });
    }
    let article = article.clone();
    use_effect(move || {
        let at = *centring.borrow();
        if let (Some(at), Some(root)) = (at, article.root()) {
            if center_offset(&root, at) {
                *centring.borrow_mut() = None;
            }
        }
    });
}
