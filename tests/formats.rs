//! Every format round-trips: export → import → export gives the same annotations and the same
//! bytes, on the fixtures and on random Unicode text with random spans (proptest).
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::formats::{self, Format, InputFile};
use claimmark::model::{Action, Attribution, Document, Editor, LabelId, Span, Workspace};
use common::fixture;
use proptest::prelude::*;

mod common;

/// Start, end, label, source, mention, cue and note of one annotation.
type Kept = (
    usize,
    usize,
    String,
    Option<String>,
    Option<(usize, usize)>,
    Option<(usize, usize)>,
    String,
);

/// What every format must keep of an annotation: span, label, source, mention, cue and note, in
/// text order. Formats with an id slot keep ids too; that is checked separately.
fn content(workspace: &Workspace) -> Vec<Kept> {
    workspace
        .annotations()
        .iter()
        .map(|a| {
            let linked = |pick: fn(&Attribution) -> Option<Span>| {
                a.attribution
                    .as_ref()
                    .and_then(pick)
                    .map(|m| (m.start(), m.end()))
            };
            (
                a.span.start(),
                a.span.end(),
                a.label.to_string(),
                a.source().map(str::to_string),
                linked(|at| at.mention),
                linked(|at| at.cue),
                a.note.clone(),
            )
        })
        .collect()
}

/// Exports `documents` in `format`, imports the result (W3C onto the same documents), and
/// returns the imported documents and the re-export.
fn round_trip(format: Format, documents: &[Workspace]) -> (Vec<Workspace>, Vec<u8>, Vec<u8>) {
    let refs: Vec<&Workspace> = documents.iter().collect();
    let first = formats::export(format, &refs);
    let known: Vec<Workspace> = documents
        .iter()
        .map(|d| Workspace::new(d.document.clone()))
        .collect();
    let input = InputFile {
        name: first.name.clone(),
        bytes: first.bytes.clone(),
    };
    let report = formats::import(&[input], &known.iter().collect::<Vec<_>>())
        .unwrap_or_else(|e| panic!("{format:?} import failed: {e}"));
    assert_eq!(report.format, format, "recognised as its own format");
    let back: Vec<&Workspace> = report.documents.iter().collect();
    let second = formats::export(format, &back);
    (report.documents.clone(), first.bytes, second.bytes)
}

#[test]
fn fixtures_round_trip_in_every_format() {
    let documents = vec![fixture("seed"), fixture("nasty")];
    for format in Format::ALL {
        let (back, first, second) = round_trip(format, &documents);
        assert_eq!(back.len(), 2, "{format:?}");
        for (original, imported) in documents.iter().zip(&back) {
            assert_eq!(
                imported.document.text, original.document.text,
                "{format:?} keeps the text"
            );
            assert_eq!(
                content(imported),
                content(original),
                "{format:?} keeps the annotations"
            );
        }
        assert_eq!(
            String::from_utf8_lossy(&second),
            String::from_utf8_lossy(&first),
            "{format:?} re-export is identical"
        );
    }
}

#[test]
fn ids_and_time_stamps_survive_where_the_format_has_room() {
    let documents = vec![fixture("nasty")];
    for format in [
        Format::Native,
        Format::W3c,
        Format::Spacy,
        Format::LabelStudio,
    ] {
        let (back, _, _) = round_trip(format, &documents);
        let ids = |w: &Workspace| {
            w.annotations()
                .iter()
                .map(|a| a.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&back[0]), ids(&documents[0]), "{format:?} keeps ids");
    }
    for format in [Format::Native, Format::W3c] {
        let (back, _, _) = round_trip(format, &documents);
        assert_eq!(
            back[0].annotations()[0].created,
            "2026-11-27T10:00:00Z",
            "{format:?} keeps time stamps"
        );
    }
}

#[test]
fn the_brat_ann_file_has_fragments_relations_and_notes() {
    let documents = [fixture("nasty")];
    let files = formats::brat::export(&documents.iter().collect::<Vec<_>>());
    let ann = &files[1].1;
    assert_eq!(files[0].0, "Nasty “text” 🙂.txt");
    let lines: Vec<&str> = ann.lines().collect();
    assert!(
        lines.contains(
            &"T3\tallegation 46 56;58 89\tthe Cafe\u{301}. Kabul’s officials alleged fraud"
        ),
        "{ann}"
    );
    assert!(lines.contains(&"T5\tSource 1 10\tZakharova"), "{ann}");
    assert!(
        lines.contains(&"R1\tAttribution Arg1:T1 Arg2:T5\t"),
        "{ann}"
    );
    assert!(
        lines.contains(&"#2\tAnnotatorNotes T2\tnested and overlapping"),
        "{ann}"
    );
}

