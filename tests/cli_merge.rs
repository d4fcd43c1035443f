//! `claimmark merge`: the gold set with provenance (native, or the format GOLD's name asks
//! for), `--conflicts`, `--strict`, the summary line, corpora matched by text, annotators named
//! by their files, and the usage errors and refusals.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use claimmark::model::formats::native;
use claimmark::model::provenance::Status;
use cli::{check, check_with_stdin, temp_dir, text};
use serde_json::{json, Value};

const TEXT: &str =
    "Захарова заявила: переговоры 👨🏻‍🚒 продолжатся. قالت كابول إن المحادثات فشلت. 外交部表示反对。";
const OTHER: &str = "Kabul accused Islamabad of fraud at the Cafe\u{301}.";

/// (start, end) of `phrase` in `text`, in code points.
fn at(text: &str, phrase: &str) -> (usize, usize) {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    (start, start + phrase.chars().count())
}

/// A native document of `text` by `annotator` ("" for none) with (phrase, label, source).
fn document(text: &str, annotator: &str, marks: &[(&str, &str, &str)]) -> Value {
    let annotations: Vec<Value> = marks
        .iter()
        .enumerate()
        .map(|(i, (phrase, label, source))| {
            let (start, end) = at(text, phrase);
            let attribution = (!source.is_empty()).then(|| json!({ "source": source }));
            json!({ "id": format!("a{}", i + 1), "start": start, "end": end, "label": label,
                    "attribution": attribution, "note": "" })
        })
        .collect();
    json!({ "format": "claimmark", "version": 1, "offset_unit": "codepoint", "annotator": annotator,
            "document": { "title": "Переговоры", "text": text }, "annotations": annotations })
}

fn write(dir: &Path, name: &str, documents: &[Value]) -> String {
    let lines: Vec<String> = documents.iter().map(Value::to_string).collect();
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n")).unwrap();
    text(&path)
}

const SAID: &str = "Захарова заявила: переговоры 👨🏻‍🚒 продолжатся";
const KABUL: &str = "قالت كابول إن المحادثات فشلت";
const CHINA: &str = "外交部表示反对";

/// Three annotators: all agree on SAID, two on KABUL, and they disagree on CHINA.
fn three(dir: &Path) -> Vec<String> {
    vec![
        write(
            dir,
            "ana.json",
            &[document(
                TEXT,
                "Ана",
                &[
                    (SAID, "claim", "Захарова"),
                    (KABUL, "claim", "كابول"),
                    (CHINA, "claim", ""),
                ],
            )],
        ),
        write(
            dir,
            "ben.json",
            &[document(
                TEXT,
                "",
                &[
                    (SAID, "claim", "захарова"),
                    (KABUL, "claim", "كابول"),
                    (CHINA, "allegation", ""),
                ],
            )],
        ),
        write(
            dir,
            "cara.json",
            &[document(
                TEXT,
                "كارا",
                &[(SAID, "claim", "Захарова"), (CHINA, "proposal", "外交部")],
            )],
        ),
    ]
}

fn args<'a>(first: &[&'a str], files: &'a [String]) -> Vec<&'a str> {
    first
        .iter()
        .copied()
        .chain(files.iter().map(String::as_str))
        .collect()
}

fn statuses(path: &PathBuf) -> Vec<(Status, Vec<String>, String)> {
    let file = std::fs::read_to_string(path).unwrap();
    let workspace = native::import(&file).unwrap().workspace;
    workspace
        .annotations()
        .iter()
        .map(|a| {
            let p = a.provenance.clone().unwrap();
            (p.status, p.annotators, p.agreement)
        })
        .collect()
}

