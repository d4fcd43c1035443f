//! The command-line twin of the web app, built from the same model: `convert`, `validate`,
//! `stats` and `agree`. Native targets only (it reads and writes files).
//!
//! [`run`] takes the arguments and returns the exit code with what to print, so tests call it
//! directly. Exit codes: 0 success, 1 a file has problems, 2 the command line is wrong.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::model::chart::Chart;
use crate::model::formats::{self, brat, Format, InputFile};
use crate::model::review::{Annotator, Review};
use crate::model::stats::Statistics;
use crate::model::workspace::Workspace;

const USAGE: &str = "\
usage: claimmark convert --to FORMAT INPUT... [-o OUT]
       claimmark validate FILE...
       claimmark stats [--json | --csv | --svg] FILE...
       claimmark agree [--json] KEY SUBMISSION...

FORMAT is one of: native, w3c, spacy, doccano, label-studio, brat.
INPUT is any file claimmark imports (claimmark JSON or JSON Lines, W3C, spaCy/Prodigy
JSONL, doccano JSONL, Label Studio JSON, brat .txt + .ann files, a directory of them, or a
stored .zip). W3C files carry no text: give the documents they annotate first.
Without -o the result goes to standard output. With --to brat, OUT is a .zip file or a
directory (existing, or ending in /) that receives the .txt and .ann files.
agree scores each submission against the answer key (exact and relaxed F1, label and
attribution accuracy) and prints Cohen's kappa for each pair and Krippendorff's alpha
(docs/METRICS.md). All offsets are Unicode code points.";

/// What a command produced: exit code, standard output, standard error.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Finished {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

fn usage(message: &str) -> Finished {
    Finished {
        code: 2,
        stdout: Vec::new(),
        stderr: format!("claimmark: {message}\n{USAGE}\n"),
    }
}

fn failed(lines: Vec<String>) -> Finished {
    Finished {
        code: 1,
        stdout: Vec::new(),
        stderr: lines.into_iter().map(|l| l + "\n").collect(),
    }
}

/// Runs a command line (without the program name).
pub fn run(args: &[String]) -> Finished {
    let Some((command, rest)) = args.split_first() else {
        return usage("no command given");
    };
    match command.as_str() {
        "convert" => convert(rest),
        "validate" => validate(rest),
        "stats" => stats(rest),
        "agree" => agree(rest),
        "help" | "--help" | "-h" => Finished {
            code: 0,
            stdout: format!("{USAGE}\n").into_bytes(),
            stderr: String::new(),
        },
        other => usage(&format!("unknown command {other:?}")),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn read_input(path: &Path) -> Result<InputFile, String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: cannot read ({e})", path.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("input")
        .to_string();
    Ok(InputFile { name, bytes })
}

/// Reads every input into documents. brat files (and directories and zips) are read as one
/// group first; the other files follow in order, each seeing the documents read before it.
/// A document read twice (same text) keeps the later annotations.
fn load(paths: &[String]) -> Result<Vec<Workspace>, Vec<String>> {
    let mut brat_files = Vec::new();
    let mut others = Vec::new();
    let mut errors = Vec::new();
    for path in paths.iter().map(PathBuf::from) {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(&path)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            entries.sort();
            let group: Vec<PathBuf> = entries
                .into_iter()
                .filter(|p| matches!(extension(p).as_str(), "txt" | "ann"))
                .collect();
            if group.is_empty() {
                errors.push(format!(
                    "{}: no .txt or .ann files in this directory",
                    path.display()
                ));
            }
            brat_files.extend(group);
        } else if matches!(extension(&path).as_str(), "txt" | "ann" | "zip") {
            brat_files.push(path);
        } else {
            others.push(path);
        }
    }
    let mut documents: Vec<Workspace> = Vec::new();
    if !brat_files.is_empty() {
        match brat_files
            .iter()
            .map(|p| read_input(p))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(files) => {
                let name = brat_files
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" + ");
                if let Err(error) = import_into(&name, files, &mut documents) {
                    errors.push(error);
                }
            }
            Err(error) => errors.push(error),
        }
    }
    for path in others {
        let result = read_input(&path)
            .and_then(|file| import_into(&path.display().to_string(), vec![file], &mut documents));
        if let Err(error) = result {
            errors.push(error);
        }
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
}

/// Imports `files` as one group and adds their documents; a document already read (same
/// text) is replaced. The error names `name` on every line.
fn import_into(
    name: &str,
    files: Vec<InputFile>,
    documents: &mut Vec<Workspace>,
) -> Result<(), String> {
    let known: Vec<&Workspace> = documents.iter().collect();
    let report = formats::import(&files, &known).map_err(|error| {
        format!(
            "{name}: {}",
            error.to_string().replace('\n', &format!("\n{name}: "))
        )
    })?;
    for workspace in report.documents {
        match documents
            .iter()
            .position(|d| d.document.id() == workspace.document.id())
        {
            Some(i) => documents[i] = workspace,
            None => documents.push(workspace),
        }
    }
    Ok(())
}

