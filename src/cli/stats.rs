//! `claimmark stats [--json | --csv | --svg] FILE...`: annotations per label and per source,
//! and the share of the text they cover, over every document of the files, as tab-separated
//! tables, JSON, CSV (the source × label table) or the source × label chart as SVG.

use std::collections::BTreeMap;

use serde_json::json;

use super::args::{Matches, Usage};
use super::input::{self, Stdin};
use super::spec::STATS;
use super::Finished;
use crate::model::chart::Chart;
use crate::model::stats::Statistics;
use crate::model::workspace::Workspace;

pub fn run(matches: &Matches, stdin: &mut Stdin) -> Result<Finished, Usage> {
    let usage = |message: &str| Usage::new(Some(STATS.name), message);
    let modes: Vec<&str> = ["json", "csv", "svg"]
        .into_iter()
        .filter(|m| matches.switch(m))
        .collect();
    if modes.len() > 1 {
        return Err(usage("give one of --json, --csv and --svg"));
    }
    let paths = &matches.free;
    if paths.is_empty() {
        return Err(usage("stats needs at least one FILE"));
    }
    input::stdin_at_most_once(STATS.name, paths)?;
    let reading = input::reading(matches, STATS.name)?;
    let loaded = match input::load(paths, &[], stdin, &reading) {
        Ok(loaded) => loaded,
        Err(errors) => return Ok(Finished::failed(errors)),
    };
    let stats = Statistics::of(&loaded.documents.iter().collect::<Vec<&Workspace>>());
    let stdout = match modes.first() {
        Some(&"json") => as_json(&stats),
        Some(&"csv") => stats.to_csv(),
        Some(_) => Chart::source_by_label(&stats, 12).to_svg(),
        None => as_tables(&stats),
    };
    Ok(Finished::ok(stdout)
        .warn(&loaded.warnings)
        .refuse(&loaded.refused))
}

/// Counts per label, per source and label, and coverage, as pretty JSON.
fn as_json(stats: &Statistics) -> String {
    let labels: BTreeMap<&str, usize> = stats
        .labels
        .iter()
        .map(|l| (l.id.as_str(), l.count))
        .collect();
    let sources: BTreeMap<&str, BTreeMap<&str, usize>> = stats
        .sources
        .iter()
        .map(|row| {
            let counts = stats
                .labels
                .iter()
                .zip(&row.counts)
                .filter(|(_, n)| **n > 0)
                .map(|(l, n)| (l.id.as_str(), *n))
                .collect();
            (row.name.as_deref().unwrap_or("(unattributed)"), counts)
        })
        .collect();
    let value = json!({
        "documents": stats.documents, "annotations": stats.annotations,
        "labels": labels, "sources": sources,
        "covered": stats.covered, "characters": stats.total, "share": stats.share(),
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    )
}

/// A summary line, then label counts and the source × label table, tab-separated.
fn as_tables(stats: &Statistics) -> String {
    let mut out = format!(
        "{} document(s), {} annotation(s), {} of the text annotated ({} of {} characters)\n\nlabel\tcount\n",
        stats.documents, stats.annotations, stats.percent(), stats.covered, stats.total
    );
    for label in &stats.labels {
        out.push_str(&format!("{}\t{}\n", label.id, label.count));
    }
    let columns: Vec<&str> = stats.labels.iter().map(|l| l.id.as_str()).collect();
    out.push_str(&format!("\nsource\t{}\ttotal\n", columns.join("\t")));
    for row in &stats.sources {
        let cells: Vec<String> = row.counts.iter().map(usize::to_string).collect();
        let name = row.name.as_deref().unwrap_or("(unattributed)");
        out.push_str(&format!("{name}\t{}\t{}\n", cells.join("\t"), row.total));
    }
    out
}
