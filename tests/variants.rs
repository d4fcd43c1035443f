//! Every variant of the other tools' files that claimmark reads (docs/FORMAT.md, "Reading other
//! tools' files"), checked with our own small example files in `tests/data/variants/<tool>/`.
//!
//! `tests/real_files.rs` checks the same variants with the tools' own files, which are not
//! committed here and so are skipped in CI. The files here are written by us in exactly the
//! shape each tool writes (keys, nesting, offset units, pretty-printed JSON in a `.jsonl`,
//! trailing tabs in brat, CR LF), with our own news-style texts in several scripts. Each check
//! imports files as a user picks them (brat `.txt` + `.ann` pairs, a doccano label file with its
//! export, a W3C file onto the open page) and asserts the spans of every document by the text
//! they cover and their label, every warning (what was counted as not imported, a converted
//! offset unit), and which records were rejected while the others imported.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::formats::{
    self, Format, ImportOptions, ImportReport, InputFile, Offsets, Unit, Verdict,
};
use claimmark::model::{Document, Workspace};

/// A file of `tests/data/variants`, named as the user's file is.
fn file(path: &str) -> InputFile {
    let full = format!("{}/tests/data/variants/{path}", env!("CARGO_MANIFEST_DIR"));
    InputFile {
        name: path.rsplit('/').next().unwrap_or(path).to_string(),
        bytes: std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}")),
    }
}

/// The page the W3C annotations were made on, opened as a document.
fn page() -> Workspace {
    let text = String::from_utf8(file("w3c/page.txt").bytes).unwrap();
    Workspace::new(Document::new("Harbour plan", text))
}

/// What an import must give. Spans per document, each as the text it covers and its label, in
/// text order; every warning, each by a part of it (no other warning may appear); every rejected
/// record, as (part of its name, part of one of its problems).
#[derive(Default)]
struct Expect<'a> {
    spans: &'a [&'a [(&'a str, &'a str)]],
    warnings: &'a [&'a str],
    rejected: &'a [(&'a str, &'a str)],
}

/// Each document's spans: the text covered and the label.
fn spans(report: &ImportReport) -> Vec<Vec<(String, String)>> {
    report
        .documents
        .iter()
        .map(|d| {
            d.annotations()
                .iter()
                .map(|a| {
                    let quote = d.document.text.quote(a.span).to_string();
                    (quote, a.label.to_string())
                })
                .collect()
        })
        .collect()
}

/// Who each document is by: the end of its title (`… — user 2`).
fn whose(report: &ImportReport) -> Vec<&str> {
    report
        .documents
        .iter()
        .map(|d| d.document.title.rsplit(" — ").next().unwrap_or(""))
        .collect()
}

/// Each document's notes, in text order.
fn notes(report: &ImportReport) -> Vec<Vec<&str>> {
    report
        .documents
        .iter()
        .map(|d| d.annotations().iter().map(|a| a.note.as_str()).collect())
        .collect()
}

/// Imports `paths` (onto `open` documents) and checks the report against `expect`.
fn check_on(paths: &[&str], open: &[&Workspace], expect: Expect) -> ImportReport {
    let files: Vec<InputFile> = paths.iter().map(|p| file(p)).collect();
    let report =
        formats::import(&files, open).unwrap_or_else(|e| panic!("{paths:?} should import: {e}"));
    let said = format!(
        "{paths:?}: warnings {:#?}, rejected {:#?}",
        report.warnings, report.rejected
    );
    let wanted: Vec<Vec<(String, String)>> = expect
        .spans
        .iter()
        .map(|d| {
            d.iter()
                .map(|(q, l)| (q.to_string(), l.to_string()))
                .collect()
        })
        .collect();
    assert_eq!(spans(&report), wanted, "{said}");
    for warning in expect.warnings {
        let found = report.warnings.iter().any(|w| w.contains(warning));
        assert!(found, "“{warning}” in {said}");
    }
    assert_eq!(report.warnings.len(), expect.warnings.len(), "{said}");
    for (record, problem) in expect.rejected {
        let found = report.rejected.iter().any(|r| {
            r.record.contains(record) && r.problems.iter().any(|p| p.message.contains(problem))
        });
        assert!(found, "{record}: “{problem}” in {said}");
    }
    assert_eq!(report.rejected.len(), expect.rejected.len(), "{said}");
    report
}

/// [`check_on`] with no document open.
fn check(paths: &[&str], expect: Expect) -> ImportReport {
    check_on(paths, &[], expect)
}

/// Imports `paths` and checks that the whole import is refused with every one of `messages`.
fn refused(paths: &[&str], open: &[&Workspace], messages: &[&str]) {
    let files: Vec<InputFile> = paths.iter().map(|p| file(p)).collect();
    let error = match formats::import(&files, open) {
        Ok(report) => panic!("{paths:?} should be refused, gave {:?}", spans(&report)),
        Err(error) => error.to_string(),
    };
    for message in messages {
        assert!(error.contains(message), "“{message}” in {error}");
    }
}

