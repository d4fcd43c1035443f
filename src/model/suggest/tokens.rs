//! The text as the suggestion engine reads it: paragraphs (between line breaks), sentences
//! that never end inside a quotation, and tokens (words and single punctuation marks) with
//! code point offsets into the document. Quotation marks are paired: curly “ ”, „ “, « », and
//! straight " by turns; a mark left without its partner counts as plain punctuation.

use super::lexicon::{Lexicon, Words};

/// A word or one punctuation mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Code point offsets in the document, end-exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The word in lower case (empty for punctuation).
    pub lower: String,
    /// Whether the word starts with a capital letter.
    pub capital: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quotation mark that opens a quotation closed by the token at this index (in the
    /// sentence).
    Open(usize),
    /// A quotation mark that closes a quotation.
    Close,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the token is the punctuation mark `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Open(_) | Kind::Close)
    }
}

/// One sentence of a paragraph.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub tokens: Vec<Token>,
    /// Whether it begins its paragraph.
    pub first: bool,
}

/// Whether `c` continues a word: letters, digits and the combining marks of common scripts
/// (an accent written as its own code point). Spans are snapped to whole characters later
/// anyway (`boundaries`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}'
            | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}' | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// The paragraphs of `chars` as code point ranges (line breaks excluded, empty ones skipped).
pub fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_line_break(c) {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if chars.len() > start {
        out.push((start, chars.len()));
    }
    out
}

/// The tokens of `chars[start..end]`.
fn tokenise(chars: &[char], start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = start;
    while i < end {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start: i,
                end: i + 1,
                kind: Kind::Punct(c),
                lower: String::new(),
                capital: false,
            });
            i += 1;
            continue;
        }
        let from = i;
        while i < end {
            let c = chars[i];
            let inside = |j: usize| j < end && is_word_char(chars[j]);
            if is_word_char(c) || (matches!(c, '\'' | '’' | '-' | '‐') && inside(i + 1)) {
                i += 1;
            } else if matches!(c, '\'' | '’') && matches!(chars[i - 1], 's' | 'S') {
                i += 1; // a plural possessive: "Farmers' unions"
                break;
            } else {
                break;
            }
        }
        let word: String = chars[from..i].iter().collect();
        tokens.push(Token {
            start: from,
            end: i,
            kind: Kind::Word,
            capital: word.chars().next().is_some_and(char::is_uppercase),
            lower: word.to_lowercase().replace('’', "'"),
        });
    }
    tokens
}

/// Pairs quotation marks: each opening mark that finds its closing one becomes `Open` (with
/// the closing token's index, in `tokens`) and the closing one `Close`.
fn pair_quotes(tokens: &mut [Token], chars: &[char]) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for i in 0..tokens.len() {
        let Kind::Punct(c) = tokens[i].kind else {
            continue;
        };
        let before = tokens[i].start.checked_sub(1).map(|b| chars[b]);
        let opens_straight = c == '"'
            && open.last().is_none_or(|(_, o)| *o != '"')
            && before.is_none_or(|b| b.is_whitespace() || "([{—–-:".contains(b));
        let closer = match c {
            '”' => Some(['“', '„']),
            '“' if open.last().is_some_and(|(_, o)| *o == '„') => Some(['„', '„']),
            '»' => Some(['«', '«']),
            '"' if !opens_straight => Some(['"', '"']),
            _ => None,
        };
        if let Some(partners) = closer {
            if let Some(at) = open.iter().rposition(|(_, o)| partners.contains(o)) {
                let (first, _) = open[at];
                open.truncate(at);
                tokens[first].kind = Kind::Open(i);
                tokens[i].kind = Kind::Close;
            }
        } else if matches!(c, '“' | '„' | '«') || opens_straight {
            open.push((i, c));
        }
    }
}

/// Whether a `.` after `word` ends nothing: an abbreviation ("Dr.") or an initial ("J.").
fn is_abbreviation(word: &Token, lexicon: &Lexicon) -> bool {
    word.is_word()
        && (lexicon.is(Words::Abbreviation, &word.lower)
            || (word.end - word.start == 1 && word.capital))
}

/// Where sentences end in a paragraph's tokens: after . ! ? … (and the closing marks that
/// follow them) outside quotations, when a capitalised word, a digit or a quotation follows.
fn sentence_ends(tokens: &[Token], lexicon: &Lexicon) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut depth_until = 0; // inside a quotation until this token index
    let mut i = 0;
    while i < tokens.len() {
        if let Kind::Open(close) = tokens[i].kind {
            depth_until = depth_until.max(close);
        }
        let full_stop = matches!(tokens[i].kind, Kind::Punct('.' | '!' | '?' | '…'));
        let after_abbreviation =
            tokens[i].is('.') && i > 0 && is_abbreviation(&tokens[i - 1], lexicon);
        if full_stop && !after_abbreviation {
            let mut end = i + 1;
            while end < tokens.len()
                && (tokens[end].kind == Kind::Close || tokens[end].is(')'))
                && end <= depth_until
            {
                end += 1;
            }
            let inside = end <= depth_until;
            let next = tokens.get(end);
            let starts = next.is_none_or(|t| {
                t.capital
                    || t.lower.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(t.kind, Kind::Open(_))
            });
            if !inside && starts {
                ends.push(end);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if ends.last() != Some(&tokens.len()) {
        ends.push(tokens.len());
    }
    ends
}

/// The sentences of one paragraph (`chars[start..end]`).
pub fn sentences(chars: &[char], (start, end): (usize, usize), lexicon: &Lexicon) -> Vec<Sentence> {
    let mut tokens = tokenise(chars, start, end);
    pair_quotes(&mut tokens, chars);
    let mut out = Vec::new();
    let mut from = 0;
    for end in sentence_ends(&tokens, lexicon) {
        if end <= from {
            continue;
        }
        let mut sentence: Vec<Token> = tokens[from..end].to_vec();
        for token in &mut sentence {
            if let Kind::Open(close) = &mut token.kind {
                *close -= from;
            }
        }
        out.push(Sentence {
            tokens: sentence,
            first: from == 0,
        });
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::lexicon::for_language;

    /// Each sentence's text, with its quotations in [brackets].
    fn check(text: &str, expected: &[&str]) {
        let chars: Vec<char> = text.chars().collect();
        let lexicon = for_language(Some("en")).unwrap();
        let mut shown = Vec::new();
        for paragraph in paragraphs(&chars) {
            for sentence in sentences(&chars, paragraph, lexicon) {
                let words: Vec<String> = sentence
                    .tokens
                    .iter()
                    .map(|t| match t.kind {
                        Kind::Open(_) => "[".to_string(),
                        Kind::Close => "]".to_string(),
                        _ => chars[t.start..t.end].iter().collect(),
                    })
                    .collect();
                shown.push(words.join(" "));
            }
        }
        assert_eq!(shown, expected, "{text:?}");
    }

    #[test]
    fn sentences_end_outside_quotations_and_abbreviations() {
        check(
            "“We are ready. We will act,” she said. Dr. Berg agreed.\r\nNext line",
            &[
                "[ We are ready . We will act , ] she said .",
                "Dr . Berg agreed .",
                "Next line",
            ],
        );
        check(
            "He called it \"absurd.\" Residents left. The U.S. envoy spoke",
            &[
                "He called it [ absurd . ]",
                "Residents left .",
                "The U . S . envoy spoke",
            ],
        );
        check(
            "Farmers' unions blamed Russia’s well-known envoy (again).",
            &["Farmers' unions blamed Russia’s well-known envoy ( again ) ."],
        );
    }

    #[test]
    fn unpaired_quotation_marks_are_plain_punctuation() {
        check("He said \"yes and left.", &["He said \" yes and left ."]);
        check("« Oui », dit-il.", &["[ Oui ] , dit-il ."]);
    }

    #[test]
    fn words_keep_their_combining_accents() {
        check("Cafe\u{301} 🙂 ok", &["Cafe\u{301} 🙂 ok"]);
    }
}
