//! Document text addressed by code point.
//!
//! [`Text`] owns the UTF-8 string of a document and a sparse index from code point offsets to
//! byte offsets, so slicing a 1 MB text at a code point offset costs a short scan, not a walk
//! from the start. [`Document`] adds the title and the content id (`sha256:<hex>`).

use std::rc::Rc;

use sha2::{Digest, Sha256};

use super::language::detect;
use super::span::Span;

/// Every `CHECKPOINT_EVERY`-th code point's byte offset is kept in the index.
const CHECKPOINT_EVERY: usize = 64;

/// An immutable UTF-8 text with code point indexing. Cloning shares the string.
#[derive(Clone, Debug)]
pub struct Text {
    string: Rc<str>,
    len: usize,
    checkpoints: Rc<[usize]>,
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.string == other.string
    }
}

impl Eq for Text {}

impl Text {
    pub fn new(string: impl Into<Rc<str>>) -> Text {
        let string: Rc<str> = string.into();
        let mut checkpoints = Vec::with_capacity(string.len() / CHECKPOINT_EVERY + 1);
        let mut len = 0;
        for (byte, _) in string.char_indices() {
            if len % CHECKPOINT_EVERY == 0 {
                checkpoints.push(byte);
            }
            len += 1;
        }
        Text {
            string,
            len,
            checkpoints: checkpoints.into(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// The shared string, for handing to code that keeps it.
    pub fn shared(&self) -> Rc<str> {
        self.string.clone()
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Byte offset of code point `index`; `index == len()` gives the string's byte length.
    /// Offsets past the end are clamped to the end.
    pub fn byte_offset(&self, index: usize) -> usize {
        if index >= self.len {
            return self.string.len();
        }
        let checkpoint = index / CHECKPOINT_EVERY;
        let bytes = self.string.as_bytes();
        let mut at = self.checkpoints[checkpoint];
        // Step over whole characters by their lead byte's width (`index < len`, so every
        // step lands on a character boundary inside the string).
        for _ in 0..index - checkpoint * CHECKPOINT_EVERY {
            at += utf8_width(bytes[at]);
        }
        at
    }

    /// The text between two code point offsets (clamped to the text, empty when reversed).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let start_byte = self.byte_offset(start);
        let end_byte = self.byte_offset(end).max(start_byte);
        &self.string[start_byte..end_byte]
    }

    /// The text a span covers.
    pub fn quote(&self, span: Span) -> &str {
        self.slice(span.start(), span.end())
    }

    /// The code point at `index`, if any.
    pub fn char_at(&self, index: usize) -> Option<char> {
        if index >= self.len {
            return None;
        }
        self.string[self.byte_offset(index)..].chars().next()
    }

    /// The code point just before `index`, if any.
    pub fn char_before(&self, index: usize) -> Option<char> {
        if index == 0 {
            return None;
        }
        self.string[..self.byte_offset(index)].chars().next_back()
    }
}

/// The title of a document that has none.
pub const UNTITLED: &str = "Untitled";

/// `title`, or [`UNTITLED`] when it is blank.
pub fn title_or_untitled(title: &str) -> &str {
    if title.trim().is_empty() {
        UNTITLED
    } else {
        title
    }
}

/// A document: its text, a human title, and a content id derived from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub text: Text,
    /// The text's language as a BCP 47 tag: guessed when the document is made
    /// (`language::detect`), then as the file or the user says.
    pub language: Option<String>,
    id: String,
}

impl Document {
    pub fn new(title: impl Into<String>, text: impl Into<Rc<str>>) -> Document {
        let text = Text::new(text);
        let id = content_id(text.as_str());
        let language = detect(text.as_str()).map(str::to_string);
        Document {
            title: title.into(),
            text,
            language,
            id,
        }
    }

    /// `sha256:<lowercase hex of the UTF-8 text>`.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The length in bytes of the UTF-8 character that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

const HASH_PIECE_BYTES: usize = 8 * 1024;

/// The content id of a text: `sha256:` and the hex digest of its UTF-8 bytes.
pub fn content_id(text: &str) -> String {
    // Hashed in pieces: a browser first runs WebAssembly with a quick baseline compiler and
    // swaps in optimised code only between calls, so one call over a whole 1 MB text would run
    // entirely unoptimised (several times slower).
    let mut hasher = Sha256::new();
    for piece in text.as_bytes().chunks(HASH_PIECE_BYTES) {
        hasher.update(piece);
    }
    let digest = hasher.finalize();
    let mut id = String::with_capacity(7 + 64);
    id.push_str("sha256:");
    for byte in digest.iter() {
        id.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        id.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    id
}

/// The article claimmark opens on.
pub const SEED_ARTICLE: &str = include_str!("../../assets/article.txt");

/// The seed article's title (the file itself has none).
pub const SEED_TITLE: &str = "Russia offers to mediate between Pakistan and Afghanistan";

/// The seed article as a document.
pub fn seed_document() -> Document {
    Document::new(SEED_TITLE, SEED_ARTICLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "a’“b”—🙂👨🏻‍🚒e\u{301}\r\nz";

    #[test]
    fn slicing_by_code_point_matches_python_indexing() {
        let text = Text::new(MIXED);
        let chars: Vec<char> = MIXED.chars().collect();
        assert_eq!(text.len(), chars.len());
        for start in 0..=chars.len() {
            for end in start..=chars.len() {
                let expected: String = chars[start..end].iter().collect();
                assert_eq!(text.slice(start, end), expected, "slice({start}, {end})");
            }
        }
    }

    #[test]
    fn index_works_across_many_checkpoints() {
        let long: String = "é🙂x".repeat(500);
        let text = Text::new(long.as_str());
        let chars: Vec<char> = long.chars().collect();
        for index in [0, 1, 63, 64, 65, 127, 128, 1000, 1499] {
            assert_eq!(text.char_at(index), Some(chars[index]), "char_at({index})");
            assert_eq!(text.char_before(index + 1), Some(chars[index]));
        }
        assert_eq!(text.char_at(1500), None);
        assert_eq!(text.byte_offset(1500), long.len());
    }

    #[test]
    fn byte_offsets_match_char_indices_everywhere() {
        let long = MIXED.repeat(40);
        let text = Text::new(long.as_str());
        let boundaries: Vec<usize> = long.char_indices().map(|(byte, _)| byte).collect();
        for (index, byte) in boundaries.iter().enumerate() {
            assert_eq!(text.byte_offset(index), *byte, "byte_offset({index})");
        }
        assert_eq!(text.byte_offset(boundaries.len()), long.len());
        assert_eq!(text.byte_offset(boundaries.len() + 7), long.len());
    }

    #[test]
    fn content_id_is_sha256_of_utf8() {
        assert_eq!(
            content_id("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Hashing in pieces gives the one-shot digest, across piece boundaries too.
        let long = MIXED.repeat(2000);
        let one_shot: String = Sha256::digest(long.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(long.len() > 2 * HASH_PIECE_BYTES);
        assert_eq!(content_id(&long), format!("sha256:{one_shot}"));
    }

    #[test]
    fn seed_article_is_the_shared_file() {
        let doc = seed_document();
        assert_eq!(doc.text.len(), 2446);
        if let Ok(shared) = std::fs::read_to_string("../shared/article.txt") {
            assert_eq!(shared, SEED_ARTICLE);
        }
    }
}
