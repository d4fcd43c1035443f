//! The slim toolbar: Open, Import, Export, Undo/Redo, Find, Suggest, word snapping, labels, the
//! classroom (New exercise, Review), adjudication, the printable Report, Help. Suggest is
//! disabled, saying why, in an exercise whose teacher did not allow suggestions.
//!
//! What does not fit goes into a "More" menu, by CSS breakpoints so that nothing is ever cut
//! off: each entry is rendered twice, once in the bar and once in the menu, and the stylesheet
//! shows exactly one of them (`bar-wide`/`more-wide` below 1280 px, `bar-narrow`/`more-narrow`
//! below 640 px). Undo, Redo, Find and More always stay in the bar.

use web_sys::{File, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::files::file_list;
use super::store::{use_store, Msg};
use super::suggesting::SuggestMsg;
use super::suggestions_panel::not_allowed;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub on_open: Callback<()>,
    pub on_import: Callback<Vec<File>>,
    pub on_export: Callback<()>,
    pub on_help: Callback<()>,
    pub on_exercise: Callback<()>,
    pub on_review: Callback<()>,
    /// Opens the adjudication screen (several annotators' files into a gold set).
    pub on_adjudicate: Callback<()>,
    pub on_report: Callback<()>,
    /// Opens the label set's editor.
    pub on_labels: Callback<()>,
}

/// When an entry leaves the bar for the More menu.
#[derive(Clone, Copy, PartialEq)]
enum Fold {
    /// Below 640 px (phones).
    Narrow,
    /// Below 1280 px.
    Wide,
}

impl Fold {
    fn bar_class(self) -> &'static str {
        match self {
            Fold::Narrow => "bar-narrow",
            Fold::Wide => "bar-wide",
        }
    }

    fn more_class(self) -> &'static str {
        match self {
            Fold::Narrow => "more-narrow",
            Fold::Wide => "more-wide",
        }
    }
}

/// One command of the toolbar.
struct Entry {
    label: &'static str,
    title: &'static str,
    fold: Fold,
    run: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let store = use_store();
    let (can_undo, can_redo, refusal) = {
        let editor = store.editor();
        (
            editor.can_undo(),
            editor.can_redo(),
            not_allowed(editor.workspace()),
        )
    };
    let file_input = use_node_ref();
    let more_open = use_state(|| false);
    let more_button = use_node_ref();
    let dispatch = |msg: fn() -> Msg| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(msg()))
    };
    let pick_file = {
        let file_input = file_input.clone();
        Callback::from(move |()| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_import.emit(file_list(input.files()));
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let set_snap = {
        let store = store.clone();
        Callback::from(move |on: bool| store.dispatch(Msg::SetSnap(on)))
    };
    let open_search = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Search(true)))
    };
    let suggest = {
        let store = store.clone();
        Callback::from(move |()| store.dispatch(Msg::Suggestions(SuggestMsg::Show)))
    };
    let mut entries = vec![
        Entry { label: "Open…", title: "Paste texts or open .txt files to annotate", fold: Fold::Narrow, run: props.on_open.clone() },
        Entry { label: "Import…", title: "Read annotations: claimmark, W3C, spaCy, doccano, Label Studio or brat (or drop files on the page)", fold: Fold::Narrow, run: pick_file },
        Entry { label: "Export…", title: "Download this document or all documents in one of six formats", fold: Fold::Narrow, run: props.on_export.clone() },
    ];
    let suggest_entry = refusal.is_none().then(|| Entry {
        label: "Suggest",
        title: "",
        fold: Fold::Narrow,
        run: suggest.clone(),
    });
    let later = vec![
        Entry { label: "New exercise…", title: "Make an exercise from this document: labels, instructions, answer key; a file or a link", fold: Fold::Wide, run: props.on_exercise.clone() },
        Entry { label: "Review", title: "Score students' submissions against the key; agreement, comparison and chart", fold: Fold::Wide, run: props.on_review.clone() },
        Entry { label: "Adjudicate…", title: "Merge several annotators' files into a gold set and decide where they disagree", fold: Fold::Wide, run: props.on_adjudicate.clone() },
        Entry { label: "Report", title: "Print / report: the annotated article with legend, annotations and statistics, ready to print or save as PDF", fold: Fold::Wide, run: props.on_report.clone() },
        Entry { label: "Help", title: "Keys, format and limits (?)", fold: Fold::Wide, run: props.on_help.clone() },
    ];
    let labels_entry = Entry {
        label: "Labels…",
        title: "Edit the label set: names, descriptions, colours and keys",
        fold: Fold::Wide,
        run: props.on_labels.clone(),
    };
    let in_bar = |entry: &Entry| {
        let run = entry.run.clone();
        html! {
            <button type="button" class={entry.fold.bar_class()} title={entry.title}
                onclick={Callback::from(move |_| run.emit(()))}>{ entry.label }</button>
        }
    };
    let first_bar: Html = entries.iter().map(in_bar).collect();
    let later_bar: Html = std::iter::once(&labels_entry)
        .chain(&later)
        .map(in_bar)
        .collect();
    entries.extend(suggest_entry);
    entries.push(labels_entry);
    entries.extend(later);
    let snap_toggle = {
        let set_snap = set_snap.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            set_snap.emit(input.checked());
        })
    };
    html! {
        <header class="toolbar" role="toolbar" aria-label="Document">
            <span class="brand">{ "claimmark" }</span>
            { first_bar }
            <input ref={file_input} id="import-file" type="file" multiple=true
                accept=".json,.jsonl,.ndjson,.jsonld,.ann,.txt,.zip"
                class="visually-hidden" tabindex="-1" aria-hidden="true" onchange={on_file} />
            <span class="separator bar-narrow" aria-hidden="true"></span>
            <button type="button" onclick={dispatch(|| Msg::Undo)} disabled={!can_undo}
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
            <button type="button" onclick={dispatch(|| Msg::Redo)} disabled={!can_redo}
                aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            <button type="button" onclick={open_search} aria-keyshortcuts="Control+F"
                title="Search the text, then tag one or all matches (Ctrl+F)">{ "Find" }</button>
            <button type="button" class="bar-narrow" onclick={suggest.reform(|_| ())} disabled={refusal.is_some()}
                aria-keyshortcuts="S" title={refusal.unwrap_or("Suggest annotations to accept, edit or reject; found in this browser, nothing is sent (S)")}>
                { "Suggest" }
            </button>
            <label class="toggle bar-wide" title="Selections that start or end inside a word take the whole word">
                <input type="checkbox" checked={store.snap_to_words} onchange={snap_toggle} />
                { "Snap to words" }
            </label>
            <span class="spacer"></span>
            { later_bar }
            <MoreMenu open={more_open} button={more_button} entries={entries.into_iter().map(|e| MoreEntry {
                label: e.label, class: e.fold.more_class(), run: e.run }).collect::<Vec<_>>()}
                snap={store.snap_to_words} on_snap={set_snap} />
        </header>
    }
}

