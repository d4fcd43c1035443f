//! Reading a command line with [`lexopt`], the way ripgrep does: `--flag value`,
//! `--flag=value`, `-o value`, `-ovalue`, `--` to end the flags, and `-` as an ordinary
//! argument (standard input or output). Flags are looked up in the command's table
//! ([`super::spec`]); an unknown flag, a repeated flag that takes a value, or a flag missing
//! its value is a [`Usage`] error naming the flag.

use lexopt::{Arg, Parser};

use super::spec::{self, Command, Flag};

/// A usage error: what is wrong with the command line, and in which command.
#[derive(Debug, PartialEq, Eq)]
pub struct Usage {
    pub command: Option<&'static str>,
    pub message: String,
}

impl Usage {
    pub fn new(command: Option<&'static str>, message: impl Into<String>) -> Usage {
        Usage {
            command,
            message: message.into(),
        }
    }
}

/// What `claimmark` itself was asked for, before any command's flags are read.
pub enum Top {
    Help(Option<String>),
    Version,
    Command(&'static Command, Parser),
}

/// A command's flags and arguments, as given.
#[derive(Debug, Default)]
pub struct Matches {
    /// `-h/--help` was given: print the command's help and nothing else.
    pub help: bool,
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
    /// The arguments that are not flags (or follow `--`), in order.
    pub free: Vec<String>,
}

impl Matches {
    /// The value of the flag with this long name.
    pub fn value(&self, long: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == long)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the switch with this long name was given.
    pub fn switch(&self, long: &str) -> bool {
        self.switches.contains(&long)
    }
}

/// Reads the first argument: `--help`, `--version` or a command's name.
pub fn top(args: Vec<String>) -> Result<Top, Usage> {
    let mut parser = Parser::from_args(args);
    let first = parser.next().map_err(|e| explain(None, e))?;
    match first {
        None => Err(Usage::new(None, "no command given")),
        Some(Arg::Long("help") | Arg::Short('h')) => {
            let topic = parser.next().map_err(|e| explain(None, e))?;
            match topic {
                None => Ok(Top::Help(None)),
                Some(Arg::Value(name)) => Ok(Top::Help(Some(text(name)?))),
                Some(other) => Err(Usage::new(None, format!("unexpected {}", shown(other)))),
            }
        }
        Some(Arg::Long("version") | Arg::Short('V')) => match parser.next() {
            Ok(None) => Ok(Top::Version),
            Ok(Some(other)) => Err(Usage::new(
                None,
                format!("--version takes nothing more, found {}", shown(other)),
            )),
            Err(e) => Err(explain(None, e)),
        },
        Some(Arg::Value(name)) => {
            let name = text(name)?;
            match spec::command(&name) {
                Some(command) => Ok(Top::Command(command, parser)),
                None => Err(Usage::new(None, format!("unknown command {name:?}"))),
            }
        }
        Some(flag) => Err(Usage::new(
            None,
            format!(
                "unknown option {} (options go after the command)",
                shown(flag)
            ),
        )),
    }
}

/// Reads the rest of the command line as `command`'s flags and arguments.
pub fn parse(command: &'static Command, mut parser: Parser) -> Result<Matches, Usage> {
    let at = Some(command.name);
    let mut matches = Matches::default();
    while let Some(arg) = parser.next().map_err(|e| explain(at, e))? {
        let flag = match arg {
            Arg::Value(value) => {
                matches.free.push(text(value)?);
                continue;
            }
            Arg::Short(short) => command.flag_by_short(short),
            Arg::Long(long) => command.flag_by_long(long),
        };
        let Some(flag) = flag else {
            let message = format!("{} has no option {}", command.name, shown(arg));
            return Err(Usage::new(at, message));
        };
        if flag.long == spec::HELP.long {
            matches.help = true;
            return Ok(matches);
        }
        take(command, flag, &mut parser, &mut matches)?;
    }
    Ok(matches)
}

/// Records one flag (and reads its value when it takes one).
fn take(
    command: &'static Command,
    flag: &'static Flag,
    parser: &mut Parser,
    matches: &mut Matches,
) -> Result<(), Usage> {
    let at = Some(command.name);
    let Some(value_name) = flag.value else {
        if !matches.switch(flag.long) {
            matches.switches.push(flag.long);
        }
        return Ok(());
    };
    let value = match parser.value() {
        Ok(value) => text(value)?,
        Err(lexopt::Error::MissingValue { .. }) => {
            let message = format!("{} needs a value ({value_name})", flag.names());
            return Err(Usage::new(at, message));
        }
        Err(e) => return Err(explain(at, e)),
    };
    if matches.value(flag.long).is_some() {
        let message = format!("{} is given more than once; give it once", flag.names());
        return Err(Usage::new(at, message));
    }
    matches.values.push((flag.long, value));
    Ok(())
}

/// An argument as text. The command line was checked for UTF-8 before parsing
/// (`super::run_os`), so this fails only if that check is ever removed.
fn text(value: std::ffi::OsString) -> Result<String, Usage> {
    value
        .into_string()
        .map_err(|v| Usage::new(None, format!("argument {v:?} is not valid UTF-8")))
}

/// An argument as the user typed it.
fn shown(arg: Arg<'_>) -> String {
    match arg {
        Arg::Short(short) => format!("-{short}"),
        Arg::Long(long) => format!("--{long}"),
        Arg::Value(value) => format!("{:?}", value.to_string_lossy()),
    }
}

/// lexopt's errors in claimmark's words.
fn explain(command: Option<&'static str>, error: lexopt::Error) -> Usage {
    let message = match error {
        lexopt::Error::UnexpectedValue { option, value } => {
            format!(
                "{option} takes no value, found {:?}",
                value.to_string_lossy()
            )
        }
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("{option} needs a value"),
        other => other.to_string(),
    };
    Usage::new(command, message)
}
