//! Learning from the person: answers through `Action::Learn` (undoable, kept in the document
//! they were given in, summed over the corpus), refusals never suggested again, relabelling,
//! resetting; and the native format carrying the learning and the suggested marks.

use claimmark::model::annotation::{LabelId, Suggested};
use claimmark::model::corpus::Corpus;
use claimmark::model::formats::native;
use claimmark::model::suggest::{
    candidate_at, model_of, pre_annotated, suggest, Feedback, Model, Suggestion,
};
use claimmark::model::text::Document;
use claimmark::model::{Action, Change, Editor, Workspace};

const NOW: &str = "2026-12-01T10:00:00Z";

fn english(title: &str, text: &str) -> Workspace {
    let mut document = Document::new(title, text);
    document.language = Some("en".into());
    Workspace::new(document)
}

fn suggestions(editor: &Editor) -> Vec<Suggestion> {
    suggest(editor.workspace(), &model_of(editor.corpus().documents()))
}

fn quotes(editor: &Editor) -> Vec<String> {
    let ws = editor.workspace();
    suggestions(editor)
        .iter()
        .map(|s| format!("{} {}", s.label, ws.document.text.quote(s.span)))
        .collect()
}

#[test]
fn a_refusal_is_not_suggested_again_until_undone() {
    let ws = english(
        "One",
        "Reed denied the claim and said troops had fired first.",
    );
    let mut editor = Editor::new(ws);
    let before = quotes(&editor);
    assert_eq!(before, ["claim troops had fired first"]);
    let refused = suggestions(&editor).remove(0);
    editor
        .apply(Action::Learn(Feedback::Rejected(refused)))
        .unwrap();
    assert_eq!(quotes(&editor), Vec::<String>::new());
    let learned = editor.workspace().suggester.clone().unwrap();
    assert_eq!(learned.feedback(), 1);
    editor.undo().unwrap();
    assert_eq!(editor.workspace().suggester, None);
    assert_eq!(quotes(&editor), before);
}

#[test]
fn relabelling_teaches_the_label_across_documents() {
    let text = "Reed said the army had entered the town. Lind said the soldiers had entered \
                the village.";
    let other = format!("{text} Both spoke on Monday.");
    let documents = vec![english("A", text), english("B", &other)];
    let corpus = Corpus::from_documents(documents, 0).unwrap();
    let mut editor = Editor::with_corpus(corpus);
    let first = suggestions(&editor).remove(0);
    assert_eq!(first.label.as_str(), "claim");
    for _ in 0..3 {
        let s = suggestions(&editor)
            .into_iter()
            .find(|s| s.label.as_str() == "claim")
            .unwrap();
        let feedback = Feedback::Edited {
            suggestion: s.clone(),
            label: LabelId::new("allegation"),
        };
        editor.apply(Action::Learn(feedback)).unwrap();
        let mut add = s.to_action(NOW);
        if let Action::Add { label, .. } = &mut add {
            *label = LabelId::new("allegation");
        }
        editor.apply(add).unwrap();
        if suggestions(&editor).is_empty() {
            break;
        }
    }
    editor.show(1).unwrap();
    let other: Vec<String> = quotes(&editor);
    assert!(
        other.iter().all(|q| q.starts_with("allegation ")),
        "the other document still suggests {other:?}"
    );
    assert_eq!(
        editor.corpus().documents()[1].suggester,
        None,
        "learning stays where it was given"
    );
    editor.apply(Action::ResetLearning).unwrap();
    assert!(editor
        .corpus()
        .documents()
        .iter()
        .all(|d| d.suggester.is_none()));
    assert!(quotes(&editor).iter().all(|q| q.starts_with("claim ")));
    editor.undo().unwrap();
    assert!(editor.corpus().documents()[0].suggester.is_some());
}

#[test]
fn a_span_the_person_tagged_teaches_through_its_candidate() {
    let ws = english("One", "The army denied the report.");
    let model = Model::new();
    let span = ws.span(22, 26).unwrap();
    let candidate = candidate_at(&ws, &model, span).unwrap();
    assert_eq!(ws.document.text.quote(candidate.span), "the report");
    let mut learned = Model::new();
    let before = learned.probabilities(&candidate.features);
    for _ in 0..3 {
        learned.learn(&Feedback::Added {
            candidate: candidate.clone(),
            label: LabelId::new("claim"),
        });
    }
    assert!(learned.probabilities(&candidate.features)[0] > before[0] + 0.2);
    assert_eq!(learned.feedback(), 3);
    learned.reset();
    assert_eq!(learned, Model::new());
}

