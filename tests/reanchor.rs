//! Host tests of re-anchoring: annotations placed through the alignment of the two texts (a line
//! added, a paragraph moved, words changed), in several scripts, never splitting a character,
//! the nearest edited copy found however far; each outcome is also checked against stepping and
//! the rule as it was (`reanchor_support`).
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::align::align;
use claimmark::model::boundaries::split_problem;
use claimmark::model::{Text, Workspace};
use reanchor_support::{annotated, outcome, span_of};

mod reanchor_support;

/// Checks the counts (exact, moved, edited, not found) and the placed quotes, in text order.
fn check(old: &str, quotes: &[&str], new: &str, counts: [usize; 4], placed: &[&str]) {
    let result = outcome(&annotated(old, quotes), new);
    let got = [
        result.exact,
        result.moved,
        result.edited,
        result.unplaced.len(),
    ];
    assert_eq!(got, counts, "{old:?} → {new:?}");
    let w = &result.workspace;
    let quotes: Vec<&str> = w.annotations().iter().map(|a| w.quote(a)).collect();
    assert_eq!(quotes, placed, "{old:?} → {new:?}");
    for a in w.annotations() {
        assert_eq!(split_problem(&w.document.text, a.span), None);
    }
}

const ARTICLE: &str = "Kabul accused Islamabad of airspace violations on Monday.\n\
    Islamabad denied it and said talks would resume. The ministry urged restraint.\n\
    Both sides agreed that the talks would resume after a pause in the dispute.";

#[test]
fn a_line_added_at_the_top_moves_every_annotation() {
    let quotes = [
        "accused Islamabad",
        "talks would resume@1",
        "talks would resume@2",
        "urged restraint",
    ];
    let new = format!("Updated at noon.\n{ARTICLE}");
    check(
        ARTICLE,
        &quotes,
        &new,
        [0, 4, 0, 0],
        &[
            "accused Islamabad",
            "talks would resume",
            "urged restraint",
            "talks would resume",
        ],
    );
    // The same words twice: each goes with its own copy.
    let result = outcome(&annotated(ARTICLE, &quotes), &new);
    let starts: Vec<usize> = result
        .workspace
        .annotations()
        .iter()
        .map(|a| a.span.start())
        .collect();
    let old: Vec<usize> = quotes
        .iter()
        .map(|q| span_of(ARTICLE, q).start() + 17)
        .collect();
    assert_eq!(starts, [old[0], old[1], old[3], old[2]]);
}

#[test]
fn a_moved_paragraph_is_found_at_its_new_place() {
    let (first, rest) = ARTICLE.split_once('\n').unwrap();
    let moved = format!("{rest}\n{first}");
    let quotes = [
        "accused Islamabad of airspace",
        "denied it",
        "after a pause",
    ];
    check(
        ARTICLE,
        &quotes,
        &moved,
        [0, 3, 0, 0],
        &[
            "denied it",
            "after a pause",
            "accused Islamabad of airspace",
        ],
    );
}

#[test]
fn changed_words_inside_a_quote_make_it_edited() {
    let old = format!("{ARTICLE}\n{ARTICLE}");
    let quotes = [
        "Both sides agreed that the talks would resume after a pause@2",
        "Kabul accused Islamabad@2",
        "ministry urged",
    ];
    let new = old
        .replacen("agreed that", "agreed quietly that", 2)
        .replacen("Kabul accused", "Kabul blamed", 2);
    check(
        &old,
        &quotes,
        &new,
        [0, 1, 1, 1],
        &[
            "ministry urged",
            "Both sides agreed quietly that the talks would resume after a pause",
        ],
    );
}

