//! The sources and labels of several annotators' files as one, for comparing their annotations
//! and for the gold set.
//!
//! Sources: every name, registered or only used in an attribution, is compared as
//! `sources` compares names (case, Unicode form and repeated whitespace ignored). A registered
//! source's name and aliases are one source, in whichever file it is registered, and sources
//! that share a name or alias across files are one source too (joined transitively, so no file
//! is preferred). The gold set names each source as the first file that registers it does
//! (else as it is first written in an attribution) and keeps every other name as an alias.
//!
//! Labels: by id, in the order first met; the first file's definition of an id wins.

use std::collections::HashMap;

use crate::model::annotation::{collapse_whitespace, Label, Source};
use crate::model::fold;
use crate::model::workspace::Workspace;

/// The sources of several files, joined.
#[derive(Clone, Debug, PartialEq)]
pub struct Registry {
    /// Each compared form of a name → its source (an index into `sources`).
    source_of: HashMap<String, usize>,
    /// Each source as the gold set registers it.
    sources: Vec<Source>,
    /// Whether a file registers the source (else it is only used in attributions).
    registered: Vec<bool>,
}

/// The form names are compared in.
fn normal(name: &str) -> String {
    fold::key(&collapse_whitespace(name))
}

/// Disjoint sets of names (union by index, path halving).
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        // The earlier name stays the root, so the order names were met decides nothing else.
        self.parent[a.max(b)] = a.min(b);
    }
}

impl Registry {
    /// The joined sources of `files`, in the order given.
    pub fn new(files: &[&Workspace]) -> Registry {
        // Every name as first written, registered ones (names before aliases) first.
        let mut written: Vec<(String, bool)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut sets = Sets { parent: Vec::new() };
        let mut add = |name: &str, registered: bool, sets: &mut Sets| -> usize {
            let key = normal(name);
            let i = *index.entry(key).or_insert_with(|| {
                written.push((collapse_whitespace(name), false));
                sets.parent.push(sets.parent.len());
                sets.parent.len() - 1
            });
            written[i].1 |= registered;
            i
        };
        for file in files {
            for source in &file.sources {
                let name = add(&source.name, true, &mut sets);
                for alias in &source.aliases {
                    let alias = add(alias, false, &mut sets);
                    sets.join(name, alias);
                }
            }
        }
        for file in files {
            for name in file.annotations().iter().filter_map(|a| a.source()) {
                add(name, false, &mut sets);
            }
        }
        let mut of_root: HashMap<usize, usize> = HashMap::new();
        let mut registry = Registry {
            source_of: HashMap::new(),
            sources: Vec::new(),
            registered: Vec::new(),
        };
        // Names in the order met: a source is named by its first registered name (names come
        // before aliases and attributions), else by its first name.
        let mut order: Vec<usize> = (0..written.len()).collect();
        order.sort_by_key(|&i| !written[i].1);
        for i in order {
            let root = sets.root(i);
            let (name, registered) = &written[i];
            match of_root.get(&root) {
                Some(&source) => registry.sources[source].aliases.push(name.clone()),
                None => {
                    of_root.insert(root, registry.sources.len());
                    registry.sources.push(Source {
                        name: name.clone(),
                        aliases: Vec::new(),
                    });
                    registry.registered.push(*registered);
                }
            }
        }
        for (key, i) in index {
            registry.source_of.insert(key, of_root[&sets.root(i)]);
        }
        registry
    }

    /// The source a name stands for, to compare by (`None`: unattributed, or a name none of
    /// the files uses).
    pub fn source(&self, name: Option<&str>) -> Option<usize> {
        self.source_of.get(&normal(name?)).copied()
    }

    /// The name the gold set stores for `name`: its source's; a name none of the files uses is
    /// kept as written (tidied).
    pub fn canonical(&self, name: &str) -> String {
        match self.source(Some(name)) {
            Some(source) => self.sources[source].name.clone(),
            None => collapse_whitespace(name),
        }
    }

    /// The gold set's registry: every source a file registers, and every source used under
    /// more than one name, with its other names as aliases.
    pub fn sources(&self) -> Vec<Source> {
        self.sources
            .iter()
            .zip(&self.registered)
            .filter(|(source, registered)| **registered || !source.aliases.is_empty())
            .map(|(source, _)| source.clone())
            .collect()
    }
}

/// The labels of several files: by id in the order first met, the first definition winning.
pub fn labels(files: &[&Workspace]) -> Vec<Label> {
    let mut labels: Vec<Label> = Vec::new();
    for label in files.iter().flat_map(|f| &f.labels) {
        if !labels.iter().any(|l| l.id == label.id) {
            labels.push(label.clone());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Document;

    fn file(sources: &[(&str, &[&str])]) -> Workspace {
        let mut workspace = Workspace::new(Document::new("t", "text"));
        workspace.sources = sources
            .iter()
            .map(|(name, aliases)| Source {
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            })
            .collect();
        workspace
    }

    #[test]
    fn sources_join_through_aliases_in_any_file() {
        let a = file(&[("Maria Zakharova", &["Zakharova"])]);
        let b = file(&[("Zakharova", &["M. Zakharova"]), ("Kabul", &[])]);
        let c = file(&[("ماريا زاخاروفا", &["m.  ZAKHAROVA"])]);
        for files in [vec![&a, &b, &c], vec![&c, &b, &a]] {
            let registry = Registry::new(&files);
            let one = registry.source(Some("maria zakharova"));
            assert!(one.is_some());
            for name in ["Zakharova", "M. Zakharova", "ماريا زاخاروفا"] {
                assert_eq!(registry.source(Some(name)), one, "{name}");
            }
            assert_ne!(registry.source(Some("Kabul")), one);
            assert_eq!(registry.source(None), None);
            assert_eq!(registry.source(Some("Islamabad")), None);
        }
        let registry = Registry::new(&[&a, &b, &c]);
        assert_eq!(registry.canonical("m. zakharova"), "Maria Zakharova");
        assert_eq!(
            registry.canonical(" Islamabad  officials"),
            "Islamabad officials"
        );
        assert_eq!(
            registry.sources(),
            [
                Source {
                    name: "Maria Zakharova".into(),
                    aliases: vec![
                        "Zakharova".into(),
                        "ماريا زاخاروفا".into(),
                        "M. Zakharova".into()
                    ],
                },
                Source {
                    name: "Kabul".into(),
                    aliases: vec![],
                },
            ]
        );
        assert_eq!(
            Registry::new(&[&c, &b, &a]).canonical("Zakharova"),
            "ماريا زاخاروفا"
        );
    }
}
