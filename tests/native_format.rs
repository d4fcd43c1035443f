//! Host tests of the native v1 codec: round trips, the shape of the file, and every import
//! check with its message.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::formats::native::{export, export_file_name, import};
use claimmark::model::formats::ImportError;
use claimmark::model::text::seed_document;
use claimmark::model::{Document, Editor, Workspace};
use serde_json::{json, Value};

mod common;

const NASTY: &str =
    "“Zakharova” said — 🙂 👨🏻‍🚒 Cafe\u{301} talks failed.\r\nKabul accused Islamabad.";

fn annotated(document: Document, spans: &[(usize, usize, &str, &str)]) -> Workspace {
    let mut ed = Editor::new(Workspace::new(document));
    for &mark in spans {
        common::add(&mut ed, mark, "n", "2026-11-27T10:00:00Z");
    }
    ed.workspace().clone()
}

fn nasty_workspace() -> Workspace {
    annotated(
        Document::new("Nasty “text”", NASTY),
        &[
            (0, 11, "claim", "Zakharova"),
            (19, 25, "proposal", ""),
            (26, 31, "claim", "x"),
            (47, 70, "allegation", "Kabul"),
        ],
    )
}

#[test]
fn export_then_import_gives_the_same_workspace() {
    for ws in [
        nasty_workspace(),
        annotated(seed_document(), &[(0, 86, "proposal", "Russia")]),
    ] {
        let file = export(&ws);
        let back = import(&file).expect("own export imports");
        assert_eq!(back.warnings, Vec::<String>::new());
        assert_eq!(back.workspace.annotations(), ws.annotations());
        assert_eq!(back.workspace.document, ws.document);
        assert_eq!(export(&back.workspace), file, "export is stable");
    }
}

#[test]
fn exported_offsets_slice_the_text_as_python_would() {
    let file: Value = serde_json::from_str(&export(&nasty_workspace())).unwrap();
    assert_eq!(file["format"], "claimmark");
    assert_eq!(file["version"], 1);
    assert_eq!(file["offset_unit"], "codepoint");
    let text: Vec<char> = file["document"]["text"].as_str().unwrap().chars().collect();
    let id = file["document"]["id"].as_str().unwrap();
    assert!(id.starts_with("sha256:") && id.len() == 71, "{id}");
    for a in file["annotations"].as_array().unwrap() {
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            a["quote"].as_str().unwrap()
        );
    }
    assert_eq!(file["annotations"][1]["quote"], "🙂 👨🏻‍🚒");
    assert_eq!(file["annotations"][1]["attribution"], Value::Null);
    let sources: Vec<_> = file["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["Zakharova", "x", "Kabul"]);
}

#[test]
fn the_seed_sentence_has_the_issue_offsets() {
    let ws = annotated(seed_document(), &[(0, 86, "proposal", "Russia")]);
    assert_eq!(
        ws.quote(&ws.annotations()[0]),
        "Russia has formally offered to facilitate discussions between Pakistan and Afghanistan"
    );
}

/// A valid one-annotation file to break in one place per case.
fn base() -> Value {
    json!({
        "format": "claimmark", "version": 1, "offset_unit": "codepoint",
        "document": { "title": "t", "text": "ab🙂 cd" },
        "labels": [ { "id": "claim", "name": "Claim", "description": "", "color": "#0072b2" } ],
        "annotations": [ { "id": "a1", "start": 2, "end": 3, "quote": "🙂", "label": "claim",
                           "attribution": { "source": "Kabul", "mention": { "start": 4, "end": 6 } },
                           "provenance": { "status": "majority", "annotators": ["ana", "بن"], "agreement": "2/3" } } ]
    })
}

fn check(edit: impl FnOnce(&mut Value), expected: Result<usize, &str>) {
    let mut file = base();
    edit(&mut file);
    let got = import(&file.to_string())
        .map(|i| i.workspace.annotations().len())
        .map_err(|e| e.to_string());
    match (&got, expected) {
        (Ok(n), Ok(m)) => assert_eq!(*n, m),
        (Err(message), Err(fragment)) => {
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}")
        }
        _ => panic!("got {got:?}, expected {expected:?}"),
    }
}

