//! What the view keeps of suggested annotations: whether the person asked for them, the latest
//! reading's suggestions for a document (read a few paragraphs per task by
//! [`super::hooks::suggest`]), which one is focused, and the confidence "Accept all" starts
//! from. They sit in the store beside the editor and are never part of the work: nothing here
//! is saved, exported or counted until a suggestion is accepted (`Action::Accept`).

use std::rc::Rc;

use crate::model::overlay::Overlay;
use crate::model::suggest::{candidate_among, Suggestion};
use crate::model::{LabelId, Span};

/// The confidence "Accept all" starts from.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.8;
/// The confidences "Accept all" offers.
pub const MIN_CONFIDENCES: [f64; 5] = [0.5, 0.6, 0.7, 0.8, 0.9];

/// A suggestion's identity from one reading to the next: its span and label.
pub type Key = (Span, LabelId);

pub fn key_of(suggestion: &Suggestion) -> Key {
    (suggestion.span, suggestion.label.clone())
}

/// What one reading found.
#[derive(Debug)]
pub struct Found {
    /// The document read (its content id) and the store's revision then.
    pub document: String,
    pub revision: u64,
    /// The suggestions, in text order.
    pub list: Vec<Suggestion>,
    /// The other candidates (less likely), for learning from spans tagged by hand.
    pub others: Rc<Vec<Suggestion>>,
}

/// A reading is only ever compared with itself: it lives in one `Rc` and is never changed
/// (an answer makes a new one), so identity is equality, and comparing props costs nothing.
impl PartialEq for Found {
    fn eq(&self, other: &Found) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The store's part about suggestions.
#[derive(Clone, Debug)]
pub struct Suggestions {
    /// Whether the person asked for suggestions (Suggest; Hide turns them off).
    pub on: bool,
    /// The latest reading, perhaps of an earlier revision (the next one is under way).
    pub found: Option<Rc<Found>>,
    pub focused: Option<Key>,
    /// Where "Accept all" starts.
    pub min_confidence: f64,
    /// Grows with each request to show them: the side panel opens their tab.
    pub shown: u64,
    /// Set by each request to show them, until the list has taken keyboard focus.
    pub focus_list: bool,
}

impl Default for Suggestions {
    fn default() -> Suggestions {
        Suggestions {
            on: false,
            found: None,
            focused: None,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            shown: 0,
            focus_list: false,
        }
    }
}

impl PartialEq for Suggestions {
    fn eq(&self, other: &Suggestions) -> bool {
        self.found == other.found
            && self.on == other.on
            && self.focused == other.focused
            && self.min_confidence == other.min_confidence
            && self.shown == other.shown
            && self.focus_list == other.focus_list
    }
}

/// Changes to the suggestions' state (`store::Msg::Suggestions`).
pub enum SuggestMsg {
    /// Turn them on and show their list.
    Show,
    Hide,
    /// A reading is done.
    Found(Rc<Found>),
    Focus(Option<Key>),
    /// These were accepted or rejected: they leave the list at once (the next reading, which
    /// re-scores the others, follows); focus moves to the next one.
    Answered(Vec<Key>),
    MinConfidence(f64),
    /// The list has taken keyboard focus after a request to show it.
    ListFocused,
}

impl Suggestions {
    pub fn update(&mut self, msg: SuggestMsg) {
        match msg {
            SuggestMsg::Show => {
                self.on = true;
                self.shown += 1;
                self.focus_list = true;
            }
            SuggestMsg::Hide => {
                self.on = false;
                self.focused = None;
                self.focus_list = false;
            }
            SuggestMsg::ListFocused => self.focus_list = false,
            SuggestMsg::Found(found) => {
                let known = |key: &Key| found.list.iter().any(|s| &key_of(s) == key);
                if !self.focused.as_ref().is_some_and(known) {
                    self.focused = None;
                }
                self.found = Some(found);
            }
            SuggestMsg::Focus(key) => self.focused = key,
            SuggestMsg::Answered(keys) => self.answered(&keys),
            SuggestMsg::MinConfidence(min) => self.min_confidence = min,
        }
    }

    fn answered(&mut self, keys: &[Key]) {
        let Some(found) = &self.found else { return };
        let at = self.focused_index(found);
        let list: Vec<Suggestion> = found
            .list
            .iter()
            .filter(|s| !keys.contains(&key_of(s)))
            .cloned()
            .collect();
        if self.focused.as_ref().is_some_and(|f| keys.contains(f)) {
            let next = at.map(|i| i.min(list.len().saturating_sub(1)));
            self.focused = next.and_then(|i| list.get(i)).map(key_of);
        }
        self.found = Some(Rc::new(Found {
            document: found.document.clone(),
            revision: found.revision,
            list,
            others: found.others.clone(),
        }));
    }

    /// The latest reading when it is of `document` (perhaps before its latest change).
    pub fn found_for(&self, document: &str) -> Option<&Rc<Found>> {
        self.found.as_ref().filter(|f| f.document == document)
    }

    /// Whether the latest reading is of `document` at `revision`.
    pub fn is_current(&self, document: &str, revision: u64) -> bool {
        self.found_for(document)
            .is_some_and(|f| f.revision == revision)
    }

    /// Where the focused suggestion is in `found`'s list.
    pub fn focused_index(&self, found: &Found) -> Option<usize> {
        let focused = self.focused.as_ref()?;
        found.list.iter().position(|s| &key_of(s) == focused)
    }

    /// The candidate under a span tagged by hand in `document`, while suggestions are shown
    /// there: what the engine learns from the person's label (`Action::AddTeaching`).
    pub fn candidate_at(&self, document: &str, span: Span) -> Option<Suggestion> {
        let found = self.found_for(document).filter(|_| self.on)?;
        candidate_among(found.list.iter().chain(found.others.iter()), span).cloned()
    }

    /// The dashed outlines of the suggestions overlapping code points `from..to` of
    /// `document`, the focused one marked too.
    pub fn overlays(&self, document: &str, from: usize, to: usize) -> Vec<Overlay> {
        let Some(found) = self.found_for(document).filter(|_| self.on) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in &found.list {
            if s.span.end() <= from || s.span.start() >= to {
                continue;
            }
            let (start, end) = (s.span.start(), s.span.end());
            out.push(Overlay {
                start,
                end,
                class: "is-suggested",
                title: String::new(),
            });
            if self.focused.as_ref() == Some(&key_of(s)) {
                out.push(Overlay {
                    start,
                    end,
                    class: "is-suggested-focus",
                    title: String::new(),
                });
            }
        }
        out
    }
}
