//! Suggesting annotations for a document: each sentence's attributions (`structure`) become
//! candidates with a named source (`resolve`), features and a label and confidence from the
//! model (`learn`); spans are snapped to whole characters (`boundaries`), and no candidate
//! repeats an annotation (same span and label) or a refusal. The same code runs in the browser
//! and on the command line; a 1 MB document takes well under a second.

use std::collections::{HashMap, HashSet};

use super::features::{features, Context, CLASSES, NONE};
use super::learn::Model;
use super::lexicon::{for_language, Lexicon};
use super::phrases::{sentence_subject, speaker, Kind, Range};
use super::resolve::Resolver;
use super::structure::{find, lone_quote, Found, Shape};
use super::suggestion::Suggestion;
use super::tokens::{paragraphs, sentences, Sentence, Token};
use crate::model::action::Action;
use crate::model::annotation::{Annotation, LabelId, Suggested};
use crate::model::boundaries::{is_grapheme_boundary, next_boundary, previous_boundary};
use crate::model::span::Span;
use crate::model::text::Text;
use crate::model::workspace::Workspace;

/// Candidates less likely than this to be an attribution (with any label) are not suggested.
pub const MIN_LIKELIHOOD: f64 = 0.5;

/// The suggestions for a document, in text order: the candidates at least [`MIN_LIKELIHOOD`]
/// likely to be an attribution. None for a language without a lexicon (English only so far).
pub fn suggest(ws: &Workspace, model: &Model) -> Vec<Suggestion> {
    let mut found = candidates(ws, model);
    found.retain(|s| likelihood(model, s) >= MIN_LIKELIHOOD);
    found
}

/// How likely a candidate is to be an attribution with some label (its confidence is that of
/// its own label).
pub fn likelihood(model: &Model, suggestion: &Suggestion) -> f64 {
    1.0 - model.probabilities(&suggestion.features)[NONE]
}

/// Every candidate the engine sees, whatever its confidence, in text order: one per span and
/// label (the surest), none repeating an annotation or a refusal of the document's own model.
pub fn candidates(ws: &Workspace, model: &Model) -> Vec<Suggestion> {
    let Some(lexicon) = for_language(ws.document.language.as_deref()) else {
        return Vec::new();
    };
    let chars: Vec<char> = ws.document.text.as_str().chars().collect();
    let mut pass = Pass::new(ws, model, lexicon, &chars);
    for paragraph in paragraphs(&chars) {
        let mut carried = None;
        for sentence in sentences(&chars, paragraph, lexicon) {
            carried = pass.sentence(&sentence, carried);
        }
    }
    let mut out: Vec<Suggestion> = pass.best.into_values().collect();
    out.sort_by_key(|s| (s.span.text_order_key(), s.label.clone()));
    out
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
    tagged: HashSet<(usize, usize, &'a str)>,
    resolver: Resolver<'a>,
    best: HashMap<(usize, usize, LabelId), Suggestion>,
}

impl<'a> Pass<'a> {
    fn new(
        ws: &'a Workspace,
        model: &'a Model,
        lexicon: &'a Lexicon,
        chars: &'a [char],
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
            resolver: Resolver::new(ws),
            best: HashMap::new(),
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
            let said = reader.said(&found, &mut self.resolver);
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

/// The candidate that overlaps `span` most (for learning from a span the person tagged).
pub fn candidate_at(ws: &Workspace, model: &Model, span: Span) -> Option<Suggestion> {
    candidates(ws, model)
        .into_iter()
        .filter(|s| s.span.overlaps(span))
        .max_by_key(|s| s.span.overlap_len(span))
}

/// What the suggestions of a corpus are scored with: every document's learning added up.
pub fn model_of<'a>(documents: impl IntoIterator<Item = &'a Workspace>) -> Model {
    Model::sum(documents.into_iter().filter_map(|ws| ws.suggester.as_ref()))
}

impl Suggestion {
    /// The action that accepts the suggestion: an `Action::Add` of its span, label and
    /// attribution, stamped `now`.
    pub fn to_action(&self, now: &str) -> Action {
        Action::Add {
            span: self.span,
            label: self.label.clone(),
            attribution: self.attribution(),
            note: String::new(),
            now: now.to_string(),
        }
    }
}

/// The document with the suggestions added as annotations marked suggested (with their
/// confidence), for a pre-annotated file: `claimmark suggest`.
pub fn pre_annotated(ws: &Workspace, suggestions: &[Suggestion], now: &str) -> Workspace {
    let mut out = ws.clone();
    let mut ids = ws.fresh_ids();
    for s in suggestions {
        let annotation = Annotation {
            id: ids.next().expect("an endless sequence"),
            span: s.span,
            fragments: Vec::new(),
            label: s.label.clone(),
            attribution: s.attribution(),
            note: String::new(),
            created: now.to_string(),
            modified: now.to_string(),
            provenance: None,
        };
        let mark = Suggested {
            confidence: Some(s.confidence),
        };
        out.insert_marked(annotation, Some(mark));
    }
    out
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
