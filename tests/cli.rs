//! The command line: convert, validate and stats, with their exit codes and messages.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::cli::run;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/data/fixtures/{name}.claimmark.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimmark-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn convert_writes_every_format_and_reads_it_back() {
    let dir = temp_dir("convert");
    let (seed, nasty) = (fixture("seed"), fixture("nasty"));
    for format in ["native", "w3c", "spacy", "doccano", "label-studio", "brat"] {
        // brat writes a zip only to a .zip name (out.brat is refused: tests/cli_args.rs).
        let out = dir.join(match format {
            "brat" => "out.brat.zip".to_string(),
            _ => format!("out.{format}"),
        });
        let done = run(&args(&[
            "convert",
            "--to",
            format,
            &seed,
            &nasty,
            "-o",
            out.to_str().unwrap(),
        ]));
        assert_eq!(done.code, 0, "{format}: {}", done.stderr);
        assert!(
            done.stderr.contains("wrote 2 document(s)"),
            "{}",
            done.stderr
        );
        // Back to native: W3C needs the documents first.
        let mut back = vec!["convert", "--to", "native"];
        if format == "w3c" {
            back.extend([seed.as_str(), nasty.as_str()]);
        }
        let renamed = dir.join(match format {
            "brat" => "out.zip".to_string(),
            "native" | "spacy" | "doccano" => format!("out-{format}.jsonl"),
            _ => format!("out-{format}.json"),
        });
        std::fs::copy(&out, &renamed).unwrap();
        back.push(renamed.to_str().unwrap());
        let again = run(&args(&back));
        assert_eq!(again.code, 0, "{format} back: {}", again.stderr);
        let lines = String::from_utf8(again.stdout).unwrap();
        assert_eq!(
            lines.lines().count(),
            2,
            "{format}: two documents as JSON Lines"
        );
    }
    let brat_dir = dir.join("brat/");
    let done = run(&args(&[
        "convert",
        "--to",
        "brat",
        &fixture("nasty"),
        "-o",
        brat_dir.to_str().unwrap(),
    ]));
    assert_eq!(done.code, 0, "{}", done.stderr);
    assert!(brat_dir.join("Nasty “text” 🙂.ann").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_prints_one_line_per_problem_and_exits_1() {
    let dir = temp_dir("validate");
    let bad = dir.join("bad.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("nasty")).unwrap()).unwrap();
    file["annotations"][0]["end"] = serde_json::json!(9999);
    file["annotations"][1]["label"] = serde_json::json!("rumour");
    std::fs::write(&bad, file.to_string()).unwrap();
    let done = run(&args(&[
        "validate",
        &fixture("seed"),
        bad.to_str().unwrap(),
    ]));
    assert_eq!(done.code, 1);
    let lines: Vec<&str> = done.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[1].contains(
            "bad.json: • annotations[0] (id \"a1\"): end 9999 is past the end of the text"
        ),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("label \"rumour\" is not one of the file's labels"),
        "{lines:?}"
    );
    let ok = run(&args(&["validate", &fixture("seed")]));
    assert_eq!(
        (
            ok.code,
            String::from_utf8(ok.stdout)
                .unwrap()
                .contains("ok (1 document(s), 7 annotation(s))")
        ),
        (0, true)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stats_count_labels_and_sources() {
    let done = run(&args(&["stats", "--json", &fixture("seed")]));
    assert_eq!(done.code, 0, "{}", done.stderr);
    let stats: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(stats["annotations"], 7);
    assert_eq!(stats["labels"]["claim"], 3);
    assert_eq!(stats["sources"]["Maria Zakharova"]["claim"], 2);
    assert_eq!(stats["sources"]["(unattributed)"]["claim"], 1);
    assert_eq!(stats["characters"], 2446);
    let table = String::from_utf8(run(&args(&["stats", &fixture("seed")])).stdout).unwrap();
    assert!(table.contains("source\tclaim\tallegation\tproposal\ttotal\nMaria Zakharova\t2\t0\t0\t2\nKabul\t0\t1\t0\t1\n"), "{table}");
    let csv = String::from_utf8(run(&args(&["stats", "--csv", &fixture("seed")])).stdout).unwrap();
    assert!(
        csv.starts_with("source,Claim,Allegation,Proposal,total\r\n"),
        "{csv}"
    );
    let svg = String::from_utf8(run(&args(&["stats", "--svg", &fixture("seed")])).stdout).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("Maria Zakharova"),
        "{svg}"
    );
    let bad = run(&args(&["stats", "--pdf", &fixture("seed")]));
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("stats has no option --pdf"),
        "{}",
        bad.stderr
    );
}

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for bad in [
        vec![],
        vec!["frobnicate"],
        vec!["convert", "x.json"],
        vec!["convert", "--to", "xml", "x.json"],
        vec!["validate"],
    ] {
        let done = run(&args(&bad));
        assert_eq!(done.code, 2, "{bad:?}");
        assert!(done.stderr.contains("usage: claimmark convert"), "{bad:?}");
    }
    let missing = run(&args(&["validate", "/nonexistent/file.json"]));
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("cannot read"), "{}", missing.stderr);
}
