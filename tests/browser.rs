//! Component tests in headless Chromium (wasm-bindgen-test): the real DOM, real `Range`s.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser` (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use claimmark::model::offsets::code_points_to_utf16;
use claimmark::model::suggest::Suggestion;
use claimmark::model::{Action, Attribution, Corpus, Document, LabelId, Span, Workspace};
use claimmark::view::document::DocumentView;
use claimmark::view::selection::{current_selection, select_span};
use claimmark::view::store::{Msg, Store, StoreHandle};
use claimmark::view::suggesting::{Found, SuggestMsg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every kind of character the offsets must survive, across two lines (CRLF).
const NASTY: &str = "“Zakharova” said — 🙂 👨🏻‍🚒 Cafe\u{301} talks <img src=x onerror=alert(1)> failed.\r\nKabul’s “claim”.";

#[derive(Properties, PartialEq)]
struct HarnessProps {
    text: AttrValue,
    spans: Vec<(usize, usize, &'static str)>,
    /// Spans shown as suggestions (the first focused).
    #[prop_or_default]
    suggested: Vec<(usize, usize)>,
}

/// Provides a store over `text` with `spans` annotated, around a `DocumentView`.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let store = use_reducer(|| {
        let document = Document::new("Test", props.text.as_str());
        Store::new(Corpus::new(Workspace::new(document)), true)
    });
    let added = use_mut_ref(|| false);
    if !*added.borrow() {
        *added.borrow_mut() = true;
        let len = props.text.chars().count();
        for &(start, end, label) in &props.spans {
            store.dispatch(Msg::Do(Action::Add {
                span: Span::new(start, end, len).unwrap(),
                label: LabelId::new(label),
                attribution: Attribution::named("Kabul"),
                note: String::new(),
                now: String::new(),
            }));
        }
        store.dispatch(Msg::Select(None));
        if !props.suggested.is_empty() {
            show_suggestions(&store, &props.text, &props.suggested);
        }
    }
    html! { <ContextProvider<StoreHandle> context={store}><DocumentView /></ContextProvider<StoreHandle>> }
}

/// Shows `spans` as suggested claims, the first one focused.
fn show_suggestions(store: &StoreHandle, text: &str, spans: &[(usize, usize)]) {
    let len = text.chars().count();
    let list: Vec<Suggestion> = spans
        .iter()
        .map(|&(start, end)| Suggestion {
            label: LabelId::new("claim"),
            span: Span::new(start, end, len).unwrap(),
            source: Some("Kabul".into()),
            mention: None,
            cue: None,
            confidence: 0.8,
            features: Vec::new(),
        })
        .collect();
    let focused = list.first().map(|s| (s.span, s.label.clone()));
    let document = Document::new("Test", text).id().to_string();
    let found = Found {
        document,
        revision: 0,
        list,
        others: Default::default(),
    };
    store.dispatch(Msg::Suggestions(SuggestMsg::Show));
    store.dispatch(Msg::Suggestions(SuggestMsg::Found(found.into())));
    store.dispatch(Msg::Suggestions(SuggestMsg::Focus(focused)));
}

async fn render(text: &str, spans: Vec<(usize, usize, &'static str)>) -> Element {
    render_with(text, spans, Vec::new()).await
}

async fn render_with(
    text: &str,
    spans: Vec<(usize, usize, &'static str)>,
    suggested: Vec<(usize, usize)>,
) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            text: text.to_string().into(),
            spans,
            suggested,
        },
    )
    .render();
    yew::platform::time::sleep(Duration::from_millis(30)).await;
    root.query_selector("article.doc")
        .unwrap()
        .expect("the article rendered")
}

fn cleanup(article: &Element) {
    if let Some(root) = article.parent_element() {
        root.remove();
    }
}

