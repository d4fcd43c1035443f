//! Importing in steps of bounded work ([`Importing`]), for the web app to run one after each
//! painted frame (`view::importing`), so that no import holds the page for long. A single clean
//! claimmark file — the large import, a 1 MB document with 10 000 annotations — is read a batch
//! of annotations at a time (`native::Reading`); any other import, and a claimmark file that is
//! not clean, is done at once by [`super::import`] when finishing. Either way the report is
//! what [`super::import`] gives for the same files (`tests/import_steps.rs`).

use super::files::{file_extension, text_of, Format, ImportReport, InputFile};
use super::gather;
use super::native::{self, Reading};
use super::problem::{ImportError, MAX_IMPORT_BYTES};
use crate::model::workspace::Workspace;

/// An import under way. It holds the files until [`Importing::finish`] gives them back (a
/// claimmark file's bytes as its text, checked as UTF-8 once, never copied).
pub struct Importing {
    files: Files,
    /// The steps of reading one claimmark file; `None` when the files are imported at once.
    reading: Option<Reading>,
}

enum Files {
    /// One file that may be a claimmark file, as text.
    Text {
        name: String,
        text: String,
    },
    Other(Vec<InputFile>),
}

impl Importing {
    /// Starts importing `files`; nothing is read yet.
    pub fn new(mut files: Vec<InputFile>) -> Importing {
        if !one_claimmark_file(&files) {
            return Importing {
                files: Files::Other(files),
                reading: None,
            };
        }
        let InputFile { name, bytes } = files.remove(0);
        match String::from_utf8(bytes) {
            Ok(text) => Importing {
                files: Files::Text { name, text },
                reading: Some(Reading::new()),
            },
            Err(error) => Importing {
                files: Files::Other(vec![InputFile {
                    name,
                    bytes: error.into_bytes(),
                }]),
                reading: None,
            },
        }
    }

    /// Does the next piece of work: at most `budget` annotations are read. True once only
    /// [`Importing::finish`] is left.
    pub fn step(&mut self, budget: usize) -> bool {
        let (Some(reading), Files::Text { text, .. }) = (&mut self.reading, &self.files) else {
            return true;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match reading.step(text, budget) {
            Some(done) => done,
            // Not a clean file: the careful reader reads it when finishing.
            None => {
                self.reading = None;
                true
            }
        }
    }

    /// How far reading has come, in percent (0 until the annotations are being read).
    pub fn percent(&self) -> usize {
        let (read, all) = self.reading.as_ref().map_or((0, 0), Reading::progress);
        (read * 100).checked_div(all).unwrap_or(0)
    }

    /// The files, given back, and the import's report as [`super::import`] gives it for them
    /// (what the steps read, or the whole import at once). `known` are the documents open.
    pub fn finish(
        self,
        known: &[&Workspace],
    ) -> (Vec<InputFile>, Result<ImportReport, ImportError>) {
        let files = match self.files {
            Files::Text { name, text } => vec![InputFile {
                name,
                bytes: text.into_bytes(),
            }],
            Files::Other(files) => files,
        };
        let result = match self.reading.and_then(Reading::finish) {
            Some(imported) => gather::single(Format::Native, native::decoded(imported)),
            None => super::import(&files, known),
        };
        (files, result)
    }
}

/// Whether `files` are one JSON object that may be a claimmark file, which `import` would hand
/// to the native reader alone (not a zip, a brat file, a doccano label list, nor too large).
fn one_claimmark_file(files: &[InputFile]) -> bool {
    let [file] = files else {
        return false;
    };
    let by_name = !matches!(
        file_extension(&file.name).as_str(),
        "zip" | "ann" | "txt" | "conf"
    );
    by_name
        && file.bytes.len() <= MAX_IMPORT_BYTES
        && text_of(file).is_ok_and(|text| text.trim_start().starts_with('{'))
}
