//! The one store handle the components share through context.
//!
//! [`Store`] wraps the model's [`Editor`] with the little UI state that several components
//! need: which annotation is selected, the status notice, the word-snapping switch, the
//! shown document's exercise with its answer key (parsed once, see
//! [`super::hooks::exercise_key`]), and the suggested annotations ([`super::suggesting`]). Every change goes through [`Msg`]; edits to the workspace
//! go through [`Msg::Do`] and so through `Editor::apply`, which is what makes undo cover
//! everything.
//!
//! The editor sits in a `RefCell` shared by successive store values, so an action costs O(1)
//! rather than a copy of a large document; `revision` tells components that it changed.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::suggesting::{SuggestMsg, Suggestions};
use crate::model::exercise::Exercise;
use crate::model::{Action, ActionError, AnnotationId, Corpus, Editor, ExerciseLink, Outcome};

/// How a notice looks and whether it is announced politely or assertively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message in the status area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// Buttons offered with the message.
    pub actions: Vec<NoticeAction>,
    /// Increases with every notice, so an identical message is still shown afresh.
    pub serial: u64,
}

/// What a notice can offer to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download every document as claimmark JSON Lines.
    ExportAll,
    /// Another tab saved: take its work instead of this tab's.
    LoadSaved,
    /// Another tab saved: keep this tab's work and save it over the other's.
    KeepThisTab,
    /// Undo the change the notice reports.
    Undo,
    /// Redo the change the notice reports undone.
    Redo,
}

/// Which part of an attribution a text selection will link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPart {
    /// Where the text names the source ("Zakharova", "She").
    Mention,
    /// The reporting verb or phrase ("said", "urged").
    Cue,
}

/// An annotation waiting for the user to select its mention or cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linking {
    pub id: AnnotationId,
    pub part: LinkPart,
}

#[derive(Clone)]
pub struct Store {
    editor: Rc<RefCell<Editor>>,
    /// Increases whenever the workspace changes.
    pub revision: u64,
    pub selected: Option<AnnotationId>,
    pub notice: Option<Notice>,
    /// Whether selections snap to whole words.
    pub snap_to_words: bool,
    /// Whether a student is comparing their work with the exercise's key.
    pub checking: bool,
    /// An annotation to scroll to and flash; the number makes a repeated request new.
    pub reveal: Option<(AnnotationId, u64)>,
    /// Set while the next selection links a mention or cue instead of opening the tag menu.
    pub linking: Option<Linking>,
    /// Whether the search bar is open; the number grows with each request to focus it.
    pub search: Option<u64>,
    /// A text offset to bring into view; the number makes a repeated request new.
    pub scroll_to: Option<(usize, u64)>,
    /// The annotation added last, with the revision that added it.
    pub added: Option<(AnnotationId, u64)>,
    /// The exercise a student started, with its answer key, parsed once (when it starts or
    /// when its document is shown) and read from here by every component; see
    /// [`Store::exercise_of`].
    exercise: Option<Rc<Exercise>>,
    /// Suggested annotations: asked for or not, the latest reading, the focused one.
    pub suggestions: Suggestions,
}

impl Store {
    /// Whether the selected annotation was added by the latest change.
    pub fn selected_just_added(&self) -> bool {
        matches!((&self.added, &self.selected), (Some((id, revision)), Some(selected))
            if id == selected && *revision == self.revision)
    }

    /// The held exercise (with its answer key) when it is the one `link` names.
    pub fn exercise_of(&self, link: &ExerciseLink) -> Option<&Rc<Exercise>> {
        self.exercise.as_ref().filter(|e| e.id == link.id)
    }

    /// The id of the held exercise.
    pub fn held_exercise(&self) -> Option<&str> {
        self.exercise.as_ref().map(|e| e.id.as_str())
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.editor, &other.editor)
            && self.revision == other.revision
            && self.selected == other.selected
            && self.notice == other.notice
            && self.snap_to_words == other.snap_to_words
            && self.checking == other.checking
            && self.reveal == other.reveal
            && self.linking == other.linking
            && self.search == other.search
            && self.scroll_to == other.scroll_to
            && self.added == other.added
            && self.suggestions == other.suggestions
            && match (&self.exercise, &other.exercise) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

/// Everything that changes the store.
pub enum Msg {
    /// Apply a model action; its outcome or error becomes the notice.
    Do(Action),
    /// Undo or redo the latest step; the status becomes the notice.
    Undo,
    Redo,
    /// Show another document (not an undo step).
    Show(usize),
    Select(Option<AnnotationId>),
    Notify(NoticeKind, String),
    /// A notice with buttons.
    NotifyWithActions(NoticeKind, String, Vec<NoticeAction>),
    DismissNotice,
    SetSnap(bool),
    SetChecking(bool),
    /// Select an annotation and scroll to its highlight.
    Reveal(AnnotationId),
    /// Replace everything with saved work (not an undo step).
    Restore(Corpus),
    /// Start (or, with `None`, stop) linking a mention or cue from the next selection.
    Link(Option<Linking>),
    /// Open (and focus) or close the search bar.
    Search(bool),
    /// Bring a text offset into view.
    ScrollTo(usize),
    /// Hold an exercise (with its answer key) for the components that show or check it.
    SetExercise(Rc<Exercise>),
    /// Show, hide, focus or update the suggested annotations.
    Suggestions(SuggestMsg),
}

impl Store {
    pub fn new(corpus: Corpus, snap_to_words: bool) -> Store {
        Store {
            editor: Rc::new(RefCell::new(Editor::with_corpus(corpus))),
            revision: 0,
            selected: None,
            notice: None,
            snap_to_words,
            checking: false,
            reveal: None,
            linking: None,
            search: None,
            scroll_to: None,
            added: None,
            exercise: None,
            suggestions: Suggestions::default(),
        }
    }

