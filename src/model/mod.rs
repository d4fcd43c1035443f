//! The pure core of claimmark: document text, spans, annotations, a corpus of documents, the
//! one [`Action`] enum and the [`Editor`] that applies it, layout for reading, statistics and
//! their chart, file codecs, and suggested annotations (`suggest`).
//!
//! Nothing here knows about the browser. The browser crates (yew, web-sys, js-sys) are
//! dependencies of the wasm32 target only, so using them from this module fails to compile on
//! the host, and `cargo test` covers this module quickly there.
//!
//! Offsets everywhere in this module are Unicode code points, end-exclusive.

pub mod action;
pub mod align;
pub mod anchor;
pub mod annotation;
mod answers;
pub mod boundaries;
pub mod caret;
pub mod chart;
pub mod corpus;
pub mod csv;
mod edit;
pub mod editor;
pub mod exercise;
pub mod filter;
pub mod fold;
pub mod formats;
pub mod importers;
mod known_sources;
pub mod language;
pub mod layout;
pub mod merge;
pub mod metrics;
pub mod names;
pub mod navigate;
pub mod offsets;
pub mod overlay;
mod plan;
mod planning;
pub mod prerender;
pub mod provenance;
pub mod reanchor;
pub mod rehearsal;
pub mod relocate;
pub mod review;
pub mod scan;
pub mod search;
pub mod snap;
pub mod sources;
pub mod span;
pub mod stats;
pub mod suggest;
pub mod text;
pub mod workspace;

pub use action::{Action, ActionError, Change, Outcome};
pub use annotation::{Annotation, AnnotationId, Attribution, Label, LabelId, Source};
pub use chart::Chart;
pub use corpus::Corpus;
pub use editor::Editor;
pub use span::{Span, SpanError};
pub use stats::Statistics;
pub use text::{Document, Text};
pub use workspace::{ExerciseLink, Workspace};
