//! The source × label chart: which rows, their geometry, ticks, legend, shortening, colours,
//! and the standalone SVG (parsed with roxmltree: well-formed, escaped, readable text).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use claimmark::model::chart::{
    self, nice_step, safe_color, shorten, text_color_on, Chart, RowKind, EMPTY_MESSAGE,
};
use claimmark::model::{Document, Statistics, Workspace};
use common::tagged;

/// A workspace on a text of `words` five-code-point words; mark i tags word i with
/// (label, source), an empty source being unattributed.
fn workspace(words: usize, marks: &[(&str, &str)]) -> Workspace {
    let text = "w🙂rd ".repeat(words);
    let marks: Vec<_> = marks
        .iter()
        .enumerate()
        .map(|(i, &(label, source))| (i * 5, i * 5 + 4, label, source))
        .collect();
    tagged(Workspace::new(Document::new("t", text.as_str())), &marks)
}

/// Marks giving each (source, label, count) its count of annotations.
fn marks<'a>(spec: &[(&'a str, &'a str, usize)]) -> Vec<(&'a str, &'a str)> {
    spec.iter()
        .flat_map(|&(source, label, n)| std::iter::repeat_n((label, source), n))
        .collect()
}

fn chart_of(spec: &[(&str, &str, usize)], max_rows: usize) -> Chart {
    let marks = marks(spec);
    let ws = workspace(marks.len().max(1), &marks);
    Chart::source_by_label(&Statistics::of(&[&ws]), max_rows)
}

/// Drops the directional isolates around user text.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// Checks the rows' shown labels and totals.
fn check_rows(spec: &[(&str, &str, usize)], max_rows: usize, expected: &[(&str, usize)]) {
    let chart = chart_of(spec, max_rows);
    let rows: Vec<(String, usize)> = chart
        .rows
        .iter()
        .map(|r| (plain(&r.label.text), r.total))
        .collect();
    let expected: Vec<(String, usize)> = expected.iter().map(|&(n, t)| (n.into(), t)).collect();
    assert_eq!(rows, expected, "{spec:?} in {max_rows} rows");
    assert_invariants(&chart);
}

/// Geometry every chart keeps.
fn assert_invariants(chart: &Chart) {
    let longest = chart.rows.iter().map(|r| r.total).max().unwrap_or(0);
    let end = chart.plot_x + chart.plot_width;
    for row in &chart.rows {
        let mut x = chart.plot_x;
        for segment in &row.segments {
            assert!(segment.count > 0, "no empty segments");
            assert!((segment.x - x).abs() < 1e-9, "contiguous: {row:?}");
            let width = segment.count as f64 / longest as f64 * chart.plot_width;
            assert!(
                (segment.width - width).abs() <= 1.0,
                "proportional: {row:?}"
            );
            x = segment.x + segment.width;
            if let Some(text) = &segment.count_text {
                assert_eq!(text.text, segment.count.to_string());
                assert!(text.x > segment.x && text.x < x);
            }
        }
        assert_eq!(
            row.segments.iter().map(|s| s.count).sum::<usize>(),
            row.total
        );
        assert!(x <= end + 1e-9);
        if row.total == longest {
            assert_eq!(x, end, "the longest row fills the plot");
        }
        assert!(row.total_text.x > x && row.total_text.x < chart.width);
        assert!(row.y >= chart.plot_y && row.y + row.height <= chart.plot_y + chart.plot_height);
    }
    for pair in chart.ticks.windows(2) {
        assert!(pair[0].value < pair[1].value && pair[0].x < pair[1].x);
    }
    if let (Some(first), Some(last)) = (chart.ticks.first(), chart.ticks.last()) {
        assert_eq!((first.value, first.x), (0, chart.plot_x));
        assert!(last.value <= longest && longest - last.value < nice_step(longest));
    }
    for item in &chart.legend {
        assert!(item.x >= chart::MARGIN && item.x < chart.width - chart::MARGIN);
        assert!(item.y + 12.0 <= chart.height);
    }
}

