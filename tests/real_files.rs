//! Real files from the tools claimmark reads, imported as a user would choose them: every
//! variant listed in the real files' `VARIANTS.md` loads as its tool meant, and nothing is
//! dropped silently (issue 16).
//!
//! Each check names the files of one variant and what the import must give: how many
//! documents, each document's spans by the text they cover and their label, what was counted
//! as not imported, and which documents were rejected with which problem. Where a tool's own
//! example has wrong offsets, the check asserts the honest outcome (a rejected document, or a
//! span placed by its quote with a warning), never a pass the file does not deserve.
//!
//! The files come from three places, searched in order: `tests/data/real/` (files made for
//! these tests or reconstructed from the numbers in an issue, committed here), then the
//! folder named by `CLAIMMARK_REAL_FILES`, then `../shared/real/` (the files copied from the
//! tools' repositories, with their `SOURCES.md`; see `tests/data/real/SOURCES.md`). A variant
//! whose files are in none of them is skipped and said so on standard error.
#![cfg(not(target_arch = "wasm32"))]

#[path = "real_files/check.rs"]
mod real_files_check;

use claimmark::model::formats::{self, Format, InputFile};
use claimmark::model::{Document, Workspace};
use real_files_check::{check, input, made, refused, Expect};

/// Who each document is by: the end of its title (`… — user 2`).
fn whose(report: &formats::ImportReport) -> Vec<&str> {
    report
        .documents
        .iter()
        .map(|d| d.document.title.rsplit(" — ").next().unwrap_or(""))
        .collect()
}

/// A document opened from `text`, for W3C annotations (which do not carry their text).
fn opened(text: &str) -> Workspace {
    Workspace::new(Document::new("page", text))
}

#[test]
fn doccano_sequence_labelling_and_its_keys() {
    check(
        &["doccano/export-seqlabel-label-key.jsonl"],
        Expect {
            spans: &[
                &[("EU", "ORG"), ("German", "MISC")],
                &[("Peter Blackburn", "PERSON")],
                &[("Obama", "PERSON")],
            ],
            ..Expect::default()
        },
    );
    // `labels` (plural), overlapping spans, `meta`.
    check(
        &["doccano/v1.0-test-labels-key-overlapping.jsonl"],
        Expect {
            spans: &[
                &[("ex", "ORG"), ("e", "LOC")],
                &[("e", "LOC")],
                &[("e", "PER")],
            ],
            ..Expect::default()
        },
    );
    // The tutorial's record spread over four lines: not JSON Lines, read as a JSON stream.
    let Some(report) = check(
        &["doccano/tutorial-labels-key-multiline.json"],
        Expect::any(1),
    ) else {
        return;
    };
    let quotes = real_files_check::spans(&report);
    assert_eq!(quotes[0].len(), 18);
    assert_eq!(quotes[0][5], ("Douglas Adams".into(), "Person".into()));
    // doccano 1.3–1.5 wrote the text under `data`; spans unsorted.
    check(
        &["doccano/issue1522-v1.5-data-key-transcribed.jsonl"],
        Expect {
            spans: &[&[
                ("reporting easy", "B"),
                ("police", "A"),
                ("execute different types of queries", "C"),
            ]],
            ..Expect::default()
        },
    );
    // Column names chosen in doccano's import dialog are recognised, and said.
    check(
        &["doccano/import-seqlabel-custom-columns.jsonl"],
        Expect {
            spans: &[
                &[("EU", "ORG")],
                &[("Peter Blackburn", "PERSON")],
                &[("Obama", "PERSON")],
            ],
            warnings: &["read from “column_data” and the spans from “column_label”"],
            ..Expect::default()
        },
    );
    // The same span twice stays twice, as doccano's test file has it.
    check(
        &["doccano/test-seqlabel-duplicate-span.jsonl"],
        Expect {
            spans: &[&[("e", "LOC"), ("e", "LOC")]],
            ..Expect::default()
        },
    );
}

