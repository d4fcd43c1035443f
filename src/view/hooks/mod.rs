//! Custom hooks: each owns one behaviour of a component (the reading view, the app shell, the
//! search bar), so that the component reads as the list of what it does.
//!
//! The reading view ([`super::document`]) shares its article state through [`article`]; the
//! others are independent. Hooks that own a larger part of the app keep their own modules:
//! [`super::autosave::use_autosave`], [`super::window::use_block_window`] and
//! [`super::store::use_store`].

pub mod article;
pub mod check_marks;
pub mod exercise_key;
pub mod file_drop;
pub mod keyboard_caret;
pub mod link_marks;
pub mod list_window;
pub mod mouse_selection;
pub mod notice_fade;
pub mod placing;
pub mod reveal;
pub mod search_marks;
pub mod shortcuts;
pub mod startup;
pub mod suggest;
