//! The side panel's Annotations tab: a legend of labels, filters by label and source (with
//! counts; `model::filter`), then the annotations that pass in text order. Clicking an entry
//! selects it, scrolls to its highlight and flashes it.
//!
//! Long lists are windowed like the document: entries have one fixed height, so only those in
//! (or near) the list's scroll view are rendered, between two spacers.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::store::{use_store, Msg};
use crate::model::boundaries::shorten_end;
use crate::model::filter::{label_choices, source_choices, Filter};
use crate::model::{Annotation, Label};

/// Longest quote shown in an entry, in user-perceived characters.
const QUOTE_CHARS: usize = 140;
/// Lists longer than this are windowed.
const WINDOW_MIN_ENTRIES: usize = 200;
/// Entries rendered beyond each edge of the list's view.
const OVERSCAN: usize = 15;

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
    let onclick = {
        let id = props.annotation.id.clone();
        Callback::from(move |_| store.dispatch(Msg::Reveal(id.clone())))
    };
    let (name, color) = props.label.as_ref().map_or(
        (props.annotation.label.to_string(), "#777777".to_string()),
        |l| (l.name.clone(), l.color.clone()),
    );
    let source = props.annotation.source().map(str::to_string);
    html! {
        <li class={classes!("entry", props.selected.then_some("is-selected"))}>
            <button type="button" class="entry-button" aria-current={props.selected.then_some("true")} {onclick}>
                <span class="badge" style={format!("--label:{color}")}>{ name }</span>
                <span class="entry-quote" dir="auto">{ format!("“{}”", shorten_end(&props.quote, QUOTE_CHARS)) }</span>
                <span class={classes!("entry-source", source.is_none().then_some("is-unattributed"))}>
                    { source.map_or("unattributed".to_string(), |s| format!("— {s}")) }
                </span>
            </button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FilterBarProps {
    filter: Filter,
    on_change: Callback<Filter>,
}

/// Label toggles and a source choice, each with its count of annotations.
#[function_component(FilterBar)]
fn filter_bar(props: &FilterBarProps) -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let labels = label_choices(workspace).into_iter().map(|choice| {
        let on = props.filter.labels.contains(&choice.value);
        let onclick = {
            let (filter, on_change, id) = (props.filter.clone(), props.on_change.clone(), choice.value.clone());
            Callback::from(move |_| {
                let mut next = filter.clone();
                if !next.labels.remove(&id) {
                    next.labels.insert(id.clone());
                }
                on_change.emit(next);
            })
        };
        let color = workspace.label(&choice.value).map_or("#777777".to_string(), |l| l.color.clone());
        html! {
            <button type="button" class={classes!("filter-chip", on.then_some("is-on"))} aria-pressed={on.to_string()}
                style={format!("--label:{color}")} {onclick}>
                { format!("{} ", choice.name) }<span class="count">{ choice.count }</span>
            </button>
        }
    });
    let sources = source_choices(workspace);
    let chosen = props.filter.sources.iter().next().cloned();
    let onchange = {
        let (filter, on_change, sources) = (
            props.filter.clone(),
            props.on_change.clone(),
            sources.clone(),
        );
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let mut next = filter.clone();
            next.sources.clear();
            if let Some(choice) = select
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| sources.get(i))
            {
                next.sources.insert(choice.value.clone());
            }
            on_change.emit(next);
        })
    };
    let options = sources.iter().enumerate().map(|(i, choice)| {
        html! {
            <option value={i.to_string()} selected={chosen.as_ref() == Some(&choice.value)}>
                { format!("{} ({})", choice.name, choice.count) }
            </option>
        }
    });
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_| on_change.emit(Filter::default()))
    };
    html! {
        <div class="filters" role="group" aria-label="Show only">
            { for labels }
            <label class="filter-source">
                <span class="visually-hidden">{ "Source" }</span>
                <select {onchange}>
                    <option value="" selected={chosen.is_none()}>{ "All sources" }</option>
                    { for options }
                </select>
            </label>
            if !props.filter.is_empty() {
                <button type="button" class="link-button" onclick={clear}>{ "Show all" }</button>
            }
        </div>
    }
}

