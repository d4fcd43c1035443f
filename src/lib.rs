//! claimmark: a text annotator for source analysis that runs wholly in the browser.
//!
//! [`model`] is the pure core and builds everywhere; [`view`] is the Yew front end and exists
//! only on wasm32; [`cli`] is the command-line twin and exists only off wasm32. See ARCHITECTURE.md for the map and the invariants.

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod view;
