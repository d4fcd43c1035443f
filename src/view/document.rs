//! The reading view: the document as blocks of highlighted text, and the tag menu that
//! appears when text is selected.
//!
//! Each block is a memoised [`BlockView`]: its props are the block's own text and segments,
//! so adding an annotation re-renders only the blocks whose segments changed. Every rendered
//! run of text carries `data-s`/`data-e` code point offsets, which [`super::selection`] reads.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::files::now_iso;
use super::selection::{clear_selection, current_selection, MenuAnchor};
use super::store::{use_store, Msg};
use super::tag_menu::{TagChoice, TagMenu};
use crate::model::layout::{self, Block, BlockKind, Layer, Segment};
use crate::model::offsets::split_at_code_points;
use crate::model::snap::snap_selection;
use crate::model::{Action, AnnotationId, Attribution, Label, LabelId, Span};

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub block: Block,
    /// The block's own text (code points `block.start..block.end` of the document).
    pub text: Rc<str>,
    pub segments: Rc<[Segment]>,
    pub labels: Rc<Vec<Label>>,
    /// The selected annotation, only when it has a segment in this block.
    pub selected: Option<AnnotationId>,
    /// The part of a selection awaiting its label that lies in this block, shown marked while
    /// the tag menu has focus (the browser's own selection fades when focus moves).
    pub pending: Option<(usize, usize)>,
}

/// A run of a segment, split further where a pending selection begins or ends.
struct Piece<'s> {
    start: usize,
    end: usize,
    segment: &'s Segment,
    pending: bool,
}

fn pieces(segments: &[Segment], pending: Option<(usize, usize)>) -> Vec<Piece<'_>> {
    let mut pieces = Vec::with_capacity(segments.len() + 2);
    for segment in segments {
        let mut cuts = vec![segment.start, segment.end];
        if let Some((from, to)) = pending {
            cuts.extend(
                [from, to]
                    .into_iter()
                    .filter(|&c| c > segment.start && c < segment.end),
            );
        }
        cuts.sort_unstable();
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let pending = pending.is_some_and(|(from, to)| from <= start && end <= to);
            pieces.push(Piece {
                start,
                end,
                segment,
                pending,
            });
        }
    }
    pieces
}

fn label_of<'a>(labels: &'a [Label], id: &LabelId) -> Option<&'a Label> {
    labels.iter().find(|l| &l.id == id)
}

fn color_of<'a>(labels: &'a [Label], id: &LabelId) -> &'a str {
    label_of(labels, id).map_or("#777777", |l| l.color.as_str())
}

fn name_of<'a>(labels: &'a [Label], id: &'a LabelId) -> &'a str {
    label_of(labels, id).map_or(id.as_str(), |l| l.name.as_str())
}

/// Inline style for a highlighted segment: a tint of the innermost label's colour, and one
/// coloured line per covering annotation stacked under the text, outermost nearest.
fn highlight_style(layers: &[Layer], labels: &[Label], with_badge: bool) -> String {
    let Some(innermost) = layers.last() else {
        return String::new();
    };
    let lines: Vec<String> = layers
        .iter()
        .take(4)
        .enumerate()
        .map(|(depth, layer)| {
            format!(
                "0 {}px 0 0 {}",
                2 * (depth + 1),
                color_of(labels, &layer.label)
            )
        })
        .collect();
    let mut style = format!(
        "background-color:{}2e;box-shadow:{};",
        color_of(labels, &innermost.label),
        lines.join(",")
    );
    if let Some(first) = layers.iter().find(|l| l.starts_here && with_badge) {
        style.push_str(&format!("--badge:{};", color_of(labels, &first.label)));
    }
    style
}

