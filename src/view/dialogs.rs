//! Modal dialogs: open a text, confirm opening an imported file's document, and help.
//!
//! [`Modal`] gives every dialog the same behaviour: it is labelled, takes focus when it opens,
//! and closes on Escape.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::files::read_text;
use crate::model::text::{SEED_ARTICLE, SEED_TITLE};
use crate::model::Label;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub title: AttrValue,
    pub on_close: Callback<()>,
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let focus_target = dialog
                .cast::<HtmlElement>()
                .and_then(|d| d.query_selector("textarea, input, button").ok().flatten())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(target) = focus_target {
                let _ = target.focus();
            }
        });
    }
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(());
            }
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    html! {
        <div class="modal-backdrop">
            <div class="modal" role="dialog" aria-modal="true" aria-label={props.title.clone()} ref={dialog} {onkeydown}>
                <div class="modal-head">
                    <h2>{ props.title.clone() }</h2>
                    <button type="button" class="close" aria-label="Close" onclick={close}>{ "×" }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenTextProps {
    /// Called with (title, text).
    pub on_open: Callback<(String, String)>,
    pub on_close: Callback<()>,
}

/// A title for a text: the file name without its extension, or the start of the first line.
fn title_for(file_name: Option<&str>, text: &str) -> String {
    if let Some(name) = file_name.filter(|n| !n.trim().is_empty()) {
        return name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_string();
    }
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("Untitled")
        .trim();
    first_line.chars().take(60).collect()
}

#[function_component(OpenTextDialog)]
pub fn open_text_dialog(props: &OpenTextProps) -> Html {
    let text_area = use_node_ref();
    let title_input = use_node_ref();
    let error = use_state(|| None::<String>);
    let on_file = {
        let text_area = text_area.clone();
        let title_input = title_input.clone();
        let error = error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (text_area, title_input, error) =
                (text_area.clone(), title_input.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_text(&file).await {
                    Ok(text) => {
                        let text = text
                            .strip_prefix('\u{feff}')
                            .map(str::to_string)
                            .unwrap_or(text);
                        if let Some(title) = title_input.cast::<HtmlInputElement>() {
                            title.set_value(&title_for(Some(&file.name()), &text));
                        }
                        if let Some(area) = text_area.cast::<HtmlTextAreaElement>() {
                            area.set_value(&text);
                        }
                        error.set(None);
                    }
                    Err(message) => {
                        error.set(Some(format!("Could not read {}: {message}", file.name())))
                    }
                }
            });
        })
    };
    let on_submit = {
        let on_open = props.on_open.clone();
        let error = error.clone();
        let (text_area, title_input) = (text_area.clone(), title_input.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = text_area
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_default();
            if text.trim().is_empty() {
                error.set(Some("Paste a text or choose a .txt file first.".into()));
                return;
            }
            let typed = title_input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let title = if typed.trim().is_empty() {
                title_for(None, &text)
            } else {
                typed.trim().to_string()
            };
            on_open.emit((title, text));
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let open_sample = {
        let on_open = props.on_open.clone();
        Callback::from(move |_| on_open.emit((SEED_TITLE.to_string(), SEED_ARTICLE.to_string())))
    };
    html! {
        <Modal title="Open a text" on_close={props.on_close.clone()}>
            <form class="open-form" onsubmit={on_submit}>
                <label class="field">
                    <span>{ "Text" }</span>
                    <textarea ref={text_area} rows="10" placeholder="Paste the text to annotate" />
                </label>
                <label class="field">
                    <span>{ "…or a .txt file (UTF-8)" }</span>
                    <input type="file" accept=".txt,text/plain" onchange={on_file} />
                </label>
                <label class="field">
                    <span>{ "Title" }</span>
                    <input ref={title_input} type="text" placeholder="From the file name or first line" />
                </label>
                if let Some(message) = &*error { <p class="form-error" role="alert">{ message }</p> }
                <p class="hint">{ "Opening a text replaces the current document and its annotations. Export first to keep them; Undo brings them back." }</p>
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

#[derive(Properties, PartialEq)]
pub struct ConfirmDocumentProps {
    pub file_name: AttrValue,
    pub file_title: AttrValue,
    pub file_annotations: usize,
    pub current_title: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(ConfirmDocumentDialog)]
pub fn confirm_document_dialog(props: &ConfirmDocumentProps) -> Html {
    let confirm = {
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |_| on_confirm.emit(()))
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    html! {
        <Modal title="A different document" on_close={props.on_close.clone()}>
            <p>{ format!(
                "{} annotates “{}”, not the open document “{}”: its text differs, so its {} annotation(s) cannot be placed here.",
                props.file_name, props.file_title, props.current_title, props.file_annotations) }</p>
            <p>{ "You can open the file's document with its annotations instead. Your current work stays saved in the undo history (Ctrl+Z brings it back)." }</p>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Keep the current document" }</button>
                <button type="button" class="primary" onclick={confirm}>{ "Open the file's document" }</button>
            </div>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub labels: Rc<Vec<Label>>,
    pub on_close: Callback<()>,
}

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpProps) -> Html {
    let keys = [
        ("Select text", "opens the tag menu"),
        (
            "1 / 2 / 3",
            "tag as the first / second / third label (in the menu)",
        ),
        (
            "Enter",
            "tag with the highlighted label (in the menu's fields)",
        ),
        ("Esc", "cancel the menu or close a dialog"),
        ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
        (
            "Click a highlight",
            "select its annotation (click again for the one around it)",
        ),
        ("?", "this help"),
    ];
    let labels = props.labels.iter().map(|l| html! {
        <li><span class="badge" style={format!("--label:{}", l.color)}>{ &l.name }</span>{ " " }{ &l.description }</li>
    });
    html! {
        <Modal title="Help" on_close={props.on_close.clone()}>
            <h3>{ "Labels" }</h3>
            <ul class="help-labels">{ for labels }</ul>
            <h3>{ "Keys" }</h3>
            <dl class="keys">
                { for keys.iter().map(|(k, v)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *v }</dd></> }) }
            </dl>
            <h3>{ "Files" }</h3>
            <p>{ "Export JSON downloads the claimmark format (version 1): the whole text and every annotation, with offsets in Unicode code points (Python string indices). Import JSON, or drop a file on the page, loads one back. Your work is also saved in this browser after every change." }</p>
        </Modal>
    }
}
