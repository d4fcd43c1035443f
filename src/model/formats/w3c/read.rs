//! Reading W3C Web Annotations onto open documents: claimmark's own, Recogito's (several
//! `tagging` bodies, empty bodies, comments, gazetteer links) and Hypothesis's (`tags` and
//! `text` beside a W3C target). Each annotation is placed by its `TextPositionSelector`,
//! checked against its `TextQuoteSelector`, and found by the quote when the position is off.
//! JavaScript tools count positions in UTF-16 units; the unit is weighed once per file.
//!
//! What an annotation's bodies say (label, source, note, a merged annotation's provenance) is
//! read by `bodies`. Relations (`linking` annotations) are counted, not imported.

use serde_json::{Map, Value};

use super::bodies::{draft, first_object, objects, selector, str_of};
use super::write::{hex_of, DOCUMENT_PREFIX};
use crate::model::anchor::find_quote;
use crate::model::formats::build::DocumentBuilder;
use crate::model::formats::collect::{verdict_warning, Records};
use crate::model::formats::files::ImportOptions;
use crate::model::formats::problem::{Decoded, Problem};
use crate::model::formats::skipped::Skipped;
use crate::model::formats::units::{between_words, decide, Offsets, Tally, Unit, UnitMap, Verdict};
use crate::model::workspace::Workspace;

/// The annotations of a collection, page, list or single annotation.
fn items(root: &Value) -> Result<Vec<&Map<String, Value>>, Problem> {
    let kind = root.get("type").and_then(Value::as_str);
    let list = match (root, kind) {
        (Value::Array(_), _) => objects(Some(root)),
        (_, Some("AnnotationCollection")) => match root.get("first") {
            Some(Value::Object(page)) => objects(page.get("items")),
            Some(Value::String(iri)) => {
                return Err(Problem { at: "first".into(), message: format!("the collection's first page is only linked ({iri}); save a file that embeds its annotations") })
            }
            _ => Vec::new(),
        },
        (_, Some("AnnotationPage")) => objects(root.get("items")),
        // A Hypothesis API search result: `{"total": n, "rows": [...]}`.
        (Value::Object(page), None) if page.get("rows").is_some_and(Value::is_array) => {
            objects(page.get("rows"))
        }
        (Value::Object(single), _) => vec![single],
        _ => Vec::new(),
    };
    Ok(list)
}

/// One annotation's target, read before the unit is known.
struct Target<'v> {
    at: String,
    /// The builder (document) it belongs to.
    document: usize,
    position: Option<(i64, i64)>,
    quote: Option<&'v Map<String, Value>>,
    item: &'v Map<String, Value>,
}

pub fn import(
    text: &str,
    known: &[&Workspace],
    options: &ImportOptions,
) -> Result<Decoded, Vec<Problem>> {
    let file_problem = |message: String| {
        vec![Problem {
            at: "file".into(),
            message,
        }]
    };
    let root: Value =
        serde_json::from_str(text).map_err(|e| file_problem(format!("is not valid JSON ({e})")))?;
    let annotations = items(&root).map_err(|p| vec![p])?;
    let Some(&fallback) = known.first() else {
        return Err(file_problem(
            "W3C annotations do not carry their text: open the document first".into(),
        ));
    };
    if annotations.is_empty() {
        return Err(file_problem("there are no annotations in this file".into()));
    }
    let mut builders: Vec<(String, DocumentBuilder)> = Vec::new();
    let mut targets = Vec::new();
    let mut skipped = Skipped::default();
    for (index, item) in annotations.iter().enumerate() {
        let at = format!("annotation {} ({})", index + 1, str_of(item, "id"));
        if str_of(item, "motivation") == "linking" {
            // A relation between two annotations (Recogito): its targets are their ids.
            skipped.add(
                "relation (a linking annotation)",
                "relations (linking annotations)",
            );
            continue;
        }
        let target = first_object(item.get("target"));
        let source = target.map_or("", |t| str_of(t, "source"));
        let workspace = known
            .iter()
            .copied()
            .find(|w| source.strip_prefix(DOCUMENT_PREFIX) == Some(hex_of(w)))
            .unwrap_or(fallback);
        let key = workspace.document.id();
        let document = match builders.iter().position(|(k, _)| k == key) {
            Some(document) => document,
            None => {
                let mut builder = DocumentBuilder::with_labels(
                    &workspace.document.title,
                    workspace.document.text.as_str(),
                    workspace.labels.clone(),
                );
                builder.set_language(workspace.document.language.as_deref());
                builders.push((
                    key.to_string(),
                    builder.at(format!("“{}”", workspace.document.title)),
                ));
                builders.len() - 1
            }
        };
        let Some(target) = target else {
            builders[document]
                .1
                .problem(&at, "has no target with selectors");
            continue;
        };
        builders[document]
            .1
            .set_language(target.get("language").and_then(Value::as_str));
        let selectors = objects(target.get("selector"));
        let position = selector(&selectors, "TextPositionSelector")
            .and_then(|p| Some((p.get("start")?.as_i64()?, p.get("end")?.as_i64()?)));
        let quote = selector(&selectors, "TextQuoteSelector");
        targets.push(Target {
            at,
            document,
            position,
            quote,
            item,
        });
    }
    // claimmark's own files name their documents by content id and count code points.
    let ours = targets.iter().any(|t| {
        first_object(t.item.get("target"))
            .is_some_and(|t| str_of(t, "source").starts_with(DOCUMENT_PREFIX))
    });
    let verdict = match options.offsets {
        Offsets::Fixed(unit) => Verdict::Agree(unit),
        Offsets::Auto if ours => Verdict::Agree(Unit::CodePoint),
        Offsets::Auto => weigh(&targets, &builders),
    };
    let maps: Vec<UnitMap> = builders
        .iter()
        .map(|(_, b)| UnitMap::new(b.document().text.as_str(), verdict.unit()))
        .collect();
    let mut warnings = Vec::new();
    for target in &targets {
        let builder = &mut builders[target.document].1;
        match place(builder, &maps[target.document], target, &mut warnings) {
            Ok((start, end, shift)) => {
                let draft = draft(
                    target.item,
                    start,
                    end,
                    shift,
                    &maps[target.document],
                    &mut skipped,
                );
                builder.add(&target.at, draft);
            }
            Err(message) => builder.problem(&target.at, message),
        }
    }
    let mut out = Records::new("the tool that wrote this file", Unit::Utf16);
    for warning in verdict_warning(verdict, "the tool that wrote this file")
        .into_iter()
        .chain(warnings)
    {
        out.warn(warning);
    }
    for warning in skipped.warnings("") {
        out.warn(warning);
    }
    for (_, builder) in builders {
        out.push(builder);
    }
    let mut decoded = out.finish(Offsets::Fixed(Unit::CodePoint));
    decoded.verdict = verdict;
    Ok(decoded)
}