#[test]
fn import_checks_name_the_record_and_the_problem() {
    check(|_| {}, Ok(1));
    check(
        |f| f["annotations"][0]["end"] = json!(99),
        Err("annotations[0] (id \"a1\"): end 99 is past the end of the text (6 code points)"),
    );
    check(
        |f| f["annotations"][0]["start"] = json!(-1),
        Err("\"start\" must be a whole number ≥ 0, found -1"),
    );
    check(
        |f| f["annotations"][0]["start"] = json!(1.5),
        Err("found 1.5"),
    );
    check(
        |f| f["annotations"][0]["start"] = json!("2"),
        Err("found a string"),
    );
    check(
        |f| f["annotations"][0]["start"] = json!(3),
        Err("start 3 must be less than end 3"),
    );
    check(
        |f| f["annotations"][0]["label"] = json!("rumour"),
        Err("label \"rumour\" is not one of the file's labels"),
    );
    check(
        |f| f["annotations"][0]["quote"] = json!("ab"),
        Err("quote \"ab\" does not match the text at 2..3, which is \"🙂\""),
    );
    check(
        |f| f["annotations"][0]["attribution"]["source"] = json!(" "),
        Err("\"source\" is empty"),
    );
    check(
        |f| f["annotations"][0]["attribution"]["mention"]["end"] = json!(8),
        Err("annotations[0] (id \"a1\").attribution.mention: end 8 is past"),
    );
    check(
        |f| f["annotations"][0]["attribution"]["cue"] = json!({ "start": 0, "end": 2 }),
        Ok(1),
    );
    check(
        |f| f["annotations"][0]["attribution"]["cue"] = json!({ "start": 5, "end": 9 }),
        Err("annotations[0] (id \"a1\").attribution.cue: end 9 is past"),
    );
    check(
        |f| f["annotations"][0]["attribution"]["cue"] = json!("said"),
        Err("\"cue\" must be an object or null, found a string"),
    );
    check(
        |f| {
            f["document"]["text"] = json!("ab🙂 e\u{301}d");
            f["annotations"][0]["attribution"]["cue"] = json!({ "start": 4, "end": 5 });
        },
        Err("attribution.cue: end 5 falls inside “e\u{301}”"),
    );
    check(|f| f["annotations"][0]["attribution"] = Value::Null, Ok(1));
    check(
        |f| {
            let a = f["annotations"][0].clone();
            f["annotations"].as_array_mut().unwrap().push(a);
        },
        Err("annotations[1] (id \"a1\"): the id is used by an earlier annotation"),
    );
    check(
        |f| f["annotations"][0]["id"] = json!("a 1"),
        Err("the id must be non-empty and without spaces"),
    );
    check(
        |f| f["annotations"] = json!([7]),
        Err("annotations[0]: must be an object, found a number"),
    );
    check(
        |f| f["version"] = json!(2),
        Err("version 2 is not supported"),
    );
    check(
        |f| f["format"] = json!("brat"),
        Err("this is not a claimmark file"),
    );
    check(
        |f| f["offset_unit"] = json!("utf16"),
        Err("offset_unit: must be \"codepoint\""),
    );
    check(
        |f| f["document"] = json!({ "title": "x" }),
        Err("document: \"text\" is missing"),
    );
    check(
        |f| {
            f.as_object_mut()
                .unwrap()
                .remove("labels")
                .map(|_| ())
                .unwrap_or(())
        },
        Ok(1),
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut file = base();
    file["annotations"][0]["end"] = json!(99);
    file["annotations"][0]["label"] = json!("nope");
    let Err(ImportError::Invalid(problems)) = import(&file.to_string()) else {
        panic!("accepted")
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn malformed_and_odd_inputs_give_messages_not_panics() {
    let cases: &[(&str, &str)] = &[
        (
            "",
            "not valid JSON (EOF while parsing a value at line 1 column 0)",
        ),
        ("{\"format\": \"claimmark\",", "not valid JSON"),
        ("[1, 2]", "must be a JSON object, found a list"),
        ("null", "must be a JSON object, found null"),
        (&"[".repeat(100_000), "recursion limit exceeded"),
    ];
    for (input, fragment) in cases {
        let message = import(input).unwrap_err().to_string();
        assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
    }
    let with_bom = format!("\u{feff}{}", base());
    assert!(
        import(&with_bom).is_ok(),
        "a UTF-8 byte order mark is ignored"
    );
}

#[test]
fn a_mismatched_document_id_is_a_warning() {
    let mut file = base();
    file["document"]["id"] = json!("sha256:00");
    let imported = import(&file.to_string()).unwrap();
    assert_eq!(imported.warnings.len(), 1);
}

#[test]
fn file_names_are_safe() {
    assert_eq!(
        export_file_name("Russia offers: talks?"),
        "Russia offers- talks-.claimmark.json"
    );
    assert_eq!(export_file_name("  "), "untitled.claimmark.json");
    assert_eq!(export_file_name("a/b\\c"), "a-b-c.claimmark.json");
    assert_eq!(export_file_name("Café 🙂"), "Café 🙂.claimmark.json");
}

#[test]
fn the_shared_fixtures_import_cleanly() {
    for name in ["seed", "nasty"] {
        let path = format!(
            "{}/tests/data/fixtures/{name}.claimmark.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let imported = import(&std::fs::read_to_string(&path).unwrap()).expect(&path);
        assert!(imported.workspace.annotations().len() >= 4, "{path}");
        assert_eq!(imported.warnings, Vec::<String>::new(), "{path}");
    }
}

/// The fast reader (typed, borrowed) and the careful one (value tree, every problem) must
/// agree on every input the fast one accepts; `import` uses the fast one first.
fn agree(input: &str) {
    let careful = claimmark::model::formats::native::import_carefully(input);
    assert_eq!(
        import(input),
        careful,
        "fast and careful readers differ on {input:.300}"
    );
}

#[test]
fn fast_and_careful_readers_agree_on_the_fixtures_and_every_check() {
    for name in ["seed", "nasty"] {
        let path = format!(
            "{}/tests/data/fixtures/{name}.claimmark.json",
            env!("CARGO_MANIFEST_DIR")
        );
        agree(&std::fs::read_to_string(path).unwrap());
    }
    agree(&export(&nasty_workspace()));
    agree(&base().to_string());
}

mod mutations {
    use super::*;
    use proptest::prelude::*;

    fn replacement() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!(null)),
            Just(json!(true)),
            Just(json!(-1)),
            Just(json!(0)),
            Just(json!(3)),
            Just(json!(5)),
            Just(json!(1.5)),
            Just(json!(1e30)),
            Just(json!("")),
            Just(json!(" ")),
            Just(json!("claim")),
            Just(json!("a1")),
            Just(json!("🙂")),
            Just(json!("#ABCDEF")),
            Just(json!([])),
            Just(json!({})),
            Just(json!({"start": 0, "end": 2})),
            Just(json!({"source": "Kabul"})),
            Just(json!("codepoint")),
            Just(json!("conflict")),
            Just(json!("2/3")),
            Just(json!(["ana"])),
            Just(json!([2, 3])),
            Just(json!("boundary")),
            Just(json!(0.5)),
            Just(json!({"version": 1})),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn any_single_field_change(
            path in prop::sample::select(vec![
                "format", "version", "offset_unit", "done", "annotator", "exercise", "document.id", "document.title",
                "document.text", "labels", "labels.0.id", "labels.0.color", "labels.0.name", "sources",
                "annotations.0.id", "annotations.0.start", "annotations.0.end", "annotations.0.quote",
                "annotations.0.label", "annotations.0.attribution", "annotations.0.attribution.source",
                "annotations.0.attribution.mention", "annotations.0.attribution.cue", "annotations.0.note", "annotations.0.created",
                "annotations.0.provenance", "annotations.0.provenance.status", "annotations.0.provenance.annotators",
                "annotations.0.provenance.agreement", "annotations.0.provenance.group", "annotations.0.provenance.reason",
                "annotations.0.provenance.note", "annotations.0.fragments", "annotations.0.suggested",
                "annotations.0.confidence", "suggester",
            ]),
            value in replacement(),
        ) {
            let mut file = base();
            let mut target = &mut file;
            let parts: Vec<&str> = path.split('.').collect();
            for part in &parts[..parts.len() - 1] {
                target = match part.parse::<usize>() {
                    Ok(i) => &mut target[i],
                    Err(_) => &mut target[*part],
                };
            }
            target[parts[parts.len() - 1]] = value;
            agree(&file.to_string());
        }
    }
}

#[test]
fn a_bad_language_tag_is_a_warning_and_the_language_is_guessed() {
    let file = export(&Workspace::new(Document::new(
        "t",
        "שלום עולם, הדוברת אמרה.",
    )));
    assert!(file.contains("\"language\": \"he\""), "{file}");
    let bad = file.replace("\"language\": \"he\"", "\"language\": \"<he>\"");
    let imported = import(&bad).unwrap();
    assert_eq!(imported.workspace.document.language.as_deref(), Some("he"));
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.contains("document.language “<he>” is not a language tag")));
    let set = file.replace("\"language\": \"he\"", "\"language\": \"yi\"");
    assert_eq!(
        import(&set).unwrap().workspace.document.language.as_deref(),
        Some("yi")
    );
}