    /// The editor, borrowed for reading. Do not hold the borrow across a dispatch.
    pub fn editor(&self) -> Ref<'_, Editor> {
        self.editor.borrow()
    }

    fn notify(&mut self, kind: NoticeKind, text: String) {
        self.notify_with(kind, text, Vec::new());
    }

    fn notify_with(&mut self, kind: NoticeKind, text: String, actions: Vec<NoticeAction>) {
        let serial = self.notice.as_ref().map_or(1, |n| n.serial + 1);
        self.notice = Some(Notice {
            kind,
            text,
            actions,
            serial,
        });
    }
}

impl Store {
    /// Runs one editor call on this next store and takes its outcome: the revision, selection
    /// and notice follow. When nothing changed, the previous store stays (nothing renders).
    /// A change's notice offers `offer` (undo a change, redo an undo).
    fn settle(
        mut self,
        previous: Rc<Store>,
        offer: NoticeAction,
        call: impl FnOnce(&mut Editor) -> Result<Outcome, ActionError>,
    ) -> Rc<Store> {
        let result = call(&mut self.editor.borrow_mut());
        match result {
            Ok(Outcome::Unchanged) => return previous,
            Ok(Outcome::Shown) => {
                self.revision += 1;
                self.selected = None;
                self.checking = false;
            }
            Ok(Outcome::Added(id)) => {
                self.revision += 1;
                self.added = Some((id.clone(), self.revision));
                self.selected = Some(id);
                self.notice = None;
            }
            Ok(Outcome::Changed(description)) => {
                self.revision += 1;
                let text = capitalise(&description);
                self.notify_with(NoticeKind::Info, text, vec![offer]);
            }
            Err(error) => self.notify(NoticeKind::Error, capitalise(&error.to_string())),
        }
        let editor = Rc::clone(&self.editor);
        let editor = editor.borrow();
        let exists = |id: &AnnotationId| editor.workspace().annotation(id).is_some();
        if self.selected.as_ref().is_some_and(|id| !exists(id)) {
            self.selected = None;
        }
        if self.linking.as_ref().is_some_and(|l| !exists(&l.id)) {
            self.linking = None;
        }
        Rc::new(self)
    }
}

impl Reducible for Store {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Do(action) => {
                return next.settle(self, NoticeAction::Undo, |editor| editor.apply(action))
            }
            Msg::Undo => return next.settle(self, NoticeAction::Redo, Editor::undo),
            Msg::Redo => return next.settle(self, NoticeAction::Undo, Editor::redo),
            Msg::Show(index) => {
                return next.settle(self, NoticeAction::Undo, |editor| editor.show(index))
            }
            Msg::Select(id) => next.selected = id,
            Msg::Notify(kind, text) => next.notify(kind, text),
            Msg::NotifyWithActions(kind, text, actions) => next.notify_with(kind, text, actions),
            Msg::DismissNotice => next.notice = None,
            Msg::SetSnap(on) => next.snap_to_words = on,
            Msg::SetChecking(on) => next.checking = on,
            Msg::SetExercise(exercise) => next.exercise = Some(exercise),
            Msg::Suggestions(msg) => next.suggestions.update(msg),
            Msg::Restore(corpus) => {
                next.editor = Rc::new(RefCell::new(Editor::with_corpus(corpus)));
                next.revision += 1;
                next.selected = None;
                next.linking = None;
            }
            Msg::Link(linking) => next.linking = linking,
            Msg::Search(open) => {
                next.search = open.then(|| self.search.map_or(1, |n| n + 1));
            }
            Msg::ScrollTo(offset) => {
                let serial = next.scroll_to.map_or(1, |(_, n)| n + 1);
                next.scroll_to = Some((offset, serial));
            }
            Msg::Reveal(id) => {
                let serial = next.reveal.as_ref().map_or(1, |(_, n)| n + 1);
                next.selected = Some(id.clone());
                next.reveal = Some((id, serial));
            }
        }
        Rc::new(next)
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

/// The store from context. Every component below `App` has one.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("components are rendered inside App's store provider")
}
