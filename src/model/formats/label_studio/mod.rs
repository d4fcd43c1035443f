//! Label Studio JSON: a list of tasks, one per document, each with one annotation whose
//! `result` holds the regions.
//!
//! Each claimmark annotation is a `labels` region (`value.start/end/text/labels`, offsets in
//! code points) whose id is the annotation id. Its source name and note are per-region
//! `textarea` results with the same id (`from_name` `source` and `note`). A source mention is a
//! `labels` region labelled `Source`, linked by a `relation` result labelled `attribution`;
//! a reporting cue is a region labelled `Cue`, linked by a relation labelled `cue`.
//! The labelling config that loads this is in the README.
//!
//! `read` reads every variant Label Studio writes (see `docs/FORMAT.md`).

mod read;
mod text;
mod write;

pub use read::{import, is_task};
pub use write::export;