#[test]
fn the_shared_brat_and_doccano_fixtures_import() {
    let shared = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/shared/fixtures"
    ));
    let read = |p: &str| InputFile {
        name: p.rsplit('/').next().unwrap().into(),
        bytes: std::fs::read(shared.join(p)).unwrap(),
    };
    let brat = formats::import(
        &[
            read("brat/000-introduction.txt"),
            read("brat/000-introduction.ann"),
        ],
        &[],
    )
    .unwrap();
    let labels: Vec<String> = brat.documents[0]
        .annotations()
        .iter()
        .map(|a| a.label.to_string())
        .collect();
    assert!(
        labels.contains(&"Organization".to_string()) && labels.len() >= 7,
        "{labels:?}"
    );
    assert!(
        brat.warnings[0].contains("not imported"),
        "events and attributes are reported"
    );
    let doccano = formats::import(&[read("doccano/sequence_labeling.example.jsonl")], &[]).unwrap();
    assert_eq!(doccano.documents.len(), 3);
    assert_eq!(
        doccano.documents[0].quote(&doccano.documents[0].annotations()[0]),
        "EU"
    );
    let relations =
        formats::import(&[read("doccano/relation_extraction.example.json")], &[]).unwrap();
    assert_eq!(relations.documents[0].annotations().len(), 4);
}

#[test]
fn import_problems_name_the_line_and_record() {
    let check = |name: &str, contents: &str, fragment: &str| {
        let input = InputFile {
            name: name.into(),
            bytes: contents.as_bytes().to_vec(),
        };
        // A file-wide problem refuses the import; a record's problem leaves that record out.
        let message = match formats::import(&[input], &[]) {
            Err(error) => error.to_string(),
            Ok(report) => format!("{:?}", report.rejected_problems()),
        };
        assert!(
            message.contains(fragment),
            "{name}: {message:?} lacks {fragment:?}"
        );
    };
    check(
        "x.jsonl",
        "{\"text\": \"ab🙂\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"claim\"}]}\n",
        "line 1 spans[0]: end 9 is past the end of the text (3 code points)",
    );
    check(
        "x.jsonl",
        "{\"text\": \"ab\", \"spans\": []}\n{oops\n",
        "message: \"is not valid JSON",
    );
    check(
        "x.jsonl",
        "{\"text\": \"ab\", \"label\": [[1, 0, \"X\"]]}\n",
        "start 1 must be less than end 0",
    );
    check(
        "x.jsonl",
        "{\"text\": \"ab\", \"label\": [[0, 1]]}\n",
        "label[0]: must be [start, end, \"label\"]",
    );
    check("ls.json", "[{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"text\": \"b\", \"labels\": [\"claim\"]}}]}]}]", "task 1 result[0]: text \"b\" does not match the document at 0..1, which is \"a\"");
    check("d.ann", "T1\tclaim 0 2\tab\n", "brat needs the text too");
    check("bad.bin", "\u{0}\u{1}", "the file is not valid JSON");
    check(
        "x.json",
        "{\"hello\": 1}",
        "not in a format claimmark knows",
    );
    let latin1 = InputFile {
        name: "x.json".into(),
        bytes: vec![b'{', 0xE9, b'}'],
    };
    assert!(formats::import(&[latin1], &[])
        .unwrap_err()
        .to_string()
        .contains("is not UTF-8 text (invalid byte at offset 1)"));
    let w3c = formats::export(Format::W3c, &[&fixture("nasty")]);
    let orphan = formats::import(
        &[InputFile {
            name: "a.jsonld".into(),
            bytes: w3c.bytes,
        }],
        &[],
    );
    assert!(orphan
        .unwrap_err()
        .to_string()
        .contains("open the document first"));
}

#[test]
fn w3c_import_recovers_moved_text_by_its_quote() {
    let original = fixture("nasty");
    let w3c = formats::export(Format::W3c, &[&original]);
    let moved_text = format!("Inserted 🙂 first.\n{}", original.document.text.as_str());
    let moved = Workspace::new(Document::new("moved", moved_text));
    let report = formats::import(
        &[InputFile {
            name: "a.jsonld".into(),
            bytes: w3c.bytes,
        }],
        &[&moved],
    )
    .unwrap();
    let placed = &report.documents[0];
    for (a, b) in placed.annotations().iter().zip(original.annotations()) {
        assert_eq!(placed.quote(a), original.quote(b));
        assert_eq!(
            a.span.start(),
            b.span.start() + 18,
            "“Inserted 🙂 first.\\n” is 18 code points"
        );
    }
    assert_eq!(
        report.warnings.len(),
        4,
        "each moved annotation is reported"
    );
}

