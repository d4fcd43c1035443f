//! What the command line accepts, written once: every command with its synopsis, its flags and
//! its help. The parser ([`super::args`]) finds flags only here, so a flag that is not listed
//! is an unknown flag; the help texts ([`super::help`]) are made from this table; and
//! `tests/cli_args.rs` checks that the shell completions (`completions/`) name all of it.

use crate::model::formats::Format;

/// One flag: `--long`, maybe `-s`, and the name of its value when it takes one.
#[derive(Debug)]
pub struct Flag {
    /// The long name without dashes (`output` for `--output`).
    pub long: &'static str,
    pub short: Option<char>,
    /// The value's name in help texts (`FORMAT`), or `None` for a switch.
    pub value: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

impl Flag {
    /// How the flag is named in messages: `-o/--output` or `--to`.
    pub fn names(&self) -> String {
        match self.short {
            Some(short) => format!("-{short}/--{}", self.long),
            None => format!("--{}", self.long),
        }
    }

    /// How the flag is shown in help: `-o, --output OUT`.
    pub fn usage(&self) -> String {
        let short = self.short.map_or("    ".to_string(), |s| format!("-{s}, "));
        let value = self.value.map_or(String::new(), |v| format!(" {v}"));
        format!("{short}--{}{value}", self.long)
    }
}

/// One command: its name, what follows it, a line saying what it does, its flags and the
/// paragraphs that end its help.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    /// The arguments after the name, as in the synopsis (`--to FORMAT [-o OUT] INPUT...`).
    pub synopsis: &'static str,
    pub about: &'static str,
    pub flags: &'static [Flag],
    pub details: &'static str,
}

impl Command {
    /// Its flags, `-h/--help` last.
    pub fn all_flags(&self) -> impl Iterator<Item = &'static Flag> {
        self.flags.iter().chain(std::iter::once(&HELP))
    }

    pub fn flag_by_long(&self, long: &str) -> Option<&'static Flag> {
        self.all_flags().find(|f| f.long == long)
    }

    pub fn flag_by_short(&self, short: char) -> Option<&'static Flag> {
        self.all_flags().find(|f| f.short == Some(short))
    }
}

/// `-h/--help`, which every command takes.
pub static HELP: Flag = Flag {
    long: "help",
    short: Some('h'),
    value: None,
    help: "print this help and exit",
};

/// `-V/--version`, which only `claimmark` itself takes (as does `--help`).
pub static VERSION: Flag = Flag {
    long: "version",
    short: Some('V'),
    value: None,
    help: "print the version and exit",
};

/// The shells `claimmark completions` writes a script for.
pub const SHELLS: [&str; 3] = ["bash", "zsh", "fish"];

/// The names `--to` takes, in the model's order.
pub fn format_ids() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.id()).collect()
}

const INPUTS: &str = "\
An input is any file claimmark imports: claimmark JSON or JSON Lines, W3C, spaCy/Prodigy JSONL,
doccano JSONL (with its label file for numbered labels), Label Studio JSON or JSON-MIN, brat .txt
+ .ann files, a directory of them, or a .zip; - reads standard input. W3C files carry no text:
give the documents they annotate first. Every record stays a document of its own, even when texts
are equal. Offsets counted in UTF-16 units (doccano, JavaScript tools) or with CR LF as one
character (brat) are recognised and converted, with a warning; --offsets says which when a file
cannot tell. Whatever a file holds that claimmark does not carry is counted in a warning.";

/// `--offsets UNIT`: how to read foreign offsets.
const OFFSETS: Flag = Flag {
    long: "offsets",
    short: None,
    value: Some("UNIT"),
    help: "how the inputs count offsets: auto (the default: weighed per file), codepoint, utf16 or grapheme",
};

/// `--skip-invalid`: read the good documents of a file whose other documents have problems.
const SKIP_INVALID: Flag = Flag {
    long: "skip-invalid",
    short: None,
    value: None,
    help:
        "leave out documents with problems and go on with the others (still exit 1, listing them)",
};

