//! What an annotation is: a labelled span, who says it, and a note.
//!
//! Annotations are named by a stable [`AnnotationId`], never by their position in a list.
//! Labels are named by [`LabelId`]; the three defaults are claim, allegation and proposal.

use std::fmt;
use std::rc::Rc;

use super::provenance::Provenance;
use super::span::Span;

/// The stable id of an annotation, unique within a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnotationId(Rc<str>);

impl AnnotationId {
    pub fn new(id: &str) -> AnnotationId {
        AnnotationId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `id` can name an annotation: not empty, no whitespace.
    pub fn is_valid(id: &str) -> bool {
        !id.is_empty() && !id.contains(char::is_whitespace)
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `n` of an annotation id `a<n>`.
pub fn id_number(id: &AnnotationId) -> Option<u64> {
    id.as_str().strip_prefix('a')?.parse().ok()
}

/// Hands out annotation ids no annotation uses: `a<n>` after the highest `a<n>` it has seen.
/// The one rule for new ids, in the editor and in every importer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IdAllocator {
    highest: u64,
}

impl IdAllocator {
    /// An allocator that has seen `ids`.
    pub fn seeing<'a>(ids: impl IntoIterator<Item = &'a AnnotationId>) -> IdAllocator {
        let highest = ids.into_iter().filter_map(id_number).max().unwrap_or(0);
        IdAllocator { highest }
    }

    /// Remembers an id in use.
    pub fn see(&mut self, id: &AnnotationId) {
        self.highest = self.highest.max(id_number(id).unwrap_or(0));
    }

    /// The highest `n` of an `a<n>` seen (0 if none).
    pub fn highest(&self) -> u64 {
        self.highest
    }

    /// Fresh ids in sequence, without taking them.
    pub fn fresh(&self) -> impl Iterator<Item = AnnotationId> {
        (self.highest + 1..).map(|n| AnnotationId::new(&format!("a{n}")))
    }

    /// Takes the next fresh id.
    pub fn take(&mut self) -> AnnotationId {
        self.highest += 1;
        AnnotationId::new(&format!("a{}", self.highest))
    }
}

/// Whether `stamp` is an RFC 3339 date-time such as `2026-11-27T10:00:00Z` (fractions of a
/// second and `±hh:mm` offsets allowed): the form annotations store their times in, which W3C's
/// `xsd:dateTime` also reads.
pub fn is_rfc3339(stamp: &str) -> bool {
    let b = stamp.as_bytes();
    let number = |from: usize, to: usize, max: u32| -> bool {
        b.get(from..to)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && stamp[from..to].parse::<u32>().is_ok_and(|n| n <= max)
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let date = number(0, 4, 9999)
        && at(4, b'-')
        && number(5, 7, 12)
        && at(7, b'-')
        && number(8, 10, 31)
        && stamp[5..7] != *"00"
        && stamp[8..10] != *"00";
    let time = at(10, b'T')
        && number(11, 13, 23)
        && at(13, b':')
        && number(14, 16, 59)
        && at(16, b':')
        && number(17, 19, 60);
    if !(date && time) {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        i += digits;
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && number(i + 1, i + 3, 23)
                && at(i + 3, b':')
                && number(i + 4, i + 6, 59)
        }
        _ => false,
    }
}

/// Whether `color` is a CSS hex colour `#rrggbb`, the form labels store.
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Why a label set cannot be used, if it cannot: every label needs an id and a name, ids are
/// unique, colours are `#rrggbb`, and every label in `used` (by annotations) is still there.
/// A label's key is its position: the first nine get 1–9.
pub fn label_set_problem(labels: &[Label], used: &[LabelId]) -> Option<String> {
    for (i, label) in labels.iter().enumerate() {
        if label.id.as_str().trim().is_empty() || label.name.trim().is_empty() {
            return Some(format!("label {} needs an id and a name", i + 1));
        }
        if labels[..i].iter().any(|l| l.id == label.id) {
            return Some(format!("the id \"{}\" is used twice", label.id));
        }
        if !is_hex_color(&label.color) {
            return Some(format!("the colour of {} must be #rrggbb", label.name));
        }
    }
    used.iter()
        .find(|id| !labels.iter().any(|l| &l.id == *id))
        .map(|id| format!("“{id}” is used by annotations; delete or relabel them first"))
}

/// The id of a label ("claim", "allegation", "proposal", or a custom one).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(Rc<str>);

impl LabelId {
    pub fn new(id: &str) -> LabelId {
        LabelId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LabelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A category a span can be tagged with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub id: LabelId,
    pub name: String,
    /// One line of guidance shown in the UI.
    pub description: String,
    /// A CSS hex colour, `#rrggbb`.
    pub color: String,
}

/// The default label set. Colours are from the Okabe–Ito palette, which stays distinct for
/// the common forms of colour blindness.
pub fn default_labels() -> Vec<Label> {
    let label = |id: &str, name: &str, description: &str, color: &str| Label {
        id: LabelId::new(id),
        name: name.to_string(),
        description: description.to_string(),
        color: color.to_string(),
    };
    vec![
        label(
            "claim",
            "Claim",
            "An assertion presented as true.",
            "#0072b2",
        ),
        label(
            "allegation",
            "Allegation",
            "An accusation of wrongdoing against a party.",
            "#d55e00",
        ),
        label(
            "proposal",
            "Proposal",
            "An offer, call or suggested course of action.",
            "#009e73",
        ),
    ]
}

/// A source in the document's registry: a canonical name and other names for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub aliases: Vec<String>,
}

/// Who says an annotated span, and optionally where the text names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The source's name, trimmed and never empty.
    pub source: String,
    /// The source's own words in the text ("Zakharova", "She").
    pub mention: Option<Span>,
    /// The reporting verb or phrase ("announced", "accused", "urged").
    pub cue: Option<Span>,
}

