//! The mouse (and the finger) in the article. On mouse-up anywhere in the page: a selection
//! inside the article becomes the pending span of the tag menu (snapped to whole words when
//! that is on) or, while linking, the mention or cue of an annotation; a click on a highlight
//! selects an annotation, and repeated clicks on the same spot cycle outward through the
//! annotations stacked there (`model::navigate::clicked`). Mouse-ups in the tag menu or a
//! dialog are theirs.
//!
//! Touch screens select by a long press and the selection handles, with no mouse-up at the
//! end: after a touch, a selection that has stayed still for [`TOUCH_SETTLE_MS`] counts the
//! same way.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::article::{Article, Pending};
use crate::model::boundaries::Segmenter;
use crate::model::navigate::clicked;
use crate::model::snap::snap_with;
use crate::model::text::Document;
use crate::model::{AnnotationId, Text};
use crate::view::linking::link_selection;
use crate::view::selection::{clear_selection, current_selection, mark_pending, RawSelection};
use crate::view::store::{Msg, StoreHandle};

/// How long a touch selection must stay unchanged before it opens the tag menu.
pub const TOUCH_SETTLE_MS: u32 = 450;

/// The segment (its start offset) and annotation of the last click on a highlight.
type LastClick = Rc<RefCell<Option<(String, AnnotationId)>>>;

/// Listens for mouse-ups while the article shows `document`.
#[hook]
pub fn use_mouse_selection(store: &StoreHandle, article: &Article, document: &Document) {
    let last_click = use_mut_ref(|| None::<(String, AnnotationId)>);
    let mouse = MouseUp {
        store: store.clone(),
        article: article.clone(),
        text: document.text.clone(),
        snap: store.snap_to_words,
        last_click,
    };
    use_effect_with(
        (
            document.id().to_string(),
            mouse.snap,
            document.language.clone(),
        ),
        move |_| {
            let window = web_sys::window().expect("a browser window");
            let mouse = Rc::new(mouse);
            let touching = Rc::new(std::cell::Cell::new(false));
            let settle: Rc<RefCell<Option<gloo_timers::callback::Timeout>>> = Rc::default();
            let up = {
                let mouse = mouse.clone();
                EventListener::new(&window, "mouseup", move |event| mouse.handle(event))
            };
            let pointer = {
                let touching = touching.clone();
                EventListener::new(&window, "pointerdown", move |event| {
                    let kind = event
                        .dyn_ref::<web_sys::PointerEvent>()
                        .map(|p| p.pointer_type())
                        .unwrap_or_default();
                    touching.set(kind == "touch");
                })
            };
            let document = window.document().expect("a document");
            let change = EventListener::new(&document, "selectionchange", move |_| {
                if !touching.get() {
                    return;
                }
                let mouse = mouse.clone();
                *settle.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                    TOUCH_SETTLE_MS,
                    move || mouse.touch_settled(),
                ));
            });
            move || drop((up, pointer, change))
        },
    );
}

/// What a mouse-up in the page needs.
struct MouseUp {
    store: StoreHandle,
    article: Article,
    text: Text,
    snap: bool,
    last_click: LastClick,
}

impl MouseUp {
    fn handle(&self, event: &Event) {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        if target
            .as_ref()
            .is_some_and(|t| t.closest(".tag-menu, .modal").ok().flatten().is_some())
        {
            return;
        }
        let Some(root) = self.article.root() else {
            return;
        };
        if let Some(raw) = current_selection(&root, self.text.len()) {
            self.selected(&root, raw);
            return;
        }
        self.article.pending.set(None);
        self.clicked(&root, target);
    }

    /// A touch selection stopped changing: treat it as a drag that ended.
    fn touch_settled(&self) {
        let Some(root) = self.article.root() else {
            return;
        };
        if let Some(raw) = current_selection(&root, self.text.len()) {
            self.selected(&root, raw);
        }
    }

    /// Text was selected: link it, or open the tag menu for it.
    fn selected(&self, root: &Element, raw: RawSelection) {
        let words = self
            .snap
            .then_some(&*self.article.segmenter as &dyn Segmenter);
        let span = snap_with(&self.text, raw.start, raw.end, words);
        if let (Some(linking), Some(span)) = (self.store.linking.clone(), span) {
            link_selection(&self.store, &linking, span);
            clear_selection();
            return;
        }
        self.article.pending.set(span.map(|span| Pending {
            span,
            anchor: raw.anchor,
            marked: mark_pending(root, Some(span)),
            from_keyboard: false,
        }));
        self.article.keys.set(None);
    }

    /// A click without a selection: on a highlight, select one of its annotations.
    fn clicked(&self, root: &Element, target: Option<Element>) {
        let segment = target.and_then(|t| t.closest(".seg[data-ids]").ok().flatten());
        let Some(segment) = segment.filter(|s| root.contains(Some(s))) else {
            *self.last_click.borrow_mut() = None;
            return;
        };
        let ids = segment.get_attribute("data-ids").unwrap_or_default();
        let ids: Vec<&str> = ids.split(' ').collect();
        let here = segment.get_attribute("data-s").unwrap_or_default();
        let previous = self
            .last_click
            .borrow()
            .clone()
            .filter(|(at, id)| *at == here && self.store.selected.as_ref() == Some(id))
            .map(|(_, id)| id);
        if let Some(id) = clicked(&ids, previous.as_ref()) {
            *self.last_click.borrow_mut() = Some((here, id.clone()));
            self.store.dispatch(Msg::Select(Some(id)));
        }
    }
}
