//! The import preview: what a file holds and what importing it will do, before anything
//! changes. Confirming dispatches one `Action::Import` (one undo step).

use std::rc::Rc;

use yew::prelude::*;

use super::dialogs::Modal;
use crate::model::formats::ImportReport;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub file_names: AttrValue,
    pub report: Rc<ImportReport>,
    /// Content ids of the documents already open.
    pub open_ids: Rc<Vec<String>>,
    pub on_confirm: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportProps) -> Html {
    let report = &props.report;
    let rows = report.documents.iter().map(|doc| {
        let replaces = props.open_ids.iter().any(|id| id == doc.document.id());
        let effect = if replaces {
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
    let confirm = {
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |_| on_confirm.emit(()))
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
