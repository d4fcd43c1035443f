//! Reviewing a class: an answer key and students' submissions on the same text, scored and
//! compared. Everything here is derived from [`super::metrics`]; the view and the CLI only
//! present it.

use std::collections::BTreeMap;

use super::annotation::Annotation;
use super::csv::{Cell, Csv};
use super::formats::Problem;
use super::metrics::{
    cohen_kappa, krippendorff_alpha, marks, pair_relaxed, score, unit_categories, Mark, Score,
    SourceResolver,
};
use super::workspace::Workspace;

/// Someone whose annotations are reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotator {
    pub name: String,
    pub workspace: Workspace,
}

/// A key and the submissions to compare with it; all on the key's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub key: Annotator,
    pub submissions: Vec<Annotator>,
}

/// Agreement among the key and every submission (key first).
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    pub names: Vec<String>,
    /// Cohen's κ for each pair (i < j) of `names`.
    pub kappa: Vec<(usize, usize, Option<f64>)>,
    pub alpha: Option<f64>,
}

/// For one source, how many annotations of each label the class and the key attributed to it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCounts {
    pub source: String,
    pub class: BTreeMap<String, usize>,
    pub key: BTreeMap<String, usize>,
}

/// A stretch of text with each annotator's category there: `"none"`, or what covers it, each
/// as its label and source (`claim — Maria Zakharova`, aliases resolved), sorted and joined by
/// `+`. Two annotators agree on a piece when their categories are equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub categories: Vec<String>,
}

/// How a piece of text compares, for everyone or for one annotator against the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Everyone who could mark it (or the annotator and the key) chose the same labels and
    /// sources.
    Agreed,
    /// Labels or sources differ, or only some marked it.
    Disagreed,
    /// Only the key marked it.
    Missed,
}

/// How `piece` compares: among everyone (`None`) or between annotator `i` and the key (index 0
/// is the key). `None` when nobody concerned marked it.
pub fn compare(piece: &Piece, annotator: Option<usize>) -> Option<Comparison> {
    let categories = &piece.categories;
    let marked = |i: usize| categories.get(i).is_some_and(|c| c != "none");
    match annotator {
        None => {
            let others_marked = (1..categories.len()).any(marked);
            if !marked(0) && !others_marked {
                None
            } else if categories.iter().all(|c| c == &categories[0]) {
                Some(Comparison::Agreed)
            } else if !others_marked {
                Some(Comparison::Missed)
            } else {
                Some(Comparison::Disagreed)
            }
        }
        Some(i) => match (marked(0), marked(i)) {
            (_, true) if categories[i] == categories[0] => Some(Comparison::Agreed),
            (_, true) => Some(Comparison::Disagreed),
            (true, false) => Some(Comparison::Missed),
            (false, false) => None,
        },
    }
}

impl Review {
    /// A review, or a problem for each submission on another text.
    pub fn new(key: Annotator, submissions: Vec<Annotator>) -> Result<Review, Vec<Problem>> {
        let problems: Vec<Problem> = submissions
            .iter()
            .filter(|s| s.workspace.document.id() != key.workspace.document.id())
            .map(|s| Problem {
                at: s.name.clone(),
                message: format!(
                    "annotates “{}”, not the key's text “{}”",
                    s.workspace.document.title, key.workspace.document.title
                ),
            })
            .collect();
        if problems.is_empty() {
            Ok(Review { key, submissions })
        } else {
            Err(problems)
        }
    }

    fn everyone(&self) -> Vec<&Annotator> {
        std::iter::once(&self.key)
            .chain(&self.submissions)
            .collect()
    }

    /// Each submission's score against the key, in submission order.
    pub fn scores(&self) -> Vec<(String, Score)> {
        self.submissions
            .iter()
            .map(|s| (s.name.clone(), score(&self.key.workspace, &s.workspace)))
            .collect()
    }

    pub fn agreement(&self) -> Agreement {
        let everyone = self.everyone();
        let units: Vec<Vec<String>> = everyone
            .iter()
            .map(|a| unit_categories(&a.workspace))
            .collect();
        let mut kappa = Vec::new();
        for i in 0..units.len() {
            for j in i + 1..units.len() {
                kappa.push((i, j, cohen_kappa(&units[i], &units[j])));
            }
        }
        Agreement {
            names: everyone.iter().map(|a| a.name.clone()).collect(),
            kappa,
            alpha: krippendorff_alpha(&units),
        }
    }

