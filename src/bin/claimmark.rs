//! The `claimmark` command line: convert, validate and summarise annotation files with the
//! same code as the web app. See `claimmark help`.
//!
//! Everything but the process's edges is in `claimmark::cli`: this file hands it the arguments
//! (as the system gave them, so that one that is not UTF-8 can be reported) and standard input,
//! then writes what it produced. A closed standard output (`claimmark … | head -c1`) ends the
//! writing quietly: no panic, no message.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::{ErrorKind, Write};
    let finished =
        claimmark::cli::run_os(std::env::args_os().skip(1), claimmark::cli::Stdin::Inherit);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(&finished.stdout)
        .and_then(|()| stdout.flush());
    let mut code = finished.code;
    if let Err(error) = written {
        if error.kind() != ErrorKind::BrokenPipe {
            let _ = writeln!(
                std::io::stderr(),
                "claimmark: cannot write to standard output ({error})"
            );
            code = code.max(1);
        }
    }
    let _ = std::io::stderr().write_all(finished.stderr.as_bytes());
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
