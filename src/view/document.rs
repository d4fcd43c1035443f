//! The reading view: the document as blocks of highlighted text (see [`super::block`]),
//! the tag menu that appears when text is selected, and clicks on highlights.
//!
//! What the article does is in [`super::hooks`]: the mouse ([`super::hooks::mouse_selection`]),
//! the keyboard caret ([`super::hooks::keyboard_caret`]), revealing annotations and offsets
//! ([`super::hooks::reveal`]), the mention/cue marks ([`super::hooks::link_marks`]) and a
//! student's check marks ([`super::hooks::check_marks`]). Suggestions are drawn as overlays
//! (dashed outlines, [`super::suggesting`]): never annotations, the text stays as it is. This
//! module lays the blocks out and renders them.

use std::rc::Rc;

use yew::prelude::*;

use super::block::BlockView;
use super::hooks::article::{use_article, Article};
use super::hooks::check_marks::use_check_overlays;
use super::hooks::keyboard_caret::{use_keyboard_caret, KeyboardCaret};
use super::hooks::link_marks::use_link_marks;
use super::hooks::mouse_selection::use_mouse_selection;
use super::hooks::reveal::{use_reveal, use_scroll_request};
use super::prerendered::use_ready;
use super::store::{use_store, Msg, StoreHandle};
use super::tag_menu::TagMenu;
use super::window::{use_block_window, BlockWindow, WindowHandle};
use crate::model::language::{direction, LANGUAGES};
use crate::model::layout::{self, Block, Segment};
use crate::model::overlay::Overlay;
use crate::model::{Action, AnnotationId, Label, Workspace};

/// The document's blocks and each block's own text.
struct Blocks {
    layout: Rc<Vec<Block>>,
    texts: Vec<Rc<str>>,
}

/// The blocks of the shown document, laid out once per document.
#[hook]
fn use_blocks(workspace: &Workspace) -> Rc<Blocks> {
    let text = workspace.document.text.clone();
    use_memo(workspace.document.id().to_string(), move |_| {
        let layout = layout::blocks(&text);
        let texts = layout
            .iter()
            .map(|b| Rc::from(text.slice(b.start, b.end)))
            .collect();
        Blocks {
            layout: Rc::new(layout),
            texts,
        }
    })
}

#[function_component(DocumentView)]
pub fn document_view() -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let document = &workspace.document;
    let doc_id = document.id().to_string();

    let blocks = use_blocks(workspace);
    let container = use_node_ref();
    let WindowHandle { window, scroll_to } =
        use_block_window(container.clone(), blocks.layout.clone(), doc_id.clone());
    // Only the blocks in the window are laid out.
    let segments = use_memo((doc_id, store.revision, window.first, window.last), |_| {
        layout::segments_of(workspace, &blocks.layout, window.first..window.last)
    });
    let labels = use_memo(workspace.labels.clone(), |labels| Rc::new(labels.clone()));
    let check_overlays = use_check_overlays(&store, workspace);
    let article = use_article(document.language.clone());
    use_mouse_selection(&store, &article, document);
    use_reveal(&store, workspace, &blocks.layout, &scroll_to);
    let onmouseover = use_link_marks(&store, &article);
    use_scroll_request(&store, &article, &blocks.layout, &scroll_to);
    let home = store
        .selected
        .as_ref()
        .and_then(|id| workspace.annotation(id))
        .map(|a| a.span.start())
        .unwrap_or_else(|| blocks.layout.get(window.first).map_or(0, |b| b.start));
    let KeyboardCaret {
        onkeydown,
        onfocus,
        onblur,
        announcement,
    } = use_keyboard_caret(&store, &article, &blocks.layout, &labels, &scroll_to, home);
    // Last: its effect marks the app ready once the hooks above have attached their listeners.
    use_ready();

    let mut overlays = check_overlays.to_vec();
    // The suggestions' dashed outlines, for the blocks in the window.
    let from = blocks.layout.get(window.first).map_or(0, |b| b.start);
    let to = window
        .last
        .checked_sub(1)
        .and_then(|i| blocks.layout.get(i))
        .map_or(0, |b| b.end);
    overlays.extend(store.suggestions.overlays(document.id(), from, to));
    if let Some(p) = article.pending.as_ref().filter(|p| !p.marked) {
        overlays.push(Overlay {
            start: p.span.start(),
            end: p.span.end(),
            class: "is-pending",
            title: String::new(),
        });
    }
    let children = block_views(&blocks, &segments, window, &labels, &overlays, &store);
    let menu = article.pending.as_ref().map(|p| {
        html! {
            <TagMenu key="menu" quote={document.text.quote(p.span).to_string()} anchor={p.anchor}
                labels={(*labels).clone()}
                on_choose={article.on_choose(&store)} on_cancel={article.on_cancel()} />
        }
    });
    let Article { node, .. } = article;
    // The document's language and direction; each paragraph finds its own direction
    // (`dir="auto"`), so mixed documents read right too.
    let lang = document.language.clone().unwrap_or_default();
    let dir = document
        .language
        .as_deref()
        .map_or("auto", |l| direction(l).as_str());
    html! {
        <>
            // Keyed, so that the menu appearing beside it never makes Yew rebuild the article.
            <article key="article" class="doc" {lang} {dir} ref={node} aria-label="Document text"
                tabindex="0" aria-describedby="caret-help" {onkeydown} {onfocus} {onblur} {onmouseover}>
                <p id="caret-help" class="visually-hidden">
                    { "Arrow keys move a caret (Ctrl: by word; up and down: by sentence; Ctrl+up and down: by paragraph); with Shift they select. Enter opens the tag menu; 1, 2, 3 tag the selection." }
                </p>
                <p class="visually-hidden" aria-live="polite">{ announcement.unwrap_or_default() }</p>
                { document_head(&store, workspace) }
                <div class="blocks" ref={container}>
                    { for children }
                </div>
                if blocks.layout.is_empty() {
                    <p class="empty-doc">{ "This document has no text. Use Open to paste or load a text." }</p>
                }
            </article>
            { for menu }
        </>
    }
}