/// Weighs code points against UTF-16 over every annotation with both a position and a quote.
fn weigh(targets: &[Target], builders: &[(String, DocumentBuilder)]) -> Verdict {
    let maps: Vec<UnitMap> = builders
        .iter()
        .map(|(_, b)| UnitMap::new(b.document().text.as_str(), Unit::Utf16))
        .collect();
    let (mut code_points, mut utf16) = (Tally::default(), Tally::default());
    for target in targets {
        let (Some((start, end)), Some(quote)) = (target.position, target.quote) else {
            continue;
        };
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            continue;
        };
        let map = &maps[target.document];
        let converted = map.to_code_points(start).zip(map.to_code_points(end));
        if converted == Some((start, end)) {
            continue;
        }
        let builder = &builders[target.document].1;
        let text = &builder.document().text;
        for (pair, tally) in [
            (Some((start, end)), &mut code_points),
            (converted, &mut utf16),
        ] {
            tally.differing += 1;
            let fits = pair.and_then(|(s, e)| builder.span(s as i64, e as i64).ok());
            match fits {
                Some(span) if text.quote(span) == str_of(quote, "exact") => {
                    let edge = |at: usize| between_words(text.char_before(at), text.char_at(at));
                    tally.inside_words += usize::from(!edge(span.start()) || !edge(span.end()));
                }
                _ => tally.broken += 1,
            }
        }
    }
    decide(Unit::Utf16, code_points, utf16)
}

/// Where an annotation goes, in code points: its position when the quote agrees (or there is
/// no quote), else where the quote is found; and how far its mention and cue move with it.
fn place(
    builder: &DocumentBuilder,
    map: &UnitMap,
    target: &Target,
    warnings: &mut Vec<String>,
) -> Result<(i64, i64, i64), String> {
    let convert = |(s, e): (i64, i64)| -> (i64, i64) {
        let one = |o: i64| {
            usize::try_from(o)
                .ok()
                .and_then(|o| map.to_code_points(o))
                .map_or(o, |c| c as i64)
        };
        (one(s), one(e))
    };
    let text = &builder.document().text;
    let find = |q: &Map<String, Value>, hint: Option<usize>| {
        find_quote(
            text,
            str_of(q, "exact"),
            str_of(q, "prefix"),
            str_of(q, "suffix"),
            hint,
        )
    };
    match (target.position.map(convert), target.quote) {
        (Some((s, e)), Some(q)) => {
            let fits = builder
                .span(s, e)
                .is_ok_and(|span| text.quote(span) == str_of(q, "exact"));
            if fits {
                return Ok((s, e, 0));
            }
            let span = find(q, usize::try_from(s).ok()).ok_or_else(|| {
                format!(
                    "the quote {:?} is not in “{}”",
                    str_of(q, "exact"),
                    builder.document().title
                )
            })?;
            warnings.push(format!(
                "{}: the position did not match the quote; placed by the quote at {span}",
                target.at
            ));
            let start = span.start() as i64;
            Ok((start, span.end() as i64, start - s))
        }
        (Some((s, e)), None) => Ok((s, e, 0)),
        (None, Some(q)) => find(q, None)
            .map(|span| (span.start() as i64, span.end() as i64, 0))
            .ok_or_else(|| format!("the quote {:?} is not in the document", str_of(q, "exact"))),
        (None, None) => Err(no_selector(target.item)),
    }
}

/// Why an annotation cannot be placed: the selectors it has instead, if any.
fn no_selector(item: &Map<String, Value>) -> String {
    let kinds: Vec<&str> =
        objects(first_object(item.get("target")).and_then(|t| t.get("selector")))
            .iter()
            .map(|s| str_of(s, "type"))
            .collect();
    let has = match kinds.as_slice() {
        [] => String::new(),
        kinds => format!(
            " (it has a {}, whose place claimmark cannot resolve in a plain text)",
            kinds.join(", ")
        ),
    };
    format!("has neither a TextPositionSelector nor a TextQuoteSelector{has}")
}