#[test]
fn doccano_records_without_text_or_with_cut_texts_are_rejected_alone() {
    check(
        &["doccano/test-seqlabel-meta-missing-text.jsonl"],
        Expect {
            spans: &[&[("e", "LOC")], &[]],
            rejected: &["line 3: \"text\" (or \"data\") is missing or not a string; the record has “label”, “meta”"],
            ..Expect::default()
        },
    );
    // doccano's 1.3 example cut its first text to "EU rejects ...": two spans lie past it.
    check(
        &["doccano/v1.3-export-seqlabel-labels-key.jsonl"],
        Expect {
            spans: &[&[("Peter Blackburn", "PERSON")], &[("Obama", "PERSON")]],
            rejected: &[
                "line 1 span 1: end 17 is past the end of the text (14 code points)",
                "line 1 span 2: end 41 is past the end of the text (14 code points)",
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn doccano_relations_intents_and_categories_are_counted() {
    let relations = Expect {
        spans: &[&[
            ("Google", "ORG"),
            ("September 4, 1998", "DATE"),
            ("Larry Page", "PERSON"),
            ("Sergey Brin", "PERSON"),
        ]],
        warnings: &[
            "1 relation of type “foundedAt” not imported",
            "2 relations of type “foundedBy” not imported",
        ],
        ..Expect::default()
    };
    // Pretty-printed over 49 lines despite its .jsonl name; and without relation ids.
    check(
        &["doccano/export-relation-pretty-printed.jsonl"],
        relations.clone(),
    );
    check(
        &["doccano/import-relation-no-relation-ids.jsonl"],
        relations,
    );
    // doccano's own intent example marks "Find a flight from Memphis" (0..26), not "Memphis":
    // nothing in the file says otherwise, so the span is read as written.
    check(
        &["doccano/export-intent-cats-entities.jsonl"],
        Expect {
            spans: &[
                &[("Find a flight from Memphis", "City"), ("Tacoma", "City")],
                &[("Los Angeles", "City")],
            ],
            warnings: &["2 document categories not imported"],
            ..Expect::default()
        },
    );
    check(
        &["doccano/test-intent-partial-records.jsonl"],
        Expect {
            spans: &[&[("e", "LOC")], &[], &[("e", "LOC")], &[]],
            warnings: &["2 document categories not imported"],
            rejected: &["line 5: \"text\" (or \"data\") is missing"],
            ..Expect::default()
        },
    );
    let categories = Expect {
        spans: &[&[], &[], &[]],
        warnings: &["3 document categories not imported"],
        ..Expect::default()
    };
    check(
        &["doccano/export-textclass-label-list.jsonl"],
        categories.clone(),
    );
    check(
        &["doccano/v1.0-export-textclass-annotations-label-ids.jsonl"],
        categories,
    );
}

#[test]
fn doccano_1x_label_ids_are_named_by_the_label_file() {
    check(
        &["doccano/v1.0-export-seqlabel-annotations-label-ids.jsonl"],
        Expect {
            spans: &[
                &[("EU", "label 2")],
                &[("Peter Blackburn", "label 1")],
                &[("Obama", "label 1")],
            ],
            warnings: &[
                "labels are given by number (doccano 1.x); choose the project's label file",
            ],
            ..Expect::default()
        },
    );
    // The 1.0 REST API's page of documents, with the project's labels (ids 4–7).
    let Some(report) = check(
        &[
            "doccano/v1.0-api-mock-docs-label-ids.json",
            "doccano/v1.0-api-mock-labels-id-to-name.json",
        ],
        Expect::any(5),
    ) else {
        return;
    };
    let spans = real_files_check::spans(&report);
    assert_eq!(
        spans[0],
        [("LEICESTERSHIRE".to_string(), "ORG".to_string())]
    );
    assert_eq!(spans[1], [("LONDON".to_string(), "LOC".to_string())]);
    assert!(report.warnings.iter().all(|w| !w.contains("by number")));
    // A label file alone says what it is.
    refused(
        &["doccano/label-config-valid_labels.json"],
        &["this is a doccano label file: choose it together with the doccano export"],
    );
}

#[test]
fn doccano_1x_annotations_of_several_users_are_a_document_each() {
    let export = made(
        "project.jsonl",
        r#"{"id": 7, "text": "Ann met Bob in Paris.", "annotations": [{"id": 1, "label": 4, "start_offset": 0, "end_offset": 3, "user": 1}, {"id": 2, "label": 4, "start_offset": 8, "end_offset": 11, "user": 2}, {"id": 3, "label": 5, "start_offset": 15, "end_offset": 20, "user": 2}], "meta": {}, "annotation_approver": null}"#,
    );
    let labels = made(
        "labels.json",
        r##"[{"id": 4, "text": "PER", "prefix_key": null, "suffix_key": "p", "background_color": "#7c20e0", "text_color": "#ffffff"}, {"id": 5, "text": "LOC", "prefix_key": null, "suffix_key": "l", "background_color": "#fbb028", "text_color": "#000000"}]"##,
    );
    let report = formats::import(&[export, labels], &[]).unwrap();
    let spans = real_files_check::spans(&report);
    let pair = |q: &str, l: &str| (q.to_string(), l.to_string());
    assert_eq!(
        spans,
        [
            vec![pair("Ann", "PER")],
            vec![pair("Bob", "PER"), pair("Paris", "LOC")]
        ]
    );
    assert_eq!(whose(&report), ["user 1", "user 2"]);
}

#[test]
fn doccano_utf16_offsets_after_an_emoji_are_converted_and_said() {
    // Issue #2290's numbers: doccano gives 22..32 for "firetrucks", Python 19..29.
    let converted = "the offsets are counted in UTF-16 code units";
    check(
        &["doccano/issue2290-utf16-emoji-reconstructed.jsonl"],
        Expect {
            spans: &[&[("firetrucks", "LABEL")]],
            warnings: &[converted],
            ..Expect::default()
        },
    );
    let firemen = made(
        "firemen.jsonl",
        r#"{"text": "👨🏻‍🚒 firemen drive firetrucks", "label": [[8, 15, "JOB"], [22, 32, "VEHICLE"]]}"#,
    );
    let report = formats::import(&[firemen], &[]).unwrap();
    assert_eq!(
        real_files_check::spans(&report)[0],
        [
            ("firemen".to_string(), "JOB".to_string()),
            ("firetrucks".into(), "VEHICLE".into())
        ]
    );
    assert!(report.warnings.iter().any(|w| w.contains(converted)));
}

#[test]
fn label_studio_exports_and_task_files() {
    check(
        &["label-studio/lsf-named_entity.annotation.json"],
        Expect {
            spans: &[&[("February 22", "Date")]],
            ..Expect::default()
        },
    );
    // The task file with a prediction: the text, and the prediction counted.
    check(
        &["label-studio/lsf-named_entity.tasks.json"],
        Expect {
            spans: &[&[]],
            warnings: &["1 predicted region not imported"],
            ..Expect::default()
        },
    );
    // Label Studio 0.x: `completions` instead of `annotations`, 38 regions out of text order.
    let Some(report) = check(
        &["label-studio/converter-ls0x-completions-348.json"],
        Expect::any(1),
    ) else {
        return;
    };
    let spans = &real_files_check::spans(&report)[0];
    assert_eq!(spans.len(), 38);
    assert!(spans.contains(&(
        "Sodium Lauroyl Methyl Isethionate,".into(),
        "INGREDIENT".into()
    )));
    assert!(spans.iter().any(|(q, _)| q == " Polyquaternium-7"));
    // Text, audio and image in one task, predictions and image regions counted.
    check(
        &["label-studio/converter-export-predictions-reviews-agreement.json"],
        Expect {
            spans: &[&[], &[]],
            warnings: &[
                "2 predicted regions not imported",
                "3 results of type “rectanglelabels” not imported",
            ],
            ..Expect::default()
        },
    );
    // HTML dialogue with a choice and a free-text answer (`value.text` a string).
    check(
        &["label-studio/lsf-dialogue_analysis.annotation.json"],
        Expect {
            spans: &[&[]],
            warnings: &[
                "data.dialogs is HTML",
                "1 result of type “choices” not imported",
                "1 text answer (textarea) not imported",
            ],
            ..Expect::default()
        },
    );
}

#[test]
fn label_studio_tasks_without_a_text_are_refused_with_what_they_hold() {
    let image = "only links to files (data.image): Label Studio labelled an image";
    for file in [
        "label-studio/converter-export-single-task.json",
        "label-studio/sdk-export-two-annotations-per-task.json",
        "label-studio/sdk-export-relation-results-keypoints.json",
        "label-studio/lsf-classification_mixed.annotation.json",
    ] {
        refused(&[file], &[image]);
    }
    refused(
        &["label-studio/lsf-phrases.annotation.json"],
        &["data.dialogue holds paragraphs (Label Studio's Paragraphs"],
    );
    // The rich_text_plain example copied its region from named_entity: 343..354 of its own
    // text is " supporters", not "February 22".
    refused(
        &["label-studio/lsf-rich_text_plain.annotation.json"],
        &["text \"February 22\" does not match the document at 343..354, which is \" supporters\""],
    );
}

#[test]
fn label_studio_several_annotators_relations_and_textareas() {
    let task = made(
        "export.json",
        r#"[{"id": 1, "data": {"text": "Ann met Bob."}, "drafts": [{"result": [{"type": "labels", "value": {"start": 0, "end": 3, "labels": ["PER"]}}]}],
            "annotations": [
              {"id": 1, "completed_by": 1, "result": [
                {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 3, "text": "Ann", "labels": ["PER"]}},
                {"id": "r2", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 8, "end": 11, "text": "Bob", "labels": ["PER"]}},
                {"type": "relation", "from_id": "r1", "to_id": "r2", "direction": "right"},
                {"id": "t1", "type": "textarea", "from_name": "comment", "to_name": "text", "value": {"text": ["Hello", "World"]}}]},
              {"id": 2, "completed_by": {"id": 2, "email": "b@example.org"}, "result": [
                {"id": "r3", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 8, "end": 11, "text": "Bob", "labels": ["PER"]}}]},
              {"id": 3, "completed_by": 3, "was_cancelled": true, "result": []}],
            "predictions": [{"model_version": "m", "result": [{"id": "p", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["PER"]}}]}]}]"#,
    );
    let report = formats::import(&[task], &[]).unwrap();
    let pair = |q: &str| (q.to_string(), "PER".to_string());
    assert_eq!(
        real_files_check::spans(&report),
        [vec![pair("Ann"), pair("Bob")], vec![pair("Bob")]]
    );
    assert_eq!(whose(&report), ["annotator 1", "annotator b@example.org"]);
    for counted in [
        "1 cancelled annotation not imported",
        "1 predicted region not imported",
        "1 result of a draft not imported",
        "1 relation without a label not imported",
        "1 text answer (textarea) not imported",
    ] {
        assert!(
            report.warnings.iter().any(|w| w == counted),
            "{counted} in {:?}",
            report.warnings
        );
    }
}