/// The title, the language and the "Done" switch.
fn document_head(store: &StoreHandle, workspace: &Workspace) -> Html {
    let on_done = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Msg::Do(Action::SetDone(input.checked())));
        })
    };
    html! {
        <header class="doc-head">
            <h1 class="doc-title" dir="auto">{ &workspace.document.title }</h1>
            <div class="doc-controls">
                { language_choice(store, workspace.document.language.as_deref()) }
                <label class="done-toggle" title="Mark this document finished">
                    <input type="checkbox" checked={workspace.done} onchange={on_done} />
                    { "Done" }
                </label>
            </div>
        </header>
    }
}

/// The document's language, to change (one undo step): the languages claimmark knows by name,
/// plus the current one when it is another tag.
fn language_choice(store: &StoreHandle, current: Option<&str>) -> Html {
    let onchange = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            let language = (!value.is_empty()).then_some(value);
            store.dispatch(Msg::Do(Action::SetLanguage(language)));
        })
    };
    let known = LANGUAGES.iter().any(|(tag, _, _)| Some(*tag) == current);
    let other = current.filter(|_| !known).map(|tag| {
        html! { <option value={tag.to_string()} selected=true>{ tag }</option> }
    });
    let options = LANGUAGES.iter().map(|(tag, name, own)| {
        let label = if name == own { name.to_string() } else { format!("{name} · {own}") };
        html! { <option value={*tag} selected={current == Some(*tag)} lang={*tag}>{ label }</option> }
    });
    html! {
        <label class="language-choice" title="The text's language: its word and sentence rules, and its direction">
            <span class="visually-hidden">{ "Language" }</span>
            <select {onchange}>
                <option value="" selected={current.is_none()}>{ "Language: unknown" }</option>
                { for other }
                { for options }
            </select>
        </label>
    }
}

/// The blocks in the window between their two spacers. Every child of the blocks' container is
/// keyed (Yew must not mix keyed and unkeyed children), the spacers included, even when empty.
fn block_views(
    blocks: &Blocks,
    segments: &[Rc<[Segment]>],
    window: BlockWindow,
    labels: &Rc<Vec<Label>>,
    overlays: &[Overlay],
    store: &StoreHandle,
) -> Vec<Html> {
    let selected: Option<&AnnotationId> = store.selected.as_ref();
    let block_views = (window.first..window.last).map(|index| {
        let (block, text, segments) = (
            &blocks.layout[index],
            &blocks.texts[index],
            &segments[index - window.first],
        );
        let selected_here = selected
            .filter(|id| {
                segments
                    .iter()
                    .any(|s| s.layers.iter().any(|l| &l.id == *id))
            })
            .cloned();
        let overlays_here: Rc<[Overlay]> = overlays
            .iter()
            .filter(|o| o.start < block.end && block.start < o.end)
            .cloned()
            .collect();
        html! {
            <div class="block-wrap" key={block.start} data-block={index.to_string()}>
                <BlockView block={*block} text={text.clone()} segments={segments.clone()}
                    labels={labels.clone()} selected={selected_here} overlays={overlays_here} />
            </div>
        }
    });
    let spacer = |key: &'static str, height: f64| {
        html! { <div key={key} class="spacer" aria-hidden="true" style={format!("height:{height:.0}px")}></div> }
    };
    std::iter::once(spacer("spacer-before", window.before))
        .chain(block_views)
        .chain(std::iter::once(spacer("spacer-after", window.after)))
        .collect()
}
