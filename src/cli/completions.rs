//! `claimmark completions SHELL`: prints the static completion script for bash, zsh or fish
//! kept in `completions/` (lexopt makes none). `tests/cli_args.rs` checks that each script
//! names every command, option and format of [`super::spec`].

use super::args::{Matches, Usage};
use super::spec::{COMPLETIONS, SHELLS};
use super::Finished;

/// The script for `shell` (one of [`SHELLS`]).
pub fn script(shell: &str) -> Option<&'static str> {
    match shell {
        "bash" => Some(include_str!("../../completions/claimmark.bash")),
        "zsh" => Some(include_str!("../../completions/_claimmark")),
        "fish" => Some(include_str!("../../completions/claimmark.fish")),
        _ => None,
    }
}

pub fn run(matches: &Matches) -> Result<Finished, Usage> {
    let usage = |message: String| Usage::new(Some(COMPLETIONS.name), message);
    let shells = SHELLS.join(", ");
    match matches.free.as_slice() {
        [shell] => script(shell).map(Finished::ok).ok_or_else(|| {
            usage(format!(
                "no completions for {shell:?}; SHELL is one of: {shells}"
            ))
        }),
        [] => Err(usage(format!("completions needs a SHELL: {shells}"))),
        [_, extra, ..] => Err(usage(format!(
            "completions takes one SHELL, found {extra:?} too"
        ))),
    }
}
