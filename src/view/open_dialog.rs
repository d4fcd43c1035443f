//! Opening texts to annotate: pasted text, `.txt` files, or JSON Lines of
//! `{"text", "title"?}`. Each becomes a document of the corpus.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::dialogs::Modal;
use super::files::{file_list, read_files};
use crate::model::formats::texts::{documents, title_from_text};
use crate::model::text::{seed_document, Document};

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    pub on_open: Callback<Vec<Document>>,
    pub on_close: Callback<()>,
}

#[function_component(OpenDialog)]
pub fn open_dialog(props: &OpenProps) -> Html {
    let text_area = use_node_ref();
    let title_input = use_node_ref();
    let error = use_state(|| None::<String>);
    let from_files = use_state(|| Rc::new(Vec::<Document>::new()));
    let on_files = {
        let (error, from_files) = (error.clone(), from_files.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let files = file_list(input.files());
            let (error, from_files) = (error.clone(), from_files.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_files(&files)
                    .await
                    .and_then(|inputs| documents(&inputs).map_err(|e| e.to_string()));
                match read {
                    Ok(docs) => {
                        from_files.set(Rc::new(docs));
                        error.set(None);
                    }
                    Err(message) => {
                        from_files.set(Rc::new(Vec::new()));
                        error.set(Some(format!("Could not read the files: {message}")));
                    }
                }
            });
        })
    };
    let on_submit = {
        let (on_open, error, from_files) =
            (props.on_open.clone(), error.clone(), from_files.clone());
        let (text_area, title_input) = (text_area.clone(), title_input.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = text_area
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_default();
            let mut opened: Vec<Document> = from_files.iter().cloned().collect();
            if !text.trim().is_empty() {
                let typed = title_input
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default();
                let title = if typed.trim().is_empty() {
                    title_from_text(&text)
                } else {
                    typed.trim().to_string()
                };
                opened.insert(0, Document::new(title, text));
            }
            if opened.is_empty() {
                error.set(Some("Paste a text or choose files first.".into()));
            } else {
                on_open.emit(opened);
            }
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let open_sample = {
        let on_open = props.on_open.clone();
        Callback::from(move |_| on_open.emit(vec![seed_document()]))
    };
    let chosen = (!from_files.is_empty()).then(|| {
        let titles: Vec<&str> = from_files.iter().map(|d| d.title.as_str()).collect();
        html! { <p class="hint" role="status">{ format!("{} text(s) ready: {}", titles.len(), titles.join(", ")) }</p> }
    });
    html! {
        <Modal title="Open texts" on_close={props.on_close.clone()}>
            <form class="open-form" onsubmit={on_submit}>
                <label class="field">
                    <span>{ "Text" }</span>
                    <textarea ref={text_area} rows="8" placeholder="Paste a text to annotate" />
                </label>
                <label class="field">
                    <span>{ "Title" }</span>
                    <input ref={title_input} type="text" placeholder="From the first line" />
                </label>
                <label class="field">
                    <span>{ "…or files: .txt (UTF-8), or JSON Lines with one text per line" }</span>
                    <input type="file" multiple=true accept=".txt,.jsonl,.ndjson,text/plain" onchange={on_files} />
                </label>
                { for chosen }
                if let Some(message) = &*error { <p class="form-error" role="alert">{ message }</p> }
                <p class="hint">{ "Each text becomes a document in the list; texts already open are shown, not replaced. JSON Lines records look like {\"text\": \"…\", \"title\": \"…\"}." }</p>
                <div class="actions">
                    <button type="button" class="secondary-left" onclick={open_sample}
                        title="The article claimmark starts with">{ "Open the sample article" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    <button type="submit" class="primary">{ "Open" }</button>
                </div>
            </form>
        </Modal>
    }
}
