//! Placing a chart: the frame (title, summary, plot area), one row per bar with its segments
//! and total, the axis ticks and the legend, in px of a drawing `width` wide.

use super::parts::{bars, describe, isolate, nice_step, safe_color, shorten_to, summary};
use super::parts::{text_color_on, text_width, Bar};
use super::shape::*;
use crate::model::stats::Statistics;

/// Plain text at a point.
fn text(x: f64, y: f64, text: String, anchor: Anchor, size: f64) -> ChartText {
    ChartText {
        x,
        y,
        text,
        anchor,
        size,
        bold: false,
        color: TEXT_COLOR,
    }
}

/// Where counts fall on the plot: 0 at `plot_x`, `longest` at its right end.
struct Scale {
    plot_x: f64,
    plot_width: f64,
    longest: usize,
}

impl Scale {
    fn x(&self, count: usize) -> f64 {
        self.plot_x + self.plot_width * (count as f64 / self.longest as f64)
    }
}

impl Chart {
    /// The chart of `stats` with at most `max_rows` bars (at least 2): the sources with most
    /// annotations, then "Other sources (N)" summing the rest when they do not all fit, then
    /// "Unattributed" when some annotations have no source.
    pub fn source_by_label(stats: &Statistics, max_rows: usize) -> Chart {
        Chart::sized(stats, max_rows, WIDTH)
    }

    /// [`Chart::source_by_label`] drawn `width` px wide (at least [`MIN_WIDTH`]), for narrow
    /// places such as the side panel: row labels get a proportional share of the width and are
    /// shortened to fit it.
    pub fn sized(stats: &Statistics, max_rows: usize, width: f64) -> Chart {
        let width = width.max(MIN_WIDTH);
        let row_label_width = (width * ROW_LABEL_SHARE).clamp(MIN_ROW_LABEL_WIDTH, ROW_LABEL_WIDTH);
        let label_chars = ((row_label_width / CHAR_WIDTH) as usize).min(MAX_LABEL_CHARS);
        let bars = bars(stats, max_rows.max(2), label_chars);
        let mut chart = frame(stats, width, row_label_width);
        let longest = bars.iter().map(|b| b.total).max().unwrap_or(0);
        if longest == 0 {
            let message = text(
                MARGIN,
                PLOT_TOP + FONT_SIZE,
                EMPTY_MESSAGE.into(),
                Anchor::Start,
                FONT_SIZE,
            );
            chart.empty = Some(message);
            chart.description = format!("{TITLE}: {}. {EMPTY_MESSAGE}.", chart.summary.text);
            return chart;
        }
        let scale = Scale {
            plot_x: chart.plot_x,
            plot_width: chart.plot_width,
            longest,
        };
        for (i, bar) in bars.into_iter().enumerate() {
            chart.rows.push(row(stats, &scale, i, bar));
        }
        chart.plot_height = chart.rows.len() as f64 * ROW_HEIGHT;
        let axis_y = PLOT_TOP + chart.plot_height;
        chart.ticks = ticks(&scale, axis_y);
        let bottom;
        (chart.legend, bottom) = legend(stats, label_chars, width, axis_y + 30.0);
        chart.height = bottom + SWATCH + MARGIN;
        chart.description = describe(&chart);
        chart
    }
}

/// A chart with its title, summary and empty plot area.
fn frame(stats: &Statistics, width: f64, row_label_width: f64) -> Chart {
    let title = ChartText {
        bold: true,
        ..text(
            MARGIN,
            MARGIN + TITLE_SIZE,
            TITLE.into(),
            Anchor::Start,
            TITLE_SIZE,
        )
    };
    let summary = text(
        MARGIN,
        MARGIN + 36.0,
        summary(stats, width - 2.0 * MARGIN),
        Anchor::Start,
        FONT_SIZE,
    );
    let plot_x = MARGIN + row_label_width;
    let plot_width = width - plot_x - TOTAL_WIDTH - MARGIN;
    Chart {
        width,
        height: PLOT_TOP + 2.0 * FONT_SIZE + MARGIN,
        title,
        summary,
        plot_x,
        plot_y: PLOT_TOP,
        plot_width,
        plot_height: 0.0,
        rows: Vec::new(),
        ticks: Vec::new(),
        legend: Vec::new(),
        empty: None,
        description: String::new(),
    }
}

/// Bar `i` placed: its segments in label order, its name and its total.
fn row(stats: &Statistics, scale: &Scale, i: usize, bar: Bar) -> Row {
    let top = PLOT_TOP + i as f64 * ROW_HEIGHT;
    let y = top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
    let baseline = top + ROW_HEIGHT / 2.0 + BASELINE_SHIFT;
    let mut segments = Vec::new();
    let mut before = 0;
    for (label, &count) in stats.labels.iter().zip(&bar.counts) {
        if count == 0 {
            continue;
        }
        let (x, end) = (scale.x(before), scale.x(before + count));
        before += count;
        let color = safe_color(&label.color);
        let digits = count.to_string();
        let fits = end - x >= digits.len() as f64 * DIGIT_WIDTH + 4.0;
        let count_text = fits.then(|| ChartText {
            color: text_color_on(&color),
            ..text(
                (x + end) / 2.0,
                baseline,
                digits,
                Anchor::Middle,
                SMALL_SIZE,
            )
        });
        segments.push(Segment {
            label: label.id.clone(),
            label_name: label.name.clone(),
            color,
            count,
            x,
            width: end - x,
            count_text,
        });
    }
    let label = text(
        scale.plot_x - 8.0,
        baseline,
        bar.shown,
        Anchor::End,
        FONT_SIZE,
    );
    let total_text = text(
        scale.x(bar.total) + 6.0,
        baseline,
        bar.total.to_string(),
        Anchor::Start,
        FONT_SIZE,
    );
    Row {
        kind: bar.kind,
        name: bar.name,
        label,
        y,
        height: BAR_HEIGHT,
        segments,
        total: bar.total,
        total_text,
    }
}

/// 0 and round values up to the longest bar, labelled under the axis at `axis_y`.
fn ticks(scale: &Scale, axis_y: f64) -> Vec<Tick> {
    let step = nice_step(scale.longest);
    (0..=scale.longest / step)
        .map(|i| {
            let value = i * step;
            let x = scale.x(value);
            let label = text(
                x,
                axis_y + 14.0,
                value.to_string(),
                Anchor::Middle,
                SMALL_SIZE,
            );
            Tick {
                value,
                x,
                text: label,
            }
        })
        .collect()
}

/// The legend from `top`, wrapping to new lines within `width`; and the top of its last line.
fn legend(stats: &Statistics, label_chars: usize, width: f64, top: f64) -> (Vec<LegendItem>, f64) {
    let mut items = Vec::new();
    let (mut x, mut y) = (MARGIN, top);
    for label in &stats.labels {
        let shown = format!(
            "{} ({})",
            isolate(&shorten_to(&label.name, label_chars)),
            label.count
        );
        let item_width = SWATCH + 6.0 + text_width(&shown) + 18.0;
        if x > MARGIN && x + item_width > width - MARGIN {
            (x, y) = (MARGIN, y + LEGEND_LINE);
        }
        let baseline = y + SWATCH / 2.0 + BASELINE_SHIFT;
        items.push(LegendItem {
            label: label.id.clone(),
            name: label.name.clone(),
            color: safe_color(&label.color),
            count: label.count,
            x,
            y,
            text: text(x + SWATCH + 6.0, baseline, shown, Anchor::Start, FONT_SIZE),
        });
        x += item_width;
    }
    (items, y)
}