#[test]
fn merge_writes_the_gold_set_and_the_conflicts() {
    let dir = temp_dir("merge");
    let files = three(&dir);
    let (gold, open) = (dir.join("gold.claimmark.json"), dir.join("open.json"));
    let (gold_arg, open_arg) = (text(&gold), text(&open));
    let done = check(
        &args(
            &["merge", "-o", &gold_arg, "--conflicts", &open_arg],
            &files,
        ),
        0,
        "",
        "",
    );
    assert_eq!(
        done.stderr,
        "claimmark: 1 unanimous, 1 majority, 1 conflict group(s) in 1 document(s) from 3 annotators (K = 2)\n"
    );
    assert!(done.stdout.is_empty());
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        statuses(&gold),
        [
            (
                Status::Unanimous,
                names(&["Ана", "ben.json", "كارا"]),
                "3/3".into()
            ),
            (Status::Majority, names(&["Ана", "ben.json"]), "2/3".into()),
        ]
    );
    let conflict = Status::Conflict { group: 1 };
    assert_eq!(
        statuses(&open),
        [
            (conflict, names(&["ben.json"]), "1/3".into()),
            (conflict, names(&["Ана"]), "1/3".into()),
            (conflict, names(&["كارا"]), "1/3".into()),
        ]
    );
    let written = std::fs::read_to_string(&gold).unwrap();
    assert!(written.contains("\"status\": \"unanimous\""), "{written}");
    // --strict fails while conflicts remain: here, and with K = 1 for ana and ben, whose two
    // labels of one span tie; a file merged with itself leaves none.
    check(
        &args(&["merge", "--strict", "-o", &gold_arg], &files),
        1,
        "",
        "1 conflict group(s)",
    );
    let two = &files[..2];
    let done = check(
        &args(
            &["merge", "--strict", "--min-agree", "2", "-o", &gold_arg],
            &files[..1],
        ),
        2,
        "",
        "",
    );
    assert!(
        done.stderr.contains(
            "--min-agree: the minimum agreement must be between 1 and the 1 annotator(s), not 2"
        ),
        "{}",
        done.stderr
    );
    check(
        &args(
            &["merge", "--strict", "--min-agree", "1", "-o", &gold_arg],
            two,
        ),
        1,
        "",
        "",
    );
    let same = [files[0].clone(), files[0].clone()];
    let done = check(
        &args(&["merge", "--strict", "-o", "-"], &same),
        0,
        "\"status\": \"unanimous\"",
        "",
    );
    assert!(
        done.stderr
            .starts_with("claimmark: 3 unanimous, 0 majority, 0 conflict group(s)"),
        "{}",
        done.stderr
    );
    let out = String::from_utf8(done.stdout).unwrap();
    assert!(
        out.contains(&format!("\"Ана ({})\"", files[0])),
        "a name used twice gets its path"
    );
}

#[test]
fn one_file_gives_single_annotations() {
    let dir = temp_dir("merge-single");
    let files = three(&dir);
    let gold = dir.join("gold.json");
    let done = check(
        &args(&["merge", "-o", &text(&gold)], &files[2..]),
        0,
        "",
        "",
    );
    assert_eq!(
        done.stderr,
        "claimmark: 2 single, 0 conflict group(s) in 1 document(s) from 1 annotator (K = 1)\n"
    );
    let single = |who: &str| (Status::Single, vec![who.to_string()], "1/1".to_string());
    assert_eq!(statuses(&gold), [single("كارا"), single("كارا")]);
    // Standard input is a FILE too.
    let bytes = std::fs::read(&files[0]).unwrap();
    check_with_stdin(
        &["merge", "-o", "-", "-"],
        &bytes,
        0,
        "\"single\"",
        "3 single",
    );
}

