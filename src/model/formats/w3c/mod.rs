//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose first page lists one
//! `Annotation` per claimmark annotation.
//!
//! Each annotation has the motivation `classifying`; bodies are a `TextualBody` with purpose
//! `tagging` (the label id), one with purpose `identifying` (the source's name), one with
//! purpose `commenting` (the note), and, for a source mention, a `SpecificResource` with purpose
//! `identifying` and a `TextPositionSelector`; the reporting cue likewise, with purpose
//! `describing`. The target names the document by
//! `urn:claimmark:document:<sha256 hex>` and selects the span twice: `TextQuoteSelector` (exact,
//! and up to 32 code points of prefix and suffix) and `TextPositionSelector` (code points, the
//! spec's unit). The file does not carry the text: importing places annotations on open
//! documents, by document id or else on the first one, re-checking each position with the quote
//! and recovering it from the quote when the text has moved.
//!
//! `read` reads annotations from claimmark, Recogito and Hypothesis (see `docs/FORMAT.md`).

mod bodies;
mod read;
mod write;

pub use bodies::UNLABELLED;
pub use read::import;
pub use write::{export, CONTEXT};
