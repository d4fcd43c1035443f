//! What the suggestion model sees of a candidate: a few named binary features (the cue's lemma
//! and label, how the words said are laid out, quotation, who speaks, length, place, words that
//! hint at a label), and the prior weights it starts from before learning anything. Scores are
//! per class: the three default labels and "none" (not an attribution).

use super::lexicon::{Class, Lexicon, Words};
use super::phrases::Kind;
use super::structure::{Found, Shape};
use super::tokens::Token;

/// The classes the model scores, in order: the three labels, then "none".
pub const CLASSES: [&str; 4] = ["claim", "allegation", "proposal", "none"];
/// The index of "none" in [`CLASSES`].
pub const NONE: usize = 3;

/// The class index of a label id, if it is one of the three.
pub fn class_index(label: &str) -> Option<usize> {
    CLASSES[..NONE].iter().position(|c| *c == label)
}

/// What is known about a candidate besides its structure.
pub struct Context<'a> {
    /// The tokens of the words said.
    pub content: &'a [Token],
    /// The kind of the speaker's phrase, if one was found.
    pub speaker: Option<Kind>,
    /// Whether a speaker's phrase was found but no source could be named (a pronoun with
    /// nothing before it).
    pub unresolved: bool,
    /// Whether the sentence begins its paragraph.
    pub first: bool,
}

/// The features of a candidate, as names ("cue:say", "shape:that", "len:4-8").
pub fn features(found: &Found, context: &Context, lexicon: &Lexicon) -> Vec<String> {
    let shape = found.shape.name();
    let mut out = vec![
        "bias".to_string(),
        format!("cue:{}", found.cue.lemma),
        format!("class:{}", found.cue.class.id()),
        format!("shape:{shape}"),
        format!("pair:{}+{shape}", found.cue.lemma),
    ];
    let speaker = match context.speaker {
        None => "none",
        Some(Kind::Name) => "name",
        Some(Kind::Pronoun(_)) => "pronoun",
        Some(Kind::Definite) => "definite",
        Some(Kind::Phrase) => "phrase",
    };
    out.push(format!("speaker:{speaker}"));
    let words = context.content.iter().filter(|t| t.is_word()).count();
    out.push(
        match words {
            0..=3 => "len:1-3",
            4..=8 => "len:4-8",
            9..=20 => "len:9-20",
            _ => "len:21+",
        }
        .to_string(),
    );
    for (on, name) in [
        (found.shape.quoted(), "quoted"),
        (found.coordinated, "coordinated"),
        (found.passive, "passive"),
        (context.unresolved, "unresolved"),
        (context.first, "first-sentence"),
    ] {
        if on {
            out.push(name.to_string());
        }
    }
    let determined = context
        .content
        .first()
        .is_some_and(|w| lexicon.is(Words::Determiner, &w.lower));
    if words <= 3 && determined && found.shape == Shape::Bare {
        out.push(format!("short-object:{}", found.cue.class.id()));
    }
    let hinted = hinted(context.content, lexicon);
    for class in Class::ALL {
        if hinted & class.bit() != 0 {
            out.push(format!("hint:{}", class.id()));
        }
    }
    out
}

/// The labels the words said hint at (bits `1 << class`): a word or two-word phrase of them
/// that is a hint.
fn hinted(content: &[Token], lexicon: &Lexicon) -> u8 {
    let all = Class::ALL.iter().fold(0, |bits, c| bits | c.bit());
    let mut pair = String::new();
    let mut bits = 0;
    for (i, t) in content.iter().enumerate().filter(|(_, t)| t.is_word()) {
        bits |= lexicon.hints(&t.lower);
        if let Some(next) = content.get(i + 1).filter(|n| n.is_word()) {
            pair.clear();
            pair.push_str(&t.lower);
            pair.push(' ');
            pair.push_str(&next.lower);
            bits |= lexicon.hints(&pair);
        }
        if bits == all {
            break;
        }
    }
    bits
}

/// The weights a feature starts with, per class, before any learning: the cue's label counts
/// most; quotations, a named speaker and a clause after "that" make an attribution likelier;
/// no speaker, a passive, very short or bare complements make "none" likelier ("denied the
/// charge" refers to a claim rather than making one); "suggests that …" asserts.
pub fn prior(feature: &str) -> [f64; 4] {
    let none = |w: f64| [0.0, 0.0, 0.0, w];
    match feature {
        "bias" => none(1.0),
        "class:claim" => [3.0, 0.0, 0.0, 0.0],
        "class:allegation" => [0.0, 3.0, 0.0, 0.0],
        "class:proposal" => [0.0, 0.0, 3.0, 0.0],
        "shape:bare" => none(0.8),
        "shape:named" => none(0.5),
        "quoted" => none(-1.0),
        "speaker:none" => none(2.0),
        "speaker:name" => none(-0.5),
        "passive" => none(2.5),
        "unresolved" => none(0.5),
        "len:1-3" => none(1.0),
        "short-object:claim" => none(1.5),
        "pair:suggest+that" => [3.5, 0.0, 0.0, 0.0],
        "len:21+" => none(0.5),
        "hint:allegation" => [0.0, 3.5, 0.0, 0.0],
        "hint:proposal" => [0.0, 0.0, 3.2, 0.0],
        _ => [0.0; 4],
    }
}
