//! The command line's parsing conventions, after ripgrep, fd and jq: help for every command
//! with one line per option, the version, `--flag=value` and `--flag value`, `--`, `-` for
//! standard input and output, usage errors that name the flag, and arguments that are not
//! UTF-8. Table-driven where the cases share a shape: `check(args, code, in stdout, in stderr)`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

use claimmark::cli::spec::{self, Flag, COMMANDS, HELP, VERSION};
use claimmark::cli::{run_os, Stdin};
use cli::{check, check_with_stdin, fixture, temp_dir, text};

/// The line of `help` that shows `flag`, if there is exactly one.
fn flag_line<'a>(help: &'a str, flag: &Flag) -> Option<&'a str> {
    let lines: Vec<&str> = help
        .lines()
        .filter(|l| l.trim_start().starts_with(flag.usage().trim_start()))
        .collect();
    (lines.len() == 1).then(|| lines[0])
}

#[test]
fn every_command_has_help_with_one_line_per_option() {
    for command in COMMANDS {
        let usage = format!("usage: claimmark {} {}", command.name, command.synopsis);
        for args in [
            vec![command.name, "--help"],
            vec![command.name, "-h"],
            vec!["help", command.name],
            vec!["--help", command.name],
            // --help wins over what follows it.
            vec![command.name, "--help", "--no-such-option"],
        ] {
            let done = check(&args, 0, &usage, "");
            assert_eq!(done.stderr, "", "{args:?}");
            let help = String::from_utf8(done.stdout).unwrap();
            for flag in command.all_flags() {
                let line = flag_line(&help, flag)
                    .unwrap_or_else(|| panic!("{args:?}: no one line for {}:\n{help}", flag.long));
                assert!(line.contains(flag.help), "{args:?}: {line}");
            }
        }
    }
    let convert = check(&["convert", "--help"], 0, "", "").stdout;
    let convert = String::from_utf8(convert).unwrap();
    for format in spec::format_ids() {
        assert!(convert.contains(format), "convert --help lacks {format}");
    }
}

#[test]
fn claimmark_help_lists_every_command_and_the_version_is_cargos() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let help =
            String::from_utf8(check(args, 0, "usage: claimmark convert", "").stdout).unwrap();
        for command in COMMANDS {
            assert!(
                help.contains(&format!("\n  {} ", command.name)),
                "{args:?} lacks {}",
                command.name
            );
        }
        for flag in [&HELP, &VERSION] {
            assert!(
                flag_line(&help, flag).is_some(),
                "{args:?} lacks {}",
                flag.long
            );
        }
    }
    let version = format!("claimmark {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["-V"]] {
        let done = check(args, 0, "", "");
        assert_eq!(String::from_utf8(done.stdout).unwrap(), version);
    }
}

#[test]
fn usage_errors_exit_2_and_name_what_is_wrong() {
    let seed = fixture("seed");
    let seed = seed.as_str();
    let cases: &[(&[&str], &str)] = &[
        (&[], "no command given"),
        (&["frobnicate"], "unknown command \"frobnicate\""),
        (&["--bogus"], "unknown option --bogus"),
        (&["--version", "extra"], "--version takes nothing more"),
        (&["help", "nope"], "unknown command \"nope\""),
        (&["help", "convert", "stats"], "help takes one COMMAND"),
        (&["convert", "--frobnicate", seed], "convert has no option --frobnicate"),
        (&["convert", "-x", seed], "convert has no option -x"),
        (&["validate", "--json", seed], "validate has no option --json"),
        (&["agree", "--strict", seed, seed], "agree has no option --strict"),
        (&["stats", "--pdf", seed], "stats has no option --pdf"),
        (&["convert", "--to", "spacy", "--to", "native", seed], "--to is given more than once"),
        (&["convert", "--to=spacy", "-o", "a", "--output=b", seed], "-o/--output is given more than once"),
        (&["convert", "--to", "spacy", seed, "-o"], "-o/--output needs a value (OUT)"),
        (&["convert", seed, "--to"], "--to needs a value (FORMAT)"),
        (&["convert", "--to=xml", seed], "unknown format \"xml\"; FORMAT is one of: native, w3c, spacy, doccano, label-studio, brat"),
        (&["convert", seed], "convert needs --to FORMAT"),
        (&["convert", "--to", "native"], "convert needs at least one INPUT"),
        (&["convert", "--to", "native", "-", "-"], "- (standard input) is given more than once"),
        (&["validate"], "validate needs at least one FILE"),
        (&["validate", "--strict=yes", seed], "--strict takes no value, found \"yes\""),
        (&["stats", "--json", "--svg", seed], "give one of --json, --csv and --svg"),
        (&["agree", seed], "agree needs a KEY and at least one SUBMISSION"),
        (&["completions"], "completions needs a SHELL: bash, zsh, fish"),
        (&["completions", "tcsh"], "no completions for \"tcsh\""),
        (&["completions", "bash", "zsh"], "completions takes one SHELL"),
    ];
    for (args, message) in cases {
        let done = check(args, 2, "", &format!("claimmark: {message}"));
        assert!(done.stdout.is_empty(), "{args:?}");
        assert!(done.stderr.contains("usage: claimmark convert"), "{args:?}");
        assert!(done.stderr.contains("--help' for more"), "{args:?}");
    }
}