#[test]
fn rows_are_top_sources_then_other_then_unattributed() {
    let spec = [
        ("Kabul", "claim", 5),
        ("Islamabad", "allegation", 4),
        ("", "claim", 1),
        ("Ana", "proposal", 3),
        ("Ben", "claim", 2),
        // Names differing only in case are one source (the editor stores the first spelling),
        // so the tie is between two different names.
        ("Bea", "allegation", 2),
        ("Cy", "claim", 1),
    ];
    let all = [
        ("Kabul", 5),
        ("Islamabad", 4),
        ("Ana", 3),
        ("Bea", 2),
        ("Ben", 2),
        ("Cy", 1),
        ("Unattributed", 1),
    ];
    check_rows(&spec, 7, &all);
    check_rows(&spec, 20, &all);
    let other = [
        ("Kabul", 5),
        ("Islamabad", 4),
        ("Ana", 3),
        ("Other sources (3)", 5),
        ("Unattributed", 1),
    ];
    check_rows(&spec, 5, &other);
    check_rows(&spec, 2, &[("Other sources (6)", 17), ("Unattributed", 1)]);
    check_rows(&spec, 0, &[("Other sources (6)", 17), ("Unattributed", 1)]);
    let named = &spec[..2];
    check_rows(named, 2, &[("Kabul", 5), ("Islamabad", 4)]);
    check_rows(
        &spec[..4],
        3,
        &[("Kabul", 5), ("Other sources (2)", 7), ("Unattributed", 1)],
    );
    let chart = chart_of(&spec, 5);
    assert_eq!(chart.rows[3].kind, RowKind::Other(3));
    assert_eq!(chart.rows[4].kind, RowKind::Unattributed);
    // Other sums per label: Ben 2 claim, ben 2 allegation, Cy 1 claim.
    let counts: Vec<_> = chart.rows[3]
        .segments
        .iter()
        .map(|s| (s.label.as_str(), s.count))
        .collect();
    assert_eq!(counts, [("claim", 3), ("allegation", 2)]);
}

#[test]
fn geometry_scales_to_the_longest_row() {
    let spec = [
        ("A", "claim", 7),
        ("A", "allegation", 3),
        ("A", "proposal", 1),
        ("B", "proposal", 9),
        ("C", "allegation", 1),
    ];
    let chart = chart_of(&spec, 10);
    assert_invariants(&chart);
    let a = &chart.rows[0];
    let widths: Vec<f64> = a.segments.iter().map(|s| s.width).collect();
    let unit = chart.plot_width / 11.0;
    assert!((widths[0] - 7.0 * unit).abs() < 1e-9 && (widths[2] - unit).abs() < 1e-9);
    // Colour from the label, count printed where it fits, in the colour that contrasts more.
    assert_eq!(a.segments[0].color, "#0072b2");
    let text = a.segments[0].count_text.as_ref().unwrap();
    assert_eq!((text.text.as_str(), text.color), ("7", "#ffffff"));
    assert_eq!(a.segments[1].count_text.as_ref().unwrap().color, "#000000");
    let ticks: Vec<_> = chart.ticks.iter().map(|t| t.value).collect();
    assert_eq!(ticks, [0, 5, 10]);
    let legend: Vec<_> = chart
        .legend
        .iter()
        .map(|l| (plain(&l.text.text), l.color.as_str()))
        .collect();
    assert_eq!(
        legend,
        [
            ("Claim (7)".to_string(), "#0072b2"),
            ("Allegation (4)".to_string(), "#d55e00"),
            ("Proposal (10)".to_string(), "#009e73")
        ]
    );
}

#[test]
fn narrow_segments_keep_their_width_and_drop_the_number() {
    let mut spec = vec![("Big", "claim", 1), ("Big", "proposal", 1)];
    spec.push(("Big", "allegation", 398));
    let chart = chart_of(&spec, 10);
    assert_invariants(&chart);
    let first = &chart.rows[0].segments[0];
    assert!(first.width < 2.0 && first.count_text.is_none());
    assert_eq!(chart.rows[0].segments[1].count, 398);
    assert!(chart.rows[0].segments[1].count_text.is_some());
}

