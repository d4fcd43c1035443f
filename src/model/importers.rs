//! Every importer, listed once, as a function of raw bytes. The fuzz targets (`fuzz/`), the
//! replay of the inputs they found (`tests/fuzz_corpus.rs`) and the property tests
//! (`tests/never_panic.rs`) all feed their inputs through [`Importer::feed`], so an importer
//! added here is exercised by all three.

use super::exercise;
use super::formats::{
    brat, doccano, import, label_studio, native, spacy, w3c, zip, ImportOptions, InputFile,
};
use super::workspace::Workspace;

/// One importer (or a family read by the same entry point).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Importer {
    /// `formats::import` under any file name it recognises, with the seed article open.
    Any,
    /// The native reader, fast and careful.
    Native,
    /// W3C annotations, placed on the seed article.
    W3c,
    /// spaCy and doccano JSON Lines.
    Jsonl,
    LabelStudio,
    /// A stored zip, and a `.txt` and `.ann` pair (split at the first NUL).
    Brat,
    /// Exercise files and link fragments.
    Exercise,
}

impl Importer {
    pub const ALL: [Importer; 7] = [
        Importer::Any,
        Importer::Native,
        Importer::W3c,
        Importer::Jsonl,
        Importer::LabelStudio,
        Importer::Brat,
        Importer::Exercise,
    ];

    /// The file names [`Importer::Any`] gives its input, chosen by the input's first byte.
    pub const NAMES: [&'static str; 7] = [
        "a.json", "a.jsonl", "a.jsonld", "a.zip", "a.ann", "a.txt", "a",
    ];

    /// The fuzz target's name, which is also its corpus folder under `tests/data/fuzz/`.
    pub fn target(self) -> &'static str {
        match self {
            Importer::Any => "import_any",
            Importer::Native => "native",
            Importer::W3c => "w3c",
            Importer::Jsonl => "jsonl",
            Importer::LabelStudio => "label_studio",
            Importer::Brat => "brat",
            Importer::Exercise => "exercise",
        }
    }

    /// Feeds `data` to the importer. A refused input is fine; `Err` says which invariant
    /// failed (the fast native reader accepted a file and read it differently from the careful
    /// one). A panic is a bug in the importer.
    pub fn feed(self, data: &[u8]) -> Result<(), String> {
        if let Importer::Any = self {
            if let Some((&selector, bytes)) = data.split_first() {
                let name = Importer::NAMES[selector as usize % Importer::NAMES.len()];
                let file = InputFile {
                    name: name.into(),
                    bytes: bytes.to_vec(),
                };
                let _ = import(&[file], &[&Workspace::seed()]);
            }
            return Ok(());
        }
        if let Importer::Brat = self {
            let _ = zip::read_stored(data);
        }
        let Ok(text) = std::str::from_utf8(data) else {
            return Ok(());
        };
        self.feed_text(text)
    }

    fn feed_text(self, text: &str) -> Result<(), String> {
        match self {
            Importer::Any => {}
            Importer::Native => {
                let fast = native::import(text);
                if fast.is_ok() && fast != native::import_carefully(text) {
                    return Err("the fast native reader disagrees with the careful one".into());
                }
            }
            Importer::W3c => {
                let _ = w3c::import(text, &[&Workspace::seed()], &ImportOptions::default());
            }
            Importer::Jsonl => {
                let _ = spacy::import(text, &ImportOptions::default());
                let _ = doccano::import(text, &ImportOptions::default());
            }
            Importer::LabelStudio => {
                let _ = label_studio::import(text, &ImportOptions::default());
            }
            Importer::Brat => {
                let (txt, ann) = text.split_once('\0').unwrap_or((text, ""));
                let _ = brat::import(
                    &[("doc".to_string(), txt.to_string(), ann.to_string())],
                    &ImportOptions::default(),
                );
            }
            Importer::Exercise => {
                let _ = exercise::import(text);
                let _ = exercise::from_fragment(text);
                let _ = exercise::from_fragment(&format!("exercise={text}"));
            }
        }
        Ok(())
    }
}
