//! The command line reads other tools' files as the import preview does: a document with
//! problems fails the file unless `--skip-invalid` leaves it out (exit 1 still, listing it);
//! `--offsets` decides what a file cannot tell; `--to-offsets utf16` writes doccano as doccano
//! 1.6+ counts; `validate` checks a brat pair together and a directory document by document.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

use cli::{check, temp_dir, text};

/// doccano lines: "firemen" after a firefighter emoji (4 code points, 7 UTF-16 units) at
/// UTF-16 offsets 8..15, a clean Arabic line, and a line whose span runs past its text.
const DOCCANO: &str = concat!(
    "{\"text\": \"👨🏻‍🚒 firemen drive firetrucks\", \"label\": [[8, 15, \"PER\"]]}\n",
    "{\"text\": \"قال المتحدث\", \"label\": [[0, 3, \"SAY\"]]}\n",
    "{\"text\": \"bad\", \"label\": [[0, 9, \"X\"]]}\n",
);

#[test]
fn a_bad_document_fails_the_file_unless_skipped_and_is_always_listed() {
    let dir = temp_dir("skip");
    let file = dir.join("d.jsonl");
    std::fs::write(&file, DOCCANO).unwrap();
    let path = text(&file);
    let refused = "line 3 span 0: end 9 is past the end of the text (3 code points)";
    check(
        &["convert", "--to", "spacy", &path],
        1,
        "",
        "1 of 3 documents has problems; nothing was read (--skip-invalid reads the other 2)",
    );
    let done = check(
        &["convert", "--to", "spacy", "--skip-invalid", &path],
        1,
        "firemen",
        refused,
    );
    let out = String::from_utf8(done.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "the two good documents: {out}");
    assert!(
        out.contains("\"start\":5,\"end\":12"),
        "UTF-16 8..15 is code points 5..12: {out}"
    );
    assert!(
        done.stderr.contains("converted to code points"),
        "{}",
        done.stderr
    );
    check(
        &["stats", "--skip-invalid", &path],
        1,
        "PER",
        "were left out",
    );
    check(&["validate", &path], 1, "", "d.jsonl: 2 document(s) ok");
}

#[test]
fn offsets_can_be_given_and_doccano_written_in_utf16() {
    let dir = temp_dir("offsets");
    let file = dir.join("one.jsonl");
    // Both readings fit and fall between words: only the flag can tell.
    std::fs::write(
        &file,
        "{\"text\": \"🙂 a b c\", \"label\": [[3, 4, \"X\"]]}\n",
    )
    .unwrap();
    let path = text(&file);
    check(
        &["convert", "--to", "spacy", &path],
        0,
        "\"start\":3",
        "--offsets utf16 on the command line",
    );
    check(
        &["convert", "--to", "spacy", "--offsets", "utf16", &path],
        0,
        "\"start\":2",
        "",
    );
    check(
        &["convert", "--to", "spacy", "--offsets", "codepoint", &path],
        0,
        "\"start\":3",
        "",
    );
    check(
        &["convert", "--to", "spacy", "--offsets", "bytes", &path],
        2,
        "",
        "unknown unit \"bytes\" for --offsets",
    );
    let back = check(
        &[
            "convert",
            "--to",
            "doccano",
            "--offsets",
            "utf16",
            "--to-offsets",
            "utf16",
            &path,
        ],
        0,
        "[[3,4,\"X\"]]",
        "",
    );
    assert!(back.stderr.is_empty(), "{}", back.stderr);
    check(
        &["convert", "--to", "spacy", "--to-offsets", "utf16", &path],
        2,
        "",
        "--to-offsets utf16 is for --to doccano",
    );
}

#[test]
fn validate_checks_a_brat_pair_together_and_a_directory_per_document() {
    let dir = temp_dir("validate-brat");
    std::fs::write(dir.join("a.txt"), "Kabul accused Islamabad.\n").unwrap();
    std::fs::write(dir.join("a.ann"), "T1\tclaim 0 5\tKabul\nE1\tAccuse:T1\n").unwrap();
    std::fs::write(dir.join("b.txt"), "محادثات\n").unwrap();
    std::fs::write(dir.join("b.ann"), "T1\tclaim 0 50\tx\n").unwrap();
    let (a_txt, a_ann) = (text(&dir.join("a.txt")), text(&dir.join("a.ann")));
    check(
        &["validate", &a_ann, &a_txt],
        0,
        "a.ann + ",
        "1 event not imported",
    );
    check(
        &["validate", &text(&dir)],
        1,
        "",
        "b.ann line 1 (T1): end 50 is past the end of the text",
    );
    check(
        &["validate", &text(&dir)],
        1,
        "",
        ": 1 document(s) ok (1 annotation(s))",
    );
}
