//! Overlays: ranges drawn over the reading view that are not annotations (a selection waiting
//! for its label, a span a student missed or added when checking their work, a suggestion),
//! and the pieces a block's segments are cut into where overlays begin and end.

use super::layout::Segment;

/// A range drawn over the text without being an annotation, `[start, end)` in code points.
/// `class` is how the view draws it: `is-pending`, `is-missed`, `is-extra`, `is-wrong-label`,
/// `is-wrong-source`, `is-suggested`…; `title` what its tooltip says (a check mark and the key's
/// explanation), empty for none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlay {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
    pub title: String,
}

/// A run of a segment, split further where an overlay begins or ends, with the classes of the
/// overlays covering all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'s> {
    pub start: usize,
    pub end: usize,
    pub segment: &'s Segment,
    pub classes: Vec<&'static str>,
}

/// `segments` (one block's, in order) cut at every overlay boundary inside them. The pieces
/// cover the segments exactly, in order; a segment no overlay cuts is one piece.
pub fn pieces<'s>(segments: &'s [Segment], overlays: &[Overlay]) -> Vec<Piece<'s>> {
    let mut pieces = Vec::with_capacity(segments.len() + 2 * overlays.len());
    for segment in segments {
        let mut cuts = vec![segment.start, segment.end];
        for overlay in overlays {
            let inside = |c: &usize| *c > segment.start && *c < segment.end;
            cuts.extend([overlay.start, overlay.end].into_iter().filter(inside));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let classes = overlays
                .iter()
                .filter(|o| o.start <= start && end <= o.end)
                .map(|o| o.class)
                .collect();
            pieces.push(Piece {
                start,
                end,
                segment,
                classes,
            });
        }
    }
    pieces
}