#[test]
fn values_follow_with_equals_or_apart_and_dash_dash_ends_options() {
    let seed = fixture("seed");
    let dir = temp_dir("values");
    check(&["convert", "--to=spacy", &seed], 0, "\"spans\"", "");
    check(&["convert", "--to", "doccano", &seed], 0, "\"label\"", "");
    for (i, form) in ["-o{}", "-o={}", "--output={}"].iter().enumerate() {
        let out = dir.join(format!("out-{i}.jsonl"));
        let flag = form.replace("{}", &text(&out));
        check(
            &["convert", "--to=native", &flag, &seed],
            0,
            "",
            "wrote 1 document(s)",
        );
        assert!(
            std::fs::read_to_string(&out)
                .unwrap()
                .contains("\"claimmark\""),
            "{form}"
        );
    }
    // After --, an argument that looks like an option is a file name.
    check(&["validate", "--", "--help"], 1, "", "--help: cannot read");
    check(
        &["convert", "--to", "native", "--", "-o", &seed],
        1,
        "",
        "-o: cannot read",
    );
    check(
        &["validate", "--", &seed],
        0,
        "ok (1 document(s), 7 annotation(s))",
        "",
    );
}

#[test]
fn dash_reads_standard_input_and_dash_o_dash_writes_standard_output() {
    let nasty = std::fs::read(fixture("nasty")).unwrap();
    check_with_stdin(
        &["convert", "--to", "spacy", "-"],
        &nasty,
        0,
        "Kabul’s officials",
        "",
    );
    check_with_stdin(
        &["validate", "-"],
        &nasty,
        0,
        "<stdin>: ok (1 document(s), 4 annotation(s))",
        "",
    );
    // A zip on standard input is read as one.
    let zip = check(
        &["convert", "--to", "brat", &fixture("nasty"), "-o", "-"],
        0,
        "",
        "",
    )
    .stdout;
    assert!(zip.starts_with(b"PK\x03\x04"));
    check_with_stdin(&["stats", "--json", "-"], &zip, 0, "\"annotations\": 4", "");
    // Standard input mixed with files, and KEY from standard input.
    check_with_stdin(
        &["stats", &fixture("seed"), "-"],
        &nasty,
        0,
        "2 document(s), 11 annotation(s)",
        "",
    );
    check_with_stdin(
        &["agree", "-", &fixture("nasty")],
        &nasty,
        0,
        "key: <stdin>",
        "",
    );
    let done = check(
        &["convert", "--to", "native", &fixture("seed"), "-o", "-"],
        0,
        "\"format\": \"claimmark\"",
        "",
    );
    assert_eq!(done.stderr, "", "no 'wrote' line for standard output");
    // `run` gives `-` nothing to read.
    check(&["validate", "-"], 1, "", "<stdin>: ");
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_usage_errors() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let cases: Vec<(Vec<OsString>, &str)> = vec![
        (
            vec![
                "validate".into(),
                OsString::from_vec(b"caf\xe9.json".to_vec()),
            ],
            "argument 2 (\"caf\\xE9.json\") is not valid UTF-8",
        ),
        (
            vec![
                "convert".into(),
                OsString::from_vec(b"--to=\xff".to_vec()),
                "x".into(),
            ],
            "argument 2",
        ),
        (vec![OsString::from_vec(b"\xc3\x28".to_vec())], "argument 1"),
    ];
    for (args, message) in cases {
        let done = run_os(args.clone(), Stdin::Bytes(Vec::new()));
        assert_eq!(done.code, 2, "{args:?}: {}", done.stderr);
        assert!(done.stderr.contains(message), "{args:?}: {}", done.stderr);
        assert!(
            done.stderr.contains("claimmark takes UTF-8 file names"),
            "{}",
            done.stderr
        );
    }
}