#[test]
fn texts_in_several_scripts_keep_their_characters_whole() {
    let emoji = "Zoë 👨🏻‍🚒 said 🇵🇰 talks resume.\nThe 👩‍👩‍👧 family agreed.";
    check(
        emoji,
        &["👨🏻‍🚒 said 🇵🇰", "👩‍👩‍👧 family"],
        &format!("🙂\n{emoji}"),
        [0, 2, 0, 0],
        &["👨🏻‍🚒 said 🇵🇰", "👩‍👩‍👧 family"],
    );
    let arabic = "قالت زاخاروفا إن المحادثات ستستأنف. وأضافت أن الطرفين متفقان.";
    let new = arabic.replace("وأضافت", "وقالت");
    check(
        arabic,
        &["زاخاروفا إن", "الطرفين متفقان"],
        &new,
        [1, 1, 0, 0],
        &["زاخاروفا إن", "الطرفين متفقان"],
    );
    let chinese = "扎哈罗娃表示，谈判将恢复。双方同意暂停后继续。她说。";
    let new = format!("新闻。{}", chinese.replace("双方", "两国"));
    check(
        chinese,
        &["谈判将恢复", "暂停后继续", "双方同意"],
        &new,
        [0, 2, 0, 1],
        &["谈判将恢复", "暂停后继续"],
    );
    let crlf = "First line.\r\nKabul said talks resume.\r\nLast line.";
    let new = format!("Top.\r\n{crlf}");
    check(
        crlf,
        &["\r\nKabul said", "resume.\r\n"],
        &new,
        [0, 2, 0, 0],
        &["\r\nKabul said", "resume.\r\n"],
    );
}

#[test]
fn a_copy_that_would_split_a_character_is_not_placed() {
    // The same letters, but the last one now carries an accent: at the same place and moved.
    check(
        "Hi Zoe and Bob.",
        &["Zoe"],
        "Hi Zoe\u{301} and Bob.",
        [0, 0, 0, 1],
        &[],
    );
    check(
        "Hi Zoe and Bob.",
        &["Zoe"],
        "Top.\nHi Zoe\u{301} and Bob.",
        [0, 0, 0, 1],
        &[],
    );
    // A CR LF is one character: a quote ending in the CR of the new text is not placed.
    check("One\rTwo", &["One\r"], "Top One\r\nTwo", [0, 0, 0, 1], &[]);
}

/// `n` code points of numbered words, each unlike those of another `tag`.
fn filler(tag: char, n: usize) -> String {
    let words = (0..).map(|i| format!("{tag}{i}. "));
    words
        .flat_map(|w| w.chars().collect::<Vec<_>>())
        .take(n)
        .collect()
}

#[test]
fn the_nearest_edited_copy_is_found_beyond_the_place_looked_at_first() {
    // Copies with small edits 1027 code points before and 1029 after where the quote is
    // expected: only the whole text says which is nearer.
    let (quote, changed) = (
        "Kabul accused Islamabad of airspace violations",
        "Kabul blamed Islamabad of airspace violations",
    );
    let copy = "Kabul accused Islamabad of repeated airspace violations. ";
    let (x, y) = (filler('x', 1200), filler('y', 1027 - copy.chars().count()));
    let (z, w) = (
        filler('z', 1029 - changed.chars().count()),
        filler('w', 300),
    );
    let old = format!("{x}{y}{quote}{z}{w}");
    let new = format!("{x}{copy}{y}{changed}{z}{copy}{w}");
    let result = outcome(&annotated(&old, &[quote]), &new);
    assert_eq!(result.edited, 1);
    assert_eq!(result.workspace.annotations()[0].span.start(), 1200);
}

/// Where the quote below is placed (and how: 2 edited) when its place now holds another
/// version, and `copies` (with the code points of filler before each) come before and after it.
fn far_copies(before: &[(usize, &str)], after: &[(usize, &str)]) -> Option<(usize, usize, usize)> {
    let quote = "Kabul accused Islamabad of airspace violations";
    let mut old = filler('x', 1200);
    let mut new = old.clone();
    for (i, &(gap, copy)) in before.iter().enumerate() {
        let gap = filler(char::from(b'a' + i as u8), gap);
        new += &format!("{copy}{gap}");
        old += &gap;
    }
    old += quote;
    new += "Kabul blamed Islamabad of airspace violations";
    for (i, &(gap, copy)) in after.iter().enumerate() {
        let gap = filler(char::from(b'k' + i as u8), gap);
        new += &format!("{gap}{copy}");
        old += &gap;
    }
    old += &filler('w', 300);
    new += &filler('w', 300);
    let result = outcome(&annotated(&old, &[quote]), &new);
    let span = result.workspace.annotations().first().map(|a| a.span);
    span.map(|s| (s.start(), s.end() - s.start(), result.edited))
}