#[test]
fn models_add_up_and_survive_json() {
    let ws = english(
        "One",
        "Greenwatch urged the government to act. Reed said it was late.",
    );
    let found = suggest(&ws, &Model::new());
    let (mut a, mut b) = (Model::new(), Model::new());
    a.learn(&Feedback::Accepted(found[0].clone()));
    b.learn(&Feedback::Rejected(found[1].clone()));
    let sum = Model::sum([&a, &b]);
    assert_eq!(sum.feedback(), 2);
    assert!(
        !sum.is_rejected(found[1].span, found[1].label.as_str()),
        "refusals stay home"
    );
    assert!(b.is_rejected(found[1].span, found[1].label.as_str()));
    for model in [&a, &b, &sum] {
        assert_eq!(&Model::from_json(&model.to_json()).unwrap(), model);
    }
    for (bad, why) in [
        (serde_json::json!([]), "must be an object"),
        (serde_json::json!({"version": 2}), "\"version\" must be 1"),
        (
            serde_json::json!({"version": 1, "weights": {"x": {"maybe": 1}}}),
            "\"maybe\" is not a class",
        ),
        (
            serde_json::json!({"version": 1, "rejected": [{"start": 3, "end": 3, "label": "claim"}]}),
            "start < end",
        ),
    ] {
        let error = Model::from_json(&bad).unwrap_err();
        assert!(error.contains(why), "{bad}: {error}");
    }
}

/// A document with a suggested annotation and some learning, exported and read back.
fn learned_document() -> Workspace {
    let ws = english(
        "One",
        "Greenwatch urged the government to act. Reed said it was late.",
    );
    let found = suggest(&ws, &Model::new());
    let mut ws = pre_annotated(&ws, &found[..1], "");
    let mut model = Model::new();
    model.learn(&Feedback::Rejected(found[1].clone()));
    ws.suggester = Some(model);
    ws
}

#[test]
fn the_native_format_carries_marks_and_learning() {
    let ws = learned_document();
    let id = ws.annotations()[0].id.clone();
    let confidence = ws.suggested(&id).and_then(|m| m.confidence).unwrap();
    let file = native::export(&ws);
    assert!(file.contains("\"suggested\": true") && file.contains("\"suggester\": {"));
    for read in [
        native::import(&file).unwrap(),
        native::import_carefully(&file).unwrap(),
    ] {
        assert_eq!(read.warnings, Vec::<String>::new());
        assert_eq!(read.workspace.annotations(), ws.annotations());
        assert_eq!(read.workspace.suggester, ws.suggester);
        assert_eq!(
            read.workspace.suggested(&id),
            Some(Suggested {
                confidence: Some(confidence)
            })
        );
        assert_eq!(native::export(&read.workspace), file);
    }
    let plain = english("Two", "Nothing here.");
    let file = native::export(&plain);
    for field in ["\"suggested\"", "\"confidence\"", "\"suggester\""] {
        assert!(!file.contains(field), "{file}");
    }
}

#[test]
fn doubtful_marks_and_learning_are_left_out_with_warnings() {
    let file = native::export(&learned_document());
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    value["annotations"][0]["confidence"] = serde_json::json!(1.5);
    value["suggester"] = serde_json::json!({"version": 7});
    let read = native::import(&value.to_string()).unwrap();
    let id = read.workspace.annotations()[0].id.clone();
    assert_eq!(
        read.workspace.suggested(&id),
        Some(Suggested { confidence: None })
    );
    assert_eq!(read.workspace.suggester, None);
    assert_eq!(read.warnings.len(), 2, "{:?}", read.warnings);
    assert!(read.warnings[0].contains("confidence 1.5 is not a number from 0 to 1"));
    assert!(read.warnings[1].contains("suggester: \"version\" must be 1"));
    value["annotations"][0]["suggested"] = serde_json::json!("yes");
    let read = native::import(&value.to_string()).unwrap();
    assert_eq!(read.workspace.suggested(&id), None);
    assert!(read.warnings[0].contains("\"suggested\" must be true or false, found a string"));
}

#[test]
fn editing_a_suggested_annotation_makes_it_the_persons_and_undo_brings_the_mark_back() {
    let ws = learned_document();
    let id = ws.annotations()[0].id.clone();
    let mut editor = Editor::new(ws);
    let mark = editor.workspace().suggested(&id);
    assert!(mark.is_some());
    let change = Change::Note("checked".into());
    editor
        .apply(Action::Edit {
            id: id.clone(),
            change,
            now: NOW.into(),
        })
        .unwrap();
    assert_eq!(editor.workspace().suggested(&id), None);
    editor.undo().unwrap();
    assert_eq!(editor.workspace().suggested(&id), mark);
    editor.apply(Action::Delete { id: id.clone() }).unwrap();
    editor.undo().unwrap();
    assert_eq!(editor.workspace().suggested(&id), mark);
}
