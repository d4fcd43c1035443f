//! The teacher's "New exercise" dialog: labels, instructions, whether the annotations are the
//! answer key, whether students may check their work and see the key's notes as explanations,
//! and whether they may ask for suggested annotations (off unless ticked); then a file or a link.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::dialogs::Modal;
use super::files::download;
use super::labels_editor::{current_labels, LabelEditor};
use super::store::{use_store, Msg, NoticeKind};
use crate::model::annotation::label_set_problem;
use crate::model::exercise::{Exercise, MAX_LINK_CHARS};
use crate::model::{Action, Label};

#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub on_close: Callback<()>,
}

/// The page's address without its fragment.
fn base_url() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    format!(
        "{}{}",
        part(web_sys::Location::origin),
        part(web_sys::Location::pathname)
    )
}

#[function_component(ExerciseDialog)]
pub fn exercise_dialog(props: &ExerciseProps) -> Html {
    let store = use_store();
    let annotations = store.editor().workspace().annotations().len();
    let notes = (store.editor().workspace().annotations().iter())
        .filter(|a| !a.note.trim().is_empty())
        .count();
    let instructions = use_node_ref();
    let with_key = use_node_ref();
    let allow_check = use_node_ref();
    let explain = use_node_ref();
    let allow_suggestions = use_node_ref();
    let link = use_state(|| None::<Result<String, String>>);
    let (start, used) = current_labels(&store);
    let labels = use_state(|| start.clone());
    let problem = label_set_problem(&labels, &used);
    let on_labels = {
        let labels = labels.clone();
        Callback::from(move |next: Vec<Label>| labels.set(next))
    };

    // The exercise takes the edited labels; the document takes them too (one undo step), so
    // the teacher's annotations and the exercise agree.
    let build = {
        let (store, instructions, with_key, allow_check, explain, allow_suggestions) = (
            store.clone(),
            instructions.clone(),
            with_key.clone(),
            allow_check.clone(),
            explain.clone(),
            allow_suggestions.clone(),
        );
        let labels = (*labels).clone();
        move || {
            if store.editor().workspace().labels != labels {
                store.dispatch(Msg::Do(Action::SetLabels(labels.clone())));
            }
            let checked = |r: &NodeRef| r.cast::<HtmlInputElement>().is_some_and(|i| i.checked());
            let text = instructions
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let mut material = store.editor().workspace().clone();
            material.labels = labels.clone();
            Exercise::new(material, &text, checked(&allow_check), checked(&with_key))
                .explaining(checked(&explain))
                .allowing_suggestions(checked(&allow_suggestions))
        }
    };
    let save = {
        let (store, build) = (store.clone(), build.clone());
        Callback::from(move |_| {
            let exercise = build();
            let notice = match download(
                &exercise.file_name(),
                "application/json",
                exercise.export().as_bytes(),
            ) {
                Ok(()) => (NoticeKind::Info, format!("Saved {}", exercise.file_name())),
                Err(message) => (
                    NoticeKind::Error,
                    format!("Could not save the exercise: {message}"),
                ),
            };
            store.dispatch(Msg::Notify(notice.0, notice.1));
        })
    };
    let make_link = {
        let (link, build) = (link.clone(), build.clone());
        Callback::from(move |_| {
            let fragment = build().to_fragment();
            if fragment.len() > MAX_LINK_CHARS {
                link.set(Some(Err(format!(
                    "As a link this exercise is {} characters, too long to share reliably (links over {MAX_LINK_CHARS} characters get cut by mail and chat apps). Save the exercise file and share that instead.",
                    fragment.len()
                ))));
                return;
            }
            let url = format!("{}#{fragment}", base_url());
            if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
                let _ = clipboard.write_text(&url);
            }
            link.set(Some(Ok(url)));
        })
    };
    let link_view = match &*link {
        None => html! {},
        Some(Ok(url)) => html! {
            <div class="share-link">
                <label class="field">
                    <span>{ format!("Share link ({} characters, copied to the clipboard)", url.len()) }</span>
                    <input type="text" readonly=true value={url.clone()} onfocus={Callback::from(|e: FocusEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        input.select();
                    })} />
                </label>
                <p class="hint">{ "Students open it in their browser; it works offline and needs no server." }</p>
            </div>
        },
        Some(Err(message)) => html! { <p class="form-error" role="alert">{ message }</p> },
    };
    html! {
        <Modal title="New exercise" on_close={props.on_close.clone()}>
            <p class="hint">{ "The exercise is this document with its labels and your instructions. Students start with no annotations." }</p>
            <h3>{ "Labels" }</h3>
            <LabelEditor labels={(*labels).clone()} used={used} on_change={on_labels} />
            if let Some(problem) = &problem {
                <p class="form-error" role="alert">{ format!("Fix the labels first: {problem}.") }</p>
            }
            <label class="field">
                <span>{ "Instructions" }</span>
                <textarea ref={instructions} rows="4"
                    placeholder="Find who claims, alleges and proposes what. Attribute each to its source." />
            </label>
            <label class="check">
                <input ref={with_key} type="checkbox" checked={annotations > 0} disabled={annotations == 0} />
                { format!("My {annotations} annotation(s) on this document are the answer key") }
            </label>
            <label class="check">
                <input ref={allow_check} type="checkbox" checked=true />
                { "Students may check their work against the key" }
            </label>
            <label class="check">
                <input ref={explain} type="checkbox" />
                { format!("…and see your notes as explanations of what they missed or labelled otherwise ({notes} of your {annotations} annotation(s) have a note)") }
            </label>
            <label class="check">
                <input ref={allow_suggestions} type="checkbox" />
                { "Students may ask for suggested annotations (found in their browser)" }
            </label>
            { link_view }
            <div class="actions">
                <button type="button" onclick={make_link} disabled={problem.is_some()}>{ "Share link" }</button>
                <button type="button" class="primary" onclick={save} disabled={problem.is_some()}>{ "Save exercise file" }</button>
            </div>
        </Modal>
    }
}
