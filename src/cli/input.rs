//! Reading the inputs a command names into documents: files, directories of brat files, zips
//! and `-` (standard input), through the model's import, as `--offsets` and `--skip-invalid`
//! say ([`Reading`]). Warnings are kept beside the documents, named by their file, for the
//! commands to print; so are the problems of documents left out with `--skip-invalid`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::args::{Matches, Usage};
use super::spec::OFFSET_UNITS;
use crate::model::formats::{self, Format, ImportOptions, InputFile, Offsets, Unit};
use crate::model::merge;
use crate::model::workspace::Workspace;

/// How standard input is named in messages.
pub const STDIN: &str = "<stdin>";

/// Where `-` reads from: bytes given by the caller (tests), or the process's standard input,
/// read only when a command meets `-`.
#[derive(Debug)]
pub enum Stdin {
    Bytes(Vec<u8>),
    Inherit,
}

impl Stdin {
    /// Everything standard input holds (read once; later calls give nothing).
    pub(super) fn read(&mut self) -> Result<Vec<u8>, String> {
        match self {
            Stdin::Bytes(bytes) => Ok(std::mem::take(bytes)),
            Stdin::Inherit => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("{STDIN}: cannot read ({e})"))?;
                Ok(bytes)
            }
        }
    }
}

/// Standard input can be read once: `-` may appear once among a command's inputs.
pub fn stdin_at_most_once(command: &'static str, inputs: &[String]) -> Result<(), Usage> {
    if inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err(Usage::new(
            Some(command),
            "- (standard input) is given more than once; it can be read once",
        ));
    }
    Ok(())
}

/// How a command reads its inputs.
#[derive(Debug, Default)]
pub struct Reading {
    pub options: ImportOptions,
    /// Go on with the good documents of a file whose others have problems.
    pub skip_invalid: bool,
}

/// The reading the flags ask for: `--offsets UNIT` (where the command takes it) and
/// `--skip-invalid`.
pub fn reading(matches: &Matches, command: &'static str) -> Result<Reading, Usage> {
    let offsets = match matches.value("offsets") {
        None | Some("auto") => Offsets::Auto,
        Some(id) => match Unit::from_id(id).filter(|u| *u != Unit::NewlineAsOne) {
            Some(unit) => Offsets::Fixed(unit),
            None => {
                let known = OFFSET_UNITS.join(", ");
                let message = format!("unknown unit {id:?} for --offsets; UNIT is one of: {known}");
                return Err(Usage::new(Some(command), message));
            }
        },
    };
    Ok(Reading {
        options: ImportOptions {
            offsets,
            ..ImportOptions::default()
        },
        skip_invalid: matches.switch("skip-invalid"),
    })
}

/// The documents read, the import's warnings as `FILE: message`, and the problems of the
/// documents left out (with `--skip-invalid`), one line each.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Workspace>,
    pub warnings: Vec<String>,
    pub refused: Vec<String>,
}

/// Files imported together, and the name that messages give them.
struct Group {
    name: String,
    files: Vec<InputFile>,
}

/// Reads every input into documents. brat files (and directories and zips) are read as one
/// group first; the other files follow in order, each seeing `known` and the documents read
/// before it. Every record is a document of its own; only W3C annotations, which carry no
/// text, take the place of the document they annotate.
pub fn load(
    inputs: &[String],
    known: &[Workspace],
    stdin: &mut Stdin,
    reading: &Reading,
) -> Result<Loaded, Vec<String>> {
    let (groups, mut errors) = gather(inputs, stdin);
    let mut loaded = Loaded::default();
    for group in groups {
        if let Err(error) = import_into(group, known, &mut loaded, reading) {
            errors.push(error);
        }
    }
    if errors.is_empty() {
        Ok(loaded)
    } else {
        Err(errors)
    }
}

