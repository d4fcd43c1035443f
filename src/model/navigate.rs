//! Moving between annotations: the next and previous one in text order (the J and K keys), and
//! which of the annotations stacked under a click the click selects (repeated clicks cycle
//! outward through nested and overlapping annotations).

use super::annotation::{Annotation, AnnotationId};

/// The annotation after `selected` in `annotations` (text order); with nothing selected, or a
/// selection that is not among them, the first. `None` after the last.
pub fn next<'a>(
    annotations: &'a [Annotation],
    selected: Option<&AnnotationId>,
) -> Option<&'a AnnotationId> {
    let next = match position(annotations, selected) {
        Some(i) => annotations.get(i + 1),
        None => annotations.first(),
    };
    next.map(|a| &a.id)
}

/// The annotation before `selected` in `annotations` (text order); with nothing selected, or a
/// selection that is not among them, the last. `None` before the first.
pub fn previous<'a>(
    annotations: &'a [Annotation],
    selected: Option<&AnnotationId>,
) -> Option<&'a AnnotationId> {
    let previous = match position(annotations, selected) {
        Some(i) => i.checked_sub(1).and_then(|p| annotations.get(p)),
        None => annotations.last(),
    };
    previous.map(|a| &a.id)
}

fn position(annotations: &[Annotation], selected: Option<&AnnotationId>) -> Option<usize> {
    selected.and_then(|id| annotations.iter().position(|a| &a.id == id))
}

/// Which annotation a click on a highlight selects. `ids` are the annotations covering the
/// clicked text, outermost first (a segment's `data-ids`). The innermost, or, when the
/// previous click selected `previous` here and it is still selected, the next one outward;
/// after the outermost comes the innermost again. `None` when nothing covers the text.
pub fn clicked(ids: &[&str], previous: Option<&AnnotationId>) -> Option<AnnotationId> {
    let at = previous.and_then(|p| ids.iter().position(|id| *id == p.as_str()));
    let index = match at {
        Some(i) => (i + ids.len() - 1) % ids.len(),
        None => ids.len().checked_sub(1)?,
    };
    Some(AnnotationId::new(ids[index]))
}