impl Attribution {
    /// An attribution to `source`, or `None` when the name is blank (unattributed).
    pub fn named(source: &str) -> Option<Attribution> {
        let source = collapse_whitespace(source);
        (!source.is_empty()).then_some(Attribution {
            source,
            mention: None,
            cue: None,
        })
    }
}

/// Trims a name and collapses runs of whitespace inside it to single spaces.
pub fn collapse_whitespace(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How an annotation the suggestion engine made is marked until the person changes it
/// (`"suggested": true` and `"confidence"` in the native format).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggested {
    /// How sure the engine was, 0 to 1, when it says.
    pub confidence: Option<f64>,
}

// Readers take only finite confidences, so equality is reflexive.
impl Eq for Suggested {}

/// A labelled span of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: AnnotationId,
    pub span: Span,
    /// The pieces of a discontinuous span (brat's `T1 Type 0 5;9 14`), in text order; empty
    /// when the span is whole. `span` runs from the first piece's start to the last one's end.
    /// Kept for the formats that write pieces; every other rule reads `span`.
    pub fragments: Vec<Span>,
    pub label: LabelId,
    pub attribution: Option<Attribution>,
    pub note: String,
    /// RFC 3339 time stamps, supplied by whoever creates or edits the annotation.
    pub created: String,
    pub modified: String,
    /// Where it came from, in a gold set made by merging annotators' work (`model::merge`);
    /// `None` everywhere else.
    pub provenance: Option<Provenance>,
}

impl Annotation {
    /// The name of the source, if attributed.
    pub fn source(&self) -> Option<&str> {
        self.attribution.as_ref().map(|a| a.source.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_attribution_means_unattributed() {
        assert_eq!(Attribution::named("  "), None);
        assert_eq!(Attribution::named(""), None);
        assert_eq!(
            Attribution::named("  Maria \n Zakharova ").map(|a| a.source),
            Some("Maria Zakharova".to_string())
        );
    }

    #[test]
    fn default_labels_have_distinct_ids_and_colours() {
        let labels = default_labels();
        let ids: Vec<_> = labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["claim", "allegation", "proposal"]);
        let mut colors: Vec<_> = labels.iter().map(|l| l.color.as_str()).collect();
        colors.dedup();
        assert_eq!(colors.len(), 3);
    }
}

#[cfg(test)]
mod time_tests {
    use super::is_rfc3339;

    #[test]
    fn time_stamps_are_rfc_3339() {
        for good in [
            "2026-11-27T10:00:00Z",
            "2026-11-27T10:00:00.123Z",
            "2026-02-29T23:59:60+05:30",
            "1999-12-31T00:00:00-08:00",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "",
            "yesterday",
            "2026-11-27",
            "2026-11-27 10:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27T10:00:00",
            "2026-11-27T10:00:00.Z",
            "2026-11-27T10:00:00+0530",
            "٢٠٢٦-١١-٢٧T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
