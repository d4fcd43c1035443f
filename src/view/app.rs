//! The app shell: the store provider, toolbar, document list, reading view, side panel,
//! notices and dialogs, plus the page-wide behaviour (shortcuts, drag-and-drop, autosave).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlElement};
use yew::prelude::*;

use super::autosave::{self, use_autosave};
use super::dialogs::HelpDialog;
use super::document::DocumentView;
use super::document_list::DocumentList;
use super::exercise_dialog::ExerciseDialog;
use super::export_dialog::ExportDialog;
use super::files::{download, file_list, read_files};
use super::import_dialog::ImportDialog;
use super::linking::LinkingBanner;
use super::marks;
use super::open_dialog::OpenDialog;
use super::report::ReportView;
use super::review::ReviewView;
use super::search_bar::SearchBar;
use super::side_panel::SidePanel;
use super::storage;
use super::store::{Msg, NoticeAction, NoticeKind, Store, StoreHandle};
use super::student::StudentStartDialog;
use super::toolbar::Toolbar;
use crate::model::exercise::{self, Exercise};
use crate::model::formats::{self, texts, Format, ImportReport};
use crate::model::text::Document;
use crate::model::{Action, Corpus, Workspace};

/// What fills the page under the toolbar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    Annotate,
    Review,
    Report,
}

/// Which dialog is open.
#[derive(Clone, PartialEq)]
enum Dialog {
    None,
    Open,
    Help,
    Export,
    /// A read import awaiting confirmation.
    Import {
        names: String,
        report: Rc<ImportReport>,
    },
    /// The teacher's exercise dialog.
    Exercise,
    /// A student opened an exercise (file or link) and is asked for their name.
    StartExercise(Rc<Exercise>),
}

/// The store on a fresh start: the seed article (saved work replaces it once restored).
fn initial_store() -> Store {
    Store::new(Corpus::new(Workspace::seed()), storage::load_snap_setting())
}

fn open_documents(store: &StoreHandle, documents: Vec<Document>) {
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

/// Reads files and shows what importing them would do; plain `.txt` files are opened as texts.
/// Errors say what is wrong and change nothing.
fn start_import(files: Vec<File>, store: StoreHandle, dialog: UseStateHandle<Dialog>) {
    if files.is_empty() {
        return;
    }
    marks::mark("claimmark:import-start");
    wasm_bindgen_futures::spawn_local(async move {
        let names = files.iter().map(File::name).collect::<Vec<_>>().join(", ");
        let fail = |message: String| {
            let text =
                format!("Could not import {names}: {message}\nYour current work is unchanged.");
            store.dispatch(Msg::Notify(NoticeKind::Error, text));
        };
        let inputs = match read_files(&files).await {
            Ok(inputs) => inputs,
            Err(message) => return fail(message),
        };
        if inputs
            .iter()
            .all(|f| f.name.to_ascii_lowercase().ends_with(".txt"))
        {
            match texts::documents(&inputs) {
                Ok(documents) => open_documents(&store, documents),
                Err(error) => fail(error.to_string()),
            }
            return;
        }
        let result = {
            let editor = store.editor();
            let corpus = editor.corpus();
            // The shown document first: W3C annotations without a known document land there.
            let mut known = vec![corpus.current()];
            known.extend(
                corpus
                    .documents()
                    .iter()
                    .filter(|d| d.document.id() != corpus.current().document.id()),
            );
            formats::import(&inputs, &known)
        };
        match result {
            Ok(report) => {
                dialog.set(Dialog::Import {
                    names,
                    report: Rc::new(report),
                });
                marks::mark_after_paint("claimmark:import-preview");
            }
            Err(error) => fail(error.to_string()),
        }
    });
}

/// Starts (or resumes) an exercise as the student `name`: the student's document is shown if
/// they already have it, else it is imported fresh (one undo step, replacing the annotations
/// of the same text if it was open). The exercise is kept so "Check my work" survives reloads.
fn start_exercise(store: &StoreHandle, exercise: &Exercise, name: String) {
    storage::save_exercise(exercise);
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

/// An exercise in the page's link, if any; a broken one is reported.
fn exercise_in_link(store: &StoreHandle) -> Option<Exercise> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if !hash
        .trim_start_matches('#')
        .starts_with(exercise::FRAGMENT_PREFIX)
    {
        return None;
    }
    match exercise::from_fragment(&hash) {
        Ok(exercise) => Some(exercise),
        Err(error) => {
            store.dispatch(Msg::Notify(
                NoticeKind::Error,
                format!("This exercise link cannot be opened: {error}"),
            ));
            None
        }
    }
}

/// Downloads every open document as claimmark JSON Lines (the way out when saving fails).
fn export_everything(store: &StoreHandle) {
    let file = {
        let editor = store.editor();
        let documents: Vec<&Workspace> = editor.corpus().documents().iter().collect();
        formats::export(Format::Native, &documents)
    };
    let notice = match download(&file.name, file.mime, &file.bytes) {
        Ok(()) => (NoticeKind::Info, format!("Exported {}", file.name)),
        Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
    };
    store.dispatch(Msg::Notify(notice.0, notice.1));
}

/// True when keyboard focus is in a field that has its own meaning for shortcut keys.
fn typing_in_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|t| {
            matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || t.is_content_editable()
        })
}

