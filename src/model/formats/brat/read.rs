//! Reading brat standoff as brat reads it: `T` lines with pieces (`0 5;9 14`, in any order),
//! the whitespace brat tolerates (a tab after the text, several spaces between offsets), and a
//! `.txt` saved with CR LF whose offsets count each line break once (weighed by `collect`).
//! Relations other than claimmark's, events, attributes, normalisations, equivalences and notes
//! on events or relations are counted in a warning. A `.ann` without its `.txt` is a rejected document; a `.txt` without
//! an `.ann` beside other pairs is a document without annotations, as brat shows it.

use std::collections::HashMap;

use super::write::{CUE_RELATION, CUE_TYPE, PROVENANCE_NOTE, RELATION, SOURCE_NOTE, SOURCE_TYPE};
use crate::model::formats::build::{DocumentBuilder, Draft};
use crate::model::formats::collect::Records;
use crate::model::formats::files::{file_extension, file_stem, text_of, ImportOptions, InputFile};
use crate::model::formats::problem::{Decoded, ImportError, Problem};
use crate::model::formats::provenance::read_text;
use crate::model::formats::skipped::Skipped;
use crate::model::formats::units::Unit;

/// A parsed `T` line: its type, pieces (in the file's order) and text.
struct TextBound {
    kind: String,
    pieces: Vec<(i64, i64)>,
    text: String,
}

fn parse_text_bound(rest: &str) -> Option<TextBound> {
    let mut fields = rest.split('\t');
    let head = fields.next()?;
    let text = fields.next().unwrap_or("");
    let (kind, offsets) = head.trim().split_once([' ', '\t'])?;
    let mut pieces = Vec::new();
    for fragment in offsets.split(';') {
        let mut numbers = fragment.split_whitespace();
        let (s, e) = (numbers.next()?, numbers.next()?);
        if numbers.next().is_some() {
            return None;
        }
        pieces.push((s.parse::<i64>().ok()?, e.parse::<i64>().ok()?));
    }
    Some(TextBound {
        kind: kind.to_string(),
        pieces,
        text: text.to_string(),
    })
}

