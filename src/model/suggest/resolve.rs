//! Naming the source of a suggestion, reading the document in order: a name or alias of a
//! known source becomes its canonical name (`sources::known_names`, the registry's rule); a
//! short name becomes the full name the text used before ("Lind" → "Oskar Lind"); a pronoun
//! becomes the nearest source before it that fits (he/she a person, they a group, it an
//! organisation); "the office" the nearest source named "… office", "the company" the last
//! organisation named; anything else stays as written, without its leading article.

use std::collections::HashMap;

use super::lexicon::{Fast, Lexicon, Words};
use super::phrases::{Kind, Speaker, Who};
use super::tokens::Token;
use crate::model::sources::known_names;
use crate::model::workspace::Workspace;

/// The canonical name of a registered source a name names (`sources::known_names`, which
/// owns what it looks in, so a reading can keep its resolver between steps).
type Known = Box<dyn Fn(&str) -> Option<String>>;

/// The sources of one document, as far as it has been read.
pub struct Resolver {
    known: Known,
    memo: HashMap<String, Option<String>, Fast>,
    /// Capitalised names of two words or more seen so far, by their lower-case last and first
    /// words (the first one seen wins).
    by_last: HashMap<String, String, Fast>,
    by_first: HashMap<String, String, Fast>,
    /// The sources named so far, the latest last.
    recent: Vec<(String, Who)>,
}

impl Resolver {
    pub fn new(ws: &Workspace) -> Resolver {
        Resolver {
            known: Box::new(known_names(ws)),
            memo: HashMap::default(),
            by_last: HashMap::default(),
            by_first: HashMap::default(),
            recent: Vec::new(),
        }
    }

    /// The canonical name of a registered source or alias `name` names.
    fn registered(&mut self, name: &str) -> Option<String> {
        if let Some(found) = self.memo.get(name) {
            return found.clone();
        }
        let found = (self.known)(name);
        self.memo.insert(name.to_string(), found.clone());
        found
    }

    /// Remembers the capitalised names of a sentence (titles and a leading article left out).
    pub fn see(&mut self, t: &[Token], chars: &[char], lexicon: &Lexicon) {
        let mut i = 0;
        while i < t.len() {
            let start = i;
            while i < t.len() && t[i].is_word() && t[i].capital {
                i += 1;
            }
            let mut from = start;
            while from < i
                && (lexicon.is(Words::Title, &t[from].lower)
                    || lexicon.is(Words::Article, &t[from].lower))
            {
                from += 1;
            }
            if i >= from + 2 {
                let name: String = chars[t[from].start..t[i - 1].end].iter().collect();
                self.by_last
                    .entry(t[i - 1].lower.clone())
                    .or_insert_with(|| name.clone());
                self.by_first.entry(t[from].lower.clone()).or_insert(name);
            }
            i = i.max(start + 1);
        }
    }

    /// The source a speaker's phrase names, remembered for the pronouns that follow. `name` is
    /// the text of the phrase's naming words; `head` its last word in lower case.
    pub fn resolve(
        &mut self,
        speaker: &Speaker,
        name: &str,
        head: &str,
        lexicon: &Lexicon,
    ) -> Option<String> {
        let source = match speaker.kind {
            Kind::Pronoun(who) => return self.nearest(who),
            Kind::Definite => self
                .recent
                .iter()
                .rev()
                .find(|(n, _)| n.to_lowercase().ends_with(head))
                .or_else(|| {
                    let company = lexicon.is(Words::Company, head);
                    self.recent.iter().rev().find(|(n, who)| {
                        company && *who == Who::Org && n.starts_with(char::is_uppercase)
                    })
                })
                .map(|(n, _)| n.clone())
                .unwrap_or_else(|| name.to_string()),
            Kind::Name => {
                let (full, who) = self.full_name(name, lexicon);
                self.recent.push((full.clone(), who));
                return Some(full);
            }
            Kind::Phrase => name.to_string(),
        };
        let source = self.registered(&source).unwrap_or(source);
        let who = kind_of(speaker.kind, &source, head, lexicon);
        self.recent.push((source.clone(), who));
        Some(source)
    }

    /// Remembers the person a sentence is about (its subject is a name: "Carvalho rejected the
    /// idea."), for the pronouns that follow.
    pub fn remember_subject(&mut self, name: &str, lexicon: &Lexicon) {
        let (full, who) = self.full_name(name, lexicon);
        if who == Who::Person {
            self.recent.push((full, who));
        }
    }

    /// A name in full and whether it names a person: as registered, else the longer name seen
    /// before that it ends (a person's surname) or starts (an organisation's short name:
    /// "Norvik" for "Norvik Energy").
    fn full_name(&mut self, name: &str, lexicon: &Lexicon) -> (String, Who) {
        let lower = name.to_lowercase();
        let (full, who) = match self.registered(name) {
            Some(known) => (known, None),
            None if lower.contains(' ') => (name.to_string(), None),
            None => match (self.by_last.get(&lower), self.by_first.get(&lower)) {
                (Some(full), _) => (full.clone(), Some(Who::Person)),
                (None, Some(full)) => (full.clone(), Some(Who::Org)),
                (None, None) => (name.to_string(), None),
            },
        };
        let full = self.registered(&full).unwrap_or(full);
        let who = who.unwrap_or_else(|| kind_of(Kind::Name, &full, &lower, lexicon));
        (full, who)
    }

    /// The nearest source before that a pronoun can stand for.
    fn nearest(&self, who: Who) -> Option<String> {
        let fits = |w: Who| match who {
            Who::Person => w == Who::Person,
            Who::Group => w == Who::Group || w == Who::Org,
            Who::Org => w == Who::Org,
        };
        let exact = self.recent.iter().rev().find(|(_, w)| *w == who);
        exact
            .or_else(|| self.recent.iter().rev().find(|(_, w)| fits(*w)))
            .map(|(n, _)| n.clone())
    }
}

/// Whether a source is a person, a group or an organisation, for the pronouns after it: a
/// name of two or more words is a person unless it holds an organisation's noun; a phrase
/// goes by its head noun ("senior manager", "people familiar with the plan").
fn kind_of(kind: Kind, source: &str, head: &str, lexicon: &Lexicon) -> Who {
    let words: Vec<String> = source.split_whitespace().map(str::to_lowercase).collect();
    let organisational = words
        .iter()
        .any(|w| lexicon.is(Words::Org, w) || lexicon.is(Words::Company, w));
    let plural = |w: &str| {
        lexicon.is(Words::Group, w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    };
    match kind {
        Kind::Pronoun(who) => who,
        Kind::Name if words.len() >= 2 && !organisational => Who::Person,
        Kind::Name => {
            if words.len() == 1 && plural(&words[0]) {
                Who::Group
            } else {
                Who::Org
            }
        }
        Kind::Definite | Kind::Phrase => {
            let head = words
                .iter()
                .position(|w| lexicon.is(Words::Joiner, w))
                .and_then(|at| at.checked_sub(1))
                .map_or(head, |at| words[at].as_str());
            if lexicon.is(Words::Person, head) {
                Who::Person
            } else if plural(head) {
                Who::Group
            } else {
                Who::Org
            }
        }
    }
}
