//! The texts `claimmark` prints about itself: the synopsis shown with usage errors, the
//! general help, each command's help (one line per flag) and the version. All of them are made
//! from the table in [`super::spec`].

use super::spec::{self, Command, Flag, COMMANDS, HELP, VERSION};

/// `claimmark <version>`, from Cargo.toml.
pub fn version() -> String {
    format!("claimmark {}\n", env!("CARGO_PKG_VERSION"))
}

/// One usage line per command, for the help and for usage errors.
pub fn synopsis() -> String {
    let mut out = String::new();
    for (i, command) in COMMANDS.iter().enumerate() {
        let lead = if i == 0 { "usage:" } else { "      " };
        out.push_str(&format!(
            "{lead} claimmark {} {}\n",
            command.name, command.synopsis
        ));
    }
    out.push_str("       claimmark --help | --version\n");
    out
}

/// Flags as an aligned list, one line each.
fn flag_lines(flags: &[&Flag]) -> String {
    let width = flags.iter().map(|f| f.usage().len()).max().unwrap_or(0);
    flags
        .iter()
        .map(|f| format!("  {:width$}  {}\n", f.usage(), f.help))
        .collect()
}

/// `claimmark --help`: what it is, the commands, the flags, the exit codes.
pub fn general() -> String {
    let width = COMMANDS.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let commands: String = COMMANDS
        .iter()
        .map(|c| format!("  {:width$}  {}\n", c.name, c.about))
        .collect();
    format!(
        "claimmark {}: convert, validate, summarise, pre-annotate and merge annotation files with the web app's code\n\n\
         {}\ncommands:\n{commands}\noptions:\n{}\n\
         Run 'claimmark COMMAND --help' for a command's options.\n\
         Exit codes: 0 success, 1 a file has problems, 2 the command line is wrong.\n\
         All offsets are Unicode code points.\n",
        env!("CARGO_PKG_VERSION"),
        synopsis(),
        flag_lines(&[&HELP, &VERSION]),
    )
}

/// `claimmark COMMAND --help`: the synopsis, one line per flag, then the details.
pub fn of(command: &Command) -> String {
    let flags: Vec<&Flag> = command.all_flags().collect();
    let mut out = format!(
        "claimmark {}: {}\n\nusage: claimmark {} {}\n\noptions:\n{}",
        command.name,
        command.about,
        command.name,
        command.synopsis,
        flag_lines(&flags)
    );
    for paragraph in [spec::inputs_note(command), Some(command.details)]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
    {
        out.push_str(&format!("\n{paragraph}\n"));
    }
    out
}

/// What follows a usage error's message: the synopsis and where to read more.
pub fn after_error(command: Option<&str>) -> String {
    let more = match command {
        Some(name) => format!("claimmark {name} --help"),
        None => "claimmark --help".to_string(),
    };
    format!("{}Run '{more}' for more.\n", synopsis())
}
