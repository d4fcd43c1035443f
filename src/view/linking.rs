//! Linking an attribution to the text: the selection that sets an annotation's mention (where
//! the text names its source) or cue (the reporting verb), the banner shown while the app
//! waits for that selection, and the shared highlight that shows an annotation's links.

use web_sys::Element;
use yew::prelude::*;

use super::selection::mark_spans;
use super::store::{use_store, LinkPart, Linking, Msg, NoticeKind, StoreHandle};
use crate::model::{Action, AnnotationId, Attribution, Change, Span};

/// Applies a selection made while linking: sets the mention or cue of the annotation. A
/// mention of an unattributed annotation also names its source (the model resolves aliases).
pub fn link_selection(store: &StoreHandle, linking: &Linking, span: Span) {
    let attribution = {
        let editor = store.editor();
        let workspace = editor.workspace();
        let Some(annotation) = workspace.annotation(&linking.id) else {
            store.dispatch(Msg::Link(None));
            return;
        };
        match (annotation.attribution.clone(), linking.part) {
            (Some(a), LinkPart::Mention) => Attribution {
                mention: Some(span),
                ..a
            },
            (Some(a), LinkPart::Cue) => Attribution {
                cue: Some(span),
                ..a
            },
            (None, LinkPart::Mention) => {
                match Attribution::named(workspace.document.text.quote(span)) {
                    Some(named) => Attribution {
                        mention: Some(span),
                        ..named
                    },
                    None => return,
                }
            }
            (None, LinkPart::Cue) => {
                store.dispatch(Msg::Notify(
                    NoticeKind::Error,
                    "Say who says it before marking the cue: type a source or link a mention."
                        .into(),
                ));
                store.dispatch(Msg::Link(None));
                return;
            }
        }
    };
    store.dispatch(Msg::Link(None));
    store.dispatch(Msg::Do(Action::Edit {
        id: linking.id.clone(),
        change: Change::Attribution(Some(attribution)),
        now: super::files::now_iso(),
    }));
}

/// The spans an annotation is linked to: its mention and its cue.
pub fn links_of(store: &StoreHandle, id: &AnnotationId) -> (Option<Span>, Option<Span>) {
    let editor = store.editor();
    let attribution = editor
        .workspace()
        .annotation(id)
        .and_then(|a| a.attribution.as_ref());
    (
        attribution.and_then(|a| a.mention),
        attribution.and_then(|a| a.cue),
    )
}

/// Shows the links of annotation `id` (or none) as `::highlight(claimmark-mention)` and
/// `::highlight(claimmark-cue)`.
pub fn show_links(root: &Element, store: &StoreHandle, id: Option<&AnnotationId>) {
    let (mention, cue) = id.map_or((None, None), |id| links_of(store, id));
    mark_spans(root, "claimmark-mention", mention.as_slice());
    mark_spans(root, "claimmark-cue", cue.as_slice());
}

/// The banner that says what to select while linking, with a way out.
#[function_component(LinkingBanner)]
pub fn linking_banner() -> Html {
    let store = use_store();
    let Some(linking) = store.linking.clone() else {
        return html! {};
    };
    let source = {
        let editor = store.editor();
        editor
            .workspace()
            .annotation(&linking.id)
            .and_then(|a| a.source().map(str::to_string))
    };
    let what = match (linking.part, source) {
        (LinkPart::Mention, Some(name)) => {
            format!("Select the words that name {name} (the mention).")
        }
        (LinkPart::Mention, None) => "Select the words that name who says it (the mention).".into(),
        (LinkPart::Cue, _) => {
            "Select the reporting verb or phrase (the cue), such as “said” or “urged”.".into()
        }
    };
    let cancel = Callback::from(move |_| store.dispatch(Msg::Link(None)));
    html! {
        <div class="linking-banner" role="status">
            <p>{ what }{ " Esc cancels." }</p>
            <button type="button" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
