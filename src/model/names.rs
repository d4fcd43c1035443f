//! Names in running text: runs of capitalised words ("Maria Zakharova", "Ministry of Foreign
//! Affairs of Pakistan") found by a small heuristic, for suggesting sources.
//!
//! Deliberately simple and language-agnostic enough for news prose: a name is a run of
//! capitalised words, possibly joined by "of", "al", "von" and the like. Words that only look
//! like names because they start a sentence ("The", "However") are dropped, possessives
//! ("Russia’s") are cut to the name, and title-case lines (headlines) are skipped.

use super::boundaries::cluster_starts;
use super::span::Span;
use super::text::Text;

/// Whether `at` (a code point offset) begins a sentence: only spaces, opening quotes and
/// brackets since the text's start, a line break, or `.`, `!`, `?`, `:`.
fn starts_sentence(chars: &[char], at: usize) -> bool {
    for &c in chars[..at].iter().rev() {
        match c {
            ' ' | '\t' | '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–' => continue,
            '\n' | '\r' | '.' | '!' | '?' | ':' => return true,
            _ => return false,
        }
    }
    true
}

/// Small words that may join the parts of a name ("Ministry of Foreign Affairs").
const JOINERS: [&str; 8] = ["of", "for", "de", "al", "bin", "van", "von", "the"];
/// Words that start sentences without being names.
const SENTENCE_WORDS: [&str; 40] = [
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "However",
    "According",
    "It",
    "Its",
    "As",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "There",
    "Here",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "With",
    "Meanwhile",
    "Also",
    "Such",
    "Some",
];
/// The most words a name can have, joiners and a leading “The” included.
const NAME_WORDS: usize = 8;

/// Runs of capitalised words ("Maria Zakharova", "Islamabad") with their spans, and whether
/// the run is a lone word at a sentence start (which needs more evidence to be a name).
pub fn capitalised_names(text: &Text) -> Vec<(String, Span, bool)> {
    let text = text.as_str();
    let chars: Vec<char> = text.chars().collect();
    // A code point inside a grapheme cluster (an accent, a vowel sign) belongs to its word.
    let starts = cluster_starts(text);
    let is_word =
        |i: usize| chars[i].is_alphanumeric() || !starts[i] || matches!(chars[i], '-' | '\'' | '’');
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let start = i;
            while i < chars.len() && is_word(i) {
                i += 1;
            }
            let mut end = i;
            while end > start + 1 && matches!(chars[end - 1], '-' | '\'' | '’') {
                end -= 1;
            }
            // A possessive belongs to the sentence, not the name: "Russia’s" names Russia.
            if end > start + 2 && matches!(chars[end - 2], '’' | '\'') && chars[end - 1] == 's' {
                end -= 2;
            }
            words.push((start, end));
        } else {
            i += 1;
        }
    }
    let word = |&(s, e): &(usize, usize)| chars[s..e].iter().collect::<String>();
    let capital = |w: &(usize, usize)| chars[w.0].is_uppercase();
    let words: Vec<(usize, usize)> = without_title_lines(&chars, words, capital);
    let mut names = Vec::new();
    let mut w = 0;
    while w < words.len() {
        if !capital(&words[w]) {
            w += 1;
            continue;
        }
        let mut run = vec![words[w]];
        let mut next = w + 1;
        // Words of a name follow each other with one space between them.
        let adjacent = |a: (usize, usize), b: (usize, usize)| b.0 == a.1 + 1 && chars[a.1] == ' ';
        while next < words.len()
            && run.len() < NAME_WORDS
            && adjacent(*run.last().unwrap_or(&words[w]), words[next])
        {
            let is_joiner = JOINERS.contains(&word(&words[next]).as_str());
            if capital(&words[next])
                || (is_joiner && next + 1 < words.len() && capital(&words[next + 1]))
            {
                run.push(words[next]);
                next += 1;
            } else {
                break;
            }
        }
        w = next;
        if starts_sentence(&chars, run[0].0) && SENTENCE_WORDS.contains(&word(&run[0]).as_str()) {
            run.remove(0);
        }
        while run.last().is_some_and(|x| !capital(x)) {
            run.pop();
        }
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let name: String = chars[first.0..last.1].iter().collect();
        if name.chars().count() < 2 || name.chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let lone_at_start = run.len() == 1 && starts_sentence(&chars, first.0);
        if let Ok(span) = Span::new(first.0, last.1, chars.len()) {
            names.push((name, span, lone_at_start));
        }
    }
    names
}

/// The words that are not on title-case lines (headlines such as "Russia’s Position on
/// Conflict Resolution"), where capitals say nothing about names.
fn without_title_lines(
    chars: &[char],
    words: Vec<(usize, usize)>,
    capital: impl Fn(&(usize, usize)) -> bool,
) -> Vec<(usize, usize)> {
    let mut kept = Vec::with_capacity(words.len());
    let mut line: Vec<(usize, usize)> = Vec::new();
    let flush = |line: &mut Vec<(usize, usize)>, kept: &mut Vec<(usize, usize)>| {
        // Headline style: at least three words longer than three letters, all capitalised.
        let long: Vec<&(usize, usize)> = line.iter().filter(|&&(s, e)| e - s > 3).collect();
        let title = long.len() >= 3 && long.iter().all(|w| capital(w));
        if !title {
            kept.append(line);
        }
        line.clear();
    };
    let mut previous_end = 0;
    for word in words {
        if chars[previous_end..word.0]
            .iter()
            .any(|&c| c == '\n' || c == '\r')
        {
            flush(&mut line, &mut kept);
        }
        previous_end = word.1;
        line.push(word);
    }
    flush(&mut line, &mut kept);
    kept
}
