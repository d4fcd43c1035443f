//! The browser's word and sentence rules: `Intl.Segmenter` with the document's language
//! (dictionaries for Chinese, Japanese, Thai, Khmer, Lao, Burmese; UAX #29 elsewhere), as the
//! model's `Segmenter`. Where a browser has no `Intl.Segmenter`, the model's UAX #29 rules
//! stand in.
//!
//! Making an `Intl.Segmenter` loads the browser's rules for its language (about 12 ms for the
//! first one of a page), so each is made when first used, or when the page is idle
//! ([`BrowserSegmenter::warm`]), never while the app starts.
//!
//! Segments come back in order and cover the whole input, so their code point offsets are
//! counted from the segments' own text; no UTF-16 offset is used here.

use std::cell::OnceCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::boundaries::{Segmenter, Uax29};

/// `Intl.Segmenter`s for words and sentences in one language, each made when first needed.
pub struct BrowserSegmenter {
    language: Option<String>,
    words: OnceCell<Option<Intl::Segmenter>>,
    sentences: OnceCell<Option<Intl::Segmenter>>,
}

/// An `Intl.Segmenter` of `granularity` for `language`, if the browser has one.
fn segmenter(language: Option<&str>, granularity: &str) -> Option<Intl::Segmenter> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    if !Reflect::has(&intl, &JsValue::from_str("Segmenter")).unwrap_or(false) {
        return None;
    }
    let locales = Array::new();
    if let Some(language) = language {
        locales.push(&JsValue::from_str(language));
    }
    let options = Object::new();
    Reflect::set(&options, &"granularity".into(), &granularity.into()).ok()?;
    Some(Intl::Segmenter::new(&locales, &options))
}

impl BrowserSegmenter {
    /// The rules of `language` (a BCP 47 tag; the browser's default when `None`).
    pub fn new(language: Option<&str>) -> BrowserSegmenter {
        BrowserSegmenter {
            language: language.map(str::to_string),
            words: OnceCell::new(),
            sentences: OnceCell::new(),
        }
    }

    fn words(&self) -> Option<&Intl::Segmenter> {
        self.words
            .get_or_init(|| segmenter(self.language.as_deref(), "word"))
            .as_ref()
    }

    fn sentences(&self) -> Option<&Intl::Segmenter> {
        self.sentences
            .get_or_init(|| segmenter(self.language.as_deref(), "sentence"))
            .as_ref()
    }

    /// Makes both segmenters now (the page is idle), so the first drag does not wait for them.
    pub fn warm(&self) {
        self.words();
        self.sentences();
    }
}

/// Each segment of `text`: its code point offset, length and whether it is word-like.
fn segments(segmenter: &Intl::Segmenter, text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    let Ok(Some(iterator)) = js_sys::try_iter(&segmenter.segment(text)) else {
        return out;
    };
    for item in iterator.flatten() {
        let data: Intl::SegmentData = item.unchecked_into();
        let length = String::from(data.segment()).chars().count();
        out.push((at, length, data.is_word_like().unwrap_or(false)));
        at += length;
    }
    out
}

impl Segmenter for BrowserSegmenter {
    fn words(&self, paragraph: &str) -> Vec<(usize, usize)> {
        match self.words() {
            Some(words) => segments(words, paragraph)
                .into_iter()
                .filter(|(_, _, word_like)| *word_like)
                .map(|(start, length, _)| (start, start + length))
                .collect(),
            None => Uax29.words(paragraph),
        }
    }

    fn sentences(&self, paragraph: &str) -> Vec<usize> {
        match self.sentences() {
            Some(sentences) => segments(sentences, paragraph)
                .into_iter()
                .map(|(start, _, _)| start)
                .collect(),
            None => Uax29.sentences(paragraph),
        }
    }
}