#[test]
fn w3c_purposes_may_be_lists() {
    let original = fixture("nasty");
    let w3c = formats::export(Format::W3c, &[&original]);
    // Another tool may write every purpose as a one-element list, as the model allows.
    let listed = String::from_utf8(w3c.bytes)
        .unwrap()
        .replace(
            "\"purpose\": \"describing\"",
            "\"purpose\": [\"describing\"]",
        )
        .replace(
            "\"purpose\": \"tagging\"",
            "\"purpose\": [\"tagging\", \"classifying\"]",
        )
        .replace(
            "\"purpose\": \"identifying\"",
            "\"purpose\": [\"identifying\"]",
        );
    assert!(listed.contains("[\"describing\"]"), "the fixture has a cue");
    let known = [&Workspace::new(original.document.clone())];
    let input = InputFile {
        name: "a.jsonld".into(),
        bytes: listed.into_bytes(),
    };
    let report = formats::import(&[input], &known).unwrap();
    assert_eq!(content(&report.documents[0]), content(&original));
}

/// Characters that break offset arithmetic in other tools.
const ALPHABET: &[&str] = &[
    "a",
    "b",
    "Z",
    " ",
    " ",
    "’",
    "“",
    "”",
    "—",
    "🙂",
    "👨🏻‍🚒",
    "e\u{301}",
    "é",
    "\r\n",
    "\n",
    ".",
    "ß",
    "中",
];

fn random_workspace() -> impl Strategy<Value = Workspace> {
    let text = prop::collection::vec(prop::sample::select(ALPHABET), 1..60)
        .prop_map(|pieces| pieces.concat());
    text.prop_flat_map(|text| {
        let len = text.chars().count();
        let span =
            (0..len, 1..=len).prop_filter_map("non-empty", move |(a, b)| (a < b).then_some((a, b)));
        let annotation = (
            span.clone(),
            prop::sample::select(vec!["claim", "allegation", "proposal"]),
            prop::option::of(prop::sample::select(vec![
                "Maria Zakharova",
                "Kabul",
                "Pakistani officials",
                "Ré 🙂",
            ])),
            prop::option::of(span.clone()),
            prop::option::of(span),
            prop::sample::select(vec!["", "a note", "“quoted” — 🙂"]),
        );
        (Just(text), prop::collection::vec(annotation, 0..8))
    })
    .prop_map(|(text, annotations)| {
        let mut editor = Editor::new(Workspace::new(Document::new(
            "Random “doc” 🙂",
            text.clone(),
        )));
        for ((start, end), label, source, mention, cue, note) in annotations {
            let attribution = source.and_then(Attribution::named).map(|a| Attribution {
                mention: mention.and_then(|(s, e)| snapped(&text, s, e)),
                cue: cue.and_then(|(s, e)| snapped(&text, s, e)),
                ..a
            });
            let Some(span) = snapped(&text, start, end) else {
                continue;
            };
            let add = Action::Add {
                span,
                label: LabelId::new(label),
                attribution,
                note: note.into(),
                now: "2026-11-27T10:00:00Z".into(),
            };
            editor.apply(add).unwrap();
        }
        editor.workspace().clone()
    })
}

/// The span as the app's selection makes it: whole characters, no whitespace at its ends
/// (brat writes spans as fragments between line breaks, so it cannot keep a break at an edge).
fn snapped(text: &str, start: usize, end: usize) -> Option<Span> {
    claimmark::model::snap::snap_selection(&claimmark::model::Text::new(text), start, end, false)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_round_trip_in_every_format(workspace in random_workspace()) {
        for format in Format::ALL {
            // A W3C file holds only annotations: with none there is nothing to import.
            if format == Format::W3c && workspace.annotations().is_empty() {
                continue;
            }
            let (back, first, second) = round_trip(format, std::slice::from_ref(&workspace));
            prop_assert_eq!(content(&back[0]), content(&workspace), "{:?}", format);
            prop_assert_eq!(&second, &first, "{:?} re-export", format);
        }
    }
}

