//! Sources as entities: who says things in a document, each with one canonical name and any
//! number of aliases.
//!
//! A source is either registered (in [`Workspace::sources`], with aliases) or implicit (a name
//! used in an attribution and nowhere else). Names are compared without regard to case or
//! repeated whitespace, so "maria  zakharova" is "Maria Zakharova". Attributions always store
//! a canonical name: [`canonical`] turns what a user typed (a name or an alias) into it, and
//! the registry edits here ([`SourceEdit`]) rewrite every attribution they concern, as one
//! undo step. [`candidates`] finds names in the text that are not sources yet.

use std::collections::HashMap;

use super::annotation::{collapse_whitespace, AnnotationId, Source};
use super::names::capitalised_names;
use super::span::Span;
use super::text::Text;
use super::workspace::Workspace;

use super::known_sources::{all_sources, find, key};
pub use super::known_sources::{
    canonical, canonical_attribution, is_known, known_names, matches, new_source_warning, Known,
    SourceMatch,
};

/// A change to the shown document's sources.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceEdit {
    /// Register a new source.
    Add { name: String, aliases: Vec<String> },
    /// Give a source another canonical name; every attribution follows.
    Rename { from: String, to: String },
    /// Replace a source's aliases.
    SetAliases { name: String, aliases: Vec<String> },
    /// Fold `from` into `into`: its attributions, name and aliases become `into`'s.
    Merge { from: String, into: String },
}

/// One source with what the document attributes to it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceSummary {
    pub name: String,
    pub aliases: Vec<String>,
    /// Whether the registry lists it (else it is only used in attributions).
    pub registered: bool,
    /// Annotations per label, in the order of the workspace's labels.
    pub counts: Vec<usize>,
    /// Its annotations, in text order.
    pub annotations: Vec<AnnotationId>,
    /// Where the text names it (linked mentions), in text order, without repeats.
    pub mentions: Vec<Span>,
}

/// A name the text uses that is not a source yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub occurrences: usize,
    pub first: Span,
    /// The source this name is probably a short form of ("Zakharova" of "Maria Zakharova").
    pub alias_of: Option<String>,
}