    /// Per source (names resolved through every registry, shown as the key names them), the
    /// class's and the key's counts per label, sources with most annotations first.
    pub fn source_counts(&self) -> Vec<SourceCounts> {
        let (resolver, _) = self.sources();
        let mut display: BTreeMap<String, String> = BTreeMap::new();
        let mut rows: BTreeMap<String, SourceCounts> = BTreeMap::new();
        let mut count =
            |annotator: &Annotator, is_key: bool, display: &mut BTreeMap<String, String>| {
                for annotation in annotator.workspace.annotations() {
                    let name = annotation.source().unwrap_or("(unattributed)");
                    let canonical = resolver.resolve(Some(name)).unwrap_or_default();
                    let shown = display
                        .entry(canonical.clone())
                        .or_insert_with(|| name.to_string())
                        .clone();
                    let row = rows.entry(canonical).or_insert_with(|| SourceCounts {
                        source: shown,
                        class: BTreeMap::new(),
                        key: BTreeMap::new(),
                    });
                    let counts = if is_key { &mut row.key } else { &mut row.class };
                    *counts.entry(annotation.label.to_string()).or_default() += 1;
                }
            };
        count(&self.key, true, &mut display);
        for submission in &self.submissions {
            count(submission, false, &mut display);
        }
        let mut rows: Vec<SourceCounts> = rows.into_values().collect();
        let total =
            |r: &SourceCounts| r.class.values().sum::<usize>() + r.key.values().sum::<usize>();
        rows.sort_by(|a, b| total(b).cmp(&total(a)).then(a.source.cmp(&b.source)));
        rows
    }

    /// One resolver for every file's sources (the key's registry wins), with the name each
    /// canonical source is shown by: as the key (or else the first file) first writes it.
    fn sources(&self) -> (SourceResolver, BTreeMap<String, String>) {
        let mut registry = self.key.workspace.sources_for_export();
        for submission in &self.submissions {
            registry.extend(submission.workspace.sources_for_export());
        }
        let resolver = SourceResolver::new(&self.key.workspace.sources_for_export(), &registry);
        let mut display = BTreeMap::new();
        for annotator in self.everyone() {
            for annotation in annotator.workspace.annotations() {
                if let Some(name) = annotation.source() {
                    let canonical = resolver.resolve(Some(name)).unwrap_or_default();
                    display.entry(canonical).or_insert_with(|| name.to_string());
                }
            }
        }
        (resolver, display)
    }