#[function_component(BlockView)]
pub fn block_view(props: &BlockProps) -> Html {
    let BlockProps {
        block,
        text,
        segments,
        labels,
        selected,
        pending,
    } = props;
    let pieces = pieces(segments, *pending);
    let cuts: Vec<usize> = pieces
        .iter()
        .skip(1)
        .map(|p| p.start - block.start)
        .collect();
    let texts = split_at_code_points(text, &cuts);
    let spans = pieces.iter().zip(texts).map(|(piece_of, piece)| {
        let segment = piece_of.segment;
        let (s, e) = (piece_of.start.to_string(), piece_of.end.to_string());
        let pending_class = piece_of.pending.then_some("is-pending");
        if segment.layers.is_empty() {
            return html! { <span class={classes!("seg", pending_class)} data-s={s} data-e={e}>{ piece }</span> };
        }
        let ids: Vec<&str> = segment.layers.iter().map(|l| l.id.as_str()).collect();
        let first_piece = piece_of.start == segment.start;
        let badge: Vec<&str> = segment
            .layers
            .iter()
            .filter(|l| l.starts_here && first_piece)
            .map(|l| name_of(labels, &l.label))
            .collect();
        let title: Vec<String> = segment
            .layers
            .iter()
            .map(|l| format!("{} — {}", name_of(labels, &l.label), l.source.as_deref().unwrap_or("unattributed")))
            .collect();
        let is_selected = selected.as_ref().is_some_and(|s| segment.layers.iter().any(|l| &l.id == s));
        html! {
            <span
                class={classes!("seg", "hl", is_selected.then_some("is-selected"), pending_class)}
                data-s={s}
                data-e={e}
                data-ids={ids.join(" ")}
                data-badge={(!badge.is_empty()).then(|| badge.join(" · "))}
                title={title.join("\n")}
                style={highlight_style(&segment.layers, labels, !badge.is_empty())}
            >{ piece }</span>
        }
    });
    let (start, end) = (block.start.to_string(), block.end.to_string());
    match block.kind {
        BlockKind::Heading => {
            html! { <h2 class="block" data-s={start} data-e={end}>{ for spans }</h2> }
        }
        BlockKind::Paragraph => {
            html! { <p class="block" data-s={start} data-e={end}>{ for spans }</p> }
        }
    }
}

/// A selection waiting for its label.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    span: Span,
    anchor: MenuAnchor,
}

/// Scrolls the first highlight of annotation `id` into view and makes all of its highlights
/// flash once.
pub fn reveal(id: &AnnotationId) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(all) = document.query_selector_all(".seg[data-ids]") else {
        return;
    };
    let mut first = true;
    for i in 0..all.length() {
        let Some(element) = all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let ids = element.get_attribute("data-ids").unwrap_or_default();
        if !ids.split(' ').any(|candidate| candidate == id.as_str()) {
            continue;
        }
        if first {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            first = false;
        }
        let classes = element.class_list();
        let _ = classes.remove_1("flash");
        // Reading layout restarts the CSS animation when the class is added again.
        let _ = element.offset_width();
        let _ = classes.add_1("flash");
    }
}

/// Which annotation a click on a highlight selects: the innermost, or, when the previous click
/// selected `previous` here and it is still selected, the next one outward (repeated clicks
/// cycle through nested and overlapping annotations).
fn clicked_annotation(ids: &[&str], previous: Option<&AnnotationId>) -> Option<AnnotationId> {
    let at = previous.and_then(|p| ids.iter().position(|id| *id == p.as_str()));
    let index = match at {
        Some(i) => (i + ids.len() - 1) % ids.len(),
        None => ids.len().checked_sub(1)?,
    };
    Some(AnnotationId::new(ids[index]))
}

