//! Exercise files and links: round trips, sizes, damage, the student's fresh workspace, and
//! the key's notes as explanations when the teacher allows them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::exercise::{self, Exercise, MAX_LINK_CHARS};
use claimmark::model::formats::native;
use claimmark::model::review::CheckMark;
use claimmark::model::{Document, Editor, Workspace};
use common::add;

fn seed_with_key() -> claimmark::model::Workspace {
    let path = format!(
        "{}/tests/data/fixtures/seed.claimmark.json",
        env!("CARGO_MANIFEST_DIR")
    );
    native::import(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .workspace
}

#[test]
fn files_and_links_round_trip() {
    let ex = Exercise::new(
        seed_with_key(),
        "Find who claims, alleges and proposes what.\n“Quote” — 🙂",
        true,
        true,
    );
    assert!(ex.id.starts_with("ex-") && ex.id.len() == 15, "{}", ex.id);
    assert!(ex.has_key());
    assert_eq!(
        ex.file_name(),
        "Russia offers to mediate between Pakistan and Afghanistan.claimmark-exercise.json"
    );
    let back = exercise::import(&ex.export()).unwrap();
    assert_eq!(back, ex);
    let fragment = ex.to_fragment();
    assert!(
        fragment.starts_with("exercise=") && fragment.len() < MAX_LINK_CHARS,
        "{} chars",
        fragment.len()
    );
    assert_eq!(
        exercise::from_fragment(&format!("#{fragment}")).unwrap(),
        ex
    );
}

#[test]
fn the_id_follows_the_content() {
    let a = Exercise::new(seed_with_key(), "Read carefully.", true, true);
    let b = Exercise::new(seed_with_key(), "Read carefully.", true, true);
    let c = Exercise::new(seed_with_key(), "Read very carefully.", true, true);
    assert_eq!(a.id, b.id);
    assert_ne!(a.id, c.id);
    let keyless = Exercise::new(seed_with_key(), "Read carefully.", true, false);
    assert!(
        !keyless.has_key() && !keyless.allow_check,
        "no key, nothing to check against"
    );
}

#[test]
fn damaged_links_and_files_say_what_is_wrong() {
    let ex = Exercise::new(seed_with_key(), "x", false, true);
    let fragment = ex.to_fragment();
    let cases = [
        ("#other=1".to_string(), "does not hold an exercise"),
        ("exercise=%%%".to_string(), "not base64url"),
        (
            fragment[..fragment.len() / 2].to_string(),
            "damaged or cut short",
        ),
    ];
    for (input, expected) in cases {
        let message = exercise::from_fragment(&input).unwrap_err().to_string();
        assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    }
    let mut file: serde_json::Value = serde_json::from_str(&ex.export()).unwrap();
    file["material"]["annotations"][0]["end"] = serde_json::json!(99999);
    let message = exercise::import(&file.to_string()).unwrap_err().to_string();
    assert!(message.contains("material.annotations[0]"), "{message}");
    assert!(exercise::import("{\"format\": \"claimmark\"}")
        .unwrap_err()
        .to_string()
        .contains("not a claimmark exercise"));
}

#[test]
fn a_student_starts_fresh_and_submits_with_name_and_exercise() {
    let ex = Exercise::new(seed_with_key(), "Tag the claims.", true, true);
    let student = ex.student_workspace("  Ana ");
    assert!(student.annotations().is_empty());
    assert_eq!(student.annotator, "Ana");
    assert_eq!(student.labels, ex.material.labels);
    let submission = native::export(&student);
    let value: serde_json::Value = serde_json::from_str(&submission).unwrap();
    assert_eq!(value["annotator"], "Ana");
    assert_eq!(value["exercise"]["id"], ex.id.as_str());
    let back = native::import(&submission).unwrap().workspace;
    assert_eq!(back.exercise, student.exercise);
    assert_eq!(back.annotator, "Ana");
}

const TEXT: &str =
    "Kabul accused Islamabad of fraud. قالت زاخاروفا إن المحادثات فشلت 🙂. Russia offered talks.";

/// (start, end) of `phrase` in TEXT, in code points.
fn at(phrase: &str) -> (usize, usize) {
    let start = TEXT[..TEXT.find(phrase).unwrap()].chars().count();
    (start, start + phrase.chars().count())
}

/// A workspace of TEXT with (phrase, label, source, note) annotations.
fn annotated(marks: &[(&str, &str, &str, &str)]) -> Workspace {
    let mut editor = Editor::new(Workspace::new(Document::new("Talks", TEXT)));
    for &(phrase, label, source, note) in marks {
        let (start, end) = at(phrase);
        add(&mut editor, (start, end, label, source), note, "");
    }
    editor.workspace().clone()
}

/// Checks `student` against an exercise on `key` that does or does not `explain`: the marks as
/// (phrase, mark, explanation).
fn check(
    key: &Workspace,
    explain: bool,
    student: &Workspace,
    expected: &[(&str, CheckMark, &str)],
) {
    let ex = Exercise::new(key.clone(), "", true, true).explaining(explain);
    assert_eq!(ex.explain, explain);
    let got: Vec<(String, CheckMark, String)> = ex
        .check(student)
        .into_iter()
        .map(|c| {
            let quote = key.document.text.slice(c.start, c.end).to_string();
            (quote, c.mark, c.explanation)
        })
        .collect();
    let expected: Vec<(String, CheckMark, String)> = expected
        .iter()
        .map(|(p, m, e)| (p.to_string(), *m, e.to_string()))
        .collect();
    assert_eq!(got, expected, "explain: {explain}");
}

#[test]
fn checking_shows_the_key_s_notes_as_explanations_when_allowed() {
    let key = annotated(&[
        (
            "Kabul accused Islamabad of fraud",
            "allegation",
            "Kabul",
            "An accusation of wrongdoing: fraud.",
        ),
        (
            "قالت زاخاروفا إن المحادثات فشلت",
            "claim",
            "زاخاروفا",
            "  “قالت” — she said 🙂  ",
        ),
        ("Russia offered talks", "proposal", "Russia", ""),
    ]);
    let student = annotated(&[
        ("Kabul accused Islamabad", "claim", "Kabul", "mine"),
        ("Russia offered talks", "proposal", "Moscow", ""),
        ("🙂", "claim", "", ""),
    ]);
    let wrong_label = ("Kabul accused Islamabad", CheckMark::WrongLabel);
    let missed = ("قالت زاخاروفا إن المحادثات فشلت", CheckMark::Missed);
    let extra = ("🙂", CheckMark::Extra);
    let wrong_source = ("Russia offered talks", CheckMark::WrongSource);
    check(
        &key,
        true,
        &student,
        &[
            (
                wrong_label.0,
                wrong_label.1,
                "An accusation of wrongdoing: fraud.",
            ),
            (missed.0, missed.1, "“قالت” — she said 🙂"),
            (extra.0, extra.1, ""),
            (wrong_source.0, wrong_source.1, ""),
        ],
    );
    check(
        &key,
        false,
        &student,
        &[
            (wrong_label.0, wrong_label.1, ""),
            (missed.0, missed.1, ""),
            (extra.0, extra.1, ""),
            (wrong_source.0, wrong_source.1, ""),
        ],
    );
}

#[test]
fn the_explain_flag_round_trips_and_is_off_unless_the_file_says_so() {
    let key = annotated(&[("Russia offered talks", "proposal", "Russia", "An offer.")]);
    let plain = Exercise::new(key.clone(), "Tag.", true, true);
    let explaining = plain.clone().explaining(true);
    assert_eq!(plain.explained(), 1);
    assert!(!plain.explain && explaining.explain);
    assert_ne!(plain.id, explaining.id, "the flag is part of the content");
    assert_eq!(
        plain.clone().explaining(false),
        plain,
        "off: the same exercise, the same id"
    );
    for ex in [&plain, &explaining] {
        let file = exercise::import(&ex.export()).unwrap();
        let link = exercise::from_fragment(&ex.to_fragment()).unwrap();
        for back in [file, link] {
            assert_eq!((&back.id, back.explain), (&ex.id, ex.explain));
        }
    }
    let file: serde_json::Value = serde_json::from_str(&plain.export()).unwrap();
    assert_eq!(
        file.get("explain"),
        None,
        "written only when true, so older ids stay"
    );
    let file: serde_json::Value = serde_json::from_str(&explaining.export()).unwrap();
    assert_eq!(file["explain"], true);
    // No explanations without checking, nor without a key.
    let unchecked = Exercise::new(key.clone(), "Tag.", false, true).explaining(true);
    let keyless = Exercise::new(key, "Tag.", true, false).explaining(true);
    assert!(!unchecked.explain && !keyless.explain);
}

#[test]
fn suggestions_are_off_unless_the_teacher_allows_them_and_the_choice_travels() {
    let off = Exercise::new(seed_with_key(), "Tag the claims.", true, true);
    assert!(!off.allow_suggestions);
    // Said only when on, so an exercise made before the choice existed keeps its id.
    assert!(!off.export().contains("allow_suggestions"));
    let student = off.student_workspace("Ana");
    assert!(!student.allows_suggestions());
    assert!(!native::export(&student).contains("allow_suggestions"));

    let on = off.clone().allowing_suggestions(true);
    assert_ne!(on.id, off.id, "the id follows the content");
    assert_eq!(on.clone().allowing_suggestions(false), off);
    assert_eq!(exercise::import(&on.export()).unwrap(), on);
    assert_eq!(exercise::from_fragment(&on.to_fragment()).unwrap(), on);
    assert_eq!(exercise::import(&off.export()).unwrap(), off);
    let student = on.student_workspace("Ben");
    assert!(student.allows_suggestions());
    let file = native::export(&student);
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["exercise"]["allow_suggestions"], true);
    // Both readers: the typed one (a clean file) and the careful one (a file with a problem).
    let back = native::import(&file).unwrap().workspace;
    assert_eq!(back.exercise, student.exercise);
    let mut doubtful = value.clone();
    doubtful["done"] = serde_json::json!("yes");
    let careful = native::import(&doubtful.to_string()).unwrap().workspace;
    assert_eq!(careful.exercise, student.exercise);
    assert!(careful.allows_suggestions());
    let mut absent = value;
    absent["exercise"]
        .as_object_mut()
        .unwrap()
        .remove("allow_suggestions");
    let old = native::import(&absent.to_string()).unwrap().workspace;
    assert!(!old.allows_suggestions(), "absent means off");
}

#[test]
fn what_the_teacher_taught_suggestions_stays_out_of_the_exercise() {
    use claimmark::model::suggest::{suggest, Feedback, Model};
    let mut material = seed_with_key();
    let mut learned = Model::new();
    let first = suggest(&material, &Model::new()).remove(0);
    learned.learn(&Feedback::Rejected(first));
    material.suggester = Some(learned);
    let ex = Exercise::new(material, "x", true, true);
    assert_eq!(ex.material.suggester, None);
    assert!(!ex.export().contains("suggester"));
}
