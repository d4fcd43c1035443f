//! Finding many strings in one text in one pass, for quotes that must be looked for everywhere.
//!
//! Each string is filed under its first bytes (up to eight, read as one number); the pass reads
//! those bytes at every character of the text and looks among the strings filed there, sorted,
//! for those the text goes on with, walking them as down a trie (however many share the key).
//! A string's occurrences are reported as `str::match_indices` reports them: from the left,
//! never overlapping each other. The pass can be done a slice of bounded work at a time
//! ([`Scan::advance`]). Offsets are code points.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplies keys into hashes (the golden ratio, as Fibonacci hashing does).
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;
/// log2 of the bits in a key width's filter, which lets most positions go without a lookup.
const FILTER_BITS: u32 = 18;
/// What looking among the strings filed under a key costs, in bytes scanned (a rough guide).
pub const HIT: usize = 256;

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

/// The strings whose first `width` bytes are a key (all are at least that long), each key's
/// sorted by their bytes.
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

/// Of the distinct strings `ids` (sorted by their bytes), calls `found` with each that `rest`
/// begins with, shortest first. It walks down the sorted strings as down a trie: the strings
/// still in the running begin with what has been read of `rest`, the bytes they all share are
/// compared at once, and where they part only those going on with `rest`'s next byte stay.
fn beginnings(strings: &[Box<str>], ids: &[usize], rest: &[u8], mut found: impl FnMut(usize)) {
    let bytes = |i: usize| strings[ids[i]].as_bytes();
    let (mut lo, mut hi, mut depth) = (0, ids.len(), 0);
    while lo < hi {
        // Every string in `lo..hi` begins with `rest[..depth]`; the ones that end there sort
        // first.
        while lo < hi && bytes(lo).len() == depth {
            found(ids[lo]);
            lo += 1;
        }
        let Some(&next) = rest.get(depth).filter(|_| lo < hi) else {
            return;
        };
        let (first, last) = (bytes(lo), bytes(hi - 1));
        let shared = first.iter().zip(last).take_while(|(a, b)| a == b).count();
        if shared > depth {
            // All of them go on with `first[depth..shared]` (and none ends before).
            if rest.get(depth..shared) != Some(&first[depth..shared]) {
                return;
            }
            depth = shared;
            continue;
        }
        let from = lo;
        lo = from + ids[from..hi].partition_point(|&i| strings[i].as_bytes()[depth] < next);
        hi = from + ids[from..hi].partition_point(|&i| strings[i].as_bytes()[depth] <= next);
        depth += 1;
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
        let texts: Vec<&str> = strings.iter().map(AsRef::as_ref).collect();
        for width in &mut widths {
            for ids in width.strings.values_mut() {
                ids.sort_unstable_by_key(|&i| texts[i]);
            }
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

    /// Scans on through `text` for about `work` units (at least one byte): a byte costs one, a
    /// place where strings are filed under the bytes there [`HIT`] more. Whether the whole
    /// text is done. `text` must be the same at every call.
    pub fn advance(&mut self, text: &str, work: usize) -> bool {
        let haystack = text.as_bytes();
        let mut left = work.max(1);
        while self.byte < haystack.len() && left > 0 {
            let at = self.byte;
            left -= 1;
            // Strings start with a character's first byte; other bytes cannot start a match.
            if haystack[at] & 0xc0 != 0x80 {
                let eight = match haystack.get(at..at + 8) {
                    Some(bytes) => u64::from_le_bytes(bytes.try_into().unwrap_or_default()),
                    None => key(&haystack[at..]),
                };
                for width in &self.widths {
                    let Some(ids) = width.candidates(eight, at, haystack.len()) else {
                        continue;
                    };
                    left = left.saturating_sub(HIT);
                    beginnings(&self.strings, ids, &haystack[at..], |i| {
                        if at >= self.free_from[i] {
                            self.found[i].push(self.point);
                            self.free_from[i] = at + self.strings[i].len();
                        }
                    });
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
        let text =
            "aaaa 🙂 said: “said” — قالت زاخاروفا, 扎哈罗娃表示 aaaa\r\nsaid said that, said th";
        let strings = [
            "said that",
            "said th",
            "said tha",
            "said these",
            "said ",
            "said t",
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
