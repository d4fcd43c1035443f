//! The command line's files and streams: a closed pipe and standard input through the real
//! binary, where `--to brat` writes (a pair, a zip, a directory), validate's warnings and
//! `--strict`, and the shell completions naming every command, option and format.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use claimmark::cli::spec::{self, Flag, COMMANDS, HELP, VERSION};
use cli::{check, fixture, temp_dir, text};

/// A native file whose export is much larger than a pipe's buffer (64 KiB on Linux).
fn big_document(dir: &Path) -> PathBuf {
    let text = "Καλημέρα κόσμε — Привіт, світе! こんにちは。\n".repeat(5000);
    let file = serde_json::json!({
        "format": "claimmark", "version": 1, "offset_unit": "codepoint",
        "document": { "title": "Μεγάλο κείμενο", "text": text },
        "labels": [], "sources": [], "annotations": [],
    });
    let path = dir.join("big.claimmark.json");
    std::fs::write(&path, file.to_string()).unwrap();
    path
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let dir = temp_dir("pipe");
    let big = big_document(&dir);
    for bytes_read in [1, 0] {
        // Like `claimmark convert … | head -c1`: read a byte (or none), close the pipe.
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimmark"))
            .args(["convert", "--to", "native", &text(&big)])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = vec![0; bytes_read];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr, "", "read {bytes_read} byte(s)");
        assert!(output.status.success(), "{:?}", output.status);
    }
}

