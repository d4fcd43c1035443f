//! Reading a document for suggestions: each sentence's attributions (`structure`) become
//! candidates with a named source (`resolve`), features and a label and confidence from the
//! model (`learn`); spans are snapped to whole characters (`boundaries`), and no candidate
//! repeats an annotation (same span and label) or a refusal.
//!
//! A [`Reading`] can stop between paragraphs and go on later, so that the browser reads a long
//! document a few paragraphs per task and never blocks the page for long; what the reading
//! remembers (the sources named so far, the candidates found) stays in it between steps. Read
//! in one step or in many, a document gives the same candidates (`tests/suggest.rs`).

use std::collections::{HashMap, HashSet};

use super::features::{features, Context, CLASSES, NONE};
use super::learn::Model;
use super::lexicon::{for_language, Fast, Lexicon};
use super::phrases::{sentence_subject, speaker, Kind, Range};
use super::resolve::Resolver;
use super::structure::{find, lone_quote, Found, Shape};
use super::suggestion::Suggestion;
use super::tokens::{paragraphs, sentences, Sentence, Token};
use crate::model::annotation::LabelId;
use crate::model::boundaries::{is_grapheme_boundary, next_boundary, previous_boundary};
use crate::model::span::Span;
use crate::model::text::Text;
use crate::model::workspace::Workspace;

/// The surest candidate of each span and label found so far.
type Best = HashMap<(usize, usize, LabelId), Suggestion, Fast>;

/// A document being read for candidates, paragraph by paragraph.
pub struct Reading {
    /// `None` for a language without a lexicon: nothing to read.
    lexicon: Option<&'static Lexicon>,
    chars: Vec<char>,
    paragraphs: Vec<(usize, usize)>,
    /// The next paragraph to read.
    next: usize,
    resolver: Resolver,
    best: Best,
}

impl Reading {
    /// A reading of `ws` from its start.
    pub fn new(ws: &Workspace) -> Reading {
        let lexicon = for_language(ws.document.language.as_deref());
        let chars: Vec<char> = match lexicon {
            Some(_) => ws.document.text.as_str().chars().collect(),
            None => Vec::new(),
        };
        Reading {
            lexicon,
            paragraphs: paragraphs(&chars),
            chars,
            next: 0,
            resolver: Resolver::new(ws),
            best: Best::default(),
        }
    }

    /// Reads whole paragraphs until at least `budget` characters have been read in this step
    /// (at least one paragraph) or the document ends. Every step of a reading must be given
    /// the workspace it was made for, unchanged, and the same model.
    pub fn step(&mut self, ws: &Workspace, model: &Model, budget: usize) {
        let Some(lexicon) = self.lexicon else {
            self.next = self.paragraphs.len();
            return;
        };
        let memory = (&mut self.resolver, &mut self.best);
        let mut pass = Pass::new(ws, model, lexicon, &self.chars, memory);
        let mut read = 0;
        while let Some(&paragraph) = self.paragraphs.get(self.next) {
            if read > 0 && read >= budget {
                break;
            }
            pass.paragraph(paragraph);
            read += paragraph.1 - paragraph.0;
            self.next += 1;
        }
    }

    /// Whether every paragraph has been read.
    pub fn is_done(&self) -> bool {
        self.next >= self.paragraphs.len()
    }

    /// How much of the text has been read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match (self.paragraphs.get(self.next), self.chars.len()) {
            (_, 0) | (None, _) => 1.0,
            (Some(&(start, _)), len) => start as f64 / len as f64,
        }
    }

    /// The candidates found, in text order (every candidate of the document once the reading
    /// is done).
    pub fn candidates(self) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = self.best.into_values().collect();
        out.sort_by(|a, b| {
            let order = a.span.text_order_key().cmp(&b.span.text_order_key());
            order.then_with(|| a.label.cmp(&b.label))
        });
        out
    }
}

/// The speaker of a paragraph's last quotation, for its next sentence if that is only a
/// quotation ("“We will not pay,” the mayor said. “Not now, not ever.”").
type Carried<'l> = Option<(Found<'l>, Said)>;

/// One reading of a document, in order.
struct Pass<'a> {
    ws: &'a Workspace,
    model: &'a Model,
    lexicon: &'a Lexicon,
    chars: &'a [char],
    /// The label of each class, when the document has it.
    labels: Vec<Option<LabelId>>,
    tagged: HashSet<(usize, usize, &'a str), Fast>,
    resolver: &'a mut Resolver,
    best: &'a mut Best,
}

