//! The search bar's tagging row: a label, who says it, and tagging the current match or all of
//! them (`Action::AddMany`, one undo step).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::files::now_iso;
use super::source_field::SourceField;
use super::store::{use_store, Msg};
use crate::model::{Action, Attribution, LabelId, Span};

#[derive(Properties, PartialEq)]
pub struct SearchTagProps {
    /// Every match.
    pub spans: Rc<Vec<Span>>,
    /// The index of the current match.
    pub current: Option<usize>,
    /// The label chosen (kept by the search bar while it is closed); the first label if none
    /// or if it no longer exists.
    pub label: UseStateHandle<Option<LabelId>>,
}

#[function_component(SearchTag)]
pub fn search_tag(props: &SearchTagProps) -> Html {
    let store = use_store();
    let source = use_node_ref();
    let SearchTagProps {
        spans,
        current,
        label,
    } = props;
    let labels = store.editor().workspace().labels.clone();
    let chosen = (**label)
        .clone()
        .filter(|id| labels.iter().any(|l| &l.id == id))
        .or_else(|| labels.first().map(|l| l.id.clone()));
    let tag = |all: bool| {
        let (store, spans, current, source, chosen) = (
            store.clone(),
            spans.clone(),
            *current,
            source.clone(),
            chosen.clone(),
        );
        Callback::from(move |_| {
            let Some(label) = chosen.clone() else { return };
            let typed = source
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let picked: Vec<Span> = if all {
                spans.to_vec()
            } else {
                current
                    .and_then(|i| spans.get(i))
                    .copied()
                    .into_iter()
                    .collect()
            };
            if picked.is_empty() {
                return;
            }
            store.dispatch(Msg::Do(Action::AddMany {
                spans: picked,
                label,
                attribution: Attribution::named(&typed),
                note: String::new(),
                now: now_iso(),
            }));
        })
    };
    let on_label = {
        let label = label.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            label.set(Some(LabelId::new(&select.value())));
        })
    };
    let options = labels.iter().map(|l| {
        html! { <option value={l.id.to_string()} selected={Some(&l.id) == chosen.as_ref()}>{ &l.name }</option> }
    });
    let count = spans.len();
    html! {
        <div class="search-row search-tag">
            <label class="search-label">{ "Tag as" }
                <select onchange={on_label}>{ for options }</select>
            </label>
            <label class="search-label" for="search-attribution">{ "Said by" }</label>
            <div class="search-source">
                <SourceField input={source.clone()} id="search-attribution" placeholder="Who says it (optional)" />
            </div>
            <button type="button" class="small" disabled={current.is_none() || count == 0} onclick={tag(false)}>{ "Tag this" }</button>
            <button type="button" class="small" disabled={count == 0} onclick={tag(true)}>{ format!("Tag all {count}") }</button>
        </div>
    }
}
