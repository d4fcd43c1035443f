//! Helpers for the command-line tests (tests/cli_args.rs, tests/cli_io.rs): fixture paths,
//! fresh temporary directories, and `check(args, code, in stdout, in stderr)`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claimmark::cli::{run_with_stdin, Finished};

pub fn fixture(name: &str) -> String {
    format!(
        "{}/tests/data/fixtures/{name}.claimmark.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A fresh temporary directory, removed with what it holds when the test is done (kept when
/// the test fails, to look at).
pub struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("claimmark-args-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

pub fn text(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

/// Runs `args` with `stdin` for `-` and checks the exit code and that standard output and
/// standard error contain the given fragments ("" checks nothing).
pub fn check_with_stdin(
    args: &[&str],
    stdin: &[u8],
    code: i32,
    stdout_has: &str,
    stderr_has: &str,
) -> Finished {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let done = run_with_stdin(&args, stdin);
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert_eq!(
        done.code, code,
        "{args:?}\nstdout: {stdout:.300}\nstderr: {}",
        done.stderr
    );
    assert!(
        stdout.contains(stdout_has),
        "{args:?}: stdout lacks {stdout_has:?}:\n{stdout:.600}"
    );
    assert!(
        done.stderr.contains(stderr_has),
        "{args:?}: stderr lacks {stderr_has:?}:\n{}",
        done.stderr
    );
    assert!(!done.stderr.contains("panicked"), "{args:?}");
    done
}

pub fn check(args: &[&str], code: i32, stdout_has: &str, stderr_has: &str) -> Finished {
    check_with_stdin(args, &[], code, stdout_has, stderr_has)
}