#[test]
fn far_edited_copies_keep_the_lengths_allowed_and_the_earlier_of_equals() {
    // The quote is 46 code points: a copy may be 32 to 59 long.
    let copy = |middle: usize| format!("Kabul accused {}e violations", "x".repeat(middle));
    let (short, shortest, longest, long) = (copy(5), copy(6), copy(33), copy(34));
    assert_eq!(far_copies(&[(1100, &shortest)], &[]), Some((1200, 32, 1)));
    assert_eq!(far_copies(&[(1100, &longest)], &[]), Some((1200, 59, 1)));
    assert_eq!(far_copies(&[(1100, &short)], &[]), None);
    assert_eq!(far_copies(&[(1100, &long)], &[]), None);
    // 1100 code points before and after where it is expected: the earlier one.
    let (before, after) = (1100 - longest.chars().count(), 1100 - 45);
    let placed = far_copies(&[(before, &longest)], &[(after, &shortest)]);
    assert_eq!(placed, Some((1200, 59, 1)));
    let placed = far_copies(&[(before, &longest)], &[(after - 1, &shortest)]);
    assert_eq!(placed.map(|p| p.1), Some(32), "the later one is nearer");
}

#[test]
fn an_edited_copy_of_a_quote_that_overlaps_itself_is_found_as_before() {
    // In "abab…" a search from elsewhere finds other copies of "abababababab", so the one
    // nearest is taken from a search of the whole text.
    for start in [2018, 2020, 2022, 2026] {
        let old = format!("{}Z{}", "ab".repeat(1020), "ab".repeat(980));
        let new = old.replace('Z', "Y");
        let quote: String = old.chars().skip(start).take(40).collect();
        let result = outcome(&annotated(&old, &[&quote]), &new);
        assert_eq!(result.edited, 1, "{start}");
    }
}

#[test]
fn mentions_and_cues_follow_their_annotations_or_are_counted() {
    let text = "Zakharova said the talks would resume. Later, Kabul announced a pause.";
    let mut old = annotated(text, &["the talks would resume", "a pause"]);
    let mut annotations = old.annotations().to_vec();
    for (a, (mention, cue)) in annotations
        .iter_mut()
        .zip([("Zakharova", "said"), ("Kabul", "announced")])
    {
        let attribution = a.attribution.as_mut().unwrap();
        attribution.mention = Some(span_of(text, mention));
        attribution.cue = Some(span_of(text, cue));
    }
    old = Workspace::from_parts(
        old.document.clone(),
        old.labels.clone(),
        Vec::new(),
        annotations,
    );
    let new = "Update. Zakharova said the talks would resume. Later, Kabul confirmed a pause.";
    let result = outcome(&old, new);
    assert_eq!((result.moved, result.mentions_dropped), (2, 1));
    let w = &result.workspace;
    let linked: Vec<Option<&str>> = w
        .annotations()
        .iter()
        .flat_map(|a| {
            [
                a.attribution.as_ref().unwrap().mention,
                a.attribution.as_ref().unwrap().cue,
            ]
        })
        .map(|s| s.map(|s| w.document.text.quote(s)))
        .collect();
    assert_eq!(
        linked,
        [Some("Zakharova"), Some("said"), Some("Kabul"), None]
    );
}

#[test]
fn the_alignment_says_where_old_offsets_are_expected() {
    let check = |old: &str, new: &str, expected: &[(usize, usize)]| {
        let alignment = align(old, new);
        for run in alignment.runs() {
            let (a, b) = (Text::new(old), Text::new(new));
            assert_eq!(
                a.slice(run.old, run.old + run.len),
                b.slice(run.new, run.new + run.len)
            );
        }
        let got: Vec<(usize, usize)> = expected
            .iter()
            .map(|&(at, _)| (at, alignment.expected(at)))
            .collect();
        assert_eq!(got, expected, "{old:?} → {new:?}");
    };
    check(
        "One. Two. Three.",
        "Zero. One. Two. Three.",
        &[(0, 6), (5, 11), (16, 22)],
    );
    check(
        "One. Two. Three.",
        "One. Three.",
        &[(0, 0), (5, 5), (7, 5), (10, 5), (12, 7)],
    );
    check(
        "Kabul said so.\nIslamabad denied.",
        "Kabul claimed so.\nIslamabad denied.",
        &[(0, 0), (11, 14), (15, 18)],
    );
    check(
        "扎哈罗娃表示。\n双方同意。\n他说。\n",
        "双方同意。\n他说。\n扎哈罗娃表示。\n",
        &[(0, 0), (3, 0), (8, 0), (14, 6)],
    );
    check("", "New.", &[(0, 0)]);
    check("Old.", "", &[(0, 0), (4, 0)]);
}
