//! Who speaks: the noun phrase next to a cue, found in a sentence's tokens without a parser.
//! A subject is read backwards from the cue (over auxiliaries and adverbs, past an appositive
//! name or a relative clause between commas, and back to the earlier verb when the cue follows
//! "and"); an inverted one ("said Lena Moravec") forwards. [`speaker`] then says what kind of
//! phrase it is: a name (titles left out), a pronoun, "the office", or an unnamed source.

use super::lexicon::{Lexicon, Words};
use super::tokens::Token;

/// A token range in a sentence, end-exclusive.
pub type Range = (usize, usize);

/// The most words a speaker's phrase takes.
const LONGEST: usize = 9;

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Person,
    Group,
    Org,
}

/// What kind of phrase names the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A capitalised name ("Oskar Lind", "European Union"), titles left out.
    Name,
    Pronoun(Who),
    /// "the office", "the company": an organisation named before.
    Definite,
    /// An unnamed source ("a senior manager", "people familiar with the plan").
    Phrase,
}

/// The speaker's phrase: where the text names them, the part that names them, and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub mention: Range,
    /// The words that give the source's name (no title, no leading article).
    pub name: Range,
    pub kind: Kind,
}

/// Whether a word reads as a verb here: an auxiliary, a cue's word, or a lower-case word in
/// "-ed".
pub fn is_verb(token: &Token, lexicon: &Lexicon) -> bool {
    token.is_word()
        && !token.capital
        && (lexicon.is(Words::Aux, &token.lower)
            || lexicon.is_cue_word(&token.lower)
            || (token.lower.len() > 4 && token.lower.ends_with("ed")))
}

/// Whether token `i` reads as a verb in its place: [`is_verb`], and not after a determiner
/// ("the report", "a warning" are nouns).
pub fn verb_at(t: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    is_verb(&t[i], lexicon) && !(i > 0 && lexicon.is(Words::Determiner, &t[i - 1].lower))
}

fn skippable(token: &Token, lexicon: &Lexicon) -> bool {
    token.is_word()
        && (lexicon.is(Words::Aux, &token.lower) || lexicon.is(Words::Adverb, &token.lower))
}

/// The noun phrase that ends right before token `end`, if there is one that can be a subject
/// (not the object of a preposition).
pub fn noun_phrase_before(t: &[Token], end: usize, lexicon: &Lexicon) -> Option<Range> {
    let mut start = end;
    while start > 0 && end - start < LONGEST {
        let word = &t[start - 1];
        let joins = lexicon.is(Words::Joiner, &word.lower) && start < end;
        // The word right before the verb is the subject's head, even when it is also a cue's
        // form ("member states demanded", "advocates urged").
        let head =
            start == end && !word.lower.ends_with("ed") && !lexicon.is(Words::Aux, &word.lower);
        let verb = verb_at(t, start - 1, lexicon) && !head;
        if !word.is_word() || (!joins && (lexicon.is(Words::Stop, &word.lower) || verb)) {
            break;
        }
        start -= 1;
    }
    while start < end && lexicon.is(Words::Joiner, &t[start].lower) {
        start += 1;
    }
    let after_preposition = start > 0 && {
        let before = &t[start - 1];
        before.is_word() && lexicon.is(Words::Preposition, &before.lower)
    };
    let last = t.get(end.checked_sub(1)?)?;
    let dangling =
        lexicon.is(Words::Determiner, &last.lower) || lexicon.is(Words::Joiner, &last.lower);
    (start < end && !after_preposition && !dangling).then_some((start, end))
}

/// The noun phrase that starts at token `start` (an inverted subject: "said Lena Moravec");
/// an appositive name after it is preferred when the phrase has none ("said Fiji's delegate,
/// Mere Tuilagi").
pub fn noun_phrase_after(t: &[Token], start: usize, lexicon: &Lexicon) -> Option<Range> {
    let run = |from: usize| {
        let mut end = from;
        while end < t.len() && end - from < LONGEST {
            let word = &t[end];
            let joins = word.lower == "of" && end > from;
            if !word.is_word()
                || (!joins
                    && (lexicon.is(Words::Stop, &word.lower)
                        || lexicon.is(Words::Adjunct, &word.lower)))
                || verb_at(t, end, lexicon)
            {
                break;
            }
            end += 1;
        }
        (end > from).then_some((from, end))
    };
    let phrase = run(start)?;
    let named = t[phrase.1 - 1].capital;
    if !named && t.get(phrase.1).is_some_and(|c| c.is(',')) {
        if let Some(apposition) = run(phrase.1 + 1) {
            let closes = t.get(apposition.1).is_none_or(|c| !c.is_word());
            if closes && (apposition.0..apposition.1).all(|i| t[i].capital) {
                return Some(apposition);
            }
        }
    }
    Some(phrase)
}

