//! Annotating without a mouse: the keys that move a caret through the focused article, extend
//! a selection, open the tag menu and tag. This module only interprets keys; the document view
//! applies the outcome, and `model::caret` knows where each step goes.

use web_sys::KeyboardEvent;

use crate::model::boundaries::Segmenter;
use crate::model::caret::{step_with, Unit};
use crate::model::layout::Block;
use crate::model::snap::snap_with;
use crate::model::{Span, Text};

/// A keyboard selection: where it started and where the caret is (code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySelection {
    pub anchor: usize,
    pub focus: usize,
}

impl KeySelection {
    pub fn caret(at: usize) -> KeySelection {
        KeySelection {
            anchor: at,
            focus: at,
        }
    }

    /// The selected span, if anything is selected.
    pub fn span(self, text: &Text) -> Option<Span> {
        Span::new(
            self.anchor.min(self.focus),
            self.anchor.max(self.focus),
            text.len(),
        )
        .ok()
    }
}

/// What a key asks for.
pub enum KeyOutcome {
    Move(KeySelection),
    OpenMenu(Span),
    /// Tag the selection with the label at this index, unattributed.
    Tag(Span, usize),
}

/// Interprets a key pressed in the article; `None` for keys it leaves to others. Words and
/// sentences (for Ctrl+arrows, arrows up and down, and snapping) are `segmenter`'s.
pub fn interpret(
    event: &KeyboardEvent,
    text: &Text,
    blocks: &[Block],
    current: KeySelection,
    snap: bool,
    segmenter: &dyn Segmenter,
) -> Option<KeyOutcome> {
    let words = snap.then_some(segmenter);
    let command = event.ctrl_key() || event.meta_key();
    let (unit, forward) = match event.key().as_str() {
        "ArrowRight" => (if command { Unit::Word } else { Unit::Character }, true),
        "ArrowLeft" => (if command { Unit::Word } else { Unit::Character }, false),
        "ArrowDown" => (
            if command {
                Unit::Paragraph
            } else {
                Unit::Sentence
            },
            true,
        ),
        "ArrowUp" => (
            if command {
                Unit::Paragraph
            } else {
                Unit::Sentence
            },
            false,
        ),
        "Home" | "End" => {
            let block = blocks
                .iter()
                .find(|b| b.end >= current.focus)
                .or(blocks.last())?;
            let to = if event.key() == "Home" {
                block.start
            } else {
                block.end
            };
            return Some(KeyOutcome::Move(moved(current, to, event.shift_key())));
        }
        "Enter" => {
            let span = current
                .span(text)
                .and_then(|s| snap_with(text, s.start(), s.end(), words))?;
            return Some(KeyOutcome::OpenMenu(span));
        }
        "Escape" => return Some(KeyOutcome::Move(KeySelection::caret(current.focus))),
        digit
            if !command
                && digit.len() == 1
                && digit.chars().all(|c| c.is_ascii_digit() && c != '0') =>
        {
            let span = current
                .span(text)
                .and_then(|s| snap_with(text, s.start(), s.end(), words))?;
            return Some(KeyOutcome::Tag(span, digit.parse::<usize>().ok()? - 1));
        }
        _ => return None,
    };
    let to = step_with(text, blocks, current.focus, unit, forward, segmenter);
    Some(KeyOutcome::Move(moved(current, to, event.shift_key())))
}

fn moved(current: KeySelection, to: usize, extend: bool) -> KeySelection {
    if extend {
        KeySelection {
            anchor: current.anchor,
            focus: to,
        }
    } else {
        KeySelection::caret(to)
    }
}
