//! The corpus list: every open document with its annotation count and done mark. Shown when
//! more than one document is open; `[` and `]` step through it.

use yew::prelude::*;

use super::store::{use_store, Msg};
use crate::model::Action;

#[function_component(DocumentList)]
pub fn document_list() -> Html {
    let store = use_store();
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
    html! {
        <nav class="documents" aria-label="Documents">
            <h2 class="panel-title">{ format!("Documents ({})", corpus.len()) }</h2>
            <ol>{ for items }</ol>
            <p class="hint">{ "[ and ] step through the documents." }</p>
        </nav>
    }
}
