//! Questions about a typed source name: which source it names (its canonical name), whether it
//! is known, which sources it could be while being typed, and whether it looks like the start of
//! one. Names compare without regard to case, Unicode normalisation or repeated whitespace
//! ([`key`]). Each question gathers the document's sources (the registry, then names used only
//! in attributions); [`Known`] gathers them once for several questions, as the attribution
//! field asks four on every key.

use std::collections::HashSet;

use super::annotation::{collapse_whitespace, Attribution, Source};
use super::fold;
use super::workspace::Workspace;

/// A suggestion while typing an attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceMatch {
    /// The canonical name that will be stored.
    pub name: String,
    /// The alias that matched, when it was not the name.
    pub via: Option<String>,
}

/// The form names are compared in.
/// Names compare by this key: whitespace collapsed, case and Unicode normalisation ignored.
pub(super) fn key(name: &str) -> String {
    fold::key(&collapse_whitespace(name))
}

/// Every source of the document: the registry in its order, then names used only in
/// attributions in order of first use.
pub(super) fn all_sources(ws: &Workspace) -> Vec<Source> {
    let mut sources = ws.sources.clone();
    let mut known: HashSet<String> = sources
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
        .map(|n| key(n))
        .collect();
    // Names as written, already considered: most annotations repeat a few names, and this
    // spares comparing forms for each of them (10,000 annotations cost well under a millisecond).
    let mut seen: HashSet<&str> = HashSet::new();
    for annotation in ws.annotations() {
        if let Some(name) = annotation.source() {
            if seen.insert(name) && known.insert(key(name)) {
                sources.push(Source {
                    name: name.to_string(),
                    aliases: Vec::new(),
                });
            }
        }
    }
    sources
}

/// The source that `name` names (as its name or one of its aliases).
pub(super) fn find<'a>(sources: &'a [Source], name: &str) -> Option<&'a Source> {
    let wanted = key(name);
    sources.iter().find(|s| key(&s.name) == wanted).or_else(|| {
        sources
            .iter()
            .find(|s| s.aliases.iter().any(|a| key(a) == wanted))
    })
}

/// The document's sources, gathered once to answer several questions about typed names.
#[derive(Clone, Debug, PartialEq)]
pub struct Known(Vec<Source>);

impl Known {
    /// Gathers `ws`'s sources: the registry in its order, then names used only in attributions.
    pub fn of(ws: &Workspace) -> Known {
        Known(all_sources(ws))
    }

    /// The canonical name for what a user typed: the source it names, else the typed name
    /// tidied. `None` when the name is blank (unattributed).
    pub fn canonical(&self, typed: &str) -> Option<String> {
        let typed = collapse_whitespace(typed);
        if typed.is_empty() {
            return None;
        }
        Some(find(&self.0, &typed).map_or(typed, |s| s.name.clone()))
    }

    /// Whether `typed` is the name or an alias of a source.
    pub fn is_known(&self, typed: &str) -> bool {
        find(&self.0, typed).is_some()
    }

    /// Sources whose name or an alias contains `typed` (case-insensitively), those that start
    /// with it first; at most `limit`.
    pub fn matches(&self, typed: &str, limit: usize) -> Vec<SourceMatch> {
        let typed = key(typed);
        let mut found: Vec<(bool, SourceMatch)> = Vec::new();
        for source in &self.0 {
            let names = std::iter::once((&source.name, None))
                .chain(source.aliases.iter().map(|a| (a, Some(a.clone()))));
            let hit = names
                .filter(|(name, _)| key(name).contains(&typed))
                .min_by_key(|(name, _)| !key(name).starts_with(&typed));
            if let Some((name, via)) = hit {
                found.push((
                    key(name).starts_with(&typed),
                    SourceMatch {
                        name: source.name.clone(),
                        via,
                    },
                ));
            }
        }
        found.sort_by_key(|(prefix, m)| (!prefix, key(&m.name)));
        found.into_iter().take(limit).map(|(_, m)| m).collect()
    }

    /// A reason to think twice before `typed` becomes a new source: it is the start of an
    /// existing source's name or alias, or of one of their words ("zakh" → Maria Zakharova).
    /// `None` when `typed` names an existing source (it is stored as that one) or resembles none.
    pub fn new_source_warning(&self, typed: &str) -> Option<String> {
        let wanted = key(typed);
        if wanted.is_empty() || self.is_known(typed) {
            return None;
        }
        self.0.iter().find_map(|source| {
            let names = std::iter::once(&source.name).chain(&source.aliases);
            let begins = |name: &&String| {
                let name = key(name);
                name.starts_with(&wanted) || name.split(' ').any(|word| word.starts_with(&wanted))
            };
            names.into_iter().find(begins).map(|name| {
                if *name == source.name {
                    format!("“{}” looks like the start of {}", typed.trim(), source.name)
                } else {
                    format!(
                        "“{}” looks like the start of {} (also called “{name}”)",
                        typed.trim(),
                        source.name
                    )
                }
            })
        })
    }
}

/// [`Known::canonical`] of `ws`'s sources.
pub fn canonical(ws: &Workspace, typed: &str) -> Option<String> {
    Known::of(ws).canonical(typed)
}

/// [`canonical`] for many names at once (the suggestion engine's): the document's sources are
/// gathered once. Gives the canonical name of a source that `typed` names, `None` for others.
pub fn known_names(ws: &Workspace) -> impl Fn(&str) -> Option<String> {
    let known = Known::of(ws);
    move |typed| find(&known.0, typed).map(|s| s.name.clone())
}

/// [`Known::is_known`] of `ws`'s sources.
pub fn is_known(ws: &Workspace, typed: &str) -> bool {
    Known::of(ws).is_known(typed)
}

/// The attribution with its source's canonical name.
pub fn canonical_attribution(
    ws: &Workspace,
    attribution: Option<Attribution>,
) -> Option<Attribution> {
    let attribution = attribution?;
    let source = canonical(ws, &attribution.source)?;
    Some(Attribution {
        source,
        ..attribution
    })
}

/// [`Known::matches`] of `ws`'s sources.
pub fn matches(ws: &Workspace, typed: &str, limit: usize) -> Vec<SourceMatch> {
    Known::of(ws).matches(typed, limit)
}

/// [`Known::new_source_warning`] of `ws`'s sources.
pub fn new_source_warning(ws: &Workspace, typed: &str) -> Option<String> {
    Known::of(ws).new_source_warning(typed)
}
