//! Answering suggestions as the browser does: accepting one (as it is, or edited) is one undo
//! step with its learning; accepting all above a confidence is one step; a refusal never comes
//! back; a span tagged by hand teaches in the same step as its annotation; and in an exercise
//! the teacher decides (off by default).
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::annotation::LabelId;
use claimmark::model::exercise::Exercise;
use claimmark::model::formats::native;
use claimmark::model::suggest::{candidate_at, model_of, suggest, Feedback, Suggestion};
use claimmark::model::{Action, ActionError, Attribution, Editor, Outcome, Workspace};

const NOW: &str = "2026-12-01T10:00:00Z";

fn suggestions(editor: &Editor) -> Vec<Suggestion> {
    suggest(editor.workspace(), &model_of(editor.corpus().documents()))
}

/// The seed article (English, twelve suggestions).
fn seed() -> Editor {
    let editor = Editor::new(Workspace::seed());
    assert!(suggestions(&editor).len() >= 10);
    editor
}

fn learned(editor: &Editor) -> u64 {
    editor
        .workspace()
        .suggester
        .as_ref()
        .map_or(0, |m| m.feedback())
}

#[test]
fn accepting_a_suggestion_is_one_undo_step_with_its_learning() {
    let mut editor = seed();
    let s = suggestions(&editor)
        .into_iter()
        .find(|s| s.mention.is_some() && s.cue.is_some())
        .unwrap();
    let outcome = editor.apply(s.accept(NOW)).unwrap();
    assert_eq!(outcome, Outcome::Changed("accept a suggestion".into()));
    let ws = editor.workspace();
    let [a] = ws.annotations() else {
        panic!("one annotation")
    };
    assert_eq!((a.span, &a.label), (s.span, &s.label));
    let attribution = a.attribution.as_ref().unwrap();
    assert_eq!(Some(attribution.source.as_str()), s.source.as_deref());
    assert_eq!((attribution.mention, attribution.cue), (s.mention, s.cue));
    assert_eq!((a.created.as_str(), a.note.as_str()), (NOW, ""));
    assert_eq!(learned(&editor), 1);
    assert!(!suggestions(&editor).iter().any(|x| x.span == s.span));
    assert_eq!(
        editor.apply(s.accept(NOW)),
        Err(ActionError::AlreadyAccepted)
    );

    editor.undo().unwrap();
    assert!(editor.workspace().annotations().is_empty());
    assert_eq!(editor.workspace().suggester, None, "one undo takes both");
    assert!(!editor.can_undo());
    editor.redo().unwrap();
    assert_eq!(
        (editor.workspace().annotations().len(), learned(&editor)),
        (1, 1)
    );
}

#[test]
fn a_suggestion_edited_before_accepting_teaches_its_label_and_keeps_mention_and_cue() {
    let mut editor = seed();
    let s = suggestions(&editor)
        .into_iter()
        .find(|s| s.label.as_str() == "claim" && s.mention.is_some())
        .unwrap();
    let edited = s.accept_as(LabelId::new("allegation"), Some("Someone Else".into()), NOW);
    let Outcome::Changed(what) = editor.apply(edited).unwrap() else {
        panic!("a change")
    };
    assert_eq!(what, "accept a suggestion as allegation");
    let a = &editor.workspace().annotations()[0];
    assert_eq!(a.label.as_str(), "allegation");
    let attribution = a.attribution.as_ref().unwrap();
    assert_eq!(attribution.source, "Someone Else");
    assert_eq!((attribution.mention, attribution.cue), (s.mention, s.cue));
    let model = editor.workspace().suggester.as_ref().unwrap();
    assert!(
        model.is_rejected(s.span, "claim"),
        "the old label is refused"
    );
    editor.undo().unwrap();
    assert_eq!(editor.workspace().suggester, None);

    let unattributed = s.accept_as(s.label.clone(), None, NOW);
    editor.apply(unattributed).unwrap();
    assert_eq!(editor.workspace().annotations()[0].attribution, None);
    assert!(matches!(
        editor.apply(s.accept_as(LabelId::new("nonsense"), None, NOW)),
        Err(ActionError::UnknownLabel(_))
    ));
}

#[test]
fn accepting_all_above_a_confidence_is_one_undo_step() {
    let mut editor = seed();
    let all = suggestions(&editor);
    let sure: Vec<&Suggestion> = all.iter().filter(|s| s.confidence >= 0.8).collect();
    assert!(sure.len() >= 2 && sure.len() < all.len(), "{}", sure.len());
    let accept_all = |min_confidence| Action::AcceptAll {
        suggestions: all.clone(),
        min_confidence,
        now: NOW.into(),
    };
    let outcome = editor.apply(accept_all(0.8)).unwrap();
    let expected = format!("accept {} suggestions", sure.len());
    assert_eq!(outcome, Outcome::Changed(expected));
    let ws = editor.workspace();
    assert_eq!(ws.annotations().len(), sure.len());
    for s in &sure {
        let a = ws.annotations().iter().find(|a| a.span == s.span).unwrap();
        assert_eq!(a.label, s.label);
        let source = a.attribution.as_ref().map(|at| at.source.as_str());
        assert_eq!(source, s.source.as_deref());
    }
    assert_eq!(learned(&editor), sure.len() as u64);
    assert_eq!(
        editor.apply(accept_all(0.8)),
        Err(ActionError::NothingToAccept),
        "each is an annotation now"
    );
    editor.undo().unwrap();
    assert!(editor.workspace().annotations().is_empty());
    assert_eq!(editor.workspace().suggester, None);
    assert!(!editor.can_undo(), "one step");
    assert_eq!(
        editor.apply(accept_all(1.5)),
        Err(ActionError::NothingToAccept)
    );
    assert_eq!(
        editor.apply(accept_all(f64::NAN)),
        Err(ActionError::NothingToAccept)
    );
}