/// An entry of the More menu.
#[derive(Clone, PartialEq)]
pub struct MoreEntry {
    label: &'static str,
    class: &'static str,
    run: Callback<()>,
}

#[derive(Properties, PartialEq)]
struct MoreMenuProps {
    open: UseStateHandle<bool>,
    button: NodeRef,
    entries: Vec<MoreEntry>,
    snap: bool,
    on_snap: Callback<bool>,
}

/// The "More" button and its menu: ↑ ↓ move, Enter or a click runs, Esc closes and gives
/// focus back to the button. Keys pressed in it never reach the page's shortcuts.
#[function_component(MoreMenu)]
fn more_menu(props: &MoreMenuProps) -> Html {
    let menu = use_node_ref();
    let open = props.open.clone();
    {
        let menu = menu.clone();
        use_effect_with(*open, move |open| {
            if *open {
                focus_item(&menu, 0);
            }
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let close = {
        let (open, button) = (open.clone(), props.button.clone());
        move || {
            open.set(false);
            if let Some(button) = button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    let onkeydown = {
        let (menu, close) = (menu.clone(), close.clone());
        Callback::from(move |event: KeyboardEvent| {
            event.stop_propagation();
            match event.key().as_str() {
                "Escape" => close(),
                "ArrowDown" => move_focus(&menu, 1),
                "ArrowUp" => move_focus(&menu, -1),
                _ => return,
            }
            event.prevent_default();
        })
    };
    // Leaving the menu (a click elsewhere, Tab) closes it.
    let onfocusout = {
        let (open, menu) = (open.clone(), menu.clone());
        Callback::from(move |event: FocusEvent| {
            let inside = event
                .related_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                .zip(menu.cast::<web_sys::Node>())
                .is_some_and(|(target, menu)| menu.contains(Some(&target)));
            if !inside {
                open.set(false);
            }
        })
    };
    let items = props.entries.iter().map(|entry| {
        let (run, close) = (entry.run.clone(), close.clone());
        html! {
            <li role="none" class={entry.class}>
                <button type="button" role="menuitem" tabindex="-1"
                    onclick={Callback::from(move |_| { close(); run.emit(()); })}>{ entry.label }</button>
            </li>
        }
    });
    let snap = {
        let (on_snap, on) = (props.on_snap.clone(), props.snap);
        Callback::from(move |_| on_snap.emit(!on))
    };
    html! {
        <div class="more" {onkeydown} {onfocusout} data-owns-keys="">
            <button type="button" ref={props.button.clone()} class="more-button" aria-haspopup="menu"
                aria-expanded={open.to_string()} aria-controls="more-menu" onclick={toggle}>{ "More ▾" }</button>
            if *open {
                <ul id="more-menu" class="more-menu" role="menu" aria-label="More" ref={menu}>
                    { for items }
                    <li role="none" class="more-wide">
                        <button type="button" role="menuitemcheckbox" tabindex="-1"
                            aria-checked={props.snap.to_string()} onclick={snap}>{ "Snap to words" }</button>
                    </li>
                </ul>
            }
        </div>
    }
}

/// The visible items of the menu.
fn visible_items(menu: &NodeRef) -> Vec<HtmlElement> {
    let Some(menu) = menu.cast::<HtmlElement>() else {
        return Vec::new();
    };
    let Ok(found) = menu.query_selector_all("button") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(n).ok())
        .filter(|b| b.offset_parent().is_some())
        .collect()
}

fn focus_item(menu: &NodeRef, index: usize) {
    if let Some(item) = visible_items(menu).get(index) {
        let _ = item.focus();
    }
}

/// Moves focus `by` items, wrapping around.
fn move_focus(menu: &NodeRef, by: isize) {
    let items = visible_items(menu);
    if items.is_empty() {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = items
        .iter()
        .position(|i| active.as_ref().is_some_and(|a| a == i.as_ref()))
        .unwrap_or(0) as isize;
    let next = (at + by).rem_euclid(items.len() as isize) as usize;
    let _ = items[next].focus();
}
