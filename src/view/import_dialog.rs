//! The import preview: what a file holds and what importing it will do, before anything
//! changes. Confirming dispatches one `Action::Import` (one undo step). The preview lists the
//! documents left out with their problems (the button imports the good ones), lets the user
//! choose the offsets' unit where the file converted or could not tell (the files are read
//! again), whether documents of open texts replace them or are added, and a label for
//! annotations that came without one (`import_choices`).
//!
//! A file whose one document has a different text from the open one can also be placed on the
//! open document: each annotation is found by its quote (`model::reanchor`), and the preview
//! says how many were placed exactly, moved, found with small edits, or not found — those are
//! listed and can be downloaded, never silently dropped. The placing runs in slices between
//! painted frames (`hooks::placing`), with a progress line after half a second.

use std::rc::Rc;

use yew::prelude::*;

use super::dialogs::Modal;
use super::files::download;
use super::hooks::placing::{use_placing, Placing};
use super::import_choices::{RejectedList, UnitChoice, UnlabelledChoice, WhereChoice};
use super::store::use_store;
use crate::model::annotation::LabelId;
use crate::model::boundaries::shorten_end;
use crate::model::formats::preview::{effects, label_unlabelled, unlabelled};
use crate::model::formats::w3c::UNLABELLED;
use crate::model::formats::{self, native, ImportOptions, ImportReport, InputFile, Offsets, Unit};
use crate::model::reanchor::Reanchored;
use crate::model::Workspace;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub file_names: AttrValue,
    /// The files read, to read again in another offset unit.
    pub files: Rc<Vec<InputFile>>,
    pub report: Rc<ImportReport>,
    /// Called with the documents to import and whether they replace open ones of their text.
    pub on_confirm: Callback<(Vec<Workspace>, bool)>,
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

/// The report to show: the one read, or the file read again in the unit the user chose.
#[hook]
fn use_report(props: &ImportProps, unit: Option<Unit>) -> Rc<Result<Rc<ImportReport>, String>> {
    let store = use_store();
    use_memo(
        (Rc::as_ptr(&props.report) as usize, unit),
        move |(_, unit)| match unit {
            None => Ok(props.report.clone()),
            Some(unit) => {
                let editor = store.editor();
                let options = ImportOptions {
                    offsets: Offsets::Fixed(*unit),
                    ..ImportOptions::default()
                };
                formats::import_with(&props.files, &editor.corpus().current_first(), &options)
                    .map(Rc::new)
                    .map_err(|e| e.to_string())
            }
        },
    )
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportProps) -> Html {
    let store = use_store();
    let unit = use_state(|| None::<Unit>);
    let replace_open = use_state(|| true);
    let unlabelled_as = use_state(|| None::<LabelId>);
    let read = use_report(props, *unit);
    // A unit the file cannot be read in keeps the first reading, with the reason shown.
    let report = match read.as_ref() {
        Ok(report) => report.clone(),
        Err(_) => props.report.clone(),
    };
    let editor = store.editor();
    let corpus = editor.corpus();
    let current = corpus.current();
    let targets = effects(corpus, &report.documents, *replace_open);
    let open_texts = effects(corpus, &report.documents, true)
        .iter()
        .flatten()
        .count();
    // Only a single document of another text can be placed on the open one.
    let other_version = match report.documents.as_slice() {
        [only] if corpus.position_of(only.document.id()).is_none() => Some(only.clone()),
        _ => None,
    };
    let (placing, place) = use_placing(report.clone(), Rc::new(current.document.clone()));
    let on_open = placing != Placing::Off;
    let rows = report.documents.iter().zip(&targets).map(|(doc, target)| {
        let effect = match target {
            Some(index) => format!("replaces the open document {} (its annotations)", index + 1),
            None => "new document".to_string(),
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
            let place = place.clone();
            Callback::from(move |_| place.emit(on))
        };
        html! {
            <fieldset class="scopes placement">
                <legend>{ "Where" }</legend>
                <label class="scope"><input type="radio" name="placement" checked={!on_open} onchange={choose(false)} />
                    { format!("Add “{}” as a new document", old.document.title) }</label>
                <label class="scope"><input type="radio" name="placement" checked={on_open} onchange={choose(true)} />
                    { format!("Place its annotations on the open document “{}” (found by their quotes; replaces its annotations)", current.document.title) }</label>
            </fieldset>
        }
    });
    let unlabelled_count = unlabelled(&report.documents);
    let confirm = {
        let (on_confirm, report, placing) =
            (props.on_confirm.clone(), report.clone(), placing.clone());
        let (replace_open, unlabelled_as) = (*replace_open, (*unlabelled_as).clone());
        Callback::from(move |_| match &placing {
            Placing::Done(result) => on_confirm.emit((vec![result.workspace.clone()], true)),
            Placing::Working(_) => {}
            Placing::Off => {
                let documents = match &unlabelled_as {
                    Some(label) => label_unlabelled(&report.documents, label),
                    None => report.documents.clone(),
                };
                on_confirm.emit((documents, replace_open))
            }
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let good = report.documents.len();
    let import_label = if report.rejected.is_empty() {
        "Import".to_string()
    } else {
        format!("Import the {good} good document(s)")
    };
    let choose_unit = {
        let unit = unit.clone();
        Callback::from(move |u: Unit| unit.set(Some(u)))
    };
    let choose_where = {
        let replace_open = replace_open.clone();
        Callback::from(move |on: bool| replace_open.set(on))
    };
    let choose_label = {
        let unlabelled_as = unlabelled_as.clone();
        Callback::from(move |label: Option<LabelId>| unlabelled_as.set(label))
    };
    let labels: Vec<crate::model::Label> = report
        .documents
        .first()
        .map(|d| {
            d.labels
                .iter()
                .filter(|l| l.id.as_str() != UNLABELLED)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    html! {
        <Modal title="Import" on_close={props.on_close.clone()}>
            <p>{ format!("{} is {}: {} document(s), {} annotation(s).", props.file_names, report.format.name(),
                good, report.annotation_count()) }</p>
            if let Err(message) = read.as_ref() { <p class="error" role="alert">{ message }</p> }
            <UnitChoice verdict={report.verdict} chosen={*unit} on_choose={choose_unit} />
            <table class="import-table">
                <thead><tr><th>{ "Document" }</th><th>{ "Annotations" }</th><th>{ "Importing" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !report.rejected.is_empty() { <RejectedList rejected={report.rejected.clone()} /> }
            if open_texts > 0 && other_version.is_none() {
                <WhereChoice open={open_texts} replace_open={*replace_open} on_choose={choose_where} />
            }
            { for choice }
            if let (Placing::Done(result), Some(old)) = (&placing, other_version.as_ref()) { { reanchored_view(result, old) } }
            if let Placing::Working(Some(percent)) = placing {
                <p class="reanchor-report" role="status">{ format!("Placing the annotations by their quotes… {percent}%") }</p>
            }
            if unlabelled_count > 0 {
                <UnlabelledChoice count={unlabelled_count} {labels} chosen={(*unlabelled_as).clone()} on_choose={choose_label} />
            }
            if !report.warnings.is_empty() {
                <h3>{ "Notes" }</h3>
                <ul class="warnings">{ for warnings }</ul>
            }
            <p class="hint">{ "Nothing has changed yet. Importing is one step: Undo takes it back." }</p>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={confirm}
                    disabled={good == 0 || matches!(placing, Placing::Working(_))}>{ import_label }</button>
            </div>
        </Modal>
    }
}
