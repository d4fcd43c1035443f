//! The source × label chart as geometry: a horizontal stacked bar per source, scaled so the
//! longest bar fills the plot, with row labels, totals, axis ticks and a legend.
//!
//! Everything is placed here, in px of a [`WIDTH`]-wide drawing, so the view only draws it
//! (with Yew's SVG elements) and host tests check it. [`Chart::to_svg`] writes the same
//! geometry as a standalone SVG file (`svg` submodule) for download and print.
//!
//! Text is black; each segment also prints its count when it is wide enough, in black or white,
//! whichever contrasts more with the label colour, so the chart reads without colour.

mod parts;
mod svg;

pub use parts::{nice_step, safe_color, shorten, shorten_to, text_color_on};

use super::annotation::LabelId;
use super::stats::Statistics;
use parts::{bars, describe, isolate, summary, text_width};

/// Width of the whole drawing, px.
pub const WIDTH: f64 = 640.0;
pub const MARGIN: f64 = 16.0;
pub const FONT_FAMILY: &str = "system-ui, sans-serif";
pub const TITLE_SIZE: f64 = 15.0;
pub const FONT_SIZE: f64 = 12.0;
/// Counts inside segments and tick labels.
pub const SMALL_SIZE: f64 = 11.0;
pub const TITLE: &str = "Annotations per source and label";
pub const EMPTY_MESSAGE: &str = "No annotations yet";
/// Row labels and legend names wider than this many narrow characters (wide CJK characters
/// and emoji count two) are shortened with an ellipsis.
pub const MAX_LABEL_CHARS: usize = 28;
/// Gridlines and the axis.
pub const GRID_COLOR: &str = "#cccccc";
pub const TEXT_COLOR: &str = "#000000";
/// Used for a label colour that is not `#rrggbb`.
pub const FALLBACK_COLOR: &str = "#777777";

const ROW_LABEL_WIDTH: f64 = 200.0;
/// The narrowest row labels, the share of the width they take, and the narrowest chart.
const MIN_ROW_LABEL_WIDTH: f64 = 96.0;
const ROW_LABEL_SHARE: f64 = 0.3125;
pub const MIN_WIDTH: f64 = 320.0;
const TOTAL_WIDTH: f64 = 48.0;
const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 18.0;
const PLOT_TOP: f64 = MARGIN + 46.0;
const SWATCH: f64 = 12.0;
const LEGEND_LINE: f64 = 20.0;
/// Estimated advance of one digit at [`SMALL_SIZE`] (with room to spare), and of an average
/// character at [`FONT_SIZE`]; layout that depends on text width uses these.
const DIGIT_WIDTH: f64 = 7.0;
const CHAR_WIDTH: f64 = 7.0;
/// From a row's vertical centre to the baseline of text centred on it.
const BASELINE_SHIFT: f64 = 4.0;
/// First strong isolate and pop directional isolate: user text (perhaps right-to-left) next to
/// our own text or an ellipsis keeps its own direction.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A line of text: `x`, `y` is the anchor point on the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartText {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
    pub size: f64,
    pub bold: bool,
    /// A CSS hex colour.
    pub color: &'static str,
}

/// One label's part of a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub label: LabelId,
    pub label_name: String,
    /// `#rrggbb`, safe to put in an attribute or style.
    pub color: String,
    pub count: usize,
    pub x: f64,
    pub width: f64,
    /// The count, centred in the segment, when the segment is wide enough to hold it.
    pub count_text: Option<ChartText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    Source,
    /// The sources beyond the chart's rows, summed; how many.
    Other(usize),
    Unattributed,
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The full name, for a tooltip (`<title>`).
    pub name: String,
    /// The name as shown left of the bar, shortened if long; a source's name is wrapped in
    /// directional isolates (U+2068 … U+2069) so right-to-left names and the ellipsis stay put.
    pub label: ChartText,
    /// Top of the bar.
    pub y: f64,
    pub height: f64,
    /// Contiguous, left to right in label order; labels with count 0 are left out.
    pub segments: Vec<Segment>,
    pub total: usize,
    /// The total, just after the end of the bar.
    pub total_text: ChartText,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: usize,
    pub x: f64,
    pub text: ChartText,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: LabelId,
    pub name: String,
    pub color: String,
    pub count: usize,
    /// Top left corner of the colour swatch, [`LegendItem::SWATCH`] px square.
    pub x: f64,
    pub y: f64,
    /// "Name (count)", the name shortened and isolated like a row label.
    pub text: ChartText,
}

impl LegendItem {
    pub const SWATCH: f64 = SWATCH;
}

/// A horizontal stacked bar chart of annotations per source and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub title: ChartText,
    /// Documents, annotations and share of text covered.
    pub summary: ChartText,
    /// The plot area: bars start at `plot_x`, and the longest ends at `plot_x + plot_width`.
    pub plot_x: f64,
    pub plot_y: f64,
    pub plot_width: f64,
    pub plot_height: f64,
    pub rows: Vec<Row>,
    /// 0 and round values up to the longest bar's total, each with a gridline at `x`.
    pub ticks: Vec<Tick>,
    pub legend: Vec<LegendItem>,
    /// [`EMPTY_MESSAGE`] when there is nothing to chart (then rows, ticks and legend are empty).
    pub empty: Option<ChartText>,
    /// The chart as sentences, for a screen reader (`<desc>`) or a printed caption.
    pub description: String,
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
        let text = |x, y, text: String, anchor, size| ChartText {
            x,
            y,
            text,
            anchor,
            size,
            bold: false,
            color: TEXT_COLOR,
        };
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
        let mut chart = Chart {
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
        };
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
        let x_of = |count: usize| plot_x + plot_width * (count as f64 / longest as f64);
        for (i, bar) in bars.into_iter().enumerate() {
            let top = PLOT_TOP + i as f64 * ROW_HEIGHT;
            let y = top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            let baseline = top + ROW_HEIGHT / 2.0 + BASELINE_SHIFT;
            let mut segments = Vec::new();
            let mut before = 0;
            for (label, &count) in stats.labels.iter().zip(&bar.counts) {
                if count == 0 {
                    continue;
                }
                let (x, end) = (x_of(before), x_of(before + count));
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
            let label = text(plot_x - 8.0, baseline, bar.shown, Anchor::End, FONT_SIZE);
            let total_text = text(
                x_of(bar.total) + 6.0,
                baseline,
                bar.total.to_string(),
                Anchor::Start,
                FONT_SIZE,
            );
            chart.rows.push(Row {
                kind: bar.kind,
                name: bar.name,
                label,
                y,
                height: BAR_HEIGHT,
                segments,
                total: bar.total,
                total_text,
            });
        }
        chart.plot_height = chart.rows.len() as f64 * ROW_HEIGHT;
        let axis_y = PLOT_TOP + chart.plot_height;
        let step = nice_step(longest);
        chart.ticks = (0..=longest / step)
            .map(|i| {
                let value = i * step;
                let x = x_of(value);
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
            .collect();
        let (mut x, mut y) = (MARGIN, axis_y + 30.0);
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
            chart.legend.push(LegendItem {
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
        chart.height = y + SWATCH + MARGIN;
        chart.description = describe(&chart);
        chart
    }

    /// The chart as a standalone SVG document: what "Download SVG" saves.
    pub fn to_svg(&self) -> String {
        svg::write(self)
    }
}
