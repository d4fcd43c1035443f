//! Writing brat (see the module above for the shape).

use std::collections::HashMap;

use crate::model::annotation::Annotation;
use crate::model::formats::build::one_line;
use crate::model::formats::files::safe_stem;
use crate::model::formats::provenance::to_text;
use crate::model::span::Span;
use crate::model::text::Text;
use crate::model::workspace::Workspace;

pub(super) const SOURCE_TYPE: &str = "Source";
pub(super) const RELATION: &str = "Attribution";
pub(super) const CUE_TYPE: &str = "Cue";
/// brat keeps entity and relation types in one namespace, so the cue's relation has its own name.
pub(super) const CUE_RELATION: &str = "Has_cue";
pub(super) const SOURCE_NOTE: &str = "source: ";
/// The note that holds a merged annotation's provenance, as one line of JSON.
pub(super) const PROVENANCE_NOTE: &str = "provenance: ";

/// The pieces of `span` between line breaks, as brat fragments.
fn fragments(text: &Text, span: Span) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = None;
    for (offset, c) in (span.start()..span.end()).zip(text.slice(span.start(), span.end()).chars())
    {
        match (c == '\n' || c == '\r', start) {
            (true, Some(s)) => {
                pieces.push((s, offset));
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
    }
    if let Some(s) = start {
        pieces.push((s, span.end()));
    }
    if pieces.is_empty() {
        pieces.push((span.start(), span.end()));
    }
    pieces
}

/// A `T` line's offsets and text for `span` (or its pieces, when it has them).
fn text_bound(text: &Text, span: Span, parts: &[Span]) -> String {
    let pieces: Vec<(usize, usize)> = if parts.is_empty() {
        fragments(text, span)
    } else {
        parts.iter().flat_map(|p| fragments(text, *p)).collect()
    };
    let offsets: Vec<String> = pieces.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let quotes: Vec<&str> = pieces.iter().map(|&(s, e)| text.slice(s, e)).collect();
    format!(
        "{}\t{}",
        offsets.join(";"),
        quotes.join(" ").replace(['\r', '\n'], " ")
    )
}

fn bound_of(text: &Text, annotation: &Annotation) -> String {
    text_bound(text, annotation.span, &annotation.fragments)
}

/// brat types cannot contain spaces.
fn brat_type(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join("_")
}

/// The `.ann` content of one document.
fn ann(workspace: &Workspace) -> String {
    let text = &workspace.document.text;
    let mut lines = Vec::new();
    let mut next_t = 1;
    let mut ids = Vec::new();
    for annotation in workspace.annotations() {
        lines.push(format!(
            "T{next_t}\t{} {}",
            brat_type(annotation.label.as_str()),
            bound_of(text, annotation)
        ));
        ids.push(next_t);
        next_t += 1;
    }
    let mut linked_ids: HashMap<(&str, usize, usize), usize> = HashMap::new();
    let (mut relations, mut notes) = (Vec::new(), Vec::new());
    for (annotation, t) in workspace.annotations().iter().zip(&ids) {
        if let Some(attribution) = &annotation.attribution {
            let linked = [
                (attribution.mention, SOURCE_TYPE, RELATION),
                (attribution.cue, CUE_TYPE, CUE_RELATION),
            ];
            for (span, kind, relation) in linked {
                let Some(span) = span else { continue };
                let m = *linked_ids
                    .entry((kind, span.start(), span.end()))
                    .or_insert_with(|| {
                        lines.push(format!("T{next_t}\t{kind} {}", text_bound(text, span, &[])));
                        next_t += 1;
                        next_t - 1
                    });
                relations.push(format!(
                    "R{}\t{relation} Arg1:T{t} Arg2:T{m}\t",
                    relations.len() + 1
                ));
            }
            notes.push(format!(
                "#{}\tAnnotatorNotes T{t}\t{SOURCE_NOTE}{}",
                notes.len() + 1,
                one_line(&attribution.source)
            ));
        }
        if !annotation.note.is_empty() {
            notes.push(format!(
                "#{}\tAnnotatorNotes T{t}\t{}",
                notes.len() + 1,
                one_line(&annotation.note)
            ));
        }
        if let Some(provenance) = &annotation.provenance {
            notes.push(format!(
                "#{}\tAnnotatorNotes T{t}\t{PROVENANCE_NOTE}{}",
                notes.len() + 1,
                to_text(provenance)
            ));
        }
    }
    lines.extend(relations);
    lines.extend(notes);
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `<stem>.txt` and `<stem>.ann` for each document, stems made unique.
pub fn export(documents: &[&Workspace]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for workspace in documents {
        let base = safe_stem(&workspace.document.title);
        let mut stem = base.clone();
        let mut n = 2;
        while used.contains(&stem) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        used.push(stem.clone());
        files.push((
            format!("{stem}.txt"),
            workspace.document.text.as_str().to_string(),
        ));
        files.push((format!("{stem}.ann"), ann(workspace)));
    }
    files
}
