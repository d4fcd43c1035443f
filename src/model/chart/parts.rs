//! The pieces of a chart that are not placement: which bars, and the text helpers (summary,
//! description, shortening, colours, tick steps).

use super::shape::{Chart, RowKind, CHAR_WIDTH, FALLBACK_COLOR, FSI, MAX_LABEL_CHARS, PDI, TITLE};
use crate::model::boundaries::{cluster_width, graphemes, width};
use crate::model::stats::{SourceRow, Statistics};

/// A row before placement.
pub(super) struct Bar {
    pub kind: RowKind,
    pub name: String,
    pub shown: String,
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The bars in order: top sources, "Other sources (N)", "Unattributed".
pub(super) fn bars(stats: &Statistics, max_rows: usize, label_chars: usize) -> Vec<Bar> {
    let (named, unattributed): (Vec<&SourceRow>, Vec<&SourceRow>) =
        stats.sources.iter().partition(|row| row.name.is_some());
    let room = max_rows - unattributed.len().min(1);
    let shown = if named.len() > room {
        room - 1
    } else {
        named.len()
    };
    let mut bars: Vec<Bar> = named[..shown]
        .iter()
        .map(|row| {
            let name = row.name.clone().unwrap_or_default();
            Bar {
                kind: RowKind::Source,
                shown: isolate(&shorten_to(&name, label_chars)),
                name,
                counts: row.counts.clone(),
                total: row.total,
            }
        })
        .collect();
    let rest = &named[shown..];
    if !rest.is_empty() {
        let mut counts = vec![0; stats.labels.len()];
        for row in rest {
            counts
                .iter_mut()
                .zip(&row.counts)
                .for_each(|(sum, n)| *sum += n);
        }
        let name = format!("Other sources ({})", rest.len());
        bars.push(Bar {
            kind: RowKind::Other(rest.len()),
            shown: name.clone(),
            name,
            total: counts.iter().sum(),
            counts,
        });
    }
    for row in unattributed {
        bars.push(Bar {
            kind: RowKind::Unattributed,
            name: "Unattributed".into(),
            shown: "Unattributed".into(),
            counts: row.counts.clone(),
            total: row.total,
        });
    }
    bars
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn summary(stats: &Statistics, room: f64) -> String {
    let long = format!(
        "{} · {} · {} of the text annotated",
        plural(stats.documents, "document", "documents"),
        plural(stats.annotations, "annotation", "annotations"),
        stats.percent()
    );
    if text_width(&long) <= room {
        return long;
    }
    format!(
        "{} · {} · {} covered",
        plural(stats.documents, "doc", "docs"),
        plural(stats.annotations, "annotation", "annotations"),
        stats.percent()
    )
}

/// "Title: summary. Source: total (label count, …). … Legend: …" with full names.
pub(super) fn describe(chart: &Chart) -> String {
    let mut description = format!("{TITLE}: {}.", chart.summary.text);
    for row in &chart.rows {
        let parts: Vec<String> = row
            .segments
            .iter()
            .map(|s| format!("{} {}", s.label_name, s.count))
            .collect();
        description.push_str(&format!(
            " {}: {} ({}).",
            row.name,
            row.total,
            parts.join(", ")
        ));
    }
    let legend: Vec<String> = chart
        .legend
        .iter()
        .map(|l| format!("{} {}", l.name, l.count))
        .collect();
    description.push_str(&format!(" All labels: {}.", legend.join(", ")));
    description
}

/// The smallest of 1, 2, 5, 10, 20, 50, … that cuts `max` into at most five steps.
pub fn nice_step(max: usize) -> usize {
    let mut magnitude = 1usize;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude.saturating_mul(factor);
            if step.saturating_mul(5) >= max {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// `name` cut to at most [`MAX_LABEL_CHARS`] narrow characters' width (see [`units`]), ending
/// in "…", never inside a letter with its accents or an emoji sequence.
pub fn shorten(name: &str) -> String {
    shorten_to(name, MAX_LABEL_CHARS)
}

/// [`shorten`] to at most `max` narrow characters' width, cutting between grapheme clusters.
pub fn shorten_to(name: &str, max: usize) -> String {
    if width(name) <= max {
        return name.to_string();
    }
    let (mut kept, mut used) = (String::new(), 0);
    for cluster in graphemes(name) {
        let units = cluster_width(cluster);
        if used + units >= max {
            break;
        }
        used += units;
        kept.push_str(cluster);
    }
    format!("{}…", kept.trim_end())
}

/// User text wrapped in a directional isolate.
pub(super) fn isolate(text: &str) -> String {
    format!("{FSI}{text}{PDI}")
}

/// An estimate of the width of `text` at [`super::shape::FONT_SIZE`].
pub(super) fn text_width(text: &str) -> f64 {
    width(text) as f64 * CHAR_WIDTH
}

/// `color` if it is `#rrggbb` (lower-cased), else [`FALLBACK_COLOR`].
pub fn safe_color(color: &str) -> String {
    let hex = color.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        color.to_ascii_lowercase()
    } else {
        FALLBACK_COLOR.to_string()
    }
}

/// Black or white, whichever has more contrast (WCAG relative luminance) on `#rrggbb`.
pub fn text_color_on(color: &str) -> &'static str {
    let channel = |i: usize| {
        let v = u8::from_str_radix(color.get(i..i + 2).unwrap_or("77"), 16).unwrap_or(0x77);
        let v = v as f64 / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with black (L + 0.05) / 0.05 against contrast with white 1.05 / (L + 0.05).
    if (luminance + 0.05) * (luminance + 0.05) >= 0.05 * 1.05 {
        "#000000"
    } else {
        "#ffffff"
    }
}
