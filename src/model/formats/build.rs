//! Building checked documents from foreign formats.
//!
//! Importers read their own syntax and hand each span to a [`DocumentBuilder`] as a [`Draft`],
//! in the file's own offsets. Nothing is checked until [`DocumentBuilder::finish`] is given
//! the unit the file counts in (decided for the whole file by `collect`): then each draft is
//! converted to code points and checked against the text (`start < end <= len`, whole
//! characters, its quote), label names are mapped onto the document's labels
//! (case-insensitively, creating a label for a name it has not seen), and every problem is
//! recorded with the draft's place instead of panicking.

use std::collections::HashSet;

use super::texts::title_from_text;
use crate::model::annotation::{
    default_labels, is_rfc3339, Annotation, AnnotationId, Attribution, IdAllocator, Label, LabelId,
    Source,
};
use crate::model::provenance::Provenance;
use crate::model::span::Span;
use crate::model::text::Document;
use crate::model::workspace::Workspace;

use super::problem::Problem;
use super::units::{between_words, Tally, Unit, UnitMap};
use crate::model::boundaries::split_problem;
use crate::model::language::is_tag;
use crate::model::offsets::unit_hint;

/// Colours for labels that arrive from other tools, after the defaults.
const EXTRA_COLORS: [&str; 6] = [
    "#cc79a7", "#e69f00", "#56b4e9", "#8a6d00", "#6a3d9a", "#4d4d4d",
];

/// One annotation as a foreign format states it, in the file's offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: Option<String>,
    pub start: i64,
    pub end: i64,
    /// The pieces of a discontinuous span, in any order (brat); empty when whole.
    pub fragments: Vec<(i64, i64)>,
    pub label: String,
    /// The source's name; when absent, a mention's text names it.
    pub source: Option<String>,
    pub mention: Option<(i64, i64)>,
    /// The reporting verb or phrase, as offsets.
    pub cue: Option<(i64, i64)>,
    pub note: String,
    /// The text the format says the span covers, checked when present (pieces may be joined
    /// by a space and line breaks written as spaces, as brat writes them).
    pub quote: Option<String>,
    pub created: String,
    pub modified: String,
    /// Where the annotation came from, when the format carries it (a merged gold set).
    pub provenance: Option<Provenance>,
}

/// Collects the annotations of one document.
pub struct DocumentBuilder {
    /// Where the document is in its file (`line 4`, `task 2`, `a.ann`), for refusals.
    pub record: String,
    document: Document,
    labels: Vec<Label>,
    sources: Vec<Source>,
    drafts: Vec<(String, Draft)>,
    /// Problems of the record itself (a span that is not even an object).
    problems: Vec<Problem>,
    /// What was repaired, worth telling the user (time stamps left out).
    warnings: Vec<String>,
}

impl DocumentBuilder {
    /// A builder for `text` with the default labels.
    pub fn new(title: &str, text: &str) -> DocumentBuilder {
        DocumentBuilder::with_labels(title, text, default_labels())
    }