/// The names `--offsets` takes.
pub const OFFSET_UNITS: [&str; 4] = ["auto", "codepoint", "utf16", "grapheme"];

pub static CONVERT: Command = Command {
    name: "convert",
    synopsis: "--to FORMAT [-o OUT] [--to-offsets UNIT] [--offsets UNIT] [--skip-invalid] INPUT...",
    about: "write the inputs' documents in another format",
    flags: &[
        Flag {
            long: "to",
            short: None,
            value: Some("FORMAT"),
            help: "the format to write: native, w3c, spacy, doccano, label-studio or brat",
        },
        Flag {
            long: "output",
            short: Some('o'),
            value: Some("OUT"),
            help: "write to OUT instead of standard output (- is standard output)",
        },
        Flag {
            long: "to-offsets",
            short: None,
            value: Some("UNIT"),
            help: "with --to doccano: codepoint (the default) or utf16, as doccano 1.6+ counts",
        },
        OFFSETS,
        SKIP_INVALID,
    ],
    details: "\
With --to brat, OUT is a directory (existing, or ending in /) that receives a .txt and an .ann
file per document, a .zip file holding them, or NAME.ann for a single document (NAME.txt is
written beside it).",
};

pub static VALIDATE: Command = Command {
    name: "validate",
    synopsis: "[--strict] [--offsets UNIT] FILE...",
    about: "check files and report every problem and warning",
    flags: &[
        Flag {
            long: "strict",
            short: None,
            value: None,
            help: "fail (exit 1) on warnings too",
        },
        OFFSETS,
    ],
    details: "\
Each FILE that imports is reported as ok on standard output; every problem and every warning (a
document id that does not match its text, a missing offset_unit, a colour that is not #rrggbb,
what a file holds that claimmark does not carry…) is a line on standard error. A brat .txt and
its .ann given together are checked as one pair; a directory is checked as the files in it.
Warnings alone exit 0 unless --strict is given.",
};

pub static STATS: Command = Command {
    name: "stats",
    synopsis: "[--json | --csv | --svg] [--offsets UNIT] [--skip-invalid] FILE...",
    about: "count annotations per label and per source, and the text they cover",
    flags: &[
        Flag {
            long: "json",
            short: None,
            value: None,
            help: "print the counts as JSON",
        },
        Flag {
            long: "csv",
            short: None,
            value: None,
            help: "print the source × label table as CSV",
        },
        Flag {
            long: "svg",
            short: None,
            value: None,
            help: "print the source × label chart as SVG",
        },
        OFFSETS,
        SKIP_INVALID,
    ],
    details: "Without a flag the counts are printed as tab-separated tables.",
};

pub static AGREE: Command = Command {
    name: "agree",
    synopsis: "[--json] [--offsets UNIT] KEY SUBMISSION...",
    about: "score submissions against an answer key; Cohen's kappa and Krippendorff's alpha",
    flags: &[
        Flag {
            long: "json",
            short: None,
            value: None,
            help: "print the scores and agreement as JSON",
        },
        OFFSETS,
    ],
    details: "\
Each file holds one document. Every submission is scored against the KEY (exact and relaxed F1,
label and attribution accuracy); Cohen's kappa is given for each pair of annotators and
Krippendorff's alpha for all of them (docs/METRICS.md).",
};

