//! The app shell: the store provider, toolbar, reading view, side panel, status area and
//! dialogs, plus the page-wide behaviour (shortcuts, drag-and-drop import, autosave).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlElement};
use yew::prelude::*;

use super::annotation_list::AnnotationList;
use super::dialogs::{ConfirmDocumentDialog, HelpDialog, OpenTextDialog};
use super::document::DocumentView;
use super::files::{download, read_text};
use super::storage;
use super::store::{Msg, NoticeKind, Store, StoreHandle};
use super::toolbar::Toolbar;
use crate::model::formats::native::{self, Imported};
use crate::model::{Action, Document, Workspace};

/// Which dialog is open.
#[derive(Clone, PartialEq)]
enum Dialog {
    None,
    OpenText,
    Help,
    /// An imported file whose document differs from the open one, awaiting confirmation.
    OtherDocument {
        file_name: String,
        imported: Rc<Imported>,
    },
}

/// The initial store: saved work if there is any, else the seed article.
fn initial_store() -> Store {
    let snap = storage::load_snap_setting();
    match storage::load_workspace() {
        Ok(Some(workspace)) => Store::new(workspace, snap),
        Ok(None) => Store::new(Workspace::seed(), snap),
        Err(message) => {
            let store = Rc::new(Store::new(Workspace::seed(), snap));
            let store =
                yew::functional::Reducible::reduce(store, Msg::Notify(NoticeKind::Error, message));
            (*store).clone()
        }
    }
}

/// Reads a file and imports it: the same document replaces the annotations; another
/// document asks first; an error says what is wrong and changes nothing.
fn import_file(file: File, store: StoreHandle, dialog: UseStateHandle<Dialog>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let result = read_text(&file)
            .await
            .and_then(|text| native::import(&text).map_err(|e| e.to_string()));
        let imported = match result {
            Ok(imported) => imported,
            Err(message) => {
                let text =
                    format!("Could not import {name}: {message}\nYour current work is unchanged.");
                store.dispatch(Msg::Notify(NoticeKind::Error, text));
                return;
            }
        };
        let same_document =
            imported.workspace.document.id() == store.editor().workspace().document.id();
        if same_document {
            load_imported(&store, &name, imported);
        } else {
            dialog.set(Dialog::OtherDocument {
                file_name: name,
                imported: Rc::new(imported),
            });
        }
    });
}

fn load_imported(store: &StoreHandle, file_name: &str, imported: Imported) {
    let count = imported.workspace.annotations().len();
    let mut description = format!("import {count} annotation(s) from {file_name}");
    for warning in &imported.warnings {
        description.push_str(&format!("\nNote: {warning}"));
    }
    store.dispatch(Msg::Do(Action::Load {
        workspace: Box::new(imported.workspace),
        description,
    }));
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

/// Handles a page-wide key: undo, redo, help. Keys typed into fields are left alone.
fn on_shortcut(event: &web_sys::Event, store: &StoreHandle, dialog: &UseStateHandle<Dialog>) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if typing_in_field(event) {
        return;
    }
    let command = key.ctrl_key() || key.meta_key();
    let action = match key.key().as_str() {
        "z" | "Z" if command && key.shift_key() => Action::Redo,
        "z" | "Z" if command => Action::Undo,
        "y" | "Y" if command => Action::Redo,
        "?" => {
            key.prevent_default();
            dialog.set(Dialog::Help);
            return;
        }
        _ => return,
    };
    key.prevent_default();
    store.dispatch(Msg::Do(action));
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(initial_store);
    let dialog = use_state(|| Dialog::None);
    let dragging = use_state(|| false);

    // Autosave after every change to the workspace.
    {
        let store = store.clone();
        use_effect_with(store.revision, move |_| {
            if let Err(message) = storage::save_workspace(store.editor().workspace()) {
                store.dispatch(Msg::Notify(NoticeKind::Error, message));
            }
        });
    }
    {
        use_effect_with(store.snap_to_words, |on| storage::save_snap_setting(*on));
    }

    // Page-wide shortcuts: undo, redo, help.
    {
        let store = store.clone();
        let dialog = dialog.clone();
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
        Callback::from(move |file: File| import_file(file, store.clone(), dialog.clone()))
    };
    let on_export = {
        let store = store.clone();
        Callback::from(move |_| {
            let (name, contents) = {
                let editor = store.editor();
                let workspace = editor.workspace();
                (
                    native::export_file_name(&workspace.document.title),
                    native::export(workspace),
                )
            };
            let notice = match download(&name, "application/json", &contents) {
                Ok(()) => (NoticeKind::Info, format!("Exported {name}")),
                Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
            };
            store.dispatch(Msg::Notify(notice.0, notice.1));
        })
    };
    let on_open_text = {
        let (store, dialog) = (store.clone(), dialog.clone());
        Callback::from(move |(title, text): (String, String)| {
            let description = format!("open “{title}”");
            let workspace = Workspace::new(Document::new(title, text));
            store.dispatch(Msg::Do(Action::Load {
                workspace: Box::new(workspace),
                description,
            }));
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
            if let Some(file) = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_import.emit(file);
            }
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
        html! {
            <div class={class} key={notice.serial}>
                <p>{ notice.text }</p>
                <button type="button" class="close" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let (error_notice, info_notice) = match store.notice.as_ref().map(|n| n.kind) {
        Some(NoticeKind::Error) => (notice, None),
        _ => (None, notice),
    };

    let labels = Rc::new(store.editor().workspace().labels.clone());
    let dialog_view = match &*dialog {
        Dialog::None => html! {},
        Dialog::OpenText => {
            html! { <OpenTextDialog on_open={on_open_text} on_close={close.clone()} /> }
        }
        Dialog::Help => html! { <HelpDialog labels={labels} on_close={close.clone()} /> },
        Dialog::OtherDocument {
            file_name,
            imported,
        } => {
            let on_confirm = {
                let (store, dialog) = (store.clone(), dialog.clone());
                let (file_name, imported) = (file_name.clone(), imported.clone());
                Callback::from(move |_| {
                    load_imported(&store, &file_name, (*imported).clone());
                    dialog.set(Dialog::None);
                })
            };
            html! {
                <ConfirmDocumentDialog file_name={file_name.clone()}
                    file_title={imported.workspace.document.title.clone()}
                    file_annotations={imported.workspace.annotations().len()}
                    current_title={store.editor().workspace().document.title.clone()}
                    on_confirm={on_confirm} on_close={close.clone()} />
            }
        }
    };

    let open_dialog = |which: Dialog| {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(which.clone()))
    };
    html! {
        <ContextProvider<StoreHandle> context={store.clone()}>
            <div class={classes!("app", dragging.then_some("is-dragging"))} {ondragover} {ondragleave} {ondrop}>
                <Toolbar on_open={open_dialog(Dialog::OpenText)} on_import={on_import}
                    on_export={on_export} on_help={open_dialog(Dialog::Help)} />
                <div class="status" role="status" aria-live="polite">{ for info_notice }</div>
                <div class="alerts" role="alert">{ for error_notice }</div>
                <div class="layout">
                    <DocumentView />
                    <AnnotationList />
                </div>
                { dialog_view }
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true"><p>{ "Drop a claimmark JSON file to import it" }</p></div>
                }
            </div>
        </ContextProvider<StoreHandle>>
    }
}
