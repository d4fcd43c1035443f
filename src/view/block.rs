//! One block (paragraph or subheading) of the reading view, memoised.
//!
//! A [`BlockView`]'s props are the block's own text, its segments and the overlays that touch
//! it, so adding an annotation re-renders only the blocks whose segments changed. Every rendered
//! run of text is a `span.seg` carrying `data-s`/`data-e` code point offsets, which
//! [`super::selection`] reads; badges are CSS `::before` content, never selectable text.
//! Overlays (a pending selection, a student's missed and extra spans) cut the segments into
//! pieces (`model::overlay`).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::layout::{Block, BlockKind, Layer, Segment};
use crate::model::offsets::split_at_code_points;
use crate::model::overlay::{pieces, Overlay};
use crate::model::{AnnotationId, Label, LabelId};

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub block: Block,
    /// The block's own text (code points `block.start..block.end` of the document).
    pub text: Rc<str>,
    pub segments: Rc<[Segment]>,
    pub labels: Rc<Vec<Label>>,
    /// The selected annotation, only when it has a segment in this block.
    pub selected: Option<AnnotationId>,
    /// Overlays touching this block (a pending selection stays marked while the tag menu has
    /// focus, as the browser's own selection fades when focus moves).
    pub overlays: Rc<[Overlay]>,
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
        overlays,
    } = props;
    let pieces = pieces(segments, overlays);
    let cuts: Vec<usize> = pieces
        .iter()
        .skip(1)
        .map(|p| p.start - block.start)
        .collect();
    let texts = split_at_code_points(text, &cuts);
    let spans = pieces.iter().zip(texts).map(|(piece_of, piece)| {
        let segment = piece_of.segment;
        let (s, e) = (piece_of.start.to_string(), piece_of.end.to_string());
        let overlay_classes = piece_of.classes.clone();
        // What the overlays covering the piece say (a check mark, the key's explanation).
        let notes: Vec<&str> = overlays
            .iter()
            .filter(|o| !o.title.is_empty() && o.start <= piece_of.start && piece_of.end <= o.end)
            .map(|o| o.title.as_str())
            .collect();
        if segment.layers.is_empty() {
            let title = (!notes.is_empty()).then(|| notes.join("\n"));
            return html! { <span class={classes!("seg", overlay_classes)} data-s={s} data-e={e} {title}>{ piece }</span> };
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
            .chain(notes.iter().map(|n| n.to_string()))
            .collect();
        // What a screen reader says where annotations begin (the badge's alternative text).
        let spoken: Vec<String> = segment
            .layers
            .iter()
            .filter(|l| l.starts_here && first_piece)
            .map(|l| match &l.source {
                Some(source) => format!("{}, attributed to {source}:", name_of(labels, &l.label)),
                None => format!("{}, unattributed:", name_of(labels, &l.label)),
            })
            .collect();
        let is_selected = selected.as_ref().is_some_and(|s| segment.layers.iter().any(|l| &l.id == s));
        html! {
            <mark
                class={classes!("seg", "hl", is_selected.then_some("is-selected"), overlay_classes)}
                data-s={s}
                data-e={e}
                data-ids={ids.join(" ")}
                data-badge={(!badge.is_empty()).then(|| badge.join(" · "))}
                data-spoken={(!spoken.is_empty()).then(|| spoken.join(" "))}
                title={title.join("\n")}
                style={highlight_style(&segment.layers, labels, !badge.is_empty())}
            >{ piece }</mark>
        }
    });
    let (start, end) = (block.start.to_string(), block.end.to_string());
    match block.kind {
        BlockKind::Heading => {
            html! { <h2 class="block" dir="auto" data-s={start} data-e={end}>{ for spans }</h2> }
        }
        BlockKind::Paragraph => {
            html! { <p class="block" dir="auto" data-s={start} data-e={end}>{ for spans }</p> }
        }
    }
}
