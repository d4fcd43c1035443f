//! The reading view: the document as blocks of highlighted text (see [`super::block`]),
//! the tag menu that appears when text is selected, and clicks on highlights.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::block::{BlockView, Overlay};
use super::files::now_iso;
use super::keyboard::{interpret, KeyOutcome, KeySelection};
use super::linking::{link_selection, show_links};
use super::selection::{
    anchor_for, center_offset, clear_selection, current_selection, mark_caret, mark_pending,
    scroll_to_offset, select_span, MenuAnchor,
};
use super::storage;
use super::store::{use_store, Msg};
use super::tag_menu::{TagChoice, TagMenu};
use super::window::{use_block_window, WindowHandle};
use crate::model::layout;
use crate::model::review::{check_marks, CheckMark};
use crate::model::snap::snap_selection;
use crate::model::{Action, AnnotationId, Attribution, Span};

/// A selection waiting for its label.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    span: Span,
    anchor: MenuAnchor,
    /// True when the browser marks the span with a CSS highlight; otherwise the blocks do.
    marked: bool,
    /// Opened from the keyboard: focus returns to the article when the menu closes.
    from_keyboard: bool,
}

/// Moves keyboard focus to the article.
fn focus(article: &NodeRef) {
    if let Some(article) = article.cast::<HtmlElement>() {
        let _ = article.focus();
    }
}