#[test]
fn the_pieces_of_a_discontinuous_span_round_trip_and_are_checked() {
    // "ab🙂 cd": pieces "b" (1..2) and "cd" (4..6) of the span 1..6.
    let pieces = |f: &mut Value, list: Value| {
        f["annotations"][0]["start"] = json!(1);
        f["annotations"][0]["end"] = json!(6);
        f["annotations"][0]["quote"] = json!("b🙂 cd");
        f["annotations"][0]["fragments"] = list;
    };
    let good = json!([{ "start": 1, "end": 2 }, { "start": 4, "end": 6 }]);
    check(|f| pieces(f, good.clone()), Ok(1));
    let mut file = base();
    pieces(&mut file, good);
    let imported = import(&file.to_string()).unwrap().workspace;
    let kept: Vec<(usize, usize)> = imported.annotations()[0]
        .fragments
        .iter()
        .map(|f| (f.start(), f.end()))
        .collect();
    assert_eq!(kept, [(1, 2), (4, 6)]);
    let again = import(&export(&imported)).unwrap().workspace;
    assert_eq!(
        again.annotations(),
        imported.annotations(),
        "the pieces survive export and import"
    );
    agree(&file.to_string());
    let order = "\"fragments\" must be two or more pieces in text order";
    check(
        |f| {
            pieces(
                f,
                json!([{ "start": 4, "end": 6 }, { "start": 1, "end": 2 }]),
            )
        },
        Err(order),
    );
    check(|f| pieces(f, json!([{ "start": 1, "end": 6 }])), Err(order));
    check(
        |f| {
            pieces(
                f,
                json!([{ "start": 1, "end": 2 }, { "start": 4, "end": 5 }]),
            )
        },
        Err(order),
    );
    check(
        |f| {
            pieces(
                f,
                json!([{ "start": 1, "end": 3 }, { "start": 3, "end": 6 }]),
            )
        },
        Err(order),
    );
    check(
        |f| pieces(f, json!("1-2")),
        Err("\"fragments\" must be a list"),
    );
    check(
        |f| {
            pieces(
                f,
                json!([{ "start": 1, "end": 2 }, { "start": 4, "end": 60 }]),
            )
        },
        Err("fragments[1]: end 60 is past the end"),
    );
}

