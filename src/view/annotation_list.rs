//! The side panel: a legend of labels, then every annotation in text order. Clicking an entry
//! selects it, scrolls to its highlight and flashes it; the selected entry opens its editor.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::annotation_editor::AnnotationEditor;
use super::document::reveal;
use super::store::{use_store, Msg};
use super::student::ExercisePanel;
use crate::model::{Annotation, Label};

/// Longest quote shown in an entry, in code points.
const QUOTE_CHARS: usize = 140;

fn shorten_end(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((byte, _)) => format!("{}…", &text[..byte]),
        None => text.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    annotation: Annotation,
    quote: Rc<str>,
    label: Option<Label>,
    selected: bool,
}

#[function_component(AnnotationEntry)]
fn annotation_entry(props: &EntryProps) -> Html {
    let store = use_store();
    let item = use_node_ref();
    {
        let item = item.clone();
        use_effect_with(props.selected, move |selected| {
            if *selected {
                if let Some(item) = item.cast::<HtmlElement>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    item.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    let onclick = {
        let id = props.annotation.id.clone();
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Msg::Select(Some(id.clone())));
            reveal(&id);
        })
    };
    let (name, color) = props.label.as_ref().map_or(
        (props.annotation.label.to_string(), "#777777".to_string()),
        |l| (l.name.clone(), l.color.clone()),
    );
    let source = props.annotation.source().map(str::to_string);
    html! {
        <li class={classes!("entry", props.selected.then_some("is-selected"))} ref={item}>
            <button type="button" class="entry-button" aria-expanded={props.selected.to_string()} {onclick}>
                <span class="badge" style={format!("--label:{color}")}>{ name }</span>
                <span class="entry-quote">{ format!("“{}”", shorten_end(&props.quote, QUOTE_CHARS)) }</span>
                <span class={classes!("entry-source", source.is_none().then_some("is-unattributed"))}>
                    { source.map_or("unattributed".to_string(), |s| format!("— {s}")) }
                </span>
            </button>
            if props.selected {
                <AnnotationEditor key={props.annotation.id.to_string()} annotation={props.annotation.clone()} />
            }
        </li>
    }
}

#[function_component(AnnotationList)]
pub fn annotation_list() -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let count = workspace.annotations().len();
    let legend = workspace.labels.iter().map(|label| {
        html! {
            <li>
                <span class="badge" style={format!("--label:{}", label.color)}>{ &label.name }</span>
                <span class="legend-description">{ &label.description }</span>
            </li>
        }
    });
    let entries = workspace.annotations().iter().map(|annotation| {
        html! {
            <AnnotationEntry key={annotation.id.to_string()} annotation={annotation.clone()}
                quote={Rc::<str>::from(workspace.quote(annotation))}
                label={workspace.label(&annotation.label).cloned()}
                selected={store.selected.as_ref() == Some(&annotation.id)} />
        }
    });
    html! {
        <aside class="panel" aria-label="Annotations">
            <ExercisePanel />
            <ul class="legend" aria-label="Labels">{ for legend }</ul>
            <h2 class="panel-title">{ format!("Annotations ({count})") }</h2>
            if count == 0 {
                <p class="panel-empty">{ "Select text in the article to tag it as a claim, allegation or proposal." }</p>
            }
            <ol class="entries">{ for entries }</ol>
        </aside>
    }
}
