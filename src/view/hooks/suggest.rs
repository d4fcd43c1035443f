//! Reading the shown document for suggestions while the person wants them, without blocking
//! the page: a `model::suggest::Reading` goes a few paragraphs per task (each step sized to
//! take about [`STEP_MS`]), yielding to the browser between steps, and the list goes to the
//! store when the whole document is read. Every change to the work (an answer, an edit, another
//! document shown) starts a new reading, which re-scores the remaining suggestions with what
//! was learned; an unfinished reading is dropped.
//!
//! The whole document is read, in order, before anything is shown: a source is named from
//! what came before it (a pronoun's antecedent, a surname's full name), so reading the visible
//! paragraphs first would name sources differently. The 1 MB benchmark document takes well
//! under 300 ms so (README, Suggestions). User Timing marks: `claimmark:suggest-start`,
//! `…:suggest-done` (the list is in the store) and `…:suggest-painted`.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::suggest::{model_of, partition, Model, Reading};
use crate::view::frames::next_task;
use crate::view::marks::{mark, mark_after_paint};
use crate::view::store::{Msg, StoreHandle};
use crate::view::suggesting::{Found, SuggestMsg};

/// About how long one step of a reading may take, in milliseconds.
const STEP_MS: f64 = 16.0;
/// Characters read in the first step (later steps are sized by how fast the first went).
const FIRST_BUDGET: usize = 30_000;

/// Keeps the shown document's suggestions up to date while they are on (and allowed).
#[hook]
pub fn use_suggest(store: &StoreHandle) {
    let (document, allowed) = {
        let editor = store.editor();
        let ws = editor.workspace();
        (ws.document.id().to_string(), ws.allows_suggestions())
    };
    let wanted = store.suggestions.on && allowed;
    let stale = !store.suggestions.is_current(&document, store.revision);
    let store = store.clone();
    use_effect_with(
        (wanted && stale, document, store.revision),
        move |(read, document, revision)| {
            let cancelled = Rc::new(Cell::new(false));
            if *read {
                let run = Run {
                    store,
                    document: document.clone(),
                    revision: *revision,
                    cancelled: cancelled.clone(),
                    model: Model::new(),
                    reading: None,
                    budget: FIRST_BUDGET,
                };
                mark("claimmark:suggest-start");
                next_task(move || run.step());
            }
            move || cancelled.set(true)
        },
    );
}

/// One reading under way.
struct Run {
    store: StoreHandle,
    document: String,
    revision: u64,
    /// Set when the work changed or suggestions were hidden: the reading stops.
    cancelled: Rc<Cell<bool>>,
    model: Model,
    reading: Option<Reading>,
    /// Characters the next step reads.
    budget: usize,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Run {
    /// One task's worth: starting the reading, reading on, or handing the list over.
    fn step(mut self) {
        if self.cancelled.get() {
            return;
        }
        let started = now();
        let store = self.store.clone();
        let editor = store.editor();
        let ws = editor.workspace();
        if ws.document.id() != self.document {
            return;
        }
        let Some(reading) = &mut self.reading else {
            self.model = model_of(editor.corpus().documents());
            self.reading = Some(Reading::new(ws));
            drop(editor);
            return next_task(move || self.step());
        };
        if !reading.is_done() {
            reading.step(ws, &self.model, self.budget);
            let spent = (now() - started).max(0.5);
            self.budget = ((self.budget as f64 * STEP_MS / spent) as usize).clamp(2_000, 400_000);
            drop(editor);
            return next_task(move || self.step());
        }
        drop(editor);
        self.finish();
    }

    /// Scores the candidates (a task), then hands the list to the store (another: rendering it
    /// is that task's work).
    fn finish(self) {
        let Some(reading) = self.reading else { return };
        let (list, others) = partition(&self.model, reading.candidates());
        let found = Rc::new(Found {
            document: self.document,
            revision: self.revision,
            list,
            others: Rc::new(others),
        });
        let (store, cancelled) = (self.store, self.cancelled);
        next_task(move || {
            if cancelled.get() {
                return;
            }
            store.dispatch(Msg::Suggestions(SuggestMsg::Found(found)));
            mark("claimmark:suggest-done");
            mark_after_paint("claimmark:suggest-painted");
        });
    }
}