#[test]
fn a_provenance_is_read_by_both_readers_and_checked() {
    use claimmark::model::provenance::{Reason, Status};
    let imported = import(&base().to_string()).unwrap().workspace;
    let provenance = imported.annotations()[0].provenance.clone().unwrap();
    assert_eq!(provenance.status, Status::Majority);
    assert_eq!(provenance.annotators, ["ana", "بن"]);
    assert_eq!(
        export(&imported),
        export(&import(&export(&imported)).unwrap().workspace)
    );
    let conflict = |f: &mut Value| {
        f["annotations"][0]["provenance"] = json!({ "status": "conflict", "group": 2,
            "annotators": [], "agreement": "0/2", "note": "“?”", "reason": "ambiguous-text" });
    };
    check(conflict, Ok(1));
    let mut file = base();
    conflict(&mut file);
    agree(&file.to_string());
    let read = import(&file.to_string()).unwrap().workspace;
    let provenance = read.annotations()[0].provenance.clone().unwrap();
    assert_eq!(provenance.status, Status::Conflict { group: 2 });
    assert_eq!(provenance.reason, Some(Reason::AmbiguousText));
    let written = export(&read);
    assert!(
        written.contains("\"provenance\": {\n        \"status\": \"conflict\",\n        \"annotators\": [],\n        \"agreement\": \"0/2\",\n        \"note\": \"“?”\",\n        \"reason\": \"ambiguous-text\",\n        \"group\": 2\n      }"),
        "{written}"
    );
    check(|f| f["annotations"][0]["provenance"] = json!(null), Ok(1));
    check(
        |f| f["annotations"][0]["provenance"]["status"] = json!("gold"),
        Err("annotations[0] (id \"a1\"): provenance: \"status\" must be one of unanimous, majority, adjudicated, single, conflict, found \"gold\""),
    );
    check(
        |f| f["annotations"][0]["provenance"]["agreement"] = json!("3/2"),
        Err("provenance: \"agreement\" must be \"k/n\""),
    );
    check(
        |f| f["annotations"][0]["provenance"] = json!("majority"),
        Err("provenance: must be an object, found a string"),
    );
}