    /// The text cut at every boundary of anyone's annotations, with each annotator's category
    /// (key first). Whitespace-only stretches are included; callers may skip them.
    pub fn pieces(&self) -> Vec<Piece> {
        let everyone = self.everyone();
        let (resolver, display) = self.sources();
        let len = self.key.workspace.document.text.len();
        let mut cuts = vec![0, len];
        for annotator in &everyone {
            for a in annotator.workspace.annotations() {
                cuts.extend([a.span.start(), a.span.end()]);
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let entry = |a: &Annotation| match a.source() {
            None => a.label.to_string(),
            Some(name) => {
                let canonical = resolver.resolve(Some(name)).unwrap_or_default();
                let shown = display.get(&canonical).map_or(name, String::as_str);
                format!("{} — {shown}", a.label)
            }
        };
        cuts.windows(2)
            .map(|w| {
                let categories = everyone
                    .iter()
                    .map(|annotator| {
                        let mut entries: Vec<String> = annotator
                            .workspace
                            .annotations()
                            .iter()
                            .filter(|a| a.span.intersects_range(w[0], w[1]))
                            .map(entry)
                            .collect();
                        entries.sort_unstable();
                        if entries.is_empty() {
                            "none".to_string()
                        } else {
                            entries.join("+")
                        }
                    })
                    .collect();
                Piece {
                    start: w[0],
                    end: w[1],
                    categories,
                }
            })
            .collect()
    }

    /// The score table as CSV (4 decimals; undefined values empty), one writer for every CSV
    /// (`model::csv`): a student's name that looks like a formula is neutralised.
    pub fn scores_csv(&self) -> String {
        let mut csv = Csv::new();
        let header = [
            "annotator",
            "exact_precision",
            "exact_recall",
            "exact_f1",
            "relaxed_precision",
            "relaxed_recall",
            "relaxed_f1",
            "label_accuracy",
            "attribution_accuracy",
            "annotations",
        ];
        csv.record(header.map(Cell::text));
        let number = |v: f64| Cell::number(format!("{v:.4}"));
        let optional = |v: Option<f64>| v.map_or(Cell::number(""), number);
        for (name, s) in self.scores() {
            csv.record([
                Cell::text(name),
                number(s.exact.precision),
                number(s.exact.recall),
                number(s.exact.f1),
                number(s.relaxed.precision),
                number(s.relaxed.recall),
                number(s.relaxed.f1),
                optional(s.label_accuracy),
                optional(s.attribution_accuracy),
                Cell::number(s.annotations),
            ]);
        }
        csv.finish()
    }
}

/// How a span fares when a student checks their work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckMark {
    /// In the key, and none of the student's spans overlaps it (or one does with another
    /// label: that one is marked [`CheckMark::WrongLabel`] instead).
    Missed,
    /// The student's, overlapping no span of the key.
    Extra,
    /// The student's, overlapping a span of the key that has another label.
    WrongLabel,
    /// The student's, matching a span of the key with its label but naming another source
    /// (aliases resolved through both registries).
    WrongSource,
}

/// A span a student got wrong, found when they check their work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub start: usize,
    pub end: usize,
    pub mark: CheckMark,
    /// The note of the key's annotation the mark is about (the one missed, or the one found
    /// with another label or source): the teacher's explanation. Empty when that note is, and
    /// for extra spans, which no annotation of the key explains.
    pub explanation: String,
}

/// What the student got wrong, in text order: the key's spans they missed, their spans the key
/// lacks, and their found spans with the wrong label or source (relaxed rule: overlapping
/// spans pair, largest overlap first), each with the key's explanation.
pub fn check_marks(key: &Workspace, submission: &Workspace) -> Vec<Check> {
    let (key_marks, sub_marks) = (marks(key), marks(submission));
    let explain = |k: usize| key.annotations()[k].note.trim().to_string();
    let same_label = pair_relaxed(&key_marks, &sub_marks, true);
    let resolver = SourceResolver::new(&key.sources_for_export(), &submission.sources_for_export());
    let mut out: Vec<Check> = Vec::new();
    let mut push = |(start, end): (usize, usize), mark: CheckMark, explanation: String| {
        out.push(Check {
            start,
            end,
            mark,
            explanation,
        })
    };
    let span = |m: &Mark| (m.start, m.end);
    for &(k, s) in &same_label {
        let (key_source, sub_source) = (&key_marks[k].source, &sub_marks[s].source);
        if resolver.resolve(key_source.as_deref()) != resolver.resolve(sub_source.as_deref()) {
            push(span(&sub_marks[s]), CheckMark::WrongSource, explain(k));
        }
    }
    let key_paired = |k: usize, pairs: &[(usize, usize)]| pairs.iter().any(|p| p.0 == k);
    let sub_paired = |s: usize, pairs: &[(usize, usize)]| pairs.iter().any(|p| p.1 == s);
    // Among the spans left, those that overlap with different labels are wrong labels.
    let wrong_label: Vec<(usize, usize)> = pair_relaxed(&key_marks, &sub_marks, false)
        .into_iter()
        .filter(|&(k, s)| !key_paired(k, &same_label) && !sub_paired(s, &same_label))
        .collect();
    for &(k, s) in &wrong_label {
        push(span(&sub_marks[s]), CheckMark::WrongLabel, explain(k));
    }
    for (k, mark) in key_marks.iter().enumerate() {
        if !key_paired(k, &same_label) && !key_paired(k, &wrong_label) {
            push(span(mark), CheckMark::Missed, explain(k));
        }
    }
    for (s, mark) in sub_marks.iter().enumerate() {
        if !sub_paired(s, &same_label) && !sub_paired(s, &wrong_label) {
            push(span(mark), CheckMark::Extra, String::new());
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}
