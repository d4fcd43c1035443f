//! Comparing text without regard to case or Unicode normalisation: Unicode's canonical
//! caseless match (D145), `NFD(fold(NFD(s)))` with full case folding. A composed and a
//! decomposed "José" are equal, so are "ß" and "ss", "ς" and "σ", "İ" and "i̇".
//!
//! Only keys are folded: the document text itself is never normalised, and search maps what
//! it finds back to offsets in the text as written ([`find_folded`]).

use caseless::Caseless;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The key under which two strings compare equal ignoring case and normalisation.
pub fn key(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd().default_case_fold().nfd().collect()
}

/// Appends the key of one grapheme cluster (ASCII quickly).
fn push_key(out: &mut String, cluster: &str) {
    if cluster.is_ascii() {
        out.extend(cluster.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.extend(cluster.nfd().default_case_fold().nfd());
    }
}

/// Where `needle` (already a [`key`]) occurs in `text` when both are folded, as code point
/// ranges of `text`; only matches that begin and end on grapheme cluster boundaries count, so a
/// match never takes a letter without its accent. In text order, at most `limit` (+1, to tell
/// that there were more).
pub fn find_folded(text: &str, needle: &str, limit: usize) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut haystack = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        push_key(&mut haystack, cluster);
    }
    // Walk the clusters again beside the matches: (folded byte, code point) of each boundary.
    let mut boundaries = text.graphemes(true).scan((0usize, 0usize), |at, cluster| {
        let mut folded = String::new();
        push_key(&mut folded, cluster);
        *at = (at.0 + folded.len(), at.1 + cluster.chars().count());
        Some(*at)
    });
    let mut reached = (0usize, 0usize);
    let mut found = Vec::new();
    for (byte, _) in haystack.match_indices(needle) {
        let end = byte + needle.len();
        while reached.0 < byte {
            match boundaries.next() {
                Some(next) => reached = next,
                None => return found,
            }
        }
        if reached.0 != byte {
            continue;
        }
        let start = reached.1;
        let mut probe = reached;
        let mut rest = boundaries.clone();
        while probe.0 < end {
            match rest.next() {
                Some(next) => probe = next,
                None => break,
            }
        }
        if probe.0 == end {
            found.push((start, probe.1));
            if found.len() > limit {
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str, equal: bool) {
        assert_eq!(key(a) == key(b), equal, "{a:?} vs {b:?}");
    }

    #[test]
    fn keys_ignore_case_and_normalisation() {
        check("José", "Jose\u{301}", true);
        check("JOSÉ", "jose\u{301}", true);
        check("Straße", "STRASSE", true);
        check("ὈΔΥΣΣΕΎΣ", "ὀδυσσεύς", true);
        check("İstanbul", "i\u{307}stanbul", true);
        check("Zakharova", "Захарова", false);
        check("Maria  Zakharova", "maria zakharova", false);
    }

    fn quotes(text: &str, query: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_folded(text, &key(query), 100)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn folded_matches_map_back_to_the_text_as_written() {
        assert_eq!(
            quotes("José and JOSE\u{301} met 🙂 jose", "josé"),
            ["José", "JOSE\u{301}"]
        );
        assert_eq!(
            quotes("Die Straße, die STRASSE", "strasse"),
            ["Straße", "STRASSE"]
        );
        assert_eq!(
            quotes("ΟΔΥΣΣΕΥΣ and οδυσσευς", "Οδυσσευς"),
            ["ΟΔΥΣΣΕΥΣ", "οδυσσευς"]
        );
        assert_eq!(
            quotes("Cafe\u{301} cafe", "cafe"),
            ["cafe"],
            "never without its accent"
        );
        assert_eq!(quotes("🇵🇰🇺🇦", "🇺🇦"), ["🇺🇦"]);
        assert_eq!(quotes("ข่าวรัฐบาล", "รัฐ"), ["รัฐ"]);
    }
}
