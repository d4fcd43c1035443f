//! The structures that attribute words to a source, found in one sentence: a quotation before
//! its cue (“…,” X said) or after it (X said: “…”), a quotation split by its cue, reported
//! speech (X said (that) …), the clause before "X said", "according to X", complements
//! ("accused Y of …", "urged Y to …", "called for …") and "called it “…”". Cues inside
//! quotations are not cues, and a cue after a determiner is a noun ("a warning").

use super::lexicon::{Cue, Frame, Lexicon, Words};
use super::phrases::{noun_phrase_after, sentence_subject, subject_before, verb_at, Range};
use super::tokens::{Kind, Token};

/// How the words said are laid out around the cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// “…,” X said.
    QuoteFirst,
    /// X said: “…”
    QuoteAfter,
    /// “A,” he added, “B.” (the second piece)
    SplitQuote,
    /// X said that …
    That,
    /// X said … / X urged Y to …
    Bare,
    /// …, X said.
    ClauseFirst,
    /// According to X, …
    According,
    /// X called it “…”
    Named,
    /// A sentence that is only a quotation, after a quoted attribution.
    Continued,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::QuoteFirst => "quote-first",
            Shape::QuoteAfter => "quote-after",
            Shape::SplitQuote => "split-quote",
            Shape::That => "that",
            Shape::Bare => "bare",
            Shape::ClauseFirst => "clause-first",
            Shape::According => "according",
            Shape::Named => "named",
            Shape::Continued => "continued",
        }
    }

    /// Whether what is said is a quotation.
    pub fn quoted(self) -> bool {
        matches!(
            self,
            Shape::QuoteFirst
                | Shape::QuoteAfter
                | Shape::SplitQuote
                | Shape::Named
                | Shape::Continued
        )
    }
}

/// One attribution found in a sentence, as token ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'l> {
    pub cue: &'l Cue,
    pub cue_at: Range,
    pub content: Range,
    pub subject: Option<Range>,
    pub shape: Shape,
    /// The cue follows "and" (its subject is the earlier verb's).
    pub coordinated: bool,
    /// The cue is a passive ("was accused"): its subject is not the speaker.
    pub passive: bool,
}

/// Every attribution in a sentence.
pub fn find<'l>(t: &[Token], lexicon: &'l Lexicon) -> Vec<Found<'l>> {
    let hits = cues(t, lexicon);
    let mut found = Vec::new();
    for &(at, cue) in &hits {
        if cue.frame == Frame::According {
            found.extend(according(t, at, cue, &hits, lexicon));
        } else if let Some(quoted) = quote_before(t, at, cue, &hits, lexicon) {
            found.extend(quoted);
        } else {
            found.extend(complement(t, at, cue, &hits, lexicon));
        }
    }
    found
}

/// The words of a sentence that is only a quotation (and the punctuation after it).
pub fn lone_quote(t: &[Token]) -> Option<Range> {
    let Kind::Open(close) = t.first()?.kind else {
        return None;
    };
    t[close + 1..]
        .iter()
        .all(|w| !w.is_word())
        .then(|| inside(t, 0, close))?
}

