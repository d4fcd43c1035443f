//! doccano JSON Lines: one document per line, loadable as a sequence-labelling project
//! (`"label": [[start, end, "label"]]`) and as a relation-extraction project (`"entities"`,
//! `"relations"`).
//!
//! Annotation `i` is both `label[i]` and entity `i`. Attribution mentions are extra entities
//! labelled `Source`, linked from their annotation by an `attribution` relation; reporting
//! cues are entities labelled `Cue`, linked by a `cue` relation. Source names
//! (with or without a mention) and notes travel as metadata keys `attributions` and `notes`,
//! which doccano keeps as document metadata. Offsets are code points, or UTF-16 code units
//! when asked (`export_in`), as doccano's own front end counts them.
//!
//! `read` reads every variant doccano has written (see `docs/FORMAT.md`).

mod read;
mod write;

pub use read::{columns, import};
pub use write::{export, export_in, CUE_LABEL, CUE_RELATION, RELATION_TYPE, SOURCE_LABEL};
