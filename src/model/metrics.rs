//! Scores against an answer key, and agreement among annotators, exactly as defined in
//! `docs/METRICS.md`. Spans are (start, end, label) in code points.
//!
//! A value that is undefined (no pairs to judge, or a κ/α whose expected disagreement is 0)
//! is `None`, never a made-up number.

use std::collections::{BTreeMap, HashMap};

use super::annotation::{collapse_whitespace, Source};
use super::fold;
use super::workspace::Workspace;

/// One annotation as the metrics see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub source: Option<String>,
}

impl Mark {
    fn overlap(&self, other: &Mark) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// The marks of a workspace, in text order.
pub fn marks(workspace: &Workspace) -> Vec<Mark> {
    workspace
        .annotations()
        .iter()
        .map(|a| Mark {
            start: a.span.start(),
            end: a.span.end(),
            label: a.label.to_string(),
            source: a.source().map(str::to_string),
        })
        .collect()
}

/// Precision, recall and F1 of `matched` pairs among `submitted` and `key` spans.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(matched: usize, submitted: usize, key: usize) -> Prf {
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let (precision, recall) = (ratio(matched, submitted), ratio(matched, key));
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        matched,
        precision,
        recall,
        f1,
    }
}

/// Pairs key and submitted marks one to one, greedily by largest overlap; ties go to the
/// earliest start in the key (then the earliest end, then the earliest submitted start).
/// With `same_label`, only marks with equal labels pair.
pub fn pair_relaxed(key: &[Mark], submitted: &[Mark], same_label: bool) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (k, key_mark) in key.iter().enumerate() {
        for (s, sub_mark) in submitted.iter().enumerate() {
            let overlap = key_mark.overlap(sub_mark);
            if overlap > 0 && (!same_label || key_mark.label == sub_mark.label) {
                candidates.push((overlap, k, s));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(key[a.1].start.cmp(&key[b.1].start))
            .then(key[a.1].end.cmp(&key[b.1].end))
            .then(submitted[a.2].start.cmp(&submitted[b.2].start))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let (mut key_used, mut sub_used) = (vec![false; key.len()], vec![false; submitted.len()]);
    let mut pairs = Vec::new();
    for (_, k, s) in candidates {
        if !key_used[k] && !sub_used[s] {
            key_used[k] = true;
            sub_used[s] = true;
            pairs.push((k, s));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Exact matches: equal start, end and label, each mark used once.
fn exact_matches(key: &[Mark], submitted: &[Mark]) -> usize {
    let mut unused: Vec<&Mark> = key.iter().collect();
    let mut matched = 0;
    for mark in submitted {
        if let Some(i) = unused
            .iter()
            .position(|k| (k.start, k.end, &k.label) == (mark.start, mark.end, &mark.label))
        {
            unused.swap_remove(i);
            matched += 1;
        }
    }
    matched
}

/// Resolves source names through both files' registries: a name or alias of a registered
/// source stands for that source; names compare case-insensitively with collapsed whitespace.
pub struct SourceResolver {
    canonical: HashMap<String, String>,
}

fn normal(name: &str) -> String {
    fold::key(&collapse_whitespace(name))
}

impl SourceResolver {
    /// The key's registry wins where both files define a name.
    pub fn new(key_sources: &[Source], submitted_sources: &[Source]) -> SourceResolver {
        let mut canonical = HashMap::new();
        for source in submitted_sources.iter().chain(key_sources) {
            let name = normal(&source.name);
            for alias in source.aliases.iter().chain(std::iter::once(&source.name)) {
                canonical.insert(normal(alias), name.clone());
            }
        }
        SourceResolver { canonical }
    }

    pub fn resolve(&self, name: Option<&str>) -> Option<String> {
        let name = normal(name?);
        Some(self.canonical.get(&name).cloned().unwrap_or(name))
    }
}

/// A submission scored against the key.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub exact: Prf,
    pub relaxed: Prf,
    /// Fraction of position-paired spans (labels ignored) whose labels agree.
    pub label_accuracy: Option<f64>,
    /// Fraction of relaxed-matched pairs whose sources agree.
    pub attribution_accuracy: Option<f64>,
    pub annotations: usize,
    /// How many spans the key has.
    pub key_spans: usize,
    /// Position-paired spans with the same label, and all position-paired spans.
    pub labels_right: (usize, usize),
    /// Relaxed-matched pairs naming the same source, and all relaxed-matched pairs.
    pub sources_right: (usize, usize),
}

impl Score {
    /// Each figure as one plain sentence, in the order a student reads them: what was found,
    /// what was exact, then labels and sources among the spans that were found.
    pub fn explained(&self) -> Vec<String> {
        let spans = |n: usize| if n == 1 { "span" } else { "spans" };
        let verb =
            |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        let (found, key, yours) = (self.relaxed.matched, self.key_spans, self.annotations);
        let mut out = vec![
            format!(
                "Found: {found} of the key's {key} {} {} one of your {yours} with the same label.",
                spans(key),
                verb(found, "overlaps", "overlap"),
            ),
            format!(
                "Exact: {} of your {yours} {} {} one of the key's exactly (same start, end and label).",
                self.exact.matched,
                spans(yours),
                verb(self.exact.matched, "matches", "match"),
            ),
        ];
        let (same, total) = self.labels_right;
        out.push(if total == 0 {
            "Labels: none of your spans overlaps one of the key's yet.".to_string()
        } else {
            format!(
                "Labels: of the {total} {} of yours that overlap the key's, {same} {} the key's label.",
                spans(total),
                verb(same, "has", "have"),
            )
        });
        let (same, total) = self.sources_right;
        out.push(if total == 0 {
            "Sources: checked once a span is found with the right label.".to_string()
        } else {
            format!(
                "Sources: of the {total} found {}, {same} {} the key's source.",
                spans(total),
                verb(same, "names", "name"),
            )
        });
        out
    }
}

pub fn score(key: &Workspace, submission: &Workspace) -> Score {
    let (key_marks, sub_marks) = (marks(key), marks(submission));
    let relaxed_pairs = pair_relaxed(&key_marks, &sub_marks, true);
    let position_pairs = pair_relaxed(&key_marks, &sub_marks, false);
    let fraction = |hits: usize, total: usize| (total > 0).then(|| hits as f64 / total as f64);
    let same_label = position_pairs
        .iter()
        .filter(|(k, s)| key_marks[*k].label == sub_marks[*s].label)
        .count();
    let resolver = SourceResolver::new(&key.sources_for_export(), &submission.sources_for_export());
    let same_source = relaxed_pairs
        .iter()
        .filter(|(k, s)| {
            resolver.resolve(key_marks[*k].source.as_deref())
                == resolver.resolve(sub_marks[*s].source.as_deref())
        })
        .count();
    Score {
        exact: prf(
            exact_matches(&key_marks, &sub_marks),
            sub_marks.len(),
            key_marks.len(),
        ),
        relaxed: prf(relaxed_pairs.len(), sub_marks.len(), key_marks.len()),
        label_accuracy: fraction(same_label, position_pairs.len()),
        attribution_accuracy: fraction(same_source, relaxed_pairs.len()),
        annotations: sub_marks.len(),
        key_spans: key_marks.len(),
        labels_right: (same_label, position_pairs.len()),
        sources_right: (same_source, relaxed_pairs.len()),
    }
}

/// Each non-whitespace code point's category for one annotator: the sorted label ids of the
/// annotations covering it joined by "+", or "none".
pub fn unit_categories(workspace: &Workspace) -> Vec<String> {
    let text = workspace.document.text.as_str();
    let mut covering: Vec<Vec<&str>> = vec![Vec::new(); workspace.document.text.len()];
    for annotation in workspace.annotations() {
        for labels in &mut covering[annotation.span.start()..annotation.span.end()] {
            labels.push(annotation.label.as_str());
        }
    }
    text.chars()
        .zip(covering)
        .filter(|(c, _)| !c.is_whitespace())
        .map(|(_, mut labels)| {
            if labels.is_empty() {
                return "none".to_string();
            }
            labels.sort_unstable();
            labels.join("+")
        })
        .collect()
}

fn category_counts(values: &[String]) -> BTreeMap<&str, usize> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value.as_str()).or_default() += 1;
    }
    counts
}

/// Cohen's κ between two annotators' categories for the same units.
pub fn cohen_kappa(a: &[String], b: &[String]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let observed = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n as f64;
    let (ca, cb) = (category_counts(&a[..n]), category_counts(&b[..n]));
    let expected: f64 = ca
        .iter()
        .map(|(c, &na)| na as f64 * cb.get(c).copied().unwrap_or(0) as f64)
        .sum::<f64>()
        / (n as f64 * n as f64);
    let denominator = 1.0 - expected;
    (denominator.abs() > 1e-12).then(|| (observed - expected) / denominator)
}

/// Krippendorff's α (nominal) over annotators who all categorised the same units.
pub fn krippendorff_alpha(annotators: &[Vec<String>]) -> Option<f64> {
    let m = annotators.len();
    let units = annotators.iter().map(Vec::len).min().unwrap_or(0);
    if m < 2 || units == 0 {
        return None;
    }
    // Coincidences: within each unit, every ordered pair of values from different coders
    // counts 1 / (m - 1).
    let mut index: HashMap<&str, usize> = HashMap::new();
    for coder in annotators {
        for value in &coder[..units] {
            let next = index.len();
            index.entry(value.as_str()).or_insert(next);
        }
    }
    let k = index.len();
    let mut coincidences = vec![vec![0.0f64; k]; k];
    let mut per_unit = vec![0usize; k];
    for u in 0..units {
        per_unit.iter_mut().for_each(|c| *c = 0);
        for coder in annotators {
            per_unit[index[coder[u].as_str()]] += 1;
        }
        for c in 0..k {
            for d in 0..k {
                let pairs = if c == d {
                    per_unit[c] * per_unit[c].saturating_sub(1)
                } else {
                    per_unit[c] * per_unit[d]
                };
                coincidences[c][d] += pairs as f64 / (m - 1) as f64;
            }
        }
    }
    let totals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    let disagreement_observed: f64 = (0..k)
        .flat_map(|c| (0..k).filter(move |&d| d != c).map(move |d| (c, d)))
        .map(|(c, d)| coincidences[c][d])
        .sum();
    let disagreement_expected: f64 = (0..k)
        .flat_map(|c| (0..k).filter(move |&d| d != c).map(move |d| (c, d)))
        .map(|(c, d)| totals[c] * totals[d])
        .sum();
    (disagreement_expected.abs() > 1e-12)
        .then(|| 1.0 - (n - 1.0) * disagreement_observed / disagreement_expected)
}
