//! Writes the benchmark documents: deterministic English-like prose with ’ “ ” — 🙂 and
//! accented names, at 10 KB / 100 KB / 1 MB with 50 / 1 000 / 10 000 annotations spread over
//! the three labels and a dozen sources, some nested or overlapping. Native JSON v1.
//!
//! `cargo run --release --example bench-corpus -- OUT_DIR` (scripts/bench.sh does this). The
//! documents themselves come from `corpus.rs`, which the golden export test uses too.

mod corpus;

use claimmark::model::formats::native;
use claimmark::model::layout;
use claimmark::model::Workspace;

/// The same document as a static page with the same highlights: the floor a browser needs
/// just to parse and lay out this much text (no app, no script).
fn floor_page(workspace: &Workspace) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let text = &workspace.document.text;
    let blocks = layout::blocks(text);
    let mut html = String::from("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>floor</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body><div class=\"layout\"><article class=\"doc\">");
    for (block, segments) in blocks.iter().zip(layout::segments(workspace, &blocks)) {
        html.push_str("<p class=\"block\">");
        for segment in segments.iter() {
            let piece = escape(text.slice(segment.start, segment.end));
            match segment.layers.last() {
                None => html.push_str(&piece),
                Some(layer) => {
                    let color = workspace
                        .label(&layer.label)
                        .map_or("#777777", |l| l.color.as_str());
                    html.push_str(&format!("<span class=\"seg hl\" style=\"background-color:{color}2e;box-shadow:0 2px 0 0 {color}\">{piece}</span>"));
                }
            }
        }
        html.push_str("</p>");
        let _ = block;
    }
    html.push_str("</article></div></body></html>");
    html
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/data".into());
    std::fs::create_dir_all(&out).expect("output directory");
    for (name, bytes, count, seed) in [
        ("10k-50", 10_000, 50, 1),
        ("100k-1000", 100_000, 1_000, 2),
        ("1m-10000", 1_000_000, 10_000, 3),
    ] {
        let workspace = corpus::document(&format!("Benchmark {name}"), bytes, count, seed);
        let path = format!("{out}/{name}.claimmark.json");
        std::fs::write(&path, native::export(&workspace)).expect("write");
        std::fs::write(format!("{out}/{name}.floor.html"), floor_page(&workspace)).expect("write");
        println!(
            "{path}: {} code points, {} annotations",
            workspace.document.text.len(),
            workspace.annotations().len()
        );
    }
}