/// The subject of the verb at token `verb`: back over auxiliaries and adverbs; after "and",
/// the subject of the verb before; between commas, an appositive name ("Its candidate, Daria
/// Novak, said"), else the phrase before the commas ("A senior manager, who asked…, said";
/// "John Smith, a lawyer for the family, alleged").
pub fn subject_before(t: &[Token], verb: usize, lexicon: &Lexicon) -> Option<Range> {
    subject_at(t, verb, lexicon, true)
}

fn subject_at(t: &[Token], verb: usize, lexicon: &Lexicon, follow_and: bool) -> Option<Range> {
    let mut end = verb;
    while end > 0 && skippable(&t[end - 1], lexicon) {
        end -= 1;
    }
    let before = t.get(end.checked_sub(1)?)?;
    if before.is_word() && lexicon.is(Words::And, &before.lower) {
        if !follow_and {
            return None;
        }
        let earlier = (0..end - 1)
            .rev()
            .take_while(|&i| t[i].is_word() || t[i].is(','))
            .find(|&i| verb_at(t, i, lexicon) && !skippable(&t[i], lexicon))?;
        return subject_at(t, earlier, lexicon, false);
    }
    if lexicon.is(Words::Relative, &before.lower) && end >= 2 && t[end - 2].is(',') {
        return noun_phrase_before(t, end - 2, lexicon); // "the envoy, who said …"
    }
    if before.is(',') {
        let comma = end - 1;
        let open = (0..comma)
            .rev()
            .take(LONGEST * 2)
            .find(|&i| !t[i].is_word())?;
        if !t[open].is(',') || open + 1 >= comma {
            return None;
        }
        let inner = (open + 1, comma);
        if (inner.0..inner.1).all(|i| t[i].capital) {
            return Some(inner);
        }
        // "John Smith, a lawyer for the family, alleged": the phrase before the apposition.
        return noun_phrase_before(t, open, lexicon);
    }
    noun_phrase_before(t, end, lexicon)
}

/// The noun phrase a sentence starts with (the subject of a participle: "…, saying").
pub fn sentence_subject(t: &[Token], lexicon: &Lexicon) -> Option<Range> {
    let mut end = 0;
    while end < t.len() && end < LONGEST {
        let word = &t[end];
        let joins = lexicon.is(Words::Joiner, &word.lower) && end > 0;
        let verb = verb_at(t, end, lexicon);
        if !word.is_word() || (!joins && (lexicon.is(Words::Stop, &word.lower) || verb)) {
            break;
        }
        end += 1;
    }
    (end > 0).then_some((0, end))
}

/// The capitalised run that ends a phrase, without the titles at its start ("Finance Minister
/// Oskar Lind" → "Oskar Lind"); `None` when the phrase does not end in a capitalised word.
fn name_at_end(t: &[Token], (start, end): Range, lexicon: &Lexicon) -> Option<Range> {
    let mut from = end;
    while from > start && t[from - 1].capital {
        from -= 1;
    }
    while from + 1 < end && lexicon.is(Words::Title, &t[from].lower) {
        from += 1;
    }
    (from < end).then_some((from, end))
}