/// Every source with its counts, annotations and mentions; the most attributed first.
pub fn summaries(ws: &Workspace) -> Vec<SourceSummary> {
    let mut summaries: Vec<SourceSummary> = all_sources(ws)
        .into_iter()
        .map(|s| SourceSummary {
            registered: ws.sources.iter().any(|r| r.name == s.name),
            name: s.name,
            aliases: s.aliases,
            counts: vec![0; ws.labels.len()],
            annotations: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    let index: HashMap<String, usize> = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| (key(&s.name), i))
        .collect();
    for annotation in ws.annotations() {
        let Some(attribution) = &annotation.attribution else {
            continue;
        };
        let Some(&i) = index.get(&key(&attribution.source)) else {
            continue;
        };
        let summary = &mut summaries[i];
        if let Some(l) = ws.labels.iter().position(|l| l.id == annotation.label) {
            summary.counts[l] += 1;
        }
        summary.annotations.push(annotation.id.clone());
        if let Some(mention) = attribution.mention {
            summary.mentions.push(mention);
        }
    }
    for summary in &mut summaries {
        summary.mentions.sort_by_key(|m| m.text_order_key());
        summary.mentions.dedup();
    }
    summaries.sort_by_key(|s| std::cmp::Reverse(s.annotations.len()));
    summaries
}

/// Why a registry edit was refused; the text says it to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError(pub String);

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse(why: String) -> SourceError {
    SourceError(why)
}

/// Tidied, non-empty aliases without repeats and without the source's own name.
fn tidy_aliases(name: &str, aliases: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for alias in aliases.iter().map(|a| collapse_whitespace(a)) {
        if !alias.is_empty()
            && key(&alias) != key(name)
            && !kept.iter().any(|k| key(k) == key(&alias))
        {
            kept.push(alias);
        }
    }
    kept
}

/// Refuses names that already belong to a source other than `owner`.
fn check_free(
    sources: &[Source],
    owner: Option<&str>,
    names: &[String],
) -> Result<(), SourceError> {
    for name in names {
        if let Some(other) = find(sources, name) {
            if owner.is_none_or(|owner| key(owner) != key(&other.name)) {
                return Err(refuse(if key(&other.name) == key(name) {
                    format!("“{name}” is already a source; merge the two instead")
                } else {
                    format!("“{name}” already names {}", other.name)
                }));
            }
        }
    }
    Ok(())
}

/// A copy of `ws` with attributions to `from` attributed to `to`.
fn reattributed(ws: &Workspace, from: &str, to: &str) -> Workspace {
    let mut next = ws.clone();
    let from = key(from);
    next.rewrite_sources(|source| (key(source) == from).then(|| to.to_string()));
    next
}

/// Checks a registry edit and returns the workspace it makes and a description, or `None`
/// when nothing would change.
pub(crate) fn plan(
    ws: &Workspace,
    edit: SourceEdit,
) -> Result<Option<(Workspace, String)>, SourceError> {
    let sources = all_sources(ws);
    let existing = |name: &str| {
        find(&sources, name)
            .filter(|s| key(&s.name) == key(name))
            .cloned()
            .ok_or_else(|| refuse(format!("there is no source “{name}”")))
    };
    let blank = || refuse("a source's name cannot be empty".into());
    match edit {
        SourceEdit::Add { name, aliases } => {
            let name = collapse_whitespace(&name);
            if name.is_empty() {
                return Err(blank());
            }
            let aliases = tidy_aliases(&name, &aliases);
            check_free(
                &sources,
                None,
                &[vec![name.clone()], aliases.clone()].concat(),
            )?;
            let mut next = ws.clone();
            next.sources.push(Source {
                name: name.clone(),
                aliases,
            });
            Ok(Some((next, format!("add source “{name}”"))))
        }
        SourceEdit::Rename { from, to } => {
            let old = existing(&from)?;
            let to = collapse_whitespace(&to);
            if to.is_empty() {
                return Err(blank());
            }
            if to == old.name {
                return Ok(None);
            }
            check_free(&sources, Some(&old.name), std::slice::from_ref(&to))?;
            let mut next = reattributed(ws, &old.name, &to);
            if let Some(entry) = next.sources.iter_mut().find(|s| s.name == old.name) {
                entry.aliases.retain(|a| key(a) != key(&to));
                entry.name = to.clone();
            }
            Ok(Some((next, format!("rename “{}” to “{to}”", old.name))))
        }
        SourceEdit::SetAliases { name, aliases } => {
            let old = existing(&name)?;
            let aliases = tidy_aliases(&old.name, &aliases);
            if aliases == old.aliases {
                return Ok(None);
            }
            check_free(&sources, Some(&old.name), &aliases)?;
            let mut next = ws.clone();
            match next.sources.iter_mut().find(|s| s.name == old.name) {
                Some(entry) => entry.aliases = aliases,
                None => next.sources.push(Source {
                    name: old.name.clone(),
                    aliases,
                }),
            }
            Ok(Some((next, format!("edit the aliases of “{}”", old.name))))
        }
        SourceEdit::Merge { from, into } => {
            let (from, into) = (existing(&from)?, existing(&into)?);
            if key(&from.name) == key(&into.name) {
                return Err(refuse(format!(
                    "“{}” cannot be merged into itself",
                    from.name
                )));
            }
            let mut next = reattributed(ws, &from.name, &into.name);
            next.sources.retain(|s| s.name != from.name);
            let mut aliases = into.aliases.clone();
            aliases.push(from.name.clone());
            aliases.extend(from.aliases.iter().cloned());
            let aliases = tidy_aliases(&into.name, &aliases);
            match next.sources.iter_mut().find(|s| s.name == into.name) {
                Some(entry) => entry.aliases = aliases,
                None => next.sources.push(Source {
                    name: into.name.clone(),
                    aliases,
                }),
            }
            Ok(Some((
                next,
                format!("merge “{}” into “{}”", from.name, into.name),
            )))
        }
    }
}

/// Whether the occurrence of `name` at `span` is part of a source's full name or alias written
/// out in the text ("Afghan" in "Afghan officials said").
fn inside_a_known_name(text: &Text, span: Span, name: &str, sources: &[Source]) -> bool {
    let name = name.to_lowercase();
    sources
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
        .any(|known| {
            let lower = known.to_lowercase();
            let Some(byte) = lower.find(&name) else {
                return false;
            };
            let before = lower[..byte].chars().count();
            let Some(start) = span.start().checked_sub(before) else {
                return false;
            };
            let end = start + lower.chars().count();
            end <= text.len() && text.slice(start, end).to_lowercase() == lower
        })
}

/// Names in the text that are not sources yet, short forms of sources and then the most
/// frequent first (at most `limit`).
/// A name that is a word of a source's name ("Zakharova") is offered as that source's alias.
pub fn candidates(ws: &Workspace, limit: usize) -> Vec<Candidate> {
    let sources = all_sources(ws);
    let mut found: Vec<Candidate> = Vec::new();
    // Lone words at a sentence start count only if the name recurs or shortens a source's.
    let mut unconfirmed: Vec<bool> = Vec::new();
    let text = &ws.document.text;
    for (name, span, lone) in capitalised_names(text) {
        if find(&sources, &name).is_some() || inside_a_known_name(text, span, &name, &sources) {
            continue;
        }
        match found.iter().position(|c| c.name == name) {
            Some(i) => {
                found[i].occurrences += 1;
                unconfirmed[i] &= lone;
            }
            None => {
                let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
                let alias_of = sources
                    .iter()
                    .find(|s| {
                        // Only the name-like (capitalised) words of a source count: "Officials"
                        // does not shorten "Afghan officials".
                        let all = s.name.split(' ').count();
                        let theirs: Vec<String> = s
                            .name
                            .split(' ')
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .map(str::to_lowercase)
                            .collect();
                        all > words.len() && words.iter().all(|w| theirs.contains(w))
                    })
                    .map(|s| s.name.clone());
                unconfirmed.push(lone && alias_of.is_none());
                found.push(Candidate {
                    name,
                    occurrences: 1,
                    first: span,
                    alias_of,
                });
            }
        }
    }
    let mut found: Vec<Candidate> = found
        .into_iter()
        .zip(unconfirmed)
        .filter(|(c, unconfirmed)| !unconfirmed || c.occurrences > 1)
        .map(|(c, _)| c)
        .collect();
    // Short forms of known sources first: adding them as aliases is the likeliest next step.
    found.sort_by_key(|c| {
        (
            c.alias_of.is_none(),
            std::cmp::Reverse(c.occurrences),
            c.first.start(),
        )
    });
    found.truncate(limit);
    found
}