#[test]
fn pieces_provenance_and_a_suggested_mark_travel_together() {
    // One annotation with everything both branches added: pieces, a provenance, a suggested
    // mark with its confidence, and the document's suggester.
    let mut file = base();
    let a = &mut file["annotations"][0];
    a["start"] = json!(1);
    a["end"] = json!(6);
    a["quote"] = json!("b🙂 cd");
    a["fragments"] = json!([{ "start": 1, "end": 2 }, { "start": 4, "end": 6 }]);
    a["suggested"] = json!(true);
    a["confidence"] = json!(0.75);
    file["suggester"] = json!({ "version": 1, "feedback": 2,
                                "rejected": [{ "start": 0, "end": 2, "label": "claim" }] });
    let input = file.to_string();
    agree(&input);
    let imported = import(&input).unwrap();
    assert_eq!(imported.warnings, Vec::<String>::new());
    let workspace = imported.workspace;
    let annotation = &workspace.annotations()[0];
    assert_eq!(annotation.fragments.len(), 2);
    assert!(annotation.provenance.is_some());
    let mark = workspace.suggested(&annotation.id).unwrap();
    assert_eq!(mark.confidence, Some(0.75));
    assert!(workspace.suggester.is_some());
    let written = export(&workspace);
    agree(&written);
    let again = import(&written).unwrap().workspace;
    assert_eq!(again.annotations(), workspace.annotations());
    assert_eq!(again.suggested(&annotation.id), Some(mark));
    assert_eq!(again.suggester, workspace.suggester);
    assert_eq!(export(&again), written);
}

#[test]
fn a_list_is_not_an_object_for_either_reader() {
    // serde's derive would read {"start", "end"} from [4, 6]; both readers refuse it.
    check(
        |f| f["annotations"][0]["attribution"]["mention"] = json!([4, 6]),
        Err("\"mention\" must be an object or null, found a list"),
    );
    for edit in [
        |f: &mut Value| f["annotations"][0]["attribution"]["mention"] = json!([4, 6]),
        |f: &mut Value| f["exercise"] = json!(["ana", "بن"]),
        |f: &mut Value| f["labels"][0] = json!(["claim", "Claim"]),
    ] {
        let mut file = base();
        edit(&mut file);
        agree(&file.to_string());
    }
}
