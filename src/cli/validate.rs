//! `claimmark validate [--strict] FILE...`: imports each file on its own (a W3C file sees the
//! documents of the files before it) and says `FILE: ok (…)` on standard output, or every
//! problem on standard error (exit 1). The import's warnings are `warning: FILE: …` lines on
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
    // Problems and warnings on standard error, in the order of the files.
    let mut stderr = String::new();
    let (mut problems, mut warnings) = (0, 0);
    let mut report = String::new();
    let mut known: Vec<Workspace> = Vec::new();
    for path in paths {
        match input::load(std::slice::from_ref(path), &known, stdin) {
            Ok(loaded) => {
                let documents = loaded.documents;
                let count: usize = documents.iter().map(|d| d.annotations().len()).sum();
                let name = if path == "-" { STDIN } else { path };
                report.push_str(&format!(
                    "{name}: ok ({} document(s), {count} annotation(s))\n",
                    documents.len()
                ));
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

/// Adds documents for later W3C files to find; a document read again replaces the earlier one.
fn remember(known: &mut Vec<Workspace>, documents: Vec<Workspace>) {
    for workspace in documents {
        let id = workspace.document.id();
        known.retain(|d| d.document.id() != id);
        known.push(workspace);
    }
}