/// The cues of a sentence, outside quotations, longest forms first.
fn cues<'l>(t: &[Token], lexicon: &'l Lexicon) -> Vec<(Range, &'l Cue)> {
    let mut quoted = vec![false; t.len()];
    for (i, token) in t.iter().enumerate() {
        if let Kind::Open(close) = token.kind {
            quoted[i..close.min(t.len())]
                .iter_mut()
                .for_each(|q| *q = true);
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let words: Vec<&str> = t[i..]
            .iter()
            .take(3)
            .take_while(|w| w.is_word())
            .map(|w| w.lower.as_str())
            .collect();
        // A cue after a determiner, or before a verb, is a noun ("a warning", "the report
        // said", "two states traded").
        let noun = |n: usize| {
            (i > 0 && lexicon.is(Words::Determiner, &t[i - 1].lower))
                || (i + n < t.len() && verb_at(t, i + n, lexicon))
        };
        match lexicon.cue_at(&words).filter(|_| !quoted[i]) {
            Some((n, cue)) if cue.frame == Frame::According || !noun(n) => {
                out.push(((i, i + n), cue));
                i += n;
            }
            _ => i += 1,
        }
    }
    out
}

fn starts_cue(hits: &[(Range, &Cue)], i: usize) -> bool {
    hits.iter().any(|(at, _)| at.0 == i)
}

/// `range` without trailing punctuation (closing quotation marks stay), or `None` if empty.
fn trimmed(t: &[Token], (start, mut end): Range) -> Option<Range> {
    while end > start && matches!(t[end - 1].kind, Kind::Punct(c) if ",.;:—–-".contains(c)) {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

/// The words inside a quotation (a trailing comma left out).
fn inside(t: &[Token], open: usize, close: usize) -> Option<Range> {
    let mut end = close;
    while end > open + 1 && t[end - 1].is(',') {
        end -= 1;
    }
    (end > open + 1).then_some((open + 1, end))
}

/// A clause from `start`: to the end of the sentence, a semicolon, or where another cue takes
/// over (", saying", ", according to", "and urged"); quotations are passed whole.
fn clause(t: &[Token], start: usize, hits: &[(Range, &Cue)], lexicon: &Lexicon) -> Option<Range> {
    let mut i = start;
    while i < t.len() {
        let token = &t[i];
        if let Kind::Open(close) = token.kind {
            i = close + 1;
            continue;
        }
        if token.is(';') || (token.is(',') && starts_cue(hits, i + 1)) {
            break;
        }
        if token.is_word() && lexicon.is(Words::And, &token.lower) && i > start {
            let mut j = i + 1;
            while j < t.len()
                && t[j].is_word()
                && (lexicon.is(Words::Aux, &t[j].lower) || lexicon.is(Words::Adverb, &t[j].lower))
            {
                j += 1;
            }
            if starts_cue(hits, j) {
                break;
            }
        }
        i += 1;
    }
    trimmed(t, (start, i.min(t.len())))
}

/// What follows a colon: a quotation, or a clause.
fn after_colon(
    t: &[Token],
    at: usize,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<(Range, Shape)> {
    match t.get(at)?.kind {
        Kind::Open(close) => inside(t, at, close).map(|r| (r, Shape::QuoteAfter)),
        _ => clause(t, at, hits, lexicon).map(|r| (r, Shape::Bare)),
    }
}

/// Looks up to eight tokens ahead (stopping at punctuation) for "that", "to" or a colon:
/// "said on Monday that …", "told reporters that …", "offered on Monday to …".
fn ahead(
    t: &[Token],
    from: usize,
    to_counts: bool,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<(Range, Shape)> {
    for j in from..t.len().min(from + 8) {
        let token = &t[j];
        if token.is(':') {
            return after_colon(t, j + 1, hits, lexicon);
        }
        if !token.is_word() {
            return None;
        }
        if lexicon.is(Words::That, &token.lower) {
            return clause(t, j + 1, hits, lexicon).map(|r| (r, Shape::That));
        }
        if to_counts && token.lower == "to" && j > from {
            return clause(t, j, hits, lexicon).map(|r| (r, Shape::Bare));
        }
    }
    None
}

/// What a speech verb's complement says, from token `from`.
fn speech(
    t: &[Token],
    from: usize,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<(Range, Shape)> {
    let first = t.get(from)?;
    match first.kind {
        Kind::Punct(':') => after_colon(t, from + 1, hits, lexicon),
        Kind::Open(close) => inside(t, from, close).map(|r| (r, Shape::QuoteAfter)),
        Kind::Word if lexicon.is(Words::That, &first.lower) => {
            clause(t, from + 1, hits, lexicon).map(|r| (r, Shape::That))
        }
        Kind::Word if lexicon.is(Words::Adjunct, &first.lower) => {
            ahead(t, from, true, hits, lexicon)
        }
        Kind::Word => clause(t, from, hits, lexicon).map(|r| (r, Shape::Bare)),
        _ => None,
    }
}

/// Whether nothing is said after the cue: the sentence ends, or only a time or place follows.
fn nothing_after(t: &[Token], from: usize, hits: &[(Range, &Cue)], lexicon: &Lexicon) -> bool {
    match t.get(from) {
        None => true,
        Some(token) if !token.is_word() => !matches!(token.kind, Kind::Open(_) | Kind::Punct(':')),
        Some(token) => {
            lexicon.is(Words::Adjunct, &token.lower)
                && ahead(t, from, true, hits, lexicon).is_none()
        }
    }
}

/// A quotation that ends right before the cue and its subject: “…,” X said / “…,” said X;
/// and the piece after the cue when it is split: “A,” he added, “B.”
fn quote_before<'l>(
    t: &[Token],
    at: Range,
    cue: &'l Cue,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<Vec<Found<'l>>> {
    let close = (at.0.saturating_sub(13)..at.0)
        .rev()
        .find(|&i| t[i].kind == Kind::Close)?;
    let gap = close + 1..at.0;
    if gap
        .clone()
        .any(|i| !(t[i].is_word() || t[i].is(',')) || starts_cue(hits, i))
    {
        return None;
    }
    let open = (0..close).rev().find(|&i| t[i].kind == Kind::Open(close))?;
    let content = inside(t, open, close)?;
    let inverted = gap.clone().all(|i| !t[i].is_word());
    let subject = if inverted {
        noun_phrase_after(t, at.1, lexicon)
    } else {
        subject_before(t, at.0, lexicon)
    };
    let found = |content: Range, shape: Shape| Found {
        cue,
        cue_at: at,
        content,
        subject,
        shape,
        coordinated: false,
        passive: false,
    };
    let mut out = vec![found(content, Shape::QuoteFirst)];
    let after = if inverted {
        subject.map_or(at.1, |s| s.1)
    } else {
        at.1
    };
    if t.get(after).is_some_and(|c| c.is(',')) {
        if let Some(Kind::Open(close)) = t.get(after + 1).map(|o| o.kind) {
            out.extend(inside(t, after + 1, close).map(|r| found(r, Shape::SplitQuote)));
        }
    }
    Some(out)
}

/// What a cue says when no quotation comes before it: by its frame, or the clause before it
/// (“…, X said.”).
fn complement<'l>(
    t: &[Token],
    at: Range,
    cue: &'l Cue,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<Found<'l>> {
    let participle = t[at.0].lower.ends_with("ing") && at.0 > 0 && t[at.0 - 1].is(',');
    let mut before = at.0;
    let mut passive = false;
    while before > 0
        && t[before - 1].is_word()
        && (lexicon.is(Words::Aux, &t[before - 1].lower)
            || lexicon.is(Words::Adverb, &t[before - 1].lower))
    {
        passive |= lexicon.is(Words::Passive, &t[before - 1].lower);
        before -= 1;
    }
    let coordinated = before > 0 && lexicon.is(Words::And, &t[before - 1].lower);
    let mut subject = if participle {
        sentence_subject(t, lexicon)
    } else {
        subject_before(t, at.0, lexicon)
    };
    let inverted = subject.is_none() && at.0 > 1 && t[at.0 - 1].is(',');
    if inverted {
        subject = noun_phrase_after(t, at.1, lexicon);
    }
    let after = if inverted {
        subject.map_or(at.1, |s| s.1)
    } else {
        at.1
    };
    let clause_first = match subject {
        _ if participle || coordinated => None,
        _ if inverted => Some(at.0 - 1),
        Some((s, _)) if s >= 3 && t[s - 1].is(',') => Some(s - 1),
        _ => None,
    };
    let said = match clause_first {
        Some(comma) if nothing_after(t, after, hits, lexicon) => {
            trimmed(t, (0, comma)).map(|r| (r, Shape::ClauseFirst))
        }
        _ => match cue.frame {
            Frame::Speech => speech(t, after, hits, lexicon),
            Frame::Tell => ahead(t, after, false, hits, lexicon),
            Frame::Name => (after..t.len().min(after + 10)).find_map(|i| match t[i].kind {
                Kind::Open(close) => Some(inside(t, i, close).map(|r| (r, Shape::Named))),
                Kind::Punct('.' | ';' | '!' | '?') => Some(None),
                _ => None,
            })?,
            Frame::According => None,
        },
    };
    let (content, shape) = said?;
    Some(Found {
        cue,
        cue_at: at,
        content,
        subject: subject.filter(|_| !passive),
        shape,
        coordinated,
        passive,
    })
}

/// "According to X, …", "…, according to X." and "…, according to X, …".
fn according<'l>(
    t: &[Token],
    at: Range,
    cue: &'l Cue,
    hits: &[(Range, &Cue)],
    lexicon: &Lexicon,
) -> Option<Found<'l>> {
    let start = at.1;
    let mut end = start;
    while end < t.len() && t[end].is_word() && end - start < 12 {
        end += 1;
    }
    if end == start {
        return None;
    }
    let opening = (0..at.0).all(|i| !t[i].is_word());
    let closing = t
        .get(end)
        .is_none_or(|c| matches!(c.kind, Kind::Punct('.' | '!' | '?' | ';')));
    let content = if opening {
        clause(t, end + 1, hits, lexicon).filter(|_| t.get(end).is_some_and(|c| c.is(',')))
    } else if closing {
        trimmed(t, (0, at.0))
    } else {
        trimmed(t, (0, t.len()))
    }?;
    Some(Found {
        cue,
        cue_at: at,
        content,
        subject: Some((start, end)),
        shape: Shape::According,
        coordinated: false,
        passive: false,
    })
}
