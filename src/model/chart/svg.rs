//! A [`Chart`] written as a standalone SVG document (for "Download SVG", PNG conversion and
//! print): white background, black text as real `<text>` elements, every piece of user text
//! XML-escaped, a `<title>` and a `<desc>` for screen readers, and tooltips with full names.

use std::fmt::Write;

use super::shape::{
    Anchor, Chart, ChartText, LegendItem, FONT_FAMILY, FONT_SIZE, GRID_COLOR, TEXT_COLOR,
};

impl Chart {
    /// The chart as a standalone SVG document: what "Download SVG" saves.
    pub fn to_svg(&self) -> String {
        write(self)
    }
}

fn write(chart: &Chart) -> String {
    let (width, height) = (number(chart.width), number(chart.height));
    let mut svg = String::with_capacity(4096);
    svg.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"{FONT_FAMILY}\" font-size=\"{}\">",
        number(FONT_SIZE)
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(&chart.title.text));
    let _ = writeln!(svg, "<desc>{}</desc>", escape(&chart.description));
    let _ = writeln!(
        svg,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    text(&mut svg, &chart.title);
    text(&mut svg, &chart.summary);
    if let Some(message) = &chart.empty {
        text(&mut svg, message);
    }
    if !chart.ticks.is_empty() {
        let (top, bottom) = (chart.plot_y, chart.plot_y + chart.plot_height);
        let _ = writeln!(svg, "<g stroke=\"{GRID_COLOR}\" stroke-width=\"1\">");
        for tick in &chart.ticks {
            line(&mut svg, tick.x, top, tick.x, bottom + 4.0);
        }
        line(
            &mut svg,
            chart.plot_x,
            bottom,
            chart.plot_x + chart.plot_width,
            bottom,
        );
        svg.push_str("</g>\n");
        for tick in &chart.ticks {
            text(&mut svg, &tick.text);
        }
    }
    for row in &chart.rows {
        let _ = writeln!(
            svg,
            "<g><title>{}: {}</title>",
            escape(&row.name),
            row.total
        );
        text(&mut svg, &row.label);
        for segment in &row.segments {
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{}, {}: {}</title></rect>",
                number(segment.x),
                number(row.y),
                number(segment.width),
                number(row.height),
                escape(&segment.color),
                escape(&row.name),
                escape(&segment.label_name),
                segment.count
            );
            if let Some(count) = &segment.count_text {
                text(&mut svg, count);
            }
        }
        text(&mut svg, &row.total_text);
        svg.push_str("</g>\n");
    }
    for item in &chart.legend {
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{size}\" height=\"{size}\" fill=\"{}\" stroke=\"{TEXT_COLOR}\" stroke-width=\"0.5\"/>",
            number(item.x),
            number(item.y),
            escape(&item.color),
            size = number(LegendItem::SWATCH),
        );
        text(&mut svg, &item.text);
    }
    svg.push_str("</svg>\n");
    svg
}

fn line(svg: &mut String, x1: f64, y1: f64, x2: f64, y2: f64) {
    let _ = writeln!(
        svg,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        number(x1),
        number(y1),
        number(x2),
        number(y2)
    );
}

fn text(svg: &mut String, text: &ChartText) {
    let anchor = match text.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{}\"",
        number(text.x),
        number(text.y),
        number(text.size),
        text.color
    );
    if text.bold {
        svg.push_str(" font-weight=\"bold\"");
    }
    let _ = writeln!(svg, ">{}</text>", escape(&text.text));
}

/// `value` with at most two decimals and no trailing zeros.
fn number(value: f64) -> String {
    let fixed = format!("{value:.2}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" | "" => "0".to_string(),
        other => other.to_string(),
    }
}

/// Text safe inside an element or a quoted attribute: markup characters as entities, and
/// characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    escaped
}
