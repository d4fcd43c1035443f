//! `claimmark convert --to FORMAT [-o OUT] INPUT...`: reads the inputs and writes their
//! documents in one format, with the same `formats::export` as the web app (so the same bytes).

use super::args::{Matches, Usage};
use super::input::{self, Stdin};
use super::output::{self, Target};
use super::spec::{self, CONVERT};
use super::Finished;
use crate::model::formats::{Format, Unit};
use crate::model::workspace::Workspace;

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let usage = |message: String| Usage::new(Some(CONVERT.name), message);
    let Some(format_id) = matches.value("to") else {
        return Err(usage("convert needs --to FORMAT".into()));
    };
    let Some(format) = Format::from_id(format_id) else {
        let known = spec::format_ids().join(", ");
        return Err(usage(format!(
            "unknown format {format_id:?}; FORMAT is one of: {known}"
        )));
    };
    let out = matches.value("output");
    let target = output::target(format, out).map_err(usage)?;
    let inputs = &matches.free;
    if inputs.is_empty() {
        return Err(usage("convert needs at least one INPUT".into()));
    }
    input::stdin_at_most_once(CONVERT.name, inputs)?;
    let unit = match matches.value("to-offsets") {
        None | Some("codepoint") => Unit::CodePoint,
        Some("utf16") if format == Format::Doccano => Unit::Utf16,
        Some("utf16") => {
            return Err(usage(
                "--to-offsets utf16 is for --to doccano; the other formats count code points"
                    .into(),
            ))
        }
        Some(other) => {
            return Err(usage(format!(
                "unknown unit {other:?} for --to-offsets; UNIT is codepoint or utf16"
            )))
        }
    };
    let reading = input::reading(matches, CONVERT.name)?;
    let loaded = match input::load(inputs, &[], stdin, &reading) {
        Ok(loaded) if !loaded.documents.is_empty() => loaded,
        Ok(loaded) => {
            let none = vec!["claimmark: the inputs hold no documents".to_string()];
            return Ok(Finished::failed(none).warn(&loaded.warnings));
        }
        Err(errors) => return Ok(Finished::failed(errors)),
    };
    let documents: Vec<&Workspace> = loaded.documents.iter().collect();
    if let Some(refusal) = output::refusal(&target, documents.len()) {
        return Err(usage(refusal));
    }
    let finished = match output::write(&target, format, unit, &documents) {
        Ok(stdout) => Finished {
            code: 0,
            stdout,
            stderr: wrote(&target, documents.len(), format),
        },
        Err(error) => Finished::failed(vec![format!("claimmark: {error}")]),
    };
    Ok(finished.warn(&loaded.warnings).refuse(&loaded.refused))
}

/// What was written where (nothing to say when it went to standard output).
fn wrote(target: &Target, documents: usize, format: Format) -> String {
    let place = match target {
        Target::Stdout => return String::new(),
        Target::File(path) | Target::Directory(path) => path.display().to_string(),
        Target::Pair(ann) => format!(
            "{} and {}",
            ann.display(),
            ann.with_extension("txt").display()
        ),
    };
    format!(
        "claimmark: wrote {documents} document(s) as {} to {place}\n",
        format.name()
    )
}
