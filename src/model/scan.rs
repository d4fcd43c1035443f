//! Finding many strings in one text in one pass, for quotes that must be looked for everywhere.
//!
//! Each string is filed under its first bytes (up to eight, read as one number); the pass reads
//! those bytes at every character of the text and compares the strings filed there. A string's
//! occurrences are reported as `str::match_indices` reports them: from the left, never
//! overlapping each other. The pass can be done a slice at a time ([`Scan::advance`]).
//! Offsets are code points.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplies keys into hashes (the golden ratio, as Fibonacci hashing does).
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;
/// log2 of the bits in a key width's filter, which lets most positions go without a lookup.
const FILTER_BITS: u32 = 18;

/// A hasher for keys that are already numbers.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SPREAD);
    }
}

/// The strings whose first `width` bytes are a key (all are at least that long).
struct Width {
    width: usize,
    filter: Vec<u64>,
    strings: HashMap<u64, Vec<usize>, BuildHasherDefault<KeyHasher>>,
}

impl Width {
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(SPREAD) >> (64 - FILTER_BITS)) as usize
    }

    /// The strings filed under the bytes at `at` (`eight` of them read as a key), if any.
    fn candidates(&self, eight: u64, at: usize, len: usize) -> Option<&[usize]> {
        if at + self.width > len {
            return None;
        }
        let key = match self.width {
            8 => eight,
            w => eight & ((1 << (8 * w)) - 1),
        };
        let bit = Width::bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.strings.get(&key).map(Vec::as_slice)
    }
}

/// Up to eight bytes as one number.
fn key(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .enumerate()
        .fold(0, |k, (i, &b)| k | u64::from(b) << (8 * i))
}

/// One pass over a text looking for many strings.
pub struct Scan {
    strings: Vec<Box<str>>,
    /// For each string given, the index of the first equal one (the one that is searched).
    same_as: Vec<usize>,
    widths: Vec<Width>,
    found: Vec<Vec<usize>>,
    /// The byte from which each string may be found again (its last occurrence's end).
    free_from: Vec<usize>,
    byte: usize,
    point: usize,
}

impl Scan {
    /// A scan for `strings` (an empty one is never found).
    pub fn new<S: AsRef<str>>(strings: &[S]) -> Scan {
        let mut first: HashMap<&str, usize> = HashMap::new();
        let same_as: Vec<usize> = strings
            .iter()
            .enumerate()
            .map(|(i, s)| *first.entry(s.as_ref()).or_insert(i))
            .collect();
        let mut widths: Vec<Width> = Vec::new();
        for (i, s) in strings.iter().enumerate() {
            let s = s.as_ref().as_bytes();
            if s.is_empty() || same_as[i] != i {
                continue;
            }
            let width = s.len().min(8);
            let index = match widths.iter().position(|w| w.width == width) {
                Some(index) => index,
                None => {
                    widths.push(Width {
                        width,
                        filter: vec![0; (1 << FILTER_BITS) / 64],
                        strings: HashMap::default(),
                    });
                    widths.len() - 1
                }
            };
            let key = key(s);
            let bit = Width::bit(key);
            widths[index].filter[bit / 64] |= 1 << (bit % 64);
            widths[index].strings.entry(key).or_default().push(i);
        }
        Scan {
            strings: strings.iter().map(|s| s.as_ref().into()).collect(),
            same_as,
            widths,
            found: vec![Vec::new(); strings.len()],
            free_from: vec![0; strings.len()],
            byte: 0,
            point: 0,
        }
    }

    /// Scans the next `bytes` bytes of `text` (at least one); whether the whole text is done.
    /// `text` must be the same at every call.
    pub fn advance(&mut self, text: &str, bytes: usize) -> bool {
        let haystack = text.as_bytes();
        let stop = self.byte.saturating_add(bytes.max(1)).min(haystack.len());
        while self.byte < stop {
            let at = self.byte;
            // Strings start with a character's first byte; other bytes cannot start a match.
            if haystack[at] & 0xc0 != 0x80 {
                let eight = match haystack.get(at..at + 8) {
                    Some(bytes) => u64::from_le_bytes(bytes.try_into().unwrap_or_default()),
                    None => key(&haystack[at..]),
                };
                for width in &self.widths {
                    for &i in width
                        .candidates(eight, at, haystack.len())
                        .unwrap_or_default()
                    {
                        let string = self.strings[i].as_bytes();
                        if at >= self.free_from[i] && haystack[at..].starts_with(string) {
                            self.found[i].push(self.point);
                            self.free_from[i] = at + string.len();
                        }
                    }
                }
                self.point += 1;
            }
            self.byte += 1;
        }
        self.byte >= haystack.len()
    }

    /// How many bytes have been scanned.
    pub fn scanned(&self) -> usize {
        self.byte
    }

    /// Where the `index`th string given starts in the text (as far as it has been scanned).
    pub fn occurrences(&self, index: usize) -> &[usize] {
        &self.found[self.same_as[index]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string's occurrences as `match_indices` gives them, in code points.
    fn check(text: &str, strings: &[&str], step: usize) {
        let mut scan = Scan::new(strings);
        while !scan.advance(text, step) {}
        for (i, s) in strings.iter().enumerate() {
            let expected: Vec<usize> = match s.is_empty() {
                true => Vec::new(),
                false => text
                    .match_indices(s)
                    .map(|(b, _)| text[..b].chars().count())
                    .collect(),
            };
            assert_eq!(scan.occurrences(i), expected, "{s:?} in {text:?}");
        }
    }

    #[test]
    fn finds_what_match_indices_finds() {
        let text = "aaaa 🙂 said: “said” — قالت زاخاروفا, 扎哈罗娃表示 aaaa\r\nsaid";
        let strings = [
            "aa",
            "aaa",
            "said",
            "“said”",
            "🙂",
            "قالت",
            "罗娃",
            "\r\n",
            "a",
            "said",
            "",
            "absent",
            "aaaa 🙂 said: “",
        ];
        for step in [1, 3, 7, 1000] {
            check(text, &strings, step);
        }
        check("", &["a"], 1);
    }
}
