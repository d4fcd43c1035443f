//! Writing doccano (see the module above for the shape).

use serde::Serialize;

use crate::model::formats::provenance::{encoded, Encoded};
use crate::model::formats::units::{Unit, UnitMap};
use crate::model::workspace::Workspace;

/// The label of mention entities and the type of attribution relations.
pub const SOURCE_LABEL: &str = "Source";
pub const RELATION_TYPE: &str = "attribution";
/// The label of reporting-cue entities and the type of their relations.
pub const CUE_LABEL: &str = "Cue";
pub const CUE_RELATION: &str = "cue";

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    entities: Vec<Entity<'a>>,
    relations: Vec<Relation>,
    attributions: Vec<Attributed<'a>>,
    notes: Vec<Noted<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    provenance: Vec<Assessed<'a>>,
    title: &'a str,
    document_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct Relation {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Attributed<'a> {
    entity_id: usize,
    source: &'a str,
}

#[derive(Serialize)]
struct Noted<'a> {
    entity_id: usize,
    note: &'a str,
}

#[derive(Serialize)]
struct Assessed<'a> {
    entity_id: usize,
    provenance: Encoded<'a>,
}

fn line(workspace: &Workspace, unit: Unit) -> Line<'_> {
    let map = UnitMap::new(workspace.document.text.as_str(), unit);
    let at = |offset: usize| map.from_code_points(offset);
    let annotations = workspace.annotations();
    let mut entities: Vec<Entity> = annotations
        .iter()
        .enumerate()
        .map(|(id, a)| Entity {
            id,
            start_offset: at(a.span.start()),
            end_offset: at(a.span.end()),
            label: a.label.as_str(),
        })
        .collect();
    let mut relations = Vec::new();
    for (from, annotation) in annotations.iter().enumerate() {
        let Some(attribution) = &annotation.attribution else {
            continue;
        };
        let linked = [
            (attribution.mention, SOURCE_LABEL, RELATION_TYPE),
            (attribution.cue, CUE_LABEL, CUE_RELATION),
        ];
        for (span, label, kind) in linked {
            let Some(span) = span else { continue };
            let (start, end) = (at(span.start()), at(span.end()));
            let existing = entities
                .iter()
                .skip(annotations.len())
                .find(|e| (e.start_offset, e.end_offset, e.label) == (start, end, label));
            let to = match existing {
                Some(entity) => entity.id,
                None => {
                    let id = entities.len();
                    entities.push(Entity {
                        id,
                        start_offset: start,
                        end_offset: end,
                        label,
                    });
                    id
                }
            };
            relations.push(Relation {
                id: relations.len(),
                from_id: from,
                to_id: to,
                kind,
            });
        }
    }
    Line {
        text: workspace.document.text.as_str(),
        label: annotations
            .iter()
            .map(|a| (at(a.span.start()), at(a.span.end()), a.label.as_str()))
            .collect(),
        entities,
        relations,
        attributions: annotations
            .iter()
            .enumerate()
            .filter_map(|(entity_id, a)| a.source().map(|source| Attributed { entity_id, source }))
            .collect(),
        notes: annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.note.is_empty())
            .map(|(entity_id, a)| Noted {
                entity_id,
                note: &a.note,
            })
            .collect(),
        provenance: annotations
            .iter()
            .enumerate()
            .filter_map(|(entity_id, a)| {
                let provenance = encoded(a.provenance.as_ref()?);
                Some(Assessed {
                    entity_id,
                    provenance,
                })
            })
            .collect(),
        title: &workspace.document.title,
        document_id: workspace.document.id(),
        language: workspace.document.language.as_deref(),
    }
}

/// One JSON line per document, offsets in code points.
pub fn export(documents: &[&Workspace]) -> String {
    export_in(documents, Unit::CodePoint)
}

/// One JSON line per document, offsets in `unit` (UTF-16 for doccano 1.6 and later, whose
/// front end counts in JavaScript's units).
pub fn export_in(documents: &[&Workspace], unit: Unit) -> String {
    let mut out = String::new();
    for workspace in documents {
        out.push_str(&serde_json::to_string(&line(workspace, unit)).unwrap_or_default());
        out.push('\n');
    }
    out
}