pub static SUGGEST: Command = Command {
    name: "suggest",
    synopsis: "[-o OUT] [--to FORMAT] INPUT...",
    about: "pre-annotate documents with suggested attributions",
    flags: &[
        Flag {
            long: "to",
            short: None,
            value: Some("FORMAT"),
            help: "the format to write: native (the default), w3c, spacy, doccano, label-studio or brat",
        },
        Flag {
            long: "output",
            short: Some('o'),
            value: Some("OUT"),
            help: "write to OUT instead of standard output (- is standard output)",
        },
    ],
    details: "\
An INPUT is a .txt file (one plain text, kept byte for byte, titled by its file name), claimmark
JSON or JSON Lines, or any other file convert reads; - reads standard input (claimmark JSON when
it starts with {, else a plain text). Annotations already there are kept and never suggested
again, and what a file's documents learned from earlier answers (its suggester) is used.

The suggested annotations are claims, allegations and proposals with their source, mention and
cue, made by the web app's suggestion engine; in claimmark JSON each carries \"suggested\": true
and its \"confidence\" (0 to 1), which other formats leave out. Their time stamps are empty.
Suggestions are made for English documents only; others are written unchanged, with a warning.
One document is written as one claimmark JSON document, several as JSON Lines.",
};

pub static MERGE: Command = Command {
    name: "merge",
    synopsis: "[--min-agree K] [--strict] [--conflicts OUT] [--offsets UNIT] -o GOLD FILE...",
    about: "merge several annotators' files into a gold set with provenance",
    flags: &[
        Flag {
            long: "output",
            short: Some('o'),
            value: Some("GOLD"),
            help: "write the gold set to GOLD (- is standard output); required",
        },
        Flag {
            long: "min-agree",
            short: None,
            value: Some("K"),
            help: "how many annotators must make an annotation exactly (default: more than half)",
        },
        Flag {
            long: "conflicts",
            short: None,
            value: Some("OUT"),
            help: "write the variants of every conflict group to OUT (claimmark JSON)",
        },
        Flag {
            long: "strict",
            short: None,
            value: None,
            help: "fail (exit 1) when conflict groups remain",
        },
        OFFSETS,
    ],
    details: "\
Each FILE is one annotator's work, named by its annotator field (else by the file name); a file
may hold several documents, matched across files by their text, and every FILE must hold the
same documents. An annotation that at least K annotators made exactly (same span, label and
source, names resolved through every file's sources and aliases) goes into the gold set,
unanimous when all did (single with one FILE); a tie between variants of a span is a conflict.
Mentions and cues: the most given, a linked one beating none (ties: the first FILE's); notes:
each distinct one once, after the names of who wrote it. Everything else forms conflict groups
of overlapping annotations, the lowest agreement first, for adjudication in the app.

GOLD is claimmark JSON (JSON Lines for several documents), or the format whose export name it
ends with: .w3c.jsonld, .spacy.jsonl, .doccano.jsonl, .label-studio.json or .brat.zip. Every
annotation carries its provenance (status, annotators, agreement k/n, note). With --conflicts,
OUT gets the open groups' variants as claimmark JSON, with status conflict and the group's
number. One line on standard error sums up all documents; the exit code is 0 unless --strict
is given and conflict groups remain (1).",
};

pub static COMPLETIONS: Command = Command {
    name: "completions",
    synopsis: "SHELL",
    about: "print a completion script for bash, zsh or fish",
    flags: &[],
    details: "\
bash:  claimmark completions bash > ~/.local/share/bash-completion/completions/claimmark
zsh:   claimmark completions zsh > ~/.zfunc/_claimmark   (with ~/.zfunc in $fpath)
fish:  claimmark completions fish > ~/.config/fish/completions/claimmark.fish",
};

pub static HELP_COMMAND: Command = Command {
    name: "help",
    synopsis: "[COMMAND]",
    about: "print the help of claimmark or of one command",
    flags: &[],
    details: "",
};

/// Every command, in the order of the help.
pub static COMMANDS: [&Command; 8] = [
    &CONVERT,
    &VALIDATE,
    &STATS,
    &AGREE,
    &SUGGEST,
    &MERGE,
    &COMPLETIONS,
    &HELP_COMMAND,
];

/// The command called `name`.
pub fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().copied().find(|c| c.name == name)
}

/// The paragraph on inputs, for the commands that read files.
pub fn inputs_note(command: &Command) -> Option<&'static str> {
    let reads = ["convert", "validate", "stats", "agree", "merge"];
    reads.contains(&command.name).then_some(INPUTS)
}