#[test]
fn the_binary_reads_standard_input_and_ends_options_with_dash_dash() {
    use std::io::Write;
    let dir = temp_dir("binary");
    std::fs::copy(fixture("nasty"), dir.join("-résumé.json")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_claimmark"))
        .current_dir(&dir)
        .args(["validate", "--", "-résumé.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("-résumé.json: ok"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimmark"))
        .args(["stats", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let nasty = std::fs::read(fixture("nasty")).unwrap();
    child.stdin.take().unwrap().write_all(&nasty).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("\"Kabul’s officials\""));
}

#[test]
fn brat_goes_to_a_pair_a_zip_or_a_directory() {
    let dir = temp_dir("brat");
    let (seed, nasty) = (fixture("seed"), fixture("nasty"));
    // NAME.ann: that file and NAME.txt, one document.
    let ann = dir.join("статья.ann");
    check(
        &["convert", "--to", "brat", &nasty, "-o", &text(&ann)],
        0,
        "",
        "статья.ann and ",
    );
    let txt = std::fs::read_to_string(dir.join("статья.txt")).unwrap();
    assert!(
        txt.contains("🙂 the talks 👨🏻‍🚒 failed") && txt.contains(".\r\nKabul’s"),
        "{txt}"
    );
    assert!(std::fs::read_to_string(&ann).unwrap().starts_with("T1\t"));
    check(
        &[
            "convert",
            "--to",
            "native",
            &text(&ann),
            &text(&dir.join("статья.txt")),
        ],
        0,
        "Kabul’s officials",
        "",
    );
    // Several documents do not fit a pair: nothing is written.
    let two = dir.join("two.ann");
    let done = check(
        &["convert", "--to", "brat", &seed, &nasty, "-o", &text(&two)],
        2,
        "",
        "can hold one document and the inputs hold 2",
    );
    assert!(
        done.stderr
            .contains("a directory (ending in /) or a .zip file"),
        "{}",
        done.stderr
    );
    assert!(!two.exists() && !dir.join("two.txt").exists());
    // NAME.zip: a stored zip.
    let zip = dir.join("out.ZIP");
    check(
        &["convert", "--to", "brat", &seed, &nasty, "-o", &text(&zip)],
        0,
        "",
        "wrote 2 document(s)",
    );
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK\x03\x04"));
    // A directory: existing, or ending in /.
    let existing = dir.join("existing");
    std::fs::create_dir(&existing).unwrap();
    let fresh = format!("{}/fresh/", text(&dir));
    for out in [text(&existing), fresh.clone()] {
        check(
            &["convert", "--to", "brat", &seed, &nasty, "-o", &out],
            0,
            "",
            "wrote 2 document(s)",
        );
        assert!(
            Path::new(&out).join("Nasty “text” 🙂.ann").exists(),
            "{out}"
        );
        assert!(
            Path::new(&out).join("Nasty “text” 🙂.txt").exists(),
            "{out}"
        );
    }
    // Anything else is a usage error saying what is accepted.
    for out in ["out.brat", "out.json", "out"] {
        let out = text(&dir.join(out));
        check(&["convert", "--to", "brat", &seed, "-o", &out], 2, "", "with --to brat, -o takes a directory (existing, or ending in /), a .zip file, or NAME.ann");
        assert!(!Path::new(&out).exists(), "{out}");
    }
}

/// A native file in Ukrainian with three things worth a warning: no `offset_unit`, a
/// document id that is not its text's, and a colour that is not `#rrggbb`.
fn file_with_warnings(dir: &Path) -> PathBuf {
    let file = serde_json::json!({
        "format": "claimmark", "version": 1,
        "document": { "id": "sha256:0000", "title": "Заява", "text": "Міністр заявив: «Переговори тривають». 🙂" },
        "labels": [{ "id": "claim", "name": "Твердження", "color": "червоний" }],
        "sources": [{ "name": "Міністр", "aliases": [] }],
        "annotations": [{ "id": "a1", "start": 16, "end": 38, "label": "claim",
                          "attribution": { "source": "Міністр" } }],
    });
    let path = dir.join("заява.claimmark.json");
    std::fs::write(&path, file.to_string()).unwrap();
    path
}

#[test]
fn validate_prints_warnings_and_strict_makes_them_fail() {
    let dir = temp_dir("warnings");
    let path = text(&file_with_warnings(&dir));
    let warnings = [
        format!("warning: {path}: the file does not state its offset unit"),
        format!("warning: {path}: document.id does not match the text's SHA-256"),
        format!("warning: {path}: labels[0]: colour \"червоний\" is not #rrggbb"),
    ];
    for (args, code) in [
        (vec!["validate", path.as_str()], 0),
        (vec!["validate", "--strict", path.as_str()], 1),
    ] {
        let done = check(
            &args,
            code,
            "заява.claimmark.json: ok (1 document(s), 1 annotation(s))",
            "",
        );
        let lines: Vec<&str> = done.stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{args:?}: {lines:?}");
        for (line, expected) in lines.iter().zip(&warnings) {
            assert!(line.starts_with(expected.as_str()), "{line} ≠ {expected}");
        }
    }
    let clean = check(&["validate", "--strict", &fixture("nasty")], 0, "ok", "");
    assert_eq!(clean.stderr, "");
    // The other commands say the warnings too, and succeed.
    check(
        &["convert", "--to", "spacy", &path],
        0,
        "Переговори",
        "warning: ",
    );
}

/// Whether `script` offers `flag`, in its shell's way of writing it.
fn offers(script: &str, shell: &str, flag: &Flag) -> bool {
    let long = match shell {
        "fish" => format!("-l {}", flag.long),
        _ => format!("--{}", flag.long),
    };
    let short = flag.short.map(|s| match shell {
        "fish" => format!("-s {s}"),
        _ => format!("-{s}"),
    });
    script.contains(&long) && short.is_none_or(|s| script.contains(&s))
}

#[test]
fn completions_name_every_command_option_format_and_shell() {
    for shell in spec::SHELLS {
        let done = check(&["completions", shell], 0, "claimmark", "");
        let script = String::from_utf8(done.stdout).unwrap();
        for command in COMMANDS {
            assert!(script.contains(command.name), "{shell}: {}", command.name);
            for flag in command.all_flags() {
                assert!(
                    offers(&script, shell, flag),
                    "{shell}: {} --{}",
                    command.name,
                    flag.long
                );
            }
        }
        for flag in [&HELP, &VERSION] {
            assert!(offers(&script, shell, flag), "{shell}: --{}", flag.long);
        }
        for name in spec::format_ids().into_iter().chain(spec::SHELLS) {
            assert!(script.contains(name), "{shell}: {name}");
        }
    }
    if let Ok(status) = Command::new("bash")
        .args([
            "-n",
            concat!(env!("CARGO_MANIFEST_DIR"), "/completions/claimmark.bash"),
        ])
        .status()
    {
        assert!(status.success(), "bash -n completions/claimmark.bash");
    }
}
