//! The reading view of a document as static HTML, so that the page can show the seed article
//! before the app has started: the build writes it into `index.html` (the `prerender` example,
//! run by `scripts/post-build.mjs`), and the app keeps it on screen until its own reading view
//! replaces it (`view::prerendered`).
//!
//! The markup is the one `view::document` and `view::block` render for a document without
//! annotations (title, language and Done controls, one `p.block` or `h2.block` per line with its
//! `span.seg`, every block in the DOM as for a short document), so the same stylesheet lays it
//! out in the same place and nothing moves when the app takes over; `e2e/prerender.test.mjs`
//! holds the two equal. Every piece of the document is escaped: its text is text, never HTML.
//! (The HTML parser reads a NUL character in text as nothing, the one character a page cannot
//! carry as written; no document of the build holds one.)

use std::fmt::Write;

use super::language::{direction, LANGUAGES};
use super::layout::{blocks, Block, BlockKind};
use super::text::Document;

/// What `view::document` says to screen readers about the caret (visually hidden).
const CARET_HELP: &str = "Arrow keys move a caret (Ctrl: by word; up and down: by sentence; Ctrl+up and down: by paragraph); with Shift they select. Enter opens the tag menu; 1, 2, 3 tag the selection.";
const LANGUAGE_TITLE: &str = "The text's language: its word and sentence rules, and its direction";
const EMPTY: &str = "This document has no text. Use Open to paste or load a text.";

/// `text` escaped for HTML text and attribute values alike: `& < > " '`, and a carriage
/// return as a character reference (the parser would turn a CR LF written as it is into LF).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// The document's `<article class="doc">` as the reading view renders it.
pub fn article(document: &Document) -> String {
    let lang = document.language.as_deref().unwrap_or_default();
    let dir = document
        .language
        .as_deref()
        .map_or("auto", |l| direction(l).as_str());
    let layout = blocks(&document.text);
    let mut html = format!(
        r#"<article class="doc" lang="{}" dir="{dir}" aria-label="Document text" tabindex="0" aria-describedby="caret-help">"#,
        escape(lang)
    );
    let _ = write!(
        html,
        r#"<p id="caret-help" class="visually-hidden">{CARET_HELP}</p><p class="visually-hidden" aria-live="polite"></p>{}<div class="blocks">{SPACER}"#,
        document_head(document)
    );
    for (index, block) in layout.iter().enumerate() {
        html.push_str(&block_html(index, block, document));
    }
    html.push_str(SPACER);
    html.push_str("</div>");
    if layout.is_empty() {
        let _ = write!(html, r#"<p class="empty-doc">{EMPTY}</p>"#);
    }
    html.push_str("</article>");
    html
}

/// The spacer before and after the blocks (empty: every block is in the DOM).
const SPACER: &str = r#"<div class="spacer" aria-hidden="true" style="height:0px"></div>"#;

/// The title, the language choice and the Done switch.
fn document_head(document: &Document) -> String {
    format!(
        r#"<header class="doc-head"><h1 class="doc-title" dir="auto">{}</h1><div class="doc-controls">{}<label class="done-toggle" title="Mark this document finished"><input type="checkbox">Done</label></div></header>"#,
        escape(&document.title),
        language_choice(document.language.as_deref())
    )
}

/// The language `<select>`: "unknown", the current tag when it is not one claimmark names, and
/// the languages it names, the current one selected.
fn language_choice(current: Option<&str>) -> String {
    let selected = |yes: bool| if yes { " selected" } else { "" };
    let mut options = format!(
        r#"<option value=""{}>Language: unknown</option>"#,
        selected(current.is_none())
    );
    let known = LANGUAGES.iter().any(|(tag, _, _)| Some(*tag) == current);
    if let Some(tag) = current.filter(|_| !known) {
        let tag = escape(tag);
        let _ = write!(options, r#"<option value="{tag}" selected>{tag}</option>"#);
    }
    for (tag, name, own) in LANGUAGES {
        let label = if name == own {
            name.to_string()
        } else {
            format!("{name} · {own}")
        };
        let _ = write!(
            options,
            r#"<option value="{tag}" lang="{tag}"{}>{label}</option>"#,
            selected(current == Some(*tag))
        );
    }
    format!(
        r#"<label class="language-choice" title="{}"><span class="visually-hidden">Language</span><select>{options}</select></label>"#,
        escape(LANGUAGE_TITLE)
    )
}

/// One block in its wrapper, its text one segment (a document without annotations).
fn block_html(index: usize, block: &Block, document: &Document) -> String {
    let tag = match block.kind {
        BlockKind::Heading => "h2",
        BlockKind::Paragraph => "p",
    };
    let (s, e) = (block.start, block.end);
    let text = escape(document.text.slice(s, e));
    format!(
        r#"<div class="block-wrap" data-block="{index}"><{tag} class="block" dir="auto" data-s="{s}" data-e="{e}"><span class="seg" data-s="{s}" data-e="{e}">{text}</span></{tag}></div>"#
    )
}
