//! How the annotators fared in a merge: how often the adjudicator chose their variant, and how
//! they agreed before (with each other: Cohen's κ per pair, Krippendorff's α) and after (each
//! with the gold set: κ and scores), all from `model::metrics`; as CSV through `model::csv`.

use super::gold::Merge;
use crate::model::csv::{Cell, Csv};
use crate::model::metrics::{cohen_kappa, krippendorff_alpha, score, unit_categories, Score};
use crate::model::provenance::Provenance;

/// One annotator in a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotatorReport {
    pub name: String,
    /// Their annotations.
    pub annotations: usize,
    /// Gold annotations they made exactly (agreed or adjudicated).
    pub in_gold: usize,
    /// Decided groups in which they had a variant, and of those, the groups whose decision
    /// kept one of their variants as it is.
    pub decided: usize,
    pub chosen: usize,
    /// Their mean Cohen's κ with each other annotator (before), and κ with the gold set (after).
    pub kappa_before: Option<f64>,
    pub kappa_after: Option<f64>,
    /// Their annotations scored against the gold set as the key.
    pub score: Score,
}

impl AnnotatorReport {
    /// How often their variant was chosen where they had one: `chosen / decided`.
    pub fn chosen_share(&self) -> Option<f64> {
        (self.decided > 0).then(|| self.chosen as f64 / self.decided as f64)
    }
}

/// The annotators of a merge, and their agreement before it.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeReport {
    pub annotators: Vec<AnnotatorReport>,
    /// Cohen's κ for each pair (i < j) of annotators, before the merge.
    pub kappa_before: Vec<(usize, usize, Option<f64>)>,
    /// Krippendorff's α among all annotators, before the merge.
    pub alpha_before: Option<f64>,
}

impl Merge {
    /// Every annotator's figures, and their agreement before the merge. Units and measures
    /// are those of `docs/METRICS.md`; κ and α compare labels per character.
    pub fn report(&self) -> MergeReport {
        let gold = self.gold();
        let units: Vec<Vec<String>> = self
            .annotators()
            .iter()
            .map(|a| unit_categories(&a.workspace))
            .collect();
        let gold_units = unit_categories(&gold);
        let mut kappa_before = Vec::new();
        for i in 0..units.len() {
            for j in i + 1..units.len() {
                kappa_before.push((i, j, cohen_kappa(&units[i], &units[j])));
            }
        }
        let decided = self.adjudicated();
        let annotators = self
            .annotators()
            .iter()
            .enumerate()
            .map(|(who, annotator)| {
                let name = &self.names()[who];
                let theirs = |p: &Option<Provenance>| {
                    p.as_ref().is_some_and(|p| p.annotators.contains(name))
                };
                let with = decided
                    .iter()
                    .filter(|(g, _)| g.variants.iter().any(|v| v.annotators.contains(&who)));
                let kappas: Vec<f64> = kappa_before
                    .iter()
                    .filter(|(i, j, _)| *i == who || *j == who)
                    .filter_map(|(_, _, k)| *k)
                    .collect();
                AnnotatorReport {
                    name: name.clone(),
                    annotations: annotator.workspace.annotations().len(),
                    in_gold: gold
                        .annotations()
                        .iter()
                        .filter(|a| theirs(&a.provenance))
                        .count(),
                    decided: with.clone().count(),
                    chosen: with
                        .filter(|(_, kept)| kept.iter().any(|a| theirs(&a.provenance)))
                        .count(),
                    kappa_before: (!kappas.is_empty())
                        .then(|| kappas.iter().sum::<f64>() / kappas.len() as f64),
                    kappa_after: cohen_kappa(&units[who], &gold_units),
                    score: score(&gold, &annotator.workspace),
                }
            })
            .collect();
        MergeReport {
            annotators,
            kappa_before,
            alpha_before: krippendorff_alpha(&units),
        }
    }
}

/// The report's columns, after an optional `document` column.
const HEADER: [&str; 10] = [
    "annotator",
    "annotations",
    "in_gold",
    "decided_groups",
    "chosen",
    "chosen_share",
    "kappa_before_mean",
    "kappa_with_gold",
    "exact_f1_with_gold",
    "relaxed_f1_with_gold",
];

impl MergeReport {
    /// One row per annotator (4 decimals; undefined values empty); names that look like a
    /// formula are neutralised.
    pub fn csv(&self) -> String {
        let mut csv = Csv::new();
        csv.record(HEADER.map(Cell::text));
        self.rows(&mut csv, None);
        csv.finish()
    }

    /// Its rows, each after `document` when given.
    fn rows(&self, csv: &mut Csv, document: Option<&str>) {
        let number = |v: f64| Cell::number(format!("{v:.4}"));
        let optional = |v: Option<f64>| v.map_or(Cell::number(""), number);
        for a in &self.annotators {
            let cells = [
                Cell::text(a.name.clone()),
                Cell::number(a.annotations),
                Cell::number(a.in_gold),
                Cell::number(a.decided),
                Cell::number(a.chosen),
                optional(a.chosen_share()),
                optional(a.kappa_before),
                optional(a.kappa_after),
                number(a.score.exact.f1),
                number(a.score.relaxed.f1),
            ];
            csv.record(document.map(Cell::text).into_iter().chain(cells));
        }
    }
}

/// The reports of several documents as one table: [`MergeReport::csv`]'s rows after a
/// `document` column (the title; neutralised like every text cell).
pub fn corpus_csv(reports: &[(String, MergeReport)]) -> String {
    let mut csv = Csv::new();
    csv.record(std::iter::once("document").chain(HEADER).map(Cell::text));
    for (title, report) in reports {
        report.rows(&mut csv, Some(title));
    }
    csv.finish()
}
