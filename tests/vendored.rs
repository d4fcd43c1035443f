//! The vendored copies under tests/data/ equal the project's `../shared/` reference files,
//! whenever that folder is present (it is outside the repository).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn vendored_reference_files_equal_the_shared_folder() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = repo.join("../shared");
    if !shared.is_dir() {
        return;
    }
    let pairs = [
        (
            "w3c-web-annotation-schemas",
            "tests/data/shared/w3c-web-annotation-schemas",
        ),
        ("fixtures", "tests/data/shared/fixtures"),
        ("test-vectors", "tests/data"),
    ];
    for (upstream, ours) in pairs {
        let upstream_files = files(&shared.join(upstream));
        assert!(!upstream_files.is_empty(), "{upstream}");
        for file in upstream_files {
            let theirs = std::fs::read(shared.join(upstream).join(&file)).unwrap();
            let mine = std::fs::read(repo.join(ours).join(&file))
                .unwrap_or_else(|_| panic!("{ours}/{} is missing", file.display()));
            assert!(
                theirs == mine,
                "{ours}/{} differs from ../shared/{upstream}",
                file.display()
            );
        }
    }
    let article = std::fs::read(shared.join("article.txt")).unwrap();
    assert_eq!(
        article,
        std::fs::read(repo.join("assets/article.txt")).unwrap()
    );
}
