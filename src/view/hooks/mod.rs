//! Custom hooks: each owns one behaviour of a component (the reading view, the app shell, the
//! search bar), so that the component reads as the list of what it does.
//!
//! Hooks that own a larger part of the app keep their own modules:
//! [`super::autosave::use_autosave`], [`super::window::use_block_window`] and
//! [`super::store::use_store`].

pub mod search_marks;
