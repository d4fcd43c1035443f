//! `claimmark validate [--strict] [--offsets UNIT] FILE...`: imports each file on its own (a
//! brat `.txt` and its `.ann` together; a W3C file sees the documents of the files before it)
//! and says `FILE: ok (…)` on standard output, or every problem on standard error (exit 1),
//! naming how many documents are fine. The import's warnings are `warning: FILE: …` lines on
//! standard error; they fail the run only with `--strict`.

use super::args::{Matches, Usage};
use super::input::{self, Stdin, STDIN};
use super::spec::VALIDATE;
use super::Finished;
use crate::model::workspace::Workspace;

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let paths = &matches.free;
    if paths.is_empty() {
        return Err(Usage::new(
            Some(VALIDATE.name),
            "validate needs at least one FILE",
        ));
    }
    input::stdin_at_most_once(VALIDATE.name, paths)?;
    let mut reading = input::reading(matches, VALIDATE.name)?;
    // Every document's problems are listed, and the others counted.
    reading.skip_invalid = true;
    // Problems and warnings on standard error, in the order of the files.
    let mut stderr = String::new();
    let (mut problems, mut warnings) = (0, 0);
    let mut report = String::new();
    let mut known: Vec<Workspace> = Vec::new();
    for group in pairs(paths) {
        let name = if group == ["-"] {
            STDIN.to_string()
        } else {
            group.join(" + ")
        };
        match input::load(&group, &known, stdin, &reading) {
            Ok(loaded) => {
                let documents = loaded.documents;
                let count: usize = documents.iter().map(|d| d.annotations().len()).sum();
                if loaded.refused.is_empty() {
                    report.push_str(&format!(
                        "{name}: ok ({} document(s), {count} annotation(s))\n",
                        documents.len()
                    ));
                } else {
                    problems += loaded.refused.len();
                    for line in &loaded.refused {
                        stderr.push_str(&format!("{line}\n"));
                    }
                    stderr.push_str(&format!(
                        "{name}: {} document(s) ok ({count} annotation(s)); the documents above have problems\n",
                        documents.len()
                    ));
                }
                warnings += loaded.warnings.len();
                for warning in loaded.warnings {
                    stderr.push_str(&format!("warning: {warning}\n"));
                }
                remember(&mut known, documents);
            }
            Err(errors) => {
                problems += errors.len();
                for error in errors {
                    stderr.push_str(&format!("{error}\n"));
                }
            }
        }
    }
    let failed = problems > 0 || (warnings > 0 && matches.switch("strict"));
    Ok(Finished {
        code: i32::from(failed),
        stdout: report.into_bytes(),
        stderr,
    })
}

/// The inputs as they are checked: a brat `.txt` and `.ann` of the same name together (where
/// the first of them is), every other input alone.
fn pairs(paths: &[String]) -> Vec<Vec<String>> {
    let stem = |p: &str| {
        let (stem, ext) = p.rsplit_once('.')?;
        matches!(ext.to_ascii_lowercase().as_str(), "txt" | "ann").then_some(stem.to_string())
    };
    let mut groups: Vec<Vec<String>> = Vec::new();
    for path in paths {
        let partner = stem(path).and_then(|s| {
            groups
                .iter()
                .position(|g| g.len() == 1 && stem(&g[0]).as_deref() == Some(&s) && g[0] != *path)
        });
        match partner {
            Some(i) => groups[i].push(path.clone()),
            None => groups.push(vec![path.clone()]),
        }
    }
    groups
}

/// Adds documents for later W3C files to find; a document read again replaces the earlier one.
fn remember(known: &mut Vec<Workspace>, documents: Vec<Workspace>) {
    for workspace in documents {
        let id = workspace.document.id();
        known.retain(|d| d.document.id() != id);
        known.push(workspace);
    }
}
