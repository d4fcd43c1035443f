//! A document's language and direction: guessed from the text when a document is made (the
//! dominant script, and for Latin script a vote of common words), changed by the user in the
//! document header, stored as a BCP 47 tag. The language picks the browser's word and sentence
//! rules (`Intl.Segmenter`); the direction lays paragraphs out right to left where the script
//! is written so.

/// Which way a language's text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The HTML `dir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The languages offered in the document header, as (BCP 47 tag, name in English, own name).
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("ar", "Arabic", "العربية"),
    ("bn", "Bengali", "বাংলা"),
    ("de", "German", "Deutsch"),
    ("el", "Greek", "Ελληνικά"),
    ("en", "English", "English"),
    ("es", "Spanish", "Español"),
    ("fa", "Persian", "فارسی"),
    ("fr", "French", "Français"),
    ("he", "Hebrew", "עברית"),
    ("hi", "Hindi", "हिन्दी"),
    ("it", "Italian", "Italiano"),
    ("ja", "Japanese", "日本語"),
    ("km", "Khmer", "ខ្មែរ"),
    ("ko", "Korean", "한국어"),
    ("lo", "Lao", "ລາວ"),
    ("my", "Burmese", "မြန်မာ"),
    ("nl", "Dutch", "Nederlands"),
    ("pl", "Polish", "Polski"),
    ("ps", "Pashto", "پښتو"),
    ("pt", "Portuguese", "Português"),
    ("ru", "Russian", "Русский"),
    ("ta", "Tamil", "தமிழ்"),
    ("th", "Thai", "ไทย"),
    ("tr", "Turkish", "Türkçe"),
    ("uk", "Ukrainian", "Українська"),
    ("ur", "Urdu", "اردو"),
    ("zh", "Chinese", "中文"),
];

/// The direction of a BCP 47 tag's language (right to left for Arabic, Hebrew, Persian, Urdu,
/// Pashto, Yiddish, Dhivehi, Syriac and N'Ko; left to right otherwise).
pub fn direction(tag: &str) -> Direction {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "yi" | "dv" | "syr" | "nqo" | "ckb" | "sd"
        | "ug" => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Whether `tag` looks like a BCP 47 language tag: subtags of 1–8 letters or digits joined by
/// hyphens, the first of 2–3 letters (or 4–8 for registered ones).
pub fn is_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The scripts that name a language by themselves, and the tag they stand for.
fn script_language(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => "ar",
        '\u{0590}'..='\u{05FF}' => "he",
        '\u{0900}'..='\u{097F}' => "hi",
        '\u{0980}'..='\u{09FF}' => "bn",
        '\u{0B80}'..='\u{0BFF}' => "ta",
        '\u{0E00}'..='\u{0E7F}' => "th",
        '\u{0E80}'..='\u{0EFF}' => "lo",
        '\u{1000}'..='\u{109F}' => "my",
        '\u{1780}'..='\u{17FF}' => "km",
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => "ko",
        '\u{3040}'..='\u{30FF}' => "ja",
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => "zh",
        '\u{0370}'..='\u{03FF}' => "el",
        '\u{0400}'..='\u{04FF}' => "ru",
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' => "latin",
        _ => return None,
    })
}

/// Common words of Latin-script languages, for telling them apart.
const LATIN_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "said", "with", "for",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "de", "que", "y", "en", "los", "las", "del", "por",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "que", "une", "dans", "pour",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "la", "per", "non", "una", "sono", "della",
        ],
    ),
    (
        "pt",
        &["o", "de", "que", "e", "do", "da", "em", "um", "para", "não"],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "met", "voor",
        ],
    ),
];

/// The language of `text` guessed from its first 20 000 characters: the dominant script (with
/// kana making Han text Japanese, and for Cyrillic, Ukrainian letters making it Ukrainian), and
/// for Latin script the language whose common words are most frequent. `None` when unsure.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample: Vec<char> = text.chars().take(20_000).collect();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for &c in &sample {
        if let Some(language) = script_language(c) {
            match counts.iter_mut().find(|(l, _)| *l == language) {
                Some((_, n)) => *n += 1,
                None => counts.push((language, 1)),
            }
        }
    }
    let count = |language: &str| {
        counts
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(0, |(_, n)| *n)
    };
    let (top, _) = counts.iter().copied().max_by_key(|(_, n)| *n)?;
    match top {
        "zh" if count("ja") > 0 => Some("ja"),
        "ru" if sample
            .iter()
            .any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ')) =>
        {
            Some("uk")
        }
        "latin" => latin_language(&sample),
        other => Some(other),
    }
}

/// The Latin-script language whose common words occur most often, if one clearly does.
fn latin_language(sample: &[char]) -> Option<&'static str> {
    let text: String = sample.iter().collect::<String>().to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let mut scores: Vec<(&'static str, usize)> = LATIN_WORDS
        .iter()
        .map(|(language, common)| {
            (
                *language,
                words.iter().filter(|w| common.contains(w)).count(),
            )
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, second) = (scores[0], scores[1]);
    (best.1 >= 3 && best.1 * 2 > second.1 * 3).then_some(best.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(detect(text), expected, "{text:?}");
    }

    #[test]
    fn languages_come_from_the_dominant_script_and_common_words() {
        check("قالت زاخاروفا إن المحادثات ستستأنف.", Some("ar"));
        check("הדוברת אמרה שהשיחות יימשכו.", Some("he"));
        check("प्रवक्ता ने कहा कि वार्ता जारी रहेगी।", Some("hi"));
        check("মুখপাত্র বলেছেন আলোচনা চলবে।", Some("bn"));
        check("பேச்சுவார்த்தை தொடரும் என்று அவர் கூறினார்.", Some("ta"));
        check("รัฐบาลรัสเซียกล่าวว่าการเจรจาจะดำเนินต่อไป", Some("th"));
        check("俄罗斯外交部发言人扎哈罗娃表示，会谈将继续。", Some("zh"));
        check(
            "ロシア外務省のザハロワ報道官は、協議を続けると述べた。",
            Some("ja"),
        );
        check(
            "러시아 외무부 대변인은 회담이 계속될 것이라고 말했다.",
            Some("ko"),
        );
        check(
            "Представитель МИД России заявила, что переговоры продолжатся.",
            Some("ru"),
        );
        check(
            "Речниця заявила, що переговори триватимуть і надалі.",
            Some("uk"),
        );
        check(
            "Russia has offered to mediate, and the talks of the two sides will resume.",
            Some("en"),
        );
        check("Rusia ha ofrecido mediar y las conversaciones de los dos países se reanudarán por la tarde.", Some("es"));
        check("La Russie a proposé sa médiation et les pourparlers des deux pays reprendront dans la semaine.", Some("fr"));
        check("Zakharova 🙂", None);
        check("", None);
    }

    #[test]
    fn directions_and_tags() {
        assert_eq!(direction("ar"), Direction::Rtl);
        assert_eq!(direction("he-IL"), Direction::Rtl);
        assert_eq!(direction("fa"), Direction::Rtl);
        assert_eq!(direction("zh-Hans"), Direction::Ltr);
        assert!(is_tag("en") && is_tag("zh-Hans-CN") && is_tag("sr-Latn"));
        assert!(!is_tag("") && !is_tag("e") && !is_tag("en_US") && !is_tag("<script>"));
    }
}
