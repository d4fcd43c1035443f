//! What a chart is made of: its sizes and colours, and the placed pieces (text, bars with
//! their segments, ticks, legend) that `place` computes and the view and `svg` draw.

use crate::model::annotation::LabelId;

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

pub(super) const ROW_LABEL_WIDTH: f64 = 200.0;
/// The narrowest row labels, the share of the width they take, and the narrowest chart.
pub(super) const MIN_ROW_LABEL_WIDTH: f64 = 96.0;
pub(super) const ROW_LABEL_SHARE: f64 = 0.3125;
pub const MIN_WIDTH: f64 = 320.0;
pub(super) const TOTAL_WIDTH: f64 = 48.0;
pub(super) const ROW_HEIGHT: f64 = 26.0;
pub(super) const BAR_HEIGHT: f64 = 18.0;
pub(super) const PLOT_TOP: f64 = MARGIN + 46.0;
pub(super) const SWATCH: f64 = 12.0;
pub(super) const LEGEND_LINE: f64 = 20.0;
/// Estimated advance of one digit at [`SMALL_SIZE`] (with room to spare), and of an average
/// character at [`FONT_SIZE`]; layout that depends on text width uses these.
pub(super) const DIGIT_WIDTH: f64 = 7.0;
pub(super) const CHAR_WIDTH: f64 = 7.0;
/// From a row's vertical centre to the baseline of text centred on it.
pub(super) const BASELINE_SHIFT: f64 = 4.0;
/// First strong isolate and pop directional isolate: user text (perhaps right-to-left) next to
/// our own text or an ellipsis keeps its own direction.
pub(super) const FSI: char = '\u{2068}';
pub(super) const PDI: char = '\u{2069}';

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
