//! `claimmark suggest [-o OUT] [--to FORMAT] INPUT...`: pre-annotates documents with the
//! suggestion engine the web app uses (`model::suggest`) and writes them with the suggested
//! annotations, marked `"suggested": true` with their `"confidence"` in claimmark JSON.
//!
//! A `.txt` input is one plain text (its title is the file name), kept byte for byte; any other
//! input is read like `convert` reads it, its annotations kept (and not suggested again) and
//! what its documents learned (`suggester`) used. `-` is claimmark JSON or JSON Lines when it
//! starts with `{`, else a plain text.

use std::path::Path;

use super::args::{Matches, Usage};
use super::input::{self, Stdin, STDIN};
use super::output;
use super::spec::{self, SUGGEST};
use super::Finished;
use crate::model::formats::{self, texts, Format, InputFile, Unit};
use crate::model::suggest::lexicon::for_language;
use crate::model::suggest::{model_of, pre_annotated, suggest};
use crate::model::workspace::Workspace;

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let usage = |message: String| Usage::new(Some(SUGGEST.name), message);
    let format = match matches.value("to") {
        None => Format::Native,
        Some(id) => Format::from_id(id).ok_or_else(|| {
            let known = spec::format_ids().join(", ");
            usage(format!("unknown format {id:?}; FORMAT is one of: {known}"))
        })?,
    };
    let target = output::target(format, matches.value("output")).map_err(usage)?;
    let inputs = &matches.free;
    if inputs.is_empty() {
        return Err(usage("suggest needs at least one INPUT".into()));
    }
    input::stdin_at_most_once(SUGGEST.name, inputs)?;
    let mut documents: Vec<Workspace> = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for name in inputs {
        match read(name, stdin) {
            Ok((read, said)) => {
                documents.extend(read);
                warnings.extend(said);
            }
            Err(problems) => errors.extend(problems),
        }
    }
    if !errors.is_empty() {
        return Ok(Finished::failed(errors).warn(&warnings));
    }
    if documents.is_empty() {
        let none = vec!["claimmark: the inputs hold no documents".to_string()];
        return Ok(Finished::failed(none).warn(&warnings));
    }
    if let Some(refusal) = output::refusal(&target, documents.len()) {
        return Err(usage(refusal));
    }
    let (annotated, summary) = annotate(&documents, &mut warnings);
    let refs: Vec<&Workspace> = annotated.iter().collect();
    let finished = match output::write(&target, format, Unit::CodePoint, &refs) {
        Ok(stdout) => Finished {
            code: 0,
            stdout,
            stderr: summary,
        },
        Err(error) => Finished::failed(vec![format!("claimmark: {error}")]),
    };
    Ok(finished.warn(&warnings))
}

/// The documents with their suggestions, and a line saying how many there are.
fn annotate(documents: &[Workspace], warnings: &mut Vec<String>) -> (Vec<Workspace>, String) {
    let model = model_of(documents);
    let mut total = 0;
    let mut annotated = Vec::with_capacity(documents.len());
    for ws in documents {
        if for_language(ws.document.language.as_deref()).is_none() {
            let language = ws.document.language.as_deref().unwrap_or("unknown");
            warnings.push(format!(
                "“{}”: no suggestions for its language ({language}); claimmark suggests in English only",
                ws.document.title
            ));
        }
        let suggestions = suggest(ws, &model);
        total += suggestions.len();
        annotated.push(pre_annotated(ws, &suggestions, ""));
    }
    let summary = format!(
        "claimmark: {total} suggested annotation(s) in {} document(s)\n",
        documents.len()
    );
    (annotated, summary)
}

/// One input's documents and warnings, or its problems.
fn read(name: &str, stdin: &mut Stdin) -> Result<(Vec<Workspace>, Vec<String>), Vec<String>> {
    let lower = name.to_ascii_lowercase();
    if name == "-" {
        let bytes = stdin.read().map_err(|e| vec![e])?;
        let json = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{');
        let file = InputFile {
            name: if json { "stdin.json" } else { "stdin.txt" }.to_string(),
            bytes,
        };
        return if json {
            import(STDIN, file)
        } else {
            text(STDIN, file)
        };
    }
    if lower.ends_with(".txt") && !Path::new(name).is_dir() {
        let bytes = std::fs::read(name).map_err(|e| vec![format!("{name}: cannot read ({e})")])?;
        let file_name = Path::new(name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(name);
        let file = InputFile {
            name: file_name.to_string(),
            bytes,
        };
        return text(name, file);
    }
    let loaded = input::load(&[name.to_string()], &[], stdin, &input::Reading::default())?;
    Ok((loaded.documents, loaded.warnings))
}

/// A plain text as one document.
fn text(shown: &str, file: InputFile) -> Result<(Vec<Workspace>, Vec<String>), Vec<String>> {
    let documents = texts::documents(&[file]).map_err(|e| vec![format!("{shown}: {e}")])?;
    Ok((
        documents.into_iter().map(Workspace::new).collect(),
        Vec::new(),
    ))
}

/// Annotated documents read through the importers.
fn import(shown: &str, file: InputFile) -> Result<(Vec<Workspace>, Vec<String>), Vec<String>> {
    let report = formats::import(&[file], &[]).map_err(|e| {
        e.to_string()
            .lines()
            .map(|line| format!("{shown}: {line}"))
            .collect::<Vec<_>>()
    })?;
    let warnings = report
        .warnings
        .iter()
        .map(|w| format!("{shown}: {w}"))
        .collect();
    Ok((report.documents, warnings))
}
