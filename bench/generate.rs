//! Writes the benchmark documents: deterministic English-like prose with ’ “ ” — 🙂 and
//! accented names, at 10 KB / 100 KB / 1 MB with 50 / 1 000 / 10 000 annotations spread over
//! the three labels and a dozen sources, some nested or overlapping. Native JSON v1.
//!
//! `cargo run --release --example bench-corpus -- OUT_DIR` (scripts/bench.sh does this).

use claimmark::model::annotation::{Annotation, AnnotationId, Attribution, LabelId};
use claimmark::model::formats::native;
use claimmark::model::layout;
use claimmark::model::snap::snap_selection;
use claimmark::model::text::Document;
use claimmark::model::Workspace;

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Maria Zakharova",
    "José Álvarez",
    "Zoë Brontë",
    "Ngô Bảo Châu",
    "Łukasz Wójcik",
    "Søren Kierkegaard",
    "Ayşe Yılmaz",
    "Kabul",
    "Islamabad",
    "the ministry",
    "Pakistani officials",
    "Afghan representatives",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "claimed",
    "alleged",
    "proposed",
    "urged",
    "denied",
    "insisted",
    "warned",
    "suggested",
];
const WORDS: &[&str] = &[
    "the",
    "talks",
    "between",
    "both",
    "sides",
    "would",
    "resume",
    "after",
    "a",
    "pause",
    "in",
    "regional",
    "security",
    "and",
    "trade",
    "border",
    "dispute",
    "ceasefire",
    "mediation",
    "officials",
    "agreement",
    "on",
    "of",
    "that",
    "with",
    "pressure",
    "violations",
    "airspace",
    "dialogue",
    "progress",
    "negotiation",
    "restraint",
    "sanctuaries",
    "were",
    "had",
    "been",
    "not",
    "for",
    "months",
];
const FLOURISHES: &[&str] = &["🙂", "—", "“", "”", "’s", "café", "naïve", "e\u{301}"];

/// One sentence, and the code point range of its clause after the reporting verb.
fn sentence(rng: &mut Rng) -> String {
    let name = rng.pick(NAMES);
    let verb = rng.pick(VERBS);
    let mut words: Vec<String> = (0..8 + rng.below(14))
        .map(|_| rng.pick(WORDS).to_string())
        .collect();
    if rng.below(3) == 0 {
        let at = rng.below(words.len());
        words[at] = format!("{}{}", words[at], rng.pick(FLOURISHES));
    }
    if rng.below(4) == 0 {
        return format!("“{}”, {name} {verb}.", capitalise(&words.join(" ")));
    }
    format!("{name} {verb} that {}.", words.join(" "))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn text_of(bytes: usize, rng: &mut Rng) -> String {
    let mut text = String::with_capacity(bytes + 200);
    while text.len() < bytes {
        let sentences = 3 + rng.below(5);
        let paragraph: Vec<String> = (0..sentences).map(|_| sentence(rng)).collect();
        if !text.is_empty() {
            text.push('\n');
        }
        if rng.below(12) == 0 {
            text.push_str("Background and reactions\n");
        }
        text.push_str(&paragraph.join(" "));
    }
    text
}

fn document(title: &str, bytes: usize, count: usize, seed: u64) -> Workspace {
    let mut rng = Rng(seed);
    let text = text_of(bytes, &mut rng);
    let document = Document::new(title, text.as_str());
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let labels = ["claim", "allegation", "proposal"];
    let mut annotations = Vec::with_capacity(count);
    let stride = len / count.max(1);
    for i in 0..count {
        // Spread starts evenly with jitter; every eighth nests inside or overlaps the previous.
        let mut start = (i * stride + rng.below(stride.max(1))).min(len - 2);
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let length = 12 + rng.below(80);
        let mut end = (start + length).min(len);
        while end < len && !chars[end].is_whitespace() {
            end += 1;
        }
        if i % 8 == 7 {
            start = start.saturating_sub(length / 2);
        }
        // Whole characters only, as the app's selection makes them.
        let Some(span) = snap_selection(&document.text, start, end.max(start + 1), false) else {
            continue;
        };
        let source = (rng.below(5) != 0).then(|| rng.pick(NAMES));
        annotations.push(Annotation {
            id: AnnotationId::new(&format!("a{}", i + 1)),
            span,
            label: LabelId::new(labels[rng.below(3)]),
            attribution: source.and_then(Attribution::named),
            note: if rng.below(10) == 0 {
                "checked against the wire report".into()
            } else {
                String::new()
            },
            created: "2026-11-27T10:00:00Z".into(),
            modified: "2026-11-27T10:00:00Z".into(),
        });
    }
    Workspace::from_parts(
        document,
        claimmark::model::annotation::default_labels(),
        Vec::new(),
        annotations,
    )
}

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
        let workspace = document(&format!("Benchmark {name}"), bytes, count, seed);
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
