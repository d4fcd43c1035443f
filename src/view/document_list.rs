//! The corpus list: every open document with its annotation count and done mark. Shown when
//! more than one document is open; `[` and `]` step through it. It folds to a narrow strip
//! (by its button, and at first in windows narrower than 1280 px) so the article keeps room.

use yew::prelude::*;

use super::store::{use_store, Msg};
use crate::model::Action;

#[function_component(DocumentList)]
pub fn document_list() -> Html {
    let store = use_store();
    let collapsed = use_state(|| {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 1280.0)
    });
    let editor = store.editor();
    let corpus = editor.corpus();
    if corpus.len() < 2 {
        return html! {};
    }
    let current = corpus.current_index();
    let items = corpus.documents().iter().enumerate().map(|(index, workspace)| {
        let show = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Msg::Show(index)))
        };
        let close = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Msg::Do(Action::Close { index })))
        };
        let title = &workspace.document.title;
        let count = workspace.annotations().len();
        html! {
            <li class={classes!("document", (index == current).then_some("is-current"))}>
                <button type="button" class="document-button" onclick={show}
                    aria-current={(index == current).then_some("page")}>
                    <span class="document-title">{ title }</span>
                    <span class="document-meta">
                        { format!("{count} annotation{}", if count == 1 { "" } else { "s" }) }
                        if workspace.done { <span class="done-mark">{ " · ✓ done" }</span> }
                    </span>
                </button>
                <button type="button" class="close-document" onclick={close}
                    aria-label={format!("Close “{title}”")} title="Close (Undo brings it back)">{ "×" }</button>
            </li>
        }
    });
    let toggle = {
        let collapsed = collapsed.clone();
        Callback::from(move |_| collapsed.set(!*collapsed))
    };
    let (arrow, action) = if *collapsed {
        ("▸", "Show the document list")
    } else {
        ("◂", "Hide the document list")
    };
    html! {
        <nav class={classes!("documents", collapsed.then_some("is-collapsed"))} aria-label="Documents">
            <div class="documents-head">
                <h2 class="panel-title">{ format!("Documents ({})", corpus.len()) }</h2>
                <button type="button" class="collapse-documents" onclick={toggle} title={action}
                    aria-label={action} aria-expanded={(!*collapsed).to_string()} aria-controls="document-items">{ arrow }</button>
            </div>
            <ol id="document-items" hidden={*collapsed}>{ for items }</ol>
            <p class="hint" hidden={*collapsed}>{ "[ and ] step through the documents." }</p>
        </nav>
    }
}
