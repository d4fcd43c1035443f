//! From several annotators to one gold set: the annotations enough of them agree on, groups of
//! those they disagree on, an adjudicator's decisions, and the provenance of every gold
//! annotation (`model::provenance`). The command line's `merge` and the browser's adjudication
//! screen call this code.
//!
//! - `corpus`: annotators' files named and their documents matched across files by text;
//! - `registry`: the files' sources (names and aliases of every file) and labels as one;
//! - `variants`: annotations collapsed into variants (same span, label and source), which are
//!   agreed, and the groups of the others (overlapping spans);
//! - `decide`: decisions on a group (pick, combine, edit, reject all) and what they keep;
//! - `gold`: [`Merge`], which holds it all and writes the gold set and the open conflicts;
//! - `queue`: [`Adjudication`], an adjudicator's way through every document's groups, and
//!   how a span is quoted with its context;
//! - `report`: per annotator, how often their variant was chosen, and agreement before and
//!   after, with a CSV table;
//! - `error`: [`MergeError`].
//!
//! Rules in short (each file says more): a variant at least K annotators made goes into the
//! gold set (K defaults to more than half), unanimous when all did; a tie between variants of
//! the same span is no agreement. Mentions, cues and pieces: the most given, a linked one beating
//! none, ties to the annotator given first, and a remark in the provenance note where they
//! differed. Notes: each distinct one once, after its writers' names. Gold ids are `a1`, `a2`, …
//! in text order.

mod corpus;
mod decide;
mod error;
mod gold;
mod queue;
mod registry;
mod report;
mod variants;

pub use corpus::{annotator_name, AnnotatorFile, AnnotatorFiles};
pub use decide::{Choice, Decision};
pub use error::MergeError;
pub use gold::{default_min_agree, min_agree, Merge, Summary};
pub use queue::{context, Adjudication, Context};
pub use registry::Registry;
pub use report::{corpus_csv, AnnotatorReport, MergeReport};
pub use variants::{Group, Variant};