/// Measures the entry height (windowed lists) and scrolls the selected entry into view.
fn keep_in_view(
    scroller: &NodeRef,
    entry_height: &RefCell<f64>,
    selected: Option<usize>,
    windowed: bool,
) {
    let Some(element) = scroller.cast::<HtmlElement>() else {
        return;
    };
    let first = element.query_selector(".entry").ok().flatten();
    if let Some(first) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok()) {
        if windowed && first.offset_height() > 0 {
            *entry_height.borrow_mut() = first.offset_height() as f64;
        }
    }
    let Some(index) = selected else { return };
    if windowed {
        let height = *entry_height.borrow();
        let top = index as f64 * height;
        let view = element.client_height() as f64;
        let scroll = element.scroll_top() as f64;
        if top < scroll || top + height > scroll + view {
            element.set_scroll_top((top - view / 2.0).max(0.0) as i32);
        }
    } else if let Some(item) = element.query_selector(".entry.is-selected").ok().flatten() {
        // Scroll the list only, never the page: on a phone the list is below the article, and
        // scrolling the page to it would lose the reader's place.
        if let Ok(item) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(item) {
            let (top, height) = (item.offset_top() as f64, item.offset_height() as f64);
            let (scroll, view) = (element.scroll_top() as f64, element.client_height() as f64);
            if top < scroll {
                element.set_scroll_top(top as i32);
            } else if top + height > scroll + view {
                element.set_scroll_top((top + height - view) as i32);
            }
        }
    }
}

#[function_component(AnnotationList)]
pub fn annotation_list() -> Html {
    let store = use_store();
    let filter = use_state(Filter::default);
    let editor = store.editor();
    let workspace = editor.workspace();
    let total = workspace.annotations().len();
    let annotations = filter.apply(workspace);
    let count = annotations.len();
    let windowed = count > WINDOW_MIN_ENTRIES;
    let scroller = use_node_ref();
    let entry_height = use_mut_ref(|| 96.0f64);
    let range = use_state(|| (0usize, 60usize));
    let selected_index = store
        .selected
        .as_ref()
        .and_then(|id| annotations.iter().position(|a| &a.id == id));
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |next: Filter| filter.set(next))
    };

    let recompute = {
        let (scroller, entry_height, range) =
            (scroller.clone(), entry_height.clone(), range.clone());
        move || {
            let Some(element) = scroller.cast::<Element>() else {
                return;
            };
            let height = *entry_height.borrow();
            let first = (element.scroll_top() as f64 / height) as usize;
            let visible = (element.client_height() as f64 / height).ceil() as usize;
            let next = (first.saturating_sub(OVERSCAN), first + visible + OVERSCAN);
            if next != *range {
                range.set(next);
            }
        }
    };
    let onscroll = {
        let recompute = recompute.clone();
        Callback::from(move |_: Event| recompute())
    };
    // Measure the fixed entry height, and keep the selected entry in view: once the next frame
    // is painted, so that no input handler pays for a forced layout and a new annotation's
    // highlight is painted before the list scrolls to it (and renders the entries there).
    {
        let (scroller, entry_height, recompute) =
            (scroller.clone(), entry_height.clone(), recompute.clone());
        use_effect_with(
            (selected_index, windowed, count),
            move |(selected, windowed, _)| {
                let (selected, windowed) = (*selected, *windowed);
                crate::view::frames::after_paint(move || {
                    keep_in_view(&scroller, &entry_height, selected, windowed);
                    recompute();
                });
            },
        );
    }

    let legend = workspace.labels.iter().map(|label| {
        html! {
            <li>
                <span class="badge" style={format!("--label:{}", label.color)}>{ &label.name }</span>
                <span class="legend-description">{ &label.description }</span>
            </li>
        }
    });
    let (first, last) = if windowed {
        (range.0.min(count), range.1.min(count))
    } else {
        (0, count)
    };
    let entries = annotations[first..last.max(first)]
        .iter()
        .map(|annotation| {
            html! {
                <AnnotationEntry key={annotation.id.to_string()} annotation={(*annotation).clone()}
                    quote={Rc::<str>::from(workspace.quote(annotation))}
                    label={workspace.label(&annotation.label).cloned()}
                    selected={store.selected.as_ref() == Some(&annotation.id)} />
            }
        });
    let height = *entry_height.borrow();
    let padding = if windowed {
        format!(
            "padding-top:{:.0}px;padding-bottom:{:.0}px;",
            first as f64 * height,
            count.saturating_sub(last) as f64 * height
        )
    } else {
        String::new()
    };
    html! {
        <div class="tab-body">
            <ul class="legend" aria-label="Labels">{ for legend }</ul>
            <h2 class="panel-title">
                { if filter.is_empty() { format!("Annotations ({total})") } else { format!("Annotations ({count} of {total})") } }
            </h2>
            if total > 0 {
                <FilterBar filter={(*filter).clone()} on_change={on_filter} />
            }
            <div class="empty-slot">
                if total == 0 {
                    <p class="panel-empty">{ "Select text in the article to tag it as a claim, allegation or proposal." }</p>
                } else if count == 0 {
                    <p class="panel-empty">{ "No annotation matches these filters." }</p>
                }
            </div>
            <div class="entries-scroll" ref={scroller} {onscroll}>
                <ol class={classes!("entries", windowed.then_some("is-windowed"))} style={padding}>{ for entries }</ol>
            </div>
        </div>
    }
}
