//! Statistics of one document or a whole corpus: annotations per label, per source and per
//! source × label, and how much of the text the annotations cover.
//!
//! [`Statistics::of`] takes the documents to count (one for the open document, all for the
//! corpus) and costs O(n log n) in annotations; the view recomputes it on every change.
//! The chart module turns it into a chart; [`Statistics::to_csv`] into a table.

use std::collections::HashMap;

use super::annotation::LabelId;
use super::csv::{Cell, Csv};
use super::span::Span;
use super::workspace::Workspace;

/// The colour of a label that an annotation uses but no document defines (codecs and the
/// editor never let that happen; this keeps the statistics total if it does).
const UNDEFINED_LABEL_COLOR: &str = "#777777";

/// One label and how many annotations use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelCount {
    pub id: LabelId,
    pub name: String,
    /// A CSS hex colour, as the defining document gives it.
    pub color: String,
    pub count: usize,
}

/// One source's annotations per label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// The attribution's source name; `None` for the unattributed annotations.
    pub name: Option<String>,
    /// Counts in the order of [`Statistics::labels`].
    pub counts: Vec<usize>,
    pub total: usize,
}

/// Counts and coverage of a set of documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statistics {
    pub documents: usize,
    pub annotations: usize,
    /// Every label defined by any document (and any used but undefined), keyed by id: the
    /// first document's labels in its order, then labels new in later documents. Name and
    /// colour come from the first document that defines the label.
    pub labels: Vec<LabelCount>,
    /// Sources by total (most first), then name case-insensitively; the unattributed row, if
    /// any, last.
    pub sources: Vec<SourceRow>,
    /// Code points under at least one annotation, summed over documents.
    pub covered: usize,
    /// Code points of text, summed over documents.
    pub total: usize,
}

impl Statistics {
    /// The statistics of `documents` (the open document alone, or the corpus).
    pub fn of(documents: &[&Workspace]) -> Statistics {
        let mut labels: Vec<LabelCount> = Vec::new();
        let mut label_index: HashMap<&LabelId, usize> = HashMap::new();
        for workspace in documents {
            for label in &workspace.labels {
                label_index.entry(&label.id).or_insert_with(|| {
                    labels.push(LabelCount {
                        id: label.id.clone(),
                        name: label.name.clone(),
                        color: label.color.clone(),
                        count: 0,
                    });
                    labels.len() - 1
                });
            }
            for annotation in workspace.annotations() {
                label_index.entry(&annotation.label).or_insert_with(|| {
                    labels.push(LabelCount {
                        id: annotation.label.clone(),
                        name: annotation.label.to_string(),
                        color: UNDEFINED_LABEL_COLOR.to_string(),
                        count: 0,
                    });
                    labels.len() - 1
                });
            }
        }

        let mut sources: Vec<SourceRow> = Vec::new();
        let mut source_index: HashMap<Option<&str>, usize> = HashMap::new();
        let (mut annotations, mut covered, mut total) = (0, 0, 0);
        for workspace in documents {
            for annotation in workspace.annotations() {
                let label = label_index[&annotation.label];
                labels[label].count += 1;
                let name = annotation.source();
                let row = *source_index.entry(name).or_insert_with(|| {
                    sources.push(SourceRow {
                        name: name.map(str::to_string),
                        counts: vec![0; labels.len()],
                        total: 0,
                    });
                    sources.len() - 1
                });
                sources[row].counts[label] += 1;
                sources[row].total += 1;
            }
            annotations += workspace.annotations().len();
            covered += union_len(workspace.annotations().iter().map(|a| a.span));
            total += workspace.document.text.len();
        }
        sources.sort_by_cached_key(|row| {
            (
                row.name.is_none(),
                std::cmp::Reverse(row.total),
                row.name.as_deref().map(str::to_lowercase),
                row.name.clone(),
            )
        });
        Statistics {
            documents: documents.len(),
            annotations,
            labels,
            sources,
            covered,
            total,
        }
    }

    /// The share of the text covered by annotations, from 0 to 1; 0 when there is no text.
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.covered as f64 / self.total as f64
        }
    }

    /// [`Statistics::share`] as a percentage with one decimal ("15.5%"); a share that is not
    /// zero (or not whole) never rounds to "0.0%" (or "100.0%"), but reads "<0.1%" (">99.9%").
    pub fn percent(&self) -> String {
        let percent = self.share() * 100.0;
        if self.covered > 0 && percent < 0.05 {
            "<0.1%".to_string()
        } else if self.covered < self.total && percent >= 99.95 {
            ">99.9%".to_string()
        } else {
            format!("{percent:.1}%")
        }
    }

    /// The source × label table as CSV (RFC 4180: CRLF line ends, fields with a comma, quote
    /// or line break quoted, quotes doubled): a header `source,<label names…>,total`, then one
    /// row per source in [`Statistics::sources`] order, the unattributed row named
    /// `(unattributed)`.
    pub fn to_csv(&self) -> String {
        let mut csv = Csv::new();
        let header = std::iter::once(Cell::text("source"))
            .chain(self.labels.iter().map(|l| Cell::text(&l.name)))
            .chain(std::iter::once(Cell::text("total")));
        csv.record(header);
        for row in &self.sources {
            let name = row.name.as_deref().unwrap_or("(unattributed)");
            let cells = std::iter::once(Cell::text(name))
                .chain(row.counts.iter().map(Cell::number))
                .chain(std::iter::once(Cell::number(row.total)));
            csv.record(cells);
        }
        csv.finish()
    }
}

/// How many code points lie under at least one of `spans` (overlapping and nested spans count
/// once): one sweep over the spans sorted by start.
pub fn union_len(spans: impl IntoIterator<Item = Span>) -> usize {
    let mut spans: Vec<(usize, usize)> = spans.into_iter().map(|s| (s.start(), s.end())).collect();
    // Workspaces hand spans over in text order already, which the sort only checks.
    spans.sort_unstable();
    let mut covered = 0;
    let mut current: Option<(usize, usize)> = None;
    for (start, end) in spans {
        current = match current {
            Some((from, to)) if start <= to => Some((from, to.max(end))),
            Some((from, to)) => {
                covered += to - from;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    covered + current.map_or(0, |(from, to)| to - from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs
            .iter()
            .map(|&(s, e)| Span::new(s, e, 100).unwrap())
            .collect()
    }

    #[test]
    fn union_counts_each_code_point_once() {
        assert_eq!(union_len(spans(&[])), 0);
        assert_eq!(union_len(spans(&[(0, 5), (5, 8)])), 8, "adjacent");
        assert_eq!(union_len(spans(&[(0, 10), (2, 3), (4, 12)])), 12);
        assert_eq!(
            union_len(spans(&[(20, 30), (0, 5), (25, 26)])),
            15,
            "unsorted"
        );
    }
}
