//! The files claimmark reads and writes: which [`Format`] a file is in, a file to hand to the
//! user ([`ExportFile`]) or given by them ([`InputFile`]), what an import found
//! ([`ImportReport`]), and safe file names.

use super::problem::{invalid, ImportError, Problem, Rejected};
use super::units::{Offsets, Verdict};
use crate::model::workspace::Workspace;

/// A supported format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Native,
    W3c,
    Spacy,
    Doccano,
    LabelStudio,
    Brat,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Native,
        Format::W3c,
        Format::Spacy,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
    ];

    /// The name used on the command line (`--to spacy`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::W3c => "w3c",
            Format::Spacy => "spacy",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
        }
    }

    /// The name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "claimmark JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Spacy => "spaCy / Prodigy JSONL",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio JSON",
            Format::Brat => "brat standoff (.txt + .ann, zipped)",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The format whose export names its files so (`gold.spacy.jsonl` is spaCy), ignoring case;
    /// `None` for any other name.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let name = name.to_lowercase();
        Format::ALL.into_iter().find(|f| {
            [false, true]
                .iter()
                .any(|many| name.ends_with(&format!(".{}", f.extension(*many))))
        })
    }

    /// The file name ending, for one document and for several.
    pub(super) fn extension(self, many: bool) -> &'static str {
        match (self, many) {
            (Format::Native, false) => "claimmark.json",
            (Format::Native, true) => "claimmark.jsonl",
            (Format::W3c, _) => "w3c.jsonld",
            (Format::Spacy, _) => "spacy.jsonl",
            (Format::Doccano, _) => "doccano.jsonl",
            (Format::LabelStudio, _) => "label-studio.json",
            (Format::Brat, _) => "brat.zip",
        }
    }
}

/// A file to hand to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// A file name stem made safe for file systems: no path or control characters, at most 100
/// code points, never empty.
pub fn safe_stem(title: &str) -> String {
    let safe: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    let safe = safe.trim().trim_matches('.');
    if safe.is_empty() {
        "untitled".to_string()
    } else {
        safe.to_string()
    }
}

/// A file given to an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// How to read an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The unit of foreign offsets (weighed by default).
    pub offsets: Offsets,
    /// Label names by number, from a doccano label file among the files (filled by the import).
    pub label_names: Vec<(i64, String)>,
}

/// What an import found: the documents that can be imported (with their annotations), the
/// ones that cannot (with their problems), and anything worth saying.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub format: Format,
    pub documents: Vec<Workspace>,
    pub warnings: Vec<String>,
    /// Documents left out, each with its problems; importing the others is the user's choice.
    pub rejected: Vec<Rejected>,
    /// The offset unit of the file, where it was weighed (the first file that was not sure,
    /// else the first that converted).
    pub verdict: Verdict,
}

impl ImportReport {
    pub fn annotation_count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations().len()).sum()
    }

    /// The problems of the documents left out, each naming its document.
    pub fn rejected_problems(&self) -> Vec<Problem> {
        self.rejected
            .iter()
            .flat_map(|r| r.problems.iter().cloned())
            .collect()
    }
}

/// The file's text: UTF-8 without a byte order mark.
pub fn text_of(file: &InputFile) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(&file.bytes).map_err(|e| {
        invalid(
            &file.name,
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

pub(super) fn file_extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

pub(super) fn file_stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn formats_are_known_by_their_export_names() {
        for (name, expected) in [
            ("gold.claimmark.json", Some(Format::Native)),
            ("gold.claimmark.jsonl", Some(Format::Native)),
            ("out/Золото.W3C.JSONLD", Some(Format::W3c)),
            ("gold.spacy.jsonl", Some(Format::Spacy)),
            ("gold.doccano.jsonl", Some(Format::Doccano)),
            ("gold.label-studio.json", Some(Format::LabelStudio)),
            ("gold.brat.zip", Some(Format::Brat)),
            ("gold.json", None),
            ("spacy.jsonl", None),
            ("-", None),
        ] {
            assert_eq!(Format::from_file_name(name), expected, "{name}");
        }
    }
}
