//! `model::prerender`: the reading view as static HTML (the seed article in `index.html`). Every
//! block with its code point offsets, the title, the language and direction, in every script;
//! the document's text and title only ever as escaped text.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::language::LANGUAGES;
use claimmark::model::layout::blocks;
use claimmark::model::prerender::{article, escape};
use claimmark::model::text::seed_document;
use claimmark::model::Document;

/// A document with its language set as a user or a file would.
fn doc(title: &str, text: &str, language: Option<&str>) -> Document {
    let mut document = Document::new(title, text);
    document.language = language.map(str::to_string);
    document
}

/// The texts of the `span.seg`s, unescaped, with their `data-s` and `data-e`.
fn segments(html: &str) -> Vec<(usize, usize, String)> {
    html.split(r#"<span class="seg" "#)
        .skip(1)
        .map(|rest| {
            let (attributes, rest) = rest.split_once('>').unwrap();
            let number = |name: &str| -> usize {
                let at = attributes.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                attributes[at..].split('"').next().unwrap().parse().unwrap()
            };
            let text = rest.split("</span>").next().unwrap();
            (number("data-s"), number("data-e"), unescape(text))
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#13;", "\r")
        .replace("&amp;", "&")
}

/// Every block's text comes back, in order, at its code point offsets.
fn assert_blocks_round_trip(document: &Document) {
    let html = article(document);
    let expected: Vec<(usize, usize, String)> = blocks(&document.text)
        .iter()
        .map(|b| {
            (
                b.start,
                b.end,
                document.text.slice(b.start, b.end).to_string(),
            )
        })
        .collect();
    assert_eq!(segments(&html), expected);
}

#[test]
fn the_seed_article_is_its_title_and_every_block() {
    let seed = seed_document();
    let html = article(&seed);
    assert!(html.starts_with(r#"<article class="doc" lang="en" dir="ltr" aria-label="Document text" tabindex="0" aria-describedby="caret-help">"#));
    assert!(html.ends_with("</article>"));
    assert!(html.contains(r#"<h1 class="doc-title" dir="auto">Russia offers to mediate between Pakistan and Afghanistan</h1>"#));
    assert_blocks_round_trip(&seed);
    let layout = blocks(&seed.text);
    assert_eq!(html.matches(r#"class="block-wrap""#).count(), layout.len());
    // One subheading, the rest paragraphs, as the reading view shows them.
    assert_eq!(html.matches(r#"<h2 class="block" dir="auto""#).count(), 1);
    assert!(html.contains(r#"<h2 class="block" dir="auto" data-s="1028" data-e="1068"><span class="seg" data-s="1028" data-e="1068">Russia’s Position on Conflict Resolution</span></h2>"#));
    assert!(html.contains(r#"<option value="en" lang="en" selected>English</option>"#));
    assert_eq!(html.matches(" selected").count(), 1);
    assert_eq!(
        html.matches(r#"<div class="spacer" aria-hidden="true" style="height:0px"></div>"#)
            .count(),
        2
    );
    assert!(!html.contains("empty-doc"));
}

#[test]
fn right_to_left_documents_say_so_and_keep_their_text() {
    let arabic = doc(
        "عرض روسي للوساطة",
        "أعلنت المتحدثة باسم الخارجية الروسية أن موسكو مستعدة.\nقال الوزير: «نحن جاهزون».",
        Some("ar"),
    );
    let html = article(&arabic);
    assert!(html.starts_with(r#"<article class="doc" lang="ar" dir="rtl""#));
    assert!(html.contains(r#"<h1 class="doc-title" dir="auto">عرض روسي للوساطة</h1>"#));
    assert!(html.contains(r#"<option value="ar" lang="ar" selected>Arabic · العربية</option>"#));
    assert_blocks_round_trip(&arabic);
    let hebrew = doc(
        "כותרת",
        "הדוברת אמרה כי רוסיה מוכנה לתווך בין הצדדים.",
        Some("he-IL"),
    );
    assert!(article(&hebrew).starts_with(r#"<article class="doc" lang="he-IL" dir="rtl""#));
}

#[test]
fn every_script_keeps_its_code_point_offsets() {
    // Emoji (a ZWJ family, a skin tone), a combining accent, Devanagari, Thai, CJK, and a line
    // short enough to be a subheading.
    let text = "👨‍👩‍👧 and 👍🏽 said “café” (cafe\u{301}).\nनमस्ते दुनिया, यह एक परीक्षण वाक्य है।\nสวัสดีครับ นี่คือประโยคทดสอบที่ยาวพอสมควร.\n日本語の文章です。中文句子。한국어 문장입니다.\nA heading";
    for language in [
        None,
        Some("hi"),
        Some("th"),
        Some("ja"),
        Some("zh"),
        Some("ko"),
    ] {
        let document = doc("Scripts", text, language);
        assert_blocks_round_trip(&document);
        let html = article(&document);
        assert!(
            html.contains(r#"<h2 class="block" dir="auto""#),
            "{language:?}"
        );
    }
    // The first block's end is counted in code points: 👨‍👩‍👧 is five, 👍🏽 two, e + ◌́ two.
    let first = &segments(&article(&doc("", text, None)))[0];
    assert_eq!(first.1, text.lines().next().unwrap().chars().count());
}

#[test]
fn no_language_is_auto_direction_and_an_unknown_tag_is_offered_as_it_is() {
    let none = article(&doc(
        "t",
        "Some text here that is long enough to be a paragraph, not a heading.",
        None,
    ));
    assert!(none.starts_with(r#"<article class="doc" lang="" dir="auto""#));
    assert!(none.contains(r#"<option value="" selected>Language: unknown</option>"#));
    assert_eq!(none.matches(" selected").count(), 1);

    let swahili = article(&doc(
        "t",
        "Msemaji wa wizara alisema Urusi iko tayari kusaidia mazungumzo.",
        Some("sw"),
    ));
    assert!(swahili.contains(r#"<option value="">Language: unknown</option>"#));
    assert!(swahili.contains(r#"<option value="sw" selected>sw</option><option value="ar""#));
    assert_eq!(swahili.matches("<option").count(), LANGUAGES.len() + 2);
}

#[test]
fn text_and_title_are_escaped_never_markup() {
    let nasty = r#"<script>alert("x")</script> & <img src=x onerror='alert(1)'> "quoted" 'single' &amp; a > b"#;
    let document = doc(
        nasty,
        &format!("{nasty}\n{nasty} again, as a longer paragraph of text."),
        Some(r#"en"><script>"#),
    );
    let html = article(&document);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("onerror='"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;alert(1)&#39;&gt; &quot;quoted&quot; &#39;single&#39; &amp;amp; a &gt; b"));
    // The language is an attribute value: it cannot close its quotes.
    assert!(html.starts_with(r#"<article class="doc" lang="en&quot;&gt;&lt;script&gt;" dir="ltr""#));
    assert_blocks_round_trip(&document);
    assert_eq!(unescape(&escape(nasty)), nasty);
}

#[test]
fn a_carriage_return_is_a_character_reference() {
    assert_eq!(escape("a\rb"), "a&#13;b");
    // Lines end at CR LF, which is no block's text.
    let document = doc("t", "First line of the text, long enough to be a paragraph.\r\nSecond line, also long enough to be a paragraph.", None);
    assert_blocks_round_trip(&document);
    assert!(!article(&document).contains("&#13;"));
}

#[test]
fn an_empty_document_says_so() {
    let html = article(&doc("Untitled", "", None));
    assert!(html.contains(r#"<div class="blocks"><div class="spacer" aria-hidden="true" style="height:0px"></div><div class="spacer" aria-hidden="true" style="height:0px"></div></div><p class="empty-doc">This document has no text. Use Open to paste or load a text.</p></article>"#));
}
