//! The Yew front end: a thin layer over [`crate::model`].
//!
//! Components read the one [`store::Store`] from context and change it only by dispatching
//! [`store::Msg`]. DOM selections are converted to code points in [`selection`] and nowhere
//! else; browser storage, downloads and file reading live in [`storage`] and [`files`].

pub mod adjudicate;
pub mod adjudicate_edit;
pub mod adjudicate_gold;
pub mod adjudicate_group;
pub mod adjudicate_keys;
pub mod adjudicate_session;
pub mod annotation_editor;
pub mod annotation_list;
pub mod app;
pub mod autosave;
pub mod block;
pub mod chart_view;
pub mod dialog_host;
pub mod dialogs;
pub mod document;
pub mod document_list;
pub mod exercise_dialog;
pub mod export_dialog;
pub mod files;
pub mod frames;
pub mod hooks;
pub mod idb;
pub mod import_choices;
pub mod import_dialog;
pub mod importing;
pub mod keyboard;
pub mod labels_editor;
pub mod linking;
pub mod marks;
pub mod notices;
pub mod open_dialog;
pub mod panic;
pub mod prerendered;
pub mod report;
pub mod review;
pub mod review_parts;
pub mod search_bar;
pub mod search_regex;
pub mod search_tag;
pub mod segmenter;
pub mod selection;
pub mod side_panel;
pub mod source_field;
pub mod source_forms;
pub mod sources_panel;
pub mod statistics;
pub mod storage;
pub mod store;
pub mod student;
pub mod suggesting;
pub mod suggestion_form;
pub mod suggestion_list;
pub mod suggestions_panel;
pub mod tag_menu;
pub mod toolbar;
pub mod warm_up;
pub mod window;

/// Mounts the app into `<div id="app">` (or the body) and installs the panic hook. The page's
/// prerendered reading view is kept first ([`prerendered`]), as mounting empties the root.
pub fn run() {
    panic::install_hook();
    prerendered::take();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