fn convert(args: &[String]) -> Finished {
    let mut format = None;
    let mut out = None;
    let mut inputs = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--to" => format = args.next().cloned(),
            "-o" | "--output" => out = args.next().cloned(),
            flag if flag.starts_with('-') && flag != "-" => {
                return usage(&format!("unknown option {flag}"))
            }
            input => inputs.push(input.to_string()),
        }
    }
    let Some(format_id) = format else {
        return usage("convert needs --to FORMAT");
    };
    let Some(format) = Format::from_id(&format_id) else {
        return usage(&format!("unknown format {format_id:?}"));
    };
    if inputs.is_empty() {
        return usage("convert needs at least one INPUT");
    }
    let documents = match load(&inputs) {
        Ok(documents) if !documents.is_empty() => documents,
        Ok(_) => return failed(vec!["claimmark: the inputs hold no documents".into()]),
        Err(errors) => return failed(errors),
    };
    let refs: Vec<&Workspace> = documents.iter().collect();
    let Some(out) = out else {
        return Finished {
            code: 0,
            stdout: formats::export(format, &refs).bytes,
            stderr: String::new(),
        };
    };
    let target = PathBuf::from(&out);
    let written = if format == Format::Brat && (target.is_dir() || out.ends_with('/')) {
        fs::create_dir_all(&target).and_then(|_| {
            brat::export(&refs)
                .into_iter()
                .try_for_each(|(name, contents)| fs::write(target.join(name), contents))
        })
    } else {
        fs::write(&target, formats::export(format, &refs).bytes)
    };
    match written {
        Ok(()) => Finished {
            code: 0,
            stdout: Vec::new(),
            stderr: format!(
                "claimmark: wrote {} document(s) as {} to {out}\n",
                documents.len(),
                format.name()
            ),
        },
        Err(error) => failed(vec![format!("claimmark: cannot write {out} ({error})")]),
    }
}

fn validate(paths: &[String]) -> Finished {
    if paths.is_empty() {
        return usage("validate needs at least one FILE");
    }
    let mut problems = Vec::new();
    let mut report = String::new();
    let mut known: Vec<Workspace> = Vec::new();
    for path in paths {
        match load(std::slice::from_ref(path)).or_else(|e| {
            // A W3C file needs the documents given before it.
            let file = read_input(Path::new(path)).map_err(|m| vec![m])?;
            formats::import(&[file], &known.iter().collect::<Vec<_>>())
                .map(|r| r.documents)
                .map_err(|_| e)
        }) {
            Ok(documents) => {
                let count: usize = documents.iter().map(|d| d.annotations().len()).sum();
                report.push_str(&format!(
                    "{path}: ok ({} document(s), {count} annotation(s))\n",
                    documents.len()
                ));
                known.extend(documents);
            }
            Err(errors) => problems.extend(errors),
        }
    }
    if problems.is_empty() {
        Finished {
            code: 0,
            stdout: report.into_bytes(),
            stderr: String::new(),
        }
    } else {
        failed(problems)
    }
}

fn stats(args: &[String]) -> Finished {
    let flag = |name: &str| args.iter().any(|a| a == name);
    let paths: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .collect();
    if let Some(unknown) = args
        .iter()
        .find(|a| a.starts_with("--") && !["--json", "--csv", "--svg"].contains(&a.as_str()))
    {
        return usage(&format!("stats has no option {unknown}"));
    }
    if paths.is_empty() {
        return usage("stats needs at least one FILE");
    }
    let documents = match load(&paths) {
        Ok(documents) => documents,
        Err(errors) => return failed(errors),
    };
    let stats = Statistics::of(&documents.iter().collect::<Vec<_>>());
    let stdout = if flag("--json") {
        let labels: BTreeMap<&str, usize> = stats
            .labels
            .iter()
            .map(|l| (l.id.as_str(), l.count))
            .collect();
        let sources: BTreeMap<&str, BTreeMap<&str, usize>> = stats
            .sources
            .iter()
            .map(|row| {
                let counts = stats
                    .labels
                    .iter()
                    .zip(&row.counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|(l, n)| (l.id.as_str(), *n))
                    .collect();
                (row.name.as_deref().unwrap_or("(unattributed)"), counts)
            })
            .collect();
        let value = json!({
            "documents": stats.documents, "annotations": stats.annotations,
            "labels": labels, "sources": sources,
            "covered": stats.covered, "characters": stats.total, "share": stats.share(),
        });
        format!(
            "{}\n",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        )
    } else if flag("--csv") {
        stats.to_csv()
    } else if flag("--svg") {
        Chart::source_by_label(&stats, 12).to_svg()
    } else {
        let mut out = format!(
            "{} document(s), {} annotation(s), {} of the text annotated ({} of {} characters)\n\nlabel\tcount\n",
            stats.documents, stats.annotations, stats.percent(), stats.covered, stats.total
        );
        for label in &stats.labels {
            out.push_str(&format!("{}\t{}\n", label.id, label.count));
        }
        let columns: Vec<&str> = stats.labels.iter().map(|l| l.id.as_str()).collect();
        out.push_str(&format!("\nsource\t{}\ttotal\n", columns.join("\t")));
        for row in &stats.sources {
            let cells: Vec<String> = row.counts.iter().map(usize::to_string).collect();
            let name = row.name.as_deref().unwrap_or("(unattributed)");
            out.push_str(&format!("{name}\t{}\t{}\n", cells.join("\t"), row.total));
        }
        out
    };
    Finished {
        code: 0,
        stdout: stdout.into_bytes(),
        stderr: String::new(),
    }
}