#[function_component(DocumentView)]
pub fn document_view() -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let document = &workspace.document;
    let doc_id = document.id().to_string();

    let blocks = {
        let text = document.text.clone();
        use_memo(doc_id.clone(), move |_| {
            let blocks = layout::blocks(&text);
            let texts: Vec<Rc<str>> = blocks
                .iter()
                .map(|b| Rc::from(text.slice(b.start, b.end)))
                .collect();
            (blocks, texts)
        })
    };
    let segments = use_memo((doc_id.clone(), store.revision), |_| {
        layout::segments(workspace, &blocks.0)
    });
    let labels = use_memo(workspace.labels.clone(), |labels| Rc::new(labels.clone()));
    let pending = use_state(|| None::<Pending>);
    let article = use_node_ref();
    // The segment (its start offset) and annotation of the last click on a highlight.
    let last_click = use_mut_ref(|| None::<(String, AnnotationId)>);

    {
        let store = store.clone();
        let pending = pending.clone();
        let article = article.clone();
        let text = document.text.clone();
        let last_click = last_click.clone();
        let snap = store.snap_to_words;
        use_effect_with((doc_id.clone(), snap), move |_| {
            let window = web_sys::window().expect("a browser window");
            let listener = EventListener::new(&window, "mouseup", move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                if target
                    .as_ref()
                    .is_some_and(|t| t.closest(".tag-menu, .modal").ok().flatten().is_some())
                {
                    return;
                }
                let Some(root) = article.cast::<Element>() else {
                    return;
                };
                if let Some(raw) = current_selection(&root, text.len()) {
                    let span = snap_selection(&text, raw.start, raw.end, snap);
                    pending.set(span.map(|span| Pending {
                        span,
                        anchor: raw.anchor,
                    }));
                    return;
                }
                pending.set(None);
                let segment = target.and_then(|t| t.closest(".seg[data-ids]").ok().flatten());
                let Some(segment) = segment.filter(|s| root.contains(Some(s))) else {
                    *last_click.borrow_mut() = None;
                    return;
                };
                let ids = segment.get_attribute("data-ids").unwrap_or_default();
                let ids: Vec<&str> = ids.split(' ').collect();
                let here = segment.get_attribute("data-s").unwrap_or_default();
                let previous = last_click
                    .borrow()
                    .clone()
                    .filter(|(at, id)| *at == here && store.selected.as_ref() == Some(id))
                    .map(|(_, id)| id);
                if let Some(id) = clicked_annotation(&ids, previous.as_ref()) {
                    *last_click.borrow_mut() = Some((here, id.clone()));
                    store.dispatch(Msg::Select(Some(id)));
                }
            });
            move || drop(listener)
        });
    }

    let on_choose = {
        let store = store.clone();
        let pending = pending.clone();
        Callback::from(move |choice: TagChoice| {
            if let Some(p) = &*pending {
                store.dispatch(Msg::Do(Action::Add {
                    span: p.span,
                    label: choice.label,
                    attribution: Attribution::named(&choice.attribution),
                    note: choice.note.trim().to_string(),
                    now: now_iso(),
                }));
            }
            pending.set(None);
            clear_selection();
        })
    };
    let on_cancel = {
        let pending = pending.clone();
        Callback::from(move |_| {
            pending.set(None);
            clear_selection();
        })
    };

    let on_done = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Msg::Do(Action::SetDone(input.checked())));
        })
    };
    let selected = store.selected.clone();
    let block_views = blocks.0.iter().zip(&blocks.1).zip(segments.iter()).map(|((block, text), segments)| {
        let selected_here = selected
            .clone()
            .filter(|id| segments.iter().any(|s| s.layers.iter().any(|l| &l.id == id)));
        let pending_here = pending
            .as_ref()
            .map(|p| (p.span.start().max(block.start), p.span.end().min(block.end)))
            .filter(|(from, to)| from < to);
        html! {
            <BlockView key={block.start} block={*block} text={text.clone()} segments={segments.clone()}
                labels={(*labels).clone()} selected={selected_here} pending={pending_here} />
        }
    });
    let menu = pending.as_ref().map(|p| {
        html! {
            <TagMenu quote={document.text.quote(p.span).to_string()} anchor={p.anchor}
                labels={(*labels).clone()} sources={Rc::new(workspace.source_names())}
                on_choose={on_choose.clone()} on_cancel={on_cancel.clone()} />
        }
    });
    html! {
        <>
            <article class="doc" lang="en" ref={article} aria-label="Document text">
                <header class="doc-head">
                    <h1 class="doc-title">{ &document.title }</h1>
                    <label class="done-toggle" title="Mark this document finished">
                        <input type="checkbox" checked={workspace.done} onchange={on_done} />
                        { "Done" }
                    </label>
                </header>
                { for block_views }
                if blocks.0.is_empty() {
                    <p class="empty-doc">{ "This document has no text. Use Open to paste or load a text." }</p>
                }
            </article>
            { for menu }
        </>
    }
}
