//! The `claimmark` command line: convert, validate and summarise annotation files with the
//! same code as the web app. See `claimmark help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let finished = claimmark::cli::run(&args);
    let _ = std::io::stdout().write_all(&finished.stdout);
    eprint!("{}", finished.stderr);
    std::process::exit(finished.code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
