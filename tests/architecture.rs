//! The shape of the code, checked: no import cycle between files of `src/model`, the model
//! never reaches the view or the command line, no file in `src` over 500 lines, and no function
//! in `src/view` over 200 lines (ARCHITECTURE.md, "Rules of shape").
//!
//! A file depends on another when its code names a path into it: a `use` item, a qualified path
//! such as `super::span::Span`, or a re-export. Paths are resolved as rustc resolves module
//! paths (`crate`, `super`, `self`, child modules), to the deepest module that is a file.
//! Comments and string literals are ignored; a path into a facade (`crate::model::Span`, which
//! `model/mod.rs` re-exports) depends on the facade, so inside the model every file names the
//! file that defines what it uses.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path such as `["model", "formats", "native"]`.
type ModPath = Vec<String>;

/// Every `.rs` file under `src`, by module path (`src/lib.rs` is the empty path; `src/bin` is
/// left out: those files are crate roots of their own).
fn modules(root: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: ModPath = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            found.insert(parts, path);
        }
    }
    found
}

/// `source` without comments, string and character literals (each replaced by a space, so
/// that line structure and brace nesting stay).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('/')) => {
                let start = i;
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                let comment: String = chars[start..i].iter().collect();
                for link in doc_links(&comment) {
                    out.push_str(&format!(" {link} "));
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < chars.len() {
                    match (chars[i], chars.get(i + 1).copied()) {
                        ('/', Some('*')) => (depth, i) = (depth + 1, i + 2),
                        ('*', Some('/')) => (depth, i) = (depth - 1, i + 2),
                        _ => i += 1,
                    }
                    if depth == 0 {
                        break;
                    }
                }
            }
            ('r', Some('"' | '#')) if i == 0 || !is_ident(chars[i - 1]) => {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                i += 2 + hashes;
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                while i < chars.len() && !chars[i..].iter().collect::<String>().starts_with(&close)
                {
                    i += 1;
                }
                i += close.chars().count();
                out.push(' ');
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push(' ');
            }
            ('\'', Some(c)) if chars.get(i + 2) == Some(&'\'') || c == '\\' => {
                // A character literal ('x', '\n', '\u{301}'); lifetimes have no closing quote.
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push(' ');
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The paths of a comment's intra-doc links (``[`super::span::Span`]``): rustdoc resolves
/// them like code, so they tie files together like code.
fn doc_links(comment: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut rest = comment;
    while let Some(at) = rest.find("[`") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find("`]") else {
            break;
        };
        let inner = rest[..end].trim_end_matches("()").trim_end_matches('!');
        if inner.chars().all(|c| is_ident(c) || c == ':') {
            links.push(inner.to_string());
        }
        rest = &rest[end + 2..];
    }
    links
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths named by one `use` tree, e.g. `super::{a, b::{c, self}}` → `super::a`,
/// `super::b::c`, `super::b`.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn parse(tokens: &[String], at: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        while *at < tokens.len() {
            match tokens[*at].as_str() {
                "{" => {
                    *at += 1;
                    while *at < tokens.len() && tokens[*at] != "}" {
                        parse(tokens, at, &path, out);
                        if tokens.get(*at).is_some_and(|t| t == ",") {
                            *at += 1;
                        }
                    }
                    *at += 1;
                    return;
                }
                "," | "}" => break,
                "::" => *at += 1,
                "as" => *at += 2,
                "self" if !path.is_empty() => *at += 1,
                "*" => *at += 1,
                ident => {
                    path.push(ident.to_string());
                    *at += 1;
                }
            }
        }
        out.push(path);
    }
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in tree.chars() {
        if is_ident(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        match c {
            '{' | '}' | ',' | '*' => tokens.push(c.to_string()),
            ':' if tokens.last().is_none_or(|t| t != "::") => tokens.push("::".into()),
            _ => {}
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    // `a::b` tokenises as a, ::, ::, b when both colons are seen: keep one.
    tokens.dedup_by(|a, b| a == "::" && b == "::");
    let mut out = Vec::new();
    parse(&tokens, &mut 0, &[], &mut out);
    out
}

/// Where the brace that opens at byte `open` of `code` closes.
fn closing_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return open + i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    code.len()
}

/// Every module path that `code` (the code of module `module`) names, with the inline
/// modules (`mod tests { … }`) scanned as modules of their own.
fn named_paths(code: &str, module: &ModPath, files: &BTreeMap<ModPath, PathBuf>) -> Vec<ModPath> {
    let mut found = Vec::new();
    let mut outer = code.to_string();
    let mut from = 0;
    while let Some(at) = find_word(&outer, "mod", from) {
        let rest = &outer[at + 3..];
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|&c| is_ident(c))
            .collect();
        let after = at + 3 + (rest.len() - rest.trim_start().len()) + name.len();
        if !outer[after..].trim_start().starts_with('{') {
            from = after;
            continue;
        }
        let open = after + outer[after..].find('{').unwrap();
        let close = closing_brace(&outer, open);
        let inner_module: ModPath = module.iter().cloned().chain([name]).collect();
        found.extend(named_paths(&outer[open + 1..close], &inner_module, files));
        outer.replace_range(open..close, &" ".repeat(close - open));
        from = close;
    }
    let mut rest_code = outer.clone();
    let mut from = 0;
    while let Some(at) = find_word(&rest_code, "use", from) {
        let end = rest_code[at..]
            .find(';')
            .map_or(rest_code.len(), |e| at + e);
        for path in use_paths(&rest_code[at + 3..end]) {
            found.extend(resolve(&path, module, files));
        }
        rest_code.replace_range(at..end, &" ".repeat(end - at));
        from = end;
    }
    let chars: Vec<char> = rest_code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts =
            is_ident(chars[i]) && (i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut path = Vec::new();
        loop {
            let word: String = chars[i..].iter().take_while(|&&c| is_ident(c)).collect();
            i += word.chars().count();
            path.push(word);
            if chars.get(i) == Some(&':')
                && chars.get(i + 1) == Some(&':')
                && chars.get(i + 2).is_some_and(|&c| is_ident(c))
            {
                i += 2;
            } else {
                break;
            }
        }
        if path.len() > 1 {
            found.extend(resolve(&path, module, files));
        }
    }
    found
}