#[test]
fn labels_named_like_attribution_parts_stay_annotations() {
    let text = "Zakharova said “Cue” — 🙂 Source e\u{301} here.";
    let mut workspace = Workspace::new(Document::new("Reserved names", text));
    for id in ["Source", "Cue"] {
        workspace.labels.push(claimmark::model::Label {
            id: LabelId::new(id),
            name: id.into(),
            description: String::new(),
            color: "#123456".into(),
        });
    }
    let mut editor = Editor::new(workspace);
    let at = |phrase: &str| {
        let start = text[..text.find(phrase).unwrap()].chars().count();
        Span::new(start, start + phrase.chars().count(), text.chars().count()).unwrap()
    };
    let mut add = |phrase: &str, label: &str, mention: Option<&str>, cue: Option<&str>| {
        let attribution = Attribution::named("Maria Zakharova").map(|a| Attribution {
            mention: mention.map(at),
            cue: cue.map(at),
            ..a
        });
        let action = Action::Add {
            span: at(phrase),
            label: LabelId::new(label),
            attribution,
            note: String::new(),
            now: "2026-11-27T10:00:00Z".into(),
        };
        editor.apply(action).unwrap();
    };
    add("“Cue”", "Cue", None, None);
    add("Source e\u{301}", "Source", None, None);
    add("here", "claim", Some("Zakharova"), Some("said"));
    let documents = vec![editor.workspace().clone()];
    for format in Format::ALL {
        let (back, _, _) = round_trip(format, &documents);
        assert_eq!(content(&back[0]), content(&documents[0]), "{format:?}");
    }
}

/// A document's language, as every format carries it: (format, language after a round trip).
fn check_language(text: &str, set: Option<&str>, expected: Option<&str>) {
    let mut workspace = common::tagged(
        Workspace::new(Document::new("t", text)),
        &[(0, 3, "claim", "")],
    );
    if let Some(tag) = set {
        workspace.document.language = Some(tag.to_string());
    }
    for format in Format::ALL {
        let (documents, _, _) = round_trip(format, std::slice::from_ref(&workspace));
        let got = documents[0].document.language.as_deref();
        assert_eq!(got, expected, "{format:?} on {text:?}");
    }
}

#[test]
fn the_language_travels_in_every_format() {
    // Guessed from the script; set by the user; every format but brat (which has no place for
    // it: the language is guessed again) keeps what was set.
    check_language("قالت زاخاروفا إن المحادثات ستستأنف.", None, Some("ar"));
    check_language(
        "俄罗斯外交部发言人扎哈罗娃表示，会谈将继续。",
        None,
        Some("zh"),
    );
    let mut workspace = common::tagged(
        Workspace::new(Document::new("t", "Речниця заявила.")),
        &[(0, 7, "claim", "")],
    );
    workspace.document.language = Some("uk-UA".into());
    for format in [
        Format::Native,
        Format::W3c,
        Format::Spacy,
        Format::Doccano,
        Format::LabelStudio,
    ] {
        let (documents, _, _) = round_trip(format, std::slice::from_ref(&workspace));
        assert_eq!(
            documents[0].document.language.as_deref(),
            Some("uk-UA"),
            "{format:?}"
        );
    }
}

#[test]
fn time_stamps_that_are_not_rfc_3339_are_left_out_with_a_warning() {
    let workspace = common::tagged(
        Workspace::new(Document::new(
            "t",
            "Захарова заявила: переговоры продолжатся.",
        )),
        &[(0, 8, "claim", "Захарова")],
    );
    // Native: the careful reader warns; W3C: the builder warns; both leave the stamp out, so
    // the W3C export never writes an invalid xsd:dateTime.
    let native = formats::export(Format::Native, &[&workspace]).bytes;
    let native = String::from_utf8(native)
        .unwrap()
        .replace("\"created\": \"\"", "\"created\": \"вчера\"");
    let imported = formats::native::import(&native).unwrap();
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("created “вчера” is not an RFC 3339 time")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.workspace.annotations()[0].created, "");
    let w3c = String::from_utf8(formats::export(Format::W3c, &[&workspace]).bytes).unwrap();
    let w3c = w3c.replacen("\"motivation\": \"classifying\",", "\"motivation\": \"classifying\", \"created\": \"27/11/2026\", \"modified\": \"2026-11-27T10:00:00+01:00\",", 1);
    let known = Workspace::new(workspace.document.clone());
    let report = formats::import(
        &[InputFile {
            name: "a.jsonld".into(),
            bytes: w3c.into_bytes(),
        }],
        &[&known],
    )
    .unwrap();
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("created “27/11/2026” is not an RFC 3339 time")),
        "{:?}",
        report.warnings
    );
    let annotation = &report.documents[0].annotations()[0];
    assert_eq!(
        (annotation.created.as_str(), annotation.modified.as_str()),
        ("", "2026-11-27T10:00:00+01:00")
    );
    let again =
        String::from_utf8(formats::export(Format::W3c, &[&report.documents[0]]).bytes).unwrap();
    assert!(!again.contains("\"created\""), "{again}");
}

