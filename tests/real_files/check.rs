//! The helpers of `tests/real_files.rs`: finding a real file, importing a variant's files as a
//! user chooses them, and checking what came in against what the tool meant.
#![allow(dead_code)]

use std::path::PathBuf;

use claimmark::model::formats::{self, ImportReport, InputFile};
use claimmark::model::Workspace;

/// What one variant's import must give. Spans are listed per document, each as the text it
/// covers and its label, in text order; warnings and rejections are parts of their messages.
#[derive(Clone, Default)]
pub struct Expect<'a> {
    /// Documents imported, when `spans` is left empty (see [`Expect::any`]).
    pub documents: usize,
    pub spans: &'a [&'a [(&'a str, &'a str)]],
    /// Each must be part of one warning.
    pub warnings: &'a [&'a str],
    /// Each must be part of a rejected document's problem; as many documents are rejected as
    /// there are distinct records among them.
    pub rejected: &'a [&'a str],
}

impl Expect<'_> {
    /// `documents` documents, whatever their spans (checked by the caller).
    pub fn any(documents: usize) -> Expect<'static> {
        Expect {
            documents,
            ..Expect::default()
        }
    }
}

/// Where the real files are: ours first, then the copies of the tools' files.
fn folders() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("tests/data/real")];
    if let Some(dir) = std::env::var_os("CLAIMMARK_REAL_FILES") {
        folders.push(PathBuf::from(dir));
    }
    folders.push(root.join("../shared/real"));
    folders
}

/// The files at `paths` (relative to a real-files folder), named as the user's files are; `None`
/// (said on standard error) when one is in no folder.
pub fn input(paths: &[&str]) -> Option<Vec<InputFile>> {
    let mut files = Vec::new();
    for path in paths {
        let found = folders()
            .into_iter()
            .map(|f| f.join(path))
            .find(|p| p.is_file());
        let Some(found) = found else {
            eprintln!("skipped {paths:?}: {path} is not at hand (set CLAIMMARK_REAL_FILES)");
            return None;
        };
        let name = path.rsplit('/').next().unwrap_or(path).to_string();
        files.push(InputFile {
            name,
            bytes: std::fs::read(found).expect("a readable file"),
        });
    }
    Some(files)
}

/// A file made by the test.
pub fn made(name: &str, content: &str) -> InputFile {
    InputFile {
        name: name.to_string(),
        bytes: content.as_bytes().to_vec(),
    }
}

/// Each document's spans: the text covered and the label, in text order.
pub fn spans(report: &ImportReport) -> Vec<Vec<(String, String)>> {
    report
        .documents
        .iter()
        .map(|d| {
            d.annotations()
                .iter()
                .map(|a| {
                    (
                        d.document.text.quote(a.span).to_string(),
                        a.label.to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

/// Imports `paths` (no open documents) and checks the report; the report, or `None` when the
/// files are not at hand.
pub fn check(paths: &[&str], expect: Expect) -> Option<ImportReport> {
    check_on(paths, &[], expect)
}

/// [`check`] with documents open (W3C annotations are placed on them).
pub fn check_on(paths: &[&str], known: &[&Workspace], expect: Expect) -> Option<ImportReport> {
    let files = input(paths)?;
    let report =
        formats::import(&files, known).unwrap_or_else(|e| panic!("{paths:?} should import: {e}"));
    let said = || {
        format!(
            "{paths:?}: warnings {:?}, rejected {:?}",
            report.warnings, report.rejected
        )
    };
    if expect.spans.is_empty() {
        assert_eq!(report.documents.len(), expect.documents, "{}", said());
    } else {
        let wanted: Vec<Vec<(String, String)>> = expect
            .spans
            .iter()
            .map(|d| {
                d.iter()
                    .map(|(q, l)| (q.to_string(), l.to_string()))
                    .collect()
            })
            .collect();
        assert_eq!(spans(&report), wanted, "{}", said());
    }
    for warning in expect.warnings {
        assert!(
            report.warnings.iter().any(|w| w.contains(warning)),
            "“{warning}” in {}",
            said()
        );
    }
    let problems: Vec<String> = report
        .rejected_problems()
        .iter()
        .map(|p| p.to_string())
        .collect();
    for problem in expect.rejected {
        assert!(
            problems.iter().any(|p| p.contains(problem)),
            "“{problem}” in {problems:?}"
        );
    }
    if expect.rejected.is_empty() {
        assert!(report.rejected.is_empty(), "{}", said());
    }
    Some(report)
}

/// Imports `paths` and checks that the whole import is refused with every one of `messages`.
pub fn refused(paths: &[&str], messages: &[&str]) {
    refused_on(paths, &[], messages);
}

pub fn refused_on(paths: &[&str], known: &[&Workspace], messages: &[&str]) {
    let Some(files) = input(paths) else { return };
    let error = match formats::import(&files, known) {
        Ok(report) => panic!(
            "{paths:?} should be refused, gave {} documents",
            report.documents.len()
        ),
        Err(error) => error.to_string(),
    };
    for message in messages {
        assert!(error.contains(message), "“{message}” in {error}");
    }
}
