//! The import preview: what a file holds and what importing it will do, before anything
//! changes. Confirming dispatches one `Action::Import` (one undo step).
//!
//! A file whose one document has a different text from the open one can also be placed on the
//! open document: each annotation is found by its quote (`model::reanchor`), and the preview
//! says how many were placed exactly, moved, found with small edits, or not found — those are
//! listed and can be downloaded, never silently dropped. The placing runs in slices of about
//! 12 ms, one after each painted frame, so the page stays responsive on a large document; after
//! half a second a progress line says how far it is.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::dialogs::Modal;
use super::files::download;
use super::frames::after_paint;
use crate::model::boundaries::shorten_end;
use crate::model::formats::{native, ImportReport};
use crate::model::reanchor::{Reanchored, Reanchoring};
use crate::model::Workspace;

/// How long one slice of placing runs before the page gets a frame, and how long placing may
/// take before a progress line is shown, in milliseconds.
const SLICE_MS: f64 = 12.0;
const PROGRESS_AFTER_MS: f64 = 500.0;
/// The budget of one `Reanchoring::step`; the clock is read between steps.
const STEP: usize = 256;

/// Placing the file's annotations on the open document: not chosen, under way (with the
/// percent once it is shown), or done.
#[derive(Clone, PartialEq)]
enum Placing {
    Off,
    Working(Option<usize>),
    Done(Rc<Reanchored>),
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A placing under way: the work, the file whose one document it places, when it began, and
/// its number (a later choice, or closing the dialog, moves `latest` on, which stops it).
struct Run {
    job: Reanchoring,
    report: Rc<ImportReport>,
    began: f64,
    number: u32,
    latest: Rc<Cell<u32>>,
    placing: UseStateHandle<Placing>,
}

/// Works for one slice; then, unless done or stopped, again after the next frame is painted.
fn work(mut run: Run) {
    let slice = now();
    loop {
        if run.job.step(STEP) {
            let result = run.job.finish(&run.report.documents[0]);
            run.placing.set(Placing::Done(Rc::new(result)));
            return;
        }
        if now() - slice > SLICE_MS {
            break;
        }
    }
    if now() - run.began > PROGRESS_AFTER_MS {
        run.placing.set(Placing::Working(Some(run.job.percent())));
    }
    after_paint(move || {
        if run.latest.get() == run.number {
            work(run);
        }
    });
}

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
    let placing = use_state(|| Placing::Off);
    let latest = use_memo((), |_| Cell::new(0u32));
    {
        // Another file, or closing the dialog, stops the placing.
        let (placing, run) = (placing.clone(), latest.clone());
        use_effect_with(Rc::as_ptr(report) as usize, move |_| {
            if *placing != Placing::Off {
                placing.set(Placing::Off);
            }
            move || run.set(run.get() + 1)
        });
    }
    let is_open = |w: &Workspace| props.open_ids.iter().any(|id| id == w.document.id());
    // Only a single document of another text can be placed on the open one.
    let other_version = match report.documents.as_slice() {
        [only] if !is_open(only) => Some(only),
        _ => None,
    };
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
    let on_open = *placing != Placing::Off;
    let choice = other_version.map(|old| {
        let choose = |on: bool| {
            let (placing, latest, report) = (placing.clone(), latest.clone(), report.clone());
            let current = props.current.clone();
            Callback::from(move |_| {
                latest.set(latest.get() + 1);
                if !on {
                    return placing.set(Placing::Off);
                }
                placing.set(Placing::Working(None));
                work(Run {
                    job: Reanchoring::new(&report.documents[0], &current.document),
                    report: report.clone(),
                    began: now(),
                    number: latest.get(),
                    latest: latest.clone(),
                    placing: placing.clone(),
                });
            })
        };
        html! {
            <fieldset class="scopes placement">
                <legend>{ "Where" }</legend>
                <label class="scope"><input type="radio" name="placement" checked={!on_open} onchange={choose(false)} />
                    { format!("Add “{}” as a new document", old.document.title) }</label>
                <label class="scope"><input type="radio" name="placement" checked={on_open} onchange={choose(true)} />
                    { format!("Place its annotations on the open document “{}” (found by their quotes; replaces its annotations)", props.current.document.title) }</label>
            </fieldset>
        }
    });
    let confirm = {
        let (on_confirm, report, placing) =
            (props.on_confirm.clone(), report.clone(), placing.clone());
        Callback::from(move |_| match &*placing {
            Placing::Done(result) => on_confirm.emit(vec![result.workspace.clone()]),
            Placing::Off => on_confirm.emit(report.documents.clone()),
            Placing::Working(_) => {}
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
            if let (Placing::Done(result), Some(old)) = (&*placing, other_version) { { reanchored_view(result, old) } }
            if let Placing::Working(Some(percent)) = *placing {
                <p class="reanchor-report" role="status">{ format!("Placing the annotations by their quotes… {percent}%") }</p>
            }
            if !report.warnings.is_empty() {
                <h3>{ "Notes" }</h3>
                <ul class="warnings">{ for warnings }</ul>
            }
            <p class="hint">{ "Nothing has changed yet. Importing is one step: Undo takes it back." }</p>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={confirm}
                    disabled={matches!(*placing, Placing::Working(_))}>{ "Import" }</button>
            </div>
        </Modal>
    }
}
