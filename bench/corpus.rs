//! The benchmark's documents, made deterministically: English-like prose with ’ “ ” — 🙂 and
//! accented names, annotated with spans spread over the three labels and a dozen sources, some
//! nested or overlapping. Used by `generate.rs` (the benchmark) and `tests/golden.rs`.

use claimmark::model::annotation::{Annotation, AnnotationId, Attribution, LabelId};
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

pub fn document(title: &str, bytes: usize, count: usize, seed: u64) -> Workspace {
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
            fragments: Vec::new(),
            label: LabelId::new(labels[rng.below(3)]),
            attribution: source.and_then(Attribution::named),
            note: if rng.below(10) == 0 {
                "checked against the wire report".into()
            } else {
                String::new()
            },
            created: "2026-11-27T10:00:00Z".into(),
            modified: "2026-11-27T10:00:00Z".into(),
            provenance: None,
        });
    }
    Workspace::from_parts(
        document,
        claimmark::model::annotation::default_labels(),
        Vec::new(),
        annotations,
    )
}
