//! What the reading view's hooks share: the `<article>` element, the selection waiting for its
//! label (the tag menu is open while there is one), and the keyboard selection; and what
//! choosing or cancelling in the tag menu does.

use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::model::suggest::Suggestion;
use crate::model::{Action, Attribution, Span};
use crate::view::files::now_iso;
use crate::view::frames::when_idle;
use crate::view::keyboard::KeySelection;
use crate::view::marks::mark_after_paint;
use crate::view::segmenter::BrowserSegmenter;
use crate::view::selection::{clear_selection, mark_pending, MenuAnchor};
use crate::view::store::{Msg, StoreHandle};
use crate::view::tag_menu::TagChoice;

/// A selection waiting for its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub span: Span,
    pub anchor: MenuAnchor,
    /// True when the browser marks the span with a CSS highlight; otherwise the blocks do.
    pub marked: bool,
    /// Opened from the keyboard: focus returns to the article when the menu closes.
    pub from_keyboard: bool,
}

/// The reading view's shared state (see [`use_article`]).
#[derive(Clone)]
pub struct Article {
    /// The `<article class="doc">` element.
    pub node: NodeRef,
    /// The selection the tag menu is open for.
    pub pending: UseStateHandle<Option<Pending>>,
    /// The keyboard selection while the article has focus (see `keyboard`).
    pub keys: UseStateHandle<Option<KeySelection>>,
    /// The document language's word and sentence rules, for snapping and the caret.
    pub segmenter: Rc<BrowserSegmenter>,
}

/// The candidate under a span tagged by hand, while suggestions are shown for the document.
pub fn candidate_at(store: &StoreHandle, span: Span) -> Option<Suggestion> {
    let editor = store.editor();
    let document = editor.workspace().document.id();
    store.suggestions.candidate_at(document, span)
}

/// The article's shared state for a document in `language`. A pending mark goes when the
/// selection it marked does.
#[hook]
pub fn use_article(language: Option<String>) -> Article {
    let segmenter = use_memo(language.clone(), |language| {
        BrowserSegmenter::new(language.as_deref())
    });
    // The segmenters are made once the page is idle (or at the first drag, if that is sooner).
    {
        let segmenter = segmenter.clone();
        use_effect_with(language, move |_| when_idle(move || segmenter.warm()));
    }
    let article = Article {
        node: use_node_ref(),
        pending: use_state(|| None::<Pending>),
        keys: use_state(|| None::<KeySelection>),
        segmenter,
    };
    {
        let node = article.node.clone();
        use_effect_with(article.pending.as_ref().map(|p| p.span), move |span| {
            if span.is_none() {
                if let Some(root) = node.cast::<Element>() {
                    mark_pending(&root, None);
                }
            }
        });
    }
    article
}

impl Article {
    /// The article element, once rendered.
    pub fn root(&self) -> Option<Element> {
        self.node.cast::<Element>()
    }

    /// Moves keyboard focus to the article.
    pub fn focus(&self) {
        if let Some(article) = self.node.cast::<HtmlElement>() {
            let _ = article.focus();
        }
    }

    /// Choosing a label in the tag menu: the pending span becomes an annotation (teaching the
    /// suggestions, while they are shown, about the candidate under it); from the keyboard,
    /// the caret goes after it and focus back to the article.
    pub fn on_choose(&self, store: &StoreHandle) -> Callback<TagChoice> {
        let (article, store) = (self.clone(), store.clone());
        Callback::from(move |choice: TagChoice| {
            if let Some(p) = &*article.pending {
                let add = Action::Add {
                    span: p.span,
                    label: choice.label,
                    attribution: Attribution::named(&choice.attribution),
                    note: choice.note.trim().to_string(),
                    now: now_iso(),
                };
                store.dispatch(Msg::Do(add.teaching(candidate_at(&store, p.span))));
                mark_after_paint("claimmark:annotation-added");
                if p.from_keyboard {
                    article.keys.set(Some(KeySelection::caret(p.span.end())));
                    article.focus();
                }
            }
            article.pending.set(None);
            clear_selection();
        })
    }

    /// Closing the tag menu without a label (focus goes back to the article if the keyboard
    /// opened it).
    pub fn on_cancel(&self) -> Callback<()> {
        let article = self.clone();
        Callback::from(move |_| {
            if article.pending.as_ref().is_some_and(|p| p.from_keyboard) {
                article.focus();
            }
            article.pending.set(None);
            clear_selection();
        })
    }
}