/// `workspace` with provenances set on its annotations in turn (the last one none): every
/// status, a reason, a note with quotes, line breaks and an emoji, names in several scripts.
fn with_provenances(workspace: &Workspace) -> Workspace {
    use claimmark::model::provenance::{Provenance, Reason, Status};
    let kinds = [
        (Status::Unanimous, vec!["ana", "بن", "陈"], "3/3", "", None),
        (
            Status::Majority,
            vec!["ana", "陈"],
            "2/3",
            "mentions differ; kept the one ana, 陈 linked",
            None,
        ),
        (
            Status::Adjudicated,
            vec!["بن"],
            "1/3",
            "“too broad”\nsee 👨🏻‍🚒",
            Some(Reason::Boundary),
        ),
        (
            Status::Conflict { group: 2 },
            vec![],
            "0/3",
            "",
            Some(Reason::GuidelineGap),
        ),
        (Status::Single, vec!["Zoë"], "1/1", "", None),
    ];
    let count = workspace.annotations().len();
    let annotations = workspace
        .annotations()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let provenance = (i + 1 < count).then(|| {
                let (status, names, agreement, note, reason) = kinds[i % kinds.len()].clone();
                Provenance {
                    status,
                    annotators: names.into_iter().map(String::from).collect(),
                    agreement: agreement.into(),
                    note: note.into(),
                    reason,
                }
            });
            claimmark::model::Annotation {
                provenance,
                ..a.clone()
            }
        })
        .collect();
    Workspace::from_parts(
        workspace.document.clone(),
        workspace.labels.clone(),
        workspace.sources.clone(),
        annotations,
    )
}

#[test]
fn provenance_survives_every_format() {
    let documents = vec![
        with_provenances(&fixture("nasty")),
        with_provenances(&fixture("seed")),
    ];
    let provenances = |w: &Workspace| {
        w.annotations()
            .iter()
            .map(|a| a.provenance.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(provenances(&documents[1]).iter().flatten().count(), 6);
    for format in Format::ALL {
        let (back, first, second) = round_trip(format, &documents);
        for (original, imported) in documents.iter().zip(&back) {
            assert_eq!(content(imported), content(original), "{format:?}");
            assert_eq!(provenances(imported), provenances(original), "{format:?}");
        }
        assert_eq!(second, first, "{format:?} re-export is identical");
    }
}

#[test]
fn a_provenance_that_does_not_read_is_left_out_with_a_warning() {
    let workspace = with_provenances(&fixture("nasty"));
    let spacy = String::from_utf8(formats::export(Format::Spacy, &[&workspace]).bytes).unwrap();
    assert!(
        spacy.contains("\"provenance\":{\"status\":\"unanimous\""),
        "{spacy}"
    );
    let broken = spacy.replace("\"status\":\"unanimous\"", "\"status\":\"gold\"");
    let report = formats::import(
        &[InputFile {
            name: "a.jsonl".into(),
            bytes: broken.into_bytes(),
        }],
        &[],
    )
    .unwrap();
    assert_eq!(report.documents[0].annotations()[0].provenance, None);
    assert_eq!(
        report.documents[0].annotations().len(),
        workspace.annotations().len()
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("1 provenance that does not read as claimmark's not imported")),
        "{:?}",
        report.warnings
    );
    // brat: a note that only looks like a provenance stays a note.
    let mut plain = fixture("nasty");
    plain = Workspace::from_parts(
        plain.document.clone(),
        plain.labels.clone(),
        plain.sources.clone(),
        plain
            .annotations()
            .iter()
            .map(|a| claimmark::model::Annotation {
                note: "provenance: unknown".into(),
                ..a.clone()
            })
            .collect(),
    );
    let (back, _, _) = round_trip(Format::Brat, &[plain.clone()]);
    assert_eq!(content(&back[0]), content(&plain));
}
