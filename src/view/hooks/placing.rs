//! Placing an imported document's annotations on the open document (another version of its
//! text) without freezing the page: `model::reanchor`'s `Reanchoring` runs in slices of about
//! 12 ms, one after each painted frame; after half a second the state carries how far it is.
//! A new choice, another file, or closing the dialog stops the work.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::formats::ImportReport;
use crate::model::reanchor::{Reanchored, Reanchoring};
use crate::model::text::Document;
use crate::view::frames::after_paint;

/// How long one slice of placing runs before the page gets a frame, and how long placing may
/// take before a progress line is shown, in milliseconds.
const SLICE_MS: f64 = 12.0;
const PROGRESS_AFTER_MS: f64 = 500.0;
/// The budget of one `Reanchoring::step`; the clock is read between steps.
const STEP: usize = 256;

/// Placing the file's annotations on the open document: not chosen, under way (with the
/// percent once it is shown), or done.
#[derive(Clone, PartialEq)]
pub enum Placing {
    Off,
    Working(Option<usize>),
    Done(Rc<Reanchored>),
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A placing under way: the work, the file whose one document it places, when it began, and
/// its number (a later choice, or closing the dialog, moves `latest` on, which stops it).
struct Run {
    job: Reanchoring,
    report: Rc<ImportReport>,
    began: f64,
    number: u32,
    latest: Rc<Cell<u32>>,
    placing: UseStateHandle<Placing>,
}

/// Works for one slice; then, unless done or stopped, again after the next frame is painted.
fn work(mut run: Run) {
    let slice = now();
    loop {
        if run.job.step(STEP) {
            let result = run.job.finish(&run.report.documents[0]);
            run.placing.set(Placing::Done(Rc::new(result)));
            return;
        }
        if now() - slice > SLICE_MS {
            break;
        }
    }
    if now() - run.began > PROGRESS_AFTER_MS {
        run.placing.set(Placing::Working(Some(run.job.percent())));
    }
    after_paint(move || {
        if run.latest.get() == run.number {
            work(run);
        }
    });
}

/// The placing of `report`'s one document on `current`, and the callback that turns it on
/// (starting the work) or off.
#[hook]
pub fn use_placing(report: Rc<ImportReport>, current: Rc<Document>) -> (Placing, Callback<bool>) {
    let placing = use_state(|| Placing::Off);
    let latest = use_memo((), |_| Cell::new(0u32));
    {
        // Another file, or closing the dialog, stops the placing.
        let (placing, run) = (placing.clone(), latest.clone());
        use_effect_with(Rc::as_ptr(&report) as usize, move |_| {
            if *placing != Placing::Off {
                placing.set(Placing::Off);
            }
            move || run.set(run.get() + 1)
        });
    }
    let choose = {
        let (placing, latest) = (placing.clone(), latest.clone());
        Callback::from(move |on: bool| {
            latest.set(latest.get() + 1);
            if !on || report.documents.len() != 1 {
                return placing.set(Placing::Off);
            }
            placing.set(Placing::Working(None));
            work(Run {
                job: Reanchoring::new(&report.documents[0], &current),
                report: report.clone(),
                began: now(),
                number: latest.get(),
                latest: latest.clone(),
                placing: placing.clone(),
            });
        })
    };
    ((*placing).clone(), choose)
}