/// The byte offset of the next `word` (as a whole word) in `code` from `from`.
fn find_word(code: &str, word: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(at) = code[start..].find(word).map(|a| a + start) {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return Some(at);
        }
        start = at + word.len();
    }
    None
}

/// The file module a path leads to, or `None` for paths outside the crate (`std::…`) and
/// names that are not paths into modules.
fn resolve(
    path: &[String],
    module: &ModPath,
    files: &BTreeMap<ModPath, PathBuf>,
) -> Option<ModPath> {
    let mut current = module.clone();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            current.clear();
            segments.next();
        }
        Some("self") => {
            segments.next();
        }
        Some("super") => {
            while segments.peek().is_some_and(|s| *s == "super") {
                current.pop();
                segments.next();
            }
        }
        Some(child) => {
            let mut as_child = current.clone();
            as_child.push(child.to_string());
            if !files.contains_key(&as_child) {
                return None;
            }
        }
        None => return None,
    }
    for segment in segments {
        current.push(segment.clone());
        if !files.contains_key(&current) {
            current.pop();
            break;
        }
    }
    while !files.contains_key(&current) {
        current.pop()?;
    }
    Some(current)
}

/// The dependency graph between the files of `src`: file → the files it names.
fn graph() -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let files = modules(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        let named: BTreeSet<ModPath> = named_paths(&code, module, &files)
            .into_iter()
            .filter(|target| target != module)
            .collect();
        graph.insert(module.clone(), named);
    }
    graph
}

/// The strongly connected components of more than one file (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'g> {
        graph: &'g BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'g ModPath, (usize, usize)>,
        stack: Vec<&'g ModPath>,
        found: Vec<Vec<ModPath>>,
    }
    fn visit<'g>(node: &'g ModPath, state: &mut State<'g>) {
        let number = state.index.len();
        state.index.insert(node, (number, number));
        state.stack.push(node);
        for next in state.graph.get(node).into_iter().flatten() {
            let Some(&(_, _)) = state.graph.get_key_value(next).map(|_| &(0, 0)) else {
                continue;
            };
            let next = state.graph.get_key_value(next).unwrap().0;
            match state.index.get(next).copied() {
                None => {
                    visit(next, state);
                    let low = state.index[next].1.min(state.index[node].1);
                    state.index.get_mut(node).unwrap().1 = low;
                }
                Some((n, _)) if state.stack.contains(&next) => {
                    let low = n.min(state.index[node].1);
                    state.index.get_mut(node).unwrap().1 = low;
                }
                Some(_) => {}
            }
        }
        let (n, low) = state.index[node];
        if n == low {
            let at = state.stack.iter().position(|m| *m == node).unwrap();
            let component: Vec<ModPath> = state.stack.drain(at..).cloned().collect();
            if component.len() > 1 {
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !state.index.contains_key(node) {
            visit(node, &mut state);
        }
    }
    state.found
}

fn show(module: &ModPath) -> String {
    module.join("::")
}

