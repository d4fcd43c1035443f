//! Editing one annotation: its label, attribution, note and boundaries, or deleting it.
//! Every control dispatches one `Action::Edit` (or `Delete`), so each change is one undo step.
//! The mention and cue rows are `LinkRow`s.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::files::now_iso;
use super::source_field::SourceField;
use super::store::{use_store, LinkPart, Linking, Msg};
use crate::model::boundaries::shorten_end;
use crate::model::snap::{step_word, Edge};
use crate::model::{Action, Annotation, AnnotationId, Attribution, Change, Span, Text};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub annotation: Annotation,
}

#[function_component(AnnotationEditor)]
pub fn annotation_editor(props: &EditorProps) -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let annotation = &props.annotation;
    let text = &workspace.document.text;

    let edit = {
        let store = store.clone();
        let id = annotation.id.clone();
        Callback::from(move |change: Change| {
            store.dispatch(Msg::Do(Action::Edit {
                id: id.clone(),
                change,
                now: now_iso(),
            }))
        })
    };

    let label_buttons = workspace.labels.iter().map(|label| {
        let pressed = label.id == annotation.label;
        let edit = edit.clone();
        let id = label.id.clone();
        html! {
            <button type="button" class="label-button" aria-pressed={pressed.to_string()}
                style={format!("--label:{}", label.color)} title={label.description.clone()}
                onclick={Callback::from(move |_| edit.emit(Change::Label(id.clone())))}>
                <span class="label-name">{ &label.name }</span>
            </button>
        }
    });

    let on_attribution = {
        let edit = edit.clone();
        let current = annotation.attribution.clone();
        Callback::from(move |typed: String| {
            // A new name keeps the linked mention and cue.
            let attribution = Attribution::named(&typed).map(|named| match &current {
                Some(old) => Attribution {
                    source: named.source,
                    ..old.clone()
                },
                None => named,
            });
            edit.emit(Change::Attribution(attribution));
        })
    };
    let attribution_input = use_node_ref();
    let on_note = {
        let edit = edit.clone();
        Callback::from(move |event: Event| {
            if let Some(area) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                edit.emit(Change::Note(area.value().trim().to_string()));
            }
        })
    };

    let span = annotation.span;
    let step =
        |edge: Edge, forward: bool, what: &str| step_button(text, span, edge, forward, what, &edit);
    let on_delete = {
        let store = store.clone();
        let id = annotation.id.clone();
        Callback::from(move |_| store.dispatch(Msg::Do(Action::Delete { id: id.clone() })))
    };
    // Which part of this annotation the next selection links, if any.
    let linking = store
        .linking
        .as_ref()
        .filter(|l| l.id == annotation.id)
        .map(|l| l.part);
    let link_row = |part: LinkPart, linked: Option<Span>| {
        html! {
            <LinkRow id={annotation.id.clone()} {part} attribution={annotation.attribution.clone()}
                quote={linked.map(|span| shorten_end(text.quote(span), 60))}
                waiting={linking == Some(part)} edit={edit.clone()} />
        }
    };
    let mention_row = link_row(
        LinkPart::Mention,
        annotation.attribution.as_ref().and_then(|a| a.mention),
    );
    let cue_row = link_row(
        LinkPart::Cue,
        annotation.attribution.as_ref().and_then(|a| a.cue),
    );

    let quote = shorten_end(workspace.quote(annotation), 200);
    // A discontinuous span (from brat) shows its pieces; the highlight covers the whole span.
    let pieces = (!annotation.fragments.is_empty()).then(|| {
        let quotes: Vec<String> = annotation
            .fragments
            .iter()
            .map(|f| format!("“{}”", shorten_end(workspace.document.text.quote(*f), 40)))
            .collect();
        format!("In {} pieces: {}", quotes.len(), quotes.join(" … "))
    });
    let deselect = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::Select(None)))
    };
    html! {
        <div class="editor" role="group" aria-label="Edit annotation" data-owns-keys="">
            <div class="editor-head">
                <p class="editor-quote" dir="auto">{ format!("“{quote}”") }</p>
                <button type="button" class="close" aria-label="Close the editor" onclick={deselect}>{ "×" }</button>
            </div>
            if let Some(pieces) = pieces { <p class="editor-pieces" dir="auto">{ pieces }</p> }
            <div class="label-buttons" role="group" aria-label="Label">{ for label_buttons }</div>
            <div class="field">
                <label for="edit-attribution">{ "Attribution" }</label>
                <SourceField input={attribution_input} id="edit-attribution"
                    value={annotation.source().unwrap_or_default().to_string()}
                    placeholder="unattributed" on_commit={on_attribution} />
            </div>
            <div class="links" role="group" aria-label="Linked text">
                { mention_row }
                { cue_row }
            </div>
            <label class="field">
                <span>{ "Note" }</span>
                <textarea rows="2" value={annotation.note.clone()} onchange={on_note} />
            </label>
            <div class="bounds">
                <span>{ "Start" }</span>
                { step(Edge::Start, false, "Move start one word left") }
                { step(Edge::Start, true, "Move start one word right") }
                <span>{ "End" }</span>
                { step(Edge::End, false, "Move end one word left") }
                { step(Edge::End, true, "Move end one word right") }
                <span class="offsets">{ format!("{}–{}", span.start(), span.end()) }</span>
            </div>
            <button type="button" class="danger" onclick={on_delete}>{ "Delete" }</button>
        </div>
    }
}