/// Handles a page-wide key: undo, redo, documents, moving between annotations, editing and
/// deleting the selected one, help. Keys typed into fields, or already handled, are left alone.
fn on_shortcut(event: &web_sys::Event, store: &StoreHandle, dialog: &UseStateHandle<Dialog>) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if **dialog != Dialog::None || key.default_prevented() {
        return;
    }
    if (key.ctrl_key() || key.meta_key()) && key.key().eq_ignore_ascii_case("f") {
        key.prevent_default();
        store.dispatch(Msg::Search(true));
        return;
    }
    if typing_in_field(event) {
        return;
    }
    let command = key.ctrl_key() || key.meta_key();
    let (current, count, neighbour) = {
        let editor = store.editor();
        let annotations = editor.workspace().annotations();
        let at = store
            .selected
            .as_ref()
            .and_then(|id| annotations.iter().position(|a| &a.id == id));
        let next = match at {
            Some(i) => annotations.get(i + 1),
            None => annotations.first(),
        };
        let previous = match at {
            Some(i) => i.checked_sub(1).and_then(|p| annotations.get(p)),
            None => annotations.last(),
        };
        (
            editor.corpus().current_index(),
            editor.corpus().len(),
            [next.map(|a| a.id.clone()), previous.map(|a| a.id.clone())],
        )
    };
    let msg = match key.key().as_str() {
        "z" | "Z" if command && key.shift_key() => Msg::Redo,
        "z" | "Z" if command => Msg::Undo,
        "y" | "Y" if command => Msg::Redo,
        "[" if !command && current > 0 => Msg::Show(current - 1),
        "]" if !command && current + 1 < count => Msg::Show(current + 1),
        "j" | "k" if !command => {
            let [next, previous] = neighbour;
            if let Some(id) = if key.key() == "j" { next } else { previous } {
                key.prevent_default();
                store.dispatch(Msg::Reveal(id));
            }
            return;
        }
        "Delete" | "Backspace" if !command && store.selected.is_some() => {
            let Some(id) = store.selected.clone() else {
                return;
            };
            Msg::Do(Action::Delete { id })
        }
        "e" if !command && store.selected.is_some() => {
            key.prevent_default();
            let field = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector(".selected-annotation input[type=text]")
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
            return;
        }
        "Escape" if store.linking.is_some() => {
            store.dispatch(Msg::Link(None));
            return;
        }
        "Escape" if store.selected.is_some() => {
            store.dispatch(Msg::Select(None));
            return;
        }
        "?" => {
            key.prevent_default();
            dialog.set(Dialog::Help);
            return;
        }
        _ => return,
    };
    key.prevent_default();
    store.dispatch(msg);
}

