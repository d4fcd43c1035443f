//! brat standoff: a `.txt` with the text and an `.ann` with the annotations, per document.
//!
//! Each annotation is a `T` line typed by its label id; a span that crosses a line break is
//! written as fragments split at the break (`T1\tclaim 0 12;13 20\t…`), as brat requires.
//! Source mentions are `T` lines typed `Source`, linked by `R` lines
//! `Attribution Arg1:T1 Arg2:T2`; a reporting cue is a `T` line typed `Cue`, linked by
//! `Has_cue Arg1:T1 Arg2:T3`. The source name (with or without a mention) is an
//! `AnnotatorNotes` line `source: <name>`; a note is an `AnnotatorNotes` line of its own.
//! A discontinuous span (one with pieces, `Annotation::fragments`) is written as its pieces.
//! Offsets are code points, as brat (Python) counts them.
//!
//! `read` reads brat's files as brat does (see `docs/FORMAT.md`).

mod read;
mod write;

pub use read::{import, import_files};
pub use write::export;