#[test]
fn nice_steps_cut_the_axis_into_at_most_five() {
    let steps: Vec<usize> = [1, 4, 5, 6, 10, 11, 24, 99, 100, 101, 2_400, 1_000_000]
        .map(nice_step)
        .to_vec();
    assert_eq!(steps, [1, 1, 1, 2, 2, 5, 5, 20, 20, 50, 500, 200_000]);
    assert!(nice_step(usize::MAX) as u128 * 5 >= usize::MAX as u128);
}

#[test]
fn no_annotations_give_a_message_and_no_rows() {
    for stats in [Statistics::of(&[]), Statistics::of(&[&workspace(3, &[])])] {
        let chart = Chart::source_by_label(&stats, 8);
        assert_eq!(chart.empty.as_ref().unwrap().text, EMPTY_MESSAGE);
        assert!(chart.rows.is_empty() && chart.ticks.is_empty() && chart.legend.is_empty());
        let svg = chart.to_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert!(texts(&doc).contains(&EMPTY_MESSAGE.to_string()));
    }
}

#[test]
fn long_names_are_shortened_between_whole_characters() {
    let check = |name: &str, expected: &str| assert_eq!(shorten(name), expected, "{name}");
    check("Maria Zakharova", "Maria Zakharova");
    check(&"x".repeat(28), &"x".repeat(28));
    check(&"x".repeat(29), &format!("{}…", "x".repeat(27)));
    // Emoji and CJK count two, a whole grapheme cluster once: 👨🏻‍🚒 (4 code points) and 🇵🇰
    // (2) are one wide character each, kept or cut whole.
    let firefighter = format!("{}👨🏻‍🚒 and more text", "y".repeat(27));
    check(&firefighter, &format!("{}…", "y".repeat(27)));
    let firefighter = format!("{}👨🏻‍🚒 and more text", "y".repeat(25));
    check(&firefighter, &format!("{}👨🏻‍🚒…", "y".repeat(25)));
    check(
        &format!("{}🇵🇰 flag", "y".repeat(26)),
        &format!("{}…", "y".repeat(26)),
    );
    // Thai vowel and tone marks stay on their consonants (each cluster counts one).
    check(
        "รัฐบาลรัสเซียกล่าวว่าการเจรจาจะดำเนินต่อไป",
        "รัฐบาลรัสเซียกล่าวว่าการเจรจาจะดำ…",
    );
    check(
        &format!("{}🙂", "y".repeat(26)),
        &format!("{}🙂", "y".repeat(26)),
    );
    check(
        &format!("{}🙂", "y".repeat(27)),
        &format!("{}…", "y".repeat(27)),
    );
    check(
        "北京市人民政府新闻办公室发言人说",
        "北京市人民政府新闻办公室发…",
    );
    // A combining accent stays with its letter.
    let accent = format!("{}Cafe\u{301} society", "z".repeat(23));
    check(&accent, &format!("{}Cafe\u{301}…", "z".repeat(23)));
    check(
        &format!("{} tail", "w".repeat(26)),
        &format!("{}…", "w".repeat(26)),
    );
    let chart = chart_of(&[(&firefighter, "claim", 1)], 4);
    assert_eq!(
        chart.rows[0].name, firefighter,
        "the full name stays for the tooltip"
    );
}

#[test]
fn colours_are_checked_and_numbers_contrast() {
    assert_eq!(safe_color("#00AAff"), "#00aaff");
    assert_eq!(safe_color("red\" onload=\"x"), chart::FALLBACK_COLOR);
    assert_eq!(safe_color("#abc"), chart::FALLBACK_COLOR);
    let cases = [
        ("#000000", "#ffffff"),
        ("#ffffff", "#000000"),
        ("#0072b2", "#ffffff"),
        ("#d55e00", "#000000"),
        ("#009e73", "#000000"),
        ("#777777", "#000000"),
    ];
    for (fill, text) in cases {
        assert_eq!(text_color_on(fill), text, "{fill}");
    }
}