#[test]
fn a_corpus_is_matched_by_text_and_the_format_follows_gold_s_name() {
    let dir = temp_dir("merge-corpus");
    let kabul = |who: &str, label: &str| {
        document(OTHER, who, &[("Kabul accused Islamabad", label, "Kabul")])
    };
    let said = |who: &str| document(TEXT, who, &[(SAID, "claim", "Захарова")]);
    let files = [
        write(
            &dir,
            "ana.jsonl",
            &[said("ana"), kabul("ana", "allegation")],
        ),
        write(
            &dir,
            "ben.jsonl",
            &[kabul("ben", "allegation"), said("ben")],
        ),
    ];
    let gold = dir.join("gold.spacy.jsonl");
    let done = check(&args(&["merge", "-o", &text(&gold)], &files), 0, "", "");
    assert!(
        done.stderr.contains(
            "2 unanimous, 0 majority, 0 conflict group(s) in 2 document(s) from 2 annotators"
        ),
        "{}",
        done.stderr
    );
    let spacy = std::fs::read_to_string(&gold).unwrap();
    let lines: Vec<&str> = spacy.lines().collect();
    assert_eq!(lines.len(), 2, "{spacy}");
    assert!(
        lines[0].starts_with("{\"text\":\"Захарова"),
        "in the first file's order"
    );
    assert!(lines[1].contains("\"provenance\":{\"status\":\"unanimous\",\"annotators\":[\"ana\",\"ben\"],\"agreement\":\"2/2\"}"), "{spacy}");
    // Native JSON Lines for several documents, whatever the name.
    let native_gold = dir.join("gold.json");
    check(
        &args(&["merge", "-o", &text(&native_gold)], &files),
        0,
        "",
        "",
    );
    let lines = std::fs::read_to_string(&native_gold).unwrap();
    assert_eq!(native::import_lines(&lines).unwrap().len(), 2);
    // A file without one of the texts, or with one twice, is refused, naming both.
    let short = write(&dir, "cara.jsonl", &[said("cara")]);
    let done = check(
        &["merge", "-o", &text(&native_gold), &files[0], &short],
        1,
        "",
        "",
    );
    assert!(
        done.stderr
            .contains("cara.jsonl: does not annotate “Переговоры”, which"),
        "{}",
        done.stderr
    );
    assert!(
        done.stderr
            .contains("ana.jsonl does; every file must hold the same documents"),
        "{}",
        done.stderr
    );
    let twice = write(
        &dir,
        "dan.jsonl",
        &[said("dan"), said("dan"), kabul("dan", "claim")],
    );
    check(
        &["merge", "-o", &text(&native_gold), &files[0], &twice],
        1,
        "",
        "dan.jsonl: holds “Переговоры” twice",
    );
    let other = write(&dir, "eve.json", &[kabul("eve", "claim")]);
    let done = check(
        &["merge", "-o", &text(&native_gold), &short, &other],
        1,
        "",
        "",
    );
    assert!(
        done.stderr
            .contains("eve.json: annotates “Переговоры”, which"),
        "{}",
        done.stderr
    );
}

#[test]
fn usage_errors_name_what_is_wrong() {
    let dir = temp_dir("merge-usage");
    let files = three(&dir);
    let gold = text(&dir.join("gold.json"));
    for (first, message) in [
        (vec!["merge"], "merge needs -o GOLD"),
        (vec!["merge", "-o", &gold], "merge needs at least one FILE"),
        (
            vec!["merge", "--min-agree", "4", "-o", &gold],
            "--min-agree: the minimum agreement must be between 1 and the 3 annotator(s), not 4",
        ),
        (vec!["merge", "--min-agree", "0", "-o", &gold], "not 0"),
        (
            vec!["merge", "--min-agree", "two", "-o", &gold],
            "--min-agree takes a whole number of annotators, found \"two\"",
        ),
        (
            vec!["merge", "--conflicts", "-", "-o", "-"],
            "-o and --conflicts cannot both be standard output",
        ),
        (vec!["merge", "--strict=yes", "-o", &gold], "takes no value"),
    ] {
        let line = args(
            &first,
            if first.len() == 3 && first[1] == "-o" {
                &[]
            } else {
                &files
            },
        );
        let done = check(&line, 2, "", message);
        assert!(
            done.stderr.contains("claimmark merge --help"),
            "{}",
            done.stderr
        );
        assert!(!dir.join("gold.json").exists(), "{first:?} wrote nothing");
    }
}
