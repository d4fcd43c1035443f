//! Conversions between the offset units that meet at claimmark's edges.
//!
//! The model counts Unicode code points. Browsers count UTF-16 code units (DOM `Range`
//! offsets, `String.length`), and some tools count UTF-8 bytes. These pure functions convert
//! within one string, so the DOM boundary (`view::selection`) and the importers never do their
//! own arithmetic.

/// Which way to move an offset that falls inside a code point (between the two halves of a
/// surrogate pair, or inside a UTF-8 sequence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    /// To the start of the code point (use for span starts).
    Down,
    /// Past the end of the code point (use for span ends).
    Up,
}

/// The number of code points of `text` that lie before UTF-16 offset `utf16`.
/// Offsets past the end give the code point length of `text`.
pub fn utf16_to_code_points(text: &str, utf16: usize, round: Round) -> usize {
    let mut units = 0;
    for (index, c) in text.chars().enumerate() {
        if units >= utf16 {
            return index;
        }
        let width = c.len_utf16();
        if units + width > utf16 {
            // `utf16` points between the halves of a surrogate pair.
            return match round {
                Round::Down => index,
                Round::Up => index + 1,
            };
        }
        units += width;
    }
    text.chars().count()
}

/// The UTF-16 offset of code point `index` in `text` (clamped to the end).
pub fn code_points_to_utf16(text: &str, index: usize) -> usize {
    text.chars().take(index).map(char::len_utf16).sum()
}

/// The number of code points of `text` that lie before UTF-8 byte offset `byte`.
pub fn utf8_to_code_points(text: &str, byte: usize, round: Round) -> usize {
    let mut count = 0;
    for (start, c) in text.char_indices() {
        if start >= byte {
            return count;
        }
        if start + c.len_utf8() > byte {
            return match round {
                Round::Down => count,
                Round::Up => count + 1,
            };
        }
        count += 1;
    }
    count
}

/// The UTF-8 byte offset of code point `index` in `text` (clamped to the end).
pub fn code_points_to_utf8(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(byte, _)| byte)
}

/// Splits `text` at code point offsets `cuts` (ascending, relative to `text`) into
/// `cuts.len() + 1` pieces. Cuts past the end give empty pieces.
pub fn split_at_code_points<'t>(text: &'t str, cuts: &[usize]) -> Vec<&'t str> {
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut boundaries = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()));
    let mut next_boundary = 0;
    let mut from = 0;
    for &cut in cuts {
        let byte = match cut.checked_sub(next_boundary) {
            Some(skip) => boundaries.nth(skip).unwrap_or(text.len()),
            None => from,
        };
        next_boundary = cut + 1;
        pieces.push(&text[from..byte]);
        from = byte;
    }
    pieces.push(&text[from..]);
    pieces
}

/// When offsets that do not slice `text` to `quote` would do so counted in another unit, a
/// sentence saying so: the most common cause of drifting offsets.
pub fn unit_hint(text: &str, start: usize, end: usize, quote: &str) -> Option<&'static str> {
    let slice = |s: usize, e: usize| {
        text.chars()
            .skip(s)
            .take(e.saturating_sub(s))
            .collect::<String>()
    };
    let as_utf16 = (
        utf16_to_code_points(text, start, Round::Down),
        utf16_to_code_points(text, end, Round::Up),
    );
    let as_utf8 = (
        utf8_to_code_points(text, start, Round::Down),
        utf8_to_code_points(text, end, Round::Up),
    );
    if (as_utf16 != (start, end)) && slice(as_utf16.0, as_utf16.1) == quote {
        Some("these offsets fit the quote if counted in UTF-16 code units (as JavaScript counts); claimmark counts Unicode code points")
    } else if (as_utf8 != (start, end)) && slice(as_utf8.0, as_utf8.1) == quote {
        Some("these offsets fit the quote if counted in UTF-8 bytes; claimmark counts Unicode code points")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text with every shape of character the offsets must survive.
    const NASTY: &str = "“A”’—🙂 👨🏻‍🚒 e\u{301}\r\nend";

    fn check_utf16(text: &str, utf16: usize, round: Round, expected: usize) {
        assert_eq!(
            utf16_to_code_points(text, utf16, round),
            expected,
            "utf16 {utf16} ({round:?}) in {text:?}"
        );
    }

    #[test]
    fn utf16_round_trips_at_every_code_point_boundary() {
        let mut utf16 = 0;
        for (index, c) in NASTY.chars().enumerate() {
            check_utf16(NASTY, utf16, Round::Down, index);
            check_utf16(NASTY, utf16, Round::Up, index);
            assert_eq!(code_points_to_utf16(NASTY, index), utf16);
            utf16 += c.len_utf16();
        }
        check_utf16(NASTY, utf16, Round::Down, NASTY.chars().count());
    }

    #[test]
    fn utf16_inside_a_surrogate_pair_rounds_as_asked() {
        // "ab🙂c": 🙂 is code point 2 and UTF-16 units 2..4.
        check_utf16("ab🙂c", 3, Round::Down, 2);
        check_utf16("ab🙂c", 3, Round::Up, 3);
        check_utf16("ab🙂c", 99, Round::Up, 4);
    }

    #[test]
    fn splitting_by_code_points_keeps_emoji_whole() {
        assert_eq!(
            split_at_code_points("a🙂b’c", &[1, 2, 4]),
            ["a", "🙂", "b’", "c"]
        );
        assert_eq!(
            split_at_code_points("e\u{301}\r\n", &[1, 2]),
            ["e", "\u{301}", "\r\n"]
        );
        assert_eq!(split_at_code_points("abc", &[]), ["abc"]);
        assert_eq!(split_at_code_points("ab", &[0, 2]), ["", "ab", ""]);
        assert_eq!(split_at_code_points("ab", &[1, 1]), ["a", "", "b"]);
    }

    #[test]
    fn foreign_units_are_recognised() {
        let text = "🙂 Kabul accused Islamabad";
        // "Kabul" is code points 2..7, UTF-16 units 3..8, UTF-8 bytes 5..10.
        assert_eq!(
            unit_hint(text, 3, 8, "Kabul").map(|h| &h[..40]),
            Some("these offsets fit the quote if counted i")
        );
        assert!(unit_hint(text, 3, 8, "Kabul").unwrap().contains("UTF-16"));
        assert!(unit_hint(text, 5, 10, "Kabul").unwrap().contains("UTF-8"));
        assert_eq!(unit_hint(text, 2, 7, "Kabul"), None, "already right");
        assert_eq!(unit_hint(text, 9, 12, "Kabul"), None, "wrong in every unit");
    }

    #[test]
    fn utf8_round_trips_and_rounds() {
        let mut byte = 0;
        for (index, c) in NASTY.chars().enumerate() {
            assert_eq!(utf8_to_code_points(NASTY, byte, Round::Down), index);
            assert_eq!(code_points_to_utf8(NASTY, index), byte);
            byte += c.len_utf8();
        }
        // "é" (precomposed) is bytes 1..3 of "xé".
        assert_eq!(utf8_to_code_points("xé", 2, Round::Down), 1);
        assert_eq!(utf8_to_code_points("xé", 2, Round::Up), 2);
    }
}
