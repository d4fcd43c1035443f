//! brat standoff: a `.txt` with the text and an `.ann` with the annotations, per document.
//!
//! Each annotation is a `T` line typed by its label id; a span that crosses a line break is
//! written as fragments split at the break (`T1\tclaim 0 12;13 20\t…`), as brat requires.
//! Source mentions are `T` lines typed `Source`, linked by `R` lines
//! `Attribution Arg1:T1 Arg2:T2`; a reporting cue is a `T` line typed `Cue`, linked by
//! `Has_cue Arg1:T1 Arg2:T3`. The source name (with or without a mention) is an
//! `AnnotatorNotes` line `source: <name>`; a note is an `AnnotatorNotes` line of its own.
//! Offsets are code points, as brat (Python) counts them. Importing ignores events,
//! attributes and normalisations, and says how many.

use std::collections::HashMap;

use super::build::{DocumentBuilder, Draft};
use super::files::{file_extension, file_stem, safe_stem, text_of, InputFile};
use super::problem::{Decoded, ImportError, Problem};
use crate::model::span::Span;
use crate::model::text::Text;
use crate::model::workspace::Workspace;

const SOURCE_TYPE: &str = "Source";
const RELATION: &str = "Attribution";
const CUE_TYPE: &str = "Cue";
/// brat keeps entity and relation types in one namespace, so the cue's relation has its own name.
const CUE_RELATION: &str = "Has_cue";
const SOURCE_NOTE: &str = "source: ";

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

/// A `T` line's offsets and text for `span`.
fn text_bound(text: &Text, span: Span) -> String {
    let pieces = fragments(text, span);
    let offsets: Vec<String> = pieces.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let quotes: Vec<&str> = pieces.iter().map(|&(s, e)| text.slice(s, e)).collect();
    format!(
        "{}\t{}",
        offsets.join(";"),
        quotes.join(" ").replace(['\r', '\n'], " ")
    )
}

/// brat types cannot contain spaces.
fn brat_type(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join("_")
}

fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
            text_bound(text, annotation.span)
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
                        lines.push(format!("T{next_t}\t{kind} {}", text_bound(text, span)));
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

/// A parsed `T` line.
struct TextBound {
    kind: String,
    start: i64,
    end: i64,
    text: String,
}

fn parse_text_bound(rest: &str) -> Option<TextBound> {
    let (head, text) = rest.split_once('\t').unwrap_or((rest, ""));
    let (kind, offsets) = head.split_once(' ')?;
    let mut pieces = Vec::new();
    for fragment in offsets.split(';') {
        let (s, e) = fragment.trim().split_once(' ')?;
        pieces.push((s.parse::<i64>().ok()?, e.parse::<i64>().ok()?));
    }
    Some(TextBound {
        kind: kind.to_string(),
        start: pieces.iter().map(|p| p.0).min()?,
        end: pieces.iter().map(|p| p.1).max()?,
        text: text.to_string(),
    })
}