/// Reads the inputs' bytes into groups: the brat group (if any) first, then one group per
/// other file.
fn gather(inputs: &[String], stdin: &mut Stdin) -> (Vec<Group>, Vec<String>) {
    let mut brat = Group {
        name: String::new(),
        files: Vec::new(),
    };
    let mut brat_names = Vec::new();
    let mut others = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let read = if input == "-" {
            read_stdin(stdin)
        } else {
            read_path(Path::new(input))
        };
        match read {
            Ok(files) if files.iter().all(|f| is_brat(&f.name)) => {
                brat_names.push(shown(input));
                brat.files.extend(files);
            }
            Ok(files) => others.push(Group {
                name: shown(input),
                files,
            }),
            Err(error) => errors.push(error),
        }
    }
    brat.name = brat_names.join(" + ");
    let groups = if brat.files.is_empty() {
        others
    } else {
        std::iter::once(brat).chain(others).collect()
    };
    (groups, errors)
}

fn shown(input: &str) -> String {
    if input == "-" {
        STDIN.to_string()
    } else {
        input.to_string()
    }
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Files read with the brat group: `.txt`, `.ann` and zips.
fn is_brat(name: &str) -> bool {
    matches!(extension(name).as_str(), "txt" | "ann" | "zip")
}

/// Standard input as a file: a zip when it starts like one, else JSON for `detect`.
fn read_stdin(stdin: &mut Stdin) -> Result<Vec<InputFile>, String> {
    let bytes = stdin.read()?;
    let name = if bytes.starts_with(b"PK\x03\x04") {
        "stdin.zip"
    } else {
        "stdin"
    };
    Ok(vec![InputFile {
        name: name.to_string(),
        bytes,
    }])
}

/// A file, or a directory's `.txt` and `.ann` files in name order.
fn read_path(path: &Path) -> Result<Vec<InputFile>, String> {
    if !path.is_dir() {
        return read_file(path).map(|file| vec![file]);
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(path)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .map_err(|e| format!("{}: cannot read ({e})", path.display()))?;
    entries.sort();
    entries.retain(|p| matches!(extension(&p.to_string_lossy()).as_str(), "txt" | "ann"));
    if entries.is_empty() {
        return Err(format!(
            "{}: no .txt or .ann files in this directory",
            path.display()
        ));
    }
    entries.iter().map(|p| read_file(p)).collect()
}

fn read_file(path: &Path) -> Result<InputFile, String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: cannot read ({e})", path.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("input")
        .to_string();
    Ok(InputFile { name, bytes })
}

/// Imports one group and adds its documents (W3C annotations replace the document they
/// annotate). Documents with problems fail the group, or with `--skip-invalid` are left out
/// and listed. The error names the group on every line.
fn import_into(
    group: Group,
    known: &[Workspace],
    loaded: &mut Loaded,
    reading: &Reading,
) -> Result<(), String> {
    let name = group.name;
    let named = |text: String| format!("{name}: {}", text.replace('\n', &format!("\n{name}: ")));
    let seen: Vec<&Workspace> = known.iter().chain(&loaded.documents).collect();
    let report = formats::import_with(&group.files, &seen, &reading.options)
        .map_err(|error| named(error.to_string()))?;
    let problems: Vec<String> = report
        .rejected_problems()
        .iter()
        .map(|p| format!("{name}: {p}"))
        .collect();
    if !problems.is_empty() && !reading.skip_invalid {
        let good = report.documents.len();
        let bad = report.rejected.len();
        return Err(format!(
            "{}\n{name}: {bad} of {} documents {} problems; nothing was read (--skip-invalid reads the other {good})",
            problems.join("\n"),
            good + bad,
            if bad == 1 { "has" } else { "have" },
        ));
    }
    loaded.refused.extend(problems);
    loaded
        .warnings
        .extend(report.warnings.iter().map(|w| format!("{name}: {w}")));
    for workspace in report.documents {
        let id = workspace.document.id();
        let placed = (report.format == Format::W3c)
            .then(|| loaded.documents.iter().position(|d| d.document.id() == id))
            .flatten();
        match placed {
            Some(i) => loaded.documents[i] = workspace,
            None => loaded.documents.push(workspace),
        }
    }
    Ok(())
}

/// The name of an annotator's file (a submission, a merge's input): the annotator it names,
/// else its file name.
pub fn annotator_name(workspace: &Workspace, path: &str) -> String {
    merge::annotator_name(std::slice::from_ref(workspace), &file_name(path))
}

/// How an input is named when nothing in it names its annotator: its file name (`<stdin>` for
/// `-`).
pub fn file_name(path: &str) -> String {
    if path == "-" {
        return STDIN.to_string();
    }
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string()
}