fn check_paths(source: &str, module: &[&str], expected: &[&str]) {
    let files: BTreeMap<ModPath, PathBuf> = [
        "",
        "model",
        "model::span",
        "model::formats",
        "model::formats::native",
        "view",
    ]
    .iter()
    .map(|m| {
        (
            m.split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            PathBuf::new(),
        )
    })
    .collect();
    let module: ModPath = module.iter().map(|s| s.to_string()).collect();
    let mut named: Vec<String> = named_paths(&code_only(source), &module, &files)
        .iter()
        .map(show)
        .collect();
    named.sort();
    named.dedup();
    assert_eq!(named, expected, "paths named by {source:?}");
}

#[test]
fn paths_resolve_to_the_files_they_name() {
    let native = &["model", "formats", "native"];
    check_paths("use super::super::span::Span;", native, &["model::span"]);
    check_paths(
        "use crate::model::{span::{self, Span}, formats::Format};",
        native,
        &["model::formats", "model::span"],
    );
    check_paths(
        "fn f() { super::Format::Native; }",
        native,
        &["model::formats"],
    );
    check_paths("use std::fmt; use serde::Serialize;", native, &[]);
    check_paths(
        "// use crate::view::App;\nlet s = \"crate::view::x\";",
        native,
        &[],
    );
    check_paths(
        "/// See [`super::super::span::Span`] and [`Format`].",
        native,
        &["model::span"],
    );
    check_paths(
        "mod tests { use super::*; use crate::model::span; }",
        native,
        &["model::formats::native", "model::span"],
    );
    check_paths(
        "pub use native::Problem; fn f() { native::read(); }",
        &["model", "formats"],
        &["model::formats::native"],
    );
    check_paths(
        "let c = '{'; use crate::model::span::Span;",
        native,
        &["model::span"],
    );
    check_paths(
        "let r = r#\"use crate::view\"#; fn f<'a>(x: &'a str) {}",
        native,
        &[],
    );
}

#[test]
fn no_import_cycle_between_files_of_the_model() {
    let graph = graph();
    let model: BTreeMap<ModPath, BTreeSet<ModPath>> = graph
        .into_iter()
        .filter(|(m, _)| m.first().is_some_and(|f| f == "model"))
        .map(|(m, deps)| {
            let deps = deps
                .into_iter()
                .filter(|d| d.first().is_some_and(|f| f == "model"))
                .collect();
            (m, deps)
        })
        .collect();
    let found: Vec<String> = cycles(&model)
        .iter()
        .map(|c| c.iter().map(show).collect::<Vec<_>>().join(" ↔ "))
        .collect();
    assert!(
        found.is_empty(),
        "import cycles in src/model:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_model_never_reaches_the_view_or_the_command_line() {
    for (module, deps) in graph() {
        if module.first().is_some_and(|f| f == "model") {
            for dep in &deps {
                let inside = dep.first().is_some_and(|f| f == "model");
                assert!(inside, "{} uses {}", show(&module), show(dep));
            }
        }
    }
}

#[test]
fn no_file_in_src_is_over_500_lines() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for path in modules(&root).values() {
        let lines = std::fs::read_to_string(path).unwrap().lines().count();
        if lines > 500 {
            long.push(format!("{}: {lines} lines", path.display()));
        }
    }
    assert!(
        long.is_empty(),
        "files over 500 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_function_in_the_view_is_over_200_lines() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for (module, path) in modules(&root) {
        if module.first().is_none_or(|f| f != "view") {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        let mut from = 0;
        while let Some(at) = find_word(&code, "fn", from) {
            from = at + 2;
            let name: String = code[at + 2..]
                .trim_start()
                .chars()
                .take_while(|&c| is_ident(c))
                .collect();
            let body = code[at..].find(['{', ';']).map(|b| at + b);
            let Some(open) = body.filter(|&b| code[b..].starts_with('{')) else {
                continue;
            };
            let close = closing_brace(&code, open);
            let lines = code[at..close].lines().count();
            if lines > 200 {
                long.push(format!("{} fn {name}: {lines} lines", path.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "view functions over 200 lines:\n{}",
        long.join("\n")
    );
}

#[test]
#[ignore = "prints the model's dependency graph: cargo test --test architecture -- --ignored --nocapture"]
fn print_the_model_graph() {
    for (module, deps) in graph() {
        if module.first().is_some_and(|f| f == "model") {
            let deps: Vec<String> = deps
                .iter()
                .filter(|d| d.first().is_some_and(|f| f == "model"))
                .map(show)
                .collect();
            println!("{} → {}", show(&module), deps.join(", "));
        }
    }
}
