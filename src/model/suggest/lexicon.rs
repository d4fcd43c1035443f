//! The reporting-cue lexicons: data, one file per language (`lexicon/en.txt`, built in with
//! `include_str!`), chosen by the document's language tag. A lexicon lists the reporting verbs
//! and phrases in their inflected forms, each with the label it usually signals and how what is
//! said follows it ([`Frame`]), and the handful of grammar words the structures need (articles,
//! auxiliaries, titles before names, pronouns…). The file's own header explains its lines.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hash for the engine's maps of short keys (rustc's FxHash): a word is looked up in
/// the lexicon for nearly every token read, and the standard SipHash, which resists crafted
/// collisions that a built-in word list does not need to fear, was a third of the engine's
/// time. Only speed depends on it: no result depends on the order of a map.
#[derive(Clone, Copy, Default)]
pub struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((word, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            bytes = rest;
        }
        if !bytes.is_empty() {
            let mut word = [0u8; 8];
            word[..bytes.len()].copy_from_slice(bytes);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fx`] hashers.
pub type Fast = BuildHasherDefault<Fx>;

/// The label a cue usually signals: one of the three default labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Claim,
    Allegation,
    Proposal,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Claim, Class::Allegation, Class::Proposal];

    /// The id of the default label it stands for.
    pub fn id(self) -> &'static str {
        match self {
            Class::Claim => "claim",
            Class::Allegation => "allegation",
            Class::Proposal => "proposal",
        }
    }

    /// Its bit in a set of classes.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    pub fn from_id(id: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// How what is said follows a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// A clause (after "that" or not), an object, or a quotation: "said (that) …", "urged X to …".
    Speech,
    /// An addressee first: "told reporters that …", "told the council: “…”".
    Tell,
    /// The source follows: "according to X, …".
    According,
    /// Only a quotation: "called the claim “baseless”".
    Name,
}

/// One reporting verb or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub class: Class,
    /// Its base form, as features name it ("say", "call for").
    pub lemma: String,
    pub frame: Frame,
}

/// The grammar word lists a lexicon holds besides its cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Words {
    Article,
    Determiner,
    Passive,
    Aux,
    Adverb,
    That,
    And,
    Relative,
    Joiner,
    Preposition,
    Adjunct,
    Stop,
    Abbreviation,
    Title,
    Spokes,
    Person,
    Group,
    Org,
    Company,
    PronounPerson,
    PronounGroup,
    PronounOrg,
    Hint(Class),
}

impl Words {
    fn parse(head: &str) -> Option<Words> {
        Some(match head {
            "article" => Words::Article,
            "determiner" => Words::Determiner,
            "passive" => Words::Passive,
            "aux" => Words::Aux,
            "adverb" => Words::Adverb,
            "that" => Words::That,
            "and" => Words::And,
            "relative" => Words::Relative,
            "joiner" => Words::Joiner,
            "preposition" => Words::Preposition,
            "adjunct" => Words::Adjunct,
            "stop" => Words::Stop,
            "abbreviation" => Words::Abbreviation,
            "title" => Words::Title,
            "spokes" => Words::Spokes,
            "person" => Words::Person,
            "group" => Words::Group,
            "org" => Words::Org,
            "company" => Words::Company,
            "pronoun person" => Words::PronounPerson,
            "pronoun group" => Words::PronounGroup,
            "pronoun org" => Words::PronounOrg,
            _ => Words::Hint(Class::from_id(head.strip_prefix("hint ")?)?),
        })
    }
}

/// A language's cues and grammar words.
#[derive(Debug, Default)]
pub struct Lexicon {
    cues: Vec<Cue>,
    /// First word of a form → the form's words and its cue, longest forms first.
    forms: HashMap<String, Vec<(Vec<String>, usize)>, Fast>,
    words: HashMap<Words, HashSet<String, Fast>, Fast>,
    /// Each hint word or phrase with the labels it hints at (bit `1 << class`), so that what
    /// is said is read once for all three.
    hints: HashMap<String, u8, Fast>,
}

impl Lexicon {
    /// Reads a lexicon file; the lines it could not read are returned beside it.
    pub fn parse(source: &str) -> (Lexicon, Vec<String>) {
        let mut lexicon = Lexicon::default();
        let mut problems = Vec::new();
        for (number, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if !lexicon.read_line(line) {
                problems.push(format!("line {}: {line}", number + 1));
            }
        }
        for forms in lexicon.forms.values_mut() {
            forms.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        (lexicon, problems)
    }

    fn read_line(&mut self, line: &str) -> bool {
        let Some((head, list)) = line.split_once(':') else {
            return false;
        };
        let items: Vec<String> = list
            .split(',')
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let head: Vec<&str> = head.split_whitespace().collect();
        if let ["cue", class, rest @ .., frame] = head.as_slice() {
            let frame = match *frame {
                "speech" => Frame::Speech,
                "tell" => Frame::Tell,
                "according" => Frame::According,
                "name" => Frame::Name,
                _ => return false,
            };
            let Some(class) = Class::from_id(class) else {
                return false;
            };
            let index = self.cues.len();
            self.cues.push(Cue {
                class,
                lemma: rest.join(" "),
                frame,
            });
            for form in items {
                let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
                let first = words[0].clone();
                self.forms.entry(first).or_default().push((words, index));
            }
            return !rest.is_empty();
        }
        let Some(kind) = Words::parse(&head.join(" ")) else {
            return false;
        };
        if let Words::Hint(class) = kind {
            for item in &items {
                *self.hints.entry(item.clone()).or_default() |= class.bit();
            }
        }
        self.words.entry(kind).or_default().extend(items);
        true
    }

    /// The labels `lower` (a lower-case word or phrase) hints at, as bits `1 << class`.
    pub fn hints(&self, lower: &str) -> u8 {
        self.hints.get(lower).copied().unwrap_or(0)
    }

    /// Whether `lower` (a lower-case word or phrase) is in the list `kind`.
    pub fn is(&self, kind: Words, lower: &str) -> bool {
        self.words.get(&kind).is_some_and(|w| w.contains(lower))
    }

    /// The words of the list `kind`.
    pub fn list(&self, kind: Words) -> impl Iterator<Item = &str> {
        self.words
            .get(&kind)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// The longest cue whose form starts `words` (lower case): how many words it takes, and
    /// the cue.
    pub fn cue_at(&self, words: &[&str]) -> Option<(usize, &Cue)> {
        let forms = self.forms.get(*words.first()?)?;
        forms.iter().find_map(|(form, index)| {
            let matches = form.len() <= words.len() && form.iter().zip(words).all(|(f, w)| f == w);
            matches.then(|| (form.len(), &self.cues[*index]))
        })
    }

    /// Whether `lower` is one word of some cue's form (a verb, for finding where a phrase ends).
    pub fn is_cue_word(&self, lower: &str) -> bool {
        self.forms.contains_key(lower)
    }
}

/// The English lexicon's source.
pub const ENGLISH: &str = include_str!("lexicon/en.txt");

/// The lexicon for a BCP 47 tag (by its primary language), if claimmark has one: English only
/// so far. A document of another or unknown language gets no suggestions.
pub fn for_language(tag: Option<&str>) -> Option<&'static Lexicon> {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    let primary = tag?.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(EN.get_or_init(|| Lexicon::parse(ENGLISH).0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_lexicon_reads_without_problems() {
        let (lexicon, problems) = Lexicon::parse(ENGLISH);
        assert_eq!(problems, Vec::<String>::new());
        assert!(lexicon.cues.len() > 60);
    }

    fn check(words: &str, expected: Option<(usize, &str, Class)>) {
        let lexicon = for_language(Some("en-GB")).unwrap();
        let words: Vec<&str> = words.split(' ').collect();
        let found = lexicon
            .cue_at(&words)
            .map(|(n, cue)| (n, cue.lemma.as_str(), cue.class));
        assert_eq!(found, expected, "{words:?}");
    }

    #[test]
    fn cues_are_found_by_their_longest_form() {
        check("said that", Some((1, "say", Class::Claim)));
        check("called for a", Some((2, "call for", Class::Proposal)));
        check("called the", Some((1, "call", Class::Claim)));
        check("according to x", Some((2, "according to", Class::Claim)));
        check("according", None);
        check("accused", Some((1, "accuse", Class::Allegation)));
        check("pointed out", Some((2, "point out", Class::Claim)));
        check("walked", None);
    }

    #[test]
    fn only_english_has_a_lexicon_so_far() {
        assert!(for_language(Some("en")).is_some());
        assert!(for_language(Some("EN-us")).is_some());
        for tag in [Some("fr"), Some("de-CH"), Some("zh-Hans"), None] {
            assert!(for_language(tag).is_none(), "{tag:?}");
        }
    }
}