    /// A builder for `text` with `labels`; a blank title becomes the text's first line.
    pub fn with_labels(title: &str, text: &str, labels: Vec<Label>) -> DocumentBuilder {
        let title = match title.trim() {
            "" => title_from_text(text),
            title => title.to_string(),
        };
        DocumentBuilder {
            record: String::new(),
            document: Document::new(title, text),
            labels,
            sources: Vec::new(),
            drafts: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Names where the document is in its file.
    pub fn at(mut self, record: impl Into<String>) -> DocumentBuilder {
        self.record = record.into();
        self
    }

    /// Takes the language a format states for the text, when it is a BCP 47 tag (else the one
    /// guessed from the text stays).
    pub fn set_language(&mut self, tag: Option<&str>) {
        if let Some(tag) = tag.filter(|t| is_tag(t)) {
            self.document.language = Some(tag.to_string());
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Registers a source name with aliases (from a format that lists them).
    pub fn source(&mut self, name: &str, aliases: Vec<String>) {
        if !name.trim().is_empty() && !self.sources.iter().any(|s| s.name == name.trim()) {
            self.sources.push(Source {
                name: name.trim().to_string(),
                aliases,
            });
        }
    }

    /// A span of this document from signed code point offsets, or a problem message.
    pub fn span(&self, start: i64, end: i64) -> Result<Span, String> {
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return Err(format!("offsets {start}..{end} must not be negative"));
        };
        let span = Span::new(start, end, self.document.text.len()).map_err(|e| e.to_string())?;
        match split_problem(&self.document.text, span) {
            Some(problem) => Err(problem),
            None => Ok(span),
        }
    }

    /// Adds a draft, checked when the builder finishes.
    pub fn add(&mut self, at: &str, draft: Draft) {
        self.drafts.push((at.to_string(), draft));
    }

    /// A problem of the record itself: the document will be refused with it.
    pub fn problem(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.to_string(),
            message: message.into(),
        });
    }

    /// How well the drafts fit when read in `unit`, counting only the drafts whose offsets
    /// differ from code points under `alternative`.
    pub fn tally(&self, unit: Unit, alternative: &UnitMap) -> Tally {
        let map = UnitMap::new(self.document.text.as_str(), unit);
        let mut tally = Tally::default();
        if alternative.is_identity() {
            return tally;
        }
        let text = &self.document.text;
        let offsets = |(s, e): (i64, i64)| usize::try_from(s).ok().zip(usize::try_from(e).ok());
        for (_, draft) in &self.drafts {
            // The span first, then its mention, cue and pieces: all must fit.
            let parts: Vec<(usize, usize)> = std::iter::once((draft.start, draft.end))
                .chain(draft.mention)
                .chain(draft.cue)
                .chain(draft.fragments.iter().copied())
                .filter_map(offsets)
                .collect();
            let moved = |&(s, e): &(usize, usize)| {
                alternative.to_code_points(s) != Some(s) || alternative.to_code_points(e) != Some(e)
            };
            if !parts.iter().any(moved) {
                continue;
            }
            tally.differing += 1;
            let fit = |&(s, e): &(usize, usize)| {
                let (s, e) = map.to_code_points(s).zip(map.to_code_points(e))?;
                self.span(s as i64, e as i64).ok()
            };
            let spans: Vec<Option<Span>> = parts.iter().map(fit).collect();
            let listed: Vec<Span> = draft
                .fragments
                .iter()
                .filter_map(|&p| fit(&offsets(p)?))
                .collect();
            match spans.first().copied().flatten() {
                Some(span)
                    if spans.iter().all(Option::is_some)
                        && quote_fits(self, span, draft, &listed) =>
                {
                    let edge = |at: usize| between_words(text.char_before(at), text.char_at(at));
                    if !edge(span.start()) || !edge(span.end()) {
                        tally.inside_words += 1;
                    }
                }
                _ => tally.broken += 1,
            }
        }
        tally
    }

    /// The document, with the warnings about what was repaired on the way; or every problem,
    /// when any draft does not fit its text read in `unit`.
    pub fn finish(mut self, unit: Unit) -> Result<(Workspace, Vec<String>), Vec<Problem>> {
        let map = UnitMap::new(self.document.text.as_str(), unit);
        let mut problems = std::mem::take(&mut self.problems);
        let mut annotations = Vec::with_capacity(self.drafts.len());
        let mut taken: HashSet<String> = HashSet::new();
        let mut ids = IdAllocator::default();
        for (at, draft) in std::mem::take(&mut self.drafts) {
            let checked = match check(&mut self, &map, draft) {
                Ok(checked) => checked,
                Err(message) => {
                    problems.push(Problem { at, message });
                    continue;
                }
            };
            let id = match checked.id.filter(|id| AnnotationId::is_valid(id)) {
                Some(id) if !taken.contains(&id) => AnnotationId::new(&id),
                _ => ids.take(),
            };
            ids.see(&id);
            taken.insert(id.to_string());
            let created = self.time(&at, "created", checked.created);
            let modified = match checked.modified.is_empty() {
                true => created.clone(),
                false => self.time(&at, "modified", checked.modified),
            };
            annotations.push(Annotation {
                id,
                created,
                modified,
                ..checked.annotation
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let workspace =
            Workspace::from_parts(self.document, self.labels, self.sources, annotations);
        Ok((workspace, self.warnings))
    }

    /// The label for `name`: an existing label whose id or name matches case-insensitively,
    /// else a new one.
    fn label(&mut self, name: &str) -> LabelId {
        let name = name.trim();
        let found = self.labels.iter().find(|l| {
            l.id.as_str().eq_ignore_ascii_case(name) || l.name.eq_ignore_ascii_case(name)
        });
        if let Some(label) = found {
            return label.id.clone();
        }
        let extra = self.labels.len().saturating_sub(3);
        let label = Label {
            id: LabelId::new(name),
            name: name.to_string(),
            description: String::new(),
            color: EXTRA_COLORS[extra % EXTRA_COLORS.len()].to_string(),
        };
        let id = label.id.clone();
        self.labels.push(label);
        id
    }

    /// A time stamp as stored: empty or RFC 3339; any other is left out with a warning, so a W3C
    /// export is always a valid `xsd:dateTime`.
    fn time(&mut self, at: &str, key: &str, stamp: String) -> String {
        if stamp.is_empty() || is_rfc3339(&stamp) {
            return stamp;
        }
        self.warnings.push(format!(
            "{at}: {key} “{stamp}” is not an RFC 3339 time (such as 2026-11-27T10:00:00Z); left out"
        ));
        String::new()
    }
}

/// A draft that fits its text: the annotation (its id and times still to settle).
struct Checked {
    annotation: Annotation,
    id: Option<String>,
    created: String,
    modified: String,
}

/// Converts a draft's offsets with `map` and checks it, or says what is wrong.
fn check(builder: &mut DocumentBuilder, map: &UnitMap, draft: Draft) -> Result<Checked, String> {
    let span_of = |builder: &DocumentBuilder, (start, end): (i64, i64)| {
        let convert = |o: i64| usize::try_from(o).ok().map(|o| map.to_code_points(o));
        match (convert(start), convert(end)) {
            (Some(None), _) | (_, Some(None)) => Err(format!(
                "offsets {start}..{end} fall inside a character when counted in {}",
                map.unit().words()
            )),
            (Some(Some(s)), Some(Some(e))) => builder.span(s as i64, e as i64),
            _ => builder.span(start, end),
        }
    };
    let hint = |builder: &DocumentBuilder| {
        let (Ok(start), Ok(end)) = (usize::try_from(draft.start), usize::try_from(draft.end))
        else {
            return String::new();
        };
        draft
            .quote
            .as_deref()
            .and_then(|q| unit_hint(builder.document.text.as_str(), start, end, q))
            .map_or(String::new(), |h| format!(" ({h})"))
    };
    let span = span_of(builder, (draft.start, draft.end))
        .map_err(|message| format!("{message}{}", hint(builder)))?;
    let mut fragments = Vec::new();
    for &piece in &draft.fragments {
        fragments.push(span_of(builder, piece).map_err(|m| format!("a piece: {m}"))?);
    }
    let listed = fragments.clone();
    let fragments = pieces(&builder.document, span, fragments);
    let orders: [&[Span]; 2] = [&fragments, &listed];
    if !quote_fits_pieces(builder, span, &orders, draft.quote.as_deref()) {
        let actual = builder.document.text.quote(span);
        return Err(format!(
            "text {:?} does not match the document at {span}, which is {actual:?}{}",
            draft.quote.as_deref().unwrap_or_default(),
            hint(builder)
        ));
    }
    if draft.label.trim().is_empty() {
        return Err("the label is empty".to_string());
    }
    let mention = match draft.mention.map(|m| span_of(builder, m)) {
        Some(Err(message)) => return Err(format!("source mention: {message}")),
        Some(Ok(mention)) => Some(mention),
        None => None,
    };
    let cue = match draft.cue.map(|c| span_of(builder, c)) {
        Some(Err(message)) => return Err(format!("reporting cue: {message}")),
        Some(Ok(cue)) => Some(cue),
        None => None,
    };
    let source = draft
        .source
        .or_else(|| mention.map(|m| builder.document.text.quote(m).to_string()));
    let attribution = source
        .as_deref()
        .and_then(Attribution::named)
        .map(|a| Attribution { mention, cue, ..a });
    let label = builder.label(&draft.label);
    Ok(Checked {
        annotation: Annotation {
            id: AnnotationId::new("a0"),
            span,
            fragments,
            label,
            attribution,
            note: draft.note,
            created: String::new(),
            modified: String::new(),
            provenance: draft.provenance,
        },
        id: draft.id,
        created: draft.created,
        modified: draft.modified,
    })
}

/// A discontinuous span's pieces in text order, with pieces parted only by line breaks joined
/// (brat writes a span across a line break as two pieces); empty when one piece remains.
fn pieces(document: &Document, span: Span, mut fragments: Vec<Span>) -> Vec<Span> {
    fragments.sort_by_key(|f| (f.start(), f.end()));
    let mut joined: Vec<Span> = Vec::new();
    for fragment in fragments {
        match joined.last_mut() {
            Some(last)
                if fragment.start() <= last.end()
                    || document
                        .text
                        .slice(last.end(), fragment.start())
                        .chars()
                        .all(|c| c == '\r' || c == '\n') =>
            {
                let end = last.end().max(fragment.end());
                *last = Span::new(last.start(), end, document.text.len()).unwrap_or(*last);
            }
            _ => joined.push(fragment),
        }
    }
    if joined.len() < 2 || joined.first().map(|f| f.start()) != Some(span.start()) {
        return Vec::new();
    }
    joined
}

/// Whether a draft's quote (if any) is the text at `span` (or its `pieces` in file order).
fn quote_fits(builder: &DocumentBuilder, span: Span, draft: &Draft, pieces: &[Span]) -> bool {
    quote_fits_pieces(builder, span, &[pieces], draft.quote.as_deref())
}

/// Whether `quote` is the text at `span`: exactly, with line breaks written as spaces, or as
/// the pieces' texts joined by spaces (in text order or as the file lists them, as brat
/// does); whitespace after the quote is tolerated (brat's reference texts may end in a space).
fn quote_fits_pieces(
    builder: &DocumentBuilder,
    span: Span,
    orders: &[&[Span]],
    quote: Option<&str>,
) -> bool {
    let Some(quote) = quote else { return true };
    let text = &builder.document.text;
    let joined = orders.iter().filter(|o| !o.is_empty()).map(|order| {
        let parts: Vec<&str> = order.iter().map(|f| text.quote(*f)).collect();
        parts.join(" ")
    });
    let mut candidates = std::iter::once(text.quote(span).to_string()).chain(joined);
    candidates.any(|actual| {
        [quote, quote.trim_end()]
            .iter()
            .any(|q| *q == actual || *q == one_line(&actual))
    })
}

/// Text with its line breaks written as single spaces (as brat writes a `T` line's text).
pub fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The labels to write for a set of documents: every label id used or defined, in order.
pub fn label_ids(documents: &[&Workspace]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for label in documents.iter().flat_map(|d| d.labels.iter()) {
        if !ids.contains(&label.id.to_string()) {
            ids.push(label.id.to_string());
        }
    }
    ids
}
