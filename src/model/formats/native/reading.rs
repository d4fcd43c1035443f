//! Reading a clean native file in steps ([`Reading`]), or at once ([`read`]): the steps are the
//! fast reader's (`fast`), each given the same input; the web app runs one between painted
//! frames (`formats::importing`), so a 1 MB file with 10 000 annotations never holds the page
//! for long.

use super::fast::{parse, Annotating, Parsed};
use super::rules::Imported;

/// Reads a clean native v1 file at once, or `None` when the careful reader must look at it.
pub(super) fn read(input: &str) -> Option<Imported> {
    let mut reading = Reading::new();
    while !reading.step(input, usize::MAX)? {}
    reading.finish()
}

/// A clean native v1 file read in steps: each [`Reading::step`] is given the same input.
pub struct Reading {
    stage: Stage,
}

enum Stage {
    Start,
    Parsed(Box<Parsed>),
    Annotating(Box<Annotating>),
    Done(Box<Imported>),
    /// Not a clean file: the careful reader must read it.
    Refused,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading::new()
    }
}

impl Reading {
    pub fn new() -> Reading {
        Reading {
            stage: Stage::Start,
        }
    }

    /// Does the next piece of work: parsing the JSON, making the document (its text indexed,
    /// hashed and its language guessed), or reading up to `budget` annotations. `Some(true)`
    /// once everything is read; `None` when the file is not clean (then and afterwards).
    pub fn step(&mut self, input: &str, budget: usize) -> Option<bool> {
        let stage = std::mem::replace(&mut self.stage, Stage::Refused);
        self.stage = match stage {
            Stage::Start => Stage::Parsed(Box::new(parse(input)?)),
            Stage::Parsed(parsed) => Stage::Annotating(Box::new(parsed.document()?)),
            Stage::Annotating(mut reading) => {
                reading.read(input, budget.max(1))?;
                if reading.next == reading.raw.len() {
                    Stage::Done(Box::new(reading.finish()))
                } else {
                    Stage::Annotating(reading)
                }
            }
            Stage::Done(imported) => Stage::Done(imported),
            Stage::Refused => return None,
        };
        Some(matches!(self.stage, Stage::Done(_)))
    }

    /// How many of the file's annotations are read so far, of how many.
    pub fn progress(&self) -> (usize, usize) {
        match &self.stage {
            Stage::Annotating(reading) => (reading.next, reading.raw.len()),
            Stage::Parsed(parsed) => (0, parsed.raw.len()),
            Stage::Done(imported) => {
                let n = imported.workspace.annotations().len();
                (n, n)
            }
            Stage::Start | Stage::Refused => (0, 0),
        }
    }

    /// What was read, once [`Reading::step`] has said it is done; else `None`.
    pub fn finish(self) -> Option<Imported> {
        match self.stage {
            Stage::Done(imported) => Some(*imported),
            _ => None,
        }
    }
}