/// A button that moves one boundary of `span` by a word (disabled where it cannot move).
fn step_button(
    text: &Text,
    span: Span,
    edge: Edge,
    forward: bool,
    what: &str,
    edit: &Callback<Change>,
) -> Html {
    let (start, end) = match edge {
        Edge::Start => (step_word(text, span.start(), edge, forward), span.end()),
        Edge::End => (span.start(), step_word(text, span.end(), edge, forward)),
    };
    let moved = Span::new(start, end, text.len())
        .ok()
        .filter(|s| *s != span);
    let edit = edit.clone();
    html! {
        <button type="button" class="step" aria-label={what.to_string()} title={what.to_string()}
            disabled={moved.is_none()}
            onclick={Callback::from(move |_| if let Some(s) = moved { edit.emit(Change::Span(s)) })}>
            { if forward { "▶" } else { "◀" } }
        </button>
    }
}

#[derive(Properties, PartialEq)]
struct LinkRowProps {
    id: AnnotationId,
    part: LinkPart,
    /// The annotation's attribution (unlinking keeps the rest of it).
    attribution: Option<Attribution>,
    /// What the linked span quotes (shortened), if this part is linked.
    quote: Option<String>,
    /// Whether the next selection links this part.
    waiting: bool,
    edit: Callback<Change>,
}

/// The mention or the cue: what it quotes, a button to link it by selecting it, and one to
/// unlink it.
#[function_component(LinkRow)]
fn link_row(props: &LinkRowProps) -> Html {
    let store = use_store();
    let LinkRowProps {
        id,
        part,
        quote,
        waiting,
        ..
    } = props;
    let (part, waiting) = (*part, *waiting);
    let (name, help) = match part {
        LinkPart::Mention => ("Mention", "where the text names the source"),
        LinkPart::Cue => ("Cue", "the reporting verb or phrase"),
    };
    let start = {
        let (store, id) = (store.clone(), id.clone());
        Callback::from(move |_| {
            store.dispatch(Msg::Link(Some(Linking {
                id: id.clone(),
                part,
            })))
        })
    };
    let unlink = {
        let (edit, current) = (props.edit.clone(), props.attribution.clone());
        Callback::from(move |_| {
            let attribution = current.clone().map(|a| match part {
                LinkPart::Mention => Attribution { mention: None, ..a },
                LinkPart::Cue => Attribution { cue: None, ..a },
            });
            edit.emit(Change::Attribution(attribution));
        })
    };
    html! {
        <div class={classes!("link-row", format!("link-{}", name.to_lowercase()))}>
            <span class="link-name" title={help}>{ name }</span>
            if let Some(quote) = quote {
                <q class="link-quote" dir="auto">{ quote }</q>
            } else {
                <span class="link-none">{ if waiting { "select it in the text…" } else { "none" } }</span>
            }
            <button type="button" class="small" aria-pressed={waiting.to_string()} onclick={start}
                aria-label={format!("Link the {} by selecting it in the text", name.to_lowercase())}>
                { if quote.is_some() { "Change…" } else { "Link…" } }
            </button>
            if quote.is_some() {
                <button type="button" class="small" onclick={unlink}
                    aria-label={format!("Unlink the {}", name.to_lowercase())}>{ "Unlink" }</button>
            }
        </div>
    }
}