impl<'a> Pass<'a> {
    fn new(
        ws: &'a Workspace,
        model: &'a Model,
        lexicon: &'a Lexicon,
        chars: &'a [char],
        (resolver, best): (&'a mut Resolver, &'a mut Best),
    ) -> Pass<'a> {
        Pass {
            ws,
            model,
            lexicon,
            chars,
            labels: CLASSES[..NONE]
                .iter()
                .map(|c| ws.label(&LabelId::new(c)).map(|l| l.id.clone()))
                .collect(),
            tagged: ws
                .annotations()
                .iter()
                .map(|a| (a.span.start(), a.span.end(), a.label.as_str()))
                .collect(),
            resolver,
            best,
        }
    }

    /// Reads one paragraph, sentence by sentence.
    fn paragraph(&mut self, paragraph: (usize, usize)) {
        let mut carried = None;
        for sentence in sentences(self.chars, paragraph, self.lexicon) {
            carried = self.sentence(&sentence, carried);
        }
    }

    /// Keeps a candidate unless it repeats an annotation or a refusal, or a surer one.
    fn keep(&mut self, s: Suggestion) {
        let key = (s.span.start(), s.span.end(), s.label.clone());
        let refused = self.ws.suggester.as_ref();
        let new = !self.tagged.contains(&(key.0, key.1, key.2.as_str()))
            && !refused.is_some_and(|m| m.is_rejected(s.span, s.label.as_str()));
        if new
            && self
                .best
                .get(&key)
                .is_none_or(|b| b.confidence < s.confidence)
        {
            self.best.insert(key, s);
        }
    }

    /// Reads one sentence; gives what the next one may carry on.
    fn sentence(&mut self, sentence: &Sentence, carried: Carried<'a>) -> Carried<'a> {
        let (t, lexicon) = (&sentence.tokens[..], self.lexicon);
        self.resolver.see(t, self.chars, lexicon);
        let reader = Reader {
            text: &self.ws.document.text,
            chars: self.chars,
            t,
            lexicon,
        };
        if let Some(subject) = sentence_subject(t, lexicon).map(|r| speaker(t, r, lexicon)) {
            if subject.kind == Kind::Name {
                self.resolver
                    .remember_subject(&reader.words(subject.name), lexicon);
            }
        }
        let found = find(t, lexicon);
        if let (true, Some(content), Some((before, said))) =
            (found.is_empty(), lone_quote(t), &carried)
        {
            let next = Found {
                content,
                subject: None,
                shape: Shape::Continued,
                ..before.clone()
            };
            if let Some(s) =
                reader.suggestion(&next, said, sentence.first, self.model, &self.labels)
            {
                self.keep(s);
            }
            return carried;
        }
        let mut carry = None;
        for found in found {
            let said = reader.said(&found, self.resolver);
            let Some(s) =
                reader.suggestion(&found, &said, sentence.first, self.model, &self.labels)
            else {
                continue;
            };
            if found.shape.quoted() {
                carry = Some((found, said));
            }
            self.keep(s);
        }
        carry
    }
}

/// Who says a candidate's words.
#[derive(Clone)]
struct Said {
    kind: Option<Kind>,
    source: Option<String>,
    mention: Option<Span>,
    cue: Option<Span>,
}

/// One sentence being read.
struct Reader<'a> {
    text: &'a Text,
    chars: &'a [char],
    t: &'a [Token],
    lexicon: &'a Lexicon,
}

impl Reader<'_> {
    /// A token range as a span of whole characters (widened to cluster boundaries).
    fn span(&self, (start, end): Range) -> Option<Span> {
        let mut from = self.t[start].start;
        let mut to = self.t[end - 1].end;
        if !is_grapheme_boundary(self.text, from) {
            from = previous_boundary(self.text, from);
        }
        if !is_grapheme_boundary(self.text, to) {
            to = next_boundary(self.text, to);
        }
        Span::new(from, to, self.text.len()).ok()
    }

    fn words(&self, (start, end): Range) -> String {
        self.chars[self.t[start].start..self.t[end - 1].end]
            .iter()
            .collect()
    }

    /// Who says it: the speaker's phrase, the source it names, and the spans of the mention
    /// and the cue.
    fn said(&self, found: &Found, resolver: &mut Resolver) -> Said {
        let speaker = found.subject.map(|r| speaker(self.t, r, self.lexicon));
        let source = speaker.and_then(|s| {
            let head = &self.t[s.name.1 - 1].lower;
            resolver.resolve(&s, &self.words(s.name), head, self.lexicon)
        });
        Said {
            kind: speaker.map(|s| s.kind),
            mention: speaker.and_then(|s| self.span(s.mention)),
            cue: self.span(found.cue_at),
            source,
        }
    }

    fn suggestion(
        &self,
        found: &Found,
        said: &Said,
        first: bool,
        model: &Model,
        labels: &[Option<LabelId>],
    ) -> Option<Suggestion> {
        let context = Context {
            content: &self.t[found.content.0..found.content.1],
            speaker: said.kind,
            unresolved: said.kind.is_some() && said.source.is_none(),
            first,
        };
        let features = features(found, &context, self.lexicon);
        let p = model.probabilities(&features);
        let (class, label) = (0..NONE)
            .filter_map(|c| labels[c].clone().map(|l| (c, l)))
            .max_by(|a, b| p[a.0].total_cmp(&p[b.0]))?;
        Some(Suggestion {
            label,
            span: self.span(found.content)?,
            source: said.source.clone(),
            mention: said.mention,
            cue: said.cue,
            confidence: (p[class] * 1000.0).round() / 1000.0,
            features,
        })
    }
}