/// What kind of speaker the phrase `range` names.
pub fn speaker(t: &[Token], range: Range, lexicon: &Lexicon) -> Speaker {
    let (start, end) = range;
    let is = |i: usize, kind: Words| lexicon.is(kind, &t[i].lower);
    let make = |name: Range, kind: Kind| Speaker {
        mention: range,
        name,
        kind,
    };
    if end - start == 1 {
        for (kind, who) in [
            (Words::PronounPerson, Who::Person),
            (Words::PronounGroup, Who::Group),
            (Words::PronounOrg, Who::Org),
        ] {
            if is(start, kind) {
                return make(range, Kind::Pronoun(who));
            }
        }
    }
    let bare = if is(start, Words::Article) && end - start > 1 {
        start + 1
    } else {
        start
    };
    let spokes = (bare..end)
        .find(|&i| is(i, Words::Spokes) && t.get(i + 1).is_some_and(|n| n.lower == "for"));
    if let Some(i) = spokes.filter(|&i| i + 2 < end) {
        let org = speaker(t, (i + 2, end), lexicon);
        return Speaker {
            mention: range,
            ..org
        };
    }
    if end - bare == 1
        && bare > start
        && !t[bare].capital
        && (is(bare, Words::Org) || is(bare, Words::Company))
    {
        return make((bare, end), Kind::Definite);
    }
    let joined = (bare + 1..end).any(|i| is(i, Words::Joiner));
    match name_at_end(t, (bare, end), lexicon).filter(|_| !joined) {
        Some(name) => Speaker {
            mention: if name.0 > bare { name } else { range },
            name,
            kind: Kind::Name,
        },
        None => make((bare, end), Kind::Phrase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::lexicon::for_language;
    use crate::model::suggest::tokens::{paragraphs, sentences};

    /// The subject of the first `cue` in `text`: its mention, its name and its kind.
    fn check(text: &str, cue: &str, expected: Option<(&str, &str, Kind)>) {
        let chars: Vec<char> = text.chars().collect();
        let lexicon = for_language(Some("en")).unwrap();
        let sentence = sentences(&chars, paragraphs(&chars)[0], lexicon).remove(0);
        let t = &sentence.tokens;
        let verb = t.iter().position(|w| w.lower == cue).unwrap();
        let words = |(s, e): Range| -> String { chars[t[s].start..t[e - 1].end].iter().collect() };
        let subject = subject_before(t, verb, lexicon).or_else(|| {
            let inverted = t[verb - 1].is_quote() || t[verb - 1].is(',');
            inverted
                .then(|| noun_phrase_after(t, verb + 1, lexicon))
                .flatten()
        });
        let found = subject.map(|r| speaker(t, r, lexicon));
        let shown = found.map(|s| (words(s.mention), words(s.name), s.kind));
        let expected = expected.map(|(m, n, k)| (m.to_string(), n.to_string(), k));
        assert_eq!(shown, expected, "{text}");
    }

    #[test]
    fn subjects_before_the_cue() {
        use Kind::*;
        check(
            "Finance Minister Oskar Lind said so.",
            "said",
            Some(("Oskar Lind", "Oskar Lind", Name)),
        );
        check(
            "Union representative Marta Klein said so.",
            "said",
            Some(("Marta Klein", "Marta Klein", Name)),
        );
        check(
            "The European Union called on them.",
            "called",
            Some(("The European Union", "European Union", Name)),
        );
        check(
            "Its candidate, Daria Novak, said so.",
            "said",
            Some(("Daria Novak", "Daria Novak", Name)),
        );
        check(
            "A senior manager, who asked not to be named, said so.",
            "said",
            Some(("A senior manager", "senior manager", Phrase)),
        );
        check(
            "The defence ministry in Varos alleged it.",
            "alleged",
            Some((
                "The defence ministry in Varos",
                "defence ministry in Varos",
                Phrase,
            )),
        );
        check(
            "A spokeswoman for the finance ministry said so.",
            "said",
            Some((
                "A spokeswoman for the finance ministry",
                "finance ministry",
                Phrase,
            )),
        );
        check(
            "Rebel spokesman Tomas Reed denied it and later said so.",
            "said",
            Some(("Tomas Reed", "Tomas Reed", Name)),
        );
        check(
            "The union has threatened to strike and has asked for talks.",
            "asked",
            Some(("The union", "union", Definite)),
        );
        check(
            "She has also said so.",
            "said",
            Some(("She", "She", Pronoun(Who::Person))),
        );
        check(
            "Farmers' unions blamed them.",
            "blamed",
            Some(("Farmers' unions", "Farmers' unions", Phrase)),
        );
    }

    #[test]
    fn inverted_subjects_and_non_subjects() {
        use Kind::*;
        check(
            "“Yes,” said Fiji's delegate, Mere Tuilagi.",
            "said",
            Some(("Mere Tuilagi", "Mere Tuilagi", Name)),
        );
        check(
            "“Yes,” said Lena Moravec, the envoy.",
            "said",
            Some(("Lena Moravec", "Lena Moravec", Name)),
        );
        check(
            "Prices rose, the office said in its monthly report.",
            "report",
            None,
        );
        check(
            "Prices rose, the office said in its monthly report.",
            "said",
            Some(("the office", "office", Definite)),
        );
    }
}
