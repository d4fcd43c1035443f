//! Choosing what to export: this document or all of them, in which format, and for doccano
//! which unit its offsets count in. The bytes come from `model::formats::export_in`, the same
//! function the command line uses.

use yew::prelude::*;

use super::dialogs::Modal;
use crate::model::formats::{Format, Unit};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub current_title: AttrValue,
    pub documents: usize,
    /// Called with the format, whether to export every document, and doccano's offset unit.
    pub on_export: Callback<(Format, bool, Unit)>,
    pub on_close: Callback<()>,
}

/// What each format is good for, shown under its name.
fn purpose(format: Format) -> &'static str {
    match format {
        Format::Native => "Everything, to reopen in claimmark or share (.claimmark.json; several documents: JSON Lines)",
        Format::W3c => "An AnnotationCollection for Web Annotation tools (Hypothesis, Recogito…), quote and position selectors",
        Format::Spacy => "One line per document with character spans, for spaCy's Doc.char_span and Prodigy",
        Format::Doccano => "For doccano sequence-labelling or relation projects; sources as relations",
        Format::LabelStudio => "Tasks with labels regions, source relations and per-region text areas",
        Format::Brat => "A .zip of .txt + .ann pairs; sources as Attribution relations",
    }
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportProps) -> Html {
    let all = use_state(|| false);
    let utf16 = use_state(|| false);
    let buttons = Format::ALL.into_iter().map(|format| {
        let (on_export, all, utf16) = (props.on_export.clone(), all.clone(), utf16.clone());
        let unit = move || if *utf16 { Unit::Utf16 } else { Unit::CodePoint };
        html! {
            <li>
                <button type="button" class="format-button" onclick={Callback::from(move |_| on_export.emit((format, *all, unit())))}>
                    <span class="format-name">{ format.name() }</span>
                    <span class="format-purpose">{ purpose(format) }</span>
                </button>
            </li>
        }
    });
    let scope = |value: bool, label: String| {
        let all = all.clone();
        html! {
            <label class="scope">
                <input type="radio" name="export-scope" checked={*all == value}
                    onchange={Callback::from(move |_| all.set(value))} />
                { label }
            </label>
        }
    };
    html! {
        <Modal title="Export" on_close={props.on_close.clone()}>
            if props.documents > 1 {
                <fieldset class="scopes">
                    <legend>{ "What" }</legend>
                    { scope(false, format!("This document (“{}”)", props.current_title)) }
                    { scope(true, format!("All {} documents", props.documents)) }
                </fieldset>
            }
            <ul class="formats">{ for buttons }</ul>
            <label class="scope doccano-units">
                <input type="checkbox" checked={*utf16}
                    onchange={let utf16 = utf16.clone(); Callback::from(move |_| utf16.set(!*utf16))} />
                { "doccano: count offsets in UTF-16 units, as doccano 1.6 and later do (else code points)" }
            </label>
            <p class="hint">{ "Offsets in every format are Unicode code points (Python string indices), end-exclusive, unless chosen above for doccano." }</p>
        </Modal>
    }
}
