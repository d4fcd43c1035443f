//! `claimmark merge [--min-agree K] [--strict] [--conflicts OUT] -o GOLD FILE...`: each FILE is
//! one annotator's work; documents are matched across files by their text and merged by
//! `model::merge` (the code the browser's adjudication screen calls: the same naming, matching
//! and merging), the gold set written with
//! every annotation's provenance, and optionally the open conflict groups' variants.

use super::args::{Matches, Usage};
use super::input::{self, Reading, Stdin};
use super::output::{self, Target};
use super::spec::MERGE;
use super::Finished;
use crate::model::formats::{Format, Unit};
use crate::model::merge::{min_agree, AnnotatorFiles, Merge, Summary};
use crate::model::workspace::Workspace;

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let usage = |message: String| Usage::new(Some(MERGE.name), message);
    let Some(gold) = matches.value("output") else {
        return Err(usage("merge needs -o GOLD, where the gold set goes".into()));
    };
    let paths = &matches.free;
    if paths.is_empty() {
        return Err(usage("merge needs at least one FILE".into()));
    }
    input::stdin_at_most_once(MERGE.name, paths)?;
    let conflicts = matches.value("conflicts");
    if gold == "-" && conflicts == Some("-") {
        return Err(usage(
            "-o and --conflicts cannot both be standard output (-)".into(),
        ));
    }
    let min = match matches.value("min-agree") {
        None => None,
        Some(k) => Some(k.parse::<usize>().map_err(|_| {
            usage(format!(
                "--min-agree takes a whole number of annotators, found {k:?}"
            ))
        })?),
    };
    let min = min_agree(min, paths.len()).map_err(|e| usage(format!("--min-agree: {e}")))?;
    let format = Format::from_file_name(gold).unwrap_or(Format::Native);
    let target = output::target(format, Some(gold)).map_err(usage)?;
    let reading = input::reading(matches, MERGE.name)?;
    let (files, warnings) = match read(paths, stdin, &reading) {
        Ok(read) => read,
        Err(errors) => return Ok(Finished::failed(errors)),
    };
    let merges = match merged(&files, min) {
        Ok(merges) => merges,
        Err(errors) => return Ok(Finished::failed(errors)),
    };
    let golds: Vec<Workspace> = merges.iter().map(Merge::gold).collect();
    let mut stdout = match write(&target, format, &golds) {
        Ok(stdout) => stdout,
        Err(error) => return Ok(Finished::failed(vec![error]).warn(&warnings)),
    };
    if let Some(out) = conflicts {
        let open: Vec<Workspace> = merges.iter().map(Merge::conflicts).collect();
        let target = output::target(Format::Native, Some(out)).map_err(usage)?;
        match write(&target, Format::Native, &open) {
            Ok(bytes) => stdout.extend(bytes),
            Err(error) => return Ok(Finished::failed(vec![error]).warn(&warnings)),
        }
    }
    let (line, open) = summary(&merges, paths.len(), min);
    let code = i32::from(matches.switch("strict") && open > 0);
    Ok(Finished {
        code,
        stdout,
        stderr: line,
    }
    .warn(&warnings))
}

/// Reads each FILE (any importable format; W3C files onto the documents read before them)
/// with its warnings. Annotators are named by their files (`model::merge::AnnotatorFiles`).
fn read(
    paths: &[String],
    stdin: &mut Stdin,
    reading: &Reading,
) -> Result<(AnnotatorFiles, Vec<String>), Vec<String>> {
    let (mut files, mut warnings, mut errors) = (AnnotatorFiles::new(), Vec::new(), Vec::new());
    for path in paths {
        let known: Vec<Workspace> = files
            .files()
            .first()
            .map_or(Vec::new(), |f| f.documents.clone());
        match input::load(std::slice::from_ref(path), &known, stdin, reading) {
            Ok(loaded) if loaded.documents.is_empty() => {
                errors.push(format!("{path}: holds no documents"));
            }
            Ok(loaded) => {
                warnings.extend(loaded.warnings);
                files.add(path, &input::file_name(path), loaded.documents);
            }
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        Ok((files, warnings))
    } else {
        Err(errors)
    }
}

/// Every document merged, in the first FILE's order; or why the files cannot be merged.
fn merged(files: &AnnotatorFiles, min: usize) -> Result<Vec<Merge>, Vec<String>> {
    files
        .matched()?
        .into_iter()
        .map(|annotators| {
            Merge::new(annotators, Some(min)).map_err(|e| vec![format!("claimmark: {e}")])
        })
        .collect()
}

/// Writes documents to a target; the bytes for standard output.
fn write(target: &Target, format: Format, documents: &[Workspace]) -> Result<Vec<u8>, String> {
    let documents: Vec<&Workspace> = documents.iter().collect();
    output::write(target, format, Unit::CodePoint, &documents)
        .map_err(|e| format!("claimmark: {e}"))
}

/// The summary line of every document together, and how many conflict groups remain.
fn summary(merges: &[Merge], annotators: usize, min: usize) -> (String, usize) {
    let mut total = Summary::default();
    for merge in merges {
        let s = merge.summary();
        total.unanimous += s.unanimous;
        total.majority += s.majority;
        total.single += s.single;
        total.open += s.open;
    }
    let agreed = if annotators == 1 {
        format!("{} single", total.single)
    } else {
        format!("{} unanimous, {} majority", total.unanimous, total.majority)
    };
    let (documents, who) = (
        merges.len(),
        if annotators == 1 {
            "annotator"
        } else {
            "annotators"
        },
    );
    let line = format!(
        "claimmark: {agreed}, {} conflict group(s) in {documents} document(s) from {annotators} {who} (K = {min})\n",
        total.open
    );
    (line, total.open)
}
