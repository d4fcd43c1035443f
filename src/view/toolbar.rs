//! The slim toolbar: Open, Import, Export, Undo/Redo, Find, word snapping, the classroom (New
//! exercise, Review), the printable Report, Help.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::files::file_list;
use super::store::{use_store, Msg};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub on_open: Callback<()>,
    pub on_import: Callback<Vec<File>>,
    pub on_export: Callback<()>,
    pub on_help: Callback<()>,
    pub on_exercise: Callback<()>,
    pub on_review: Callback<()>,
    pub on_report: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let store = use_store();
    let (can_undo, can_redo) = {
        let editor = store.editor();
        (editor.can_undo(), editor.can_redo())
    };
    let file_input = use_node_ref();
    let dispatch = |msg: fn() -> Msg| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(msg()))
    };
    let pick_file = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
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
    let on_snap = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Msg::SetSnap(input.checked()));
        })
    };
    let open_search = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Search(true)))
    };
    let emit = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_| callback.emit(()))
    };
    html! {
        <header class="toolbar" role="toolbar" aria-label="Document">
            <span class="brand">{ "claimmark" }</span>
            <button type="button" onclick={emit(&props.on_open)} title="Paste texts or open .txt files to annotate">{ "Open…" }</button>
            <button type="button" onclick={pick_file}
                title="Read annotations: claimmark, W3C, spaCy, doccano, Label Studio or brat (or drop files on the page)">{ "Import…" }</button>
            <input ref={file_input} id="import-file" type="file" multiple=true
                accept=".json,.jsonl,.ndjson,.jsonld,.ann,.txt,.zip"
                class="visually-hidden" tabindex="-1" aria-hidden="true" onchange={on_file} />
            <button type="button" onclick={emit(&props.on_export)}
                title="Download this document or all documents in one of six formats">{ "Export…" }</button>
            <span class="separator" aria-hidden="true"></span>
            <button type="button" onclick={dispatch(|| Msg::Undo)} disabled={!can_undo}
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
            <button type="button" onclick={dispatch(|| Msg::Redo)} disabled={!can_redo}
                aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            <button type="button" onclick={open_search} aria-keyshortcuts="Control+F"
                title="Search the text, then tag one or all matches (Ctrl+F)">{ "Find" }</button>
            <label class="toggle" title="Selections that start or end inside a word take the whole word">
                <input type="checkbox" checked={store.snap_to_words} onchange={on_snap} />
                { "Snap to words" }
            </label>
            <span class="spacer"></span>
            <button type="button" onclick={emit(&props.on_exercise)}
                title="Make an exercise from this document: labels, instructions, answer key; a file or a link">{ "New exercise…" }</button>
            <button type="button" onclick={emit(&props.on_review)}
                title="Score students' submissions against the key; agreement, comparison and chart">{ "Review" }</button>
            <button type="button" onclick={emit(&props.on_report)}
                title="Print / report: the annotated article with legend, annotations and statistics, ready to print or save as PDF">{ "Report" }</button>
            <button type="button" onclick={emit(&props.on_help)} aria-keyshortcuts="?" title="Keys, format and limits (?)">{ "Help" }</button>
        </header>
    }
}
