//! Where `convert` writes: standard output (no `-o`, or `-o -`), a file, or for brat a
//! directory, a `.zip`, or a `NAME.ann` + `NAME.txt` pair. The target is checked before any
//! input is read, so a wrong `-o` costs nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::formats::{self, brat, Format, Unit};
use crate::model::workspace::Workspace;

/// Where the export goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Stdout,
    /// One file holding the whole export (a zip for brat).
    File(PathBuf),
    /// brat: a directory that receives a `.txt` and an `.ann` per document.
    Directory(PathBuf),
    /// brat, one document: this `.ann` and the `.txt` beside it.
    Pair(PathBuf),
}

/// The target `-o` names for `format`, or why it cannot be used (a usage error).
pub fn target(format: Format, out: Option<&str>) -> Result<Target, String> {
    let Some(out) = out.filter(|o| *o != "-") else {
        return Ok(Target::Stdout);
    };
    let path = PathBuf::from(out);
    if format != Format::Brat {
        return Ok(Target::File(path));
    }
    if out.ends_with('/') || out.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Ok(Target::Directory(path));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "zip" => Ok(Target::File(path)),
        "ann" => Ok(Target::Pair(path)),
        _ => Err(format!(
            "with --to brat, -o takes a directory (existing, or ending in /), a .zip file, or \
             NAME.ann for one document (NAME.txt is written beside it); {out:?} is none of these"
        )),
    }
}

/// A target that cannot take these documents, said before anything is written: a brat pair
/// holds one document.
pub fn refusal(target: &Target, documents: usize) -> Option<String> {
    match target {
        Target::Pair(path) if documents != 1 => Some(format!(
            "{} can hold one document and the inputs hold {documents}; give a directory \
             (ending in /) or a .zip file to -o",
            path.display()
        )),
        _ => None,
    }
}

/// Writes the documents; returns the bytes for standard output (empty unless `Stdout`).
pub fn write(
    target: &Target,
    format: Format,
    unit: Unit,
    documents: &[&Workspace],
) -> Result<Vec<u8>, String> {
    let cannot = |path: &Path, e: std::io::Error| format!("cannot write {} ({e})", path.display());
    match target {
        Target::Stdout => Ok(formats::export_in(format, documents, unit).bytes),
        Target::File(path) => fs::write(path, formats::export_in(format, documents, unit).bytes)
            .map(|()| Vec::new())
            .map_err(|e| cannot(path, e)),
        Target::Directory(dir) => {
            fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
            for (name, contents) in brat::export(documents) {
                let path = dir.join(name);
                fs::write(&path, contents).map_err(|e| cannot(&path, e))?;
            }
            Ok(Vec::new())
        }
        Target::Pair(ann) => {
            let txt = ann.with_extension("txt");
            for (name, contents) in brat::export(documents) {
                let path = if name.ends_with(".ann") { ann } else { &txt };
                fs::write(path, contents).map_err(|e| cannot(path, e))?;
            }
            Ok(Vec::new())
        }
    }
}
