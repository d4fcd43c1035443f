//! The app shell: the store provider, toolbar, notices, document list, reading view, side panel
//! and dialogs, plus the page-wide behaviour, each in its own hook: shortcuts
//! ([`super::hooks::shortcuts`]), drag-and-drop ([`super::hooks::file_drop`]), autosave
//! ([`super::autosave`]), start-up ([`super::hooks::startup`]), the exercise key
//! ([`super::hooks::exercise_key`]), fading notices ([`super::hooks::notice_fade`]) and the
//! suggestions' reading ([`super::hooks::suggest`]).

use web_sys::File;
use yew::prelude::*;

use super::adjudicate::AdjudicateView;
use super::autosave::use_autosave;
use super::dialog_host::{Dialog, DialogHost};
use super::document::DocumentView;
use super::document_list::DocumentList;
use super::hooks::exercise_key::use_exercise_key;
use super::hooks::file_drop::{use_file_drop, FileDrop};
use super::hooks::notice_fade::use_notice_fade;
use super::hooks::shortcuts::use_shortcuts;
use super::hooks::startup::use_startup;
use super::hooks::suggest::use_suggest;
use super::importing::start_import;
use super::linking::LinkingBanner;
use super::notices::Notices;
use super::prerendered;
use super::report::ReportView;
use super::review::ReviewView;
use super::search_bar::SearchBar;
use super::side_panel::SidePanel;
use super::storage;
use super::store::{Store, StoreHandle};
use super::toolbar::Toolbar;
use crate::model::{Corpus, Workspace};

/// What fills the page under the toolbar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    Annotate,
    Review,
    Adjudicate,
    Report,
}

/// The store on a fresh start: the seed article (saved work replaces it once restored).
fn initial_store() -> Store {
    Store::new(Corpus::new(Workspace::seed()), storage::load_snap_setting())
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(initial_store);
    let dialog = use_state(|| Dialog::None);
    let screen = use_state(|| Screen::Annotate);

    let loaded = use_autosave(store.clone());
    use_startup(loaded, &store, &dialog);
    use_exercise_key(&store);
    use_effect_with(store.snap_to_words, |on| storage::save_snap_setting(*on));
    use_notice_fade(&store);
    use_shortcuts(&store, &dialog);
    use_suggest(&store);

    let on_import = {
        let (store, dialog) = (store.clone(), dialog.clone());
        Callback::from(move |files: Vec<File>| start_import(files, store.clone(), dialog.clone()))
    };
    let FileDrop {
        dragging,
        ondragover,
        ondragleave,
        ondrop,
    } = use_file_drop(on_import.clone());

    let open_dialog = |which: Dialog| {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(which.clone()))
    };
    // Another screen opens at its top; coming back to annotating returns to the reading place.
    let reading_place = use_mut_ref(|| 0.0f64);
    {
        let reading_place = reading_place.clone();
        use_effect_with(*screen, move |screen| {
            let y = if *screen == Screen::Annotate {
                *reading_place.borrow()
            } else {
                0.0
            };
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
        });
    }
    let show = |which: Screen| {
        let (screen, reading_place) = (screen.clone(), reading_place.clone());
        Callback::from(move |_| {
            if *screen == Screen::Annotate {
                let y = web_sys::window()
                    .and_then(|w| w.scroll_y().ok())
                    .unwrap_or(0.0);
                *reading_place.borrow_mut() = y;
            }
            screen.set(which)
        })
    };
    let main = if !loaded {
        // The page's own reading view of the seed, while there is one (view::prerendered).
        prerendered::layout().unwrap_or_else(
            || html! { <p class="loading" role="status">{ "Opening your work…" }</p> },
        )
    } else if *screen == Screen::Review {
        html! { <ReviewView on_close={show(Screen::Annotate)} /> }
    } else if *screen == Screen::Adjudicate {
        html! { <AdjudicateView on_close={show(Screen::Annotate)} on_help={open_dialog(Dialog::Help)} /> }
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
                    on_exercise={open_dialog(Dialog::Exercise)} on_review={show(Screen::Review)} on_report={show(Screen::Report)}
                    on_adjudicate={show(Screen::Adjudicate)}
                    on_labels={open_dialog(Dialog::Labels)} />
                <Notices />
                <LinkingBanner />
                { main }
                <DialogHost dialog={dialog.clone()} />
                if dragging && *screen == Screen::Annotate {
                    <div class="drop-overlay" aria-hidden="true">
                        <p>{ "Drop annotation files to import them, or .txt files to open them" }</p>
                    </div>
                }
            </div>
        </ContextProvider<StoreHandle>>
    }
}
