//! The highlight of an annotation's mention and cue (`view::linking::show_links`): shown for
//! the annotation under the mouse, else for the selected one. Rendering can replace the
//! article's text nodes, so the marks are set again after every render.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::article::Article;
use crate::model::AnnotationId;
use crate::view::linking::show_links;
use crate::view::store::StoreHandle;

/// Keeps the links marked; returns the article's `onmouseover`, which follows the hovered
/// highlight.
#[hook]
pub fn use_link_marks(store: &StoreHandle, article: &Article) -> Callback<MouseEvent> {
    let hovered = use_mut_ref(|| None::<AnnotationId>);
    {
        let (article, store, hovered) = (article.clone(), store.clone(), hovered.clone());
        use_effect(move || {
            if let Some(root) = article.root() {
                let shown = hovered.borrow().clone().or_else(|| store.selected.clone());
                show_links(&root, &store, shown.as_ref());
            }
        });
    }
    let (article, store) = (article.clone(), store.clone());
    Callback::from(move |event: MouseEvent| {
        let over = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(".seg[data-ids]").ok().flatten())
            .and_then(|seg| seg.get_attribute("data-ids"))
            .and_then(|ids| ids.split(' ').next_back().map(AnnotationId::new));
        if *hovered.borrow() != over {
            *hovered.borrow_mut() = over.clone();
            if let Some(root) = article.root() {
                show_links(
                    &root,
                    &store,
                    over.or_else(|| store.selected.clone()).as_ref(),
                );
            }
        }
    })
}
