//! Suggested annotations (issue 18): the engine that pre-annotates attributions, the same in the
//! browser and on the command line, and the model that learns from the person's answers.
//!
//! - `lexicon`: reporting cues and grammar words, one data file per language (`lexicon/en.txt`)
//! - `tokens`: paragraphs, sentences (never ending inside a quotation) and tokens
//! - `phrases`: who speaks: the subject next to a cue, and what kind of phrase names them
//! - `structure`: the structures of attribution in a sentence (quotations, reported speech,
//!   "according to", accusations, calls)
//! - `resolve`: naming the source (registry, earlier full names, pronouns)
//! - `features`: what the model sees of a candidate, and its prior weights
//! - `learn`: the [`Model`] (learned weights, answers, refusals) and [`Feedback`]
//! - `suggestion`: the [`Suggestion`] type
//! - `reading`: a [`Reading`] of a document, sentence by sentence, that can stop between
//!   paragraphs and go on later (the browser reads a long document a few paragraphs per task)
//! - `engine`: [`suggest`], [`candidates`], [`partition`], [`candidate_at`],
//!   [`candidate_among`], [`model_of`], [`likelihood`], `Suggestion::to_action`,
//!   [`pre_annotated`]
//!
//! The browser's use, in short: `let model = suggest::model_of(corpus.documents());`, then a
//! `Reading::new(workspace)` stepped a few paragraphs per task (`reading.step(ws, &model,
//! budget)`) and `suggest::partition(&model, reading.candidates())` — the same list as
//! `suggest::suggest(workspace, &model)` in one call; show them. Answers are actions, each one
//! undo step with what it teaches: `suggestion.accept(now)` (or `accept_as` another label or
//! source), `Action::AcceptAll`, `Action::Learn(Feedback::Rejected(..))` (which stores the
//! refusal), and for a span tagged by hand `action.teaching(candidate)`; then suggest again (a
//! few milliseconds for a news article). `Action::ResetLearning` forgets everything learned.

pub mod engine;
pub mod features;
pub mod learn;
pub mod lexicon;
pub mod phrases;
pub mod reading;
pub mod resolve;
pub mod structure;
pub mod suggestion;
pub mod tokens;

pub use engine::{
    candidate_among, candidate_at, candidates, likelihood, model_of, partition, pre_annotated,
    suggest, MIN_LIKELIHOOD,
};
pub use learn::{Feedback, Model};
pub use reading::Reading;
pub use suggestion::Suggestion;