/// Read with the offsets forced to code points, `paths` do not give the spans of `right`: the
/// offsets were built so that the wrong unit covers other text or does not fit.
fn wrong_unit_misses(paths: &[&str], open: &[&Workspace], right: &ImportReport) {
    let files: Vec<InputFile> = paths.iter().map(|p| file(p)).collect();
    let options = ImportOptions {
        offsets: Offsets::Fixed(Unit::CodePoint),
        ..ImportOptions::default()
    };
    if let Ok(wrong) = formats::import_with(&files, open, &options) {
        let moved = spans(&wrong) != spans(right) || !wrong.rejected.is_empty();
        let placed = wrong
            .warnings
            .iter()
            .any(|w| w.contains("placed by the quote"));
        assert!(moved || placed, "{paths:?} read the same as code points");
    }
}

const UTF16: &str = "the offsets are counted in UTF-16 code units";

// doccano ------------------------------------------------------------------------------------

#[test]
fn doccano_sequence_labelling_label_and_labels_keys() {
    // ≥ 1.6: `label: [ [s, e, "L"] ]`; the same span twice stays twice.
    let report = check(
        &["doccano/seqlabel-label.jsonl"],
        Expect {
            spans: &[
                &[
                    ("Police", "ORG"),
                    ("the firm’s director", "PERSON"),
                    ("€2 million", "MONEY"),
                ],
                &[("الوزير", "PERSON"), ("المعارضة", "ORG")],
                &[
                    ("市长", "PERSON"),
                    ("新地铁线", "FAC"),
                    ("反对者", "PERSON"),
                    ("反对者", "PERSON"),
                ],
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.format, Format::Doccano);
    // 1.0 / 1.3 "JSONL(text label)": `id`, `labels`, `meta`; overlapping spans.
    check(
        &["doccano/labels-key.jsonl"],
        Expect {
            spans: &[
                &[
                    ("המשטרה", "ORG"),
                    ("ראש העירייה", "PERSON"),
                    ("העירייה", "ORG"),
                    ("ההאשמות", "claim"),
                ],
                &[("검찰", "ORG"), ("전 시장", "PERSON")],
            ],
            ..Expect::default()
        },
    );
    // The 0.x tutorial's records, each spread over four lines (`doc_id`, `username`).
    check(
        &["doccano/tutorial-multiline.json"],
        Expect {
            spans: &[
                &[("首相", "PERSON"), ("増税案", "proposal"), ("野党", "ORG")],
                &[
                    ("The council", "ORG"),
                    ("the bypass “saves 20 minutes”", "claim"),
                    ("residents", "PERSON"),
                    ("its own engineers", "PERSON"),
                ],
            ],
            ..Expect::default()
        },
    );
    // 0.x `entities` lists; Thai, and Vietnamese with decomposed accents (code points).
    let report = check(
        &["doccano/v0-entities-list.jsonl"],
        Expect {
            spans: &[
                &[("โฆษกรัฐบาล", "PERSON"), ("ข้อเสนอนี้", "proposal")],
                &[
                    ("Bo\u{323}\u{302} tru\u{31b}o\u{31b}\u{309}ng", "PERSON"),
                    ("du\u{31b}\u{323} lua\u{323}\u{302}t", "proposal"),
                ],
            ],
            ..Expect::default()
        },
    );
    let decomposed = report.documents[1].document.text.as_str();
    assert!(decomposed.contains('\u{302}'));
}

#[test]
fn doccano_1_5_data_key_one_file_per_user_in_a_zip() {
    // doccano 1.3–1.5 zipped one `<user>.jsonl` per annotator, the text under `data`, spans
    // unsorted.
    let user = |name: &str| {
        let f = file(&format!("doccano/v1.5-zip/{name}"));
        (f.name, String::from_utf8(f.bytes).unwrap())
    };
    let zip = InputFile {
        name: "claims-project.zip".into(),
        bytes: formats::zip::write_stored(&[user("admin.jsonl"), user("reviewer.jsonl")]),
    };
    let report = formats::import(&[zip], &[]).unwrap();
    let pair = |q: &str, l: &str| (q.to_string(), l.to_string());
    assert_eq!(
        spans(&report),
        [
            vec![
                pair("सरकार", "ORG"),
                pair("नई योजना", "proposal"),
                pair("किसानों की आय दोगुनी होगी", "claim")
            ],
            vec![pair("सरकार", "ORG"), pair("नई योजना", "proposal")],
        ]
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(report.rejected.is_empty());
}

#[test]
fn doccano_relations_intents_and_categories_are_counted() {
    // Pretty-printed over many lines despite the .jsonl name, as doccano's example is.
    check(
        &["doccano/relation-pretty-printed.jsonl"],
        Expect {
            spans: &[
                &[
                    ("The union", "ORG"),
                    ("the mayor’s aide", "PERSON"),
                    ("the audit", "DOC"),
                    ("the aide", "PERSON"),
                ],
                &[("النقابة", "ORG"), ("الشركة", "ORG"), ("الشركة", "ORG")],
            ],
            warnings: &[
                "2 relations of type “accuses” not imported",
                "1 relation of type “leaked” not imported",
                "2 relations of type “denies” not imported",
            ],
            ..Expect::default()
        },
    );
    check(
        &["doccano/relation-no-ids.jsonl"],
        Expect {
            spans: &[&[
                ("反对党", "ORG"),
                ("部长", "PERSON"),
                ("审计报告", "DOC"),
                ("部长", "PERSON"),
            ]],
            warnings: &[
                "1 relation of type “accuses” not imported",
                "1 relation of type “denies” not imported",
                "1 relation of type “hid” not imported",
            ],
            ..Expect::default()
        },
    );
    check(
        &["doccano/intent-cats-entities.jsonl"],
        Expect {
            spans: &[
                &[("the minister’s claim", "claim"), ("Leeds", "CITY")],
                &[("Busan", "CITY")],
            ],
            warnings: &["2 document categories not imported"],
            ..Expect::default()
        },
    );
    // Either key may be missing; a record without a text is rejected alone.
    check(
        &["doccano/intent-partial.jsonl"],
        Expect {
            spans: &[&[("the senator’s claim", "claim")], &[], &[("Seoul", "CITY")], &[]],
            warnings: &["2 document categories not imported"],
            rejected: &[(
                "line 5",
                "\"text\" (or \"data\") is missing or not a string; the record has “entities”, “cats”",
            )],
        },
    );
    check(
        &["doccano/textclass-label-list.jsonl"],
        Expect {
            spans: &[&[], &[], &[]],
            warnings: &["4 document categories not imported"],
            ..Expect::default()
        },
    );
    // 1.x classification: `annotations` with a label id and no offsets.
    check(
        &["doccano/v1.0-textclass-annotations.jsonl"],
        Expect {
            spans: &[&[], &[], &[]],
            warnings: &["3 document categories not imported"],
            ..Expect::default()
        },
    );
}

#[test]
fn doccano_1x_label_ids_users_and_the_label_file() {
    let export = "doccano/v1.0-annotations-label-ids.jsonl";
    let report = check(
        &[export],
        Expect {
            spans: &[
                &[
                    ("Ann Lee", "label 1"),
                    ("the levy “will fund 300 nurses”", "label 3"),
                ],
                &[("שר האוצר", "label 1"), ("להקפיא את המחירים", "label 4")],
                &[("שר האוצר", "label 1"), ("שמדובר בתרגיל", "label 3")],
            ],
            warnings: &[
                "labels are given by number (doccano 1.x); choose the project's label file",
            ],
            ..Expect::default()
        },
    );
    // One record annotated by two users: a document each.
    assert_eq!(&whose(&report)[1..], ["user 1", "user 2"]);
    // With the project's label file, as the user picks both.
    check(
        &[export, "doccano/v1.0-labels.json"],
        Expect {
            spans: &[
                &[
                    ("Ann Lee", "PERSON"),
                    ("the levy “will fund 300 nurses”", "claim"),
                ],
                &[("שר האוצר", "PERSON"), ("להקפיא את המחירים", "proposal")],
                &[("שר האוצר", "PERSON"), ("שמדובר בתרגיל", "claim")],
            ],
            ..Expect::default()
        },
    );
    // The 1.0 REST API's page of documents, with its labels (ids 11–13), in either order.
    let page = Expect {
        spans: &[
            &[
                ("Regulators", "ORG"),
                ("the merger would raise fares", "claim"),
                ("the airline", "ORG"),
            ],
            &[("野党", "ORG"), ("首相", "PERSON")],
        ],
        ..Expect::default()
    };
    check(
        &["doccano/v1.0-api-labels.json", "doccano/v1.0-api-page.json"],
        page,
    );
    refused(
        &["doccano/v1.0-labels.json"],
        &[],
        &["this is a doccano label file: choose it together with the doccano export"],
    );
}

#[test]
fn doccano_columns_named_in_the_import_dialog() {
    check(
        &["doccano/custom-columns.jsonl"],
        Expect {
            spans: &[
                &[("여당", "ORG"), ("최저임금 인상안", "proposal")],
                &[
                    ("The mayor", "PERSON"),
                    ("free trams on Sundays", "proposal"),
                ],
            ],
            warnings: &["the text was read from “column_data” and the spans from “column_label”"],
            ..Expect::default()
        },
    );
    // Two string fields: which one is the text cannot be told; the refusal names the keys.
    refused(
        &["doccano/unknown-columns.jsonl"],
        &[],
        &["this JSON is not in a format claimmark knows: its first record has the keys “headline”, “body”, “marks”"],
    );
}

#[test]
fn doccano_bad_records_are_rejected_alone() {
    check(
        &["doccano/seqlabel-bad-records.jsonl"],
        Expect {
            spans: &[&[("The regulator", "ORG")], &[]],
            rejected: &[
                (
                    "line 3",
                    "\"text\" (or \"data\") is missing or not a string; the record has “label”, “meta”",
                ),
                (
                    "line 4",
                    "end 52 is past the end of the text (18 code points)",
                ),
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn doccano_utf16_offsets_after_emoji_are_converted_and_said() {
    // Read as code points, these offsets would cover "efighters’ union cl" and "iv p".
    let report = check(
        &["doccano/seqlabel-utf16-emoji.jsonl"],
        Expect {
            spans: &[
                &[
                    ("Firefighters’ union", "ORG"),
                    ("the new rota is unsafe", "claim"),
                    ("a spokesperson", "PERSON"),
                ],
                &[
                    ("Kyiv", "GPE"),
                    ("a ceasefire", "proposal"),
                    ("the ministry", "ORG"),
                ],
            ],
            warnings: &[
                "the offsets are counted in UTF-16 code units, as doccano counts them (as JavaScript counts: most emoji count two); they were converted to code points",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.verdict, Verdict::Decided(Unit::Utf16));
    wrong_unit_misses(&["doccano/seqlabel-utf16-emoji.jsonl"], &[], &report);
}

#[test]
fn doccano_grapheme_mode_that_reads_either_way_is_said() {
    // A project counting grapheme clusters: after 🙂 (one code point, two UTF-16 units) the
    // Chinese spans fit as code points and as UTF-16 alike, with no word edges to weigh.
    let report = check(
        &["doccano/seqlabel-grapheme-mode-cjk.jsonl"],
        Expect {
            spans: &[&[("新码头", "FAC"), ("明年", "DATE")]],
            warnings: &["the offsets could be code points or UTF-16 code units (as JavaScript counts: most emoji count two), and nothing in the file tells which; they were read as code points. If spans look shifted, import again with the offsets in utf16 (--offsets utf16 on the command line)"],
            ..Expect::default()
        },
    );
    assert_eq!(
        report.verdict,
        Verdict::Unsure {
            alternative: Unit::Utf16
        }
    );
}

#[test]
fn doccano_grapheme_mode_after_a_family_emoji_is_converted() {
    // Counted in grapheme clusters, 👨🏻‍🚒 is one character: offset 2 falls inside it as code
    // points (and as UTF-16), so only the grapheme reading fits; it is converted and said.
    let report = check(
        &["doccano/seqlabel-grapheme-mode-zwj.jsonl"],
        Expect {
            spans: &[&[("Firefighters’ union", "ORG")]],
            warnings: &["the offsets are counted in grapheme clusters (user-perceived characters), as doccano counts them (doccano's grapheme-cluster mode: a flag or a family emoji is one); they were converted to code points"],
            ..Expect::default()
        },
    );
    assert_eq!(report.verdict, Verdict::Decided(Unit::Grapheme));
}

#[test]
fn doccano_grapheme_mode_after_a_flag_is_not_read_silently_shifted() {
    // 🇺🇦 is two code points and one grapheme cluster: doccano's grapheme mode gives "Kyiv"
    // 2..6. Read as code points that is " Kyi" (inside words); as UTF-16 it splits the flag;
    // as grapheme clusters every span falls between words.
    let files = [file("doccano/seqlabel-grapheme-mode-flag.jsonl")];
    let report = formats::import(&files, &[]).unwrap();
    let pair = |q: &str, l: &str| (q.to_string(), l.to_string());
    assert_eq!(
        spans(&report),
        [vec![
            pair("Kyiv", "GPE"),
            pair("a ceasefire", "proposal"),
            pair("the ministry", "ORG")
        ]],
        "{:?}",
        report.warnings
    );
    assert!(!report.warnings.is_empty(), "a converted unit is said");
}

#[test]
fn doccano_one_record_of_unknown_columns_names_its_keys() {
    let lines = String::from_utf8(file("doccano/unknown-columns.jsonl").bytes).unwrap();
    let one = InputFile {
        name: "unknown-column.jsonl".into(),
        bytes: lines.lines().next().unwrap().as_bytes().to_vec(),
    };
    let error = formats::import(&[one], &[]).unwrap_err().to_string();
    // Today: "this JSON is not in a format claimmark knows (claimmark, W3C, spaCy, doccano,
    // Label Studio)".
    assert!(
        error.contains("its first record has the keys “headline”, “body”, “marks”"),
        "{error}"
    );
}

// Label Studio -------------------------------------------------------------------------------

#[test]
fn label_studio_json_export_and_its_text_key() {
    // A list of tasks with every key of the 1.x export; one region without `value.text`
    // (saveTextResult off).
    let report = check(
        &["label-studio/export-tasks.json"],
        Expect {
            spans: &[
                &[
                    ("ועדת הכספים", "ORG"),
                    ("התקציב החדש יפגע בבתי החולים", "claim"),
                ],
                &[
                    ("県知事", "PERSON"),
                    ("新しい空港計画", "proposal"),
                    ("住民団体", "ORG"),
                ],
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.format, Format::LabelStudio);
    // `<Text name="text" value="$ner"/>`: the text is data.ner, beside a link to an image.
    let report = check(
        &["label-studio/export-other-data-key.json"],
        Expect {
            spans: &[&[
                ("여당", "ORG"),
                ("최저임금 인상안", "proposal"),
                ("경영계", "ORG"),
            ]],
            warnings: &["task 1: the text was read from data.ner"],
            ..Expect::default()
        },
    );
    assert_eq!(report.documents[0].document.title, "Minimum wage");
}

#[test]
fn label_studio_several_annotators_cancelled_predictions_drafts() {
    let report = check(
        &["label-studio/export-several-annotators.json"],
        Expect {
            spans: &[
                &[
                    ("The transport secretary", "PERSON"),
                    ("the rail strike “cost £40 million”", "claim"),
                ],
                &[("unions", "ORG"), ("the figure", "claim")],
            ],
            warnings: &[
                "1 cancelled annotation not imported",
                "2 predicted regions not imported",
                "1 result of a draft not imported",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(
        whose(&report),
        ["annotator 3", "annotator desk@example.org"]
    );
}

#[test]
fn label_studio_relations_and_other_results_are_counted() {
    check(
        &["label-studio/export-relations-choices.json"],
        Expect {
            spans: &[&[
                ("النائب", "PERSON"),
                ("الوزارة", "ORG"),
                ("تقرير التدقيق", "DOC"),
                ("الوزارة", "ORG"),
            ]],
            warnings: &[
                "2 relations of type “accuses” not imported",
                "2 relations without a label not imported",
                "1 result of type “choices” not imported",
                "1 result of type “taxonomy” not imported",
                "1 result of type “number” not imported",
                "1 result of type “datetime” not imported",
                "1 result of type “rating” not imported",
                "2 text answers (textarea) not imported",
            ],
            ..Expect::default()
        },
    );
    // Text, audio and image in one task: the text is read, the image regions counted.
    check(
        &["label-studio/export-text-image-audio.json"],
        Expect {
            spans: &[&[], &[]],
            warnings: &[
                "2 predicted regions not imported",
                "3 results of type “rectanglelabels” not imported",
            ],
            ..Expect::default()
        },
    );
    // HyperText: the HTML comes in as text, said; its results counted.
    check(
        &["label-studio/html-hypertext.json"],
        Expect {
            spans: &[&[]],
            warnings: &[
                "task 1: the text was read from data.dialog",
                "task 1: data.dialog is HTML; its markup is part of the text",
                "1 result of type “choices” not imported",
                "1 text answer (textarea) not imported",
                "1 result of type “hypertextlabels” not imported",
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn label_studio_0x_completions_frontend_tasks_and_json_min() {
    // 0.x: one task per file, `completions`, regions out of text order, quotes with their
    // space and comma.
    check(
        &["label-studio/ls0x-completions.json"],
        Expect {
            spans: &[&[
                ("the agency", "ORG"),
                ("the dam “meets every standard”,", "claim"),
                ("residents", "PERSON"),
                (" two engineers", "PERSON"),
            ]],
            ..Expect::default()
        },
    );
    check(
        &["label-studio/frontend-task.json"],
        Expect {
            spans: &[&[
                ("央行行长", "Person"),
                ("周三", "Date"),
                ("通胀将在年底前回落", "claim"),
            ]],
            ..Expect::default()
        },
    );
    check(
        &["label-studio/frontend-tasks.json"],
        Expect {
            spans: &[&[]],
            warnings: &["2 predicted regions not imported"],
            ..Expect::default()
        },
    );
    // JSON-MIN: one flat row per annotation (task 41 twice), regions under the control's name.
    check(
        &["label-studio/export-min.json"],
        Expect {
            spans: &[
                &[("विपक्ष", "ORG"), ("पुल की मरम्मत में घोटाला हुआ", "claim")],
                &[("मंत्री", "PERSON")],
                &[],
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn label_studio_tasks_without_a_text_or_with_a_wrong_quote_are_rejected_alone() {
    check(
        &["label-studio/paragraphs-and-text.json"],
        Expect {
            spans: &[&[("นายกรัฐมนตรี", "PERSON"), ("ฝ่ายค้าน", "ORG")]],
            rejected: &[(
                "task 1",
                "data.dialogue holds paragraphs (Label Studio's Paragraphs, a list of {author, text}), which claimmark does not read",
            )],
            ..Expect::default()
        },
    );
    check(
        &["label-studio/media-tasks.json"],
        Expect {
            spans: &[&[("The mayor", "PERSON")]],
            rejected: &[
                ("task 1", "the task holds no text, only links to files (data.image): Label Studio labelled an image, audio or video here"),
                ("task 2", "only links to files (data.audio)"),
            ],
            ..Expect::default()
        },
    );
    refused(
        &["label-studio/image-task.json"],
        &[],
        &["only links to files (data.image)"],
    );
    check(
        &["label-studio/quote-mismatch.json"],
        Expect {
            spans: &[&[("free trams on Sundays", "proposal")]],
            rejected: &[(
                "task 1",
                "text \"최저임금\" does not match the document at 0..2, which is \"검찰\"",
            )],
            ..Expect::default()
        },
    );
}

#[test]
fn label_studio_offsets_before_and_after_the_2023_rewrite() {
    // Up to 1.8 the frontend counted UTF-16 units: converted, said.
    let report = check(
        &["label-studio/utf16-emoji.json"],
        Expect {
            spans: &[&[
                ("The council", "ORG"),
                ("the bridge is safe", "claim"),
                ("engineers", "PERSON"),
                ("the claim", "claim"),
            ]],
            warnings: &[
                "the offsets are counted in UTF-16 code units, as Label Studio counts them",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.verdict, Verdict::Decided(Unit::Utf16));
    wrong_unit_misses(&["label-studio/utf16-emoji.json"], &[], &report);
    // Since then it counts code points: read as they are, nothing said.
    let report = check(
        &["label-studio/codepoint-emoji.json"],
        Expect {
            spans: &[&[
                ("Київ", "GPE"),
                ("перемир’я", "proposal"),
                ("міністерство", "ORG"),
            ]],
            ..Expect::default()
        },
    );
    assert_eq!(report.verdict, Verdict::Decided(Unit::CodePoint));
}

#[test]
fn label_studio_json_min_rows_of_one_task_are_titled_by_annotator() {
    let report = formats::import(&[file("label-studio/export-min.json")], &[]).unwrap();
    // Today both documents of task 41 are titled by the text's first words alone.
    assert_eq!(whose(&report)[..2], ["annotator 2", "annotator 3"]);
}

// spaCy and Prodigy --------------------------------------------------------------------------

#[test]
fn prodigy_manual_ner_answers_and_code_points() {
    // An emoji at offset 0 counts one; CR LF counts two; ignored and rejected records counted.
    let report = check(
        &["spacy-prodigy/ner-manual.jsonl"],
        Expect {
            spans: &[
                &[
                    ("Ministers’ proposal to cap rents", "proposal"),
                    ("the opposition", "ORG"),
                ],
                &[("Prosecutors", "PERSON"), ("The company", "ORG")],
            ],
            warnings: &[
                "1 record answered “ignore” not imported",
                "1 record answered “reject” not imported",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.format, Format::Spacy);
    assert!(report.documents[1].document.text.as_str().contains("\r\n"));
    // Binary `ner.teach`: each span has its own answer, spans unsorted.
    check(
        &["spacy-prodigy/ner-teach-binary.jsonl"],
        Expect {
            spans: &[
                &[("Northwind Air", "ORG")],
                &[("Senator Alvarez", "PERSON"), ("Mayor Chen", "PERSON")],
            ],
            warnings: &[
                "1 span answered “reject” not imported",
                "1 record answered “reject” not imported",
                "1 record answered “ignore” not imported",
            ],
            ..Expect::default()
        },
    );
    refused(
        &["spacy-prodigy/all-ignored.jsonl"],
        &[],
        &["there is no document to import (1 record answered “ignore” not imported)"],
    );
}

#[test]
fn prodigy_span_source_is_the_model_not_who_made_the_claim() {
    // ner.teach and the choice recipes write `"source": "en_core_web_sm"` on each span, beside
    // `score`, `rank` and `input_hash`; claimmark's own spaCy export writes `source` for the
    // claim's source. Today every span here comes in attributed to the model.
    for path in [
        "spacy-prodigy/ner-teach-binary.jsonl",
        "spacy-prodigy/choice-entity-linking.jsonl",
    ] {
        let report = formats::import(&[file(path)], &[]).unwrap();
        for document in &report.documents {
            for annotation in document.annotations() {
                assert_eq!(annotation.source(), None, "{path}");
            }
        }
    }
}

#[test]
fn prodigy_records_of_one_text_are_a_document_per_annotator() {
    let report = check(
        &["spacy-prodigy/one-text-several-annotators.jsonl"],
        Expect {
            spans: &[
                &[("الناطق", "PERSON"), ("مشروع القانون", "proposal")],
                &[("الحكومة", "ORG")],
                &[("مشروع القانون", "proposal")],
            ],
            warnings: &["1 record answered “reject” not imported"],
            ..Expect::default()
        },
    );
    assert_eq!(
        whose(&report),
        ["claims_ner-lina", "claims_ner-omar", "claims_ner-sami"]
    );
}

#[test]
fn prodigy_categories_relations_and_reviews_are_counted() {
    // Binary `label`, `accept` choices and `cats`: Prodigy's, not doccano's.
    let report = check(
        &["spacy-prodigy/textcat.jsonl"],
        Expect {
            spans: &[&[], &[], &[]],
            warnings: &[
                "5 document categories not imported",
                "1 record answered “reject” not imported",
                "1 record answered “ignore” not imported",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(report.format, Format::Spacy);
    check(
        &["spacy-prodigy/choice-entity-linking.jsonl"],
        Expect {
            spans: &[&[("Chen", "PERSON")]],
            warnings: &["1 document category not imported"],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/rel-manual.jsonl"],
        Expect {
            spans: &[
                &[
                    ("Kim", "PERSON"),
                    ("Minister Park", "PERSON"),
                    ("the report", "DOC"),
                    ("Park", "PERSON"),
                ],
                &[("मंत्री", "PERSON"), ("आरोपों", "claim")],
            ],
            warnings: &[
                "1 relation of type “ACCUSES” not imported",
                "1 relation of type “HID” not imported",
                "2 relations of type “DENIES” not imported",
            ],
            ..Expect::default()
        },
    );
    // The review's answer is read; each annotator's version is counted.
    check(
        &["spacy-prodigy/review-versions.jsonl"],
        Expect {
            spans: &[&[("Die Stadt", "ORG"), ("eine Citymaut", "proposal")]],
            warnings: &["2 annotators' versions kept by the review not imported"],
            ..Expect::default()
        },
    );
}

#[test]
fn spacy_input_files_and_a_stated_offset_unit() {
    check(
        &["spacy-prodigy/input-no-answer.jsonl"],
        Expect {
            spans: &[
                &[
                    ("คณะกรรมการการเลือกตั้ง", "ORG"),
                    ("การเลือกตั้งจะจัดขึ้นตามกำหนด", "claim"),
                ],
                &[
                    ("厚生労働省", "ORG"),
                    ("新制度で待機児童が半減する", "claim"),
                ],
            ],
            ..Expect::default()
        },
    );
    // `meta.offset_unit` is taken as stated: UTF-16 after 🇺🇦 and 🙂, nothing to weigh or say.
    check(
        &["spacy-prodigy/offset-unit-utf16.jsonl"],
        Expect {
            spans: &[&[("Kyiv", "GPE"), ("will resume in May", "claim")]],
            ..Expect::default()
        },
    );
}

// brat ---------------------------------------------------------------------------------------

fn pair(stem: &str) -> [String; 2] {
    [format!("brat/{stem}.txt"), format!("brat/{stem}.ann")]
}

#[test]
fn brat_text_bound_spans_in_code_points_in_several_scripts() {
    let files = pair("claims-multiscript");
    let report = check(
        &files.each_ref().map(String::as_str),
        Expect {
            spans: &[&[
                ("the port authority", "Organisation"),
                ("the terminal “will create 4,000 jobs”", "claim"),
                ("the union", "Organisation"),
                ("المتحدث باسم الحكومة", "Person"),
                ("المشروع سيكتمل العام المقبل", "claim"),
                ("היועץ המשפטי", "Person"),
                ("ההחלטה אינה חוקית", "claim"),
                ("विपक्ष", "Organisation"),
                ("अनुबंध गुप्त रखा गया", "allegation"),
                ("Le ministre", "Person"),
                ("la re\u{301}forme", "proposal"),
            ]],
            ..Expect::default()
        },
    );
    assert_eq!(report.format, Format::Brat);
    assert_eq!(
        notes(&report)[0][1],
        "Figure from the authority’s press release"
    );
}

#[test]
fn brat_events_attributes_normalisations_equivalences_and_notes_are_counted() {
    let files = pair("events-attributes");
    let report = check(
        &files.each_ref().map(String::as_str),
        Expect {
            spans: &[&[
                ("the mayor", "Person"),
                ("accused", "Accusation"),
                ("the contractor", "Organisation"),
                ("The contractor", "Organisation"),
                ("denied", "Denial"),
                ("an independent audit", "proposal"),
                ("Mayor Ortiz", "Person"),
                ("withdrew", "Retraction"),
                ("the claim", "claim"),
            ]],
            warnings: &[
                "3 events not imported",
                "3 attributes not imported",
                "2 normalisations not imported",
                "2 equivalences not imported",
                "2 relations of type “Same_as” not imported",
                "1 relation of type “Proposes” not imported",
                "2 notes on events or relations not imported",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(notes(&report)[0][5], "Audit body not named yet");
}

#[test]
fn brat_discontinuous_spans_keep_their_pieces() {
    let files = pair("discontinuous");
    let report = check(
        &files.each_ref().map(String::as_str),
        Expect {
            spans: &[&[
                (
                    "Ministers called the tax on fuel, and to a degree on food, temporary",
                    "claim",
                ),
                ("tax on fuel, and to a degree on food", "proposal"),
                ("the opposition", "Organisation"),
                ("The ban on night\nflights", "proposal"),
            ]],
            ..Expect::default()
        },
    );
    let document = &report.documents[0];
    let pieces: Vec<Vec<&str>> = document
        .annotations()
        .iter()
        .map(|a| {
            let pieces = a.fragments.iter().map(|f| document.document.text.quote(*f));
            pieces.collect()
        })
        .collect();
    // Listed out of order, joined in the listed order with a trailing space; pieces parted
    // only by a line break are one span.
    assert_eq!(
        pieces,
        [
            vec!["Ministers", "called", "temporary"],
            vec!["tax", "on food"],
            vec![],
            vec![],
        ]
    );
}

#[test]
fn brat_crlf_counted_once_is_converted_and_said() {
    let crlf = [
        ("The ministry", "Organisation"),
        ("the reservoir is full", "claim"),
        ("החקלאים", "Person"),
        ("המים לא מספיקים", "claim"),
        ("Reporters", "Person"),
    ];
    let files = pair("crlf");
    let report = check(
        &files.each_ref().map(String::as_str),
        Expect {
            spans: &[&crlf],
            warnings: &["the offsets are counted in characters with each CR LF line break counted as one, as brat counts them (as brat reads a CR LF file); they were converted to code points"],
            ..Expect::default()
        },
    );
    assert_eq!(report.verdict, Verdict::Decided(Unit::NewlineAsOne));
    wrong_unit_misses(&files.each_ref().map(String::as_str), &[], &report);
    // The same text with offsets counting each CR LF as two fits as it is: nothing converted.
    let files = pair("crlf-counted-twice");
    check(
        &files.each_ref().map(String::as_str),
        Expect {
            spans: &[&crlf],
            ..Expect::default()
        },
    );
}

#[test]
fn brat_folder_with_configuration_orphans_and_a_bad_document() {
    // As a user picks a whole folder: two pairs (one with offsets past its text), an .ann
    // without its .txt, a .txt without an .ann, and brat's configuration files.
    let files = pair("claims-multiscript");
    let bad = pair("bad-offsets");
    let report = check(
        &[
            "brat/annotation.conf",
            &files[0],
            &files[1],
            &bad[0],
            &bad[1],
            "brat/retraction.ann",
            "brat/unannotated.txt",
            "brat/visual.conf",
        ],
        Expect {
            spans: &[
                &[
                    ("the port authority", "Organisation"),
                    ("the terminal “will create 4,000 jobs”", "claim"),
                    ("the union", "Organisation"),
                    ("المتحدث باسم الحكومة", "Person"),
                    ("المشروع سيكتمل العام المقبل", "claim"),
                    ("היועץ המשפטי", "Person"),
                    ("ההחלטה אינה חוקית", "claim"),
                    ("विपक्ष", "Organisation"),
                    ("अनुबंध गुप्त रखा गया", "allegation"),
                    ("Le ministre", "Person"),
                    ("la re\u{301}forme", "proposal"),
                ],
                &[],
            ],
            warnings: &[
                "annotation.conf (brat's configuration) not imported: labels come from the annotations",
                "visual.conf (brat's configuration) not imported",
            ],
            rejected: &[
                ("bad-offsets.ann", "end 40 is past the end of the text"),
                (
                    "retraction.ann",
                    "brat needs the text too: choose retraction.txt with it",
                ),
            ],
        },
    );
    assert_eq!(report.documents[1].document.title, "unannotated");
    refused(
        &["brat/annotation.conf"],
        &[],
        &["this is a brat configuration file: choose the .txt and .ann files of the documents"],
    );
}

// W3C ----------------------------------------------------------------------------------------

#[test]
fn w3c_recogitojs_tags_comments_and_links() {
    let page = page();
    let report = check_on(
        &["w3c/recogitojs.w3c.json"],
        &[&page],
        Expect {
            spans: &[&[
                ("the new terminal “will create 4,000 jobs”", "claim"),
                ("the dockworkers’ union", "unlabelled"),
                ("a joint storage fund", "proposal"),
                ("المتحدث", "ORG"),
            ]],
            warnings: &[
                UTF16,
                "1 relation (a linking annotation) not imported",
                "1 further tag (an annotation keeps one label) not imported",
                "1 annotation had no label: it came in as “unlabelled”",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(
        notes(&report)[0],
        ["Figure from the press release", "Union statement", "", ""]
    );
    wrong_unit_misses(&["w3c/recogitojs.w3c.json"], &[&page], &report);
}

#[test]
fn w3c_recogito_2_download() {
    let page = page();
    let report = check_on(
        &["w3c/recogito2-download.jsonld"],
        &[&page],
        Expect {
            spans: &[&[
                ("The port authority", "unlabelled"),
                ("“pure fiction”", "unlabelled"),
                ("Odesa", "PLACE"),
                ("अनुबंध गुप्त रखा गया", "allegation"),
            ]],
            warnings: &[
                UTF16,
                "2 annotations had no label: they came in as “unlabelled”",
                "1 linked resource (such as a gazetteer link) not imported",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(notes(&report)[0][1], "Check against the union’s figures");
    wrong_unit_misses(&["w3c/recogito2-download.jsonld"], &[&page], &report);
}

#[test]
fn w3c_hypothesis_search_results_and_rows() {
    let page = page();
    let report = check_on(
        &["w3c/hypothesis-search.json"],
        &[&page],
        Expect {
            spans: &[&[
                ("“will create 4,000 jobs”", "claim"),
                ("the dockworkers’ union", "unlabelled"),
                ("港务局", "proposal"),
            ]],
            warnings: &[
                UTF16,
                "annotation 3 (Ks9zY4oRGg8mP5u3): the position did not match the quote; placed by the quote at",
                "1 further tag (an annotation keeps one label) not imported",
                "1 annotation had no label: it came in as “unlabelled”",
            ],
            ..Expect::default()
        },
    );
    assert_eq!(
        notes(&report)[0],
        [
            "The authority has not published the study.",
            "Who leads the union?",
            ""
        ]
    );
    wrong_unit_misses(&["w3c/hypothesis-search.json"], &[&page], &report);
    // A list of rows, without the search's envelope.
    check_on(
        &["w3c/hypothesis-rows.json"],
        &[&page],
        Expect {
            spans: &[&[
                ("a joint storage fund", "claim"),
                ("अनुबंध गुप्त रखा गया", "allegation"),
            ]],
            warnings: &[
                UTF16,
                "1 further tag (an annotation keeps one label) not imported",
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn w3c_spec_selectors() {
    let page = page();
    let unlabelled = "1 annotation had no label: it came in as “unlabelled”";
    // A quote with prefix and suffix, and a position alone (code points, as the spec says).
    check_on(
        &["w3c/spec-quote.json"],
        &[&page],
        Expect {
            spans: &[&[("pure fiction", "unlabelled")]],
            warnings: &[unlabelled],
            ..Expect::default()
        },
    );
    check_on(
        &["w3c/spec-position.json"],
        &[&page],
        Expect {
            spans: &[&[("Grain traders in Odesa", "unlabelled")]],
            warnings: &[unlabelled],
            ..Expect::default()
        },
    );
    refused(
        &["w3c/spec-fragment.json"],
        &[&page],
        &["has neither a TextPositionSelector nor a TextQuoteSelector (it has a FragmentSelector, whose place claimmark cannot resolve in a plain text)"],
    );
    refused(
        &["w3c/recogito2-internal.json"],
        &[&page],
        &["this JSON is not in a format claimmark knows"],
    );
    refused(
        &["w3c/spec-quote.json"],
        &[],
        &["W3C annotations do not carry their text: open the document first"],
    );
}