/// What the lines of one `.ann` file hold.
#[derive(Default)]
struct Lines {
    bounds: Vec<(String, TextBound, usize)>,
    relations: Vec<(&'static str, String, String)>,
    notes: HashMap<String, Vec<String>>,
}

fn read_lines(
    stem: &str,
    ann: &str,
    builder: &mut DocumentBuilder,
    skipped: &mut Skipped,
) -> Lines {
    let mut lines = Lines::default();
    for (number, line) in ann.lines().enumerate() {
        let at = format!("{stem}.ann line {}", number + 1);
        let Some((id, rest)) = line.split_once('\t') else {
            if !line.trim().is_empty() {
                builder.problem(&at, "is not a brat standoff line (no tab)");
            }
            continue;
        };
        match id.chars().next() {
            Some('T') => match parse_text_bound(rest) {
                Some(bound) => lines.bounds.push((id.to_string(), bound, number + 1)),
                None => builder.problem(&at, format!("cannot read the offsets of {id}")),
            },
            Some('R') => {
                let mut parts = rest.split('\t').next().unwrap_or("").split_whitespace();
                let kind = parts.next().unwrap_or("");
                let args: Vec<&str> = parts.collect();
                let arg = |name: &str| {
                    args.iter()
                        .find_map(|a| a.strip_prefix(name))
                        .map(str::to_string)
                };
                let ours = [RELATION, CUE_RELATION].into_iter().find(|k| *k == kind);
                match (ours, arg("Arg1:"), arg("Arg2:")) {
                    (Some(ours), Some(from), Some(to)) => lines.relations.push((ours, from, to)),
                    _ => skipped.add(
                        &format!("relation of type “{kind}”"),
                        &format!("relations of type “{kind}”"),
                    ),
                }
            }
            Some('#') => {
                let mut parts = rest.splitn(2, '\t');
                let target = parts
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("");
                let note = parts.next().unwrap_or("").to_string();
                lines
                    .notes
                    .entry(target.to_string())
                    .or_default()
                    .push(note);
            }
            Some('E') => skipped.add("event", "events"),
            Some('A' | 'M') => skipped.add("attribute", "attributes"),
            Some('N') => skipped.add("normalisation", "normalisations"),
            Some('*') => skipped.add("equivalence", "equivalences"),
            _ => builder.problem(
                &at,
                format!("{id} is not a brat annotation id (T, R, E, A, M, N, * or #)"),
            ),
        }
    }
    lines
}

/// One document from a `.txt` and its `.ann`.
fn read_one(stem: &str, txt: &str, ann: &str, skipped: &mut Skipped) -> DocumentBuilder {
    let mut builder = DocumentBuilder::new(stem, txt).at(format!("{stem}.ann"));
    let lines = read_lines(stem, ann, &mut builder, skipped);
    for (target, notes) in &lines.notes {
        if !lines.bounds.iter().any(|(id, _, _)| id == target) {
            skipped.add_n(
                "note on an event or relation",
                "notes on events or relations",
                notes.len(),
            );
        }
    }
    let linked_ids: Vec<&String> = lines.relations.iter().map(|(_, _, to)| to).collect();
    for (id, bound, number) in &lines.bounds {
        if (bound.kind == SOURCE_TYPE || bound.kind == CUE_TYPE) && linked_ids.contains(&id) {
            continue;
        }
        let whole = |b: &TextBound| {
            let start = b.pieces.iter().map(|p| p.0).min().unwrap_or(0);
            (start, b.pieces.iter().map(|p| p.1).max().unwrap_or(0))
        };
        let linked = |wanted: &str| {
            lines
                .relations
                .iter()
                .find(|(kind, from, _)| *kind == wanted && from == id)
                .and_then(|(_, _, to)| lines.bounds.iter().find(|(t, _, _)| t == to))
                .map(|(_, b, _)| whole(b))
        };
        let mut source = None;
        let mut note_lines = Vec::new();
        let mut provenance = None;
        for note in lines.notes.get(id).into_iter().flatten() {
            if let Some(name) = note.strip_prefix(SOURCE_NOTE) {
                source = Some(name.to_string());
            } else if let Some(found) = note
                .strip_prefix(PROVENANCE_NOTE)
                .and_then(|json| read_text(json).ok())
            {
                // A note that only looks like one stays a note.
                provenance = Some(found);
            } else {
                note_lines.push(note.clone());
            }
        }
        let (start, end) = whole(bound);
        let draft = Draft {
            start,
            end,
            fragments: if bound.pieces.len() > 1 {
                bound.pieces.clone()
            } else {
                Vec::new()
            },
            label: bound.kind.clone(),
            source,
            mention: linked(RELATION),
            cue: linked(CUE_RELATION),
            note: note_lines.join("\n"),
            quote: Some(bound.text.clone()).filter(|t| !t.is_empty()),
            provenance,
            ..Draft::default()
        };
        builder.add(&format!("{stem}.ann line {number} ({id})"), draft);
    }
    builder
}

/// Reads `(stem, txt, ann)` triples.
pub fn import(pairs: &[(String, String, String)], options: &ImportOptions) -> Decoded {
    let mut out = Records::new("brat", Unit::NewlineAsOne);
    let mut skipped = Skipped::default();
    for (stem, txt, ann) in pairs {
        out.push(read_one(stem, txt, ann, &mut skipped));
    }
    for warning in skipped.warnings("claimmark keeps spans with their attribution and cue") {
        out.warn(warning);
    }
    out.finish(options.offsets)
}

/// Pairs `.ann` files with the `.txt` of the same name and reads them as brat.
pub fn import_files(files: &[&InputFile], options: &ImportOptions) -> Result<Decoded, ImportError> {
    let mut pairs = Vec::new();
    let mut orphans = Vec::new();
    let is = |f: &&InputFile, ext: &str| file_extension(&f.name) == ext;
    for ann in files.iter().filter(|f| is(f, "ann")) {
        let txt = files
            .iter()
            .find(|f| is(f, "txt") && file_stem(&f.name) == file_stem(&ann.name));
        match txt {
            Some(txt) => pairs.push((
                file_stem(&ann.name).to_string(),
                text_of(txt)?.to_string(),
                text_of(ann)?.to_string(),
            )),
            None => orphans.push(ann),
        }
    }
    if pairs.is_empty() && orphans.is_empty() {
        return Err(ImportError::Invalid(vec![Problem {
            at: files[0].name.clone(),
            message: "a .txt alone has no annotations; use Open text to annotate it, or add its .ann file".into(),
        }]));
    }
    // A .txt without an .ann beside annotated ones is a document brat shows without annotations.
    for txt in files.iter().filter(|f| is(f, "txt")) {
        let stem = file_stem(&txt.name);
        if !pairs.iter().any(|(s, _, _)| s == stem) {
            pairs.push((stem.to_string(), text_of(txt)?.to_string(), String::new()));
        }
    }
    let mut decoded = import(&pairs, options);
    for ann in orphans {
        let stem = file_stem(&ann.name);
        decoded
            .rejected
            .push(crate::model::formats::problem::Rejected {
                record: ann.name.clone(),
                title: stem.to_string(),
                problems: vec![Problem {
                    at: ann.name.clone(),
                    message: format!("brat needs the text too: choose {stem}.txt with it"),
                }],
            });
    }
    Ok(decoded)
}
