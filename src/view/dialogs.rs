//! [`Modal`], the behaviour every dialog shares (labelled, takes focus when it opens and gives
//! it back when it closes, closes on Escape), and the help dialog.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

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
            // Focus goes where the person is expected to start: a field, else the first
            // button of the dialog's body; the close button only when there is nothing else.
            let focus_target = dialog.cast::<HtmlElement>().and_then(|d| {
                [
                    "[autofocus]",
                    "textarea, input",
                    "button:not(.close)",
                    "button",
                ]
                .iter()
                .find_map(|selector| d.query_selector(selector).ok().flatten())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            });
            // Focus goes back where it was once the dialog closes, if it is lost then.
            let opener = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .filter(|e| e.get_attribute("aria-hidden").as_deref() != Some("true"));
            if let Some(target) = focus_target {
                let _ = target.focus();
            }
            // The dialog leaves the page after this runs: look once it has.
            move || {
                gloo_timers::callback::Timeout::new(0, move || {
                    let document = web_sys::window().and_then(|w| w.document());
                    let active = document.as_ref().and_then(|d| d.active_element());
                    let body = document.and_then(|d| d.body()).map(Into::into);
                    let lost = active.is_none() || active == body;
                    if let Some(opener) = opener.filter(|o| lost && o.is_connected()) {
                        let _ = opener.focus();
                    }
                })
                .forget();
            }
        });
    }
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            // What is typed in a dialog stays in it.
            event.stop_propagation();
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
            <div class="modal" role="dialog" aria-modal="true" aria-label={props.title.clone()} ref={dialog} {onkeydown} data-owns-keys="">
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
pub struct HelpProps {
    pub labels: Rc<Vec<Label>>,
    pub on_close: Callback<()>,
}

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpProps) -> Html {
    let keys = [
        (
            "Select text",
            "with the mouse, or with the keyboard: Tab to the article, then Shift+arrows",
        ),
        (
            "← → / Ctrl+← →",
            "move the caret by character / word (with Shift: extend the selection)",
        ),
        (
            "↑ ↓ / Ctrl+↑ ↓",
            "move by sentence / paragraph (with Shift: extend); Home, End: paragraph edges",
        ),
        ("Enter", "open the tag menu for the selection"),
        (
            "1 / 2 / 3",
            "tag the selection as the first / second / third label (in the article or the menu)",
        ),
        (
            "Esc",
            "cancel the menu, drop the selection, deselect, or close a dialog",
        ),
        ("J / K", "next / previous annotation"),
        ("E", "edit the selected annotation's attribution"),
        ("Delete", "delete the selected annotation"),
        ("S", "suggest annotations (the Suggestions tab)"),
        (
            "↑ ↓, Enter or A, E, X or Delete",
            "in the Suggestions list: move, accept, edit then accept, reject the focused suggestion",
        ),
        ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
        (
            "Click a highlight",
            "select its annotation (click again for the one around it)",
        ),
        ("[ / ]", "previous / next document"),
        (
            "Ctrl+F",
            "search the text; Enter / Shift+Enter: next / previous match",
        ),
        (
            "↓ ↑ then Enter",
            "take a suggested source in an attribution field",
        ),
        ("?", "this help"),
    ];
    let adjudication = [
        ("J / K", "next / previous group of disagreeing annotations"),
        ("1 … 9", "pick that variant"),
        ("R", "reject every variant"),
        (
            "C / E",
            "combine two variants / edit an annotation of your own",
        ),
        ("N", "write the decision's note"),
        ("U", "reopen a decided group"),
        ("Esc", "leave the note or a form for the queue"),
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
            <h3>{ "Keys on the Adjudicate screen" }</h3>
            <dl class="keys">
                { for adjudication.iter().map(|(k, v)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *v }</dd></> }) }
            </dl>
            <h3>{ "Files" }</h3>
            <p>{ "Export downloads the document (or all documents) as claimmark JSON, W3C Web Annotation, spaCy/Prodigy JSONL, doccano JSONL, Label Studio JSON or brat standoff; every offset is in Unicode code points (Python string indices). Import, or dropping files on the page, reads any of these back after showing what it found. Open adds texts (.txt files, JSON Lines of {\"text\", \"title\"}, or pasted text) as new documents. Your work is saved in this browser after every change." }</p>
        </Modal>
    }
}
