//! `claimmark agree [--json] KEY SUBMISSION...`: scores each submission against the answer
//! key (exact and relaxed F1, label and attribution accuracy) and gives Cohen's kappa for each
//! pair of annotators and Krippendorff's alpha for all (`model::review`, docs/METRICS.md).

use serde_json::json;

use super::args::{Matches, Usage};
use super::input::{self, annotator_name, Stdin};
use super::spec::AGREE;
use super::Finished;
use crate::model::metrics::Prf;
use crate::model::review::{Annotator, Review};

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let paths = &matches.free;
    if paths.len() < 2 {
        return Err(Usage::new(
            Some(AGREE.name),
            "agree needs a KEY and at least one SUBMISSION",
        ));
    }
    input::stdin_at_most_once(AGREE.name, paths)?;
    let reading = input::reading(matches, AGREE.name)?;
    let (mut annotators, warnings) = match annotators(paths, stdin, &reading) {
        Ok(read) => read,
        Err(errors) => return Ok(Finished::failed(errors)),
    };
    let key = annotators.remove(0);
    let review = match Review::new(key, annotators) {
        Ok(review) => review,
        Err(problems) => {
            let lines = problems
                .into_iter()
                .map(|p| format!("{}: {}", p.at, p.message))
                .collect();
            return Ok(Finished::failed(lines));
        }
    };
    let stdout = if matches.switch("json") {
        as_json(&review)
    } else {
        as_tables(&review)
    };
    Ok(Finished::ok(stdout).warn(&warnings))
}

/// One annotator per file (each file holds one document), with the import's warnings.
fn annotators(
    paths: &[String],
    stdin: &mut Stdin,
    reading: &input::Reading,
) -> Result<(Vec<Annotator>, Vec<String>), Vec<String>> {
    let mut annotators = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match input::load(std::slice::from_ref(path), &[], stdin, reading) {
            Ok(mut loaded) if loaded.documents.len() == 1 => {
                let workspace = loaded.documents.remove(0);
                annotators.push(Annotator {
                    name: annotator_name(&workspace, path),
                    workspace,
                });
                warnings.extend(loaded.warnings);
            }
            Ok(loaded) => errors.push(format!(
                "{path}: holds {} documents; give one document per file",
                loaded.documents.len()
            )),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        Ok((annotators, warnings))
    } else {
        Err(errors)
    }
}

fn as_json(review: &Review) -> String {
    let (scores, agreement) = (review.scores(), review.agreement());
    let prf = |p: &Prf| json!({ "matched": p.matched, "precision": p.precision, "recall": p.recall, "f1": p.f1 });
    let submissions: Vec<_> = scores
        .iter()
        .map(|(name, s)| json!({
            "annotator": name, "exact": prf(&s.exact), "relaxed": prf(&s.relaxed),
            "label_accuracy": s.label_accuracy, "attribution_accuracy": s.attribution_accuracy, "annotations": s.annotations,
        }))
        .collect();
    let kappa: Vec<_> = agreement
        .kappa
        .iter()
        .map(|(i, j, k)| json!({ "a": agreement.names[*i], "b": agreement.names[*j], "kappa": k }))
        .collect();
    let value = json!({
        "key": review.key.name, "submissions": submissions,
        "agreement": { "annotators": agreement.names, "cohen_kappa": kappa, "krippendorff_alpha": agreement.alpha },
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    )
}

fn as_tables(review: &Review) -> String {
    let (scores, agreement) = (review.scores(), review.agreement());
    let number = |v: f64| format!("{v:.3}");
    let optional = |v: Option<f64>| v.map_or("undefined".to_string(), number);
    let mut out = format!("key: {}\n\nannotator\texact P\texact R\texact F1\trelaxed P\trelaxed R\trelaxed F1\tlabel acc\tattribution acc\tannotations\n", review.key.name);
    for (name, s) in &scores {
        out.push_str(&format!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            number(s.exact.precision),
            number(s.exact.recall),
            number(s.exact.f1),
            number(s.relaxed.precision),
            number(s.relaxed.recall),
            number(s.relaxed.f1),
            optional(s.label_accuracy),
            optional(s.attribution_accuracy),
            s.annotations
        ));
    }
    out.push_str("\nCohen's kappa\n");
    for (i, j, k) in &agreement.kappa {
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            agreement.names[*i],
            agreement.names[*j],
            optional(*k)
        ));
    }
    out.push_str(&format!(
        "\nKrippendorff's alpha (nominal, {} annotators): {}\n",
        agreement.names.len(),
        optional(agreement.alpha)
    ));
    out
}