#[test]
fn a_rejected_suggestion_never_comes_back() {
    let mut editor = seed();
    let refused = suggestions(&editor).remove(1);
    let again = |editor: &Editor| suggestions(editor).iter().any(|s| s.span == refused.span);
    editor
        .apply(Action::Learn(Feedback::Rejected(refused.clone())))
        .unwrap();
    assert!(!again(&editor));
    // More answers, and everything accepted at any confidence, do not bring it back.
    let rest = suggestions(&editor);
    editor.apply(rest[0].accept(NOW)).unwrap();
    let all = Action::AcceptAll {
        suggestions: suggestions(&editor),
        min_confidence: 0.0,
        now: NOW.into(),
    };
    editor.apply(all).unwrap();
    assert!(!again(&editor));
    assert!(!editor
        .workspace()
        .annotations()
        .iter()
        .any(|a| a.span == refused.span));
    // Nor saving and opening the work again.
    let saved = native::export(editor.workspace());
    let reopened = Editor::new(native::import(&saved).unwrap().workspace);
    assert!(!again(&reopened));
}

#[test]
fn a_span_tagged_by_hand_teaches_in_the_same_undo_step() {
    let mut editor = seed();
    let s = suggestions(&editor).remove(0);
    let ws = editor.workspace();
    let span = ws.span(s.span.start(), s.span.end() - 3).unwrap();
    let candidate = candidate_at(ws, &model_of(editor.corpus().documents()), span).unwrap();
    let add = Action::Add {
        span,
        label: LabelId::new("claim"),
        attribution: Attribution::named("Russia"),
        note: "by hand".into(),
        now: NOW.into(),
    };
    assert_eq!(add.clone().teaching(None), add, "no candidate: a plain Add");
    let teaching = add.teaching(Some(candidate.clone()));
    assert!(matches!(&teaching, Action::AddTeaching { candidate: c, .. } if *c == candidate));
    assert!(matches!(editor.apply(teaching).unwrap(), Outcome::Added(_)));
    assert_eq!(editor.workspace().annotations()[0].span, span);
    assert_eq!(learned(&editor), 1);
    editor.undo().unwrap();
    assert!(editor.workspace().annotations().is_empty());
    assert_eq!(editor.workspace().suggester, None);
    assert!(!editor.can_undo(), "one step");
}

/// The seed as a student of an exercise sees it.
fn student(allow_suggestions: bool) -> Editor {
    let exercise = Exercise::new(Workspace::seed(), "Find the claims.", true, false)
        .allowing_suggestions(allow_suggestions);
    Editor::new(exercise.student_workspace("Ana"))
}

#[test]
fn a_student_answers_suggestions_only_where_the_teacher_allowed_them() {
    let exercise = Exercise::new(Workspace::seed(), "Find the claims.", true, false);
    assert!(!exercise.allow_suggestions, "off by default");
    let mut editor = student(false);
    assert!(!editor.workspace().allows_suggestions());
    let s = suggestions(&editor).remove(0);
    let refused = Err(ActionError::SuggestionsNotAllowed);
    assert_eq!(editor.apply(s.accept(NOW)), refused);
    assert_eq!(
        editor.apply(Action::Learn(Feedback::Rejected(s.clone()))),
        refused
    );
    let all = Action::AcceptAll {
        suggestions: vec![s.clone()],
        min_confidence: 0.0,
        now: NOW.into(),
    };
    assert_eq!(editor.apply(all.clone()), refused);
    assert_eq!(
        ActionError::SuggestionsNotAllowed.to_string(),
        "your teacher has not allowed suggestions in this exercise"
    );
    // Tagging by hand still works there, and teaches nothing.
    let by_hand = Action::AddTeaching {
        span: s.span,
        label: s.label.clone(),
        attribution: None,
        note: String::new(),
        now: NOW.into(),
        candidate: s.clone(),
    };
    editor.apply(by_hand).unwrap();
    assert_eq!(
        (editor.workspace().annotations().len(), learned(&editor)),
        (1, 0)
    );

    let mut allowed = student(true);
    assert!(allowed.workspace().allows_suggestions());
    allowed.apply(all).unwrap();
    assert_eq!(learned(&allowed), 1);
    assert!(
        Workspace::seed().allows_suggestions(),
        "no exercise, no limit"
    );
}
