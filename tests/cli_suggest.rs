//! `claimmark suggest`: a .txt file becomes one claimmark JSON document whose text is the file
//! byte for byte, with suggested annotations marked `"suggested": true` and a confidence;
//! native inputs keep their annotations; standard input; other formats; other languages; usage
//! errors; and each shell's completions offering each command's own options.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

use claimmark::cli::spec::{self, COMMANDS};
use cli::{check, check_with_stdin, fixture, temp_dir, text};
use serde_json::Value;

const ARTICLE: &str = "“We are closer than ever,” said Lena Moravec 👨🏻\u{200d}🚒.\r\n\
                       Officials in Merin accused Varos of staging the incident. Café owners \
                       urged the city to act.\r\n";

fn json(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout).unwrap()
}

/// The quotes, labels and sources of a file's annotations that are marked suggested.
fn suggested(file: &Value) -> Vec<(String, String, String)> {
    file["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["suggested"] == Value::Bool(true))
        .map(|a| {
            let confidence = a["confidence"].as_f64().unwrap();
            assert!((0.5..=1.0).contains(&confidence), "{a}");
            (
                a["quote"].as_str().unwrap().to_string(),
                a["label"].as_str().unwrap().to_string(),
                a["attribution"]["source"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

fn triple(quote: &str, label: &str, source: &str) -> (String, String, String) {
    (quote.into(), label.into(), source.into())
}

#[test]
fn a_text_file_becomes_one_document_with_its_text_byte_for_byte() {
    let dir = temp_dir("suggest-txt");
    let input = dir.join("article.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let done = check(
        &["suggest", &text(&input)],
        0,
        "",
        "3 suggested annotation(s) in 1 document(s)",
    );
    let file = json(&done.stdout);
    assert_eq!(
        file["document"]["text"].as_str().unwrap().as_bytes(),
        ARTICLE.as_bytes()
    );
    assert_eq!(file["document"]["title"], "article");
    assert_eq!(
        suggested(&file),
        [
            triple("We are closer than ever", "claim", "Lena Moravec"),
            triple(
                "Varos of staging the incident",
                "allegation",
                "Officials in Merin"
            ),
            triple("the city to act", "proposal", "Café owners"),
        ]
    );
    let out = dir.join("article.claimmark.json");
    check(&["suggest", "-o", &text(&out), &text(&input)], 0, "", "");
    assert_eq!(std::fs::read(&out).unwrap(), done.stdout);
    check(
        &["validate", "--strict", &text(&out)],
        0,
        "ok (1 document(s), 3 annotation(s))",
        "",
    );
}

#[test]
fn annotated_inputs_keep_their_annotations_and_are_not_suggested_twice() {
    let done = check(&["suggest", &fixture("seed")], 0, "", "");
    let file = json(&done.stdout);
    let annotations = file["annotations"].as_array().unwrap();
    let kept = annotations
        .iter()
        .filter(|a| a.get("suggested").is_none())
        .count();
    assert_eq!(kept, 7, "the seed fixture's own annotations");
    let spans: Vec<(u64, u64, &str)> = annotations
        .iter()
        .map(|a| {
            (
                a["start"].as_u64().unwrap(),
                a["end"].as_u64().unwrap(),
                a["label"].as_str().unwrap(),
            )
        })
        .collect();
    let mut unique = spans.clone();
    unique.dedup();
    assert_eq!(unique.len(), spans.len(), "{spans:?}");
    assert!(!suggested(&file).is_empty());
    // Its output, read again, suggests nothing new.
    let dir = temp_dir("suggest-again");
    let once = dir.join("once.claimmark.json");
    std::fs::write(&once, &done.stdout).unwrap();
    let twice = check(
        &["suggest", &text(&once)],
        0,
        "",
        "0 suggested annotation(s)",
    );
    assert_eq!(twice.stdout, done.stdout);
}

#[test]
fn standard_input_is_text_or_claimmark_json() {
    let done = check_with_stdin(&["suggest", "-"], ARTICLE.as_bytes(), 0, "", "3 suggested");
    assert_eq!(json(&done.stdout)["document"]["text"], ARTICLE);
    let native = std::fs::read(fixture("seed")).unwrap();
    check_with_stdin(&["suggest", "-"], &native, 0, "\"suggested\": true", "");
}

#[test]
fn other_formats_leave_the_marks_out_and_other_languages_are_left_alone() {
    let dir = temp_dir("suggest-formats");
    let input = dir.join("a.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let done = check(
        &["suggest", "--to", "w3c", &text(&input)],
        0,
        "\"AnnotationCollection\"",
        "",
    );
    let w3c = String::from_utf8(done.stdout).unwrap();
    assert!(!w3c.contains("suggested") && !w3c.contains("confidence"));
    check(
        &["suggest", "--to", "spacy", &text(&input)],
        0,
        "\"spans\"",
        "",
    );
    let french = dir.join("b.txt");
    std::fs::write(&french, "Le ministre a déclaré que la frontière resterait fermée jusqu'à la fin du mois, et que les négociations reprendraient.").unwrap();
    let done = check(
        &["suggest", &text(&input), &text(&french)],
        0,
        "",
        "warning: “b”: no suggestions for its language (fr); claimmark suggests in English only",
    );
    let lines: Vec<Value> = String::from_utf8(done.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "JSON Lines for two documents");
    assert_eq!(lines[1]["annotations"], Value::Array(Vec::new()));
}

#[test]
fn usage_errors_and_unreadable_inputs() {
    check(&["suggest"], 2, "", "suggest needs at least one INPUT");
    check(
        &["suggest", "--to", "csv", "x.txt"],
        2,
        "",
        "unknown format \"csv\"",
    );
    check(
        &["suggest", "-", "-"],
        2,
        "",
        "- (standard input) is given more than once",
    );
    check(
        &["suggest", "/nonexistent/a.txt"],
        1,
        "",
        "/nonexistent/a.txt: cannot read",
    );
    check(
        &["suggest", "--help"],
        0,
        "claimmark suggest [-o OUT] [--to FORMAT] INPUT...",
        "",
    );
}

/// The part of a completion script about one command.
fn section(script: &str, shell: &str, command: &str) -> String {
    match shell {
        "fish" => script
            .lines()
            .filter(|l| l.contains(&format!("__fish_seen_subcommand_from {command}\"")))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => {
            let start = script
                .find(&format!("        {command})"))
                .unwrap_or(script.len());
            let end = script[start..]
                .find(";;")
                .map_or(script.len(), |e| start + e);
            script[start..end].to_string()
        }
    }
}

#[test]
fn completions_offer_each_commands_own_options() {
    for shell in spec::SHELLS {
        let done = check(&["completions", shell], 0, "", "");
        let script = String::from_utf8(done.stdout).unwrap();
        for command in COMMANDS.iter().filter(|c| !c.flags.is_empty()) {
            let part = section(&script, shell, command.name);
            for flag in command.flags {
                let long = match shell {
                    "fish" => format!("-l {}", flag.long),
                    _ => format!("--{}", flag.long),
                };
                assert!(
                    part.contains(&long),
                    "{shell}: {} lacks {long}:\n{part}",
                    command.name
                );
            }
        }
    }
}
