//! Which dialog is open ([`Dialog`]) and the component that shows it ([`DialogHost`]), with
//! what each dialog's confirming button does: open texts, export, import what the preview
//! showed, start an exercise.

use std::rc::Rc;

use yew::prelude::*;

use super::dialogs::HelpDialog;
use super::exercise_dialog::ExerciseDialog;
use super::export_dialog::ExportDialog;
use super::files::download;
use super::import_dialog::ImportDialog;
use super::labels_editor::LabelsDialog;
use super::marks;
use super::open_dialog::OpenDialog;
use super::storage;
use super::store::{use_store, Msg, NoticeKind, StoreHandle};
use super::student::StudentStartDialog;
use crate::model::exercise::Exercise;
use crate::model::formats::{self, Format, ImportReport, InputFile, Unit};
use crate::model::text::Document;
use crate::model::{Action, Workspace};

/// Which dialog is open.
#[derive(Clone, PartialEq)]
pub enum Dialog {
    None,
    Open,
    Help,
    Export,
    /// A read import awaiting confirmation.
    Import {
        names: String,
        files: Rc<Vec<InputFile>>,
        report: Rc<ImportReport>,
    },
    /// The teacher's exercise dialog.
    Exercise,
    /// The label set's editor.
    Labels,
    /// A student opened an exercise (file or link) and is asked for their name.
    StartExercise(Rc<Exercise>),
}

/// Opens `documents` as new documents of the corpus (one undo step).
pub fn open_documents(store: &StoreHandle, documents: Vec<Document>) {
    let description = match documents.as_slice() {
        [one] => format!("open “{}”", one.title),
        many => format!("open {} texts", many.len()),
    };
    let documents = documents.into_iter().map(Workspace::new).collect();
    store.dispatch(Msg::Do(Action::Open {
        documents,
        description,
    }));
}

/// Starts (or resumes) an exercise as the student `name`: the student's document is shown if
/// they already have it, else it is imported fresh (one undo step, replacing the annotations
/// of the same text if it was open). The exercise is saved so "Check my work" survives
/// reloads, and held in the store, so its key is not read back.
fn start_exercise(store: &StoreHandle, exercise: &Rc<Exercise>, name: String) {
    storage::save_exercise(exercise);
    store.dispatch(Msg::SetExercise(exercise.clone()));
    let existing = {
        let editor = store.editor();
        let corpus = editor.corpus();
        corpus.documents().iter().position(|d| {
            d.document.id() == exercise.material.document.id()
                && d.exercise.as_ref().is_some_and(|e| e.id == exercise.id)
        })
    };
    match existing {
        Some(index) => store.dispatch(Msg::Show(index)),
        None => store.dispatch(Msg::Do(Action::Import {
            documents: vec![exercise.student_workspace(&name)],
            description: format!("start the exercise as {name}"),
            replace_open: true,
        })),
    }
    // The link has done its work; a reload should not ask again.
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Exports the shown document, or `all` of them, in `format` and closes the dialog.
fn export(
    store: &StoreHandle,
    dialog: &UseStateHandle<Dialog>,
    format: Format,
    all: bool,
    unit: Unit,
) {
    marks::mark("claimmark:export-start");
    let file = {
        let editor = store.editor();
        let corpus = editor.corpus();
        let documents: Vec<&Workspace> = if all {
            corpus.documents().iter().collect()
        } else {
            vec![corpus.current()]
        };
        formats::export_in(format, &documents, unit)
    };
    let downloaded = download(&file.name, file.mime, &file.bytes);
    marks::mark("claimmark:export-done");
    let notice = match downloaded {
        Ok(()) => (NoticeKind::Info, format!("Exported {}", file.name)),
        Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
    };
    dialog.set(Dialog::None);
    store.dispatch(Msg::Notify(notice.0, notice.1));
}

/// Applies a confirmed import of `documents` read from the files `names` (one undo step).
fn confirm_import(store: &StoreHandle, names: &str, documents: Vec<Workspace>, replace_open: bool) {
    let count: usize = documents.iter().map(|d| d.annotations().len()).sum();
    let description = format!("import {count} annotation(s) from {names}");
    marks::mark("claimmark:import-confirmed");
    store.dispatch(Msg::Do(Action::Import {
        documents,
        description,
        replace_open,
    }));
}

#[derive(Properties, PartialEq)]
pub struct DialogHostProps {
    pub dialog: UseStateHandle<Dialog>,
}

/// The open dialog, if any.
#[function_component(DialogHost)]
pub fn dialog_host(props: &DialogHostProps) -> Html {
    let store = use_store();
    let dialog = &props.dialog;
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(Dialog::None))
    };
    let editor = store.editor();
    let corpus = editor.corpus();
    match &**dialog {
        Dialog::None => html! {},
        Dialog::Open => {
            let on_open = {
                let (store, dialog) = (store.clone(), dialog.clone());
                Callback::from(move |documents: Vec<Document>| {
                    open_documents(&store, documents);
                    dialog.set(Dialog::None);
                })
            };
            html! { <OpenDialog on_open={on_open} on_close={close} /> }
        }
        Dialog::Help => {
            html! { <HelpDialog labels={Rc::new(corpus.current().labels.clone())} on_close={close} /> }
        }
        Dialog::Export => {
            let on_export = {
                let (store, dialog) = (store.clone(), dialog.clone());
                Callback::from(move |(format, all, unit): (Format, bool, Unit)| {
                    export(&store, &dialog, format, all, unit)
                })
            };
            html! {
                <ExportDialog current_title={corpus.current().document.title.clone()} documents={corpus.len()}
                    on_export={on_export} on_close={close} />
            }
        }
        Dialog::Exercise => html! { <ExerciseDialog on_close={close} /> },
        Dialog::Labels => html! { <LabelsDialog on_close={close} /> },
        Dialog::StartExercise(exercise) => {
            let on_start = {
                let (store, dialog, exercise) = (store.clone(), dialog.clone(), exercise.clone());
                Callback::from(move |name: String| {
                    start_exercise(&store, &exercise, name);
                    dialog.set(Dialog::None);
                })
            };
            let returning = {
                let editor = store.editor();
                let saved = editor.corpus().documents().iter().find(|d| {
                    d.exercise.as_ref().is_some_and(|e| e.id == exercise.id)
                        && d.document.id() == exercise.material.document.id()
                });
                saved.map(|d| (d.annotator.clone(), d.annotations().len()))
            };
            html! { <StudentStartDialog exercise={exercise.clone()} {on_start} on_close={close} {returning} /> }
        }
        Dialog::Import {
            names,
            files,
            report,
        } => {
            let on_confirm = {
                let (store, dialog, names) = (store.clone(), dialog.clone(), names.clone());
                Callback::from(move |(documents, replace_open): (Vec<Workspace>, bool)| {
                    confirm_import(&store, &names, documents, replace_open);
                    dialog.set(Dialog::None);
                    marks::mark_after_paint("claimmark:import-done");
                })
            };
            html! {
                <ImportDialog file_names={names.clone()} files={files.clone()} report={report.clone()}
                    on_confirm={on_confirm} on_close={close} />
            }
        }
    }
}
