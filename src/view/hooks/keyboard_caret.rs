//! Annotating from the keyboard in the focused article: keys move a caret, extend a
//! selection, open the tag menu or tag (`view::keyboard` interprets them, `model::caret` steps);
//! the keyboard selection is shown as the browser's selection plus a caret mark, kept in view,
//! and announced to screen readers.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::article::{candidate_at, Article, Pending};
use crate::model::layout::Block;
use crate::model::{Action, Label, Text};
use crate::view::files::now_iso;
use crate::view::keyboard::{interpret, KeyOutcome, KeySelection};
use crate::view::linking::link_selection;
use crate::view::selection::{
    anchor_for, clear_selection, mark_caret, mark_pending, scroll_to_offset, select_span,
};
use crate::view::store::{Msg, StoreHandle};

/// The article's keyboard handlers and what a screen reader is told.
pub struct KeyboardCaret {
    pub onkeydown: Callback<KeyboardEvent>,
    pub onfocus: Callback<FocusEvent>,
    pub onblur: Callback<FocusEvent>,
    /// The selected text, or what follows the caret; `None` before the keys are used.
    pub announcement: Option<String>,
}

/// The keyboard caret of the article (showing the store's current document, laid out as
/// `blocks`). `home` is where the caret starts when the article first gets keyboard focus (the
/// selected annotation, else the first block shown); `scroll_to` brings block `index` into the
/// window.
#[hook]
pub fn use_keyboard_caret(
    store: &StoreHandle,
    article: &Article,
    blocks: &Rc<Vec<Block>>,
    labels: &Rc<Vec<Label>>,
    scroll_to: &Callback<usize>,
    home: usize,
) -> KeyboardCaret {
    let text = &store.editor().workspace().document.text.clone();
    // Set when a key moved the selection (so that showing it may replace the browser's).
    let moved_by_keys = use_mut_ref(|| false);
    let keys = KeyHandler {
        store: store.clone(),
        article: article.clone(),
        text: text.clone(),
        blocks: blocks.clone(),
        labels: labels.clone(),
        moved_by_keys: moved_by_keys.clone(),
    };
    use_show_selection(article, text, blocks, scroll_to, moved_by_keys);
    KeyboardCaret {
        onkeydown: Callback::from(move |event: KeyboardEvent| keys.handle(&event)),
        onfocus: on_focus(article, text.len(), home),
        onblur: on_blur(article),
        announcement: article.keys.as_ref().map(|k| announce(*k, text)),
    }
}

/// What a key press in the article needs.
struct KeyHandler {
    store: StoreHandle,
    article: Article,
    text: Text,
    blocks: Rc<Vec<Block>>,
    labels: Rc<Vec<Label>>,
    moved_by_keys: Rc<RefCell<bool>>,
}

impl KeyHandler {
    fn handle(&self, event: &KeyboardEvent) {
        let in_menu = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.closest(".tag-menu").ok().flatten().is_some());
        let (keys, pending) = (&self.article.keys, &self.article.pending);
        if in_menu || pending.is_some() {
            return;
        }
        let first = self.blocks.first().map_or(0, |b| b.start);
        let current = (**keys).unwrap_or(KeySelection::caret(first));
        let snap = self.store.snap_to_words;
        let segmenter = &*self.article.segmenter;
        let Some(outcome) = interpret(event, &self.text, &self.blocks, current, snap, segmenter)
        else {
            return;
        };
        event.prevent_default();
        match outcome {
            KeyOutcome::Move(selection) => {
                *self.moved_by_keys.borrow_mut() = true;
                keys.set(Some(selection));
            }
            KeyOutcome::OpenMenu(span) => {
                if let Some(linking) = self.store.linking.clone() {
                    link_selection(&self.store, &linking, span);
                    keys.set(Some(KeySelection::caret(span.end())));
                    return;
                }
                let Some(root) = self.article.root() else {
                    return;
                };
                let Some(anchor) = anchor_for(&root, span) else {
                    return;
                };
                let marked = mark_pending(&root, Some(span));
                pending.set(Some(Pending {
                    span,
                    anchor,
                    marked,
                    from_keyboard: true,
                }));
            }
            KeyOutcome::Tag(span, index) => {
                let Some(label) = self.labels.get(index) else {
                    return;
                };
                let add = Action::Add {
                    span,
                    label: label.id.clone(),
                    attribution: None,
                    note: String::new(),
                    now: now_iso(),
                };
                let candidate = candidate_at(&self.store, span);
                self.store.dispatch(Msg::Do(add.teaching(candidate)));
                keys.set(Some(KeySelection::caret(span.end())));
            }
        }
    }
}

/// Shows each new keyboard selection: the browser's selection over it, a caret mark, in view.
#[hook]
fn use_show_selection(
    article: &Article,
    text: &Text,
    blocks: &Rc<Vec<Block>>,
    scroll_to: &Callback<usize>,
    moved_by_keys: Rc<RefCell<bool>>,
) {
    let (node, text, blocks, scroll_to) = (
        article.node.clone(),
        text.clone(),
        blocks.clone(),
        scroll_to.clone(),
    );
    use_effect_with(*article.keys, move |selection| {
        let (Some(root), Some(selection)) = (node.cast::<Element>(), selection) else {
            return;
        };
        let index = blocks.partition_point(|b| b.end < selection.focus);
        if !mark_caret(&root, Some(selection.focus), text.len()) && index < blocks.len() {
            scroll_to.emit(index);
        }
        match selection.span(&text) {
            Some(span) => {
                select_span(&root, span);
            }
            // A collapsed caret clears only a selection the keys made.
            None if moved_by_keys.replace(false) => clear_selection(),
            None => {}
        }
        scroll_to_offset(&root, selection.focus);
    });
}

/// Keyboard focus shows the caret (at `home` the first time); a click focuses the article to
/// select with the mouse, and must not disturb that selection.
fn on_focus(article: &Article, len: usize, home: usize) -> Callback<FocusEvent> {
    let article = article.clone();
    Callback::from(move |_: FocusEvent| {
        let Some(root) = article.root() else {
            return;
        };
        if !root.matches(":focus-visible").unwrap_or(false) {
            return;
        }
        match *article.keys {
            None => article.keys.set(Some(KeySelection::caret(home))),
            Some(selection) => {
                mark_caret(&root, Some(selection.focus), len);
            }
        }
    })
}

/// Leaving the article hides the caret mark.
fn on_blur(article: &Article) -> Callback<FocusEvent> {
    let article = article.clone();
    Callback::from(move |_: FocusEvent| {
        if let Some(root) = article.root() {
            mark_caret(&root, None, 0);
        }
    })
}

/// What a screen reader hears about the keyboard selection.
fn announce(keys: KeySelection, text: &Text) -> String {
    match keys.span(text) {
        Some(span) => {
            let quote: String = text.quote(span).chars().take(120).collect();
            format!("Selected: {quote}")
        }
        None => {
            let next: String = text
                .slice(keys.focus, keys.focus + 40)
                .chars()
                .take_while(|c| *c != '\n')
                .collect();
            format!("Caret before: {next}")
        }
    }
}