/// Scrolls the first highlight of annotation `id` into view and makes all of its highlights
/// flash once. False when no highlight of it is rendered.
fn reveal(id: &AnnotationId) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(all) = document.query_selector_all(".seg[data-ids]") else {
        return false;
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
    !first
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
            (Rc::new(blocks), texts)
        })
    };
    let container = use_node_ref();
    let WindowHandle { window, scroll_to } =
        use_block_window(container.clone(), blocks.0.clone(), doc_id.clone());
    // Only the blocks in the window are laid out.
    let segments = use_memo(
        (doc_id.clone(), store.revision, window.first, window.last),
        |_| layout::segments_of(workspace, &blocks.0, window.first..window.last),
    );
    let labels = use_memo(workspace.labels.clone(), |labels| Rc::new(labels.clone()));
    let pending = use_state(|| None::<Pending>);
    // While a student checks their work: the key's missed spans and their own extra ones.
    let check_overlays = use_memo((doc_id.clone(), store.revision, store.checking), |_| {
        let key = store
            .checking
            .then(|| {
                workspace
                    .exercise
                    .as_ref()
                    .and_then(|e| storage::load_exercise(&e.id))
            })
            .flatten();
        let Some(key) = key else { return Vec::new() };
        check_marks(&key.material, workspace)
            .into_iter()
            .map(|(start, end, mark)| Overlay {
                start,
                end,
                class: match mark {
                    CheckMark::Missed => "is-missed",
                    CheckMark::Extra => "is-extra",
                },
            })
            .collect::<Vec<_>>()
    });
    let article = use_node_ref();
    // The keyboard selection while the article has focus (see `keyboard`).
    let keys = use_state(|| None::<KeySelection>);
    // Set when a key moved the selection (so that showing it may replace the browser's).
    let moved_by_keys = use_mut_ref(|| false);
    // The segment (its start offset) and annotation of the last click on a highlight.
    let last_click = use_mut_ref(|| None::<(String, AnnotationId)>);

    {
        let store = store.clone();
        let pending = pending.clone();
        let keys = keys.clone();
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
                    if let (Some(linking), Some(span)) = (store.linking.clone(), span) {
                        link_selection(&store, &linking, span);
                        clear_selection();
                        return;
                    }
                    pending.set(span.map(|span| Pending {
                        span,
                        anchor: raw.anchor,
                        marked: mark_pending(&root, Some(span)),
                        from_keyboard: false,
                    }));
                    keys.set(None);
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

    // Revealing an annotation: bring its block into the window, then scroll to and flash it.
    let revealing = use_mut_ref(|| None::<AnnotationId>);
    {
        let (revealing, blocks, scroll_to) = (revealing.clone(), blocks.clone(), scroll_to.clone());
        let start = store.reveal.as_ref().and_then(|(id, _)| {
            workspace
                .annotation(id)
                .map(|a| (id.clone(), a.span.start()))
        });
        use_effect_with(
            store.reveal.as_ref().map(|(_, serial)| *serial),
            move |_| {
                if let Some((id, start)) = start {
                    if !reveal(&id) {
                        let index = blocks.0.partition_point(|b| b.end <= start);
                        scroll_to.emit(index);
                        *revealing.borrow_mut() = Some(id);
                    }
                }
            },
        );
    }
    {
        let revealing = revealing.clone();
        use_effect(move || {
            let id = revealing.borrow().clone();
            if let Some(id) = id {
                if reveal(&id) {
                    *revealing.borrow_mut() = None;
                }
            }
        });
    }

    // The selected (or hovered) annotation's mention and cue share a highlight. Rendering can
    // replace the text nodes, so the marks are set again after every render.
    let hovered = use_mut_ref(|| None::<AnnotationId>);
    {
        let (article, store, hovered) = (article.clone(), store.clone(), hovered.clone());
        use_effect(move || {
            if let Some(root) = article.cast::<Element>() {
                let shown = hovered.borrow().clone().or_else(|| store.selected.clone());
                show_links(&root, &store, shown.as_ref());
            }
        });
    }
    let onmouseover = {
        let (article, store, hovered) = (article.clone(), store.clone(), hovered.clone());
        Callback::from(move |event: MouseEvent| {
            let over = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".seg[data-ids]").ok().flatten())
                .and_then(|seg| seg.get_attribute("data-ids"))
                .and_then(|ids| ids.split(' ').next_back().map(AnnotationId::new));
            if *hovered.borrow() != over {
                *hovered.borrow_mut() = over.clone();
                if let Some(root) = article.cast::<Element>() {
                    show_links(
                        &root,
                        &store,
                        over.or_else(|| store.selected.clone()).as_ref(),
                    );
                }
            }
        })
    };

    // Bringing an offset into view (search): render its block first if it is outside the window.
    let centring = use_mut_ref(|| None::<usize>);
    {
        let (centring, blocks, scroll_to, article) = (
            centring.clone(),
            blocks.clone(),
            scroll_to.clone(),
            article.clone(),
        );
        let request = store.scroll_to;
        use_effect_with(request.map(|(_, serial)| serial), move |_| {
            let (Some((at, _)), Some(root)) = (request, article.cast::<Element>()) else {
                return;
            };
            if !center_offset(&root, at) {
                scroll_to.emit(blocks.0.partition_point(|b| b.end <= at));
                *centring.borrow_mut() = Some(at);
            }
        });
    }
    {
        let (centring, article) = (centring.clone(), article.clone());
        use_effect(move || {
            let at = *centring.borrow();
            if let (Some(at), Some(root)) = (at, article.cast::<Element>()) {
                if center_offset(&root, at) {
                    *centring.borrow_mut() = None;
                }
            }
        });
    }

    // A pending mark goes when the selection it marked does.
    {
        let article = article.clone();
        use_effect_with(pending.as_ref().map(|p| p.span), move |span| {
            if span.is_none() {
                if let Some(root) = article.cast::<Element>() {
                    mark_pending(&root, None);
                }
            }
        });
    }

    let on_choose = {
        let (store, pending, keys, article) = (
            store.clone(),
            pending.clone(),
            keys.clone(),
            article.clone(),
        );
        Callback::from(move |choice: TagChoice| {
            if let Some(p) = &*pending {
                store.dispatch(Msg::Do(Action::Add {
                    span: p.span,
                    label: choice.label,
                    attribution: Attribution::named(&choice.attribution),
                    note: choice.note.trim().to_string(),
                    now: now_iso(),
                }));
                super::marks::mark_after_paint("claimmark:annotation-added");
                if p.from_keyboard {
                    keys.set(Some(KeySelection::caret(p.span.end())));
                    focus(&article);
                }
            }
            pending.set(None);
            clear_selection();
        })
    };
    let on_cancel = {
        let (pending, article) = (pending.clone(), article.clone());
        Callback::from(move |_| {
            if pending.as_ref().is_some_and(|p| p.from_keyboard) {
                focus(&article);
            }
            pending.set(None);
            clear_selection();
        })
    };

    // Keys in the focused article move a caret, extend a selection, open the menu or tag.
    let onkeydown = {
        let (store, pending, keys, article) = (
            store.clone(),
            pending.clone(),
            keys.clone(),
            article.clone(),
        );
        let moved_by_keys = moved_by_keys.clone();
        let (text, blocks, labels) = (document.text.clone(), blocks.clone(), labels.clone());
        Callback::from(move |event: KeyboardEvent| {
            let in_menu = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.closest(".tag-menu").ok().flatten().is_some());
            if in_menu || pending.is_some() {
                return;
            }
            let current =
                (*keys).unwrap_or(KeySelection::caret(blocks.0.first().map_or(0, |b| b.start)));
            let Some(outcome) = interpret(&event, &text, &blocks.0, current, store.snap_to_words)
            else {
                return;
            };
            event.prevent_default();
            match outcome {
                KeyOutcome::Move(selection) => {
                    *moved_by_keys.borrow_mut() = true;
                    keys.set(Some(selection));
                }
                KeyOutcome::OpenMenu(span) => {
                    if let Some(linking) = store.linking.clone() {
                        link_selection(&store, &linking, span);
                        keys.set(Some(KeySelection::caret(span.end())));
                        return;
                    }
                    let Some(root) = article.cast::<Element>() else {
                        return;
                    };
                    let Some(anchor) = anchor_for(&root, span) else {
                        return;
                    };
                    let marked = mark_pending(&root, Some(span));
                    pending.set(Some(Pending {
                        span,
                        anchor,
                        marked,
                        from_keyboard: true,
                    }));
                }
                KeyOutcome::Tag(span, index) => {
                    let Some(label) = labels.get(index) else {
                        return;
                    };
                    store.dispatch(Msg::Do(Action::Add {
                        span,
                        label: label.id.clone(),
                        attribution: None,
                        note: String::new(),
                        now: now_iso(),
                    }));
                    keys.set(Some(KeySelection::caret(span.end())));
                }
            }
        })
    };
    let onfocus = {
        let (keys, blocks, store) = (keys.clone(), blocks.clone(), store.clone());
        let first_shown = blocks.0.get(window.first).map_or(0, |b| b.start);
        let selected_start = store
            .selected
            .as_ref()
            .and_then(|id| workspace.annotation(id))
            .map(|a| a.span.start());
        let (article, len) = (article.clone(), document.text.len());
        Callback::from(move |_: FocusEvent| {
            // Only keyboard focus shows a caret; a click focuses the article to select with
            // the mouse, and must not disturb that selection.
            let Some(root) = article.cast::<Element>() else {
                return;
            };
            if !root.matches(":focus-visible").unwrap_or(false) {
                return;
            }
            match *keys {
                None => keys.set(Some(KeySelection::caret(
                    selected_start.unwrap_or(first_shown),
                ))),
                Some(selection) => {
                    mark_caret(&root, Some(selection.focus), len);
                }
            }
        })
    };
    let onblur = {
        let article = article.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(root) = article.cast::<Element>() {
                mark_caret(&root, None, 0);
            }
        })
    };
    // Show the keyboard selection: the browser's selection over it, a caret mark, in view.
    {
        let (article, keys, text, blocks, scroll_to) = (
            article.clone(),
            keys.clone(),
            document.text.clone(),
            blocks.clone(),
            scroll_to.clone(),
        );
        let moved_by_keys = moved_by_keys.clone();
        use_effect_with(*keys, move |selection| {
            let (Some(root), Some(selection)) = (article.cast::<Element>(), selection) else {
                return;
            };
            let index = blocks.0.partition_point(|b| b.end < selection.focus);
            if !mark_caret(&root, Some(selection.focus), text.len()) && index < blocks.0.len() {
                scroll_to.emit(index);
            }
            match selection.span(&text) {
                Some(span) => {
                    select_span(&root, span);
                }
                // A collapsed caret clears only a selection the keys made.
                None if moved_by_keys.replace(false) => clear_selection(),
                None => {}
            }
            scroll_to_offset(&root, selection.focus);
        });
    }
    let caret_text = keys.as_ref().map(|k| match k.span(&document.text) {
        Some(span) => {
            let quote: String = document.text.quote(span).chars().take(120).collect();
            format!("Selected: {quote}")
        }
        None => {
            let next: String = document
                .text
                .slice(k.focus, k.focus + 40)
                .chars()
                .take_while(|c| *c != '\n')
                .collect();
            format!("Caret before: {next}")
        }
    });

    let on_done = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Msg::Do(Action::SetDone(input.checked())));
        })
    };
    let selected = store.selected.clone();
    let mut overlays = check_overlays.to_vec();
    if let Some(p) = pending.as_ref().filter(|p| !p.marked) {
        overlays.push(Overlay {
            start: p.span.start(),
            end: p.span.end(),
            class: "is-pending",
        });
    }
    let block_views = (window.first..window.last).map(|index| {
        let (block, text, segments) = (
            &blocks.0[index],
            &blocks.1[index],
            &segments[index - window.first],
        );
        let selected_here = selected.clone().filter(|id| {
            segments
                .iter()
                .any(|s| s.layers.iter().any(|l| &l.id == id))
        });
        let overlays_here: Rc<[Overlay]> = overlays
            .iter()
            .filter(|o| o.start < block.end && block.start < o.end)
            .cloned()
            .collect();
        html! {
            <div class="block-wrap" key={block.start} data-block={index.to_string()}>
                <BlockView block={*block} text={text.clone()} segments={segments.clone()}
                    labels={(*labels).clone()} selected={selected_here} overlays={overlays_here} />
            </div>
        }
    });
    // Every child of the blocks' container is keyed (Yew must not mix keyed and unkeyed
    // children), the spacers included, even when empty.
    let spacer = |key: &'static str, height: f64| {
        html! { <div key={key} class="spacer" aria-hidden="true" style={format!("height:{height:.0}px")}></div> }
    };
    let children = std::iter::once(spacer("spacer-before", window.before))
        .chain(block_views)
        .chain(std::iter::once(spacer("spacer-after", window.after)));
    let menu = pending.as_ref().map(|p| {
        html! {
            <TagMenu key="menu" quote={document.text.quote(p.span).to_string()} anchor={p.anchor}
                labels={(*labels).clone()}
                on_choose={on_choose.clone()} on_cancel={on_cancel.clone()} />
        }
    });
    html! {
        <>
            // Keyed, so that the menu appearing beside it never makes Yew rebuild the article.
            <article key="article" class="doc" lang="en" ref={article} aria-label="Document text"
                tabindex="0" aria-describedby="caret-help" {onkeydown} {onfocus} {onblur} {onmouseover}>
                <p id="caret-help" class="visually-hidden">
                    { "Arrow keys move a caret (Ctrl: by word; up and down: by sentence; Ctrl+up and down: by paragraph); with Shift they select. Enter opens the tag menu; 1, 2, 3 tag the selection." }
                </p>
                <p class="visually-hidden" aria-live="polite">{ caret_text.unwrap_or_default() }</p>
                <header class="doc-head">
                    <h1 class="doc-title">{ &document.title }</h1>
                    <label class="done-toggle" title="Mark this document finished">
                        <input type="checkbox" checked={workspace.done} onchange={on_done} />
                        { "Done" }
                    </label>
                </header>
                <div class="blocks" ref={container}>
                    { for children }
                </div>
                if blocks.0.is_empty() {
                    <p class="empty-doc">{ "This document has no text. Use Open to paste or load a text." }</p>
                }
            </article>
            { for menu }
        </>
    }
}