/// The name of a submission: its annotator, else its file name.
fn annotator_name(workspace: &Workspace, path: &str) -> String {
    if workspace.annotator.is_empty() {
        Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path)
            .to_string()
    } else {
        workspace.annotator.clone()
    }
}

fn agree(args: &[String]) -> Finished {
    let as_json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if paths.len() < 2 {
        return usage("agree needs a KEY and at least one SUBMISSION");
    }
    let mut annotators = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        match load(std::slice::from_ref(*path)) {
            Ok(mut documents) if documents.len() == 1 => {
                let workspace = documents.remove(0);
                annotators.push(Annotator {
                    name: annotator_name(&workspace, path),
                    workspace,
                });
            }
            Ok(documents) => errors.push(format!(
                "{path}: holds {} documents; give one document per file",
                documents.len()
            )),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if !errors.is_empty() {
        return failed(errors);
    }
    let key = annotators.remove(0);
    let review = match Review::new(key, annotators) {
        Ok(review) => review,
        Err(problems) => {
            return failed(
                problems
                    .into_iter()
                    .map(|p| format!("{}: {}", p.at, p.message))
                    .collect(),
            )
        }
    };
    let scores = review.scores();
    let agreement = review.agreement();
    let stdout = if as_json {
        let prf = |p: &crate::model::metrics::Prf| json!({ "matched": p.matched, "precision": p.precision, "recall": p.recall, "f1": p.f1 });
        let submissions: Vec<_> = scores
            .iter()
            .map(|(name, s)| json!({
                "annotator": name, "exact": prf(&s.exact), "relaxed": prf(&s.relaxed),
                "label_accuracy": s.label_accuracy, "attribution_accuracy": s.attribution_accuracy, "annotations": s.annotations,
            }))
            .collect();
        let kappa: Vec<_> = agreement
            .kappa
            .iter()
            .map(|(i, j, k)| json!({ "a": agreement.names[*i], "b": agreement.names[*j], "kappa": k }))
            .collect();
        let value = json!({
            "key": review.key.name, "submissions": submissions,
            "agreement": { "annotators": agreement.names, "cohen_kappa": kappa, "krippendorff_alpha": agreement.alpha },
        });
        format!(
            "{}\n",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        )
    } else {
        let number = |v: f64| format!("{v:.3}");
        let optional = |v: Option<f64>| v.map_or("undefined".to_string(), number);
        let mut out = format!("key: {}\n\nannotator\texact P\texact R\texact F1\trelaxed P\trelaxed R\trelaxed F1\tlabel acc\tattribution acc\tannotations\n", review.key.name);
        for (name, s) in &scores {
            out.push_str(&format!(
                "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                number(s.exact.precision),
                number(s.exact.recall),
                number(s.exact.f1),
                number(s.relaxed.precision),
                number(s.relaxed.recall),
                number(s.relaxed.f1),
                optional(s.label_accuracy),
                optional(s.attribution_accuracy),
                s.annotations
            ));
        }
        out.push_str("\nCohen's kappa\n");
        for (i, j, k) in &agreement.kappa {
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                agreement.names[*i],
                agreement.names[*j],
                optional(*k)
            ));
        }
        out.push_str(&format!(
            "\nKrippendorff's alpha (nominal, {} annotators): {}\n",
            agreement.names.len(),
            optional(agreement.alpha)
        ));
        out
    };
    Finished {
        code: 0,
        stdout: stdout.into_bytes(),
        stderr: String::new(),
    }
}
