//! What the adjudication screen holds ([`Session`]): the annotators' files, the agreement
//! asked for (K), the queue of groups with its decisions (`model::merge::Adjudication`), and
//! the note, reason and form of the decision being made. One session lives as long as the page
//! ([`kept`]), so leaving the screen and coming back finds the work as it was. Every rule is
//! the model's; this only reads files and turns commands into its calls.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use super::adjudicate_keys::Command;
use super::files::now_iso;
use crate::model::annotation::Annotation;
use crate::model::formats::{self, InputFile};
use crate::model::merge::{min_agree, Adjudication, AnnotatorFiles, Decision, Merge};
use crate::model::provenance::Reason;
use crate::model::workspace::Workspace;

/// The session, shared by the screen's components (a change bumps the screen's revision);
/// equal to itself only, so components re-render on their other props.
#[derive(Clone, Debug)]
pub struct Shared(Rc<RefCell<Session>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shared {
    /// Do not hold the borrow across a render of a child or a callback.
    pub fn borrow(&self) -> Ref<'_, Session> {
        self.0.borrow()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Session> {
        self.0.borrow_mut()
    }
}

thread_local! {
    static KEPT: Shared = Shared(Rc::new(RefCell::new(Session::default())));
}

/// The page's one session.
pub fn kept() -> Shared {
    KEPT.with(Shared::clone)
}

/// A form open on the current group.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Form {
    #[default]
    None,
    /// The span of variant `span` with the label and source of variant `label`.
    Combine { span: usize, label: usize },
    /// The adjudicator's own annotation, started from a variant.
    Edit(Annotation),
}

#[derive(Debug, Default)]
pub struct Session {
    pub files: AnnotatorFiles,
    /// The agreement asked for; `None`: more than half of the annotators.
    pub min: Option<usize>,
    /// Problems of the files read last.
    pub problems: Vec<String>,
    /// Why the files cannot be merged.
    pub refused: Vec<String>,
    pub queue: Option<Adjudication>,
    /// The note and reason of the next decision on the current group.
    pub note: String,
    pub reason: Option<Reason>,
    pub form: Form,
    /// Why the last decision was refused.
    pub error: Option<String>,
    /// What to focus after the next render (a selector).
    pub focus: Option<&'static str>,
    /// Grows with every change to the gold set (a decision, a reopening, a new merge), so the
    /// report is computed again only then.
    pub changes: u64,
}

/// Where the focus goes for the queue, the note and the forms.
pub const QUEUE: &str = ".adjudicate .queue";
pub const NOTE: &str = ".adjudicate .decision-note";
pub const FORM: &str = ".adjudicate [data-form] select, .adjudicate [data-form] button";

impl Session {
    /// Reads each file as one annotator's work (any importable format; the first file's
    /// documents are known to the others, as on the command line). A file of the same name
    /// replaces the one read before.
    pub fn read(&mut self, inputs: &[InputFile]) {
        self.problems.clear();
        for input in inputs {
            let first = self.files.files().first().filter(|f| f.file != input.name);
            let known: Vec<&Workspace> = first
                .map(|f| f.documents.iter().collect())
                .unwrap_or_default();
            let name = &input.name;
            match formats::import(std::slice::from_ref(input), &known) {
                Err(error) => self.problems.push(format!("{name}: {error}")),
                Ok(report) if !report.rejected.is_empty() => self.problems.extend(
                    report
                        .rejected_problems()
                        .iter()
                        .map(|p| format!("{name}: {}: {}", p.at, p.message)),
                ),
                Ok(report) if report.documents.is_empty() => {
                    self.problems.push(format!("{name}: holds no documents"))
                }
                Ok(report) => {
                    if let Some(i) = self.files.files().iter().position(|f| &f.file == name) {
                        self.files.remove(i);
                    }
                    self.files.add(name, name, report.documents);
                }
            }
        }
        self.rebuild();
    }

    /// Whether a decision has been taken (starting again would lose it).
    pub fn has_decisions(&self) -> bool {
        self.queue.as_ref().is_some_and(|q| q.len() > q.open())
    }

    /// Merges the files afresh with the agreement asked for; every decision starts again.
    pub fn rebuild(&mut self) {
        self.queue = None;
        self.refused.clear();
        let n = self.files.len();
        if self.min.is_some_and(|k| k > n) {
            self.min = None;
        }
        if n > 0 {
            let merged = min_agree(self.min, n)
                .map_err(|e| vec![e.to_string()])
                .and_then(|k| {
                    let matched = self.files.matched()?;
                    let merges: Result<Vec<Merge>, _> = matched
                        .into_iter()
                        .map(|a| Merge::new(a, Some(k)))
                        .collect();
                    merges.map_err(|e| vec![e.to_string()])
                });
            match merged {
                Ok(merges) => self.queue = Some(Adjudication::new(merges)),
                Err(refused) => self.refused = refused,
            }
        }
        self.settle();
        self.focus = self.queue.as_ref().map(|_| QUEUE);
        self.changes += 1;
    }

    /// The note, reason and form for the group now current: its decision's, or blank.
    fn settle(&mut self) {
        let decision = self.queue.as_ref().and_then(Adjudication::decision);
        self.note = decision.map(|d| d.note.clone()).unwrap_or_default();
        self.reason = decision.and_then(|d| d.reason);
        self.form = Form::None;
        self.error = None;
    }

    /// Takes `decision` (with the note and reason) for the current group.
    fn decide(&mut self, decision: Decision) {
        let Some(queue) = self.queue.as_mut() else {
            return;
        };
        let decision = Decision {
            note: self.note.trim().to_string(),
            reason: self.reason,
            ..decision
        };
        match queue.decide(decision) {
            Ok(_) => {
                self.settle();
                self.focus = Some(QUEUE);
                self.changes += 1;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Carries out a command of the keys or the buttons (Help is the screen's).
    pub fn run(&mut self, command: Command) {
        let Some(queue) = self.queue.as_mut() else {
            return;
        };
        let variants = queue.current().map_or(0, |(_, g)| g.variants.len());
        match command {
            Command::Step(by) => {
                if queue.step(by) {
                    self.settle();
                }
                self.focus = Some(QUEUE);
            }
            Command::Pick(n) if n < variants => self.decide(Decision::pick(n)),
            Command::Pick(_) | Command::Help => {}
            Command::Reject if variants > 0 => self.decide(Decision::reject_all()),
            Command::Edit if variants > 0 => {
                let (_, group) = queue.current().expect("a group with variants");
                self.form = Form::Edit(group.variants[0].annotation.clone());
                self.focus = Some(FORM);
            }
            Command::Combine if variants > 0 => {
                self.form = Form::Combine {
                    span: 0,
                    label: usize::from(variants > 1),
                };
                self.focus = Some(FORM);
            }
            Command::Reject | Command::Edit | Command::Combine => {}
            Command::Note => self.focus = Some(NOTE),
            Command::Reopen => {
                if queue.reopen().is_some() {
                    self.changes += 1;
                }
                self.error = None;
                self.focus = Some(QUEUE);
            }
            Command::Back => {
                self.form = Form::None;
                self.focus = Some(QUEUE);
            }
        }
    }

    /// Keeps the combination the form shows.
    pub fn combine(&mut self, span: usize, label: usize) {
        self.decide(Decision::combine(span, label));
    }

    /// Keeps the adjudicator's own annotation.
    pub fn keep_edited(&mut self, annotation: Annotation) {
        let annotation = Annotation {
            modified: now_iso(),
            ..annotation
        };
        self.decide(Decision::edit(annotation));
    }
}