fn import_one(
    stem: &str,
    txt: &str,
    ann_text: &str,
    warnings: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Workspace {
    let mut builder = DocumentBuilder::new(stem, txt);
    let mut bounds: Vec<(String, TextBound, usize)> = Vec::new();
    let mut relations: Vec<(&str, String, String)> = Vec::new();
    let mut notes: HashMap<String, Vec<String>> = HashMap::new();
    let mut ignored = 0;
    for (number, line) in ann_text.lines().enumerate() {
        let at = format!("{stem}.ann line {}", number + 1);
        let Some((id, rest)) = line.split_once('\t') else {
            if !line.trim().is_empty() {
                problems.push(Problem {
                    at,
                    message: "is not a brat standoff line (no tab)".into(),
                });
            }
            continue;
        };
        match id.chars().next() {
            Some('T') => match parse_text_bound(rest) {
                Some(bound) => bounds.push((id.to_string(), bound, number + 1)),
                None => problems.push(Problem {
                    at,
                    message: format!("cannot read the offsets of {id}"),
                }),
            },
            Some('R') => {
                let mut parts = rest.split('\t').next().unwrap_or("").split(' ');
                let kind = parts.next().unwrap_or("");
                let args: Vec<&str> = parts.collect();
                let arg = |name: &str| {
                    args.iter()
                        .find_map(|a| a.strip_prefix(name))
                        .map(str::to_string)
                };
                let kind = [RELATION, CUE_RELATION].into_iter().find(|k| *k == kind);
                match (kind, arg("Arg1:"), arg("Arg2:")) {
                    (Some(kind), Some(from), Some(to)) => relations.push((kind, from, to)),
                    _ => ignored += 1,
                }
            }
            Some('#') => {
                let mut parts = rest.splitn(2, '\t');
                let target = parts
                    .next()
                    .unwrap_or("")
                    .split(' ')
                    .nth(1)
                    .unwrap_or("")
                    .to_string();
                notes
                    .entry(target)
                    .or_default()
                    .push(parts.next().unwrap_or("").to_string());
            }
            _ => ignored += 1,
        }
    }
    if ignored > 0 {
        warnings.push(format!("{stem}.ann: {ignored} line(s) of events, attributes, normalisations or other relations were not imported"));
    }
    let linked_ids: Vec<&String> = relations.iter().map(|(_, _, to)| to).collect();
    for (id, bound, number) in &bounds {
        if (bound.kind == SOURCE_TYPE || bound.kind == CUE_TYPE) && linked_ids.contains(&id) {
            continue;
        }
        let at = format!("{stem}.ann line {number} ({id})");
        let linked = |wanted: &str| {
            relations
                .iter()
                .find(|(kind, from, _)| *kind == wanted && from == id)
                .and_then(|(_, _, to)| bounds.iter().find(|(t, _, _)| t == to))
                .map(|(_, b, _)| (b.start, b.end))
        };
        let (mention, cue) = (linked(RELATION), linked(CUE_RELATION));
        let mut source = None;
        let mut note_lines = Vec::new();
        for note in notes.get(id).into_iter().flatten() {
            match note.strip_prefix(SOURCE_NOTE) {
                Some(name) => source = Some(name.to_string()),
                None => note_lines.push(note.clone()),
            }
        }
        if source.is_none() {
            source = mention
                .and_then(|(s, e)| builder.span(s, e).ok())
                .map(|m| builder.document().text.quote(m).to_string());
        }
        if let Ok(span) = builder.span(bound.start, bound.end) {
            let expected = text_bound(&builder.document().text, span);
            let written = expected.split_once('\t').map_or("", |(_, t)| t);
            if !bound.text.is_empty()
                && written != bound.text
                && one_line(builder.document().text.quote(span)) != bound.text
            {
                problems.push(Problem {
                    at: at.clone(),
                    message: format!(
                        "text {:?} does not match the document at {span}, which is {written:?}",
                        bound.text
                    ),
                });
                continue;
            }
        }
        let draft = Draft {
            start: bound.start,
            end: bound.end,
            label: bound.kind.clone(),
            source,
            mention,
            cue,
            note: note_lines.join("\n"),
            ..Draft::default()
        };
        builder.add(&at, draft, problems);
    }
    let (workspace, repaired) = builder.finish();
    warnings.extend(repaired);
    workspace
}

/// Reads `(stem, txt, ann)` triples.
pub fn import(pairs: &[(String, String, String)]) -> Decoded {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let documents = pairs
        .iter()
        .map(|(stem, txt, ann)| import_one(stem, txt, ann, &mut warnings, &mut problems))
        .collect();
    if problems.is_empty() {
        Ok((documents, warnings))
    } else {
        Err(problems)
    }
}

/// Pairs `.ann` files with the `.txt` of the same name and reads them as brat.
pub fn import_files(files: &[&InputFile]) -> Result<(Vec<Workspace>, Vec<String>), ImportError> {
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for ann in files.iter().filter(|f| file_extension(&f.name) == "ann") {
        let txt = files.iter().find(|f| {
            file_extension(&f.name) == "txt" && file_stem(&f.name) == file_stem(&ann.name)
        });
        match txt {
            Some(txt) => pairs.push((
                file_stem(&ann.name).to_string(),
                text_of(txt)?.to_string(),
                text_of(ann)?.to_string(),
            )),
            None => problems.push(Problem {
                at: ann.name.clone(),
                message: format!(
                    "brat needs the text too: choose {}.txt with it",
                    file_stem(&ann.name)
                ),
            }),
        }
    }
    if pairs.is_empty() && problems.is_empty() {
        problems.push(Problem {
            at: files[0].name.clone(),
            message: "a .txt alone has no annotations; use Open text to annotate it, or add its .ann file".into(),
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    import(&pairs).map_err(ImportError::Invalid)
}