/// Every `<text>` element's content.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn svg_is_well_formed_escaped_and_readable_in_print() {
    let hostile = "<script>alert(1)</script> & \"x\"";
    let names = [
        hostile,
        "‏مريم العلي",
        "👨🏻‍🚒 Cafe\u{301} ’quoted’ “so”",
        "bell\u{7}char",
        "O'Brien",
    ];
    let spec: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, ["claim", "allegation", "proposal"][i % 3], 5 - i))
        .chain([("", "claim", 2)])
        .collect();
    let chart = chart_of(&spec, 10);
    assert_invariants(&chart);
    let svg = chart.to_svg();
    assert!(!svg.contains("<script"), "{svg}");
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(
        root.attribute("viewBox"),
        Some(format!("0 0 640 {}", chart.height).as_str())
    );
    assert!(root
        .attribute("font-family")
        .unwrap()
        .contains("sans-serif"));
    let title = root.first_element_child().unwrap();
    assert_eq!(title.tag_name().name(), "title");
    let desc = title.next_sibling_element().unwrap();
    assert_eq!(desc.tag_name().name(), "desc");
    assert!(desc.text().unwrap().contains(hostile));
    let shown = texts(&doc);
    for name in names {
        let expected = shorten(&name.replace('\u{7}', "\u{FFFD}"));
        assert!(
            shown.iter().any(|t| plain(t) == expected),
            "{name:?} in {shown:?}"
        );
    }
    assert!(shown.contains(&"Unattributed".to_string()));
    // Every text is black except counts inside segments, which are black or white.
    let counts: usize = chart
        .rows
        .iter()
        .flat_map(|r| &r.segments)
        .filter(|s| s.count_text.is_some())
        .count();
    let texts_elements: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    let white = texts_elements
        .iter()
        .filter(|n| n.attribute("fill") == Some("#ffffff"))
        .count();
    assert!(white <= counts);
    assert!(texts_elements
        .iter()
        .all(|n| matches!(n.attribute("fill"), Some("#000000" | "#ffffff"))));
    // One rect per segment with its tooltip, plus the background and the legend swatches.
    let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
    let segments: usize = chart.rows.iter().map(|r| r.segments.len()).sum();
    assert_eq!(rects, 1 + segments + chart.legend.len());
    let tooltip = format!("{hostile}: 5");
    assert!(doc
        .descendants()
        .any(|n| n.has_tag_name("title") && n.text() == Some(tooltip.as_str())));
}

#[test]
fn the_chart_follows_the_statistics() {
    let before = Statistics::of(&[&workspace(4, &marks(&[("Kabul", "claim", 1)]))]);
    let after = Statistics::of(&[&workspace(
        4,
        &marks(&[("Kabul", "claim", 2), ("Ana", "proposal", 1)]),
    )]);
    let (a, b) = (
        Chart::source_by_label(&before, 8),
        Chart::source_by_label(&after, 8),
    );
    assert_eq!((a.rows.len(), b.rows.len()), (1, 2));
    assert!(
        b.summary.text.contains("3 annotations"),
        "{}",
        b.summary.text
    );
    assert!(
        a.summary
            .text
            .starts_with("1 document · 1 annotation · 20.0%"),
        "{}",
        a.summary.text
    );
    assert_ne!(a.to_svg(), b.to_svg());
}

#[test]
fn narrow_charts_keep_their_geometry_and_shorten_names_more() {
    let spec = [
        (
            "Ministry of Foreign Affairs of the Islamic Republic 🙂",
            "claim",
            3,
        ),
        ("Kabul", "allegation", 2),
        ("", "proposal", 1),
    ];
    let marks = marks(&spec);
    let ws = workspace(marks.len(), &marks);
    let stats = Statistics::of(&[&ws]);
    let wide = Chart::source_by_label(&stats, 10);
    for width in [200.0, 360.0, 480.0, 640.0] {
        let chart = Chart::sized(&stats, 10, width);
        assert_eq!(chart.width, width.max(chart::MIN_WIDTH));
        assert_invariants(&chart);
        let label = plain(&chart.rows[0].label.text);
        assert!(label.chars().count() <= plain(&wide.rows[0].label.text).chars().count());
        assert!(
            label.chars().count() as f64 * 7.0 <= chart.plot_x,
            "{label:?} fits left of the plot at {width}px"
        );
        let summary = &chart.summary.text;
        assert!(
            summary.chars().count() as f64 * 7.0 <= chart.width - 2.0 * chart::MARGIN,
            "{summary:?} fits at {width}px"
        );
    }
    assert_eq!(Chart::sized(&stats, 10, 640.0), wide);
}
