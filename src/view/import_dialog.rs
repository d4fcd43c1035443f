//! The import preview: what a file holds and what importing it will do, before anything
//! changes. Confirming dispatches one `Action::Import` (one undo step).
//!
//! A file whose one document has a different text from the open one can also be placed on the
//! open document: each annotation is found by its quote (`model::reanchor`), and the preview
//! says how many were placed exactly, moved, found with small edits, or not found — those are
//! listed and can be downloaded, never silently dropped.

use std::rc::Rc;

use yew::prelude::*;

use super::dialogs::Modal;
use super::files::download;
use crate::model::boundaries::shorten_end;
use crate::model::formats::{native, ImportReport};
use crate::model::reanchor::{reanchor, Reanchored};
use crate::model::Workspace;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub file_names: AttrValue,
    pub report: Rc<ImportReport>,
    /// Content ids of the documents already open.
    pub open_ids: Rc<Vec<String>>,
    /// The document being shown, onto which a different version's annotations can be placed.
    pub current: Rc<Workspace>,
    /// Called with the documents to import.
    pub on_confirm: Callback<Vec<Workspace>>,
    pub on_close: Callback<()>,
}

fn reanchored_view(result: &Reanchored, old: &Workspace) -> Html {
    let unplaced = result.unplaced.iter().take(8).map(|a| {
        let quote = shorten_end(old.quote(a), 80);
        html! { <li>{ format!("“{quote}”") }</li> }
    });
    let download_unplaced = {
        let kept = Workspace::from_parts(
            old.document.clone(),
            old.labels.clone(),
            old.sources.clone(),
            result.unplaced.clone(),
        );
        Callback::from(move |_| {
            let name = format!(
                "{} — not placed.claimmark.json",
                crate::model::formats::safe_stem(&kept.document.title)
            );
            let _ = download(&name, "application/json", native::export(&kept).as_bytes());
        })
    };
    html! {
        <div class="reanchor-report" role="status">
            <p>{ format!(
                "Placed {} at the same place, {} moved, {} found with small edits; {} not found.",
                result.exact, result.moved, result.edited, result.unplaced.len()) }
                if result.mentions_dropped > 0 { { format!(" {} source mention(s) or reporting cue(s) could not be placed; their annotations keep the source's name.", result.mentions_dropped) } }
            </p>
            if !result.unplaced.is_empty() {
                <p>{ "Not found in the open text (they are not imported):" }</p>
                <ul class="warnings">{ for unplaced }</ul>
                <button type="button" onclick={download_unplaced}>{ "Download the ones not found" }</button>
            }
        </div>
    }
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportProps) -> Html {
    let report = &props.report;
    let place_on_open = use_state(|| false);
    let is_open = |w: &Workspace| props.open_ids.iter().any(|id| id == w.document.id());
    // Only a single document of another text can be placed on the open one.
    let other_version = match report.documents.as_slice() {
        [only] if !is_open(only) => Some(only.clone()),
        _ => None,
    };
    let reanchored = use_memo((Rc::as_ptr(report) as usize, *place_on_open), |(_, on)| {
        other_version
            .as_ref()
            .filter(|_| *on)
            .map(|old| reanchor(old, &props.current.document))
    });
    let rows = report.documents.iter().map(|doc| {
        let effect = if is_open(doc) {
            "replaces the annotations of the open document"
        } else {
            "new document"
        };
        html! {
            <tr>
                <td>{ &doc.document.title }</td>
                <td class="number">{ doc.annotations().len() }</td>
                <td>{ effect }</td>
            </tr>
        }
    });
    let warnings = report.warnings.iter().map(|w| html! { <li>{ w }</li> });
    let choice = other_version.as_ref().map(|old| {
        let choose = |on: bool| {
            let place_on_open = place_on_open.clone();
            Callback::from(move |_| place_on_open.set(on))
        };
        html! {
            <fieldset class="scopes placement">
                <legend>{ "Where" }</legend>
                <label class="scope"><input type="radio" name="placement" checked={!*place_on_open} onchange={choose(false)} />
                    { format!("Add “{}” as a new document", old.document.title) }</label>
                <label class="scope"><input type="radio" name="placement" checked={*place_on_open} onchange={choose(true)} />
                    { format!("Place its annotations on the open document “{}” (found by their quotes; replaces its annotations)", props.current.document.title) }</label>
            </fieldset>
        }
    });
    let confirm = {
        let (on_confirm, report, reanchored) =
            (props.on_confirm.clone(), report.clone(), reanchored.clone());
        Callback::from(move |_| match reanchored.as_ref() {
            Some(result) => on_confirm.emit(vec![result.workspace.clone()]),
            None => on_confirm.emit(report.documents.clone()),
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    html! {
        <Modal title="Import" on_close={props.on_close.clone()}>
            <p>{ format!("{} is {}: {} document(s), {} annotation(s).", props.file_names, report.format.name(),
                report.documents.len(), report.annotation_count()) }</p>
            <table class="import-table">
                <thead><tr><th>{ "Document" }</th><th>{ "Annotations" }</th><th>{ "Importing" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            { for choice }
            if let (Some(result), Some(old)) = (reanchored.as_ref(), other_version.as_ref()) { { reanchored_view(result, old) } }
            if !report.warnings.is_empty() {
                <h3>{ "Notes" }</h3>
                <ul class="warnings">{ for warnings }</ul>
            }
            <p class="hint">{ "Nothing has changed yet. Importing is one step: Undo takes it back." }</p>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={confirm}>{ "Import" }</button>
            </div>
        </Modal>
    }
}