#[test]
fn prodigy_answers_spans_and_annotators() {
    check(
        &["spacy-prodigy/prodigy-ner_manual-tokens-spans-cut.jsonl"],
        Expect {
            spans: &[&[("Uber", "ORG"), ("Silicon Valley", "LOCATION")]],
            warnings: &["1 record answered “ignore” not imported"],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-ner-binary-span-answer-cut.jsonl"],
        Expect {
            spans: &[
                &[("Google", "PRODUCT")],
                &[("Apache", "PRODUCT"), ("MySQL", "PRODUCT")],
            ],
            warnings: &[
                "1 record answered “reject” not imported",
                "1 record answered “ignore” not imported",
            ],
            ..Expect::default()
        },
    );
    // A span's own answer can differ from its record's: accepted records keep accepted spans.
    check(
        &["spacy-prodigy/prodigy-ner-span-answer-differs-from-task-cut.jsonl"],
        Expect {
            spans: &[&[("MacBook", "PRODUCT")]],
            warnings: &[
                "3 records answered “reject” not imported",
                "1 span answered “reject” not imported",
                "1 record answered “ignore” not imported",
            ],
            ..Expect::default()
        },
    );
    // Code points: the emoji at offset 0 counts one.
    check(
        &["spacy-prodigy/prodigy-ner-emoji-at-offset0-cut.jsonl"],
        Expect {
            spans: &[&[
                ("Allen Edmonds", "FASHION_BRAND"),
                ("Allen Edmonds", "FASHION_BRAND"),
            ]],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-ner-tweets-demo-full.jsonl"],
        Expect {
            spans: &[&[("Ed Sheeran", "PERSON")]],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-input-spans-no-answer-cut.jsonl"],
        Expect {
            spans: &[&[
                ("bcr", "GGP"),
                ("abl", "GGP"),
                ("interferon regulatory factor 4", "GGP"),
                ("IRF-4", "GGP"),
            ]],
            ..Expect::default()
        },
    );
    refused(
        &["spacy-prodigy/prodigy-ner-tweets-binary-ignore-cut.jsonl"],
        &["there is no document to import (1 record answered “ignore” not imported)"],
    );
}

#[test]
fn prodigy_categories_relations_and_reviews_are_counted() {
    check(
        &["spacy-prodigy/prodigy-rel-manual-relations-cut.jsonl"],
        Expect {
            spans: &[
                &[("FOXP3", "GGP"), ("RUNX1", "GGP")],
                &[("IL-4", "GGP"), ("FOXP3", "GGP")],
            ],
            warnings: &[
                "1 relation of type “Pos-Reg” not imported",
                "1 relation of type “Neg-Reg” not imported",
            ],
            ..Expect::default()
        },
    );
    // A top-level `label` is Prodigy's text category, not doccano's spans.
    let Some(report) = check(
        &["spacy-prodigy/prodigy-textcat-binary-label-cut.jsonl"],
        Expect {
            spans: &[&[]],
            warnings: &[
                "1 document category not imported",
                "2 records answered “reject” not imported",
                "1 record answered “ignore” not imported",
            ],
            ..Expect::default()
        },
    ) else {
        return;
    };
    assert_eq!(report.format, Format::Spacy);
    check(
        &["spacy-prodigy/prodigy-classification-annotator-session-cut.jsonl"],
        Expect {
            spans: &[&[]],
            warnings: &["1 record answered “reject” not imported"],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-textcat-cr-in-text-cut.jsonl"],
        Expect {
            spans: &[&[]],
            warnings: &["1 document category not imported"],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-choice-nel-options-cut.jsonl"],
        Expect {
            spans: &[&[("Emerson", "ORG")]],
            warnings: &["1 document category not imported"],
            ..Expect::default()
        },
    );
    check(
        &["spacy-prodigy/prodigy-review-sessions-versions-cut.jsonl"],
        Expect {
            spans: &[&[("pub", "Cuisine")]],
            warnings: &["1 annotator's version kept by the review not imported"],
            ..Expect::default()
        },
    );
}

#[test]
fn prodigy_records_of_one_text_stay_apart() {
    let line = |who: &str, answer: &str| {
        format!(
            r#"{{"text": "Ann met Bob.", "_input_hash": 12, "_task_hash": 34, "spans": [{{"start": 0, "end": 3, "label": "PER"}}], "answer": "{answer}", "_annotator_id": "{who}"}}"#
        )
    };
    let lines = [
        line("ann", "accept"),
        line("bob", "accept"),
        line("cy", "accept"),
        line("dee", "reject"),
    ];
    let report = formats::import(&[made("db.jsonl", &lines.join("\n"))], &[]).unwrap();
    assert_eq!(report.documents.len(), 3);
    assert_eq!(whose(&report), ["ann", "bob", "cy"]);
    assert!(report
        .warnings
        .contains(&"1 record answered “reject” not imported".to_string()));
}

#[test]
fn brat_documents_with_events_attributes_and_notes() {
    let pair = |stem: &str| [format!("brat/{stem}.ann"), format!("brat/{stem}.txt")];
    let Some(report) = check(
        &pair("tutorial-bio-110-note_annotation")
            .each_ref()
            .map(String::as_str),
        Expect {
            warnings: &[
                "2 events not imported",
                "2 relations of type “Part-of” not imported",
                "2 notes on events or relations not imported",
            ],
            ..Expect::any(1)
        },
    ) else {
        return;
    };
    let first = &report.documents[0].annotations()[0];
    assert_eq!(first.note, "Check: is this a Protein or a Complex?");
    assert_eq!(real_files_check::spans(&report)[0].len(), 14);
    check(
        &pair("bionlp11-epi-PMID-16379001")
            .each_ref()
            .map(String::as_str),
        Expect {
            warnings: &["1 equivalence not imported"],
            ..Expect::any(1)
        },
    );
    let Some(report) = check(
        &pair("bionlp11-ge-PMID-10438913")
            .each_ref()
            .map(String::as_str),
        Expect {
            warnings: &["6 events not imported", "3 attributes not imported"],
            ..Expect::any(1)
        },
    ) else {
        return;
    };
    assert_eq!(real_files_check::spans(&report)[0].len(), 26);
    // With brat's configuration file, as a user picks a whole folder.
    check(
        &[
            "brat/ncbi-disease-PMID-8808606.ann",
            "brat/ncbi-disease-PMID-8808606.txt",
            "brat/ncbi-disease-annotation.conf",
        ],
        Expect {
            spans: &[&[
                ("myotonic dystrophy", "Disease"),
                ("myotonic dystrophy", "Disease"),
                ("DM", "Disease"),
                ("DM", "Disease"),
                ("DM", "Disease"),
                ("DM", "Disease"),
                ("myotonic dystrophy", "Disease"),
            ]],
            warnings: &[
                "7 attributes not imported",
                "ncbi-disease-annotation.conf (brat's configuration) not imported",
            ],
            ..Expect::default()
        },
    );
    // Code points, not bytes, after é.
    let Some(report) = check(
        &pair("conll2002-esp.train-doc-29")
            .each_ref()
            .map(String::as_str),
        Expect::any(1),
    ) else {
        return;
    };
    let spans = &real_files_check::spans(&report)[0];
    assert_eq!(
        spans[3],
        ("Nobel de Literatura Camilo José Cela".into(), "PER".into())
    );
    assert_eq!(spans[12], ("Tierra".into(), "MISC".into()));
}

#[test]
fn brat_crlf_counted_as_one_is_converted_and_said() {
    check(
        &[
            "brat/issue853-crlf-reconstructed.ann",
            "brat/issue853-crlf-reconstructed.txt",
        ],
        Expect {
            spans: &[&[
                ("John", "Person"),
                ("Mary", "Person"),
                ("He", "Person"),
                ("her", "Person"),
            ]],
            warnings: &["counted in characters with each CR LF line break counted as one"],
            ..Expect::default()
        },
    );
}

#[test]
fn brat_pieces_out_of_order_are_kept_and_written_back() {
    let Some(report) = check(
        &["brat/made-discontinuous.ann", "brat/made-discontinuous.txt"],
        Expect {
            warnings: &[
                "1 relation of type “isEquivalentTo” not imported",
                "1 note on an event or relation not imported",
            ],
            ..Expect::any(1)
        },
    ) else {
        return;
    };
    let document = &report.documents[0];
    let text = &document.document.text;
    let pieces = |w: &Workspace| -> Vec<Vec<String>> {
        w.annotations()
            .iter()
            .map(|a| {
                a.fragments
                    .iter()
                    .map(|f| text.quote(*f).to_string())
                    .collect()
            })
            .collect()
    };
    // In text order: the longer span starting at "sensitivity" first.
    let expected = [
        vec!["sensitivity", "to", "carboplatin"],
        vec!["sensitivity", "cisplatin"],
        vec![],
        vec![],
        vec![],
    ];
    assert_eq!(
        pieces(document),
        expected.map(|p| p.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    );
    // Exported as brat pieces and read back: the same pieces.
    let zip = formats::export(Format::Brat, &[document]);
    let ann = String::from_utf8_lossy(&zip.bytes).to_string();
    assert!(
        ann.contains("Pharmacodynamic_phenotype 20 31;35 44\t"),
        "{ann}"
    );
    let again = formats::import(
        &[InputFile {
            name: zip.name,
            bytes: zip.bytes,
        }],
        &[],
    )
    .unwrap();
    assert_eq!(pieces(&again.documents[0]), pieces(document));
}

#[test]
fn brat_corpus_with_one_bad_document_imports_the_others() {
    let files = [
        made("good.txt", "Ann met Bob."),
        made("good.ann", "T1\tPER 0 3\tAnn\n"),
        made("bad.txt", "Short."),
        made("bad.ann", "T1\tPER 0 30\tAnn met Bob\n"),
    ];
    let report = formats::import(&files, &[]).unwrap();
    assert_eq!(
        real_files_check::spans(&report),
        [vec![("Ann".to_string(), "PER".to_string())]]
    );
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].record, "bad.ann");
    assert!(report.rejected[0].problems[0]
        .message
        .contains("end 30 is past the end of the text"));
}

/// The text of an HTML page as a browser's `textContent` gives it, roughly: tags left out,
/// the few entities the test pages use decoded.
fn text_content(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let skip = ["script", "style"]
            .iter()
            .find(|t| rest[at + 1..].starts_with(*t));
        rest = match skip {
            Some(tag) => rest[at..]
                .split_once(&format!("</{tag}>"))
                .map_or("", |(_, r)| r),
            None => rest[at..].split_once('>').map_or("", |(_, r)| r),
        };
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
}

#[test]
fn w3c_recogito_hypothesis_and_the_spec() {
    let page = |path: &str| input(&[path]).map(|f| String::from_utf8(f[0].bytes.clone()).unwrap());
    if let Some(html) = page("w3c/recogitojs-demo-index.html") {
        let content = html
            .split("<div id=\"content\" class=\"plaintext\">")
            .nth(1)
            .unwrap();
        let text = text_content(content.split("</div>").next().unwrap());
        let known = opened(&text);
        // The demo's positions match neither its page nor any whitespace rule: placed by quote.
        let Some(report) = real_files_check::check_on(
            &["w3c/recogitojs-demo-annotations.w3c.json"],
            &[&known],
            Expect {
                spans: &[&[
                    ("Troy", "A Tag"),
                    ("death in battle", "unlabelled"),
                    ("Ithaca", "unlabelled"),
                ]],
                warnings: &[
                    "the position did not match the quote; placed by the quote",
                    "1 relation (a linking annotation) not imported",
                    "1 further tag (an annotation keeps one label) not imported",
                    "2 annotations had no label: they came in as “unlabelled”",
                ],
                ..Expect::default()
            },
        ) else {
            return;
        };
        assert_eq!(
            report.documents[0].annotations()[0].note,
            "This is a comment"
        );
    }
    if let Some(html) = page("w3c/hypothesis-api-search-minimal.html") {
        let known = opened(&text_content(&html));
        real_files_check::check_on(
            &["w3c/hypothesis-api-search-minimal.json"],
            &[&known],
            Expect {
                spans: &[&[("Two", "unlabelled")]],
                ..Expect::default()
            },
        );
    }
    if let Some(html) = page("w3c/hypothesis-api-search-wikipedia-regression-testing.html") {
        let known = opened(&text_content(&html));
        let Some(report) = real_files_check::check_on(
            &["w3c/hypothesis-api-search-wikipedia-regression-testing.json"],
            &[&known],
            Expect::any(1),
        ) else {
            return;
        };
        let notes: Vec<&str> = report.documents[0]
            .annotations()
            .iter()
            .map(|a| a.note.as_str())
            .collect();
        assert_eq!(
            notes,
            ["Heading", "Introduction", "Body", "Quote", "Footer"]
        );
        let first = &real_files_check::spans(&report)[0][0];
        assert_eq!(
            first,
            &("Regression testing".to_string(), "unlabelled".to_string())
        );
    }
    let spec = opened("Yes, this is an anotation that has some mistakes, says the spec.");
    real_files_check::check_on(
        &["w3c/w3c-spec-anno26.json"],
        &[&spec],
        Expect {
            spans: &[&[("anotation", "unlabelled")]],
            ..Expect::default()
        },
    );
    let long = opened(&"word ".repeat(200));
    real_files_check::check_on(&["w3c/w3c-spec-anno27.json"], &[&long], Expect::any(1));
    real_files_check::refused_on(
        &["w3c/w3c-spec-anno41.json"],
        &[&long],
        &["has neither a TextPositionSelector nor a TextQuoteSelector (it has a FragmentSelector"],
    );
    refused(
        &["w3c/recogito2-internal-text-annotation.json"],
        &["this JSON is not in a format claimmark knows"],
    );
}

#[test]
fn w3c_recogito_2_downloads_and_utf16_positions() {
    // Made from Recogito 2's serializer: an empty body (a QUOTE only), a comment, a tag;
    // positions in UTF-16 units after an emoji.
    let text = "🙂 Ships sailed from London Stansted to Ithaca.";
    let annotation = |id: &str, body: &str, start: usize, exact: &str| {
        format!(
            r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://recogito.pelagios.org/annotation/{id}", "type": "Annotation", "generator": {{"type": "Software", "name": "Recogito"}}, "body": {body}, "target": {{"source": "https://recogito.pelagios.org/document/x/part/1", "type": "Text", "selector": [{{"type": "TextPositionSelector", "start": {start}, "end": {}}}, {{"type": "TextQuoteSelector", "exact": "{exact}"}}]}}}}"#,
            start + exact.len()
        )
    };
    let file = format!(
        "[{}, {}, {}]",
        annotation("a1", "[]", 3, "Ships"),
        annotation(
            "a2",
            r#"[{"type": "TextualBody", "purpose": "commenting", "value": "a busy port"}]"#,
            22,
            "London Stansted"
        ),
        annotation(
            "a3",
            r#"[{"type": "TextualBody", "purpose": "tagging", "value": "place"}]"#,
            41,
            "Ithaca"
        ),
    );
    let known = opened(text);
    let report = formats::import(&[made("recogito.jsonld", &file)], &[&known]).unwrap();
    assert_eq!(
        real_files_check::spans(&report)[0],
        [
            ("Ships".to_string(), "unlabelled".to_string()),
            ("London Stansted".into(), "unlabelled".into()),
            ("Ithaca".into(), "place".into())
        ]
    );
    assert_eq!(report.documents[0].annotations()[1].note, "a busy port");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("counted in UTF-16 code units")),
        "{:?}",
        report.warnings
    );
    assert!(report
        .warnings
        .iter()
        .any(|w| w.starts_with("2 annotations had no label")));
}

#[test]
fn brat_normalisations_in_the_tutorial_are_counted() {
    let fixture = |ext: &str| {
        let path = format!(
            "{}/tests/data/shared/fixtures/brat/000-introduction.{ext}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).expect("the vendored brat tutorial");
        InputFile {
            name: format!("000-introduction.{ext}"),
            bytes,
        }
    };
    let report = formats::import(&[fixture("ann"), fixture("txt")], &[]).unwrap();
    for counted in ["normalisation", "event", "attribute", "relation"] {
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w.contains(counted) && w.contains("not imported")),
            "{counted} in {:?}",
            report.warnings
        );
    }
}

#[test]
fn hypothesis_tags_are_labels_and_its_text_a_note() {
    let rows = r#"{"total": 1, "rows": [{"id": "h1", "user": "acct:ann@example.org", "text": "worth checking", "tags": ["claim", "economy"], "uri": "https://example.org/a", "target": [{"source": "https://example.org/a", "selector": [{"type": "TextPositionSelector", "start": 4, "end": 7}, {"type": "TextQuoteSelector", "exact": "Two", "prefix": "One ", "suffix": " Three"}]}]}]}"#;
    let known = opened("One Two Three");
    let report = formats::import(&[made("search.json", rows)], &[&known]).unwrap();
    assert_eq!(
        real_files_check::spans(&report),
        [vec![("Two".to_string(), "claim".to_string())]]
    );
    assert_eq!(report.documents[0].annotations()[0].note, "worth checking");
    assert!(report
        .warnings
        .contains(&"1 further tag (an annotation keeps one label) not imported".to_string()));
}