/// The article's text as rendered in its segments, block by block.
fn rendered_text(article: &Element) -> String {
    let segments = article.query_selector_all(".seg").unwrap();
    (0..segments.length())
        .map(|i| segments.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn every_code_point_boundary_round_trips_through_a_dom_range() {
    let article = render(
        NASTY,
        vec![
            (0, 11, "claim"),
            (19, 25, "proposal"),
            (20, 31, "allegation"),
        ],
    )
    .await;
    let chars: Vec<char> = NASTY.chars().collect();
    let rendered: Vec<usize> = (0..=chars.len())
        .filter(|&i| !matches!(chars.get(i.wrapping_sub(1)), Some('\r')))
        .collect();
    let mut checked = 0;
    for &start in &rendered {
        for &end in rendered.iter().filter(|&&e| e > start).step_by(7) {
            let span = Span::new(start, end, chars.len()).unwrap();
            assert!(select_span(&article, span), "select {span}");
            let got = current_selection(&article, chars.len()).expect("a selection");
            assert_eq!((got.start, got.end), (start, end), "round trip of {span}");
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} spans checked");
    cleanup(&article);
}

/// The shared vectors: each text with the span as a browser counts it (UTF-16, `indexOf`) and
/// in code points.
#[wasm_bindgen_test]
async fn shared_browser_vectors_convert_from_utf16_to_code_points() {
    let texts: serde_json::Value = serde_json::from_str(include_str!("data/offsets.json")).unwrap();
    let texts: Vec<&str> = texts
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    let lines: Vec<serde_json::Value> = include_str!("data/offsets-js.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(texts.len(), lines.len());
    for (text, vector) in texts.iter().zip(&lines) {
        let article = render(text, vec![]).await;
        let node: Node = article
            .query_selector(".seg")
            .unwrap()
            .unwrap()
            .first_child()
            .unwrap();
        let utf16 = &vector["js_indexOf_utf16"];
        let range = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_range()
            .unwrap();
        range
            .set_start(&node, utf16[0].as_u64().unwrap() as u32)
            .unwrap();
        range
            .set_end(&node, utf16[1].as_u64().unwrap() as u32)
            .unwrap();
        let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
        selection.remove_all_ranges().unwrap();
        selection.add_range(&range).unwrap();
        assert_eq!(range.to_string(), vector["span"].as_str().unwrap());
        let got = current_selection(&article, text.chars().count()).unwrap();
        let expected = &vector["codepoints"];
        assert_eq!(
            (got.start as u64, got.end as u64),
            (expected[0].as_u64().unwrap(), expected[1].as_u64().unwrap()),
            "{text}"
        );
        cleanup(&article);
    }
}

#[wasm_bindgen_test]
async fn a_range_inside_a_surrogate_pair_rounds_outward() {
    let article = render("ab🙂cd", vec![]).await;
    let text_node: Node = article
        .query_selector(".seg")
        .unwrap()
        .unwrap()
        .first_child()
        .unwrap();
    let range = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_range()
        .unwrap();
    // UTF-16 unit 3 is the middle of 🙂 (units 2..4).
    range.set_start(&text_node, 3).unwrap();
    range.set_end(&text_node, 3 + 1).unwrap();
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    let got = current_selection(&article, 5).unwrap();
    assert_eq!(
        (got.start, got.end),
        (2, 3),
        "the whole emoji, in code points"
    );
    assert_eq!(code_points_to_utf16("ab🙂cd", 3), 4);
    cleanup(&article);
}

#[wasm_bindgen_test]
async fn text_is_rendered_as_text_with_layered_highlights_and_badges() {
    let article = render(
        NASTY,
        vec![
            (0, 11, "claim"),
            (19, 25, "proposal"),
            (20, 31, "allegation"),
        ],
    )
    .await;
    assert_eq!(
        rendered_text(&article),
        NASTY.replace("\r\n", ""),
        "every code point rendered once, no HTML"
    );
    assert!(
        article.query_selector("img").unwrap().is_none(),
        "markup in the text stays text"
    );
    let blocks = article.query_selector_all(".block").unwrap();
    assert_eq!(blocks.length(), 2);
    let badges: Vec<String> = {
        let list = article.query_selector_all(".seg[data-badge]").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("data-badge")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(badges, ["Claim", "Proposal", "Allegation"]);
    let overlap = article
        .query_selector(".seg[data-ids='a2 a3']")
        .unwrap()
        .expect("a segment under both");
    assert_eq!(overlap.text_content().unwrap(), " 👨🏻‍🚒");
    let style = overlap.get_attribute("style").unwrap();
    assert!(
        style.contains("#009e73") && style.contains("#d55e00"),
        "both labels' lines: {style}"
    );
    assert!(overlap
        .get_attribute("title")
        .unwrap()
        .contains("Allegation — Kabul"));
    cleanup(&article);
}

/// Suggestions are dashed overlays: they cut segments into pieces but change no text, no offset
/// and no annotation's badge, and selections still map to code points across the pieces.
#[wasm_bindgen_test]
async fn suggestion_outlines_keep_the_text_its_offsets_and_the_badges() {
    let article = render_with(NASTY, vec![(0, 11, "claim")], vec![(5, 25), (19, 40)]).await;
    assert_eq!(rendered_text(&article), NASTY.replace("\r\n", ""));
    let count = |selector: &str| article.query_selector_all(selector).unwrap().length();
    assert!(
        count(".seg.is-suggested") >= 3,
        "both suggestions drawn, cut where they overlap"
    );
    assert!(
        count(".seg.is-suggested-focus") >= 1,
        "the focused one marked"
    );
    assert_eq!(count(".seg[data-badge]"), 1, "the annotation's badge once");
    let segments = article.query_selector_all(".block .seg").unwrap();
    let bounds: Vec<(usize, usize)> = (0..segments.length())
        .map(|i| {
            let e = segments.item(i).unwrap().dyn_into::<Element>().unwrap();
            let at = |name| e.get_attribute(name).unwrap().parse::<usize>().unwrap();
            (at("data-s"), at("data-e"))
        })
        .collect();
    for pair in bounds.windows(2) {
        let gap = pair[1].0 - pair[0].1;
        assert!(gap <= 2, "pieces follow each other: {pair:?}");
    }
    let len = NASTY.chars().count();
    for (start, end) in [(3, 9), (6, 24), (18, 41), (0, 47)] {
        let span = Span::new(start, end, len).unwrap();
        assert!(select_span(&article, span), "select {span}");
        let got = current_selection(&article, len).expect("a selection");
        assert_eq!((got.start, got.end), (start, end));
    }
    cleanup(&article);
}

#[wasm_bindgen_test]
async fn clicking_a_nested_highlight_cycles_through_its_annotations() {
    let article = render(
        "one two three four",
        vec![(0, 18, "claim"), (4, 13, "proposal")],
    )
    .await;
    let inner: HtmlElement = article
        .query_selector(".seg[data-ids='a1 a2']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let click = || {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        let up = web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &init).unwrap();
        inner.dispatch_event(&up).unwrap();
    };
    let selected = || {
        let list = article.query_selector_all(".seg.is-selected").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
            .join("|")
    };
    // Rendering follows the click on a later task; on a loaded machine that can take a while.
    let settle = |want: &'static str| async move {
        for _ in 0..100 {
            if selected() == want {
                break;
            }
            yew::platform::time::sleep(Duration::from_millis(10)).await;
        }
    };
    click();
    settle("two three").await;
    assert_eq!(selected(), "two three", "the innermost first");
    click();
    settle("one |two three| four").await;
    assert_eq!(selected(), "one |two three| four", "then the one around it");
    cleanup(&article);
}

#[wasm_bindgen_test]
fn the_crash_banner_says_work_is_saved() {
    claimmark::view::panic::show_message("details");
    let banner = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id("crash")
        .expect("banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner
        .text_content()
        .unwrap()
        .contains("your work is saved"));
    banner.remove();
}

#[wasm_bindgen_test]
fn warming_the_menu_fonts_leaves_the_page_as_it_was() {
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    let before = body.inner_html();
    let focused = document.active_element();
    claimmark::view::warm_up::menu_fonts();
    assert_eq!(body.inner_html(), before, "the sample is removed");
    assert_eq!(document.active_element(), focused, "focus does not move");
}
