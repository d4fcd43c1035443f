//! The command-line twin of the web app, built from the same model: `convert`, `validate`,
//! `stats`, `agree`, `suggest`, `merge` and `completions`. Native targets only (it reads and
//! writes files).
//!
//! [`run`] takes the arguments and returns the exit code with what to print, so tests call it
//! directly; [`run_with_stdin`] also gives what `-` reads, and [`run_os`] takes the process's
//! own arguments, which need not be UTF-8. Exit codes: 0 success, 1 a file has problems, 2 the
//! command line is wrong.
//!
//! The flags of every command are listed once in [`spec`]; [`args`] reads a command line with
//! lexopt, `help` makes the help texts, `input` and `output` read and write files, and each
//! command has its own file.

mod agree;
mod args;
mod completions;
mod convert;
mod help;
mod input;
mod merge;
mod output;
pub mod spec;
mod stats;
mod suggest;
mod validate;

use std::ffi::OsString;

use args::{Top, Usage};
pub use input::Stdin;

/// What a command produced: exit code, standard output, standard error.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Finished {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Finished {
    /// Success with this on standard output.
    fn ok(stdout: impl Into<Vec<u8>>) -> Finished {
        Finished {
            code: 0,
            stdout: stdout.into(),
            stderr: String::new(),
        }
    }

    /// Exit 1 with these lines on standard error.
    fn failed(lines: Vec<String>) -> Finished {
        Finished {
            code: 1,
            stdout: Vec::new(),
            stderr: lines.into_iter().map(|l| l + "\n").collect(),
        }
    }

    /// Exit 2: the message, the synopsis and where to read more.
    fn usage(error: Usage) -> Finished {
        Finished {
            code: 2,
            stdout: Vec::new(),
            stderr: format!(
                "claimmark: {}\n{}",
                error.message,
                help::after_error(error.command)
            ),
        }
    }

    /// Adds the problems of documents left out (`--skip-invalid`) to standard error; any makes
    /// the exit code 1.
    fn refuse(mut self, problems: &[String]) -> Finished {
        if !problems.is_empty() {
            self.code = 1;
            for line in problems {
                self.stderr.push_str(&format!("{line}\n"));
            }
            self.stderr.push_str(
                "claimmark: the documents with the problems above were left out; the others were read\n",
            );
        }
        self
    }

    /// Adds `warning: …` lines to standard error.
    fn warn(mut self, warnings: &[String]) -> Finished {
        let lines: String = warnings.iter().map(|w| format!("warning: {w}\n")).collect();
        self.stderr.insert_str(0, &lines);
        self
    }
}

/// Runs a command line (without the program name); `-` reads nothing.
pub fn run(args: &[String]) -> Finished {
    run_with_stdin(args, &[])
}

/// Runs a command line (without the program name); `-` reads `stdin`.
pub fn run_with_stdin(args: &[String], stdin: &[u8]) -> Finished {
    run_os(
        args.iter().map(OsString::from),
        Stdin::Bytes(stdin.to_vec()),
    )
}

/// Runs a command line as the process received it (without the program name). An argument
/// that is not UTF-8 is a usage error.
pub fn run_os(args: impl IntoIterator<Item = OsString>, mut stdin: Stdin) -> Finished {
    let result = utf8(args)
        .and_then(args::top)
        .and_then(|top| dispatch(top, &mut stdin));
    result.unwrap_or_else(Finished::usage)
}

/// The arguments as text, or a usage error naming the first that is not UTF-8.
fn utf8(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, Usage> {
    args.into_iter()
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string().map_err(|arg| {
                let message = format!(
                    "argument {} ({:?}) is not valid UTF-8; claimmark takes UTF-8 file names \
                     and values",
                    i + 1,
                    arg
                );
                Usage::new(None, message)
            })
        })
        .collect()
}

fn dispatch(top: Top, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let (command, parser) = match top {
        Top::Version => return Ok(Finished::ok(help::version())),
        Top::Help(topic) => return help_on(topic.as_deref()),
        Top::Command(command, parser) => (command, parser),
    };
    let matches = args::parse(command, parser)?;
    if matches.help {
        return Ok(Finished::ok(help::of(command)));
    }
    match command.name {
        "convert" => convert::run(&matches, stdin),
        "validate" => validate::run(&matches, stdin),
        "stats" => stats::run(&matches, stdin),
        "agree" => agree::run(&matches, stdin),
        "suggest" => suggest::run(&matches, stdin),
        "merge" => merge::run(&matches, stdin),
        "completions" => completions::run(&matches),
        _ => match matches.free.as_slice() {
            [] => help_on(None),
            [topic] => help_on(Some(topic)),
            [_, extra, ..] => Err(Usage::new(
                Some("help"),
                format!("help takes one COMMAND, found {extra:?} too"),
            )),
        },
    }
}

/// The general help, or one command's.
fn help_on(topic: Option<&str>) -> Result<Finished, Usage> {
    match topic {
        None => Ok(Finished::ok(help::general())),
        Some(name) => match spec::command(name) {
            Some(command) => Ok(Finished::ok(help::of(command))),
            None => Err(Usage::new(None, format!("unknown command {name:?}"))),
        },
    }
}