/// Runs `model::rehearsal` and `warm_up::menu_fonts` once the browser is idle, so that the
/// first import of the session runs compiled code and the first tag menu finds its fonts cached
/// (see those modules).
fn rehearse_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let rehearse = Closure::once_into_js(|| {
        let _ = std::hint::black_box(crate::model::rehearsal::rehearse());
        super::warm_up::menu_fonts();
    });
    if window
        .request_idle_callback(rehearse.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(rehearse.unchecked_ref());
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(initial_store);
    let dialog = use_state(|| Dialog::None);
    let dragging = use_state(|| false);
    let screen = use_state(|| Screen::Annotate);

    let loaded = use_autosave(store.clone());
    {
        let (store, dialog) = (store.clone(), dialog.clone());
        use_effect_with(loaded, move |loaded| {
            if *loaded {
                rehearse_when_idle();
                if let Some(exercise) = exercise_in_link(&store) {
                    dialog.set(Dialog::StartExercise(Rc::new(exercise)));
                }
            }
        });
    }
    use_effect_with(store.snap_to_words, |on| storage::save_snap_setting(*on));
    // Information fades after a while; errors stay until dismissed.
    {
        let store = store.clone();
        let info = store
            .notice
            .as_ref()
            .filter(|n| n.kind == NoticeKind::Info)
            .map(|n| n.serial);
        use_effect_with(info, move |serial| {
            let timer = serial.map(|serial| {
                gloo_timers::callback::Timeout::new(6_000, move || {
                    if store.notice.as_ref().is_some_and(|n| n.serial == serial) {
                        store.dispatch(Msg::DismissNotice);
                    }
                })
            });
            move || drop(timer)
        });
    }

    {
        let (store, dialog) = (store.clone(), dialog.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            // Not passive: preventing the default stops the browser's own undo of form fields.
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    on_shortcut(event, &store, &dialog)
                });
            move || drop(listener)
        });
    }

    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(Dialog::None))
    };
    let on_import = {
        let (store, dialog) = (store.clone(), dialog.clone());
        Callback::from(move |files: Vec<File>| start_import(files, store.clone(), dialog.clone()))
    };
    let on_export = {
        let (store, dialog) = (store.clone(), dialog.clone());
        Callback::from(move |(format, all): (Format, bool)| {
            marks::mark("claimmark:export-start");
            let file = {
                let editor = store.editor();
                let corpus = editor.corpus();
                let documents: Vec<&Workspace> = if all {
                    corpus.documents().iter().collect()
                } else {
                    vec![corpus.current()]
                };
                formats::export(format, &documents)
            };
            let downloaded = download(&file.name, file.mime, &file.bytes);
            marks::mark("claimmark:export-done");
            let notice = match downloaded {
                Ok(()) => (NoticeKind::Info, format!("Exported {}", file.name)),
                Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
            };
            dialog.set(Dialog::None);
            store.dispatch(Msg::Notify(notice.0, notice.1));
        })
    };
    let on_open = {
        let (store, dialog) = (store.clone(), dialog.clone());
        Callback::from(move |documents: Vec<Document>| {
            open_documents(&store, documents);
            dialog.set(Dialog::None);
        })
    };

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Leaving for a child element is not leaving the page.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dragging, on_import) = (dragging.clone(), on_import.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            on_import.emit(file_list(event.data_transfer().and_then(|d| d.files())));
        })
    };

    let notice = store.notice.clone().map(|notice| {
        let dismiss = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Msg::DismissNotice))
        };
        let class = match notice.kind {
            NoticeKind::Info => "notice info",
            NoticeKind::Error => "notice error",
        };
        let buttons = notice.actions.iter().map(|action| {
            let store = store.clone();
            let (label, run): (&str, Callback<MouseEvent>) = match action {
                NoticeAction::ExportAll => ("Export everything", Callback::from(move |_| export_everything(&store))),
                NoticeAction::LoadSaved => ("Load the other tab's work", Callback::from(move |_| autosave::load_saved(&store))),
                NoticeAction::KeepThisTab => ("Keep this tab's work", Callback::from(move |_| autosave::keep_this_tab(&store))),
            };
            html! { <button type="button" class="notice-action" onclick={run}>{ label }</button> }
        });
        html! {
            <div class={class} key={notice.serial}>
                <p>{ notice.text }</p>
                { for buttons }
                <button type="button" class="close" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let (error_notice, info_notice) = match store.notice.as_ref().map(|n| n.kind) {
        Some(NoticeKind::Error) => (notice, None),
        _ => (None, notice),
    };

    let dialog_view = {
        let editor = store.editor();
        let corpus = editor.corpus();
        match &*dialog {
            Dialog::None => html! {},
            Dialog::Open => html! { <OpenDialog on_open={on_open} on_close={close.clone()} /> },
            Dialog::Help => {
                html! { <HelpDialog labels={Rc::new(corpus.current().labels.clone())} on_close={close.clone()} /> }
            }
            Dialog::Export => html! {
                <ExportDialog current_title={corpus.current().document.title.clone()} documents={corpus.len()}
                    on_export={on_export} on_close={close.clone()} />
            },
            Dialog::Exercise => html! { <ExerciseDialog on_close={close.clone()} /> },
            Dialog::StartExercise(exercise) => {
                let on_start = {
                    let (store, dialog, exercise) =
                        (store.clone(), dialog.clone(), exercise.clone());
                    Callback::from(move |name: String| {
                        start_exercise(&store, &exercise, name);
                        dialog.set(Dialog::None);
                    })
                };
                html! { <StudentStartDialog exercise={exercise.clone()} on_start={on_start} on_close={close.clone()} /> }
            }
            Dialog::Import { names, report } => {
                let on_confirm = {
                    let (store, dialog, names) = (store.clone(), dialog.clone(), names.clone());
                    Callback::from(move |documents: Vec<Workspace>| {
                        let count: usize = documents.iter().map(|d| d.annotations().len()).sum();
                        let description = format!("import {count} annotation(s) from {names}");
                        marks::mark("claimmark:import-confirmed");
                        store.dispatch(Msg::Do(Action::Import {
                            documents,
                            description,
                        }));
                        dialog.set(Dialog::None);
                        marks::mark_after_paint("claimmark:import-done");
                    })
                };
                let open_ids: Vec<String> = corpus
                    .documents()
                    .iter()
                    .map(|d| d.document.id().to_string())
                    .collect();
                html! {
                    <ImportDialog file_names={names.clone()} report={report.clone()} open_ids={Rc::new(open_ids)}
                        current={Rc::new(corpus.current().clone())} on_confirm={on_confirm} on_close={close.clone()} />
                }
            }
        }
    };

    let open_dialog = |which: Dialog| {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(which.clone()))
    };
    let show = |which: Screen| {
        let screen = screen.clone();
        Callback::from(move |_| screen.set(which))
    };
    let main = if !loaded {
        html! { <p class="loading" role="status">{ "Opening your work…" }</p> }
    } else if *screen == Screen::Review {
        html! { <ReviewView on_close={show(Screen::Annotate)} /> }
    } else if *screen == Screen::Report {
        html! { <ReportView on_close={show(Screen::Annotate)} /> }
    } else {
        let many = store.editor().corpus().len() > 1;
        html! {
            <div class={classes!("layout", many.then_some("has-documents"))}>
                <DocumentList />
                <div class="doc-column">
                    <SearchBar />
                    <DocumentView />
                </div>
                <SidePanel />
            </div>
        }
    };
    html! {
        <ContextProvider<StoreHandle> context={store.clone()}>
            <div class={classes!("app", dragging.then_some("is-dragging"))} {ondragover} {ondragleave} {ondrop}>
                <Toolbar on_open={open_dialog(Dialog::Open)} on_import={on_import}
                    on_export={open_dialog(Dialog::Export)} on_help={open_dialog(Dialog::Help)}
                    on_exercise={open_dialog(Dialog::Exercise)} on_review={show(Screen::Review)} on_report={show(Screen::Report)} />
                <div class="status" role="status" aria-live="polite">{ for info_notice }</div>
                <div class="alerts" role="alert">{ for error_notice }</div>
                <LinkingBanner />
                { main }
                { dialog_view }
                if *dragging && *screen == Screen::Annotate {
                    <div class="drop-overlay" aria-hidden="true">
                        <p>{ "Drop annotation files to import them, or .txt files to open them" }</p>
                    </div>
                }
            </div>
        </ContextProvider<StoreHandle>>
    }
}
